"""The `modelwatch` command line: `modelwatch [--config PATH] [--db URL] [-v] COMMAND`.

One module per command group, each adding its subcommands with ``set_defaults(handler=...)``:
crawl.py, extract.py, probe.py, run.py, demo.py, alerts.py, api.py (``api``, ``recommend``),
dashboard.py, db.py, replica.py. `main` reads the settings and the configuration once (`Context`),
upgrades the schema before a command that writes, and calls ``args.handler(args, context)``.

A command imports what it needs when it runs: importing this package loads no database, web or
crawler library.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from monitor.cli import alerts, api, crawl, dashboard, db, demo, extract, probe, replica, run
from monitor.cli.context import Context, Handler

#: The command groups, in the order ``--help`` lists them.
GROUPS = (crawl, extract, probe, run, demo, alerts, api, dashboard, db, replica)


def build_parser() -> argparse.ArgumentParser:
    from db.engine import DEFAULT_DB_URL

    parser = argparse.ArgumentParser(
        prog="modelwatch",
        description="A self-hosted catalog and monitor of LLM API endpoints: who serves a model, "
        "at what price, how fast and how reliably, with the whole history.",
        epilog="Run 'modelwatch COMMAND --help' for a command's options.",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help="configuration file (default: ./modelwatch.toml when present, else the built-in "
        "default: the live OpenRouter API and EigenAI's DeepSeek page)",
    )
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help=f"database URL (default: $MODELWATCH_DB_URL, else {DEFAULT_DB_URL}); "
        "PostgreSQL as postgresql://user@host/db",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more (debug level)")
    parser.add_argument("--version", action="version", version=f"modelwatch {package_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in GROUPS:
        group.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parse_args(parser, list(sys.argv[1:] if argv is None else argv))
    from db.errors import DatabaseError
    from monitor.config import ConfigError
    from monitor.settings import Settings

    settings = Settings()
    configure_logging(verbose=args.verbose, level=settings.log_level)
    context = Context(settings=settings, db_url=args.db or settings.db_url, config_path=args.config)
    handler: Handler = args.handler
    if not getattr(args, "standalone", False):  # the replica reads no configuration
        try:
            context.read_config()
        except ConfigError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    try:
        if writes(args):
            from monitor.cli.db import upgrade_at_start

            upgrade_at_start(context.db_url)
        return handler(args, context)
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def parse_args(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """`argv` parsed; after the command word ``replica``, everything belongs to the replica's own parser,
    options included."""
    at = command_index(argv)
    if at is not None and argv[at] == "replica":
        args = parser.parse_args(argv[: at + 1])
        args.replica_args = argv[at + 1 :]
        return args
    return parser.parse_args(argv)


#: Top-level options that take a value (`command_index` skips the value too).
_VALUED_OPTIONS = ("--config", "--db")


def command_index(argv: Sequence[str]) -> int | None:
    """Where the command word is in `argv` (after the top-level options), or None."""
    at = 0
    while at < len(argv):
        word = argv[at]
        if word in _VALUED_OPTIONS:
            at += 2
        elif word.startswith("-"):
            at += 1
        else:
            return at
    return None


def writes(args: argparse.Namespace) -> bool:
    """Does this command write the store (so it upgrades the schema at start)? `demo` makes its own
    fresh file; the readers (api, dashboard, recommend, alerts list) never migrate."""
    if args.command in ("run", "crawl"):
        return True
    if args.command == "probe":
        return not args.plan
    return args.command == "alerts" and getattr(args, "alerts_command", None) == "deliver"


def configure_logging(*, verbose: bool, level: str) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else getattr(logging, level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not verbose:
        # The scheduler's per-job lines repeat what our own log says; keep its warnings.
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
        # one line per HTTP request (probes): the service's own summary says what matters
        logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # Alembic says "Context impl ..." on every open; `db.schema` reports what was really done.
    logging.getLogger("alembic").setLevel(logging.DEBUG if verbose else logging.WARNING)


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("modelwatch")
    except PackageNotFoundError:  # running from a tree that was never installed
        return "unknown (not installed)"


if __name__ == "__main__":
    sys.exit(main())
