"""A database made by modelwatch 0.1.0, full of data, upgrades to head with nothing lost.

The data (``tests/data/v0.1.0``) was made by the real 0.1.0 commands (``make_v010_data.py`` beside
this file): a SQLite file and a PostgreSQL dump. Each test reads every row of every table, runs the real
``modelwatch --db URL db upgrade`` in a child process, reads them again, and checks that every 0.1.0
table still holds every row with the same value in every 0.1.0 column. Values are compared as the
driver returns them from a plain ``select *`` (SQLite's stored values; psycopg's Python values), so a
type change that alters what is stored shows too.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "v0.1.0"
SQLITE_DATA = DATA / "modelwatch.db"
PG_DUMP = DATA / "modelwatch.pg.sql"

#: Tables the upgrade may add; every other table after the upgrade must have been there before.
VERSION_TABLE = "alembic_version"

Row = tuple[Any, ...]


class Table:
    """Every row of one table, as read with ``select *``, and its primary key columns."""

    def __init__(self, columns: list[str], primary_key: list[str], rows: list[Row]) -> None:
        self.columns = columns
        self.primary_key = primary_key
        self.rows = rows

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


Snapshot = dict[str, Table]


def _plain_url(url: str) -> str:
    """psycopg 3 for a postgresql:// URL (as modelwatch does), anything else as it is."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def read_all(url: str) -> Snapshot:
    """Every row of every table, with plain SQLAlchemy Core (no modelwatch code touches the database)."""
    engine = create_engine(_plain_url(url))
    try:
        with engine.connect() as connection:
            inspector = inspect(connection)
            snapshot = {}
            for name in sorted(inspector.get_table_names()):
                columns = [column["name"] for column in inspector.get_columns(name)]
                primary_key = list(inspector.get_pk_constraint(name).get("constrained_columns") or [])
                quoted = ", ".join(f'"{column}"' for column in columns)
                rows = [tuple(row) for row in connection.execute(text(f'select {quoted} from "{name}"'))]
                snapshot[name] = Table(columns, primary_key, rows)
            return snapshot
    finally:
        engine.dispose()


def _frozen(value: Any) -> Any:
    """A hashable, comparable stand-in (psycopg returns JSON columns as dicts and lists)."""
    if isinstance(value, dict | list):
        return ("json", json.dumps(value, sort_keys=True, default=str))
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _show(value: Any) -> str:
    text_ = repr(value)
    return text_ if len(text_) <= 120 else text_[:117] + "..."


def differences(before: Snapshot, after: Snapshot, *, limit: int = 40) -> list[str]:
    """What the upgrade lost or changed: missing tables and columns, missing rows, changed values.

    Rows are matched by the 0.1.0 primary key (or, for a table without one, as a multiset of whole
    rows); each changed value is reported as ``table.column [key]: before -> after``. Rows the upgrade
    added, and columns and tables it added, are not losses and are not reported.
    """
    found: list[str] = []
    for name, old in before.items():
        new = after.get(name)
        if new is None:
            found.append(f"table {name} ({len(old.rows)} rows) is gone")
            continue
        missing_columns = [column for column in old.columns if column not in new.columns]
        if missing_columns:
            found.append(f"table {name}: column(s) {', '.join(missing_columns)} are gone")
        kept = [column for column in old.columns if column in new.columns]
        old_rows = [tuple(_frozen(row[c]) for c in kept) for row in old.dicts()]
        new_rows = [tuple(_frozen(row[c]) for c in kept) for row in new.dicts()]
        key = [kept.index(column) for column in old.primary_key if column in kept]
        if key and len(key) == len(old.primary_key):
            new_by_key = {tuple(row[i] for i in key): row for row in new_rows}
            for row in old_rows:
                row_key = tuple(row[i] for i in key)
                match = new_by_key.get(row_key)
                label = ", ".join(f"{old.primary_key[j]}={row_key[j]!r}" for j in range(len(key)))
                if match is None:
                    found.append(f"{name} [{label}]: row is gone: {_show(row)}")
                    continue
                for column, was, now in zip(kept, row, match, strict=True):
                    if was != now or type(was) is not type(now):
                        found.append(f"{name}.{column} [{label}]: {_show(was)} -> {_show(now)}")
        else:
            lost = Counter(old_rows) - Counter(new_rows)
            for row, count in lost.items():
                found.append(f"{name}: {count} row(s) gone or changed: {_show(row)}")
    if len(found) > limit:
        found = [*found[:limit], f"... and {len(found) - limit} more"]
    return found


