"""The scheduled jobs' entry points, as APScheduler stores them: module-level functions with plain args.

The job store is a table in modelwatch's own database, so a job is kept as ``monitor.jobs:crawl`` plus
``("openrouter",)`` and its next run time, never as a pickled service. Each entry point finds the
service running in this process (one per process) and calls it; a job that fires while no service runs
(a test tearing down) does nothing.
"""

from __future__ import annotations

import logging
import threading
from typing import Protocol

logger = logging.getLogger(__name__)


class Runner(Protocol):
    """What the service offers the jobs (`monitor.service.service.Service`)."""

    def crawl_job(self, source: str) -> None: ...

    def probe_job(self, every_s: int) -> None: ...

    def rollup_job(self) -> None: ...

    def retention_job(self) -> None: ...

    def alerts_job(self) -> None: ...


_lock = threading.Lock()
_runner: Runner | None = None


def register(runner: Runner | None) -> None:
    """Make `runner` the service the jobs call (None: no service)."""
    global _runner
    with _lock:
        _runner = runner


def _current() -> Runner | None:
    with _lock:
        return _runner


def crawl(source: str) -> None:
    """Crawl one configured source."""
    runner = _current()
    if runner is not None:
        runner.crawl_job(source)


def probe(every_s: int) -> None:
    """One probe round of the probes scheduled every `every_s` seconds."""
    runner = _current()
    if runner is not None:
        runner.probe_job(every_s)


def rollup() -> None:
    """Fold recent probe samples into hourly and daily buckets."""
    runner = _current()
    if runner is not None:
        runner.rollup_job()


def retention() -> None:
    """Drop raw samples and rollups past their retention."""
    runner = _current()
    if runner is not None:
        runner.retention_job()


def alerts() -> None:
    """One delivery pass of the alert outbox."""
    runner = _current()
    if runner is not None:
        runner.alerts_job()
