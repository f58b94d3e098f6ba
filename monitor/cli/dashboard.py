"""`modelwatch dashboard`, and `start_dashboard` for `modelwatch run` and `modelwatch demo --serve`.

- `add_commands(commands)` adds ``dashboard [--port P] [--host H]`` to the CLI's subcommands;
- `run_command(args, config=..., db_url=...)` runs it (None when `args` is another command);
- `start_dashboard(db_url, port=..., host=...)` starts ``streamlit run dashboard/app.py`` headless as a
  child process and returns it; `stop_dashboard(process)` ends it.

The database URL reaches the Streamlit script through the child's environment (``MODELWATCH_DB_URL``,
which `dashboard/app.py` reads in its entry function): Streamlit runs its script in a fresh process and
takes no arguments of ours.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import FrameType

from db.engine import safe_url
from monitor.config import Config

logger = logging.getLogger(__name__)

COMMANDS = ("dashboard",)
APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
DB_URL_ENV = "MODELWATCH_DB_URL"  # read by dashboard/app.py
DEFAULT_PORT = 8501
DEFAULT_HOST = "127.0.0.1"


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``dashboard`` to the CLI's subcommands."""
    dashboard = commands.add_parser(
        "dashboard",
        help="the Streamlit dashboard over the database",
        description="Serve the dashboard (catalog, model pages, status, recommender, changes) until "
        "SIGINT/SIGTERM.",
    )
    dashboard.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    dashboard.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST}; 0.0.0.0 for all)"
    )


def run_command(args: argparse.Namespace, *, config: Config, db_url: str) -> int | None:
    """Run ``dashboard``; None when `args` is another command."""
    if getattr(args, "command", None) not in COMMANDS:
        return None
    return cmd_dashboard(db_url=db_url, port=args.port, host=args.host)


def cmd_dashboard(*, db_url: str, port: int, host: str) -> int:
    from monitor.db_commands import check_readable

    check_readable(db_url)  # a reader: an old or missing schema stops here, naming the command to run
    process = start_dashboard(db_url, port=port, host=host)
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


def start_dashboard(db_url: str, *, port: int, host: str = DEFAULT_HOST) -> subprocess.Popen[bytes]:
    """Start ``streamlit run dashboard/app.py`` headless on `host`:`port` over `db_url` (a child
    process; no file watcher, no usage statistics). Returns at once: see `wait_until_ready`."""
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.headless=true",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
        "--server.runOnSave=false",
        f"--server.port={port}",
        f"--server.address={host}",
        "--global.developmentMode=false",
        "--client.toolbarMode=viewer",
        "--logger.level=warning",
    ]
    env = {**os.environ, DB_URL_ENV: db_url}
    logger.debug("starting the dashboard: %s", " ".join(command))
    # Streamlit's greeting ("You can now view your Streamlit app...") goes nowhere; its errors to ours.
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, cwd=APP.parents[1])


def wait_until_ready(
    host: str, port: int, *, process: subprocess.Popen[bytes] | None = None, timeout_s: float = 60
) -> bool:
    """Poll Streamlit's health route until it answers (True), the process ends or time runs out."""
    address = "127.0.0.1" if host in ("0.0.0.0", "", "::") else host
    url = f"http://{address}:{port}/_stcore/health"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    return False


def stop_dashboard(process: subprocess.Popen[bytes], *, timeout_s: float = 10) -> None:
    """Ask the dashboard to stop (SIGTERM), then kill it if it has not after `timeout_s`."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def main(argv: list[str] | None = None) -> int:
    """``python -m monitor.dashboard_commands [--db URL] dashboard [--port P] [--host H]``: the command
    without the rest of the CLI (the same parser and runner the CLI uses)."""
    parser = argparse.ArgumentParser(prog="python -m monitor.dashboard_commands")
    parser.add_argument("--db", default=os.environ.get(DB_URL_ENV) or "sqlite:///modelwatch.db")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    code = run_command(args, config=Config(), db_url=args.db)
    return 2 if code is None else code


if __name__ == "__main__":
    sys.exit(main())
