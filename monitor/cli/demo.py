"""`modelwatch demo`: the whole product offline, on the provider replica (`monitor.demo`); with
``--serve`` the service then keeps crawling and probing it, with the API and the dashboard."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from monitor.cli.context import Commands, Context

#: The SQLite file the demo (re)creates.
DEMO_DB = Path("modelwatch-demo.db")


def add_commands(commands: Commands) -> None:
    demo = commands.add_parser(
        "demo",
        help="the whole product offline, on the provider replica",
        description="Start the provider replica (a built-in demo catalog and model "
        "pages), crawl it into a fresh SQLite file and print what was found.",
    )
    demo.add_argument(
        "--db-file",
        type=Path,
        default=DEMO_DB,
        help=f"SQLite file to (re)create (default: {DEMO_DB})",
    )
    demo.add_argument("--port", type=int, default=0, help="replica port (default: a free one)")
    demo.add_argument(
        "--serve",
        action="store_true",
        help="then keep crawling and probing the replica on schedule, with the API and the dashboard "
        "(Ctrl-C stops)",
    )
    demo.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace, context: Context) -> int:
    from monitor.crawling.report import crawl_summary
    from monitor.crawling.run import crawl_in_child, source_specs
    from monitor.demo import (
        demo_config,
        demo_highlights,
        fresh_sqlite,
        probe_highlights,
        probe_rounds,
        schedule_failures,
        start_replica,
    )

    db_file: Path = args.db_file
    settings = context.settings
    db_url = fresh_sqlite(db_file)
    replica = start_replica(args.port)
    try:
        print(f"provider replica at {replica.url} (demo catalog, model pages, simulated chat endpoints)")
        config = demo_config(replica.url)
        print(f"crawling it into {db_file} …")
        started = time.monotonic()
        outcome = crawl_in_child(db_url=db_url, sources=source_specs(config), aliases=config.models.aliases)
        print(crawl_summary(outcome.reports, outcome.errors, time.monotonic() - started))
        print(demo_highlights(db_url))
        print("probing the simulated endpoints (one goes down and comes back, one is slow) …")
        probe_rounds(replica, config, db_url)
        print(probe_highlights(db_url))
        if args.serve:
            from monitor.service.companions import companions
            from monitor.service.service import Service

            schedule_failures(replica)
            print(
                f"serving: replica at {replica.url}; crawls every 10 min, probes every "
                f"{config.probes[0].every.total_seconds():.0f} s into {db_file}\n"
                f"  dashboard  http://{settings.dashboard_host}:{settings.dashboard_port}\n"
                f"  API        http://{settings.api_host}:{settings.api_port}/api/v1/endpoints\n"
                "Ctrl-C to stop"
            )
            service = Service(config=config, db_url=db_url)
            with companions(service, config, db_url, settings, api=True, dashboard=True):
                service.run_forever()
    finally:
        replica.stop()
    return 1 if outcome.all_failed else 0
