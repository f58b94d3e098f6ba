"""The measurements behind `bench/market_crawl.py` (see its docstring for what each figure means).

Kept apart from the entry script: `crawl_in_child` spawns a fresh interpreter that re-runs the main
script's top level, so the script imports nothing heavy and the child's start-up stays what the service
sees. `load_market`, `market_specs` and `ingest_market` are shared with `bench/api_scale.py` and
`bench/dashboard_first_rows.py` (the store they read is built the same way).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from bench.catalog_gen import generate_catalog
from bench.figures import Figure, render_table
from bench.ingest_timing import catalog_bodies, parse_result, postgres_answers, postgres_schema
from bench.machine import machine_info, machine_line
from bench.market_gen import generate_documents
from crawler.extract.listing import Listing
from crawler.extract.litellm import parse_litellm
from crawler.extract.modelsdev import parse_modelsdev
from crawler.source import SourceSpec
from db.catalog.crawled import CrawlResult
from db.catalog.ingest import ingest_run
from db.catalog.report import IngestReport
from db.catalog.runs import start_run
from db.engine import make_engine
from db.models import (
    Change,
    CrawlProblem,
    Disagreement,
    Endpoint,
    EndpointRevision,
    Observation,
    PricePeriod,
    ReportedStat,
    table,
)
from db.types import utcnow
from monitor.config.catalog import KIND_AUTHORITY
from monitor.crawling.run import CrawlOutcome, crawl_in_child
from replica.catalog import Catalog, load_snapshot
from replica.server import ReplicaServer

SHARED = Path(__file__).resolve().parents[2] / "shared" / "fixtures"
RECORDED = {
    "models": SHARED / "openrouter" / "models-2026-05-22.json",
    "endpoints": SHARED / "openrouter" / "endpoints-2026-05-18.json",
    "providers": SHARED / "openrouter" / "providers-2026-05.json",
    "modelsdev": SHARED / "modelsdev" / "api-2026-06-11.json",
    "litellm": SHARED / "litellm" / "model_prices-2026-07-24.json",
}
PATHS = {"modelsdev": "/sources/modelsdev/api.json", "litellm": "/sources/litellm/model_prices.json"}
SOURCES = ("openrouter", "modelsdev", "litellm")
# History tables: an unchanged re-crawl must not grow them (Endpoint and Disagreement change in place).
HISTORY_TABLES: dict[str, Any] = {
    "PricePeriod": PricePeriod,
    "EndpointRevision": EndpointRevision,
    "ReportedStat": ReportedStat,
    "Change": Change,
    "Observation": Observation,
}
COUNTED_TABLES: dict[str, Any] = {
    "Endpoint": Endpoint,
    **HISTORY_TABLES,
    "Disagreement": Disagreement,
    "CrawlProblem": CrawlProblem,
}


# -- data --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Market:
    """What the replica serves: OpenRouter's API from `catalog`, the two documents as bytes."""

    catalog: Catalog
    modelsdev: bytes
    litellm: bytes
    label: str
    kind: str  # recorded | synthetic


def load_market(*, synthetic: bool = False, seed: int = 0) -> Market:
    """The recorded market from ../shared/fixtures when all of it is there (and not `synthetic`), else
    the generated one of the same size (`bench.catalog_gen` + `bench.market_gen`)."""
    if not synthetic and all(path.is_file() for path in RECORDED.values()):
        catalog = load_snapshot(
            models=RECORDED["models"], endpoints=RECORDED["endpoints"], providers=RECORDED["providers"]
        )
        names = ", ".join(path.name for path in RECORDED.values())
        return Market(
            catalog=catalog,
            modelsdev=RECORDED["modelsdev"].read_bytes(),
            litellm=RECORDED["litellm"].read_bytes(),
            label=f"recorded market in {SHARED} ({names})",
            kind="recorded",
        )
    generated = generate_catalog(seed=seed)
    documents = generate_documents(generated, seed=seed)
    why = "forced" if synthetic else f"{SHARED} lacks the recorded files"
    return Market(
        catalog=generated.to_catalog(),
        modelsdev=documents.modelsdev,
        litellm=documents.litellm,
        label=f"synthetic market, seed {seed} ({why})",
        kind="synthetic",
    )


