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
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from db import changes as ch
from db.engine import session_scope
from db.matching import ModelMatcher
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
from db.snapshot import PRICE_FIELDS, CrawlResult, EndpointIn, ModelIn, Pricing, Problem, ReportedStats
from db.types import utcnow

logger = logging.getLogger(__name__)

# A complete run that lists fewer than this share of the endpoints the source had removes nothing.
MIN_LISTED_SHARE = 0.5
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
        self.s.flush()  # ORM updates first (closed periods, new endpoints), then the bulk inserts
        for table, rows in self.pending.items():
            if rows:
                # the Core table, not the ORM entity: one executemany, not a statement per key set
                self.s.execute(insert(table.__table__), rows)  # type: ignore[attr-defined]
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
            st.subject: st for st in self.s.exec(select(ParserState).where(ParserState.source == self.source))
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
    def _write_catalog(self) -> None:
        providers = self._upsert_providers()
        baseline = (
            self.s.exec(select(Endpoint.id).where(Endpoint.source == self.source).limit(1)).first() is None
        )
        models = self._upsert_models(baseline)
        self._upsert_endpoints(providers, models, baseline)

    def _upsert_providers(self) -> dict[str, Provider]:
        known = {p.name: p for p in self.s.exec(select(Provider))}
        wanted: dict[str, Any] = {p.name: p for p in self.result.providers}
        for endpoint in self.result.endpoints:
            wanted.setdefault(endpoint.provider, None)
        for name, given in wanted.items():
            row = known.get(name)
            if row is None:
                row = Provider(name=name, first_seen=self.now)
                known[name] = row
                self.s.add(row)
            if given is not None:
                if given.slug and row.slug != given.slug:
                    row.slug = given.slug
                if given.meta and row.meta != given.meta:
                    row.meta = dict(given.meta)
        self.report.providers = len(wanted)
        self.s.flush()
        return known

    def _upsert_models(self, baseline: bool) -> dict[str, Model]:
        known = {m.canonical_id: m for m in self.s.exec(select(Model))}
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
        for canonical, given in incoming.items():
            row = known.get(canonical)
            if row is None:
                row = Model(canonical_id=canonical, first_seen=self.now, last_seen=self.now)
                known[canonical] = row
                self.s.add(row)
                if not baseline:
                    self._change(ch.NEW_MODEL, model=canonical, new=given.name or canonical)
            else:
                row.last_seen = self.now
            _apply_model(row, given)
        self.report.models = len(incoming)
        self.s.flush()
        return known

    def _upsert_endpoints(
        self, providers: dict[str, Provider], models: dict[str, Model], baseline: bool
    ) -> None:
        existing = {e.key: e for e in self.s.exec(select(Endpoint).where(Endpoint.source == self.source))}
        ids = [e.id for e in existing.values()]
        periods = _open_rows(self.s, PricePeriod, ids)
        revisions = _open_rows(self.s, EndpointRevision, ids)
        stats = _latest_stats(self.s, ids)
        seen: dict[str, tuple[EndpointIn, str]] = {}
        for index, endpoint in enumerate(self.result.endpoints):
            seen[endpoint.key] = (endpoint, self.resolved[index])
        self.report.endpoints_seen = len(seen)
        touched: list[int] = []
        new: list[tuple[EndpointIn, Provider, Model]] = []
        for key, (given, canonical) in seen.items():
            row = existing.get(key)
            model = models[canonical]
            provider = providers[given.provider]
            if row is None:
                new.append((given, provider, model))
                continue
            assert row.id is not None
            touched.append(row.id)
            if row.removed_at is not None:
                row.removed_at = None
                self._change(
                    ch.NEW_ENDPOINT,
                    endpoint_id=row.id,
                    model=canonical,
                    provider=given.provider,
                    old="removed",
                    new=given.url,
                )
            if model.id is not None and row.model_id != model.id:
                row.model_id = model.id  # an alias was added: re-point the endpoint
            changed = self._update_prices(row, given, periods.get(row.id), canonical)
            changed |= self._update_revision(row, given, revisions.get(row.id), canonical)
            self._update_stat(row, given.reported, stats.get(row.id))
            _apply_endpoint(row, given)
            if changed:
                self.report.changed_endpoints += 1
                row.last_seen = self.now
                self.s.add(row)
        # Unchanged endpoints: one bulk UPDATE of last_seen instead of a write per row.
        for chunk in _chunks(touched):
            self.s.execute(
                update(Endpoint)
                .where(col(Endpoint.id).in_(chunk))
                .values(last_seen=self.now)
                .execution_options(synchronize_session=False)
            )
        self._insert_endpoints(new, baseline)
        self._remove_missing(existing, seen)

    def _insert_endpoints(self, new: list[tuple[EndpointIn, Provider, Model]], baseline: bool) -> None:
        """Insert new endpoints in one statement (ids back through RETURNING), then their history."""
        if not new:
            return
        rows = []
        for given, provider, model in new:
            assert provider.id is not None and model.id is not None  # flushed by the upserts
            values = _endpoint_values(given)
            values.update(
                key=given.key,
                source=self.source,
                provider_id=provider.id,
                model_id=model.id,
                first_seen=self.now,
                last_seen=self.now,
                removed_at=None,
            )
            rows.append(values)
        self.s.flush()
        returned = self.s.execute(
            insert(Endpoint).returning(col(Endpoint.id), col(Endpoint.key), sort_by_parameter_order=True),
            rows,
        )
        ids = {key: endpoint_id for endpoint_id, key in returned}
        for given, provider, model in new:
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
                    model=model.canonical_id,
                    provider=provider.name,
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
        self, row: Endpoint, given: EndpointIn, period: PricePeriod | None, canonical: str
    ) -> bool:
        # A crawl that found no price keeps the old one: never write nulls over a published price.
        if given.pricing is None:
            return False
        new = ch.pricing_values(given.pricing)
        if period is not None:
            diffs = ch.diff_pricing(_period_values(period), new)
            if not diffs:
                return False
            period.valid_to = self.now
            self.s.add(period)
            self._record_diffs(row, given, canonical, diffs)
        assert row.id is not None
        self._add_period(row.id, given.pricing)
        return True

    def _record_diffs(
        self, row: Endpoint, given: EndpointIn, canonical: str, diffs: list[ch.FieldChange]
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
        self, row: Endpoint, given: EndpointIn, revision: EndpointRevision | None, canonical: str
    ) -> bool:
        new = _revision_values(given)
        old = {name: getattr(revision, name) for name in ch.REVISION_FIELDS} if revision else {}
        diffs = ch.diff_revision(old, new)
        if not diffs:
            return False
        if revision is not None:
            revision.valid_to = self.now
            self.s.add(revision)
            self._record_diffs(row, given, canonical, diffs)
        assert row.id is not None
        self._add_revision(row.id, new)
        return True

    def _add_stat(self, endpoint_id: int, reported: ReportedStats) -> None:
        self.pending[ReportedStat].append(
            dict(_stat_values(reported), endpoint_id=endpoint_id, at=self.now, seen_until=self.now)
        )
        self.report.stat_rows += 1

    def _update_stat(
        self, row: Endpoint, reported: ReportedStats | None, latest: ReportedStat | None
    ) -> None:
        if reported is None:
            return
        assert row.id is not None
        values = _stat_values(reported)
        if latest is not None and all(getattr(latest, k) == v for k, v in values.items()):
            latest.seen_until = self.now
            self.s.add(latest)
            return
        self._add_stat(row.id, reported)

    def _remove_missing(self, existing: dict[str, Endpoint], seen: Mapping[str, Any]) -> None:
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
        provider_names = {p.id: p.name for p in self.s.exec(select(Provider))}
        model_ids = {m.id: m.canonical_id for m in self.s.exec(select(Model))}
        for endpoint in missing:
            endpoint.removed_at = self.now
            self.s.add(endpoint)
            self._change(
                ch.ENDPOINT_REMOVED,
                endpoint_id=endpoint.id,
                model=model_ids.get(endpoint.model_id),
                provider=provider_names.get(endpoint.provider_id),
                old=endpoint.url,
                subject=endpoint.tag,
            )
            self.report.removed_endpoints += 1


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def _open_rows(session: Session, table: Any, ids: list[int | None]) -> dict[int, Any]:
    rows: dict[int, Any] = {}
    valid = [i for i in ids if i is not None]
    for chunk in _chunks(valid):
        query = select(table).where(col(table.endpoint_id).in_(chunk), col(table.valid_to).is_(None))
        for row in session.exec(query):
            current = rows.get(row.endpoint_id)
            if current is None or row.valid_from >= current.valid_from:
                rows[row.endpoint_id] = row
    return rows


