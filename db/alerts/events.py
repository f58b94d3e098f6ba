"""What the alert evaluator reads: finished crawl runs and their changes, failing streaks, incidents.

Read-only queries; the evaluator (`monitor.alerts.evaluate`) decides what is worth an alert.
A run's `Change` rows are committed in the same transaction that finishes the run, so a run that is
no longer ``running`` has all its changes: the evaluator reads changes run by run, never by a bare id
cursor that a slower concurrent transaction could commit behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session, col

from db.models import Change, CrawlRun, Endpoint, Incident, Model, ProbeTarget, Provider

RUNNING = "running"
FAILED = "failed"
GOOD = ("ok", "partial")  # a run that read its source (partial: with some problems)


def runs_after(session: Session, *, after_id: int) -> list[CrawlRun]:
    """Crawl runs with an id above `after_id`, oldest first (running ones too)."""
    query = select(CrawlRun).where(col(CrawlRun.id) > after_id).order_by(col(CrawlRun.id))
    return list(session.execute(query).scalars())


def changes_of_runs(session: Session, *, run_ids: Sequence[int]) -> list[Change]:
    """The changes the given runs recorded, in the order they were written."""
    changes: list[Change] = []
    ids = list(run_ids)
    for start in range(0, len(ids), 500):
        query = (
            select(Change).where(col(Change.run_id).in_(ids[start : start + 500])).order_by(col(Change.id))
        )
        changes.extend(session.execute(query).scalars())
    return changes


@dataclass(frozen=True)
class FailingStreak:
    """A source's crawls failing in a row: the run that made the streak `after` long, and its end."""

    source: str
    trigger: CrawlRun  # the `after`-th failed run of the streak
    failed_runs: int  # failed runs in the streak so far (at least `after`; counted up to a bound)
    ended_by: CrawlRun | None  # the good run that ended it, None while it lasts


def failing_streaks(session: Session, *, source: str, after: int) -> list[FailingStreak]:
    """The current streak of failed crawls of `source`, and the one the last good run ended, when each
    is at least `after` runs long. Interrupted runs neither count nor break a streak."""
    good = _good_runs(session, source=source, limit=2)
    streaks: list[FailingStreak] = []
    current = _failed_between(session, source=source, after_id=good[0].id if good else None, upto_id=None)
    if len(current) >= after:
        streaks.append(FailingStreak(source, current[after - 1], len(current), None))
    if good:
        before = _failed_between(
            session,
            source=source,
            after_id=good[1].id if len(good) > 1 else None,
            upto_id=good[0].id,
        )
        if len(before) >= after:
            streaks.append(FailingStreak(source, before[after - 1], len(before), good[0]))
    return streaks


def _good_runs(session: Session, *, source: str, limit: int) -> list[CrawlRun]:
    query = (
        select(CrawlRun)
        .where(col(CrawlRun.source) == source, col(CrawlRun.status).in_(GOOD))
        .order_by(col(CrawlRun.id).desc())
        .limit(limit)
    )
    return list(session.execute(query).scalars())


def _failed_between(
    session: Session, *, source: str, after_id: int | None, upto_id: int | None, bound: int = 1000
) -> list[CrawlRun]:
    query = select(CrawlRun).where(col(CrawlRun.source) == source, col(CrawlRun.status) == FAILED)
    if after_id is not None:
        query = query.where(col(CrawlRun.id) > after_id)
    if upto_id is not None:
        query = query.where(col(CrawlRun.id) < upto_id)
    return list(session.execute(query.order_by(col(CrawlRun.id)).limit(bound)).scalars())


def recent_sources(session: Session, *, since: datetime) -> list[str]:
    """Sources with a run started since `since`."""
    query = select(col(CrawlRun.source)).where(col(CrawlRun.started) >= since).distinct()
    return sorted(session.execute(query).scalars())


@dataclass(frozen=True)
class IncidentView:
    """An incident with what an alert says about its target."""

    id: int
    kind: str  # "down" or "degraded"
    started: datetime
    ended: datetime | None
    cause: str
    message: str | None
    failures: int
    probe: str
    url: str
    target_model: str | None  # the model id the probe sends
    endpoint_id: int | None
    model: str | None  # the catalog's canonical id, when the probe is matched to an endpoint
    provider: str | None


def incidents_to_check(session: Session, *, since: datetime) -> list[IncidentView]:
    """Incidents still open, and those started or ended since `since`, oldest first."""
    query = (
        select(Incident, ProbeTarget, col(Model.canonical_id), col(Provider.name))
        .join(ProbeTarget, col(ProbeTarget.id) == col(Incident.target_id))
        .outerjoin(Endpoint, col(Endpoint.id) == col(ProbeTarget.endpoint_id))
        .outerjoin(Model, col(Model.id) == col(Endpoint.model_id))
        .outerjoin(Provider, col(Provider.id) == col(Endpoint.provider_id))
        .where(
            col(Incident.ended).is_(None) | (col(Incident.ended) >= since) | (col(Incident.started) >= since)
        )
        .order_by(col(Incident.started), col(Incident.id))
    )
    views = []
    for incident, target, model, provider in session.execute(query).tuples():
        assert incident.id is not None
        views.append(
            IncidentView(
                id=incident.id,
                kind=incident.kind,
                started=incident.started,
                ended=incident.ended,
                cause=incident.cause,
                message=incident.message,
                failures=incident.failures,
                probe=target.name,
                url=target.url,
                target_model=target.model,
                endpoint_id=target.endpoint_id,
                model=model,
                provider=provider,
            )
        )
    return views
