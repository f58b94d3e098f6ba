"""Benchmark: how long each dashboard page takes to render on the full catalog with a year of rollups.

The database is the API benchmark's (bench/api_data.py, cached under bench/out/): the recorded catalog
(1,187 active endpoints of 356 models; a synthetic one of the same size without ../shared) and, for every
endpoint, a linked probe target with a year of hourly and daily rollups. Each page is run through
Streamlit's AppTest, in this process: the same script run a browser session triggers, without the
browser's drawing. The dashboard's clock is set to the data's "now" (`dashboard.context.NOW_KEY`).

Figures (each `--runs` times; median, min, max):

- `catalog, cold`: a new process's first page: every Streamlit cache cleared, so it includes reading
  the catalog snapshot and every probe's health windows (1d, 7d, 30d) from the rollups;
- `<page>, first view`: the page's own data caches cleared (the process-wide catalog snapshot kept, as
  it is in a running dashboard): what a person waits for when opening the page;
- `<page>, rerun`: the same page again (a widget change that does not change the data asked for).

The model page is measured on the model with the most endpoints, over its default 7 days and over a year
(daily rollups); the status heatmap over its default 14 days and over 90.

Goal (the issue): every page under 2 s. The machine is shared: the load average is recorded.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
for folder in (REPO, BENCH):
    if str(folder) not in sys.path:  # run as `python bench/dashboard_render.py` from anywhere
        sys.path.insert(0, str(folder))

import streamlit as st  # noqa: E402
from api_data import NOW, build  # noqa: E402
from figures import Figure, render_table  # noqa: E402
from machine import machine_info, machine_line  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from dashboard.context import NOW_KEY  # noqa: E402
from db.catalog.snapshot import load_snapshot  # noqa: E402
from db.engine import make_engine  # noqa: E402

APP = REPO / "dashboard" / "app.py"
FIXTURES = REPO.parent / "shared" / "fixtures" / "openrouter"
OUT = BENCH / "out"
GOAL = "< 2"


def busiest_model(url: str) -> str:
    engine = make_engine(url)
    try:
        snapshot = load_snapshot(engine=engine, now=NOW)
    finally:
        engine.dispose()
    return max(snapshot.models, key=lambda m: (m.endpoints, m.canonical_id)).canonical_id


def new_app(url: str) -> AppTest:
    os.environ["MODELWATCH_DB_URL"] = url  # what `modelwatch dashboard` sets for the child process
    at = AppTest.from_file(str(APP), default_timeout=300)
    at.session_state[NOW_KEY] = NOW
    return at


def timed(run: Callable[[], AppTest]) -> float:
    started = time.perf_counter()
    at = run()
    elapsed = time.perf_counter() - started
    if at.exception:
        raise RuntimeError(f"the page failed: {[e.value for e in at.exception]}")
    return elapsed


def measure(url: str, runs: int, model: str) -> list[Figure]:
    cold = Figure("catalog, cold (snapshot + health windows read)", "s", goal=GOAL)
    first: dict[str, Figure] = {}
    rerun: dict[str, Figure] = {}
    views: list[tuple[str, str, dict[str, str], Callable[[AppTest], Any] | None]] = [
        ("catalog", "catalog", {}, None),
        ("model (7d)", "model", {"id": model}, None),
        ("model (1y)", "model", {"id": model}, lambda at: at.radio(key="model_range").set_value("1y")),
        ("status (14 days)", "status", {}, None),
        ("status (90 days)", "status", {}, lambda at: at.selectbox(key="status_span").set_value("90 days")),
        ("recommend (any model)", "recommend", {}, None),
        ("changes", "changes", {}, None),
    ]
    for name, *_ in views:
        first[name] = Figure(f"{name}, first view", "s", goal=GOAL)
        rerun[name] = Figure(f"{name}, rerun", "s", goal=GOAL)
    for n in range(runs):
        st.cache_data.clear()
        st.cache_resource.clear()
        at = new_app(url)
        cold.values.append(timed(at.run))
        for name, page, query, widget in views:
            st.cache_data.clear()  # the page's own data; the catalog snapshot stays, as in a live process
            at.switch_page(f"views/{page}.py")
            at.query_params.clear()
            at.query_params.update(query)
            if widget is None:
                first[name].values.append(timed(at.run))
            else:
                at.run()  # the page at its defaults, then the widget change measured
                st.cache_data.clear()
                changed = widget(at)
                first[name].values.append(timed(changed.run))
            rerun[name].values.append(timed(at.run))
        print(f"run {n + 1}/{runs}: cold catalog {cold.values[-1]:.2f} s", flush=True)
    return [cold, *first.values(), *rerun.values()]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached database")
    args = parser.parse_args()
    data = build(OUT, days=args.days, fixtures=FIXTURES, rebuild=args.rebuild)
    print(
        f"database: {data.endpoints} endpoints ({data.catalog} catalog), {data.targets} probe targets, "
        f"{data.hourly_rows:,} hourly and {data.daily_rows:,} daily rollup rows"
    )
    model = busiest_model(data.url)
    print(f"model page: {model}")
    figures = measure(data.url, args.runs, model)
    machine = machine_info()
    print(render_table(figures))
    print(machine_line(machine))
    OUT.mkdir(parents=True, exist_ok=True)
    summary = {
        "database": data.__dict__,
        "model": model,
        "runs": args.runs,
        "figures": {f.name: f.as_json() for f in figures},
        "machine": machine,
    }
    (OUT / "dashboard_render.json").write_text(json.dumps(summary, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
