"""`modelwatch crawl`: the configured sources once now, in this process; a summary; the alert rules
applied to what changed."""

from __future__ import annotations

import argparse
import sys
import time

from monitor.cli.context import Commands, Context


def add_commands(commands: Commands) -> None:
    crawl = commands.add_parser(
        "crawl",
        help="crawl the configured sources once now and print a summary",
        description="Crawl the configured sources once now. Exit 1 if every source failed.",
    )
    crawl.add_argument(
        "--source",
        action="extend",
        nargs="+",
        metavar="NAME",
        help="only these sources (names from the config)",
    )
    crawl.set_defaults(handler=cmd_crawl)


def cmd_crawl(args: argparse.Namespace, context: Context) -> int:
    from db.engine import make_engine, safe_url
    from monitor.cli.alerts import fill_outbox
    from monitor.crawling.report import ProgressLine, crawl_summary
    from monitor.crawling.run import CrawlError, crawl_here, source_specs

    config, db_url = context.config, context.db_url
    try:
        specs = source_specs(config, names=args.source)
    except CrawlError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not specs:
        print("nothing to crawl: no enabled sources in the configuration", file=sys.stderr)
        return 1
    make_engine(db_url).dispose()  # fail fast, with a clear message, on a bad database
    print(f"crawling {', '.join(s.name for s in specs)} into {safe_url(db_url)}", file=sys.stderr)
    progress = ProgressLine()
    started = time.monotonic()
    try:
        outcome = crawl_here(db_url=db_url, sources=specs, aliases=config.models.aliases, progress=progress)
    finally:
        progress.close()
    print(crawl_summary(outcome.reports, outcome.errors, time.monotonic() - started))
    fill_outbox(config, db_url)
    return 1 if outcome.all_failed else 0