@contextmanager
def serving(market: Market) -> Iterator[ReplicaServer]:
    """The replica on a free loopback port serving the market (its documents from a temp folder)."""
    with tempfile.TemporaryDirectory(prefix="mw-market-src-") as folder:
        (Path(folder) / "modelsdev.json").write_bytes(market.modelsdev)
        (Path(folder) / "litellm.json").write_bytes(market.litellm)
        with ReplicaServer(market.catalog, sources_dir=Path(folder)) as server:
            yield server


def market_specs(server: ReplicaServer) -> list[SourceSpec]:
    """The three sources as a default configuration ranks them (OpenRouter, models.dev, LiteLLM)."""
    return [
        SourceSpec(name="openrouter", kind="openrouter", base_url=server.api_url, authority=0),
        *(
            SourceSpec(name=kind, kind=kind, url=server.url + PATHS[kind], authority=KIND_AUTHORITY[kind])
            for kind in ("modelsdev", "litellm")
        ),
    ]


def parse_market(market: Market, base_url: str) -> dict[str, CrawlResult]:
    """The three `CrawlResult`s a clean crawl makes of the market (the spiders' parsers, in process)."""
    results = {"openrouter": parse_result(catalog_bodies(market.catalog), base_url=base_url + "/api/v1")}
    parsers: dict[str, Callable[..., Listing]] = {"modelsdev": parse_modelsdev, "litellm": parse_litellm}
    documents = {"modelsdev": market.modelsdev, "litellm": market.litellm}
    for kind, parse in parsers.items():
        url = base_url + PATHS[kind]
        result = CrawlResult(source=kind, started=utcnow(), authority=KIND_AUTHORITY[kind])
        listing = parse(documents[kind], url=url, source=kind)
        result.providers.extend(listing.providers)
        result.models.extend(listing.models)
        result.endpoints.extend(listing.endpoints)
        result.problems.extend(listing.problems)
        result.complete, result.fatal, result.pages = listing.complete, listing.fatal, 1
        result.parsed_ok.append(url)
        result.finished = utcnow()
        results[kind] = result
    return results


def ingest_one(engine: Engine, result: CrawlResult) -> tuple[float, IngestReport]:
    """`start_run` + `ingest_run` of one source's result, as the pipeline does; timed."""
    started = time.perf_counter()
    run_id = start_run(engine=engine, source=result.source, started=result.started)
    report = ingest_run(engine=engine, run_id=run_id, result=result)
    return time.perf_counter() - started, report


def ingest_market(db_url: str, market: Market) -> dict[str, IngestReport]:
    """The market written into `db_url` in process, one source after another (no crawl)."""
    engine = make_engine(db_url)
    try:
        results = parse_market(market, "http://127.0.0.1:8900")
        return {kind: ingest_one(engine, results[kind])[1] for kind in SOURCES}
    finally:
        engine.dispose()


def row_counts(db_url: str) -> dict[str, int]:
    engine = make_engine(db_url)
    try:
        with engine.connect() as connection:
            return {
                name: connection.execute(select(func.count()).select_from(table(entity))).scalar_one()
                for name, entity in COUNTED_TABLES.items()
            }
    finally:
        engine.dispose()


# -- figures -----------------------------------------------------------------------------------------
def make_figures() -> dict[str, Figure]:
    figures = [
        Figure("crawl: wall (crawl_in_child, 3 sources)", "s", goal="< 15"),
        Figure("crawl: endpoints in the store", "endpoints"),
        Figure("crawl: source listings (observations)", "listings"),
        Figure("re-crawl: wall (crawl_in_child)", "s", goal="< 8"),
        Figure("re-crawl: history rows (IngestReport)", "rows", goal="== 0"),
        Figure("re-crawl: history tables grown (row counts)", "rows", goal="== 0"),
        *(Figure(f"parse {kind} (in process)", "s") for kind in SOURCES),
        *(Figure(f"ingest {kind}: first", "s") for kind in SOURCES),
        *(Figure(f"ingest {kind}: unchanged", "s") for kind in SOURCES),
        Figure("ingest all three: first", "s"),
        Figure("ingest all three: unchanged", "s"),
        Figure("PostgreSQL crawl: wall", "s", goal="< 15"),
        Figure("PostgreSQL re-crawl: wall", "s", goal="< 8"),
        Figure("PostgreSQL re-crawl: history rows (IngestReport)", "rows", goal="== 0"),
        Figure("PostgreSQL re-crawl: history tables grown", "rows", goal="== 0"),
    ]
    return {fig.name: fig for fig in figures}


