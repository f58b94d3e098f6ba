"""Benchmark: the dashboard's catalog page in a real Chromium over the whole market (issue 12): how long until
its first table rows show.

The store is the market of `bench/market_crawl.py` (OpenRouter + models.dev + LiteLLM, ~7,900 endpoints:
the recorded files in ../shared/fixtures, or the generated market of the same size on a bare clone),
built and cached by `bench/api_scale.py` (or given with --db). The dashboard is the real command,
`modelwatch --db URL dashboard --port P` (Streamlit, headless) on a free loopback port; the browser is
the system Chromium (/usr/bin/chromium) through Playwright with --headless --no-sandbox --disable-gpu
--disable-background-networking (never a downloaded browser).

Per run, the dashboard is started afresh (Streamlit's caches empty, as after a restart; the command
warms them in the background as soon as it starts, see dashboard/serve.py), then:
- *cold*: a new browser context opens `/` and the clock runs from `page.goto` until the first real data
  row (an endpoint's values) of either catalog table is drawn: a row of the static table of the first
  rows (a markdown table in `.st-key-catalog_first_rows`, dashboard/catalog_page.py's `FIRST_ROWS_KEY`:
  a body row visible with its cells' text), or the interactive
  grid (`[data-testid="stDataFrame"]`) visible with a cell of its first row (`[role="gridcell"]`, the
  accessible copy of the rows the canvas draws) in the page; this includes the script's first run (the
  catalog snapshot read from the store, unless the start's warm-up has read it already);
- *warm*: another new context (a new session, as a second visitor: nothing in the browser's cache)
  does the same on the running dashboard, whose process-wide snapshot is cached;
- *returning*: a new page in that same context (a new Streamlit session; Streamlit's JavaScript and
  styles in the browser's cache, as for someone who opened the dashboard before).
*start* is how long the command took until its health route answered (the warm-up is in it).
Each visit records which table drew the first row (`static` or `grid`) and that row's first cells.
Medians over --runs (5). Goal (issue 12): first rows in under 2 s.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
for folder in (REPO, BENCH):
    if str(folder) not in sys.path:  # run as `python bench/dashboard_first_rows.py` from anywhere
        sys.path.insert(0, str(folder))
OUT = BENCH / "out"
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
#: In the page, polled every frame: the cells' text of the first real data row drawn, with the table it
#: came from, or null. A static table's row counts once visible with a non-empty cell; the grid's once
#: the grid is visible and the accessible copy of its first row is in the page.
FIRST_ROW_JS = """() => {
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  for (const row of document.querySelectorAll('.st-key-catalog_first_rows table tbody tr')) {
    const cells = [...row.querySelectorAll('td')].map((td) => td.innerText.trim());
    if (shown(row) && cells.some((text) => text !== '')) return {table: 'static', cells: cells.slice(0, 4)};
  }
  const grid = document.querySelector('[data-testid="stDataFrame"]');
  if (grid && shown(grid)) {
    const cells = [...grid.querySelectorAll('[role="gridcell"]')];
    if (cells.length) {
      const row = cells[0].closest('[role="row"]');
      const texts = (row ? [...row.querySelectorAll('[role="gridcell"]')] : cells.slice(0, 1))
        .map((cell) => cell.innerText.trim());
      return {table: 'grid', cells: texts.slice(0, 4)};
    }
  }
  return null;
}"""


def start_dashboard(db_url: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    """`modelwatch --db URL dashboard --port P` in its own process group, answering."""
    from monitor.service.dashboard_process import wait_until_ready

    command = [sys.executable, "-m", "monitor", "--db", db_url, "dashboard", "--port", str(port)]
    with log.open("ab") as sink:
        process = subprocess.Popen(command, cwd=REPO, stdout=sink, stderr=sink, start_new_session=True)
    if not wait_until_ready("127.0.0.1", port, process=process, timeout_s=90):
        stop(process)
        raise RuntimeError(f"the dashboard did not answer on port {port}; see {log}")
    return process


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM (the command stops Streamlit with it), then the whole group if anything is left."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=20)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # its group: Streamlit's child too
    process.wait()


def first_rows(context: Any, url: str, timeout_ms: float) -> tuple[float, str, str]:
    """Seconds from navigation (a new page of `context`) until the first data row of either catalog
    table is drawn; the table that drew it (`static` or `grid`); that row's first cells."""
    page = context.new_page()
    try:
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        found = page.wait_for_function(FIRST_ROW_JS, timeout=timeout_ms).json_value()
        seconds = time.perf_counter() - started
        return seconds, found["table"], " | ".join(found["cells"])
    finally:
        page.close()


def main(argv: list[str] | None = None) -> int:
    from api_load import free_port
    from api_scale import market_store
    from figures import Figure, render_table
    from machine import machine_info, machine_line
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(
        prog="python bench/dashboard_first_rows.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--runs", type=int, default=5, help="dashboard starts (a cold and a warm visit each)")
    parser.add_argument("--synthetic", action="store_true", help="the generated market, fixtures or not")
    parser.add_argument("--db", help="a store URL to serve instead of the cached market store")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a visit may take")
    parser.add_argument("--out", type=Path, default=OUT / "dashboard_first_rows.json")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} not found: install Debian's chromium (never a downloaded browser)")

    if args.db:
        url, data = args.db, {"label": args.db}
    else:
        url, data = market_store(synthetic=args.synthetic, rebuild=False)
    print(f"store: {data}", flush=True)
    cold = Figure("cold: first rows after a start", "s", goal="< 2")
    warm = Figure("warm: first rows, a new session", "s", goal="< 2")
    returning = Figure("returning: browser cache kept", "s", goal="< 2")
    start = Figure("start: command until it answers", "s")
    visits: list[dict[str, Any]] = []
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            for run in range(args.runs):
                port = free_port()
                began = time.perf_counter()
                process = start_dashboard(url, port, OUT / "dashboard_first_rows.log")
                start.values.append(time.perf_counter() - began)
                print(f"run {run + 1} start: {start.values[-1]:.2f} s until the dashboard answered")
                contexts: list[Any] = []
                try:
                    base = f"http://127.0.0.1:{port}/"
                    contexts += [browser.new_context(viewport={"width": 1440, "height": 1000}) for _ in "ab"]
                    visits_of = ((cold, "cold", contexts[0]), (warm, "warm", contexts[1]))
                    for figure, kind, context in (*visits_of, (returning, "returning", contexts[1])):
                        seconds, table, row = first_rows(context, base, args.timeout * 1000)
                        figure.values.append(seconds)
                        load = os.getloadavg()[0]
                        visit = {"run": run, "kind": kind, "s": seconds, "table": table, "row": row}
                        visits.append({**visit, "load": load})
                        print(
                            f"run {run + 1} {kind}: {seconds:.2f} s (first row, {table}: {row}), "
                            f"load {load:.2f}"
                        )
                finally:
                    for context in contexts:
                        context.close()
                    stop(process)
        finally:
            browser.close()
    machine = machine_info()
    print()
    print(machine_line(machine))
    print(render_table([cold, warm, returning, start]))
    summary = {
        "benchmark": "dashboard_first_rows",
        "machine": machine,
        "store": data,
        "figures": {f.name: f.as_json() for f in (cold, warm, returning, start)},
        "visits": visits,
    }
    args.out.write_text(json.dumps(summary, indent=2, default=str) + "\n")
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
