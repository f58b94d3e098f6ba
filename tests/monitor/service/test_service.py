"""The scheduled service in this process: real scheduler, real job store in the database, real crawls.

Crawls run in child processes against the replica; the job store is the `apscheduler_jobs` table of
the same SQLite file the catalog lives in.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from db.engine import make_engine
from db.heartbeat import Heartbeat
from db.models import CrawlRun, ProbeSample, ProbeTarget
from db.types import utcnow
from monitor.config import Config, parse_config
from monitor.service.schedule import START_STAGGER_S
from monitor.service.service import Service


def config_text(replica_url: str, *, every: str = "1h", extra: str = "") -> str:
    return f"""
[[sources]]
name = "openrouter"
kind = "openrouter"
base_url = "{replica_url}/api/v1"
every = "{every}"
{extra}
"""


def wait_for(condition: Callable[[], bool], *, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'service.db'}"


@pytest.fixture
def services() -> Iterator[list[Service]]:
    started: list[Service] = []
    yield started
    for service in started:
        service.stop()


def start(services: list[Service], config: Config, db_url: str) -> tuple[Service, list[Any]]:
    service = Service(config=config, db_url=db_url)
    services.append(service)
    return service, service.start()


def count_runs(db_url: str, status: str = "ok") -> int:
    engine = make_engine(db_url)
    try:
        with engine.connect() as connection:
            query = select(func.count()).select_from(CrawlRun).where(CrawlRun.status == status)
            return int(connection.execute(query).scalar_one())
    finally:
        engine.dispose()


def stored_jobs(db_url: str) -> dict[str, float]:
    engine = make_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("select id, next_run_time from apscheduler_jobs"))
            return {row[0]: row[1] for row in rows}
    finally:
        engine.dispose()


def probes_text(replica_url: str, *, every: str) -> str:
    return f"""
[[probes]]
name = "routed"
protocol = "openai"
url = "{replica_url}/api/v1/chat/completions"
model = "deepseek/deepseek-v3.1-terminus"
every = "{every}"
timeout = "10s"

[[probes]]
name = "replica-health"
protocol = "http"
url = "{replica_url}/healthz"
every = "{every}"
"""


def count_samples(db_url: str) -> dict[str, int]:
    engine = make_engine(db_url)
    try:
        with engine.connect() as connection:
            query = (
                select(ProbeTarget.name, func.count())
                .join(ProbeSample, ProbeSample.target_id == ProbeTarget.id)
                .group_by(ProbeTarget.name)
            )
            return {name: int(n) for name, n in connection.execute(query)}
    finally:
        engine.dispose()


def test_two_crawls_and_two_probe_rounds_run_in_one_process(
    replica: Any, db_url: str, services: list[Service]
) -> None:
    text = config_text(replica.url, every="2s") + probes_text(replica.url, every="1s")
    service, planned = start(services, parse_config(text), db_url)
    assert sorted(plan.id for plan, _ in planned) == [
        "alerts",
        "crawl:openrouter",
        "probe:1s",
        "retention",
        "rollup",
    ]
    # the second crawl needs a second Twisted reactor: only a child process per crawl makes it work
    wait_for(lambda: count_runs(db_url) >= 2, timeout_s=90, what="two scheduled crawls")
    wait_for(
        lambda: min(count_samples(db_url).values(), default=0) >= 2 and len(count_samples(db_url)) == 2,
        timeout_s=30,
        what="two probe rounds",
    )
    service.stop()
    assert count_runs(db_url, status="running") == 0  # stop waited for the in-flight crawl's write
    engine = make_engine(db_url)
    try:
        with engine.connect() as connection:
            targets = {row.name: row for row in connection.execute(select(ProbeTarget))}
            beat = connection.execute(select(Heartbeat)).one()
    finally:
        engine.dispose()
    assert targets["routed"].status == "up" and targets["replica-health"].status == "up"
    assert targets["routed"].endpoint_id is not None  # linked to OpenRouter's routed offer once crawled
    assert beat.pid is not None


def test_restart_resumes_the_stored_schedule(replica: Any, db_url: str, services: list[Service]) -> None:
    config = parse_config(config_text(replica.url, every="1h"))
    service, planned = start(services, config, db_url)
    first_next = planned[0][1]
    assert first_next <= utcnow() + timedelta(seconds=START_STAGGER_S)  # never crawled: due now
    wait_for(lambda: count_runs(db_url) == 1, timeout_s=60, what="the first crawl")
    service.stop()
    assert set(stored_jobs(db_url)) == {"alerts", "crawl:openrouter"}

    # a restart keeps the stored next run (about an hour after the first), it does not crawl again now
    again, planned = start(services, config, db_url)
    assert planned[0][1] > utcnow() + timedelta(minutes=55)
    again.stop()
    assert count_runs(db_url) == 1


def test_a_source_removed_from_the_config_loses_its_job(
    replica: Any, db_url: str, services: list[Service]
) -> None:
    two = config_text(
        replica.url,
        every="1h",
        extra=f"""
[[sources]]
name = "pages"
kind = "pages"
provider = "EigenAI"
urls = ["{replica.url}/deepseek.html"]
every = "1h"
""",
    )
    service, _ = start(services, parse_config(two), db_url)
    service.scheduler.pause()  # keep the crawls from running: only the job table matters here
    service.stop()
    assert set(stored_jobs(db_url)) == {"alerts", "crawl:openrouter", "crawl:pages"}
    service, _ = start(services, parse_config(config_text(replica.url, every="1h")), db_url)
    service.scheduler.pause()
    service.stop()
    assert set(stored_jobs(db_url)) == {"alerts", "crawl:openrouter"}


def test_overdue_jobs_are_spread_out_after_a_restart(
    replica: Any, db_url: str, services: list[Service]
) -> None:
    two = config_text(
        replica.url,
        every="1h",
        extra=f"""
[[sources]]
name = "other"
kind = "openrouter"
base_url = "{replica.url}/api/v1"
every = "1h"
""",
    )
    service = Service(config=parse_config(two), db_url=db_url)
    services.append(service)
    service.scheduler.start(paused=True)  # paused: nothing runs, only the stored schedule matters
    service.schedule()
    # both jobs came due an hour ago "while the service was down"
    for job in service.scheduler.get_jobs():
        job.modify(next_run_time=utcnow() - timedelta(hours=1))
    now = utcnow()
    planned = sorted(when for plan, when in service.schedule(now=now) if plan.id.startswith("crawl:"))
    assert len(planned) == 2
    assert now <= planned[0] <= now + timedelta(seconds=START_STAGGER_S)
    assert planned[1] >= now + timedelta(seconds=START_STAGGER_S)  # not both at once
    assert planned[1] <= now + timedelta(seconds=2 * START_STAGGER_S)
