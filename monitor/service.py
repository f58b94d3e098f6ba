"""`modelwatch run`: the long-running service.

Each enabled source is crawled on its own schedule (`every`), in a child process per crawl (Twisted's
reactor cannot restart in one process). A source that is unreachable is reported plainly and tried
again at its next turn: the service keeps running. SIGINT/SIGTERM let an in-flight crawl finish its
write, then exit 0.
"""

from __future__ import annotations

import logging
import random
import signal
import threading
from datetime import datetime, timedelta
from types import FrameType

from apscheduler.schedulers.background import BackgroundScheduler

from crawler.source import SourceSpec
from db.engine import make_engine
from db.queries import last_runs
from db.types import utcnow
from monitor.config import Config
from monitor.crawl import CrawlError, crawl_in_child, source_specs
from monitor.report import crawl_summary

logger = logging.getLogger(__name__)

# Spread first crawls of several sources a little, so they do not all start in the same second.
START_JITTER_S = 5


def first_run_time(*, last_finished: datetime | None, every: timedelta, now: datetime) -> datetime:
    """When a source should first be crawled after a (re)start: now if it is due, else when it will be."""
    if last_finished is None:
        return now
    due = last_finished + every
    return max(due, now)


class Service:
    """The scheduler and its jobs; `run_forever` blocks until a stop signal."""

    def __init__(self, *, config: Config, db_url: str) -> None:
        self.config = config
        self.db_url = db_url
        self.stopping = threading.Event()
        self.scheduler = BackgroundScheduler(timezone="UTC")

    def crawl_job(self, spec: SourceSpec) -> None:
        """One scheduled crawl of one source; never raises (the service must keep running)."""
        if self.stopping.is_set():
            return
        started = utcnow()
        try:
            outcome = crawl_in_child(db_url=self.db_url, sources=[spec], aliases=self.config.models.aliases)
        except CrawlError as exc:
            logger.error("crawl of %s failed: %s", spec.name, exc)
            return
        seconds = (utcnow() - started).total_seconds()
        for report in outcome.reports:
            if report.status == "failed":
                reason = report.problems[0] if report.problems else "no data"
                logger.warning(
                    "source %s is unreachable or unreadable (%s); next try in %s",
                    spec.name,
                    reason,
                    self._every(spec.name),
                )
            else:
                logger.info("%s", crawl_summary([report], [], seconds))
        for error in outcome.errors:
            logger.error("crawl of %s: %s", spec.name, error)

    def _every(self, name: str) -> timedelta:
        return next(s.every for s in self.config.sources if s.name == name)

    def schedule(self, *, now: datetime | None = None) -> list[tuple[str, datetime]]:
        """Add one job per enabled source; returns (source, first run) pairs."""
        now = now or utcnow()
        engine = make_engine(self.db_url)
        runs = last_runs(engine=engine)
        engine.dispose()
        planned = []
        for spec in source_specs(self.config):
            every = self._every(spec.name)
            last = runs.get(spec.name)
            finished = last.finished if last is not None and last.status in ("ok", "partial") else None
            first = first_run_time(last_finished=finished, every=every, now=now)
            if first == now:
                first += timedelta(seconds=random.uniform(0, START_JITTER_S))
            self.scheduler.add_job(
                self.crawl_job,
                "interval",
                seconds=every.total_seconds(),
                next_run_time=first,
                args=[spec],
                id=f"crawl:{spec.name}",
                name=f"crawl {spec.name}",
                max_instances=1,
                coalesce=True,
                misfire_grace_time=int(min(every.total_seconds(), 3600)),
                jitter=int(min(every.total_seconds() * 0.05, 300)),
                replace_existing=True,
            )
            planned.append((spec.name, first))
        return planned

    def run_forever(self) -> int:
        def _stop(signum: int, _frame: FrameType | None) -> None:
            logger.info("received %s: finishing in-flight work, then stopping", signal.Signals(signum).name)
            self.stopping.set()

        signal.signal(signal.SIGINT, _stop)
        signal.signal(signal.SIGTERM, _stop)
        for name, first in self.schedule():
            logger.info("source %s: next crawl at %s", name, first.strftime("%Y-%m-%d %H:%M:%S UTC"))
        if not self.config.sources:
            logger.warning("no sources configured: nothing to crawl (see modelwatch.toml)")
        self.scheduler.start()
        self.stopping.wait()
        self.scheduler.shutdown(wait=True)
        logger.info("stopped")
        return 0
