"""`modelwatch dashboard`: the Streamlit dashboard over the database until SIGINT/SIGTERM (a child process:
`monitor.service.dashboard_process`). A reader: an old or missing schema stops it with the command to run.
"""

from __future__ import annotations

import argparse
import logging
import signal
from types import FrameType
from typing import TYPE_CHECKING

from monitor.cli.context import Commands, Context, run_handler

if TYPE_CHECKING:
    from monitor.config import Config

logger = logging.getLogger(__name__)


def add_commands(commands: Commands) -> None:
    """Add ``dashboard`` to the CLI's subcommands."""
    from monitor.settings import DEFAULT_DASHBOARD_HOST, DEFAULT_DASHBOARD_PORT

    dashboard = commands.add_parser(
        "dashboard",
        help="the Streamlit dashboard over the database",
        description="Serve the dashboard (catalog, model pages, status, recommender, changes) until "
        "SIGINT/SIGTERM.",
    )
    port, host = DEFAULT_DASHBOARD_PORT, DEFAULT_DASHBOARD_HOST
    dashboard.add_argument("--port", type=int, default=port, help=f"port (default {port})")
    dashboard.add_argument(
        "--host", default=host, help=f"address to listen on (default {host}; 0.0.0.0 for all)"
    )
    dashboard.set_defaults(handler=cmd_dashboard)


def run_command(args: argparse.Namespace, *, config: Config, db_url: str) -> int | None:
    """Run ``dashboard``; None when `args` is another command."""
    return run_handler(args, (cmd_dashboard,), config=config, db_url=db_url)


def cmd_dashboard(args: argparse.Namespace, context: Context) -> int:
    from db.engine import safe_url
    from monitor.cli.db import check_readable
    from monitor.service.dashboard_process import start_dashboard, stop_dashboard, wait_until_ready

    db_url, port, host = context.db_url, args.port, args.host
    check_readable(db_url)  # a reader: an old or missing schema stops here, naming the command to run
    process = start_dashboard(db_url, port=port, host=host, rates=context.config.currencies.to_rates())
    stopping: list[int] = []

    def stop(signum: int, _frame: FrameType | None) -> None:
        stopping.append(signum)
        process.terminate()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        if wait_until_ready(host, port, process=process, timeout_s=60):
            shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
            logger.info("dashboard on http://%s:%d over %s", shown, port, safe_url(db_url))
        code = process.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        stop_dashboard(process)
    logger.info("dashboard stopped")
    return 0 if stopping else code