def main(args: argparse.Namespace) -> int:
    market = load_market(synthetic=args.synthetic, seed=args.seed)
    print(f"data: {market.label}", flush=True)
    if args.profile:
        return profile(args, market)
    figures = make_figures()
    crawls: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="mw-market-") as tmp, serving(market) as server:
        specs = market_specs(server)
        for run in range(args.runs):
            db_url = f"sqlite:///{Path(tmp) / f'crawl-{run}.db'}"
            crawls.append(measure_crawls(db_url, specs, figures, label=f"SQLite {run + 1}/{args.runs}"))
            if run == 0 and args.keep:
                keep(db_url, args.keep)
        if not args.no_ingest:
            for run in range(args.runs):
                measure_ingest(f"sqlite:///{Path(tmp) / f'ingest-{run}.db'}", market, figures)
        postgres = None
        if args.postgres_url:
            postgres = measure_postgres(args.postgres_url, specs, figures, runs=args.pg_runs)
    summary = {
        "benchmark": "market_crawl",
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine_info(),
        "data": {"label": market.label, "kind": market.kind},
        "runs": args.runs,
        "figures": {name: fig.as_json() for name, fig in figures.items() if fig.values},
        "crawls": crawls,
        "postgres": postgres,
    }
    print()
    print(machine_line(summary["machine"]))
    print(render_table(list(figures.values())))
    print_row_counts(crawls[0])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2, default=str) + "\n")
    print(f"\nwritten to {args.out}")
    return 0


def measure_crawls(
    db_url: str, specs: list[SourceSpec], figures: dict[str, Figure], *, label: str, prefix: str = ""
) -> dict[str, Any]:
    """A full crawl of the three sources into an empty store, then an unchanged re-crawl."""
    first = timed_crawl(db_url, specs)
    before = row_counts(db_url)
    second = timed_crawl(db_url, specs)
    after = row_counts(db_url)
    grown = sum(after[name] - before[name] for name in HISTORY_TABLES)
    history_rows = sum(report.history_rows for report in second["reports"])
    print(
        f"{label}: crawl {first['wall_s']:.2f} s ({before['Endpoint']:,} endpoints, "
        f"{before['Observation']:,} listings), re-crawl {second['wall_s']:.2f} s, "
        f"{history_rows} history rows, history tables grew by {grown}",
        flush=True,
    )
    if prefix:
        figures[f"{prefix}crawl: wall"].values.append(first["wall_s"])
        figures[f"{prefix}re-crawl: wall"].values.append(second["wall_s"])
        figures[f"{prefix}re-crawl: history rows (IngestReport)"].values.append(history_rows)
        figures[f"{prefix}re-crawl: history tables grown"].values.append(grown)
    else:
        figures["crawl: wall (crawl_in_child, 3 sources)"].values.append(first["wall_s"])
        figures["crawl: endpoints in the store"].values.append(before["Endpoint"])
        figures["crawl: source listings (observations)"].values.append(before["Observation"])
        figures["re-crawl: wall (crawl_in_child)"].values.append(second["wall_s"])
        figures["re-crawl: history rows (IngestReport)"].values.append(history_rows)
        figures["re-crawl: history tables grown (row counts)"].values.append(grown)
    return {
        "first": _reports_json(first),
        "second": _reports_json(second),
        "rows_before_recrawl": before,
        "rows_after_recrawl": after,
    }


def timed_crawl(db_url: str, specs: list[SourceSpec]) -> dict[str, Any]:
    started = time.perf_counter()
    outcome: CrawlOutcome = crawl_in_child(db_url=db_url, sources=specs, aliases={}, timeout_s=900)
    wall = time.perf_counter() - started
    failed = [r for r in outcome.reports if r.status != "ok"]
    if outcome.errors or len(outcome.reports) != len(specs) or failed:
        raise SystemExit(f"the crawl did not succeed: {outcome.errors or [vars(r) for r in failed]}")
    return {"wall_s": wall, "reports": outcome.reports}


def _reports_json(crawl: dict[str, Any]) -> dict[str, Any]:
    reports = {r.source: {k: v for k, v in vars(r).items() if k != "problems"} for r in crawl["reports"]}
    return {"wall_s": crawl["wall_s"], "reports": reports}


