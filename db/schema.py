"""The schema's version and its upgrades, through Alembic (`db/migrations`).

Every schema change since 0.1.0 is a migration; the baseline migration is the 0.1.0 schema. A
database is in one of five states (`SchemaState`): empty, made by 0.1.0 (tables but no version),
behind the code, at its head, or ahead of it (made by a newer modelwatch).

- Writers (`run`, `crawl`, `probe`, `demo`, `alerts`) call `upgrade` at start: an empty database is
  created at head (Alembic's own recipe: `create_all` then stamp); an older one is migrated, on SQLite
  after a copy of the file to `<name>.bak-<revision>`, on PostgreSQL under an advisory lock so that
  two processes starting together migrate once.
- Readers (`api`, `dashboard`, `recommend`) call `check_schema`: on anything but head they stop
  with the command to run.
- A whole upgrade is one transaction (DDL is transactional on both stores): killed half-way, the
  database keeps its old schema.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.schema import MetaData, SchemaItem
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

import db.alerts.tables  # noqa: F401  (registers the alert tables on SQLModel.metadata)
from db import heartbeat, models  # noqa: F401  (registers the tables on SQLModel.metadata)
from db.dialect import WRITE_OPTION
from db.errors import DatabaseError, SchemaError

logger = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: The revision of the 0.1.0 schema (a 0.1.0 database has its tables and no version table).
BASELINE = "0001_baseline"
VERSION_TABLE = "alembic_version"
#: Tables in the same database that are not ours (APScheduler keeps its job store there).
FOREIGN_TABLES = frozenset({"apscheduler_jobs"})
#: Key of the PostgreSQL advisory lock held while a process upgrades (any fixed 64-bit number).
ADVISORY_LOCK_KEY = 0x6D77_6462  # "mwdb"


def target_metadata() -> MetaData:
    return SQLModel.metadata


def include_object(item: SchemaItem, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Leave out of comparisons what is not ours: the scheduler's table and the version table."""
    return not (type_ == "table" and name in FOREIGN_TABLES | {VERSION_TABLE})


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Render SQLModel's `AutoString` as a plain `sa.String`, so migrations never import sqlmodel."""
    if type_ == "type" and isinstance(obj, AutoString):
        return f"sa.String(length={obj.length})" if obj.length else "sa.String()"
    return False


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for this code's migrations, optionally bound to an open connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")  # version_locations split on os.pathsep
    config.set_main_option("file_template", "%%(rev)s")  # revisions are named <number>_<slug> already
    config.set_main_option("version_locations", str(MIGRATIONS / "versions"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory(config: Config | None = None) -> ScriptDirectory:
    return ScriptDirectory.from_config(config or alembic_config())


def head_revision(config: Config | None = None) -> str:
    head = script_directory(config).get_current_head()
    if head is None:  # pragma: no cover - the baseline always exists
        raise SchemaError("no migrations found in " + str(MIGRATIONS))
    return head


@dataclass(frozen=True)
class SchemaState:
    """Where a database stands against this code's migrations."""

    kind: str  # "empty", "unversioned" (0.1.0), "behind", "head", "ahead"
    current: str | None
    head: str


@dataclass(frozen=True)
class UpgradeReport:
    before: str | None  # the revision before (None: empty database; BASELINE for a 0.1.0 database)
    after: str
    backup: Path | None  # SQLite: the copy made before migrating
    created: bool  # an empty database was created at head
    changed: bool  # anything was written (created, stamped or migrated)


def _describe(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _state_on(connection: Connection, config: Config) -> SchemaState:
    head = head_revision(config)
    tables = set(inspect(connection).get_table_names())
    ours = tables - FOREIGN_TABLES
    if VERSION_TABLE not in ours:
        if not ours:
            return SchemaState("empty", None, head)
        return SchemaState("unversioned", None, head)
    current = MigrationContext.configure(connection).get_current_revision()
    if current is None:
        return SchemaState("empty" if ours == {VERSION_TABLE} else "unversioned", None, head)
    if current == head:
        return SchemaState("head", current, head)
    try:
        known = script_directory(config).get_revision(current)
    except CommandError:
        known = None
    return SchemaState("behind" if known is not None else "ahead", current, head)


@contextmanager
def _reachable(engine: Engine) -> Iterator[None]:
    """A database that cannot be reached (refused, unknown host, bad password, no such file folder)
    is a `DatabaseError` naming it (password masked) and the driver's first line, not a traceback."""
    try:
        yield
    except DBAPIError as exc:
        if isinstance(exc.orig, Exception) and not exc.connection_invalidated and exc.statement:
            raise  # a statement failed on a live connection: a bug or a migration error, shown whole
        first = str(exc.orig or exc).strip().splitlines()[0] if str(exc.orig or exc).strip() else ""
        raise DatabaseError(f"cannot open database {_describe(engine)}: {first}") from None


def schema_state(engine: Engine) -> SchemaState:
    """The database's state against this code's migrations (read only)."""
    config = alembic_config()
    with _reachable(engine), engine.connect() as connection:
        return _state_on(connection, config)


def _ahead_message(engine: Engine, state: SchemaState) -> str:
    return (
        f"the database {_describe(engine)} has schema revision {state.current}, which this modelwatch "
        f"(schema {state.head}) does not know: it was upgraded by a newer modelwatch. Run that newer "
        "version, or restore the backup made before the upgrade (SQLite: <file>.bak-<revision>)"
    )


def check_schema(engine: Engine) -> SchemaState:
    """For readers: the schema must be at head; otherwise a `SchemaError` saying what to run."""
    state = schema_state(engine)
    where = _describe(engine)
    if state.kind == "head":
        return state
    if state.kind == "empty":
        raise SchemaError(
            f"the database {where} has no modelwatch tables yet: create them with "
            f"`modelwatch --db {where} db upgrade` (or fill it with `modelwatch crawl`)"
        )
    if state.kind == "ahead":
        raise SchemaError(_ahead_message(engine, state))
    was = state.current or "0.1.0 (no version recorded)"
    raise SchemaError(
        f"the database {where} has an older schema ({was}; this modelwatch needs {state.head}): "
        f"run `modelwatch --db {where} db upgrade` (the writing commands run, crawl, probe and demo "
        "also upgrade it at start)"
    )


def ensure_schema(engine: Engine) -> SchemaState:
    """For code that opens a store it may create (tests, benchmarks, the pipeline): an empty database
    is created at head; any other state than head is a `SchemaError` saying what to run."""
    state = schema_state(engine)
    if state.kind == "empty":
        upgrade(engine)
        return schema_state(engine)
    return check_schema(engine)


def upgrade(
    engine: Engine,
    *,
    to: str = "head",
    backup: bool = True,
    say: Callable[[str], None] | None = None,
    config: Config | None = None,
) -> UpgradeReport:
    """Bring the database to `to` (head): create, stamp or migrate it, in one transaction.

    `say` receives one line per thing done that a user should know of (a backup, the revisions).
    `config` replaces the Alembic configuration (tests add a version location).
    """
    say = say or (lambda line: logger.info("%s", line))
    config = config or alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with _reachable(engine), engine.connect() as connection:
        if sqlite:
            # SQLite's way to alter tables is to copy them (batch mode); foreign keys must be off
            # while a referenced table is copied, and can only be switched outside a transaction.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with connection.execution_options(**{WRITE_OPTION: True}).begin():
                if not sqlite:
                    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({ADVISORY_LOCK_KEY})")
                # Read inside the lock: a process that waited finds the work already done.
                report = _upgrade_locked(engine, connection, config, to=to, backup=backup, say=say)
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise SchemaError(
                            f"upgrade of {_describe(engine)} rolled back: it would break "
                            f"{len(broken)} foreign keys (first: {tuple(broken[0])})"
                        )
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
    return report


def _upgrade_locked(
    engine: Engine,
    connection: Connection,
    config: Config,
    *,
    to: str,
    backup: bool,
    say: Callable[[str], None],
) -> UpgradeReport:
    config.attributes["connection"] = connection
    state = _state_on(connection, config)
    target = head_revision(config) if to == "head" else to
    if state.kind == "ahead":
        raise SchemaError(_ahead_message(engine, state))
    if state.kind == "empty":
        SQLModel.metadata.create_all(connection)
        command.stamp(config, target)
        say(f"created the modelwatch schema ({target}) in {_describe(engine)}")
        return UpgradeReport(before=None, after=target, backup=None, created=True, changed=True)
    if state.current == target:
        return UpgradeReport(before=target, after=target, backup=None, created=False, changed=False)
    before = state.current
    if state.kind == "unversioned":
        _check_baseline_tables(engine, connection)
        before = BASELINE
    copy = _backup_sqlite(engine, before or BASELINE) if backup and engine.dialect.name == "sqlite" else None
    if copy is not None:
        say(f"backed up {engine.url.database} to {copy} before upgrading it")
    if state.kind == "unversioned":
        command.stamp(config, BASELINE)
    command.upgrade(config, target)
    say(f"upgraded the schema of {_describe(engine)}: {state.current or '0.1.0'} -> {target}")
    return UpgradeReport(before=before, after=target, backup=copy, created=False, changed=True)


def _check_baseline_tables(engine: Engine, connection: Connection) -> None:
    """A database without a version table is taken for 0.1.0's only if it has 0.1.0's tables."""
    tables = set(inspect(connection).get_table_names())
    missing = sorted({"provider", "model", "endpoint", "priceperiod"} - tables)
    if missing:
        raise SchemaError(
            f"the database {_describe(engine)} has tables but not modelwatch's (missing: "
            f"{', '.join(missing)}): it is not a modelwatch database; use another --db"
        )


def _backup_sqlite(engine: Engine, revision: str) -> Path | None:
    """Copy the SQLite file beside itself as `<name>.bak-<revision>` (SQLite's online backup: a
    consistent copy even with a WAL beside the file). None for an in-memory database."""
    name = engine.url.database
    if not name or name == ":memory:":
        return None
    source = Path(name)
    target = source.with_name(f"{source.name}.bak-{revision}")
    reader = sqlite3.connect(str(source))
    try:
        writer = sqlite3.connect(str(target))
        try:
            reader.backup(writer)
        finally:
            writer.close()
    finally:
        reader.close()
    return target


def history() -> list[tuple[str, str | None, str]]:
    """Every migration, oldest first: (revision, down revision, message)."""
    scripts = list(script_directory().walk_revisions())
    rows = []
    for script in reversed(scripts):
        down = script.down_revision
        rows.append(
            (
                script.revision,
                down if isinstance(down, str) or down is None else ",".join(down),
                (script.doc or "").strip(),
            )
        )
    return rows


def new_revision(message: str) -> Path:
    """Write a new migration from the difference between the tables in `db` and the migrations' head
    (for developers: read it, add data moves, then `make test`). Compared on a scratch SQLite file
    brought to head by the real migrations; rendered in batch mode, which PostgreSQL runs as plain
    ALTERs. Returns the new file."""
    import tempfile

    from sqlalchemy import create_engine

    with tempfile.TemporaryDirectory() as scratch:
        engine = create_engine(f"sqlite:///{scratch}/scratch.db")
        try:
            with engine.begin() as connection:
                config = alembic_config(connection)
                command.upgrade(config, "head")
                number = len(list(script_directory(config).walk_revisions())) + 1
                slug = "_".join(message.lower().split())[:27]  # alembic_version holds 32 characters
                script = command.revision(
                    config, message=message, autogenerate=True, rev_id=f"{number:04d}_{slug}"
                )
        finally:
            engine.dispose()
    if script is None or isinstance(script, list):  # pragma: no cover - one head, one script
        raise SchemaError("alembic wrote no single revision")
    return Path(script.path)
