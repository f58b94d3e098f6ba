"""The API benchmark's database: the full fixture catalog and a year of probe history for every endpoint.

- Catalog: the recorded OpenRouter catalog (356 models, 1,188 endpoints with OpenRouter's routed offers)
  parsed by the real extractors and written by the real ingest (`bench/ingest_timing.py`); the
  synthetic catalog of the same size when ../shared is absent.
- Probes: one probe target per active endpoint, linked to it (`ProbeTarget.endpoint_id`), with a year of
  hourly rollups and daily rollups up to "now" (a probe every 5 minutes: 12 samples an hour), a few raw
  samples after the last rollup, and a status (most up, some degraded or down). Rollup rows are drawn
  from a pool of realistic buckets (log-normal TTFT, a few failures and 429s) and written straight
  through the driver: 10.4 million hourly rows is minutes through the ORM, tens of seconds this way.
  Daily rows come from the same pool, so a day's row is not literally the sum of its hours: the read
  side does not care.

The file is cached under bench/out/, keyed by the parameters and this module's text; `--rebuild` forces
a new one.
"""

from __future__ import annotations

import hashlib
import math
import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from db.engine import make_engine
from db.models import Endpoint, ProbeRollup, ProbeSample, ProbeTarget
from db.probes.buckets import Bucket

NOW = datetime(2026, 5, 22, 12, 0, tzinfo=UTC)
SAMPLES_PER_HOUR = 12
_POOL = 64
_DAILY_POOL = 16


@dataclass(frozen=True)
class BenchData:
    url: str
    endpoints: int
    targets: int
    hourly_rows: int
    daily_rows: int
    build_s: float  # 0 when the cached file was used
    catalog: str  # "recorded" or "synthetic"


def database_path(out: Path, *, days: int, catalog: str) -> Path:
    """The cached file for these parameters, this module and the tables' schema (a new column: a new file)."""
    from sqlalchemy.schema import CreateTable

    key = hashlib.sha256(Path(__file__).read_bytes())
    for table in SQLModel.metadata.sorted_tables:
        key.update(str(CreateTable(table).compile(dialect=sqlite.dialect())).encode())
    return out / f"api-{catalog}-{days}d-{key.hexdigest()[:10]}.db"


def build(out: Path, *, days: int, fixtures: Path, rebuild: bool = False, log: Any = print) -> BenchData:
    """The benchmark database (cached); builds it when missing."""
    catalog = "recorded" if (fixtures / "models-2026-05-22.json").exists() else "synthetic"
    path = database_path(out.resolve(), days=days, catalog=catalog)
    url = f"sqlite:///{path}"
    if path.exists() and not rebuild:
        engine = make_engine(url)
        counts = _counts(engine)
        engine.dispose()
        return BenchData(url, *counts, build_s=0.0, catalog=catalog)
    out.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    engine = make_engine(url)
    log(f"building {path.name}: the {catalog} catalog ...")
    _ingest_catalog(engine, fixtures if catalog == "recorded" else None)
    log(f"... and {days} days of hourly and daily probe rollups for every endpoint (a few minutes)")
    _write_probes(engine, days=days)
    counts = _counts(engine)
    engine.dispose()
    return BenchData(url, *counts, build_s=time.perf_counter() - started, catalog=catalog)


def _ingest_catalog(engine: Engine, fixtures: Path | None) -> None:
    from catalog_gen import generate_catalog  # bench/ is on sys.path when run as a script
    from ingest_timing import catalog_bodies, parse_result, timed_ingest

    from replica.catalog import load_snapshot

    if fixtures is not None:
        catalog = load_snapshot(
            models=fixtures / "models-2026-05-22.json",
            endpoints=fixtures / "endpoints-2026-05-18.json",
            providers=fixtures / "providers-2026-05.json",
        )
    else:
        catalog = generate_catalog(seed=1).to_catalog()
    result = parse_result(catalog_bodies(catalog), base_url="https://openrouter.ai/api/v1")
    result.started = result.finished = NOW - timedelta(hours=1)
    timed_ingest(engine, result)


def _bucket(rng: random.Random, median_ms: float, samples: int) -> Bucket:
    bucket = Bucket()
    for _ in range(samples):
        roll = rng.random()
        if roll < 0.01:
            bucket.add_sample(False, "timeout", None, 60000.0, None, False)
        elif roll < 0.015:
            bucket.add_sample(False, "rate_limited", None, 120.0, None, False)
        else:
            ttft = median_ms * math.exp(rng.gauss(0, 0.35))
            total = ttft + rng.uniform(200, 900)
            bucket.add_sample(True, None, ttft, total, rng.uniform(20, 120), False)
    return bucket


