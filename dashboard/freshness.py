"""The line every page starts with: when data was last crawled and probed; a failed crawl, plainly;
and, on an empty database, how to fill it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import streamlit as st

from dashboard import context
from dashboard.text import ago, md, stamp
from db.catalog.runs import run_status
from db.catalog.snapshot import CatalogSnapshot
from db.errors import DatabaseError
from db.probes.uptime import last_probe_at

FAILED = ("failed", "interrupted")


@dataclass(frozen=True)
class Run:
    source: str
    started: datetime
    finished: datetime | None
    status: str  # running, ok, partial, failed, interrupted
    message: str | None
    endpoints: int


@dataclass(frozen=True)
class Freshness:
    """The latest run of each source, and when the newest probe sample was taken."""

    runs: tuple[Run, ...]
    probed: datetime | None

    @property
    def crawled(self) -> datetime | None:
        finished = [run.finished for run in self.runs if run.finished is not None]
        return max(finished) if finished else None


@st.cache_data(ttl=context.REFRESH_S, show_spinner=False)
def load(url: str) -> Freshness:
    engine = context.engine_for(url)
    runs = tuple(
        Run(r.source, r.started, r.finished, r.status, r.message, r.endpoints_seen)
        for r in run_status(engine=engine)
    )
    return Freshness(runs=runs, probed=last_probe_at(engine=engine))


def show(fresh: Freshness, now: datetime) -> None:
    """One caption line, then an error box per source whose last crawl failed."""
    parts = [f"last crawled {ago(fresh.crawled, now)} ({stamp(fresh.crawled)})"]
    parts.append(f"last probed {ago(fresh.probed, now)} ({stamp(fresh.probed)})")
    sources = ", ".join(f"{md(r.source)}: {md(r.status)}" for r in fresh.runs)
    if sources:
        parts.append(f"sources: {sources}")
    st.caption(" · ".join(parts))
    for run in fresh.runs:
        when = stamp(run.finished or run.started)
        why = f": {md(run.message)}" if run.message else ""
        if run.status in FAILED:
            st.error(
                f"The last crawl of **{md(run.source)}** {md(run.status)} at {when}{why}. "
                "The catalog shows what the previous successful crawl found.",
                icon=":material/error:",
            )
        elif run.status == "partial":
            st.warning(
                f"The last crawl of **{md(run.source)}** was partial at {when}{why}.",
                icon=":material/warning:",
            )


EMPTY_HELP = """
**The database is empty.** Nothing has been crawled into it yet. To fill it:

- `modelwatch crawl` crawls the sources of `modelwatch.toml` once (OpenRouter and the configured model
  pages; needs internet access);
- `modelwatch run` (or `make run`) keeps crawling and probing on schedule, with this dashboard beside it;
- `modelwatch demo --serve` (or `make demo`) fills a demo database offline from the bundled provider
  replica and shows it here.

Run them with the same `--db` (or `MODELWATCH_DB_URL`) as this dashboard, then reload the page.
"""


def show_empty() -> None:
    st.info(EMPTY_HELP, icon=":material/inbox:")


def page(title: str) -> CatalogSnapshot | None:
    """A page's head: its title, when data was last crawled and probed, and the catalog snapshot; None
    (after saying how to fill it) when the database has no active endpoint."""
    st.title(title)
    try:
        snap = context.snapshot()
    except DatabaseError as exc:  # no schema, an older or a newer one: the reader never migrates
        st.error(str(exc))
        return None
    show(load(context.db_url()), context.now())
    if not snap.active:
        show_empty()
        return None
    return snap
