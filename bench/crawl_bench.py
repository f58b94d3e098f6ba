"""The measurements behind `bench/crawl_full.py` (see its docstring for what each figure means).

Kept apart from the entry script on purpose: `crawl_in_child` spawns a fresh interpreter that re-runs
the main script's top level, so the script imports nothing heavy and the child's start-up time stays
what the service sees.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from bench.catalog_gen import generate_catalog
from bench.figures import Figure, render_table
from bench.ingest_timing import (
    SOURCE,
    Bodies,
    catalog_bodies,
    parse_result,
    postgres_answers,
    postgres_schema,
    row_counts,
    timed_ingest,
)
from bench.machine import machine_info, machine_line
from crawler.source import SourceSpec
from db.engine import make_engine
from db.models import CrawlRun
from monitor.crawling.run import crawl_in_child
from replica.catalog import Catalog, load_snapshot
from replica.server import ReplicaServer

FIXTURE_FILES = ("models-2026-05-22.json", "endpoints-2026-05-18.json", "providers-2026-05.json")
BASE_URL = "http://127.0.0.1:8900/api/v1"  # any base: an endpoint's identity does not include it


def main(args: argparse.Namespace) -> int:
    catalog, data = load_catalog(args)
    bodies = catalog_bodies(catalog)
    print(f"data: {data['label']}", flush=True)
    if args.profile:
        return profile(args, catalog, bodies)
    figures = make_figures()
    crawl_rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="mw-bench-") as tmp:
        if not args.no_crawl:
            crawl_rows = measure_crawls(catalog, Path(tmp), args.runs, figures)
        for run in range(args.runs):
            measure_ingest(f"sqlite:///{Path(tmp) / f'ingest-{run}.db'}", bodies, figures, prefix="SQLite")
    postgres = None if args.no_postgres else measure_postgres(args.postgres_url, bodies, figures)
    summary = {
        "benchmark": "crawl_full",
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine_info(),
        "data": data,
        "runs": args.runs,
        "figures": {key: fig.as_json() for key, fig in figures.items() if fig.values},
        "crawls": crawl_rows,
        "postgres": postgres,
    }
    print()
    print(machine_line(summary["machine"]))
    print(render_table(list(figures.values())))
    if crawl_rows:
        print_row_counts(crawl_rows[0])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2, default=str) + "\n")
    print(f"\nwritten to {args.out}")
    return 0


# -- data --------------------------------------------------------------------------------------------
def load_catalog(args: argparse.Namespace) -> tuple[Catalog, dict[str, Any]]:
    """The recorded catalog when present (and not overridden), else the synthetic one."""
    folder: Path = args.fixtures
    recorded = all((folder / name).is_file() for name in FIXTURE_FILES)
    if recorded and not args.synthetic and args.scale == 1:
        models, endpoints, providers = (folder / name for name in FIXTURE_FILES)
        catalog = load_snapshot(models=models, endpoints=endpoints, providers=providers)
        label = f"recorded catalog {folder}"
        kind = "recorded"
    else:
        synthetic = generate_catalog(seed=args.seed, scale=args.scale)
        catalog = synthetic.to_catalog()
        why = "forced" if args.synthetic or args.scale > 1 else f"{folder} has no recorded catalog"
        label = f"synthetic catalog, seed {args.seed}, scale {args.scale} ({why})"
        kind = "synthetic"
    provider_endpoints = sum(len(body["data"]["endpoints"]) for body in (catalog.endpoints or {}).values())
    data = {
        "label": label,
        "kind": kind,
        "seed": args.seed if kind == "synthetic" else None,
        "scale": args.scale if kind == "synthetic" else 1,
        "models": len(catalog.models),
        "provider_endpoints": provider_endpoints,
        "endpoints_ingested": len(catalog.models)
        + provider_endpoints,  # + OpenRouter's routed offer per model
    }
    label += f": {data['models']} models, {provider_endpoints} provider endpoints"
    data["label"] = label
    return catalog, data


def make_figures() -> dict[str, Figure]:
    figures = [
        Figure("crawl: wall (crawl_in_child)", "s", goal="< 10"),
        Figure("crawl: spider open -> outcome in parent", "s"),
        Figure("crawl: fetch + parse (CrawlRun started->finished)", "s"),
        Figure("crawl: child start-up before spider open", "s"),
        Figure("re-crawl: wall (crawl_in_child)", "s"),
        Figure("re-crawl: history rows written", "rows", goal="== 0"),
        Figure("parse (extractors, in-process)", "s"),
        Figure("SQLite ingest: first", "s"),
        Figure("SQLite ingest: first", "endpoints/s", goal="> 5000"),
        Figure("SQLite ingest: unchanged re-ingest", "s"),
        Figure("SQLite ingest: unchanged re-ingest", "endpoints/s"),
        Figure("SQLite ingest: re-ingest history rows", "rows", goal="== 0"),
        Figure("PostgreSQL ingest: first", "endpoints/s"),
        Figure("PostgreSQL ingest: unchanged re-ingest", "endpoints/s"),
        Figure("PostgreSQL ingest: re-ingest history rows", "rows", goal="== 0"),
    ]
    return {f"{fig.name} [{fig.unit}]": fig for fig in figures}


def _add(figures: dict[str, Figure], name: str, unit: str, value: float) -> None:
    figures[f"{name} [{unit}]"].values.append(value)


# -- crawls ------------------------------------------------------------------------------------------
def measure_crawls(
    catalog: Catalog, tmp: Path, runs: int, figures: dict[str, Figure]
) -> list[dict[str, Any]]:
    rows = []
    with ReplicaServer(catalog) as server:
        spec = SourceSpec(name=SOURCE, kind="openrouter", base_url=server.api_url)
        for run in range(runs):
            db_url = f"sqlite:///{tmp / f'crawl-{run}.db'}"
            first = timed_crawl(db_url, spec)
            before = _counts(db_url)
            second = timed_crawl(db_url, spec)
            after = _counts(db_url)
            print(
                f"crawl {run + 1}/{runs}: {first['wall_s']:.2f} s ({first['endpoints']} endpoints), "
                f"re-crawl {second['wall_s']:.2f} s, {second['history_rows']} history rows",
                flush=True,
            )
            _add(figures, "crawl: wall (crawl_in_child)", "s", first["wall_s"])
            _add(figures, "crawl: spider open -> outcome in parent", "s", first["in_child_s"])
            _add(figures, "crawl: fetch + parse (CrawlRun started->finished)", "s", first["fetch_s"])
            _add(figures, "crawl: child start-up before spider open", "s", first["startup_s"])
            _add(figures, "re-crawl: wall (crawl_in_child)", "s", second["wall_s"])
            _add(figures, "re-crawl: history rows written", "rows", second["history_rows"])
            rows.append(
                {"first": first, "second": second, "rows_before_recrawl": before, "rows_after_recrawl": after}
            )
    return rows


def timed_crawl(db_url: str, spec: SourceSpec) -> dict[str, Any]:
    called = datetime.now(UTC)
    started = time.perf_counter()
    outcome = crawl_in_child(db_url=db_url, sources=[spec], aliases={}, timeout_s=900)
    wall = time.perf_counter() - started
    returned = datetime.now(UTC)
    if outcome.errors or not outcome.reports or outcome.reports[0].status != "ok":
        raise SystemExit(f"the crawl did not succeed: {outcome}")
    report = outcome.reports[0]
    engine = make_engine(db_url)
    with Session(engine) as session:
        run = session.get(CrawlRun, report.run_id)
        assert run is not None and run.finished is not None
        opened, closed = run.started, run.finished
    engine.dispose()
    return {
        "wall_s": wall,
        # Same clock (this machine's), read in two processes: good to a millisecond or so.
        "startup_s": (opened - called).total_seconds(),
        "in_child_s": (returned - opened).total_seconds(),
        "fetch_s": (closed - opened).total_seconds(),
        "pages": run.pages,
        "endpoints": report.endpoints_seen,
        "history_rows": report.history_rows,
        "report": {k: v for k, v in vars(report).items() if k != "problems"},
    }


def _counts(db_url: str) -> dict[str, int]:
    engine = make_engine(db_url)
    try:
        return row_counts(engine)
    finally:
        engine.dispose()


def print_row_counts(row: dict[str, Any]) -> None:
    before, after = row["rows_before_recrawl"], row["rows_after_recrawl"]
    print("\nrows per table before -> after the unchanged re-crawl (run 1):")
    for name in before:
        print(f"  {name:<17} {before[name]:>6} -> {after[name]:>6}")


# -- ingest ------------------------------------------------------------------------------------------
def measure_ingest(db_url: str, bodies: Bodies, figures: dict[str, Figure], *, prefix: str) -> dict[str, Any]:
    """First ingest into an empty store, then an unchanged re-ingest; parsing is timed apart."""
    engine = make_engine(db_url)  # schema creation is not part of the ingest
    try:
        parse_started = time.perf_counter()
        result = parse_result(bodies, base_url=BASE_URL)
        parse_s = time.perf_counter() - parse_started
        first = timed_ingest(engine, result)
        before = row_counts(engine)
        second = timed_ingest(engine, parse_result(bodies, base_url=BASE_URL))
        after = row_counts(engine)
    finally:
        engine.dispose()
    if prefix == "SQLite":
        _add(figures, "parse (extractors, in-process)", "s", parse_s)
        _add(figures, "SQLite ingest: first", "s", first.seconds)
        _add(figures, "SQLite ingest: unchanged re-ingest", "s", second.seconds)
    _add(figures, f"{prefix} ingest: re-ingest history rows", "rows", second.report.history_rows)
    _add(figures, f"{prefix} ingest: first", "endpoints/s", first.rate)
    _add(figures, f"{prefix} ingest: unchanged re-ingest", "endpoints/s", second.rate)
    print(
        f"{prefix} ingest: {first.report.endpoints_seen} endpoints in {first.seconds:.3f} s "
        f"({first.rate:,.0f}/s), re-ingest {second.seconds:.3f} s ({second.rate:,.0f}/s, "
        f"{second.report.history_rows} history rows)",
        flush=True,
    )
    grown = {name: after[name] - before[name] for name in before if after[name] != before[name]}
    if second.report.history_rows:
        print(f"  {prefix}: the unchanged re-ingest grew {grown} ({second.report.problems[:3]})", flush=True)
    return {
        "endpoints": first.report.endpoints_seen,
        "first_s": first.seconds,
        "reingest_s": second.seconds,
        "reingest_history_rows": second.report.history_rows,
        "reingest_rows_grown": grown,
        "reingest_report": {k: v for k, v in vars(second.report).items() if k != "problems"},
    }


def measure_postgres(url: str, bodies: Bodies, figures: dict[str, Figure]) -> dict[str, Any]:
    problem = postgres_answers(url)
    if problem is not None:
        print(f"PostgreSQL: skipped ({problem})", flush=True)
        return {"skipped": problem}
    with postgres_schema(url) as schema_url:
        return measure_ingest(schema_url, bodies, figures, prefix="PostgreSQL")


# -- profiling ---------------------------------------------------------------------------------------
def profile(args: argparse.Namespace, catalog: Catalog, bodies: Bodies) -> int:
    """One ingest, re-ingest, or crawl (in this process) under cProfile; prints the top functions."""
    args.out.parent.mkdir(parents=True, exist_ok=True)
    stats_path = args.out.parent / f"{args.profile}.prof"
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory(prefix="mw-bench-") as tmp:
        db_url = f"sqlite:///{Path(tmp) / 'profile.db'}"
        engine = make_engine(db_url)
        if args.profile == "crawl":
            from monitor.crawling.run import crawl_here

            with ReplicaServer(catalog) as server:
                spec = SourceSpec(name=SOURCE, kind="openrouter", base_url=server.api_url)
                started = time.perf_counter()
                profiler.runcall(crawl_here, db_url=db_url, sources=[spec], aliases={})
        else:
            if args.profile == "reingest":
                timed_ingest(engine, parse_result(bodies, base_url=BASE_URL))
            result = parse_result(bodies, base_url=BASE_URL)
            started = time.perf_counter()
            profiler.runcall(timed_ingest, engine, result)
        elapsed = time.perf_counter() - started
        engine.dispose()
    profiler.dump_stats(stats_path)
    print(f"{args.profile}: {elapsed:.3f} s under cProfile (profiling slows Python code down)\n")
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    print(f"stats saved to {stats_path} (python -m pstats {stats_path})")
    return 0
