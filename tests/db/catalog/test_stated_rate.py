"""A provider's stated rate of its credits to USD is kept with its prices (issue 13.3): stored on the
price period, carried by the snapshot, unchanged on a re-crawl, and a changed rate is a new period with
an ``endpoint_changed`` of field ``usd_rate``, not a price change (real SQLite file, and PostgreSQL where
CI provides it)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal as D
from typing import Any

from sqlmodel import Session, col, select

from db.catalog.crawled import Pricing
from db.catalog.snapshot import load_snapshot
from db.models import PricePeriod
from tests.db.catalog.test_ingest import T0, changes, crawl, endpoint


def credits(rate: str | None, output: str = "0.8") -> Any:
    pricing = Pricing(
        input=D("0.4"), output=D(output), currency="credits", usd_rate=None if rate is None else D(rate)
    )
    return endpoint("EigenAI", tag=None, pricing=pricing)


def test_stated_rate_is_stored_carried_and_a_change_is_not_a_price_change(engine: Any) -> None:
    crawl(engine, [credits("1.00")], at=T0)
    (state,) = load_snapshot(engine=engine, now=T0).active
    assert state.prices is not None and (state.prices.currency, state.prices.usd_rate) == ("credits", D(1))
    t1, t2 = T0 + timedelta(hours=6), T0 + timedelta(days=1)
    assert crawl(engine, [credits("1")], at=t1).price_rows == 0  # the same rate: no new period
    assert crawl(engine, [credits("0.01")], at=t2).price_rows == 1
    with Session(engine) as s:
        periods = list(s.exec(select(PricePeriod).order_by(col(PricePeriod.valid_from))))
    assert [(p.usd_rate, p.input, p.valid_to) for p in periods] == [
        (D(1), D("0.4"), t2),
        (D("0.01"), D("0.4"), None),
    ]
    assert [(c.kind, c.field, c.old, c.new) for c in changes(engine)] == [
        ("endpoint_changed", "usd_rate", "1", "0.01")
    ]
    (state,) = load_snapshot(engine=engine, now=t2).active
    assert state.prices is not None and state.prices.usd_rate == D("0.01")


def test_no_stated_rate_is_null_and_a_page_that_stops_stating_it_says_so(engine: Any) -> None:
    crawl(engine, [credits(None)], at=T0)
    (state,) = load_snapshot(engine=engine, now=T0).active
    assert state.prices is not None and state.prices.usd_rate is None
    crawl(engine, [credits("0.5", output="0.9")], at=T0 + timedelta(days=1))
    crawl(engine, [credits(None, output="0.9")], at=T0 + timedelta(days=2))
    assert [(c.kind, c.field, c.old, c.new) for c in changes(engine)] == [
        ("price_up", "output", "0.8", "0.9"),
        ("endpoint_changed", "usd_rate", None, "0.5"),
        ("endpoint_changed", "usd_rate", "0.5", None),
    ]
