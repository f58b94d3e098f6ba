"""`modelwatch run`: the service (`monitor.service`) until SIGINT/SIGTERM, with the catalog API and the
dashboard beside it."""

from __future__ import annotations

import argparse
import logging

from monitor.cli.context import Commands, Context

logger = logging.getLogger("modelwatch")


def add_commands(commands: Commands) -> None:
    run = commands.add_parser(
        "run",
        help="the service: crawls, probes, rollups and retention on schedule until SIGINT/SIGTERM",
        description="Run the service: each enabled source is crawled on its `every` schedule, probes run "
        "in rounds per interval, samples are rolled up hourly and daily, and old raw samples are dropped. "
        "The schedule is kept in the database and resumed on restart. The catalog API "
        "($MODELWATCH_API_PORT, default 8000) and the dashboard ($MODELWATCH_DASHBOARD_PORT, default 8501) "
        "run beside it. Stops cleanly on SIGINT/SIGTERM.",
    )
    run.add_argument("--no-api", action="store_true", help="do not serve the catalog API")
    run.add_argument("--no-dashboard", action="store_true", help="do not start the dashboard")
    run.set_defaults(handler=cmd_run)


def cmd_run(args: argparse.Namespace, context: Context) -> int:
    from db.engine import make_engine, safe_url
    from monitor.service.companions import companions
    from monitor.service.service import Service

    config, db_url = context.config, context.db_url
    make_engine(db_url).dispose()
    logger.info(
        "modelwatch service: database %s, %d sources, %d probes",
        safe_url(db_url),
        len(config.sources),
        len(config.probes),
    )
    service = Service(config=config, db_url=db_url)
    api, dashboard = not args.no_api, not args.no_dashboard
    with companions(service, config, db_url, context.settings, api=api, dashboard=dashboard):
        return service.run_forever()
