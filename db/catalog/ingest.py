"""Ingest: one crawl run's results into the store, in one transaction.

Upserts providers, models and endpoints; writes history (price periods, endpoint revisions,
aggregator stats, changes) only where something changed, so re-crawling an unchanged catalog writes
no history rows. An endpoint is marked removed only after a complete, successful run of its source no
longer lists it, and never when the run lists fewer than half of what the source had.

A run is recorded as `running` (committed) before the crawl and finished here in the same transaction
as its data: a process killed mid-write leaves the previous state and an unfinished run, which
`mark_interrupted_runs` closes at the next start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import Row, Table, func, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from db.bulk import insert_rows
from db.catalog import changes as ch
from db.catalog.crawled import PRICE_FIELDS, CrawlResult, EndpointIn, ModelIn, Pricing, Problem, ReportedStats
from db.catalog.matching import ModelMatcher
from db.engine import session_scope
from db.models import (
    Change,
    CrawlProblem,
    CrawlRun,
    Endpoint,
    EndpointRevision,
    Model,
    ParserState,
    PricePeriod,
    Provider,
    ReportedStat,
)
from db.types import utcnow

logger = logging.getLogger(__name__)

# A complete run that lists fewer than this share of the endpoints the source had removes nothing.
MIN_LISTED_SHARE = 0.5
_T = TypeVar("_T")
_CHUNK = 500
_CHANGE_OPTIONAL = ("endpoint_id", "model", "provider", "field", "old", "new", "percent", "subject")


@dataclass
class IngestReport:
    """What one ingest did, for the CLI summary and the benchmarks."""

    run_id: int
    source: str
    status: str
    endpoints_seen: int = 0
    new_endpoints: int = 0
    removed_endpoints: int = 0
    changed_endpoints: int = 0
    price_rows: int = 0
    revision_rows: int = 0
    stat_rows: int = 0
    change_rows: int = 0
    problem_rows: int = 0
    models: int = 0
    providers: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def history_rows(self) -> int:
        """Rows appended to history tables (what an unchanged re-crawl must keep at zero)."""
        return self.price_rows + self.revision_rows + self.stat_rows + self.change_rows


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


def ingest_run(
    *,
    engine: Engine,
    run_id: int,
    result: CrawlResult,
    aliases: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> IngestReport:
    """Write `result` for run `run_id` in one transaction and finish the run."""
    now = now or result.finished or utcnow()
    with session_scope(engine) as session:
        return _Ingest(session, run_id, result, aliases or {}, now).run()


class _Ingest:
    def __init__(
        self, session: Session, run_id: int, result: CrawlResult, aliases: Mapping[str, str], now: datetime
    ) -> None:
        self.s = session
        self.result = result
        self.source = result.source
        self.now = now
        self.crawl = session.get(CrawlRun, run_id)
        if self.crawl is None:
            raise ValueError(f"crawl run {run_id} does not exist")
        self.report = IngestReport(run_id=run_id, source=self.source, status="running")
        self.aliases = aliases
        # History rows are collected and written in one bulk INSERT per table at the end: an ORM
        # object and a flush per row cost ten times more than the database itself.
        self.pending: dict[type, list[dict[str, Any]]] = {
            PricePeriod: [],
            EndpointRevision: [],
            ReportedStat: [],
            Change: [],
        }
        # Ids of open rows to close (price periods, revisions) or extend (stats) in bulk.
        self.closed: dict[type, list[int]] = {PricePeriod: [], EndpointRevision: [], ReportedStat: []}

    # -- orchestration -------------------------------------------------------------------------
    def run(self) -> IngestReport:
        self._write_problems()
        self._track_parsers()
        if self.result.fatal or (not self.result.endpoints and not self.result.complete):
            status = "failed"
        else:
            self._write_catalog()
            status = "ok" if self.result.complete and not self._errors() else "partial"
        self._write_pending()
        self.report.status = status
        run = self.crawl
        assert run is not None
        run.finished = self.now
        run.status = status
        run.complete = self.result.complete and status != "failed"
        run.pages = self.result.pages
        run.items = len(self.result.endpoints) + len(self.result.models) + len(self.result.providers)
        run.problems = self.report.problem_rows
        run.endpoints_seen = self.report.endpoints_seen
        run.rows_written = self.report.history_rows
        run.message = self.result.fatal or (self.report.problems[0] if self.report.problems else None)
        self.s.add(run)
        return self.report

    def _errors(self) -> list[Problem]:
        return [p for p in self.result.problems if not p.warning]

    def _change(self, kind: str, **values: Any) -> None:
        row = dict.fromkeys(_CHANGE_OPTIONAL)
        row.update(values, at=self.now, kind=kind, source=self.source, run_id=self.report.run_id)
        self.pending[Change].append(row)
        self.report.change_rows += 1

    def _write_pending(self) -> None:
        self.s.flush()  # ORM objects first (problems, parser states), then the bulk inserts
        for table, rows in self.pending.items():
            if rows:
                # the Core table, not the ORM entity: one executemany, not a statement per key set
                insert_rows(self.s, _table(table), rows)
            rows.clear()

    # -- problems and parser state --------------------------------------------------------------
    def _write_problems(self) -> None:
        for problem in self.result.problems:
            self.s.add(
                CrawlProblem(
                    run_id=self.report.run_id,
                    source=self.source,
                    at=self.now,
                    kind=problem.kind,
                    url=problem.url,
                    message=problem.message[:4000],
                    parser=problem.parser,
                )
            )
            self.report.problem_rows += 1
            listed = self.report.warnings if problem.warning else self.report.problems
            listed.append(f"{problem.kind}: {problem.message}")

    def _track_parsers(self) -> None:
        states = {
            st.subject: st
            for st in self.s.scalars(select(ParserState).where(col(ParserState.source) == self.source))
        }
        for problem in self.result.problems:
            if not problem.parser:
                continue
            subject = problem.url or self.source
            if subject in states:
                continue
            state = ParserState(
                source=self.source, subject=subject, broken_since=self.now, message=problem.message[:2000]
            )
            self.s.add(state)
            states[subject] = state
            self._change(ch.PARSER_BROKEN, subject=subject, new=problem.message[:2000])
        broken_now = {p.url or self.source for p in self.result.problems if p.parser}
        for subject in self.result.parsed_ok:
            fixed = states.get(subject)
            if fixed is not None and subject not in broken_now and fixed.id is not None:
                self.s.delete(fixed)
                self._change(ch.PARSER_FIXED, subject=subject, old=fixed.message)

    # -- catalog ------------------------------------------------------------------------------
    # Core statements on the tables, not ORM objects: building and flushing an ORM object per row cost
    # several times what the database itself does, and the catalog is a few thousand rows per run.
    def _write_catalog(self) -> None:
        provider_ids = self._upsert_providers()
        endpoints = _table(Endpoint)
        baseline = (
            self.s.execute(select(endpoints.c.id).where(endpoints.c.source == self.source).limit(1)).first()
            is None
        )
        model_ids = self._upsert_models(baseline)
        self._upsert_endpoints(provider_ids, model_ids, baseline)

    def _upsert_providers(self) -> dict[str, int]:
        t = _table(Provider)
        known = {r.name: r for r in self.s.execute(select(t.c.id, t.c.name, t.c.slug, t.c.meta))}
        wanted: dict[str, Any] = {p.name: p for p in self.result.providers}
        for endpoint in self.result.endpoints:
            wanted.setdefault(endpoint.provider, None)
        new_rows: list[dict[str, Any]] = []
        for name, given in wanted.items():
            row = known.get(name)
            if row is None:
                new_rows.append(
                    {
                        "name": name,
                        "slug": given.slug if given is not None else None,
                        "meta": dict(given.meta) if given is not None and given.meta else {},
                        "first_seen": self.now,
                    }
                )
                continue
            if given is None:
                continue
            values: dict[str, Any] = {}
            if given.slug and row.slug != given.slug:
                values["slug"] = given.slug
            if given.meta and row.meta != given.meta:
                values["meta"] = dict(given.meta)
            if values:
                self.s.execute(update(t).where(t.c.id == row.id).values(**values))
        insert_rows(self.s, t, new_rows)
        self.report.providers = len(wanted)
        return {name: row_id for row_id, name in self.s.execute(select(t.c.id, t.c.name))}

    def _upsert_models(self, baseline: bool) -> dict[str, int]:
        t = _table(Model)
        columns = [t.c.id, t.c.canonical_id, *(t.c[name] for name in _MODEL_FIELDS)]
        known = {r.canonical_id: r for r in self.s.execute(select(*columns))}
        matcher = ModelMatcher(aliases=self.aliases, known_ids=known)
        incoming: dict[str, ModelIn] = {}
        for model in self.result.models:
            incoming[model.id] = model
            matcher.add_known(model.id)
        # Endpoints name their model by the provider's id; resolve each to the canonical one.
        self.resolved: dict[int, str] = {}
        for index, endpoint in enumerate(self.result.endpoints):
            self.resolved[index] = matcher.match(endpoint.model, provider=endpoint.provider).canonical_id
        for canonical in self.resolved.values():
            incoming.setdefault(canonical, ModelIn(id=canonical))
        new_rows: list[dict[str, Any]] = []
        seen_ids: list[int] = []
        for canonical, given in incoming.items():
            row = known.get(canonical)
            if row is None:
                values = {name: default() for name, default in _MODEL_DEFAULTS.items()}
                values.update(_model_changes(None, given))
                values.update(canonical_id=canonical, first_seen=self.now, last_seen=self.now)
                new_rows.append(values)
                if not baseline:
                    self._change(ch.NEW_MODEL, model=canonical, new=given.name or canonical)
                continue
            seen_ids.append(row.id)
            values = _model_changes(row, given)
            if values:
                self.s.execute(update(t).where(t.c.id == row.id).values(**values))
        self._touch(t, t.c.last_seen, seen_ids)
        insert_rows(self.s, t, new_rows)
        self.report.models = len(incoming)
        return {canonical: row_id for row_id, canonical in self.s.execute(select(t.c.id, t.c.canonical_id))}

    def _touch(self, table: Any, column: Any, ids: list[int]) -> None:
        """Set `column` to now on the rows `ids`: one UPDATE per chunk instead of one per row."""
        for chunk in _chunks(ids):
            self.s.execute(update(table).where(table.c.id.in_(chunk)).values({column: self.now}))

    def _upsert_endpoints(
        self, provider_ids: dict[str, int], model_ids: dict[str, int], baseline: bool
    ) -> None:
        t = _table(Endpoint)
        existing = {r.key: r for r in self.s.execute(select(t).where(t.c.source == self.source))}
        ids = [e.id for e in existing.values()]
        periods = _open_rows(self.s, _table(PricePeriod), ids)
        revisions = _open_rows(self.s, _table(EndpointRevision), ids)
        stats = _latest_stats(self.s, ids)
        seen: dict[str, tuple[EndpointIn, str]] = {}
        for index, endpoint in enumerate(self.result.endpoints):
            seen[endpoint.key] = (endpoint, self.resolved[index])
        self.report.endpoints_seen = len(seen)
        touched: list[int] = []
        new: list[tuple[EndpointIn, str]] = []
        for key, (given, canonical) in seen.items():
            row = existing.get(key)
            if row is None:
                new.append((given, canonical))
                continue
            touched.append(row.id)
            values = _endpoint_changes(row, given)
            if row.removed_at is not None:
                values["removed_at"] = None
                self._change(
                    ch.NEW_ENDPOINT,
                    endpoint_id=row.id,
                    model=canonical,
                    provider=given.provider,
                    old="removed",
                    new=given.url,
                )
            if row.model_id != model_ids[canonical]:
                values["model_id"] = model_ids[canonical]  # an alias was added: re-point the endpoint
            if values:
                self.s.execute(update(t).where(t.c.id == row.id).values(**values))
            changed = self._update_prices(row, given, periods.get(row.id), canonical)
            changed |= self._update_revision(row, given, revisions.get(row.id), canonical)
            self._update_stat(row, given.reported, stats.get(row.id))
            if changed:
                self.report.changed_endpoints += 1
        self._touch(t, t.c.last_seen, touched)
        self._touch(_table(PricePeriod), _table(PricePeriod).c.valid_to, self.closed[PricePeriod])
        self._touch(
            _table(EndpointRevision), _table(EndpointRevision).c.valid_to, self.closed[EndpointRevision]
        )
        self._touch(_table(ReportedStat), _table(ReportedStat).c.seen_until, self.closed[ReportedStat])
        self._insert_endpoints(new, provider_ids, model_ids, baseline)
        self._remove_missing(existing, seen)

    def _insert_endpoints(
        self,
        new: list[tuple[EndpointIn, str]],
        provider_ids: dict[str, int],
        model_ids: dict[str, int],
        baseline: bool,
    ) -> None:
        """Insert new endpoints in one executemany, read their ids back by key, then their history."""
        if not new:
            return
        t = _table(Endpoint)
        rows = []
        for given, canonical in new:
            values = _endpoint_values(given)
            values.update(
                key=given.key,
                source=self.source,
                provider_id=provider_ids[given.provider],
                model_id=model_ids[canonical],
                first_seen=self.now,
                last_seen=self.now,
                removed_at=None,
            )
            rows.append(values)
        insert_rows(self.s, t, rows)
        # (RETURNING over many rows costs SQLAlchemy a quadratic re-sort on SQLite; one SELECT does not)
        ids: dict[str, int] = {}
        for chunk in _chunks([given.key for given, _ in new]):
            ids.update(
                (key, row_id)
                for row_id, key in self.s.execute(select(t.c.id, t.c.key).where(t.c.key.in_(chunk)))
            )
        for given, canonical in new:
            endpoint_id = ids[given.key]
            if given.pricing is not None:
                self._add_period(endpoint_id, given.pricing)
            self._add_revision(endpoint_id, _revision_values(given))
            if given.reported is not None:
                self._add_stat(endpoint_id, given.reported)
            self.report.new_endpoints += 1
            if not baseline:
                self._change(
                    ch.NEW_ENDPOINT,
                    endpoint_id=endpoint_id,
                    model=canonical,
                    provider=given.provider,
                    new=given.url,
                    subject=given.tag,
                )

    def _add_revision(self, endpoint_id: int, values: dict[str, Any]) -> None:
        self.pending[EndpointRevision].append(
            dict(
                values, endpoint_id=endpoint_id, valid_from=self.now, valid_to=None, run_id=self.report.run_id
            )
        )
        self.report.revision_rows += 1

    def _add_period(self, endpoint_id: int, pricing: Pricing) -> None:
        values: dict[str, Any] = {name: getattr(pricing, name) for name in PRICE_FIELDS}
        values.update(
            endpoint_id=endpoint_id,
            valid_from=self.now,
            valid_to=None,
            currency=pricing.currency,
            discount=pricing.discount,
            overrides=pricing.overrides,
            run_id=self.report.run_id,
        )
        self.pending[PricePeriod].append(values)
        self.report.price_rows += 1

    def _update_prices(
        self, row: Row[Any], given: EndpointIn, period: Row[Any] | None, canonical: str
    ) -> bool:
        # A crawl that found no price keeps the old one: never write nulls over a published price.
        if given.pricing is None:
            return False
        new = ch.pricing_values(given.pricing)
        if period is not None:
            diffs = ch.diff_pricing(_period_values(period), new)
            if not diffs:
                return False
            self.closed[PricePeriod].append(period.id)
            self._record_diffs(row, given, canonical, diffs)
        assert row.id is not None
        self._add_period(row.id, given.pricing)
        return True

    def _record_diffs(
        self, row: Row[Any], given: EndpointIn, canonical: str, diffs: list[ch.FieldChange]
    ) -> None:
        for diff in diffs:
            self._change(
                diff.kind,
                endpoint_id=row.id,
                model=canonical,
                provider=given.provider,
                field=diff.field,
                old=diff.old,
                new=diff.new,
                percent=diff.percent,
            )

    def _update_revision(
        self, row: Row[Any], given: EndpointIn, revision: Row[Any] | None, canonical: str
    ) -> bool:
        new = _revision_values(given)
        old = {name: getattr(revision, name) for name in ch.REVISION_FIELDS} if revision else {}
        diffs = ch.diff_revision(old, new)
        if not diffs:
            return False
        if revision is not None:
            self.closed[EndpointRevision].append(revision.id)
            self._record_diffs(row, given, canonical, diffs)
        assert row.id is not None
        self._add_revision(row.id, new)
        return True

    def _add_stat(self, endpoint_id: int, reported: ReportedStats) -> None:
        self.pending[ReportedStat].append(
            dict(_stat_values(reported), endpoint_id=endpoint_id, at=self.now, seen_until=self.now)
        )
        self.report.stat_rows += 1

    def _update_stat(self, row: Row[Any], reported: ReportedStats | None, latest: Row[Any] | None) -> None:
        if reported is None:
            return
        assert row.id is not None
        values = _stat_values(reported)
        if latest is not None and all(getattr(latest, k) == v for k, v in values.items()):
            self.closed[ReportedStat].append(latest.id)  # the same figures: extend their time
            return
        self._add_stat(row.id, reported)

    def _remove_missing(self, existing: dict[str, Row[Any]], seen: Mapping[str, Any]) -> None:
        active = [e for e in existing.values() if e.removed_at is None]
        missing = [e for e in active if e.key not in seen]
        if not missing:
            return
        if not self.result.complete or self._errors():
            return  # a partial run never removes anything
        if len(seen) < MIN_LISTED_SHARE * len(active):
            message = (
                f"the source listed {len(seen)} endpoints, fewer than half of the {len(active)} it had: "
                "nothing was marked removed"
            )
            self.s.add(
                CrawlProblem(
                    run_id=self.report.run_id,
                    source=self.source,
                    at=self.now,
                    kind="listing_shrunk",
                    message=message,
                )
            )
            self.report.problem_rows += 1
            self.report.problems.append(f"listing_shrunk: {message}")
            self.result.problems.append(Problem(kind="listing_shrunk", message=message))
            return
        providers, models = _table(Provider), _table(Model)
        provider_names = dict(self.s.execute(select(providers.c.id, providers.c.name)).tuples().all())
        model_ids = dict(self.s.execute(select(models.c.id, models.c.canonical_id)).tuples().all())
        self._touch(_table(Endpoint), _table(Endpoint).c.removed_at, [e.id for e in missing])
        for endpoint in missing:
            self._change(
                ch.ENDPOINT_REMOVED,
                endpoint_id=endpoint.id,
                model=model_ids.get(endpoint.model_id),
                provider=provider_names.get(endpoint.provider_id),
                old=endpoint.url,
                subject=endpoint.tag,
            )
            self.report.removed_endpoints += 1


def _chunks(ids: list[_T]) -> list[list[_T]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def _table(entity: Any) -> Table:
    return cast(Table, entity.__table__)


def _open_rows(session: Session, table: Table, ids: list[int]) -> dict[int, Row[Any]]:
    """The open (valid_to null) row of each endpoint in `ids`, as Core rows."""
    rows: dict[int, Row[Any]] = {}
    for chunk in _chunks(ids):
        query = select(table).where(table.c.endpoint_id.in_(chunk), table.c.valid_to.is_(None))
        for row in session.execute(query):
            current = rows.get(row.endpoint_id)
            if current is None or row.valid_from >= current.valid_from:
                rows[row.endpoint_id] = row
    return rows


def _latest_stats(session: Session, ids: list[int]) -> dict[int, Row[Any]]:
    """The newest reported stat of each endpoint in `ids` (rows are appended in time order)."""
    t = _table(ReportedStat)
    rows: dict[int, Row[Any]] = {}
    for chunk in _chunks(ids):
        newest = select(func.max(t.c.id)).where(t.c.endpoint_id.in_(chunk)).group_by(t.c.endpoint_id)
        for row in session.execute(select(t).where(t.c.id.in_(newest))):
            rows[row.endpoint_id] = row
    return rows


def _period_values(period: Row[Any]) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(period, name) for name in PRICE_FIELDS}
    values["currency"] = period.currency
    values["discount"] = period.discount
    values["overrides"] = period.overrides or None
    return values


def _revision_values(given: EndpointIn) -> dict[str, Any]:
    return {
        "url": given.url,
        "context_length": given.context_length,
        "max_output_tokens": given.max_output_tokens,
        "max_prompt_tokens": given.max_prompt_tokens,
        "quantization": given.quantization,
        "parameters": sorted(given.parameters),
    }


def _stat_values(reported: ReportedStats) -> dict[str, Any]:
    return {
        "source": reported.source,
        "uptime_5m": reported.uptime_5m,
        "uptime_30m": reported.uptime_30m,
        "uptime_1d": reported.uptime_1d,
        "latency_30m": dict(reported.latency_30m) if reported.latency_30m else None,
        "throughput_30m": dict(reported.throughput_30m) if reported.throughput_30m else None,
        "status": reported.status,
    }


_MODEL_FIELDS = (
    "name",
    "description",
    "context_length",
    "released",
    "hugging_face_id",
    "input_modalities",
    "output_modalities",
    "meta",
)
_MODEL_DEFAULTS: dict[str, Callable[[], Any]] = {
    **dict.fromkeys(_MODEL_FIELDS[:5], lambda: None),
    "input_modalities": list,
    "output_modalities": list,
    "meta": dict,
}


def _model_changes(row: Row[Any] | None, given: ModelIn) -> dict[str, Any]:
    """A model's attributes that a source states and that differ from `row` (only what it says)."""
    values: dict[str, Any] = {}
    for name in _MODEL_FIELDS[:5]:
        value = getattr(given, name)
        if value is not None and (row is None or getattr(row, name) != value):
            values[name] = value
    for name in ("input_modalities", "output_modalities"):
        value = list(getattr(given, name))
        if value and (row is None or getattr(row, name) != value):
            values[name] = value
    if given.meta and (row is None or row.meta != given.meta):
        values["meta"] = dict(given.meta)
    return values


def _endpoint_changes(row: Row[Any], given: EndpointIn) -> dict[str, Any]:
    """An endpoint's current attributes that differ from what the crawl gives (no needless UPDATEs)."""
    return {name: value for name, value in _endpoint_values(given).items() if getattr(row, name) != value}


def _endpoint_values(given: EndpointIn) -> dict[str, Any]:
    """An endpoint's current attributes as the crawl gives them."""
    values: dict[str, Any] = _revision_values(given)
    values.update(
        provider_model_id=given.provider_model_id,
        protocol=given.protocol,
        tag=given.tag,
        name=given.name,
        page_url=given.page_url,
        released=given.released,
        parameter_defaults=dict(given.parameter_defaults),
    )
    values["currency"] = given.pricing.currency if given.pricing is not None else "USD"
    return values
