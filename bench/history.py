"""Benchmark: the probe history store at the scale of a busy installation.

Data (synthetic, written with the real schema, cached under bench/out/ keyed by the parameters and the
tables' DDL): --targets probe targets (1,000) with --days of history (365): hourly and daily rollups
before the raw window, written in bulk from a pool of realistic hourly buckets (60 samples each,
log-normal TTFT, failures, 429s, outages); then --raw-days (2) of one-minute samples for every target
written through `db.probes.store.record_samples` (state machine, incidents) and rolled up hourly by
`db.probes.rollups.rollup`, as the service does, the last rollup a few minutes before "now" so the windows
also read an unrolled tail.

Figures (medians over --runs; the machine is shared and noisy):

1. database size (SQLite file) and rows per table;
2. `endpoint_health` for every target: uptime, error counts and TTFT p50/p90/p99 over 1d, 7d, 30d
   (goal < 0.5 s): right after a rollup run (from the `ProbeWindow` cache plus the raw tail), half
   an hour later past an hour boundary (the cache less the hour that left 1d), and with windows the
   rollup job does not keep (24h/168h/720h: every rollup row of the windows summed);
3. `probe_series` of one target over one year, daily points (goal < 0.1 s); also 60 days hourly and
   one day of raw samples;
4. the write side, in a transaction rolled back so the cached file stays as it is: one round of samples
   (`write_samples`, one per target) and the rollup run after it (`roll`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as `python bench/history.py` from anywhere
    sys.path.insert(0, str(REPO))

from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.dialects import sqlite  # noqa: E402
from sqlalchemy.schema import CreateIndex, CreateTable  # noqa: E402
from sqlmodel import Session  # noqa: E402

from bench.figures import Figure, render_table  # noqa: E402
from bench.machine import machine_info, machine_line  # noqa: E402
from db.bulk import insert_rows  # noqa: E402
from db.engine import make_engine  # noqa: E402
from db.models import Incident, ProbeRollup, ProbeSample, ProbeTarget, ProbeWindow, table  # noqa: E402
from db.probes.buckets import Bucket  # noqa: E402
from db.probes.health import endpoint_health  # noqa: E402
from db.probes.rollups import DAY, HOUR, floor_day, floor_hour, roll, rollup  # noqa: E402
from db.probes.samples import Sample  # noqa: E402
from db.probes.series import probe_series  # noqa: E402
from db.probes.store import record_samples, write_samples  # noqa: E402
from db.probes.targets import TargetSpec, ensure_targets  # noqa: E402

OUT = REPO / "bench" / "out"
NOW = datetime(2026, 6, 1, 12, 34, tzinfo=UTC)
GENERATOR = 1  # bump when the generated data changes
TABLES = (ProbeTarget, ProbeSample, ProbeRollup, ProbeWindow, Incident)
FAILURES = ("timeout", "connect", "http_5xx", "stream_error", "bad_response")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python bench/history.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=7, help="measurements per figure (median, min, max)")
    parser.add_argument("--targets", type=int, default=1000, help="probe targets")
    parser.add_argument("--days", type=int, default=365, help="days of rollups")
    parser.add_argument("--raw-days", type=int, default=2, help="days of one-minute raw samples")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rebuild", action="store_true", help="regenerate the cached database")
    parser.add_argument("--out", type=Path, default=OUT / "history.json", help="where to write the figures")
    return parser


def main(args: argparse.Namespace) -> int:
    path = cache_path(args)
    if args.rebuild or not path.exists():
        started = time.perf_counter()
        build(path, args)
        print(f"generated {path.name} in {time.perf_counter() - started:.0f} s", flush=True)
    else:
        print(f"cached data: {path}", flush=True)
    figures, extra = measure(path, args)
    summary = {
        "benchmark": "history",
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine_info(),
        "data": {"targets": args.targets, "days": args.days, "raw_days": args.raw_days, "file": str(path)},
        "runs": args.runs,
        "figures": {fig.name: fig.as_json() for fig in figures if fig.values},
        **extra,
    }
    print()
    print(machine_line(summary["machine"]))
    print(render_table(figures))
    print("rows: " + ", ".join(f"{name} {n:,}" for name, n in extra["rows"].items()))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2, default=str) + "\n")
    print(f"\nwritten to {args.out}")
    return 0


# -- data --------------------------------------------------------------------------------------------
def cache_path(args: argparse.Namespace) -> Path:
    dialect = sqlite.dialect()
    ddl = "".join(str(CreateTable(table(t)).compile(dialect=dialect)) for t in TABLES)
    ddl += "".join(
        str(CreateIndex(i).compile(dialect=dialect))
        for t in TABLES
        for i in sorted(table(t).indexes, key=lambda i: str(i.name))
    )
    key = f"{GENERATOR}|{args.targets}|{args.days}|{args.raw_days}|{args.seed}|{ddl}"
    digest = hashlib.sha1(key.encode()).hexdigest()[:10]
    return OUT / f"history-{args.targets}t-{args.days}d-{args.raw_days}r-s{args.seed}-{digest}.db"


class Profile:
    """How one target behaves: its typical TTFT, spread, failure and rate-limit rates, outages."""

    def __init__(self, rnd: random.Random) -> None:
        self.median = rnd.choice([150, 300, 600, 900, 1500, 3000]) * rnd.uniform(0.8, 1.25)
        self.sigma = rnd.uniform(0.15, 0.6)
        self.fail = rnd.choice([0.0005, 0.002, 0.01, 0.03])
        self.limited = rnd.choice([0.0, 0.0, 0.005, 0.02])
        self.outage_left = 0

    def sample(self, rnd: random.Random, name: str, at: datetime) -> Sample:
        if self.outage_left == 0 and rnd.random() < 0.0002:  # an outage every ~3.5 days
            self.outage_left = rnd.randint(3, 40)
        if self.outage_left:
            self.outage_left -= 1
            return Sample(name, at, False, None, "timeout", message="no answer within 60s")
        r = rnd.random()
        if r < self.fail:
            return Sample(name, at, False, 503, rnd.choice(FAILURES), message="upstream error")
        if r < self.fail + self.limited:
            return Sample(name, at, False, 429, "rate_limited", retry_after_s=30)
        ttft = rnd.lognormvariate(math.log(self.median), self.sigma)
        total = ttft + rnd.lognormvariate(math.log(400), 0.3)
        return Sample(name, at, True, 200, ttft_ms=ttft, total_ms=total, tokens_per_s=rnd.uniform(20, 150))


def hourly_pool(rnd: random.Random, profiles: list[Profile], size: int = 512) -> list[Bucket]:
    """Hourly buckets of 60 one-minute samples, from the targets' own profiles."""
    pool = []
    start = datetime(2000, 1, 1, tzinfo=UTC)
    for _ in range(size):
        profile = rnd.choice(profiles)
        bucket = Bucket()
        for minute in range(60):
            s = profile.sample(rnd, "pool", start + timedelta(minutes=minute))
            bucket.add_sample(s.ok, s.error_class, s.ttft_ms, s.total_ms, s.tokens_per_s, False)
        pool.append(bucket)
    return pool


