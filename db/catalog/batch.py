"""One ingest's working state: its session, time and report, and the history rows waiting to be written.

The catalog is written with Core statements on the tables, not ORM objects: building and flushing an
ORM object per row cost several times what the database itself does, and the catalog is a few thousand
rows per run. History rows are collected and written in one bulk INSERT per table at the end; the ids
of open rows to close (price periods, revisions) or extend (stats) are collected and updated in chunks.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import update
from sqlmodel import Session

from db.bulk import insert_rows
from db.catalog.report import IngestReport
from db.models import Change, EndpointRevision, PricePeriod, ReportedStat, table

_T = TypeVar("_T")
_CHUNK = 500
_CHANGE_OPTIONAL = ("endpoint_id", "model", "provider", "field", "old", "new", "percent", "subject")


def chunks(ids: list[_T]) -> list[list[_T]]:
    """`ids` in pieces small enough for one IN list."""
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


class IngestBatch:
    """What one ingest writes, gathered in one transaction's session until `write_pending`."""

    def __init__(
        self, session: Session, *, run_id: int, source: str, now: datetime, authority: int = 0
    ) -> None:
        self.s = session
        self.source = source
        #: the source's rank of authority (0 first: a provider's own API or page; `db.catalog.observations`)
        self.authority = authority
        #: whether this crawl added canonical models or changed what matches them (a Hugging Face id):
        #: only then can a provisional model match now (`db.catalog.rematch`)
        self.targets_moved = False
        self.now = now
        self.report = IngestReport(run_id=run_id, source=source, status="running")
        # History rows are collected and written in one bulk INSERT per table at the end: an ORM
        # object and a flush per row cost ten times more than the database itself.
        self.pending: dict[type, list[dict[str, Any]]] = {
            PricePeriod: [],
            EndpointRevision: [],
            ReportedStat: [],
            Change: [],
        }
        # Ids of open rows to close (price periods, revisions) or extend (stats) in bulk.
        self.closed: dict[type, list[int]] = {PricePeriod: [], EndpointRevision: [], ReportedStat: []}

    @property
    def run_id(self) -> int:
        return self.report.run_id

    def change(self, kind: str, **values: Any) -> None:
        """Queue one `Change` of this run."""
        row = dict.fromkeys(_CHANGE_OPTIONAL)
        row.update(values, at=self.now, kind=kind, source=self.source, run_id=self.report.run_id)
        self.pending[Change].append(row)
        self.report.change_rows += 1

    def touch(self, table: Any, column: Any, ids: list[int]) -> None:
        """Set `column` to now on the rows `ids`: one UPDATE per chunk instead of one per row."""
        for chunk in chunks(ids):
            self.s.execute(update(table).where(table.c.id.in_(chunk)).values({column: self.now}))

    def write_pending(self) -> None:
        """Flush the ORM objects, then write every queued history row."""
        self.s.flush()  # ORM objects first (problems, parser states), then the bulk inserts
        for entity, rows in self.pending.items():
            if rows:
                # the Core table, not the ORM entity: one executemany, not a statement per key set
                insert_rows(self.s, table(entity), rows)
            rows.clear()
