"""Endpoints a crawl saw but could not read whole: a known one that lost its price is a changed layout.

A pricing page that still lists a model but no longer shows its price (a column gone, a cell now an
image, "Contact us") gives an `Unread` for it instead of an endpoint. Nothing of it is written: its
price period, revision and last values stay as they were, and it is never marked removed. When the
store has it as an active endpoint of the source, the page's layout changed under a price we knew: one
`layout_changed` parser problem per page, naming the models, which raises `parser_broken` while it lasts
(`db.catalog.problems`) and makes the run partial, so nothing is removed. A model the store never had
is left at the spider's warning.
"""

from __future__ import annotations

from sqlalchemy import select

from db.catalog.batch import IngestBatch, chunks
from db.catalog.crawled import CrawlResult, Problem
from db.models import Endpoint, table


def lost_values(batch: IngestBatch, result: CrawlResult) -> list[Problem]:
    """One parser problem per page for the known, active endpoints among `result.unread`."""
    if not result.unread:
        return []
    t = table(Endpoint)
    known: set[str] = set()
    for chunk in chunks(sorted({item.key for item in result.unread})):
        known.update(
            batch.s.execute(
                select(t.c.key).where(
                    t.c.source == batch.source, t.c.key.in_(chunk), t.c.removed_at.is_(None)
                )
            ).scalars()
        )
    by_page: dict[tuple[str, str], list[str]] = {}
    for item in result.unread:
        if item.key in known:
            by_page.setdefault((item.url, item.reason), []).append(repr(item.label))
    return [
        Problem(
            kind="layout_changed",
            url=url,
            message=f"model page layout changed: {reason} for {', '.join(labels)}; "
            "their last known values are kept",
            parser=True,
        )
        for (url, reason), labels in by_page.items()
    ]
