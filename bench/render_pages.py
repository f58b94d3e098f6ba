"""Benchmark: pages drawn by JavaScript, in the system Chromium (issue 11.4), on loopback against the replica.

Figures (the goal: a browser-rendered page under 5 s, one Chromium for a crawl, bounded memory):

1. one page, as ``modelwatch extract --render`` draws it (`crawler.browser.render_pages`: one browser for
   every page): the browser's start (Playwright's driver and Chromium's launch), then each load of the
   corpus's JS-only page (``parasail-js-only``: a table built 300 ms after DOMContentLoaded) from
   navigation to settled, and the never-finishing page's time to its problem at a 5 s page timeout.
2. a crawl (`monitor.crawling.run.crawl_in_child`, a `pages` source with ``render = "browser"`` into a
   SQLite file): the whole crawl of 1 page and of N pages (the same page under N query strings), so the
   time a page adds is (N-page crawl - 1-page crawl) / (N - 1); and, sampled every 50 ms from this
   process, how many Chromium browsers run at once and the memory of the Chromium processes (the sum of
   their proportional set sizes, PSS, so shared pages are not counted twice).

Run: ``python bench/render_pages.py [--rounds 7] [--pages 12]``; needs /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as `python bench/render_pages.py` from anywhere
    sys.path.insert(0, str(REPO))

from bench.figures import Figure, render_table  # noqa: E402
from bench.machine import machine_info, machine_line  # noqa: E402
from crawler.browser import CHROMIUM, render_pages  # noqa: E402
from crawler.source import SourceSpec  # noqa: E402
from monitor.crawling.run import crawl_in_child  # noqa: E402
from replica.catalog import demo_catalog  # noqa: E402
from replica.corpus import PAGES  # noqa: E402
from replica.server import ReplicaServer  # noqa: E402

OUT = REPO / "bench" / "out"
JS_ONLY = PAGES["parasail-js-only"].path
NEVER = PAGES["hostile-never-finishes"].path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python bench/render_pages.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--rounds", type=int, default=7, help="loads of the page, and crawls of each size")
    parser.add_argument("--pages", type=int, default=12, help="pages in the larger crawl")
    parser.add_argument("--out", type=Path, default=OUT / "render_pages.json")
    return parser


def main(args: argparse.Namespace) -> int:
    if not CHROMIUM.exists():
        print(f"error: {CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
        return 2
    with ReplicaServer(demo_catalog()) as server:
        one = measure_extract(server.url, rounds=args.rounds)
        crawl = measure_crawls(server.url, rounds=args.rounds, pages=args.pages)
    figures = one + crawl
    summary = {"machine": machine_info(), "figures": {f.name: f.as_json() for f in figures if f.values}}
    print(machine_line(summary["machine"]))
    print(render_table(figures))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2, default=str) + "\n")
    print(f"\nwritten to {args.out}")
    return 0


def measure_extract(base: str, *, rounds: int) -> list[Figure]:
    start = Figure("extract --render: browser start + first page", "s")
    page = Figure("extract --render: a JS-drawn page, navigation to settled", "s", goal="< 5")
    never = Figure("extract --render: never-settling page to its problem (timeout 5 s)", "s")
    for _ in range(max(1, rounds // 3)):
        started = time.perf_counter()
        first = render_pages([base + JS_ONLY], timeout_s=20)[0]
        assert first.html and "parasail-gemma-3-27b-it" in first.html, first.error
        start.values.append(round(time.perf_counter() - started, 3))
    pages = render_pages([f"{base}{JS_ONLY}?round={i}" for i in range(rounds)], timeout_s=20)
    page.values.extend(round(p.seconds, 3) for p in pages if p.html)
    for _ in range(max(1, rounds // 3)):
        hung = render_pages([base + NEVER], timeout_s=5)[0]
        assert hung.error and "never settled" in hung.error, hung.error
        never.values.append(round(hung.seconds, 3))
    return [start, page, never]


def measure_crawls(base: str, *, rounds: int, pages: int) -> list[Figure]:
    single = Figure("crawl, render = browser: 1 page (child process, into SQLite)", "s")
    many = Figure(f"crawl, render = browser: {pages} pages", "s")
    added = Figure("crawl, render = browser: time a page adds", "s", goal="< 5")
    browsers = Figure("crawl: Chromium browsers at once (most)", "browsers", goal="== 1")
    memory = Figure("crawl: Chromium memory, PSS (most)", "MiB")
    with tempfile.TemporaryDirectory() as folder:
        for round_no in range(rounds):
            for size, figure in ((1, single), (pages, many)):
                urls = tuple(f"{base}{JS_ONLY}?crawl={round_no}&page={i}" for i in range(size))
                source = SourceSpec(
                    name="parasail", kind="pages", provider="Parasail", urls=urls, render="browser"
                )
                db_url = f"sqlite:///{folder}/render-{round_no}-{size}.db"
                with ChromiumWatch() as watch:
                    started = time.perf_counter()
                    outcome = crawl_in_child(db_url=db_url, sources=[source], aliases={}, timeout_s=600)
                    figure.values.append(round(time.perf_counter() - started, 3))
                report = outcome.reports[0]
                assert report.status == "ok", (report.problems, outcome.errors)
                browsers.values.append(watch.most_browsers)
                memory.values.append(round(watch.most_pss / 2**20, 1))
            added.values.append(round((many.values[-1] - single.values[-1]) / max(1, pages - 1), 3))
    return [single, many, added, browsers, memory]


class ChromiumWatch:
    """Samples, every 50 ms, the Chromium processes descended from this one: how many are browsers
    (chromium without ``--type=``, whose parent is no chromium: renderers, zygotes, GPU and utility
    processes have one, and a browser's fork before it becomes one of them has a chromium parent) and their
    total PSS (crash handlers included)."""

    def __init__(self) -> None:
        self.most_browsers = 0
        self.most_pss = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ChromiumWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            browsers, pss = chromium_usage()
            self.most_browsers = max(self.most_browsers, browsers)
            self.most_pss = max(self.most_pss, pss)


def chromium_usage() -> tuple[int, int]:
    """(browser processes, total PSS in bytes) of the Chromium processes descended from this process."""
    import os

    me = os.getpid()
    parents: dict[int, int] = {}
    chromium: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            if "chrom" in stat.split(")", 1)[0]:  # chromium and its crash handler
                chromium[int(entry.name)] = (entry / "cmdline").read_text().replace("\0", " ")
        except (OSError, ValueError, IndexError):
            continue
    browsers = pss = 0
    for pid, cmdline in chromium.items():
        if not _descends(pid, me, parents):
            continue
        main = cmdline.split(" ", 1)[0].endswith("/chromium") and "--type=" not in cmdline
        browsers += main and parents.get(pid) not in chromium  # not a browser's passing fork
        pss += _pss(pid)
    return browsers, pss


def _descends(pid: int, ancestor: int, parents: dict[int, int]) -> bool:
    for _ in range(64):
        pid = parents.get(pid, 0)
        if pid == ancestor:
            return True
        if pid <= 1:
            return False
    return False


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(build_parser().parse_args()))