def build(path: Path, args: argparse.Namespace) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".partial")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{tmp}")
    rnd = random.Random(args.seed)
    names = [f"ep-{i:04d}" for i in range(args.targets)]
    first_day = floor_day(NOW - timedelta(days=args.days))
    specs = [TargetSpec(n, "openai", f"https://{n}.example/v1/chat/completions", model="m") for n in names]
    ids = ensure_targets(engine, specs, now=first_day)
    profiles = [Profile(rnd) for _ in names]
    raw_start = floor_hour(NOW - timedelta(days=args.raw_days))
    write_history(engine, rnd, [ids[n] for n in names], profiles, first_day, raw_start)
    write_raw(engine, rnd, names, profiles, raw_start)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    tmp.rename(path)
    for leftover in (Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)


def write_history(
    engine: Any,
    rnd: random.Random,
    ids: list[int],
    profiles: list[Profile],
    first_day: datetime,
    end: datetime,
) -> None:
    """Hourly and daily rollups from `first_day` to `end`, target by target (in primary-key order)."""
    pool = hourly_pool(rnd, profiles)
    templates = [bucket.row(0, HOUR, first_day) for bucket in pool]
    hours = int((end - first_day) / timedelta(hours=1))
    r = table(ProbeRollup)
    started = time.perf_counter()
    with Session(engine) as session:
        session.connection().exec_driver_sql("PRAGMA cache_size=-400000")
        for n, target_id in enumerate(ids):
            home = rnd.sample(range(len(pool)), 24)  # a target's hours look alike
            picks = [rnd.choice(home) for _ in range(hours)]
            day_rows, hour_rows = [], []
            for day_index in range(0, hours, 24):
                day = Bucket()
                for hour in range(day_index, min(day_index + 24, hours)):
                    day.merge(pool[picks[hour]])
                    start = first_day + timedelta(hours=hour)
                    hour_rows.append(dict(templates[picks[hour]], target_id=target_id, start=start))
                day_rows.append(day.row(target_id, DAY, first_day + timedelta(hours=day_index)))
            insert_rows(session, r, day_rows)
            insert_rows(session, r, hour_rows)
            if n % 50 == 49:
                session.commit()
                rate = (n + 1) / (time.perf_counter() - started)
                print(f"  rollups: {n + 1}/{len(ids)} targets ({rate:.1f}/s)", flush=True)
        session.commit()