def row_counts(snapshot: Snapshot) -> dict[str, int]:
    return {name: len(table.rows) for name, table in snapshot.items()}


def count(snapshot: Snapshot, table: str) -> int:
    return len(snapshot[table].rows) if table in snapshot else 0


def assert_full_of_data(snapshot: Snapshot) -> None:
    """The story the data script tells is all there: prices changed twice, an outage, alerts, rollups."""
    counts = {name: len(table.rows) for name, table in snapshot.items()}
    for table in (
        "provider",
        "model",
        "endpoint",
        "priceperiod",
        "endpointrevision",
        "reportedstat",
        "crawlrun",
        "crawlproblem",
        "change",
        "parserstate",
        "probetarget",
        "probesample",
        "incident",
        "proberollup",
        "probewindow",
        "alertdelivery",
        "alertchannel",
        "alertcursor",
        "heartbeat",
        "apscheduler_jobs",
    ):
        assert counts.get(table, 0) > 0, f"no rows in {table}: {counts}"
    periods = Counter(row["endpoint_id"] for row in snapshot["priceperiod"].dicts())
    assert max(periods.values()) >= 3, f"no endpoint with two price changes: {periods}"
    kinds = Counter(row["kind"] for row in snapshot["change"].dicts())
    assert kinds["price_up"] >= 1 and kinds["price_down"] >= 1, kinds
    incidents = snapshot["incident"].dicts()
    assert any(row["kind"] == "down" and row["ended"] is not None for row in incidents), incidents
    assert counts["probesample"] >= 40, counts


def modelwatch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real CLI of this tree in a child process (no ./modelwatch.toml, no MODELWATCH_* settings)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODELWATCH_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=110,
    )


