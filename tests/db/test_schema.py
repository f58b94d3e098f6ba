"""The schema's migrations on SQLite and PostgreSQL: they build what the tables say, a 0.1.0 database
is adopted, readers never migrate, a newer database stops the code, two processes starting together
migrate once, and a migration killed half-way leaves the old schema."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlmodel import SQLModel

from db import schema
from db.engine import make_engine
from db.errors import SchemaError
from monitor.cli import main

REPO = Path(__file__).resolve().parents[2]


def _differences(url: str) -> list[object]:
    engine = make_engine(url, create=False, check=False)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={
                    "include_object": schema.include_object,
                    "compare_type": True,
                    "compare_server_default": True,
                },
            )
            return list(compare_metadata(context, SQLModel.metadata))
    finally:
        engine.dispose()


def test_migrations_build_exactly_the_tables_of_the_code(db_url: str) -> None:
    """Alembic's autogenerate finds nothing to add after running every migration from nothing: a model
    change without its migration fails here."""
    engine = make_engine(db_url, create=False, check=False)
    try:
        with engine.begin() as connection:
            command.upgrade(schema.alembic_config(connection), "head")
        assert schema.schema_state(engine).kind == "head"
    finally:
        engine.dispose()
    assert _differences(db_url) == []


def test_the_fast_path_for_an_empty_database_equals_the_migrations(db_url: str) -> None:
    """An empty database is created with create_all and stamped (Alembic's recipe): the same schema."""
    make_engine(db_url).dispose()
    assert _differences(db_url) == []


def test_a_model_change_without_a_migration_is_found(sqlite_url: str) -> None:
    make_engine(sqlite_url).dispose()
    engine = create_engine(sqlite_url)
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE provider ADD COLUMN stray INTEGER"))
    engine.dispose()
    found = _differences(sqlite_url)
    assert [d[0] for d in found if isinstance(d, tuple)] == ["remove_column"]  # type: ignore[index]


def _make_v010_like(url: str) -> None:
    """The tables as 0.1.0 made them (the baseline migration), no version table, one row."""
    engine = make_engine(url, create=False, check=False)
    with engine.begin() as connection:
        command.upgrade(schema.alembic_config(connection), schema.BASELINE)
        connection.execute(text("DROP TABLE alembic_version"))
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO provider (name, slug, meta, first_seen) VALUES ('Acme', 'acme', '{}', :t)"),
            {"t": "2026-01-02 03:04:05"},
        )
    engine.dispose()


