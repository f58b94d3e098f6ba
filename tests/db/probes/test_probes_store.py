"""The probe history store: samples, incidents, rollups, windows, series, retention.

Every store test runs on a real SQLite file and on the real PostgreSQL CI provides. Rollups and windows
are checked against a direct computation over the raw samples (written here, independently of
`db.probes.rollups`); percentiles within the histogram's stated bound.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from db.engine import session_scope
from db.models import Incident, ProbeRollup, ProbeSample, ProbeTarget, ProbeWindow, table
from db.probes import histogram
from db.probes.buckets import ERROR_COLUMNS
from db.probes.health import endpoint_health
from db.probes.incidents import incidents
from db.probes.outage import MaintenanceWindow, OutagePolicy
from db.probes.retention import apply_retention
from db.probes.rollups import SETTLE, floor_day, floor_hour, rollup
from db.probes.samples import EXCLUDED_CLASSES, Sample
from db.probes.series import probe_series
from db.probes.store import record_samples, write_samples
from db.probes.targets import TargetSpec, UnknownProbeError, ensure_targets
from db.probes.windows import parse_window, read_cached, window_spec

T0 = datetime(2026, 5, 1, 20, 0, tzinfo=UTC)  # the data crosses midnight: two UTC days
FAILURES = ("timeout", "connect", "http_5xx", "stream_error", "bad_response")
MAINTENANCE = MaintenanceWindow(
    start=T0 + timedelta(hours=3), end=T0 + timedelta(hours=4), probes=frozenset({"a"})
)


# -- the reference: a direct computation over raw samples --------------------------------------------
@dataclass
class Direct:
    count: int = 0
    ok: int = 0
    failures: int = 0
    excluded: int = 0
    maintenance: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    ttft: list[float] = field(default_factory=list)
    total: list[float] = field(default_factory=list)
    tps: list[float] = field(default_factory=list)

    @property
    def uptime(self) -> float | None:
        counted = self.ok + self.failures
        return 100.0 * self.ok / counted if counted else None


def direct(samples: Iterable[Sample], windows: Iterable[MaintenanceWindow] = (MAINTENANCE,)) -> Direct:
    out = Direct()
    windows = list(windows)
    for s in samples:
        out.count += 1
        if any(w.covers(s.probe, s.at) for w in windows):
            out.maintenance += 1
        elif not s.ok:
            out.errors[s.error_class or "unknown"] += 1
            if s.error_class in EXCLUDED_CLASSES:
                out.excluded += 1
            else:
                out.failures += 1
        else:
            out.ok += 1
            out.ttft += [s.ttft_ms] if s.ttft_ms is not None else []
            out.total += [s.total_ms] if s.total_ms is not None else []
            out.tps += [s.tokens_per_s] if s.tokens_per_s is not None else []
    return out


def true_quantile(values: list[float], q: float) -> float:
    """Nearest rank, in exact arithmetic: the ceil(q * n)-th smallest value."""
    k = max(1, math.ceil(Fraction(q).limit_denominator(1000) * len(values)))
    return sorted(values)[k - 1]


def assert_quantile(estimate: float | None, values: list[float], q: float) -> None:
    true = true_quantile(values, q)
    assert estimate is not None
    assert abs(estimate - true) <= histogram.RELATIVE_ERROR * true + 1e-9, (q, estimate, true)


def assert_bucket(row: Any, want: Direct) -> None:
    """A rollup row (or a window) equals the direct computation."""
    assert (row.count, row.ok, row.failures, row.excluded, row.maintenance) == (
        want.count,
        want.ok,
        want.failures,
        want.excluded,
        want.maintenance,
    )
    errors = {name: getattr(row, column) for name, column in ERROR_COLUMNS.items()}
    assert {name: n for name, n in errors.items() if n} == dict(want.errors)
    assert row.ttft_count == len(want.ttft) and row.total_count == len(want.total)
    assert row.ttft_sum == pytest.approx(math.fsum(want.ttft))
    assert row.total_sum == pytest.approx(math.fsum(want.total))
    assert row.tps_sum == pytest.approx(math.fsum(want.tps)) and row.tps_count == len(want.tps)
    assert (row.ttft_min, row.ttft_max) == ((min(want.ttft), max(want.ttft)) if want.ttft else (None, None))
    assert (row.total_min, row.total_max) == (
        (min(want.total), max(want.total)) if want.total else (None, None)
    )
    packed = histogram.decode(row.ttft_hist)
    assert sum(histogram.counts(packed)) == len(want.ttft)
    if want.ttft:
        qs = (0.5, 0.9, 0.99)
        estimates = histogram.quantiles(packed, qs, low=row.ttft_min, high=row.ttft_max)
        for q, estimate in zip(qs, estimates, strict=True):
            assert_quantile(estimate, want.ttft, q)


# -- data --------------------------------------------------------------------------------------------
def synthetic(
    names: tuple[str, ...], start: datetime, minutes: int, *, step: int = 2, seed: int = 1
) -> list[Sample]:
    """Samples every `step` minutes (with jitter) of each probe: mostly ok, some failures, 429s and 401s."""
    rnd = random.Random(seed)
    out = []
    for minute in range(0, minutes, step):
        for name in names:
            at = start + timedelta(minutes=minute, seconds=rnd.uniform(0, 59))
            r = rnd.random()
            if r < 0.78:
                ttft = min(max(rnd.lognormvariate(6.0, 1.3), 1.0), 500_000.0)
                total = ttft + rnd.lognormvariate(7.0, 0.8)
                out.append(
                    Sample(
                        name, at, True, 200, ttft_ms=ttft, total_ms=total, tokens_per_s=rnd.uniform(5, 200)
                    )
                )
            elif r < 0.80:
                out.append(Sample(name, at, True, 200, total_ms=rnd.uniform(50, 500)))  # no TTFT (http probe)
            elif r < 0.88:
                out.append(Sample(name, at, False, None, rnd.choice(FAILURES), message="boom"))
            elif r < 0.94:
                out.append(Sample(name, at, False, 429, "rate_limited", retry_after_s=30))
            else:
                out.append(Sample(name, at, False, 401, "client_error"))
    return out


def setup_targets(engine: Engine, names: tuple[str, ...] = ("a", "b")) -> dict[str, int]:
    specs = [
        TargetSpec(name, "openai", f"https://{name}.example/v1/chat/completions", model="m") for name in names
    ]
    return ensure_targets(engine, specs, now=T0 - timedelta(days=30))


def record_in_batches(
    engine: Engine, samples: list[Sample], *, every: timedelta = timedelta(hours=1), roll: bool = False
) -> None:
    """Record `samples` in rounds of `every` (as the service would), rolling up after each when asked."""
    ordered = sorted(samples, key=lambda s: s.at)
    batch: list[Sample] = []
    edge = floor_hour(ordered[0].at) + every
    for sample in ordered:
        if sample.at >= edge:
            record_samples(engine, batch, maintenance=[MAINTENANCE], now=edge)
            if roll:
                rollup(engine, now=edge)
            batch = []
            while sample.at >= edge:
                edge += every
        batch.append(sample)
    record_samples(engine, batch, maintenance=[MAINTENANCE], now=edge)


def rollup_rows(engine: Engine) -> dict[tuple[int, str, datetime], dict[str, Any]]:
    r = table(ProbeRollup)
    with engine.connect() as connection:
        return {
            (row.target_id, row.period, row.start): row._asdict() for row in connection.execute(select(r))
        }


def count(engine: Engine, entity: Any) -> int:
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table(entity))).scalar_one())


def by_key(
    samples: list[Sample], ids: dict[str, int], floor: Any
) -> dict[tuple[int, datetime], list[Sample]]:
    groups: dict[tuple[int, datetime], list[Sample]] = {}
    for s in samples:
        groups.setdefault((ids[s.probe], floor(s.at)), []).append(s)
    return groups


# -- the histogram -----------------------------------------------------------------------------------
def test_histogram_round_trip_and_merge_by_addition() -> None:
    rnd = random.Random(7)
    values = [rnd.lognormvariate(6, 2) for _ in range(500)] + [0.2, 0.0, 1.0, 700_000.0]
    halves = [values[:250], values[250:]]
    packed = [sum(histogram.unit(v) for v in half) for half in halves]
    blobs = [histogram.encode(p) for p in packed]
    assert all(b is not None and len(b) < histogram.FIELDS * 4 for b in blobs)
    assert [histogram.decode(b) for b in blobs] == packed
    merged = histogram.merge(blobs)
    assert merged == packed[0] + packed[1] == sum(histogram.unit(v) for v in values)
    expected = Counter(histogram.field_of(v) for v in values)
    assert histogram.counts(merged) == tuple(expected.get(i, 0) for i in range(histogram.FIELDS))
    assert histogram.encode(0) is None and histogram.decode(None) == 0
    assert histogram.pack(list(histogram.counts(merged))) == merged


def test_histogram_fields_and_edges() -> None:
    assert histogram.FIELDS == 142 and pytest.approx(0.1) == histogram.RELATIVE_ERROR
    assert histogram.field_of(0.0) == 0 and histogram.field_of(0.999) == 0
    assert histogram.field_of(1.0) == 1 and histogram.field_of(1.09) == 1 and histogram.field_of(1.1) == 2
    assert histogram.field_of(599_999.0) == histogram.FIELDS - 2
    assert histogram.field_of(10_000_000.0) == histogram.FIELDS - 1
    for field_index in range(1, histogram.FIELDS - 1):
        low, high = histogram.bounds(field_index)
        assert high / low == pytest.approx(histogram.FACTOR)
        assert (
            histogram.field_of(low) == field_index and histogram.field_of(high * (1 - 1e-12)) == field_index
        )


@pytest.mark.parametrize("seed", range(6))
def test_histogram_percentiles_within_the_stated_bound(seed: int) -> None:
    rnd = random.Random(seed)
    n = rnd.choice([1, 2, 7, 10, 100, 1000, 5000])
    sigma = rnd.choice([0.05, 0.5, 2.0])
    values = [min(max(rnd.lognormvariate(rnd.uniform(1, 11), sigma), 1.0), 590_000.0) for _ in range(n)]
    packed = sum(histogram.unit(v) for v in values)
    qs = (0.01, 0.25, 0.5, 0.9, 0.99, 1.0)
    for clamp in (False, True):
        low, high = (min(values), max(values)) if clamp else (None, None)
        for q, estimate in zip(qs, histogram.quantiles(packed, qs, low=low, high=high), strict=True):
            assert_quantile(estimate, values, q)


def test_histogram_below_one_ms_and_above_ten_minutes() -> None:
    low_values = [0.1, 0.3, 0.5, 0.9]
    estimate = histogram.quantiles(sum(histogram.unit(v) for v in low_values), (0.5,))[0]
    assert estimate is not None and abs(estimate - 0.3) < 1.0
    high_values = [700_000.0, 800_000.0, 900_000.0]
    packed = sum(histogram.unit(v) for v in high_values)
    estimate = histogram.quantiles(packed, (0.99,), low=700_000.0, high=900_000.0)[0]
    assert estimate is not None and histogram.EDGES[-1] <= estimate <= 900_000.0
    assert histogram.quantiles(0, (0.5, 0.9)) == [None, None]


# -- targets and samples -----------------------------------------------------------------------------
def test_ensure_targets_inserts_updates_and_keeps_links(engine: Engine) -> None:
    ids = ensure_targets(
        engine, [TargetSpec("a", "openai", "https://a/v1", model="m", endpoint_id=None)], now=T0
    )
    again = ensure_targets(
        engine,
        [TargetSpec("a", "openai", "https://a/v2", model="m"), TargetSpec("b", "http", "https://b")],
        now=T0,
    )
    assert again["a"] == ids["a"] and set(again) == {"a", "b"}
    with session_scope(engine) as session:
        rows = {t.name: t for t in session.execute(select(ProbeTarget)).scalars()}
    assert rows["a"].url == "https://a/v2" and rows["a"].status == "unknown" and rows["a"].first_seen == T0
    assert rows["b"].protocol == "http" and rows["b"].recent_ttft_ms == []


def test_record_samples_writes_samples_state_and_incidents(engine: Engine) -> None:
    ids = setup_targets(engine)
    at = [T0 + timedelta(minutes=i) for i in range(10)]
    ok = [
        Sample("a", at[0], True, 200, ttft_ms=300.0, total_ms=900.0),
        Sample("b", at[0], True, 200, ttft_ms=250.0),
    ]
    report = record_samples(engine, ok)
    assert report.samples == 2 and [t.transition.new for t in report.transitions] == ["up", "up"]
    # two failures in one round, the third in the next: the streak survives between calls
    record_samples(
        engine, [Sample("a", at[1], False, 503, "http_5xx"), Sample("a", at[2], False, None, "timeout")]
    )
    report = record_samples(engine, [Sample("a", at[3], False, None, "connect", message="refused")])
    assert report.incidents_opened == 1
    (change,) = report.transitions
    assert (change.probe, change.target_id, change.transition.old, change.transition.new) == (
        "a",
        ids["a"],
        "up",
        "down",
    )
    with session_scope(engine) as session:
        (incident,) = session.execute(select(Incident)).scalars()
        target = session.get(ProbeTarget, ids["a"])
    assert (incident.kind, incident.started, incident.ended, incident.cause, incident.failures) == (
        "down",
        at[1],
        None,
        "connect",
        3,
    )
    assert incident.message == "refused"
    assert target is not None and (target.status, target.status_since, target.fail_streak) == (
        "down",
        at[1],
        3,
    )
    assert target.recent_ttft_ms == [300.0] and target.last_sample_at == at[3]
    # another failure is counted; then two successes close it at the first
    record_samples(engine, [Sample("a", at[4], False, 503, "http_5xx")])
    report = record_samples(
        engine, [Sample("a", at[5], True, 200, ttft_ms=1.0), Sample("a", at[6], True, 200)]
    )
    assert report.incidents_closed == 1
    (closed,) = incidents(engine, target_id=ids["a"])
    assert (closed.started, closed.ended, closed.failures) == (at[1], at[5], 4)
    assert count(engine, ProbeSample) == 8


def test_incident_opened_and_closed_in_one_round_is_one_row(engine: Engine) -> None:
    setup_targets(engine)
    statuses = ["ok", "5xx", "5xx", "5xx", "ok", "ok", "5xx", "5xx", "5xx"]
    samples = [
        Sample(
            "a",
            T0 + timedelta(minutes=i),
            s == "ok",
            200 if s == "ok" else 503,
            None if s == "ok" else "http_5xx",
        )
        for i, s in enumerate(statuses)
    ]
    report = record_samples(engine, samples)
    assert (report.incidents_opened, report.incidents_closed) == (2, 1)
    rows = incidents(engine)
    assert [(i.started, i.ended) for i in rows] == [
        (T0 + timedelta(minutes=1), T0 + timedelta(minutes=4)),
        (T0 + timedelta(minutes=6), None),
    ]
    assert [i.id for i in incidents(engine, since=T0 + timedelta(minutes=5))] == [rows[1].id]


def test_samples_in_maintenance_are_stored_flagged_and_ignored(engine: Engine) -> None:
    ids = setup_targets(engine)
    window = MaintenanceWindow(start=T0, end=T0 + timedelta(minutes=10))
    samples = [Sample("a", T0 + timedelta(minutes=i), False, 503, "http_5xx") for i in range(5)]
    report = record_samples(engine, samples, maintenance=[window])
    assert report.transitions == [] and report.incidents_opened == 0
    with session_scope(engine) as session:
        flags = session.execute(select(ProbeSample.in_maintenance)).scalars().all()  # type: ignore[call-overload]
    assert flags == [True] * 5
    health = endpoint_health(engine, now=T0 + timedelta(minutes=20))[ids["a"]]
    assert health.status == "unknown"
    assert (health.windows["1d"].maintenance, health.windows["1d"].uptime) == (5, None)


def test_stale_samples_are_stored_but_do_not_move_the_state(engine: Engine) -> None:
    ids = setup_targets(engine)
    record_samples(engine, [Sample("a", T0 + timedelta(minutes=10), True, 200)])
    late = [Sample("a", T0 + timedelta(minutes=i), False, 503, "http_5xx") for i in range(3)]
    report = record_samples(engine, late)
    assert report.stale == 3 and report.transitions == []
    with session_scope(engine) as session:
        target = session.get(ProbeTarget, ids["a"])
    assert (
        target is not None and target.status == "up" and target.last_sample_at == T0 + timedelta(minutes=10)
    )
    assert count(engine, ProbeSample) == 4


def test_per_probe_policy_sets_the_degraded_threshold(engine: Engine) -> None:
    setup_targets(engine)
    slow = [
        Sample(name, T0 + timedelta(minutes=i), True, 200, ttft_ms=3000.0) for i in range(3) for name in "ab"
    ]
    policies = {"a": OutagePolicy(degraded_window=3, degraded_ttft_ms=2000)}
    record_samples(engine, slow, policy=policies)
    (incident,) = incidents(engine)
    assert (incident.kind, incident.cause, incident.started) == (
        "degraded",
        "ttft p90 above 2000 ms",
        T0 + timedelta(minutes=2),
    )
    assert incident.message == "ttft p90 3000 ms over the last 3 ok samples"


def test_bad_input_writes_nothing(engine: Engine) -> None:
    setup_targets(engine)
    good = Sample("a", T0, False, 503, "http_5xx")
    with pytest.raises(UnknownProbeError, match="'nope'"):
        record_samples(engine, [good, Sample("nope", T0, True, 200)])
    with pytest.raises(ValueError, match="dated after"):
        record_samples(engine, [good, Sample("b", T0 + timedelta(hours=1), True, 200)], now=T0)
    assert count(engine, ProbeSample) == 0


def test_an_exception_inside_the_transaction_leaves_nothing_half_written(engine: Engine) -> None:
    ids = setup_targets(engine)
    failing = [Sample("a", T0 + timedelta(minutes=i), False, 503, "http_5xx") for i in range(4)]
    with pytest.raises(RuntimeError, match="killed"), session_scope(engine) as session:
        report = write_samples(session, failing)
        assert report.incidents_opened == 1  # samples, state and incident are written...
        assert session.execute(select(func.count()).select_from(ProbeSample)).scalar_one() == 4
        raise RuntimeError("killed before commit")  # ...but not committed
    assert (count(engine, ProbeSample), count(engine, Incident)) == (0, 0)
    with session_scope(engine) as session:
        target = session.get(ProbeTarget, ids["a"])
    assert target is not None and (target.status, target.fail_streak, target.last_sample_at) == (
        "unknown",
        0,
        None,
    )
    # the same round then goes through whole
    assert record_samples(engine, failing).incidents_opened == 1


def test_an_unknown_error_class_counts_as_a_failure_of_class_unknown(engine: Engine) -> None:
    ids = setup_targets(engine)
    record_samples(engine, [Sample("a", T0, False, 418, "teapot"), Sample("a", T0, False, 500, None)])
    rollup(engine, now=T0 + timedelta(hours=1))
    row = rollup_rows(engine)[(ids["a"], "hour", T0)]
    assert (row["failures"], row["err_unknown"]) == (2, 2)
    window = endpoint_health(engine, now=T0 + timedelta(hours=1))[ids["a"]].windows["1d"]
    assert (window.errors, window.uptime) == ({"unknown": 2}, 0.0)


def test_long_messages_are_truncated(engine: Engine) -> None:
    setup_targets(engine)
    record_samples(engine, [Sample("a", T0, False, 500, "http_5xx", message="x" * 2000)])
    with session_scope(engine) as session:
        message = session.execute(select(ProbeSample.message)).scalar_one()  # type: ignore[call-overload]
    assert len(message) == 500 and message.endswith("…")


# -- rollups -----------------------------------------------------------------------------------------
def test_rollups_equal_a_direct_computation_and_are_idempotent(engine: Engine) -> None:
    ids = setup_targets(engine)
    samples = synthetic(("a", "b"), T0, 26 * 60)
    record_in_batches(engine, samples, roll=True)  # rolled every hour while recording, like the service
    end = T0 + timedelta(hours=26)
    report = rollup(engine, now=end + SETTLE)
    assert report.cutoff == end
    rows = rollup_rows(engine)
    hours = by_key(samples, ids, floor_hour)
    days = by_key(samples, ids, floor_day)
    assert {(t, s) for t, p, s in rows if p == "hour"} == set(hours)
    assert {(t, s) for t, p, s in rows if p == "day"} == set(days) and len(days) == 4  # 2 targets x 2 days
    for (target_id, start), group in hours.items():
        assert_bucket(_Row(rows[(target_id, "hour", start)]), direct(group))
    for (target_id, start), group in days.items():
        assert_bucket(_Row(rows[(target_id, "day", start)]), direct(group))
    maintenance = sum(row["maintenance"] for key, row in rows.items() if key[1] == "hour")
    assert maintenance == direct(samples).maintenance > 0
    # idempotent: the same run, a later one, and a rebuild from far back give the same rows
    rollup(engine, now=end + SETTLE)
    rollup(engine, now=end + timedelta(hours=2))
    rollup(engine, now=end + timedelta(hours=2), since=T0 - timedelta(days=3))
    assert rollup_rows(engine) == rows


class _Row:
    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def test_a_late_sample_is_rolled_into_its_hour_on_the_next_run(engine: Engine) -> None:
    ids = setup_targets(engine)
    record_samples(engine, [Sample("a", T0 + timedelta(minutes=50), True, 200, ttft_ms=100.0)])
    rollup(engine, now=T0 + timedelta(minutes=58))  # cutoff 53 min
    late = Sample("a", T0 + timedelta(minutes=52), True, 200, ttft_ms=200.0)  # recorded after the run
    record_samples(engine, [late])
    rollup(engine, now=T0 + timedelta(minutes=70))
    row = rollup_rows(engine)[(ids["a"], "hour", T0)]
    assert (row["count"], row["ttft_sum"]) == (2, 300.0)


# -- windows, series, retention ----------------------------------------------------------------------
def check_windows(
    engine: Engine, ids: dict[str, int], samples: list[Sample], now: datetime, names: tuple[str, ...]
) -> None:
    """`endpoint_health` at `now` equals a direct computation over the raw samples in each window."""
    health = endpoint_health(engine, now=now, windows=names)
    assert set(health) == set(ids.values())
    for name, target_id in ids.items():
        h = health[target_id]
        mine = [s for s in samples if s.probe == name]
        assert h.probe == name and h.last_sample_at == (max(s.at for s in mine) if mine else None)
        for window in names:
            length = parse_window(window)
            start = floor_hour(now - length) if length <= timedelta(days=2) else floor_day(now - length)
            want = direct(s for s in mine if start <= s.at <= now)
            got = h.windows[window]
            assert got.start == start
            assert (got.count, got.ok, got.failures, got.excluded, got.maintenance) == (
                want.count,
                want.ok,
                want.failures,
                want.excluded,
                want.maintenance,
            ), (name, window)
            assert got.errors == dict(want.errors) and got.uptime == pytest.approx(want.uptime)
            assert got.rate_limited == want.errors["rate_limited"]
            if not want.ttft:
                assert (got.ttft_mean_ms, got.ttft_p50_ms) == (None, None)
                continue
            assert got.ttft_mean_ms == pytest.approx(math.fsum(want.ttft) / len(want.ttft))
            for q, estimate in ((0.5, got.ttft_p50_ms), (0.9, got.ttft_p90_ms), (0.99, got.ttft_p99_ms)):
                assert_quantile(estimate, want.ttft, q)


def test_windows_equal_a_direct_computation_including_the_unrolled_tail(engine: Engine) -> None:
    ids = setup_targets(engine, ("a", "b", "idle"))
    old = synthetic(("a",), T0 - timedelta(days=12), 120, seed=2)  # only in the 30d window
    recent = synthetic(("a", "b"), T0, 26 * 60, seed=3)
    record_in_batches(engine, old)
    record_in_batches(engine, recent, every=timedelta(hours=6), roll=True)
    end = T0 + timedelta(hours=26)
    rollup(engine, now=end - timedelta(minutes=30))  # the last 35 minutes stay raw: the tail
    assert [s for s in recent if s.at >= end - timedelta(minutes=35)]
    everything = old + recent
    usual = ("1d", "7d", "30d")
    # the cache as the rollup left it (7d, 30d), with the hour that left 1d since taken out
    check_windows(engine, ids, everything, end + timedelta(minutes=1), usual)
    # windows the rollups do not keep, summed from the rollups: hourly (6h, 2d) and daily (3d)
    check_windows(engine, ids, everything, end + timedelta(minutes=1), ("6h", "2d", "3d"))
    # past midnight with no rollup since: days left 7d and 30d, hours left 1d
    check_windows(engine, ids, everything, end + timedelta(hours=2, minutes=30), usual)
    health = endpoint_health(engine, now=end)
    assert health[ids["a"]].windows["30d"].count > health[ids["a"]].windows["7d"].count
    idle = health[ids["idle"]].windows["30d"]
    assert (idle.count, idle.uptime, idle.ttft_p50_ms, idle.errors) == (0, None, None, {})
    # a target added since the last rollup (no cache rows, never rolled): its samples are all raw
    ids |= ensure_targets(engine, [TargetSpec("late", "openai", "https://late")], now=end)
    late = synthetic(("late",), end - timedelta(hours=3), 180, seed=9)
    record_samples(engine, late, now=end)
    check_windows(engine, ids, everything + late, end + timedelta(minutes=1), usual)
    # the current hour counts in 1d whether or not it was rolled up
    now = end + timedelta(minutes=1)
    before = endpoint_health(engine, now=now)[ids["b"]].windows["1d"].count
    record_samples(engine, [Sample("b", now - timedelta(seconds=5), False, 503, "http_5xx")], now=now)
    assert endpoint_health(engine, now=now)[ids["b"]].windows["1d"].count == before + 1
    rollup(engine, now=now + SETTLE)
    assert endpoint_health(engine, now=now)[ids["b"]].windows["1d"].count == before + 1
    only = endpoint_health(engine, now=now, windows=("6h",), target_ids=[ids["b"]])
    assert list(only) == [ids["b"]] and list(only[ids["b"]].windows) == ["6h"]


def test_the_rollup_keeps_the_usual_windows_of_every_target(engine: Engine) -> None:
    ids = setup_targets(engine)
    record_in_batches(engine, synthetic(("a",), T0, 120, seed=8), roll=True)
    report = rollup(engine, now=T0 + timedelta(hours=3))
    rows = {(row.target_id, row.name): row for row in _rows(engine, ProbeWindow)}
    assert set(rows) == {(i, w) for i in ids.values() for w in ("1d", "7d", "30d")}
    assert {row.rolled_until for row in rows.values()} == {report.cutoff}
    assert rows[(ids["a"], "1d")].count == 60 and rows[(ids["b"], "30d")].count == 0
    specs = [window_spec(name, T0 + timedelta(hours=3)) for name in ("1d", "7d", "30d", "6h")]
    buckets: dict[str, dict[int, Any]] = {spec.name: {} for spec in specs}
    targets = [SimpleNamespace(id=i, rolled_until=report.cutoff) for i in ids.values()]
    targets.append(SimpleNamespace(id=999, rolled_until=None))  # added since: not in the cache
    with session_scope(engine) as session:
        misses = read_cached(session, specs, targets, buckets)
    assert misses == {"1d": [999], "7d": [999], "30d": [999], "6h": [ids["a"], ids["b"], 999]}
    assert buckets["1d"][ids["a"]].count == 60


def _rows(engine: Engine, entity: Any) -> list[Any]:
    with engine.connect() as connection:
        return list(connection.execute(select(table(entity))))


def test_health_reports_status_and_the_open_incident(engine: Engine) -> None:
    ids = setup_targets(engine)
    record_samples(engine, [Sample("a", T0 + timedelta(minutes=i), False, None, "timeout") for i in range(3)])
    health = endpoint_health(engine, now=T0 + timedelta(minutes=5))
    a = health[ids["a"]]
    assert a.status == "down" and a.open_incident is not None and a.open_incident.started == T0
    assert a.windows["1d"].uptime == 0.0 and a.windows["1d"].errors == {"timeout": 3}
    assert health[ids["b"]].open_incident is None and health[ids["b"]].status == "unknown"


def test_series_choose_samples_hours_or_days_and_include_the_tail(engine: Engine) -> None:
    ids = setup_targets(engine)
    samples = synthetic(("a",), T0, 26 * 60, seed=4)
    record_in_batches(engine, samples, every=timedelta(hours=4), roll=True)
    end = T0 + timedelta(hours=26)
    raw = probe_series(engine, ids["a"], start=T0, end=T0 + timedelta(hours=12))
    assert {p.resolution for p in raw} == {"sample"}
    in_range = sorted((s for s in samples if s.at < T0 + timedelta(hours=12)), key=lambda s: s.at)
    assert [p.start for p in raw] == [s.at for s in in_range]
    assert [p.error_class for p in raw] == [s.error_class for s in in_range]
    for resolution, span, floor in (
        ("hour", timedelta(days=3), floor_hour),
        ("day", timedelta(days=90), floor_day),
    ):
        points = probe_series(engine, ids["a"], start=end - span, end=end + timedelta(hours=1))
        assert {p.resolution for p in points} == {resolution}
        groups = by_key(samples, ids, floor)
        assert [p.start for p in points] == sorted(start for _, start in groups)
        for point in points:
            want = direct(groups[(ids["a"], point.start)])
            assert (point.count, point.ok, point.failures, point.excluded) == (
                want.count,
                want.ok,
                want.failures,
                want.excluded,
            )
            if want.ttft:
                assert point.ttft_ms == pytest.approx(math.fsum(want.ttft) / len(want.ttft))
                assert_quantile(point.ttft_p90_ms, want.ttft, 0.9)
                assert_quantile(point.total_p50_ms, want.total, 0.5)
            else:  # the maintenance hour: no latency counted
                assert point.ttft_ms is None and point.ttft_p90_ms is None and point.total_p50_ms is None
    forced = probe_series(engine, ids["a"], start=T0, end=T0 + timedelta(hours=2), resolution="hour")
    assert [p.start for p in forced] == [T0, T0 + timedelta(hours=1)]
    with pytest.raises(ValueError, match="resolution"):
        probe_series(engine, ids["a"], start=T0, end=end, resolution="week")


def test_retention_drops_old_raw_samples_and_keeps_rollups(engine: Engine) -> None:
    ids = setup_targets(engine, ("a", "b", "new"))
    old = synthetic(("a",), T0 - timedelta(days=20), 60, seed=5)
    recent = synthetic(("a", "b"), T0, 6 * 60, seed=6)
    record_in_batches(engine, old + recent, every=timedelta(hours=3), roll=True)
    now = T0 + timedelta(hours=6)
    rollup(engine, now=now)
    # a target created after the last rollup: its samples (even old ones) were never rolled
    never_rolled = [Sample("new", T0 - timedelta(days=10), True, 200)]
    targets = table(ProbeTarget)
    with session_scope(engine) as session:
        session.execute(targets.update().where(targets.c.name == "new").values(rolled_until=None))
    record_samples(engine, never_rolled)
    rows = rollup_rows(engine)
    health = endpoint_health(engine, now=now)
    report = apply_retention(engine, now=now, raw_days=2, rollup_days=400)
    assert report.raw_deleted == len(old) and report.rollups_deleted == 0
    assert count(engine, ProbeSample) == len(recent) + 1  # the unrolled sample of "new" stays
    assert rollup_rows(engine) == rows
    assert endpoint_health(engine, now=now) == health  # the windows read rollups: nothing changed
    # a rebuild from far back cannot lose the buckets whose raw samples are gone
    rollup(engine, now=now, since=T0 - timedelta(days=30))
    rebuilt = rollup_rows(engine)
    assert {k: v for k, v in rebuilt.items() if k[0] != ids["new"]} == rows
    assert {k[1] for k in rebuilt if k[0] == ids["new"]} == {"hour", "day"}  # rolled at last
    report = apply_retention(engine, now=now, raw_days=2, rollup_days=5)
    old_keys = {key for key in rebuilt if key[2] < floor_day(now - timedelta(days=5))}
    assert len(old_keys) == 4 and report.rollups_deleted == 4  # a's and new's old hour and day
    assert set(rollup_rows(engine)) == set(rebuilt) - old_keys
    assert report.raw_deleted == 1 and count(engine, ProbeSample) == len(recent)
    # hourly rows may go sooner than daily ones
    report = apply_retention(engine, now=now, raw_days=2, rollup_days=400, hourly_days=0)
    left = rollup_rows(engine)
    today = floor_day(now)
    assert report.rollups_deleted > 0 and min(k[2] for k in left if k[1] == "hour") == today
    kept = {k: v for k, v in rebuilt.items() if k not in old_keys and (k[1] == "day" or k[2] >= today)}
    assert left == kept


def test_retention_never_deletes_samples_that_were_not_rolled_up(engine: Engine) -> None:
    setup_targets(engine)
    record_samples(engine, [Sample("a", T0, True, 200)])
    assert apply_retention(engine, now=T0 + timedelta(days=30), raw_days=1).raw_deleted == 0
    assert count(engine, ProbeSample) == 1
