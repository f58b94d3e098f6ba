"""`python -m dashboard.serve` reads the catalog before Streamlit listens (issue 12: the first visit finds
the snapshot and the catalog table built): the warm-up fills the process-wide caches the pages read, and
a store it cannot read is left to the pages (one warning line, nothing created)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import inspect

from dashboard import context, serve
from dashboard.app import DB_URL_ENV
from db.engine import make_engine
from tests.dashboard.conftest import AppFactory


def test_the_warm_up_builds_what_the_catalog_page_reads(
    app: AppFactory, seeded_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(DB_URL_ENV, seeded_url)
    caplog.set_level(logging.DEBUG, logger="modelwatch.dashboard")
    serve.warm_in_background().join(timeout=60)
    assert any("catalog read ahead of the first visit" in r.message for r in caplog.records), caplog.text
    # The same objects a visit reads: the snapshot and its table, built once for every session.
    snap = context._reader(seeded_url, None).snapshot()
    frame = context._catalog_frame(seeded_url, None, snap.version, snap)
    assert len(frame) == len(snap.active) > 0
    assert context._catalog_frame(seeded_url, None, snap.version, snap) is frame
    at = app(seeded_url)
    assert not at.exception and len(at.dataframe[0].value) == len(frame)


def test_a_store_without_the_schema_is_left_to_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'nothing.db'}"
    monkeypatch.setenv(DB_URL_ENV, url)
    serve.warm_in_background().join(timeout=60)
    warnings = [r.getMessage() for r in caplog.records if r.name == "modelwatch.dashboard"]
    assert len(warnings) == 1 and "not read ahead" in warnings[0] and "db upgrade" in warnings[0], warnings
    engine = make_engine(url, create=False, check=False)
    assert inspect(engine).get_table_names() == []
    engine.dispose()
