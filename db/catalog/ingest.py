"""Ingest: one crawl run's results into the store, in one transaction.

Upserts providers, models and endpoints (`db.catalog.upsert`), keeps the source's view of each endpoint
as its observation (`db.catalog.observations`) and where sources disagree (`db.catalog.disagreements`);
writes history (price periods,
endpoint revisions, aggregator stats: `db.catalog.history`; changes) only where something changed,
so re-crawling an unchanged catalog writes no history rows. A source's observation ends only after a
complete, successful run of it no longer lists the endpoint, and never when the run lists fewer than
half of what the source had; the endpoint is removed when no source lists it (`db.catalog.removals`).

A run is recorded as `running` (committed) before the crawl (`db.catalog.runs.start_run`) and finished
here in the same transaction as its data: a process killed mid-write leaves the previous state and an
unfinished run, which `db.catalog.runs.mark_interrupted_runs` closes at the next start.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy.engine import Engine

from db.catalog.batch import IngestBatch
from db.catalog.crawled import CrawlResult
from db.catalog.disagreements import update_disagreements
from db.catalog.observations import Observer, open_observations
from db.catalog.problems import record_problems, track_parsers
from db.catalog.rematch import rematch_provisional
from db.catalog.removals import remove_missing
from db.catalog.report import IngestReport
from db.catalog.runs import finish_run
from db.catalog.unread import lost_values
from db.catalog.upsert import is_baseline, known_endpoints, upsert_endpoints, upsert_models, upsert_providers
from db.engine import session_scope
from db.models import CrawlRun
from db.types import utcnow


def ingest_run(
    *,
    engine: Engine,
    run_id: int,
    result: CrawlResult,
    aliases: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> IngestReport:
    """Write `result` for run `run_id` in one transaction and finish the run. The source's rank of
    authority is `result.authority` (`db.catalog.observations`)."""
    now = now or result.finished or utcnow()
    with session_scope(engine) as session:
        run = session.get(CrawlRun, run_id)
        if run is None:
            raise ValueError(f"crawl run {run_id} does not exist")
        batch = IngestBatch(session, run_id=run_id, source=result.source, now=now, authority=result.authority)
        result.problems.extend(lost_values(batch, result))  # known endpoints shown without their price
        record_problems(batch, result.problems)
        track_parsers(batch, result)
        if result.fatal or (not result.endpoints and not result.complete):
            status = "failed"
        else:
            _write_catalog(batch, result, aliases or {})
            errors = [p for p in result.problems if not p.warning]
            status = "ok" if result.complete and not errors else "partial"
        batch.write_pending()
        batch.report.status = status
        finish_run(session, run, result=result, report=batch.report, now=now)
        return batch.report


def _write_catalog(batch: IngestBatch, result: CrawlResult, aliases: Mapping[str, str]) -> None:
    provider_ids = upsert_providers(batch, result)
    baseline = is_baseline(batch)
    model_ids, listed = upsert_models(batch, result, aliases, baseline)
    existing = known_endpoints(batch)
    observer = Observer(batch, authority=result.authority)
    seen = upsert_endpoints(batch, existing, listed, provider_ids, model_ids, baseline, observer)
    if result.canonical_models and batch.targets_moved:
        rematch_provisional(batch, aliases)  # what another source could not match before, it may now
    ended = remove_missing(batch, result, seen.keys(), observer)
    views = observer.open_now(seen)  # the listed endpoints' views, not read again
    observer.write()
    if ended:
        views.extend(open_observations(batch, ended))
    labels = {endpoint_id: (canonical, given.provider) for endpoint_id, (given, canonical) in seen.items()}
    update_disagreements(batch, [*seen, *ended], labels=labels, observations=views)
