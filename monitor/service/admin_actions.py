"""The work behind the API's admin routes (`api.AdminActions`): a crawl or a probe round, started now on
a background thread, one of each kind at a time.

- crawl: by default `monitor.crawling.run.crawl_in_child` of the named sources (every enabled one when none
  is named); the service may inject its own crawl job instead (`run_crawl`).
- probe: the function the caller hands in (`run_probes`): the service's probe job under `modelwatch run`,
  one stored probe round under `modelwatch api`; without one, the probe route answers 503.

Names are checked against the configuration before anything starts: unknown ones are refused (422),
and a second request while one is running is refused (409).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from api import ActionRefused
from db.types import utcnow
from monitor.config import Config
from monitor.crawling.report import crawl_summary
from monitor.crawling.run import CrawlError, crawl_in_child, source_specs

logger = logging.getLogger(__name__)

Work = Callable[[list[str] | None], Any]


class BackgroundActions:
    """`api.AdminActions` that start the work on a background thread and return at once."""

    def __init__(
        self,
        *,
        config: Config,
        db_url: str,
        run_crawl: Work | None = None,
        run_probes: Work | None = None,
    ) -> None:
        self.config = config
        self.db_url = db_url
        self._run_crawl = run_crawl or self._crawl_in_child
        self._run_probes = run_probes
        self._lock = threading.Lock()
        self._running: dict[str, threading.Thread] = {}

    # -- the two actions ---------------------------------------------------------------------------
    def crawl(self, sources: list[str] | None) -> dict[str, Any]:
        try:
            specs = source_specs(self.config, names=sources)
        except CrawlError as exc:
            raise ActionRefused(str(exc), status_code=422) from None
        if not specs:
            raise ActionRefused("nothing to crawl: no enabled sources in the configuration", status_code=422)
        names = [spec.name for spec in specs]
        self._start("crawl", self._run_crawl, sources)
        return {"sources": names, "started": utcnow().isoformat()}

    def probe(self, names: list[str] | None) -> dict[str, Any]:
        if self._run_probes is None:
            raise ActionRefused(
                "probing is not available in this process: it runs in the service (`modelwatch run`)",
                status_code=503,
            )
        configured = {probe.name: probe for probe in self.config.probes}
        unknown = [name for name in names or () if name not in configured]
        if unknown:
            known = ", ".join(sorted(configured)) or "none"
            raise ActionRefused(f"unknown probe {', '.join(unknown)} (configured: {known})", status_code=422)
        chosen = list(names) if names else [p.name for p in self.config.probes if p.enabled]
        if not chosen:
            raise ActionRefused("nothing to probe: no enabled probes in the configuration", status_code=422)
        self._start("probe", self._run_probes, names)
        return {"probes": chosen, "started": utcnow().isoformat()}

    def wait(self, timeout_s: float | None = None) -> None:
        """Wait for the work under way (tests, shutdown)."""
        for thread in list(self._running.values()):
            thread.join(timeout_s)

    # -- machinery ---------------------------------------------------------------------------------
    def _start(self, kind: str, work: Work, names: list[str] | None) -> None:
        with self._lock:
            running = self._running.get(kind)
            if running is not None and running.is_alive():
                raise ActionRefused(f"a {kind} is already running; try again when it has finished")
            thread = threading.Thread(
                target=self._run, args=(kind, work, names), name=f"admin-{kind}", daemon=True
            )
            self._running[kind] = thread
            thread.start()

    @staticmethod
    def _run(kind: str, work: Work, names: list[str] | None) -> None:
        logger.info("admin: %s of %s started", kind, ", ".join(names) if names else "everything")
        try:
            work(names)
        except Exception:
            logger.exception("admin: %s failed", kind)
        else:
            logger.info("admin: %s finished", kind)

    def _crawl_in_child(self, names: Sequence[str] | None) -> None:
        specs = source_specs(self.config, names=names)
        started = time.monotonic()
        outcome = crawl_in_child(db_url=self.db_url, sources=specs, aliases=self.config.models.aliases)
        for line in crawl_summary(outcome.reports, outcome.errors, time.monotonic() - started).splitlines():
            logger.info("admin crawl: %s", line)
