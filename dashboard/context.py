"""What every page shares: the database URL, one engine and one catalog snapshot per process, freshness.

The entry script (`dashboard/app.py`) puts the database URL in the session (`use_database`); pages
read it back with `db_url()`. Engines and the `CatalogReader` are cached per URL for the whole
process (`st.cache_resource`), so a rerun costs the store one version query at most every few seconds.
The catalog page's table (`catalog_frame`) is built once per snapshot version and shared by every session
too. `warm` builds both before the first visit (`dashboard/serve.py` calls it at the process's start).
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine

from dashboard.frames import catalog_rows
from db.catalog.reader import CatalogReader
from db.catalog.snapshot import CatalogSnapshot
from db.engine import make_engine
from db.probes.uptime import dashboard_health
from db.types import utcnow

_URL_KEY = "modelwatch_db_url"
NOW_KEY = "modelwatch_now"
#: How often the catalog snapshot is checked against the store.
REFRESH_S = 5.0


def use_database(url: str) -> None:
    """Make `url` the database of this session's pages."""
    st.session_state[_URL_KEY] = url


def db_url() -> str:
    url = st.session_state.get(_URL_KEY)
    if not url:
        raise RuntimeError("no database: run the dashboard through dashboard/app.py")
    return str(url)


@st.cache_resource(show_spinner=False)
def engine_for(url: str) -> Engine:
    # A reader: the schema must be there already (a `SchemaError` names the command to run).
    return make_engine(url, create=False)


@st.cache_resource(show_spinner=False)
def _reader(url: str, frozen: datetime | None) -> CatalogReader:
    # In the background after the first build: a rebuild never holds up a page.
    clock = utcnow if frozen is None else (lambda: frozen)
    return CatalogReader(
        engine_for(url), refresh_s=REFRESH_S, background=True, now=clock, health=dashboard_health
    )


@st.cache_resource(show_spinner=False, max_entries=4)
def _catalog_frame(
    url: str, frozen: datetime | None, version: object, _snap: CatalogSnapshot
) -> pd.DataFrame:
    # Keyed by the snapshot's version: rebuilt (about 0.4 s for 7,900 endpoints) only when the store moved.
    return catalog_rows(_snap)


def catalog_frame(snap: CatalogSnapshot) -> pd.DataFrame:
    """`catalog_rows(snap)`, shared by every session (never modify it: filter and sort into a copy)."""
    return _catalog_frame(db_url(), _frozen(), snap.version, snap)


def warm(url: str) -> None:
    """Read the catalog snapshot of `url` and build the catalog page's table into the process-wide
    caches, as a visitor's first script run would (without a session: the clock is not frozen)."""
    snap = _reader(url, None).snapshot()
    _catalog_frame(url, None, snap.version, snap)


def engine() -> Engine:
    return engine_for(db_url())


def snapshot() -> CatalogSnapshot:
    return _reader(db_url(), _frozen()).snapshot()


def _frozen() -> datetime | None:
    at = st.session_state.get(NOW_KEY)
    return at if isinstance(at, datetime) else None


def now() -> datetime:
    """The time the pages show data up to: the clock, or the session's ``NOW_KEY`` when a test or a
    benchmark sets one (its data ends at a fixed time)."""
    return _frozen() or utcnow()
