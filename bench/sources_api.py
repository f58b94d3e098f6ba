"""Benchmark: the endpoint list with every endpoint's `sources` and `disagreements`, at 10,000 endpoints.

Data: 10,000 endpoints (100 providers x 100 models) written by the real ingest from three sources: a
provider's own list (authority 0) listing all of them, models.dev (1) listing all of them with one input
price in ten different (1,000 disagreements), LiteLLM's map (2) listing every other one with a context
of 128,000 against 131,072 (the same context: no disagreement). 25,000 open observations in all.
Written anew under bench/out/ on every run (a few seconds).

Measured, `--runs` times (medians, min and max):
- the snapshot load (`db.catalog.snapshot.load_snapshot`: every endpoint, observation and disagreement);
- `modelwatch api` on loopback, one keep-alive connection, `--requests` requests per scenario:
  `endpoints-fresh` (`/api/v1/endpoints?limit=100&offset=N`, a new offset each time: never cached: filter,
  sort and render 100 endpoints with their sources), `endpoints-cached` (one question repeated),
  `disagreements-fresh` (`/api/v1/disagreements?offset=N`), with p50 and p99 latency.

Goal (issue 12): `/api/v1/endpoints` p99 under 20 ms at 10,000 endpoints.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
for folder in (REPO, BENCH):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

OUT = BENCH / "out"
T0 = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
PROVIDERS, MODELS = 100, 100


def build(path: Path) -> float:
    """Write the store; the seconds it took."""
    from db.catalog.crawled import CrawlResult, EndpointIn, ModelIn, Pricing
    from db.catalog.ingest import ingest_run
    from db.catalog.runs import start_run
    from db.engine import make_engine

    started = time.perf_counter()
    engine = make_engine(f"sqlite:///{path}")
    models = [ModelIn(id=f"bench/model-{m:03d}", name=f"Model {m}") for m in range(MODELS)]

    def listing(source: str, authority: int, at: datetime) -> None:
        endpoints = []
        for p in range(PROVIDERS):
            for m in range(MODELS):
                n = p * MODELS + m
                if source == "litellm" and n % 2:
                    continue
                price = Decimal("0.50") if source == "modelsdev" and n % 10 == 0 else Decimal("0.40")
                endpoints.append(
                    EndpointIn(
                        provider=f"Provider {p:03d}",
                        model=f"bench/model-{m:03d}",
                        provider_model_id=f"bench/model-{m:03d}",
                        url=f"https://provider-{p:03d}.example/v1/chat/completions",
                        context_length=128000 if source == "litellm" else 131072,
                        pricing=Pricing(input=price, output=Decimal("1.20")),
                    )
                )
        run_id = start_run(engine=engine, source=source, started=at)
        result = CrawlResult(
            source=source, started=at, finished=at, endpoints=endpoints, models=models, authority=authority
        )
        ingest_run(engine=engine, run_id=run_id, result=result, now=at)

    listing("own", 0, T0)
    listing("modelsdev", 1, T0 + timedelta(hours=1))
    listing("litellm", 2, T0 + timedelta(hours=2))
    engine.dispose()
    return time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    import httpx
    from api_load import free_port, start_server

    from db.catalog.snapshot import load_snapshot
    from db.engine import make_engine

    parser = argparse.ArgumentParser(prog="python bench/sources_api.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--requests", type=int, default=400, help="requests per scenario and run (400)")
    parser.add_argument("--out", type=Path, default=OUT / "sources_api.json")
    args = parser.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    path = OUT / "sources_10k.db"
    for old in OUT.glob("sources_10k.db*"):
        old.unlink()
    build_s = build(path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    loads = []
    for _ in range(args.runs):
        started = time.perf_counter()
        snapshot = load_snapshot(engine=engine, now=T0 + timedelta(days=1))
        loads.append((time.perf_counter() - started) * 1000)
    engine.dispose()
    counts = {
        "endpoints": len(snapshot.endpoints),
        "observations": sum(len(e.sources) for e in snapshot.endpoints),
        "disagreements": sum(len(e.disagreements) for e in snapshot.endpoints),
    }
    port = free_port()
    process = start_server(url, port, OUT / "sources_api_server.log")
    scenarios = {
        "endpoints-fresh": lambda run, n: (
            f"/api/v1/endpoints?limit=100&offset={(run * 7919 + n * 13) % 9900}"
        ),
        "endpoints-cached": lambda run, n: "/api/v1/endpoints?limit=100&offset=500",
        "disagreements-fresh": lambda run, n: (
            f"/api/v1/disagreements?limit=100&offset={(run * 31 + n) % 900}"
        ),
    }
    figures: dict[str, dict[str, list[float]]] = {name: {"p50": [], "p99": []} for name in scenarios}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            first = client.get("/api/v1/endpoints?limit=1").json()
            assert first["total"] == counts["endpoints"], first["total"]
            assert first["data"][0]["sources"], "no sources on the endpoint objects"
            for run in range(args.runs):
                for name, path_of in scenarios.items():
                    times = []
                    for n in range(args.requests):
                        started = time.perf_counter()
                        response = client.get(path_of(run + 1, n))
                        times.append((time.perf_counter() - started) * 1000)
                        assert response.status_code == 200, response.text[:200]
                    figures[name]["p50"].append(round(percentile(times, 0.5), 2))
                    figures[name]["p99"].append(round(percentile(times, 0.99), 2))
    finally:
        process.terminate()
        process.wait(10)
    result = {
        "build_s": round(build_s, 1),
        "counts": counts,
        "snapshot_load_ms": [round(v, 1) for v in loads],
        "scenarios": figures,
    }
    args.out.write_text(json.dumps(result, indent=2))
    print(f"store: {counts} (built in {build_s:.1f} s)")
    print(
        f"snapshot load: median {statistics.median(loads):.0f} ms "
        f"(min {min(loads):.0f}, max {max(loads):.0f})"
    )
    for name, values in figures.items():
        p50, p99 = values["p50"], values["p99"]
        print(
            f"{name}: p50 median {statistics.median(p50):.2f} ms; p99 median {statistics.median(p99):.2f} ms "
            f"(min {min(p99):.2f}, max {max(p99):.2f}) over {args.runs} runs of {args.requests}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