def _row_values(bucket: Bucket) -> tuple[Any, ...]:
    row = bucket.row(0, "hour", NOW)
    return tuple(row[name] for name in _COLUMNS[3:])


_COLUMNS = [c.name for c in ProbeRollup.__table__.columns]  # type: ignore[attr-defined]


def _write_probes(engine: Engine, *, days: int) -> None:
    import json

    rng = random.Random(7)
    medians = (350.0, 600.0, 900.0, 1400.0, 2200.0)
    hourly = [_row_values(_bucket(rng, medians[i % len(medians)], SAMPLES_PER_HOUR)) for i in range(_POOL)]
    daily = [
        _row_values(_bucket(rng, medians[i % len(medians)], SAMPLES_PER_HOUR * 24))
        for i in range(_DAILY_POOL)
    ]
    hourly = [_encoded(values, json) for values in hourly]
    daily = [_encoded(values, json) for values in daily]
    when = ProbeRollup.__table__.c.start.type._cached_bind_processor(sqlite.dialect())  # type: ignore[attr-defined]
    first_hour = (NOW - timedelta(days=days)).replace(minute=0, second=0, microsecond=0)
    hours = [when(first_hour + timedelta(hours=h)) for h in range(days * 24)]
    day_starts = [when((NOW - timedelta(days=days - d)).replace(hour=0, minute=0)) for d in range(days + 1)]
    with engine.begin() as connection:
        endpoints = Endpoint.__table__  # type: ignore[attr-defined]
        ids = [
            row.id
            for row in connection.execute(select(endpoints.c.id).where(endpoints.c.removed_at.is_(None)))
        ]
        targets = []
        for n, endpoint_id in enumerate(ids):
            status = "down" if n % 97 == 0 else "degraded" if n % 41 == 0 else "up"
            targets.append(
                {
                    "id": n + 1,
                    "name": f"bench-{endpoint_id}",
                    "protocol": "openai",
                    "url": "https://example.invalid/v1/chat/completions",
                    "endpoint_id": endpoint_id,
                    "status": status,
                    "status_since": NOW - timedelta(hours=n % 48),
                    "fail_streak": 3 if status == "down" else 0,
                    "ok_streak": 0 if status == "down" else 5,
                    "recent_ttft_ms": [],
                    "last_sample_at": NOW - timedelta(minutes=1),
                    "rolled_until": NOW - timedelta(minutes=5),
                    "first_seen": NOW - timedelta(days=days),
                }
            )
        connection.execute(ProbeTarget.__table__.insert(), targets)  # type: ignore[attr-defined]
        samples = [
            {
                "target_id": t["id"],
                "at": NOW - timedelta(minutes=3),
                "ok": t["status"] != "down",
                "status": 200 if t["status"] != "down" else 503,
                "error_class": None if t["status"] != "down" else "http_5xx",
                "ttft_ms": 700.0 if t["status"] != "down" else None,
                "total_ms": 1300.0,
                "in_maintenance": False,
            }
            for t in targets
        ]
        connection.execute(ProbeSample.__table__.insert(), samples)  # type: ignore[attr-defined]
    # Straight through the driver (the engine's SQLite connections run in autocommit: BEGIN/COMMIT are ours).
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        insert = f"INSERT INTO proberollup ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
        cursor.execute("BEGIN")
        for t in range(1, len(ids) + 1):
            rows = [(t, "hour", hours[h], *hourly[(t * 7 + h) % _POOL]) for h in range(len(hours))]
            rows += [(t, "day", start, *daily[(t + d) % _DAILY_POOL]) for d, start in enumerate(day_starts)]
            cursor.executemany(insert, rows)
            if t % 200 == 0:
                cursor.execute("COMMIT")
                cursor.execute("BEGIN")
        cursor.execute("COMMIT")
        cursor.close()
    finally:
        raw.close()


def _encoded(values: tuple[Any, ...], json: Any) -> tuple[Any, ...]:
    """Values as the driver stores them (JSON text for a JSON column)."""
    return tuple(json.dumps(v) if isinstance(v, dict | list) else v for v in values)


def _counts(engine: Engine) -> tuple[int, int, int, int]:
    from sqlalchemy import func

    with engine.connect() as connection:

        def count(table: Any, *where: Any) -> int:
            return int(connection.execute(select(func.count()).select_from(table).where(*where)).scalar_one())

        r = ProbeRollup.__table__  # type: ignore[attr-defined]
        return (
            count(Endpoint.__table__, Endpoint.__table__.c.removed_at.is_(None)),  # type: ignore[attr-defined]
            count(ProbeTarget.__table__),  # type: ignore[attr-defined]
            count(r, r.c.period == "hour"),
            count(r, r.c.period == "day"),
        )
