"""Benchmark: a full crawl of the provider replica into SQLite, and the ingest behind it.

Figures (medians over --runs fresh SQLite files; the machine is shared and noisy):

1. Full crawl: the wall time of `monitor.crawling.run.crawl_in_child` (a fresh child process runs Scrapy's
   OpenRouter spider against the replica on loopback and ingests the run), and its parts, read from the
   `CrawlRun` row: child start-up (spawn, imports, engine, Scrapy set-up) before the spider opened, the
   fetch-and-parse span (spider open -> spider closed), and everything from spider open until the
   outcome is back in the parent (fetch, parse, ingest, teardown).
2. Ingest rate: `db.catalog.runs.start_run` + `db.catalog.ingest.ingest_run` timed alone, in this process,
   on the `CrawlResult` the real extractors make of the bodies the replica serves; endpoints per second
   for the first ingest into an empty file and for an unchanged re-ingest. Once on PostgreSQL too, when it
   answers.
3. Unchanged re-crawl through the real crawler: the history rows it wrote (goal: 0) and row counts
   per history table before and after.

Goals (from the issue, on a 2-core machine): full crawl under 10 s, ingest above 5,000 endpoints/s,
zero history rows on the re-crawl. Figures only: the exit status says nothing about the goals.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as `python bench/crawl_full.py` from anywhere
    sys.path.insert(0, str(REPO))

FIXTURES = REPO.parent / "shared" / "fixtures" / "openrouter"
DEFAULT_OUT = REPO / "bench" / "out" / "crawl_full.json"
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
POSTGRES_ENV = "MODELWATCH_TEST_POSTGRES_URL"


EPILOG = f"""\
data:
  The recorded OpenRouter catalog in {FIXTURES}
  ({", ".join(("models-2026-05-22.json", "endpoints-2026-05-18.json", "providers-2026-05.json"))}:
  356 models, 832 provider endpoints) when present; otherwise, or with --synthetic / --scale, a
  synthetic catalog of the same size and shape from bench/catalog_gen.py (deterministic per --seed).
  A crawl ingests 356 + 832 = 1188 endpoints: OpenRouter's routed offer of each model plus the
  providers behind it; endpoints/s counts all of them.

examples:
  .venv/bin/python bench/crawl_full.py                      # 5 runs, figures + bench/out/crawl_full.json
  .venv/bin/python bench/crawl_full.py --synthetic --scale 10 --runs 3
  .venv/bin/python bench/crawl_full.py --no-crawl --runs 9   # ingest figures only
  .venv/bin/python bench/crawl_full.py --profile ingest      # where the ingest time goes (cProfile)
"""


class _Formatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python bench/crawl_full.py",
        description=__doc__,
        epilog=EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "--runs", type=int, default=5, help="fresh SQLite files to measure (crawl + re-crawl each)"
    )
    parser.add_argument(
        "--synthetic", action="store_true", help="use the generated catalog even if fixtures exist"
    )
    parser.add_argument(
        "--scale", type=int, default=1, help="multiply the synthetic catalog (implies --synthetic when > 1)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic catalog")
    parser.add_argument("--fixtures", type=Path, default=FIXTURES, help="folder of the recorded catalog")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON figures")
    parser.add_argument("--no-crawl", action="store_true", help="skip the crawls (ingest figures only)")
    parser.add_argument(
        "--postgres-url",
        default=argparse.SUPPRESS,
        help=f"PostgreSQL server for the ingest figure (default: ${POSTGRES_ENV}, else {DEFAULT_POSTGRES})",
    )
    parser.add_argument("--no-postgres", action="store_true", help="skip the PostgreSQL ingest figure")
    parser.add_argument(
        "--profile",
        choices=("ingest", "reingest", "crawl"),
        help="instead of the figures, run one ingest, re-ingest or in-process crawl under cProfile and print "
        "where the time goes (stats saved beside --out as <name>.prof)",
    )
    parser.add_argument("--top", type=int, default=30, help="functions listed by --profile")
    return parser


if __name__ == "__main__":
    args = build_parser().parse_args()
    if args.runs < 1 or args.scale < 1:
        sys.exit("--runs and --scale must be at least 1")
    args.postgres_url = (
        getattr(args, "postgres_url", None) or os.environ.get(POSTGRES_ENV) or DEFAULT_POSTGRES
    )
    from bench.crawl_bench import main  # imports the project: after sys.path is set

    sys.exit(main(args))