def test_a_010_database_is_adopted_with_a_backup_and_nothing_lost(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_v010_like(sqlite_url)
    assert main(["--db", sqlite_url, "db", "current"]) == 1
    assert "0.1.0" in capsys.readouterr().out
    assert main(["--db", sqlite_url, "db", "upgrade"]) == 0
    err = capsys.readouterr().err
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    backup = path.with_name(f"{path.name}.bak-{schema.BASELINE}")
    assert f"backed up {path} to {backup}" in err
    for file in (path, backup):
        engine = create_engine(f"sqlite:///{file}")
        with engine.connect() as connection:
            assert connection.execute(text("SELECT name FROM provider")).scalars().all() == ["Acme"]
        engine.dispose()
    assert "alembic_version" not in inspect(create_engine(f"sqlite:///{backup}")).get_table_names()
    assert main(["--db", sqlite_url, "db", "current", "--json"]) == 0
    assert '"state": "head"' in capsys.readouterr().out


def test_readers_never_migrate_and_say_which_command_to_run(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_v010_like(db_url)
    assert main(["--db", db_url, "recommend"]) == 2
    err = capsys.readouterr().err
    assert "db upgrade" in err and "Traceback" not in err
    with pytest.raises(SchemaError, match="db upgrade"):
        make_engine(db_url, create=False)
    engine = make_engine(db_url, create=False, check=False)
    assert schema.schema_state(engine).kind == "unversioned"  # untouched
    engine.dispose()


def test_an_empty_database_is_not_created_by_a_reader(sqlite_url: str) -> None:
    with pytest.raises(SchemaError, match="no modelwatch tables"):
        make_engine(sqlite_url, create=False)
    engine = make_engine(sqlite_url, create=False, check=False)
    assert inspect(engine).get_table_names() == []
    engine.dispose()


def test_a_database_newer_than_the_code_stops_it_with_a_message(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make_engine(db_url).dispose()
    engine = make_engine(db_url, create=False, check=False)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0999_from_the_future'"))
    engine.dispose()
    for argv in (["crawl"], ["recommend"], ["db", "upgrade"]):
        assert main(["--db", db_url, *argv]) == 2
        err = capsys.readouterr().err
        assert "0999_from_the_future" in err and "newer modelwatch" in err and "Traceback" not in err


def test_a_directory_that_is_not_modelwatch_is_refused(sqlite_url: str) -> None:
    engine = create_engine(sqlite_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    engine = make_engine(sqlite_url, create=False, check=False)
    with pytest.raises(SchemaError, match="not a modelwatch database"):
        schema.upgrade(engine)
    engine.dispose()


def _cli(url: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "monitor", "--db", url, *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def test_processes_starting_together_migrate_once(db_url: str) -> None:
    """Three `db upgrade`s at once on an empty store: one creates the schema, the others wait for it
    (PostgreSQL: the advisory lock; SQLite: the write lock) and find nothing to do."""
    runs = [_cli(db_url, "db", "upgrade") for _ in range(3)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    created = [err for _out, err in outputs if "created the modelwatch schema" in err]
    already = [out for out, _err in outputs if "already at" in out]
    assert len(created) == 1 and len(already) == 2, outputs


SLOW_MIGRATION = '''
"""Test only: a migration that does half its work, then waits to be killed."""
import os, time
from pathlib import Path
import sqlalchemy as sa
from alembic import op

revision = "0900_killed_half_way"
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("halfway", sa.Column("id", sa.Integer(), primary_key=True))
    with op.batch_alter_table("provider") as batch:
        batch.add_column(sa.Column("halfway_note", sa.String(length=20), nullable=True))
    op.execute("UPDATE provider SET halfway_note = 'touched'")
    marker = os.environ.get("HALFWAY_MARKER")
    if marker:
        Path(marker).write_text("half way")
        time.sleep(120)


def downgrade() -> None:
    pass
'''

RUNNER = """
import sys
from db import schema
from db.engine import make_engine

config = schema.alembic_config()
config.set_main_option("version_locations", f"{schema.MIGRATIONS / 'versions'}{sys.argv[2]}{sys.argv[3]}")
engine = make_engine(sys.argv[1], create=False, check=False)
report = schema.upgrade(engine, config=config, say=print)
print("now at", report.after)
"""


def test_a_migration_killed_half_way_leaves_the_old_schema(db_url: str, tmp_path: Path) -> None:
    make_engine(db_url).dispose()
    engine = make_engine(db_url, create=False, check=False)
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO provider (name, slug, meta, first_seen) VALUES ('Acme', 'acme', '{}', :t)"),
            {"t": "2026-01-02 03:04:05"},
        )
    engine.dispose()
    versions = tmp_path / "extra_versions"
    versions.mkdir()
    (versions / "0900_killed_half_way.py").write_text(
        textwrap.dedent(SLOW_MIGRATION).format(down=schema.head_revision())
    )
    marker = tmp_path / "marker"
    runner = [sys.executable, "-c", RUNNER, db_url, os.pathsep, str(versions)]
    log = tmp_path / "runner.log"
    with log.open("w") as stderr:
        process = subprocess.Popen(
            runner, cwd=REPO, env={**os.environ, "HALFWAY_MARKER": str(marker)}, stderr=stderr
        )
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert process.poll() is None, log.read_text()
        assert time.monotonic() < deadline, "the migration never reached half way"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    engine = make_engine(db_url, create=False, check=False)
    try:
        assert schema.schema_state(engine).current == schema.head_revision()  # the old revision
        tables = inspect(engine).get_table_names()
        assert "halfway" not in tables
        assert "halfway_note" not in {c["name"] for c in inspect(engine).get_columns("provider")}
        with engine.connect() as connection:
            assert connection.execute(text("SELECT name FROM provider")).scalars().all() == ["Acme"]
    finally:
        engine.dispose()

    # run again, not killed: the new schema, whole
    done = subprocess.run(runner, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "now at 0900_killed_half_way" in done.stdout
    engine = make_engine(db_url, create=False, check=False)
    try:
        assert "halfway" in inspect(engine).get_table_names()
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT name, halfway_note FROM provider")).all()
        assert [tuple(r) for r in rows] == [("Acme", "touched")]
    finally:
        engine.dispose()


def test_an_unreachable_database_is_a_message_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql://modelwatch:sekrit-pw@127.0.0.1:1/nothing"
    for argv in (["crawl"], ["db", "current"], ["db", "upgrade"], ["recommend"]):
        assert main(["--db", url, *argv]) == 2, argv
        err = capsys.readouterr().err
        assert "cannot open database" in err and "Connection refused" in err, (argv, err)
        assert "sekrit-pw" not in err and "Traceback" not in err, (argv, err)
