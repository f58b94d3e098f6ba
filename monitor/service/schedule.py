"""The service's schedule: the jobs a configuration asks for (`plan_jobs`), and the scheduler's stored jobs
brought in line with them (`sync_jobs`).

One job per crawl source, one per probe group (the probes that share an interval), one for alert delivery
and, with probes, one for rollups and one for retention. Every job has ``max_instances=1``, coalescing, a
misfire grace time and jitter. A job is stored as a `monitor.jobs` entry point and its arguments, so a
restart resumes the stored schedule; jobs that came due while the service was down run once, spread a
few seconds apart rather than all at once.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.job import Job
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.interval import IntervalTrigger

from db.models import CrawlRun
from monitor import jobs
from monitor.config import Config
from monitor.crawling.run import source_specs

logger = logging.getLogger(__name__)

# Jobs that are due at start are spread this many seconds apart (plus a little randomness).
START_STAGGER_S = 3.0
RETENTION_EVERY = timedelta(hours=6)
ALERTS_EVERY = timedelta(seconds=30)


def first_run_time(*, last_finished: datetime | None, every: timedelta, now: datetime) -> datetime:
    """When a source should first be crawled after a (re)start: now if it is due, else when it will be."""
    if last_finished is None:
        return now
    due = last_finished + every
    return max(due, now)


@dataclass(frozen=True)
class JobPlan:
    """A job the configuration asks for."""

    id: str
    name: str
    func: Callable[..., None]
    args: tuple[Any, ...]
    every: timedelta
    first: datetime  # when a new job first runs

    @property
    def func_ref(self) -> str:
        return f"{self.func.__module__}:{self.func.__name__}"


def source_every(config: Config, name: str) -> timedelta:
    """How often the source `name` is crawled."""
    return next(s.every for s in config.sources if s.name == name)


def plan_jobs(config: Config, *, runs: Mapping[str, CrawlRun], now: datetime) -> list[JobPlan]:
    """The jobs `config` asks for, with when each would first run if it were new; `runs` holds each
    source's last crawl run (`db.catalog.queries.last_runs`)."""
    plans = []
    for spec in source_specs(config):
        every = source_every(config, spec.name)
        last = runs.get(spec.name)
        finished = last.finished if last is not None and last.status in ("ok", "partial") else None
        first = first_run_time(last_finished=finished, every=every, now=now)
        plans.append(
            JobPlan(f"crawl:{spec.name}", f"crawl {spec.name}", jobs.crawl, (spec.name,), every, first)
        )
    groups = sorted({round(p.every.total_seconds()) for p in config.probes if p.enabled})
    for every_s in groups:
        every = timedelta(seconds=every_s)
        name = f"probe round every {every}"
        plans.append(JobPlan(f"probe:{every_s}s", name, jobs.probe, (every_s,), every, now))
    every = ALERTS_EVERY
    plans.append(JobPlan("alerts", "alert delivery", jobs.alerts, (), every, now + timedelta(seconds=5)))
    if config.probes:
        every = config.monitoring.rollup_every
        plans.append(JobPlan("rollup", "rollup", jobs.rollup, (), every, now + every))
        later = now + RETENTION_EVERY
        plans.append(JobPlan("retention", "retention", jobs.retention, (), RETENTION_EVERY, later))
    return plans


def sync_jobs(
    scheduler: BaseScheduler, plans: list[JobPlan], *, now: datetime
) -> list[tuple[JobPlan, datetime]]:
    """Bring the stored jobs in line with `plans`; returns each job with its next run.

    The scheduler must be started (paused) so that the stored jobs are loaded.
    """
    wanted = {plan.id for plan in plans}
    stored = {job.id: job for job in scheduler.get_jobs(jobstore="default")}
    for job_id, job in stored.items():
        if job_id not in wanted:
            logger.info("removing the stored job %s: no longer configured", job.name)
            job.remove()
    due = 0
    planned = []
    for plan in plans:
        job = stored.get(plan.id)
        if job is not None and _same_job(job, plan) and job.next_run_time is not None:
            next_run: datetime = job.next_run_time
            if next_run <= now:
                next_run, due = _staggered(now, due), due + 1
                job.modify(next_run_time=next_run)
        else:
            next_run = plan.first
            if next_run <= now:
                next_run, due = _staggered(now, due), due + 1
            scheduler.add_job(
                plan.func,
                IntervalTrigger(seconds=plan.every.total_seconds(), jitter=_jitter(plan.every), timezone=UTC),
                args=plan.args,
                id=plan.id,
                name=plan.name,
                next_run_time=next_run,
                misfire_grace_time=_grace(plan.every),
                replace_existing=True,
            )
        planned.append((plan, next_run))
    return planned


def _jitter(every: timedelta) -> int:
    return int(min(every.total_seconds() * 0.05, 300))


def _grace(every: timedelta) -> int:
    return max(1, int(min(every.total_seconds() / 2, 3600)))


def _same_job(job: Job, plan: JobPlan) -> bool:
    trigger = job.trigger
    return (
        job.func_ref == plan.func_ref
        and tuple(job.args) == plan.args
        and isinstance(trigger, IntervalTrigger)
        and trigger.interval == plan.every
    )


def _staggered(now: datetime, index: int) -> datetime:
    return now + timedelta(seconds=index * START_STAGGER_S + random.uniform(0, START_STAGGER_S))
