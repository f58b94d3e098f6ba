"""`modelwatch run`: the long-running service.

APScheduler 3 runs the jobs (`monitor.service.schedule`), and keeps them in a table of modelwatch's own
database (``apscheduler_jobs``). `Service` holds the jobs' bodies and the lifecycle:

- Twisted's reactor runs once per process, so each crawl runs in a child process: a second scheduled
  crawl works in the same service.
- A source that is unreachable is reported plainly and tried again at its next turn.
- A restart resumes the stored schedule.
- SIGINT/SIGTERM let in-flight jobs finish their writes, then the service exits 0.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from datetime import UTC, datetime, timedelta
from types import FrameType

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from db.catalog.queries import last_runs
from db.engine import make_engine
from db.heartbeat import beat
from db.probes.retention import apply_retention
from db.probes.rollups import rollup
from db.types import utcnow
from monitor import jobs
from monitor.alerts.deliver import deliver_summary, delivery_pass
from monitor.alerts.evaluate import evaluate, evaluate_summary
from monitor.config import Config
from monitor.crawling.report import crawl_summary
from monitor.crawling.run import CrawlError, crawl_in_child, source_specs
from monitor.probes.runner import ProbeRunner, round_summary
from monitor.service.schedule import JobPlan, plan_jobs, source_every, sync_jobs

logger = logging.getLogger(__name__)

JOBS_TABLE = "apscheduler_jobs"
HEARTBEAT_EVERY_S = 15


class Service:
    """The scheduler and its jobs. `start`/`stop` for tests and embedding; `run_forever` for the CLI."""

    def __init__(self, *, config: Config, db_url: str, workers: int = 4) -> None:
        self.config = config
        self.db_url = db_url
        self.engine = make_engine(db_url)
        self.stopping = threading.Event()
        self.started = utcnow()
        self.probes = ProbeRunner(config, self.engine)
        self.scheduler = BackgroundScheduler(
            timezone=UTC,
            jobstores={
                "default": SQLAlchemyJobStore(engine=self.engine, tablename=JOBS_TABLE),
                "memory": MemoryJobStore(),
            },
            executors={"default": ThreadPoolExecutor(max_workers=workers)},
            job_defaults={"coalesce": True, "max_instances": 1},
        )

    # -- jobs ------------------------------------------------------------------------------------
    def crawl_job(self, source: str) -> None:
        """One scheduled crawl of one source; never raises (the service must keep running)."""
        if self.stopping.is_set():
            return
        try:
            specs = source_specs(self.config, names=[source])
        except CrawlError as exc:  # a stored job for a source no longer configured
            logger.warning("%s", exc)
            return
        started = utcnow()
        try:
            outcome = crawl_in_child(db_url=self.db_url, sources=specs, aliases=self.config.models.aliases)
        except CrawlError as exc:
            logger.error("crawl of %s failed: %s", source, exc)
            return
        seconds = (utcnow() - started).total_seconds()
        for report in outcome.reports:
            if report.status == "failed":
                reason = report.problems[0] if report.problems else "no data"
                logger.warning(
                    "source %s is unreachable or unreadable (%s); next try in %s",
                    source,
                    reason,
                    self._every(source),
                )
            else:
                logger.info("%s", crawl_summary([report], [], seconds))
                self._relink_probes()
        self._evaluate_alerts()
        for error in outcome.errors:
            logger.error("crawl of %s: %s", source, error)

    def _relink_probes(self) -> None:
        """After a crawl, match the probes to the catalog again (an endpoint may have appeared)."""
        if not self.config.probes:
            return
        try:
            self.probes.prepare()
        except Exception:
            logger.exception("could not link the probes to the catalog")

    def probe_job(self, every_s: int) -> None:
        """One round of the probes run every `every_s` seconds; never raises."""
        if self.stopping.is_set():
            return
        try:
            probes = self.probes.select(every_s=every_s)
            if not probes:
                return
            result = self.probes.round(probes)
            logger.info("probe round (%s): %s", timedelta(seconds=every_s), round_summary(result))
        except Exception:
            logger.exception("probe round (every %s s) failed", every_s)
        self._evaluate_alerts()

    def _evaluate_alerts(self) -> None:
        """Apply the alert rules to what just happened and fill the outbox (delivery is its own job)."""
        try:
            report = evaluate(self.engine, self.config)
            if report.enqueued:
                logger.info("%s", evaluate_summary(report))
        except Exception:
            logger.exception("alert evaluation failed")

    def alerts_job(self) -> None:
        """One delivery pass of the alert outbox (evaluating first, to catch up); never raises."""
        try:
            evaluated, delivered = delivery_pass(self.engine, self.config)
            if delivered.sent or delivered.retrying or delivered.failed:
                logger.info("%s", deliver_summary(delivered))
        except Exception:
            logger.exception("alert delivery failed")

    def rollup_job(self) -> None:
        """Fold new probe samples into hourly and daily rollups; never raises."""
        try:
            report = rollup(self.engine, now=utcnow())
            logger.debug("rollup: %s", report)
        except Exception:
            logger.exception("rollup failed")

    def retention_job(self) -> None:
        """Drop raw samples and rollups past their retention; never raises."""
        monitoring = self.config.monitoring
        try:
            report = apply_retention(
                self.engine,
                now=utcnow(),
                raw_days=monitoring.raw_retention / timedelta(days=1),
                rollup_days=monitoring.rollup_retention / timedelta(days=1),
            )
            logger.info("retention: %s", report)
        except Exception:
            logger.exception("retention failed")

    def heartbeat_job(self) -> None:
        """Record that the scheduler is alive (`/healthz` reports its age)."""
        try:
            beat(self.engine, started=self.started, pid=os.getpid())
        except Exception as exc:  # the database may be briefly locked: the next beat will do
            logger.warning("heartbeat not written: %s", exc)

    # -- work asked for now (the API's admin routes) ------------------------------------------------
    def trigger_crawl(self, sources: list[str] | None) -> list[str]:
        """Crawl these sources (all enabled ones when None) as soon as possible, through their jobs."""
        names = [spec.name for spec in source_specs(self.config, names=sources)]
        for name in names:
            job = self.scheduler.get_job(f"crawl:{name}")
            if job is not None:
                job.modify(next_run_time=utcnow())
            else:  # a disabled source named explicitly: crawl it once here
                self.crawl_job(name)
        return names

    def trigger_probes(self, names: list[str] | None) -> None:
        """One probe round of these probes (all enabled ones when None) now, on the caller's thread."""
        result = self.probes.round(self.probes.select(names))
        logger.info("probe round (asked for): %s", round_summary(result))
        self._evaluate_alerts()

    def _every(self, name: str) -> timedelta:
        return source_every(self.config, name)

    # -- schedule --------------------------------------------------------------------------------
    def plan(self, *, now: datetime) -> list[JobPlan]:
        """The jobs the configuration asks for, with when each would first run if it were new."""
        return plan_jobs(self.config, runs=last_runs(engine=self.engine), now=now)

    def schedule(self, *, now: datetime | None = None) -> list[tuple[JobPlan, datetime]]:
        """Bring the stored jobs in line with the configuration; returns each job with its next run.

        The scheduler must be started (paused) so that the stored jobs are loaded.
        """
        now = now or utcnow()
        return sync_jobs(self.scheduler, self.plan(now=now), now=now)

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> list[tuple[JobPlan, datetime]]:
        """Start the scheduler in the background with the configured jobs; returns the schedule."""
        jobs.register(self)
        if self.config.probes:
            self.probes.prepare()
        self.heartbeat_job()
        self.scheduler.start(paused=True)
        planned = self.schedule()
        # the heartbeat lives in memory only: it must not survive the process in the job store
        self.scheduler.add_job(
            self.heartbeat_job,
            IntervalTrigger(seconds=HEARTBEAT_EVERY_S, timezone=UTC),
            id="heartbeat",
            name="heartbeat",
            jobstore="memory",
            replace_existing=True,
        )
        self.scheduler.resume()
        return planned

    def stop(self) -> None:
        """Let running jobs finish their writes, then stop; idempotent."""
        self.stopping.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)
        jobs.register(None)
        self.engine.dispose()

    def run_forever(self) -> int:
        def _stop(signum: int, _frame: FrameType | None) -> None:
            logger.info("received %s: finishing in-flight work, then stopping", signal.Signals(signum).name)
            self.stopping.set()

        signal.signal(signal.SIGINT, _stop)
        signal.signal(signal.SIGTERM, _stop)
        if not self.config.sources:
            logger.warning("no sources configured: nothing to crawl (see modelwatch.toml)")
        for plan, next_run in self.start():
            logger.info("%s: next at %s", plan.name, next_run.strftime("%Y-%m-%d %H:%M:%S UTC"))
        self.stopping.wait()
        self.stop()
        logger.info("stopped")
        return 0
