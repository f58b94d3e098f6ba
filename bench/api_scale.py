"""Benchmark: the catalog API's latency over the whole market (issue 12): ~8,800 listings, ~7,800 endpoints.

The store is the market of `bench/market_crawl.py` (OpenRouter + models.dev + LiteLLM: the recorded files
in ../shared/fixtures, or the generated market of the same size on a bare clone), written by the real
ingest in process, one source after another (no crawl: the same rows), cached under bench/out/ (keyed
by the data and the tables' DDL) or given with --db. No probe history: the catalog's size is the point.

The server is the real command (`modelwatch --db URL api --port P`: one uvicorn process on loopback,
the app of `api.create_app`); requests go over HTTP/1.1 keep-alive from this process (bench/http_load.py),
--connections at a time (default 1: each request's own latency, not a queue), closed loop, a warm-up
then --duration seconds, --runs times; p50/p99 per run, medians over the runs.

Scenarios:
- `list`: `GET /api/v1/endpoints` (default limit, 100): the same question every time, so from the
  answer cache after the first;
- `list-fresh`: the same with a new `offset` every request (0..7,000): never cached (filter, sort
  7,800 endpoints, render 100);
- `filtered`: `min_context`, a required parameter, a price ceiling and a sort, a new combination and
  offset every request: never cached;
- `recommend`: `GET /api/v1/recommend?model=M&...`, M among the models with two or more endpoints, a
  new workload (tokens, requests/day), context floor and parameter mix every request: never cached;
- `recommend-any`: a new workload and no model: every endpoint ranked.
- `recommend-constrained` (issue 13): `recommend` with every constraint set: quality minimums
  (intelligence, coding, agentic, unrated kept and marked half the time), `min_quantization`, an allowed
  list, `only_providers`/`exclude_providers`, TTFT and uptime limits, cached tokens, a monthly volume,
  `frontier=true` half the time;
- `recommend-any-constrained`: the same over every endpoint (no model).
The store gains quality facts (`modelquality`) for half its models, as OpenRouter's `benchmarks` cover
about half (deterministic, written once into the cached store).

Goals (issue 12, 2-core machine): the endpoint list p99 under 20 ms and the recommender p99 under 100 ms
at that size. Figures only: the exit status says nothing about the goals.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
for folder in (REPO, BENCH):
    if str(folder) not in sys.path:  # run as `python bench/api_scale.py` from anywhere
        sys.path.insert(0, str(folder))
OUT = BENCH / "out"
SCENARIOS = (
    "list",
    "list-fresh",
    "filtered",
    "recommend",
    "recommend-any",
    "recommend-constrained",
    "recommend-any-constrained",
)
GOALS = {
    "list": "< 20",
    "list-fresh": "< 20",
    "filtered": "< 20",
    "recommend": "< 100",
    "recommend-constrained": "< 100",
    "recommend-any-constrained": "< 100",
}
QUANTIZATIONS = ("fp32", "bf16", "fp16", "fp8", "int8", "fp6", "fp4", "int4")


def add_quality(url: str, *, seed: int = 0) -> int:
    """Quality facts (Artificial Analysis indices) for every other model of the store, once: the rows
    the real ingest writes from OpenRouter's `benchmarks`. Returns the facts written (0: already there)."""
    from sqlalchemy import func, select
    from sqlmodel import Session

    from db.bulk import insert_rows
    from db.engine import make_engine
    from db.models import Model, ModelQuality, table

    engine = make_engine(url, create=False)
    try:
        with Session(engine) as session:
            q, m = table(ModelQuality), table(Model)
            if session.execute(select(func.count()).select_from(q)).scalar_one():
                return 0
            rng = random.Random(seed)
            rows = []
            now = session.execute(select(func.max(m.c.last_seen))).scalar_one()
            for model_id in session.execute(select(m.c.id).order_by(m.c.id)).scalars():
                if rng.random() < 0.5:
                    continue
                for name in ("intelligence_index", "coding_index", "agentic_index"):
                    rows.append(
                        {
                            "model_id": model_id,
                            "source": "openrouter",
                            "publisher": "artificial_analysis",
                            "name": name,
                            "value": round(rng.uniform(10, 75), 1),
                            "valid_from": now,
                            "valid_to": None,
                        }
                    )
            insert_rows(session, q, rows)
            session.commit()
            return len(rows)
    finally:
        engine.dispose()


