"""The hooks the CLI calls: `add_commands` adds ``dashboard`` with its options; `run_command` leaves other
commands alone. (Starting and stopping the real command: tests/dashboard/test_browser.py.)"""

from __future__ import annotations

import argparse

from monitor.cli.dashboard import add_commands, run_command
from monitor.config import Config
from monitor.settings import DEFAULT_DASHBOARD_PORT as DEFAULT_PORT


def parser() -> argparse.ArgumentParser:
    built = argparse.ArgumentParser()
    add_commands(built.add_subparsers(dest="command", required=True))
    return built


def test_dashboard_options() -> None:
    args = parser().parse_args(["dashboard"])
    assert (args.command, args.port, args.host) == ("dashboard", DEFAULT_PORT, "127.0.0.1")
    args = parser().parse_args(["dashboard", "--port", "8600", "--host", "0.0.0.0"])
    assert (args.port, args.host) == (8600, "0.0.0.0")


def test_other_commands_are_not_ours() -> None:
    assert run_command(argparse.Namespace(command="crawl"), config=Config(), db_url="sqlite://") is None