def measure_ingest(db_url: str, market: Market, figures: dict[str, Figure]) -> None:
    """The three sources parsed, then ingested one after another into an empty store, then again
    unchanged; in process, each timed alone."""
    engine = make_engine(db_url)  # schema creation is not part of the ingest
    try:
        for attempt in ("first", "unchanged"):
            parse_started = time.perf_counter()
            results = parse_market(market, "http://127.0.0.1:8900")
            if attempt == "first":  # the split per source: the OpenRouter parse includes its bodies
                figures["parse openrouter (in process)"].values.append(time.perf_counter() - parse_started)
                for kind in ("modelsdev", "litellm"):
                    figures[f"parse {kind} (in process)"].values.append(_parse_time(market, kind))
            total = 0.0
            parts = []
            for kind in SOURCES:
                seconds, report = ingest_one(engine, results[kind])
                figures[f"ingest {kind}: {attempt}"].values.append(seconds)
                total += seconds
                parts.append(f"{kind} {seconds:.2f} s ({report.endpoints_seen:,}, {report.history_rows} h)")
            figures[f"ingest all three: {attempt}"].values.append(total)
            print(f"ingest, {attempt}: {total:.2f} s: {', '.join(parts)}", flush=True)
    finally:
        engine.dispose()


def _parse_time(market: Market, kind: str) -> float:
    body = market.modelsdev if kind == "modelsdev" else market.litellm
    parse = parse_modelsdev if kind == "modelsdev" else parse_litellm
    started = time.perf_counter()
    parse(body, url="http://127.0.0.1" + PATHS[kind], source=kind)
    return time.perf_counter() - started


def measure_postgres(url: str, specs: list[SourceSpec], figures: dict[str, Figure], *, runs: int) -> Any:
    problem = postgres_answers(url)
    if problem is not None:
        print(f"PostgreSQL: skipped ({problem})", flush=True)
        return {"skipped": problem}
    rows = []
    for run in range(runs):
        with postgres_schema(url) as schema_url:
            rows.append(
                measure_crawls(
                    schema_url, specs, figures, label=f"PostgreSQL {run + 1}/{runs}", prefix="PostgreSQL "
                )
            )
    return rows


def keep(db_url: str, path: Path) -> None:
    """Copy the first run's crawled store to `path` (for the API and dashboard benchmarks)."""
    import shutil

    source = Path(db_url.removeprefix("sqlite:///"))
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(db_url)
    with engine.connect() as connection:  # fold the WAL in, so one file is the whole store
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    shutil.copy(source, path)
    print(f"kept the crawled store as {path}", flush=True)


def print_row_counts(row: dict[str, Any]) -> None:
    before, after = row["rows_before_recrawl"], row["rows_after_recrawl"]
    print("\nrows per table before -> after the unchanged re-crawl (run 1):")
    for name in before:
        print(f"  {name:<17} {before[name]:>7,} -> {after[name]:>7,}")


# -- profiling ---------------------------------------------------------------------------------------
def profile(args: argparse.Namespace, market: Market) -> int:
    """One crawl (first or unchanged, in this process) or one ingest of the three sources under cProfile."""
    args.out.parent.mkdir(parents=True, exist_ok=True)
    stats_path = args.out.parent / f"market-{args.profile}.prof"
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory(prefix="mw-market-") as tmp, serving(market) as server:
        db_url = f"sqlite:///{Path(tmp) / 'profile.db'}"
        specs = market_specs(server)
        if args.profile in ("crawl", "recrawl"):
            from monitor.crawling.run import crawl_here

            if args.profile == "recrawl":
                timed_crawl(db_url, specs)
            started = time.perf_counter()
            profiler.runcall(crawl_here, db_url=db_url, sources=specs, aliases={})
        else:
            engine = make_engine(db_url)
            if args.profile == "reingest":
                ingest_market(db_url, market)
            results = parse_market(market, "http://127.0.0.1:8900")
            started = time.perf_counter()
            profiler.runcall(lambda: [ingest_one(engine, results[kind]) for kind in SOURCES])
            engine.dispose()
        elapsed = time.perf_counter() - started
    profiler.dump_stats(stats_path)
    print(f"{args.profile}: {elapsed:.3f} s under cProfile (profiling slows Python code down)\n")
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    print(f"stats saved to {stats_path} (python -m pstats {stats_path})")
    return 0
