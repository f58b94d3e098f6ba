"""What every page shares: the database URL, one engine and one catalog snapshot per process, freshness.

The entry script (`dashboard/app.py`) puts the database URL in the session (`use_database`); pages
read it back with `db_url()`. Engines and the `CatalogReader` are cached per URL for the whole
process (`st.cache_resource`), so a rerun costs the store one version query at most every few seconds.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st
from sqlalchemy.engine import Engine

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