def write_raw(
    engine: Any, rnd: random.Random, names: list[str], profiles: list[Profile], start: datetime
) -> None:
    """One-minute rounds from `start` to NOW through the real write path (ten rounds per call, which
    only saves per-call overhead), rolled up every hour as the service does."""
    minutes = int((NOW - start) / timedelta(minutes=1))
    started = time.perf_counter()
    batch: list[Sample] = []
    for minute in range(minutes):
        at = start + timedelta(minutes=minute)
        pairs = zip(names, profiles, strict=True)
        batch += [p.sample(rnd, n, at + timedelta(seconds=rnd.uniform(0, 20))) for n, p in pairs]
        if minute % 10 == 9 or minute == minutes - 1:
            record_samples(engine, batch, now=at + timedelta(minutes=1))
            batch = []
        if minute % 60 == 59:
            rollup(engine, now=at + timedelta(minutes=1))
            rate = (minute + 1) / (time.perf_counter() - started)
            print(f"  raw: {minute + 1}/{minutes} rounds ({rate:.1f}/s)", flush=True)
    rollup(engine, now=NOW - timedelta(minutes=2))  # the last run, a few minutes before "now"


# -- measurements ------------------------------------------------------------------------------------
def measure(path: Path, args: argparse.Namespace) -> tuple[list[Figure], dict[str, Any]]:
    engine = make_engine(f"sqlite:///{path}", create=False)
    rnd = random.Random(args.seed + 1)
    figures = {
        "size": Figure("database size (SQLite file)", "MB"),
        "health_first": Figure("endpoint_health 1d/7d/30d, all targets: first call", "s"),
        "health": Figure("endpoint_health 1d/7d/30d, all targets", "s", goal="< 0.5"),
        "health_cpu": Figure("  the same, CPU time of this process (less the machine's load)", "s"),
        "health_stale": Figure("  the same, an hour boundary after the last rollup", "s", goal="< 0.5"),
        "health_sum": Figure("  the same windows summed from the rollups (24h/168h/720h)", "s"),
        "year": Figure("probe_series, one target, 1 year (daily)", "s", goal="< 0.1"),
        "hours": Figure("probe_series, one target, 60 days (hourly)", "s"),
        "raw": Figure("probe_series, one target, 1 day (raw samples)", "s"),
        "record": Figure("write_samples: one round (one sample per target)", "s"),
        "roll": Figure("roll: the rollup run after it", "s"),
    }
    figures["size"].values.append(round(path.stat().st_size / 1e6, 1))
    with engine.connect() as connection:
        rows = {
            t.__name__: connection.execute(select(func.count()).select_from(table(t))).scalar_one()
            for t in TABLES
        }
        ids = [row[0] for row in connection.execute(select(table(ProbeTarget).c.id))]
    for run in range(args.runs + 1):
        started, cpu = time.perf_counter(), time.process_time()
        health = endpoint_health(engine, now=NOW)
        figures["health_first" if run == 0 else "health"].values.append(time.perf_counter() - started)
        if run:
            figures["health_cpu"].values.append(time.process_time() - cpu)
        # After the next hour began but before the next rollup run: the cache minus the hour that left.
        started = time.perf_counter()
        endpoint_health(engine, now=NOW + timedelta(minutes=30))
        figures["health_stale"].values.append(time.perf_counter() - started)
        # Windows the rollup job does not keep: every rollup row of the windows is read.
        started = time.perf_counter()
        endpoint_health(engine, now=NOW, windows=("24h", "168h", "720h"))
        figures["health_sum"].values.append(time.perf_counter() - started)
        target = rnd.choice(ids)
        for key, span in (
            ("year", timedelta(days=365)),
            ("hours", timedelta(days=60)),
            ("raw", timedelta(days=1)),
        ):
            started = time.perf_counter()
            points = probe_series(engine, target, start=NOW - span, end=NOW)
            figures[key].values.append(time.perf_counter() - started)
        if run < min(args.runs, 3):  # writes are slower to undo: fewer runs
            measure_writes(engine, rnd, figures)
    sample = health[ids[0]]
    extra = {
        "rows": rows,
        "example": {
            "probe": sample.probe,
            "status": sample.status,
            "windows": {
                k: (w.count, w.uptime, w.ttft_p50_ms, w.ttft_p90_ms) for k, w in sample.windows.items()
            },
            "year_points": len(points),
        },
    }
    engine.dispose()
    return list(figures.values()), extra


def measure_writes(engine: Any, rnd: random.Random, figures: dict[str, Figure]) -> None:
    t = table(ProbeTarget)
    with Session(engine) as session:
        names = [name for (name,) in session.execute(select(t.c.name))]
        profile = Profile(rnd)
        batch = [profile.sample(rnd, name, NOW - timedelta(seconds=rnd.uniform(0, 30))) for name in names]
        started = time.perf_counter()
        write_samples(session, batch, now=NOW)
        figures["record"].values.append(time.perf_counter() - started)
        started = time.perf_counter()
        roll(session, now=NOW)
        figures["roll"].values.append(time.perf_counter() - started)
        session.rollback()


if __name__ == "__main__":
    parsed = build_parser().parse_args()
    if parsed.runs < 1 or parsed.targets < 1:
        sys.exit("--runs and --targets must be at least 1")
    sys.exit(main(parsed))