def market_store(*, synthetic: bool, rebuild: bool, seed: int = 0) -> tuple[str, dict[str, Any]]:
    """The market's SQLite store under bench/out (built on first use, ~10 s); its URL and a summary."""
    from sqlmodel import SQLModel

    from bench.market_bench import ingest_market, load_market, row_counts

    market = load_market(synthetic=synthetic, seed=seed)
    schema = "".join(sorted(str(table.c) for table in SQLModel.metadata.sorted_tables))
    models = market.catalog.models_body(output_modalities="all")
    digest = hashlib.sha256(models + market.modelsdev + market.litellm + schema.encode()).hexdigest()[:12]
    path = OUT / f"market-{market.kind}-{digest}.db"
    url = f"sqlite:///{path}"
    if rebuild or not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=OUT) as tmp:  # built aside, moved in whole
            building = Path(tmp) / "market.db"
            started = time.perf_counter()
            ingest_market(f"sqlite:///{building}", market)
            print(f"built {path.name} in {time.perf_counter() - started:.1f} s", flush=True)
            for suffix in ("-wal", "-shm"):
                Path(f"{building}{suffix}").unlink(missing_ok=True)
            building.replace(path)
    summary = {"label": market.label, "kind": market.kind, "path": str(path), **row_counts(url)}
    return url, summary


def scenario_paths(name: str, models: list[str], providers: list[str], seed: int) -> Callable[[int], str]:
    rng = random.Random(seed)
    quoted = [quote(m, safe="/:") for m in models]
    contexts = ("", "&min_context=8000", "&min_context=32000", "&min_context=128000")
    params = ("", "&param=tools", "&param=tools&param=structured_outputs", "&param=reasoning")
    sorts = ("price", "-context", "input_price", "provider", "-first_seen")

    def listing(n: int) -> str:
        return "/api/v1/endpoints"

    def fresh(n: int) -> str:
        return f"/api/v1/endpoints?offset={(seed * 7919 + n) % 7000}"

    def filtered(n: int) -> str:
        ceiling = rng.choice(("", "&max_input_price=0.5", "&max_input_price=3", "&max_output_price=10"))
        extra = rng.choice(("", f"&provider={quote(rng.choice(providers))}"))
        return (
            f"/api/v1/endpoints?sort={rng.choice(sorts)}{rng.choice(contexts)}{rng.choice(params)}"
            f"{ceiling}{extra}&offset={(seed * 7919 + n) % 50}"
        )

    def recommend(n: int) -> str:
        model = quoted[rng.randrange(len(quoted))]
        workload = f"&input_tokens={rng.randrange(100, 20000)}&output_tokens={rng.randrange(10, 4000)}"
        unique = f"&requests_per_day={seed * 10_000_000 + n + 1}"  # a new question every time
        return f"/api/v1/recommend?model={model}{rng.choice(contexts)}{rng.choice(params)}{workload}{unique}"

    def recommend_any(n: int) -> str:
        unique = f"&requests_per_day={seed * 10_000_000 + n + 1}"
        return f"/api/v1/recommend?limit=20&input_tokens={rng.randrange(100, 20000)}{unique}"

    def constraints(n: int) -> str:
        """Every constraint of issue 13 (and the older ones), a new combination every request."""
        prompt = rng.randrange(1000, 30000)
        allowed = rng.sample(QUANTIZATIONS, 5)
        picked = rng.sample(providers, 4)
        return (
            f"&input_tokens={prompt}&cached_input_tokens={rng.randrange(0, prompt // 2)}"
            f"&output_tokens={rng.randrange(10, 2000)}&requests_per_month={seed * 10_000_000 + n + 1}"
            f"&min_intelligence={rng.randrange(0, 60)}&min_coding={rng.randrange(0, 50)}"
            f"&min_agentic={rng.randrange(0, 40)}&include_unrated={rng.choice(('true', 'false'))}"
            f"&min_quantization={rng.choice(QUANTIZATIONS)}"
            + "".join(f"&quantization={q}" for q in allowed)
            + "".join(f"&exclude_providers={quote(p)}" for p in picked[:2])
            + rng.choice(("", "".join(f"&only_providers={quote(p)}" for p in rng.sample(providers, 20))))
            + f"&max_ttft_ms={rng.randrange(500, 5000)}&min_uptime={rng.choice((90, 95, 99))}"
            + f"{rng.choice(contexts)}{rng.choice(params)}&frontier={rng.choice(('true', 'false'))}"
        )

    def recommend_constrained(n: int) -> str:
        return f"/api/v1/recommend?model={quoted[rng.randrange(len(quoted))]}{constraints(n)}"

    def recommend_any_constrained(n: int) -> str:
        return f"/api/v1/recommend?limit=20{constraints(n)}"

    return {
        "list": listing,
        "list-fresh": fresh,
        "filtered": filtered,
        "recommend": recommend,
        "recommend-any": recommend_any,
        "recommend-constrained": recommend_constrained,
        "recommend-any-constrained": recommend_any_constrained,
    }[name]