def upgrade(url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = modelwatch("--db", url, "db", "upgrade", cwd=cwd)
    output = f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 0, f"modelwatch db upgrade exited {result.returncode}\n{output}"
    return result


def assert_upgraded_keeping_everything(before: Snapshot, after: Snapshot) -> None:
    lost = differences(before, after)
    assert not lost, "the upgrade lost or changed data:\n" + "\n".join(lost)
    assert count(after, VERSION_TABLE) == 1, "the upgraded database records one schema version"
    assert_full_of_data({name: table for name, table in after.items() if name in before})


# -- the committed data -----------------------------------------------------------------------------


def test_the_sqlite_data_is_a_full_0_1_0_database() -> None:
    assert SQLITE_DATA.is_file(), f"{SQLITE_DATA} is missing: run tests/upgrade/make_v010_data.py"
    assert SQLITE_DATA.stat().st_size < 2 * 1024 * 1024
    snapshot = read_all(f"sqlite:///{SQLITE_DATA}")
    assert VERSION_TABLE not in snapshot, "0.1.0 had no schema version"
    assert_full_of_data(snapshot)


def test_differences_names_table_column_and_key() -> None:
    before = {
        "t": Table(["id", "price"], ["id"], [(1, "0.27"), (2, "0.30")]),
        "gone": Table(["a"], [], [(1,)]),
    }
    after = {"t": Table(["id", "price", "extra"], ["id"], [(1, 0.27, None)])}
    found = differences(before, after)
    assert "table gone (1 rows) is gone" in found
    assert "t.price [id=1]: '0.27' -> 0.27" in found
    assert "t [id=2]: row is gone: (2, '0.30')" in found
    assert differences(before, before) == []


# -- SQLite -------------------------------------------------------------------------------------------


@pytest.fixture
def sqlite_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "modelwatch.db"
    shutil.copyfile(SQLITE_DATA, copy)
    return copy


def test_sqlite_0_1_0_upgrades_to_head_keeping_every_row(sqlite_copy: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{sqlite_copy}"
    before = read_all(url)
    assert_full_of_data(before)

    result = upgrade(url, tmp_path)

    after = read_all(url)
    assert_upgraded_keeping_everything(before, after)
    # the backup of the file as it was, named for the revision it holds, and said so
    backups = sorted(tmp_path.glob("modelwatch.db.bak-*"))
    assert len(backups) == 1, f"expected one backup beside the database, found {[b.name for b in backups]}"
    backup = backups[0]
    assert backup.name in result.stderr, f"the upgrade did not mention {backup.name}:\n{result.stderr}"
    connection = sqlite3.connect(backup)
    try:
        assert connection.execute("pragma integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
    copy = read_all(f"sqlite:///{backup}")
    assert set(copy) == set(before)
    assert differences(before, copy) == []
    assert row_counts(copy) == row_counts(before)


def test_sqlite_upgrade_again_changes_nothing(sqlite_copy: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{sqlite_copy}"
    upgrade(url, tmp_path)
    once = read_all(url)
    upgrade(url, tmp_path)
    twice = read_all(url)
    assert differences(once, twice) == []
    assert row_counts(twice) == row_counts(once)


# -- PostgreSQL ---------------------------------------------------------------------------------------


def load_dump(url: str, dump: Path) -> None:
    """Execute the plain-SQL dump (statements only, INSERTs with column names) on an empty database."""
    engine = create_engine(url)
    try:
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(dump.read_text(encoding="utf-8"))  # no parameters: several statements at once
            connection.commit()
        finally:
            connection.close()
    finally:
        engine.dispose()


@pytest.fixture
def pg_database(postgres_url: str) -> Iterator[str]:
    """A fresh database (the dump names schema public), dropped afterwards; its URL."""
    name = f"mw_up_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'create database "{name}"'))
    try:
        yield make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'drop database if exists "{name}" with (force)'))
        admin.dispose()


def test_postgres_0_1_0_upgrades_to_head_keeping_every_row(pg_database: str, tmp_path: Path) -> None:
    load_dump(pg_database, PG_DUMP)
    before = read_all(pg_database)
    assert VERSION_TABLE not in before
    assert_full_of_data(before)
    assert isinstance(before["probesample"].dicts()[0]["at"], datetime)

    upgrade(pg_database, tmp_path)

    after = read_all(pg_database)
    assert_upgraded_keeping_everything(before, after)
    assert not list(tmp_path.glob("*.bak-*")), "PostgreSQL upgrades make no file backup"


def test_each_010_endpoint_gets_its_sources_observation(sqlite_copy: Path, tmp_path: Path) -> None:
    """Migration 0003: the one source of a 0.1.0 endpoint becomes its observation, holding the endpoint's
    current prices and limits, open for an active endpoint and ended for a removed one."""
    url = f"sqlite:///{sqlite_copy}"
    upgrade(url, tmp_path)
    after = read_all(url)
    endpoints = {row["id"]: row for row in after["endpoint"].dicts()}
    periods = {row["endpoint_id"]: row for row in after["priceperiod"].dicts() if row["valid_to"] is None}
    observations = after["observation"].dicts()
    assert sorted(row["endpoint_id"] for row in observations) == sorted(endpoints)
    for row in observations:
        endpoint = endpoints[row["endpoint_id"]]
        assert row["source"] == endpoint["source"]
        assert (row["context_length"], row["max_output_tokens"]) == (
            endpoint["context_length"],
            endpoint["max_output_tokens"],
        )
        period = periods.get(endpoint["id"])
        for name in ("input", "output", "cache_read", "cache_write", "request"):
            assert row[name] == (period[name] if period else None), (endpoint["key"], name)
        assert (row["valid_to"] is None) == (endpoint["removed_at"] is None)
        assert row["ended"] == (endpoint["removed_at"] is not None)
