"""`modelwatch db upgrade|current|history`: the schema's version and its upgrades (`db.schema`).

Also `upgrade_at_start`, which `main` calls before the commands that write (`run`, `crawl`, `probe`,
`alerts deliver`) touch the store, and `check_readable`, which the readers (`api`, `dashboard`,
`recommend`) call instead: readers never migrate.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from monitor.cli.context import Commands, Context

if TYPE_CHECKING:
    from db.schema import UpgradeReport


def add_commands(commands: Commands) -> None:
    db = commands.add_parser(
        "db",
        help="the database schema: upgrade it, show its revision, list the migrations",
        description="The database schema's version. Every schema change since 0.1.0 is an Alembic "
        "migration; the writing commands (run, crawl, probe, demo, alerts deliver) upgrade at start, the "
        "readers (api, dashboard, recommend) never do.",
    )
    actions = db.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    up = actions.add_parser(
        "upgrade",
        help="bring the schema to this version's (creates it in an empty database)",
        description="Bring the database to this modelwatch's schema in one transaction. On SQLite the "
        "file is first copied to <name>.bak-<revision>; on PostgreSQL an advisory lock makes two "
        "processes starting together migrate once.",
    )
    up.add_argument("--no-backup", action="store_true", help="SQLite: do not copy the file first")
    up.set_defaults(handler=cmd_upgrade)
    current = actions.add_parser("current", help="the database's schema revision and this code's")
    current.add_argument("--json", action="store_true", help="print a JSON object")
    current.set_defaults(handler=cmd_current)
    history = actions.add_parser("history", help="the migrations, oldest first")
    history.set_defaults(handler=cmd_history)


def cmd_history(args: argparse.Namespace, context: Context) -> int:
    from db import schema

    head = schema.head_revision()
    for revision, down, message in schema.history():
        mark = " (head)" if revision == head else ""
        print(f"{down or '<base>'} -> {revision}{mark}: {message.splitlines()[0] if message else ''}")
    return 0


def cmd_current(args: argparse.Namespace, context: Context) -> int:
    from db import schema
    from db.engine import make_engine, safe_url

    db_url = context.db_url
    engine = make_engine(db_url, create=False, check=False)
    try:
        state = schema.schema_state(engine)
    finally:
        engine.dispose()
    if args.json:
        print(json.dumps({"current": state.current, "head": state.head, "state": state.kind}))
    else:
        print(f"database: {safe_url(db_url)}")
        print(f"current:  {state.current or _no_revision(state.kind)}")
        print(f"head:     {state.head}")
        print(f"state:    {_STATES[state.kind]}")
    return 0 if state.kind == "head" else 1


def cmd_upgrade(args: argparse.Namespace, context: Context) -> int:
    from db.engine import safe_url

    report = upgrade_at_start(context.db_url, backup=not args.no_backup)
    if not report.changed:
        print(f"{safe_url(context.db_url)} is already at {report.after}")
    return 0


_STATES = {
    "empty": "empty (run `modelwatch db upgrade` to create the schema)",
    "unversioned": "made by modelwatch 0.1.0 (run `modelwatch db upgrade`)",
    "behind": "older than this modelwatch (run `modelwatch db upgrade`)",
    "head": "up to date",
    "ahead": "newer than this modelwatch (made by a newer version)",
}


def _no_revision(kind: str) -> str:
    return "none (0.1.0, before migrations)" if kind == "unversioned" else "none"


def _say(line: str) -> None:
    print(line, file=sys.stderr)


def upgrade_at_start(db_url: str, *, backup: bool = True) -> UpgradeReport:
    """For the writing commands (and `db upgrade`): create or upgrade the schema, saying so on stderr
    (a backup, the revisions); a database newer than the code raises `SchemaError` with what to do."""
    from db import schema
    from db.engine import make_engine

    engine = make_engine(db_url, create=False, check=False)
    try:
        return schema.upgrade(engine, backup=backup, say=_say)
    finally:
        engine.dispose()


def check_readable(db_url: str) -> None:
    """For the readers: the schema must be at head (a `SchemaError` says which command to run)."""
    from db.engine import make_engine

    engine = make_engine(db_url, create=False, check=True)
    engine.dispose()