def latency_table(figures: list[Any]) -> str:
    """Milliseconds with a decimal (bench.figures rounds them to whole numbers)."""
    lines = [f"{'figure':<26} {'median':>8} {'min':>8} {'max':>8}  unit   goal"]
    for fig in figures:
        goal = f"{fig.goal} ({'met' if fig.met() else 'MISSED'})" if fig.goal else ""
        numbers = (fig.median, min(fig.values), max(fig.values))
        cells = " ".join(f"{value:>8,.1f}" for value in numbers)
        lines.append(f"{fig.name:<26} {cells}  {fig.unit:<5}  {goal}".rstrip())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from api_load import free_port, get, start_server
    from figures import Figure, render_table
    from http_load import run_load
    from machine import machine_info, machine_line

    parser = argparse.ArgumentParser(prog="python bench/api_scale.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per scenario (5)")
    parser.add_argument("--duration", type=float, default=5.0, help="seconds measured per run (5)")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds before measuring, per run (1)")
    parser.add_argument("--connections", type=int, default=1, help="requests in flight (1: latency)")
    parser.add_argument("--scenario", action="append", choices=SCENARIOS, help="only these (repeat)")
    parser.add_argument("--synthetic", action="store_true", help="the generated market, fixtures or not")
    parser.add_argument("--db", help="a store URL to serve instead of the cached market store")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached market store")
    parser.add_argument("--out", type=Path, default=OUT / "api_scale.json")
    args = parser.parse_args(argv)

    if args.db:
        url, data = args.db, {"label": args.db}
    else:
        url, data = market_store(synthetic=args.synthetic, rebuild=args.rebuild)
    data["quality_facts_added"] = add_quality(url)
    print(f"store: {data}", flush=True)
    port = free_port()
    server = start_server(url, port, OUT / "api_scale_server.log")
    figures: list[Figure] = []
    results: dict[str, Any] = {"scenarios": {}}
    try:
        status, body, cold_s = get(port, "/api/v1/models?limit=1000")
        assert status == 200, body[:200]
        served = json.loads(body)["data"]
        models = [m["id"] for m in served if (m.get("endpoint_count") or 0) >= 2]
        status, body, _ = get(port, "/api/v1/endpoints?limit=1000")
        providers = sorted({e["provider"] for e in json.loads(body)["data"]})
        figures.append(Figure("first request (cold snapshot)", "ms", [cold_s * 1000]))
        print(f"server on port {port}; first request {cold_s * 1000:.0f} ms; {len(models)} models with 2+")
        for name in args.scenario or SCENARIOS:
            p50 = Figure(f"{name}: p50", "ms")
            p99 = Figure(f"{name}: p99", "ms", goal=GOALS.get(name))
            rate = Figure(f"{name}: requests/s", "req/s")
            runs = []
            for run in range(args.runs):
                paths = scenario_paths(name, models, providers, seed=run + 1)
                result = run_load(
                    "127.0.0.1",
                    port,
                    paths,
                    connections=args.connections,
                    warmup_s=args.warmup,
                    duration_s=args.duration,
                )
                load = os.getloadavg()[0]
                p50.values.append(round(result.p50, 2))
                p99.values.append(round(result.p99, 2))
                rate.values.append(round(result.rate, 1))
                runs.append(
                    {
                        "requests": result.requests,
                        "errors": result.errors,
                        "statuses": result.statuses,
                        "p50_ms": result.p50,
                        "p99_ms": result.p99,
                        "load_average_1m": load,
                    }
                )
                print(
                    f"  {name} run {run + 1}: p50 {result.p50:.1f} ms, p99 {result.p99:.1f} ms, "
                    f"{result.rate:,.0f} req/s, {result.errors} errors, statuses {result.statuses}, "
                    f"load average {load:.2f}",
                    flush=True,
                )
            figures += [p50, p99, rate]
            results["scenarios"][name] = runs
    finally:
        server.terminate()
        server.wait(timeout=30)
    machine = machine_info()
    print()
    print(machine_line(machine))
    print(render_table([figures[0]]))
    print(latency_table(figures[1:]))
    results |= {
        "figures": {f.name: f.as_json() for f in figures},
        "machine": machine,
        "store": data,
        "connections": args.connections,
        "duration_s": args.duration,
        "runs": args.runs,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