def _latest_stats(session: Session, ids: list[int | None]) -> dict[int, ReportedStat]:
    rows: dict[int, ReportedStat] = {}
    valid = [i for i in ids if i is not None]
    for chunk in _chunks(valid):
        for row in session.exec(select(ReportedStat).where(col(ReportedStat.endpoint_id).in_(chunk))):
            current = rows.get(row.endpoint_id)
            if current is None or (row.at, row.id or 0) > (current.at, current.id or 0):
                rows[row.endpoint_id] = row
    return rows


def _period_values(period: PricePeriod) -> dict[str, Any]:
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


def _apply_model(row: Model, given: ModelIn) -> None:
    """Refresh a model's current attributes from what a source says (only what it says)."""
    for name in ("name", "description", "context_length", "released", "hugging_face_id"):
        value = getattr(given, name)
        if value is not None and getattr(row, name) != value:
            setattr(row, name, value)
    if given.input_modalities and row.input_modalities != list(given.input_modalities):
        row.input_modalities = list(given.input_modalities)
    if given.output_modalities and row.output_modalities != list(given.output_modalities):
        row.output_modalities = list(given.output_modalities)
    if given.meta and row.meta != given.meta:
        row.meta = dict(given.meta)


def _apply_endpoint(row: Endpoint, given: EndpointIn) -> None:
    """Set an endpoint's current attributes; only assign what differs (no needless UPDATEs)."""
    for name, value in _endpoint_values(given).items():
        if getattr(row, name) != value:
            setattr(row, name, value)


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
