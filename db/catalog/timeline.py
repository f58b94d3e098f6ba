"""The catalog's history, read on demand one indexed query per page: change events, price periods."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db.models import Change, PricePeriod, table


def list_changes(
    *,
    engine: Engine,
    since: datetime | None = None,
    kinds: Sequence[str] = (),
    model: str | None = None,
    provider: str | None = None,
    limit: int = 100,
    offset: int = 0,
    newest_first: bool = False,
) -> tuple[list[Change], int]:
    """One page of change events (oldest first unless `newest_first`) and how many match."""
    c = table(Change)
    conditions = []
    if since is not None:
        conditions.append(c.c.at >= since)
    if kinds:
        conditions.append(c.c.kind.in_(list(kinds)))
    if model is not None:
        conditions.append(c.c.model == model)
    if provider is not None:
        conditions.append(func.lower(c.c.provider) == provider.lower())
    order = (c.c.at.desc(), c.c.id.desc()) if newest_first else (c.c.at, c.c.id)
    with Session(engine) as session:
        total = session.execute(select(func.count()).select_from(c).where(*conditions)).scalar_one()
        query = select(Change).where(*conditions).order_by(*order).limit(limit).offset(offset)
        rows = list(session.execute(query).scalars())
    return rows, int(total)


def price_periods(*, engine: Engine, endpoint_id: int) -> list[PricePeriod]:
    """An endpoint's price periods, oldest first."""
    with Session(engine) as session:
        query = select(PricePeriod).where(table(PricePeriod).c.endpoint_id == endpoint_id)
        return list(session.execute(query.order_by(table(PricePeriod).c.valid_from)).scalars())
