"""What runs beside the service: the catalog API (a thread, `monitor.service.api_server`) and the
dashboard (a child process, `monitor.service.dashboard_process`), for `modelwatch run` and
`modelwatch demo --serve`."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from monitor.config import Config
    from monitor.service.service import Service
    from monitor.settings import Settings

logger = logging.getLogger(__name__)


@contextmanager
def companions(
    service: Service, config: Config, db_url: str, settings: Settings, *, api: bool, dashboard: bool
) -> Iterator[None]:
    """The catalog API (a thread) and the dashboard (a child process) beside the service.

    One that cannot start (a port in use) is reported; the service runs on without it.
    """
    from monitor.service.api_server import ApiThread, make_app
    from monitor.service.dashboard_process import start_dashboard, stop_dashboard

    server = None
    if api:
        app = make_app(
            config=config,
            db_url=db_url,
            settings=settings,
            engine=service.engine,
            run_crawl=service.trigger_crawl,
            run_probes=service.trigger_probes,
            expect_scheduler=True,
        )
        server = ApiThread(app, host=settings.api_host, port=settings.api_port)
        try:
            server.start()
            logger.info("catalog API on http://%s:%d/api/v1", settings.api_host, settings.api_port)
        except RuntimeError as exc:
            logger.error("%s: port %d; the service runs on without the API", exc, settings.api_port)
            server = None
    child = None
    if dashboard:
        child = start_dashboard(
            db_url,
            port=settings.dashboard_port,
            host=settings.dashboard_host,
            rates=config.currencies.to_rates(),
        )
        logger.info("dashboard on http://%s:%d", settings.dashboard_host, settings.dashboard_port)
    try:
        yield
    finally:
        if server is not None:
            server.stop()
        if child is not None:
            stop_dashboard(child)
