"""Benchmark: a crawl of the whole market (OpenRouter + models.dev + LiteLLM) from the replica (issue 12).

The replica serves OpenRouter's API and the two documents on a free loopback port; the real crawler
(`monitor.crawling.run.crawl_in_child`: a spawned child runs Scrapy's three spiders side by side and
ingests each source's run) writes them into a fresh SQLite file. Figures, medians over --runs files:

1. Full crawl: wall time of `crawl_in_child` (child start-up, fetches, parsing, three ingests); the
   endpoints in the store and the source listings (observations) behind them.
2. Unchanged re-crawl into the same file: wall time, history rows written as the `IngestReport`s say
   (`history_rows`, summed over the sources) and as the history tables' row counts say (PricePeriod,
   EndpointRevision, ReportedStat, Change, Observation: before and after).
3. In process, apart: each source's parse and ingest (`start_run` + `ingest_run`), first into an empty
   file, then unchanged, one source after another.
4. With --postgres (or $MODELWATCH_TEST_POSTGRES_URL and --postgres): 1 and 2 on PostgreSQL, a fresh
   schema per run, dropped afterwards.

Goals (issue 12, 2-core machine): full crawl under 15 s; unchanged re-crawl under 8 s writing no history
row. Figures only: the exit status says nothing about the goals.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as `python bench/market_crawl.py` from anywhere
    sys.path.insert(0, str(REPO))

DEFAULT_OUT = REPO / "bench" / "out" / "market_crawl.json"
POSTGRES_ENV = "MODELWATCH_TEST_POSTGRES_URL"

EPILOG = """\
data:
  The recorded market in ../shared/fixtures when all of it is there: OpenRouter's models-2026-05-22.json,
  endpoints-2026-05-18.json and providers-2026-05.json (356 models, 832 provider endpoints), models.dev's
  api-2026-06-11.json (5,186 provider models) and LiteLLM's model_prices-2026-07-24.json (2,985 keys,
  2,392 chat models). Otherwise, or with --synthetic, a generated market of the same size
  (bench/catalog_gen.py + bench/market_gen.py, deterministic per --seed).

examples:
  .venv/bin/python bench/market_crawl.py                    # 5 runs, figures + bench/out/market_crawl.json
  .venv/bin/python bench/market_crawl.py --runs 3 --synthetic
  .venv/bin/python bench/market_crawl.py --postgres --pg-runs 3
  .venv/bin/python bench/market_crawl.py --runs 1 --keep bench/out/market.db   # keep a crawled store
  .venv/bin/python bench/market_crawl.py --profile recrawl  # where an unchanged re-crawl's time goes
"""


class _Formatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python bench/market_crawl.py", description=__doc__, epilog=EPILOG, formatter_class=_Formatter
    )
    parser.add_argument("--runs", type=int, default=5, help="fresh SQLite files (crawl + re-crawl each)")
    parser.add_argument("--synthetic", action="store_true", help="the generated market, fixtures or not")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated market")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON figures")
    parser.add_argument("--no-ingest", action="store_true", help="skip the in-process parse/ingest figures")
    parser.add_argument(
        "--postgres",
        nargs="?",
        const="",
        default=None,
        metavar="URL",
        help=f"also crawl into PostgreSQL (URL, default ${POSTGRES_ENV}); skipped if it does not answer",
    )
    parser.add_argument("--pg-runs", type=int, default=1, help="PostgreSQL runs (crawl + re-crawl each)")
    parser.add_argument("--keep", type=Path, help="copy the first run's crawled SQLite store here")
    parser.add_argument(
        "--profile",
        choices=("crawl", "recrawl", "ingest", "reingest"),
        help="instead of the figures, run one crawl (in this process) or one ingest of the three sources "
        "under cProfile and print where the time goes (stats saved beside --out)",
    )
    parser.add_argument("--top", type=int, default=40, help="functions listed by --profile")
    return parser


if __name__ == "__main__":
    args = build_parser().parse_args()
    if args.runs < 1 or args.pg_runs < 1:
        sys.exit("--runs and --pg-runs must be at least 1")
    args.postgres_url = None
    if args.postgres is not None:
        args.postgres_url = args.postgres or os.environ.get(POSTGRES_ENV)
        if not args.postgres_url:
            sys.exit(f"--postgres needs a URL or ${POSTGRES_ENV}")
    from bench.market_bench import main  # imports the project: after sys.path is set

    sys.exit(main(args))
