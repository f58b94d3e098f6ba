"""The catalog API as monitor serves it: `make_app` (the API with the admin token from the settings, the
aliases from the configuration, and crawls and probe rounds started on a background thread) and
`ApiThread`, which serves it beside the scheduler under `modelwatch run` and `modelwatch demo --serve`.
`modelwatch api` serves the same app alone (`monitor.cli.api`)."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # FastAPI and the API load only where they serve
    from fastapi import FastAPI
    from sqlalchemy.engine import Engine

    from monitor.config import Config
    from monitor.service.admin_actions import Work
    from monitor.settings import Settings


def make_app(
    *,
    config: Config,
    db_url: str,
    settings: Settings,
    engine: Engine | None = None,
    run_crawl: Work | None = None,
    run_probes: Work | None = None,
    expect_scheduler: bool = False,
) -> FastAPI:
    """The catalog API as the CLI and the service serve it: the admin token from the settings, the
    aliases from the configuration, crawls and probe rounds started on a background thread."""
    token = settings.admin_token.get_secret_value() if settings.admin_token is not None else None
    from api import create_app
    from monitor.service.admin_actions import BackgroundActions

    actions = BackgroundActions(config=config, db_url=db_url, run_crawl=run_crawl, run_probes=run_probes)
    return create_app(
        engine=engine,
        db_url=None if engine is not None else db_url,
        admin_token=token,
        actions=actions,
        aliases=config.models.aliases,
        rates=config.currencies.to_rates(),
        expect_scheduler=expect_scheduler,
    )


class ApiThread:
    """The catalog API served on a background thread, for `modelwatch run` beside its scheduler:
    `start()` returns once the port listens; `stop()` asks uvicorn to finish and waits."""

    def __init__(self, app: FastAPI, *, host: str, port: int) -> None:
        import uvicorn

        self.server = uvicorn.Server(
            uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False)
        )
        self._thread = threading.Thread(target=self.server.run, name="catalog-api", daemon=True)

    def start(self, timeout_s: float = 30) -> None:
        self._thread.start()
        deadline = time.monotonic() + timeout_s
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the catalog API did not start (is the port free?)")
            time.sleep(0.05)

    def stop(self, timeout_s: float = 10) -> None:
        self.server.should_exit = True
        self._thread.join(timeout_s)
