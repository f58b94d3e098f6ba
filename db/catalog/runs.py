"""Crawl runs: recorded as `running` (committed) before the crawl, finished with its data, closed if left,
and read back (the latest and the latest successful run of each source).

A run is finished in the same transaction as what it wrote (`db.catalog.ingest`): a process killed
mid-write leaves the previous state and an unfinished run, which `mark_interrupted_runs` closes at the
next start.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from db.catalog.crawled import CrawlResult
from db.catalog.report import IngestReport
from db.engine import session_scope
from db.models import CrawlRun, table
from db.types import utcnow


def start_run(*, engine: Engine, source: str, started: datetime | None = None) -> int:
    """Record a crawl of `source` as running (committed at once) and return its id."""
    with session_scope(engine) as session:
        run = CrawlRun(source=source, started=started or utcnow(), status="running")
        session.add(run)
        session.flush()
        assert run.id is not None
        return run.id


def mark_interrupted_runs(*, engine: Engine, now: datetime | None = None) -> int:
    """Close runs left `running` by a process that died; returns how many."""
    with session_scope(engine) as session:
        result = session.execute(
            update(CrawlRun)
            .where(col(CrawlRun.status) == "running")
            .values(
                status="interrupted",
                finished=now or utcnow(),
                message="the crawl process ended before finishing",
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)


def finish_run(
    session: Session, run: CrawlRun, *, result: CrawlResult, report: IngestReport, now: datetime
) -> None:
    """Close `run` with the status and counts of `report` (in the caller's transaction)."""
    run.finished = now
    run.status = report.status
    run.complete = result.complete and report.status != "failed"
    run.pages = result.pages
    run.items = len(result.endpoints) + len(result.models) + len(result.providers)
    run.problems = report.problem_rows
    run.endpoints_seen = report.endpoints_seen
    run.rows_written = report.history_rows
    run.message = result.fatal or (report.problems[0] if report.problems else None)
    session.add(run)


def run_status(*, engine: Engine) -> list[CrawlRun]:
    """The latest run of each source (running or finished)."""
    runs = table(CrawlRun)
    latest = select(func.max(runs.c.id).label("id")).group_by(runs.c.source).subquery()
    with Session(engine) as session:
        query = select(CrawlRun).join(latest, latest.c.id == runs.c.id).order_by(runs.c.source)
        return list(session.execute(query).scalars())


def last_successes(*, engine: Engine) -> dict[str, CrawlRun]:
    """The latest successful (ok) run of each source."""
    runs = table(CrawlRun)
    latest = (
        select(func.max(runs.c.id).label("id"))
        .where(runs.c.status == "ok")
        .group_by(runs.c.source)
        .subquery()
    )
    with Session(engine) as session:
        query = select(CrawlRun).join(latest, latest.c.id == runs.c.id)
        return {run.source: run for run in session.execute(query).scalars()}
