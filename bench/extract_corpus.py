"""Benchmark: the static page extractor on the extraction corpus (replica/pages/corpus, issue 11.6).

Each page is read as a crawl reads it (the replica's bytes and Content-Type, decoded by Scrapy's
`HtmlResponse`), then `crawler.extract.page.extract_page` runs on it. Figures:

1. accuracy per field: the share of pages on which the field is right on every expected offer (an offer
   missing counts as wrong), and the share of expected offers on which it is right; the offer count
   (the page gives as many offers as expected); the problems (tests/crawler/corpus/README.md); whole
   pages right. Pages drawn by JavaScript (``"render": "browser"``) are left out of the accuracy and
   checked apart: no price read statically, a problem said.
2. speed on one core: the process is pinned to one CPU; each round extracts every page once, from text
   decoded beforehand (decoding is Scrapy's, timed apart); pages per second is the median of the rounds,
   with and without the 10 MB page (which alone takes most of a round).
3. per page: the time and what is wrong, one line per difference with ``--details``.

The comparison is tests/crawler/corpus_check.py, the same as tests/crawler/test_corpus.py's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as `python bench/extract_corpus.py` from anywhere
    sys.path.insert(0, str(REPO))

from bench.figures import Figure, render_table  # noqa: E402
from bench.machine import machine_info, machine_line  # noqa: E402
from tests.crawler.corpus_check import FIELDS, Comparison, compare, load_cases, static_errors  # noqa: E402

OUT = REPO / "bench" / "out"
HUGE = "hostile-huge-10mb"
ACCURACY_FIELDS = ("offer count", *FIELDS, "problems", "whole page")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python bench/extract_corpus.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds over the whole corpus")
    parser.add_argument(
        "--cpu", type=int, default=None, help="the CPU to pin to (default: the first allowed)"
    )
    parser.add_argument("--details", action="store_true", help="print every difference, page by page")
    parser.add_argument("--page", action="append", default=[], help="only this page (repeatable)")
    parser.add_argument(
        "--out", type=Path, default=OUT / "extract_corpus.json", help="where to write figures"
    )
    return parser


def main(args: argparse.Namespace) -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpu = pin_to_one_cpu(args.cpu)
    cases = [c for c in load_cases() if not args.page or c.name in args.page]
    if not cases:
        print(f"no corpus page named {args.page}", file=sys.stderr)
        return 2
    decode_started = time.perf_counter()
    texts = {case.name: case.text() for case in cases}
    decode_s = time.perf_counter() - decode_started

    static = [c for c in cases if c.render == "static"]
    comparisons = {c.name: compare(c, c.extract(texts[c.name])) for c in static}
    browser_errors = {
        c.name: static_errors(c, c.extract(texts[c.name])) for c in cases if c.render == "browser"
    }

    per_page: dict[str, list[float]] = {c.name: [] for c in cases}
    all_pages = Figure("all pages: pages/s (wall)", "pages/s", goal="> 50")
    all_cpu = Figure("all pages: pages/s (CPU time)", "pages/s", goal="> 50")
    without_huge = Figure(f"without {HUGE}: pages/s (wall)", "pages/s", goal="> 50")
    without_huge_cpu = Figure(f"without {HUGE}: pages/s (CPU time)", "pages/s", goal="> 50")
    huge_s = Figure(f"{HUGE} alone (wall)", "s")
    huge_cpu = Figure(f"{HUGE} alone (CPU time)", "s")
    for _ in range(args.rounds):
        times: dict[str, tuple[float, float]] = {}
        for case in cases:
            started, started_cpu = time.perf_counter(), time.process_time()
            case.extract(texts[case.name])
            times[case.name] = (time.perf_counter() - started, time.process_time() - started_cpu)
            per_page[case.name].append(times[case.name][0])
        rest = {name: took for name, took in times.items() if name != HUGE}
        all_pages.values.append(round(len(times) / sum(w for w, _ in times.values()), 1))
        all_cpu.values.append(round(len(times) / sum(c for _, c in times.values()), 1))
        if rest and len(rest) < len(times):
            without_huge.values.append(round(len(rest) / sum(w for w, _ in rest.values()), 1))
            without_huge_cpu.values.append(round(len(rest) / sum(c for _, c in rest.values()), 1))
            huge_s.values.append(round(times[HUGE][0], 3))
            huge_cpu.values.append(round(times[HUGE][1], 3))
    speed = [all_pages, all_cpu, without_huge, without_huge_cpu, huge_s, huge_cpu]

    accuracy = accuracy_table(list(comparisons.values()))
    machine = machine_info() | {"nproc": cpus}
    summary = {
        "machine": machine,
        "cpu": cpu,
        "rounds": args.rounds,
        "pages": len(cases),
        "decode_s": decode_s,
        "figures": {fig.name: fig.as_json() for fig in speed if fig.values},
        "accuracy": accuracy,
        "browser_pages": browser_errors,
        "per_page": {
            name: {
                "median_s": statistics.median(times),
                "ok": comparisons[name].ok if name in comparisons else not browser_errors[name],
                "wrong": comparisons[name].wrong() if name in comparisons else browser_errors[name],
            }
            for name, times in per_page.items()
        },
    }

    print(machine_line(summary["machine"]) + f", pinned to CPU {cpu}")
    print(f"{len(cases)} pages ({len(static)} static, {len(browser_errors)} drawn by JavaScript)")
    print()
    print(render_accuracy(accuracy, len(static)))
    print()
    for name, errors in browser_errors.items():
        state = "ok: no price read, a problem said" if not errors else "WRONG: " + "; ".join(errors)
        print(f"drawn by JavaScript, static path: {name}: {state}")
    print()
    print(render_table(speed))
    print(f"decoding the pages (Scrapy HtmlResponse, once): {decode_s:.2f} s")
    print()
    print(render_pages(summary["per_page"], comparisons, details=args.details))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2, default=str, ensure_ascii=False) + "\n")
    print(f"\nwritten to {args.out}")
    return 0


def pin_to_one_cpu(cpu: int | None) -> int | None:
    """Pin this process to one CPU (the first it may use, unless told); None where that is not possible."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    chosen = cpu if cpu is not None else allowed[0]
    os.sched_setaffinity(0, {chosen})
    return chosen


def accuracy_table(comparisons: list[Comparison]) -> dict[str, dict[str, Any]]:
    """Per field: pages right / pages, and expected offers right / expected offers."""
    table: dict[str, dict[str, Any]] = {}
    for name in ACCURACY_FIELDS:
        if name == "offer count":
            pages = sum(c.count_ok for c in comparisons)
            found = sum(min(c.expected_offers, c.got_offers) for c in comparisons)
            offers = (found, sum(c.expected_offers for c in comparisons))
        elif name == "problems":
            pages = sum(not c.problem_errors for c in comparisons)
            offers = (0, 0)
        elif name == "whole page":
            pages = sum(c.ok for c in comparisons)
            offers = (0, 0)
        else:
            pages = sum(c.field_ok(name) for c in comparisons)
            right = [c.offers_right(name) for c in comparisons]
            offers = (sum(r for r, _ in right), sum(n for _, n in right))
        table[name] = {
            "pages_right": pages,
            "pages": len(comparisons),
            "offers_right": offers[0],
            "offers": offers[1],
        }
    return table


def render_accuracy(table: dict[str, dict[str, Any]], pages: int) -> str:
    rows = [("field", "pages right", "share", "offers right", "share")]
    for name, row in table.items():
        share = f"{row['pages_right'] / row['pages']:.0%}" if row["pages"] else "-"
        offers = f"{row['offers_right']}/{row['offers']}" if row["offers"] else ""
        offer_share = f"{row['offers_right'] / row['offers']:.0%}" if row["offers"] else ""
        rows.append((name, f"{row['pages_right']}/{row['pages']}", share, offers, offer_share))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for n, cells in enumerate(rows):
        lines.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            )
        )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return f"accuracy on the {pages} static pages\n" + "\n".join(lines)


def render_pages(
    per_page: dict[str, dict[str, Any]], comparisons: dict[str, Comparison], *, details: bool
) -> str:
    width = max(len(name) for name in per_page)
    lines = [f"{'page'.ljust(width)}  {'median':>9}  what is wrong", "-" * (width + 40)]
    for name, row in per_page.items():
        took = f"{row['median_s'] * 1000:.1f} ms"
        if row["ok"]:
            summary = "right"
        elif name in comparisons:
            summary = wrong_fields(comparisons[name])
        else:
            summary = "; ".join(row["wrong"])
        lines.append(f"{name.ljust(width)}  {took:>9}  {summary}")
        if details and not row["ok"]:
            lines += [f"{''.ljust(width)}    {line}" for line in row["wrong"]]
    return "\n".join(lines)


def wrong_fields(comparison: Comparison) -> str:
    parts = []
    if not comparison.count_ok:
        parts.append(f"offers {comparison.got_offers}/{comparison.expected_offers}")
    parts += [name for name in FIELDS if not comparison.field_ok(name)]
    if comparison.problem_errors:
        parts.append("problems")
    return ", ".join(parts)


if __name__ == "__main__":
    sys.exit(main(build_parser().parse_args()))
