"""Change detection people can act on: float noise is never a price change (issue 12.5).

Table-driven rows for `Pricing`'s cleaning and `diff_pricing`; a store written before prices were cleaned
re-crawled with the clean twins (real SQLite file, and PostgreSQL where CI provides it); and the two real
OpenRouter catalog snapshots, whose price changes are counted here independently of the product's code.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_EVEN
from decimal import Decimal as D
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import Session, col, select

from crawler.extract.openrouter_pricing import PRICE_KEYS, parse_pricing
from crawler.extract.prices import per_million
from db.catalog.changes import PRICE_DOWN, PRICE_UP, diff_pricing, percent_change, pricing_values
from db.catalog.crawled import CrawlResult, EndpointIn, ModelIn, Pricing
from db.catalog.ingest import ingest_run
from db.catalog.runs import start_run
from db.models import Change, PricePeriod
from tests.conftest import shared_path

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
MODEL = "google/gemini-2.5-flash"
NOISY = "0.08333333333333334"  # Google's cache_write per 1M as OpenRouter's float gives it
CLEAN = "0.0833333333333333"  # the same price from the held-out snapshot


def test_pricing_is_cleaned_on_construction_overrides_too() -> None:
    pricing = Pricing(
        input=D("0.30000000000000004"),
        output=D("2.5"),
        cache_write=D(NOISY),
        request=D(0),
        discount=D("0.25000000000000001"),
        overrides=[
            {
                "min_prompt_tokens": 200000,
                "input": "2.9999900000000002",
                "output": "x",
                "note": "0.1234567890123456789",
            },
            {"tier": {"cache_write": NOISY}},
        ],
    )
    assert (pricing.input, pricing.output, pricing.cache_write, pricing.request, pricing.discount) == (
        D("0.3"),
        D("2.5"),
        D(CLEAN),
        D(0),
        D("0.25"),
    )
    assert pricing.image is None  # not published stays None
    assert pricing.overrides == [
        # price strings cleaned; what is not a price (or not a number) kept as published
        {"min_prompt_tokens": 200000, "input": "2.99999", "output": "x", "note": "0.1234567890123456789"},
        {"tier": {"cache_write": CLEAN}},
    ]
    assert Pricing(cache_write=D(CLEAN)) == Pricing(cache_write=D(NOISY))


def test_every_source_path_gives_one_clean_price() -> None:
    # OpenRouter's per-token string times 1e6, exactly
    openrouter = parse_pricing({"input_cache_write": "0.00000008333333333333334"}, where="p")
    assert openrouter is not None and openrouter.cache_write == D(CLEAN)
    # a page's "$0.25 per 3K tokens" per 1M: exact to 28 digits, then a JSON number (a float) in the offer
    exact = per_million(D("0.25"), 3000)
    assert str(exact) == "83.33333333333333333333333333"
    through_float = D(repr(float(exact)))
    assert Pricing(input=exact) == Pricing(input=through_float) == Pricing(input=D("83.3333333333333"))


def values(**prices: str | None) -> dict[str, Any]:
    """A `pricing_values` dict as a stored period gives it: values not cleaned (a store from before)."""
    out: dict[str, Any] = {k: None if v is None else D(v) for k, v in prices.items() if k != "overrides"}
    out.setdefault("currency", "USD")
    return out


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # float noise: no change, whichever side carries it
        ({"cache_write": NOISY}, {"cache_write": CLEAN}, []),
        ({"cache_write": CLEAN}, {"cache_write": NOISY}, []),
        ({"input": str(D("2.9999900000000002e-06") * 10**6)}, {"input": "2.99999"}, []),
        ({"input": "0.08000000000000002"}, {"input": "0.08"}, []),
        ({"input": "0.45454545454545453"}, {"input": "0.4545454545454545"}, []),  # across a rounding tie
        ({"request": "0E-20"}, {"request": None}, []),  # a zero surcharge and none cost the same
        ({"discount": "0.25000000000000001"}, {"discount": "0.25"}, []),
        # real changes, however small, with a percent that never reads 0
        ({"input": "0.27"}, {"input": "0.270000000001"}, [(PRICE_UP, "0.27", "0.270000000001", 3.7e-10)]),
        ({"input": "0.3"}, {"input": "0.2999988"}, [(PRICE_DOWN, "0.3", "0.2999988", -0.0004)]),
        (
            {"cache_write": NOISY},
            {"cache_write": "0.0833333333333343"},  # the 14th significant digit
            [(PRICE_UP, CLEAN, "0.0833333333333343", 1.2e-12)],
        ),
        ({"input": "0.21"}, {"input": "0.27"}, [(PRICE_UP, "0.21", "0.27", 28.57)]),
        ({"output": "0.79"}, {"output": "0.5"}, [(PRICE_DOWN, "0.79", "0.5", -36.71)]),
    ],
)
def test_diff_pricing(old: dict[str, str], new: dict[str, str], expected: list[tuple[Any, ...]]) -> None:
    changes = diff_pricing(values(**old), values(**new))
    assert [(c.kind, c.old, c.new, c.percent) for c in changes] == expected
    # the crawl side as the product builds it (a cleaned `Pricing`) gives the same answer
    given: dict[str, Any] = {k: D(v) for k, v in new.items() if v is not None}
    crawled = Pricing(**given)
    assert [
        (c.kind, c.old, c.new, c.percent) for c in diff_pricing(values(**old), pricing_values(crawled))
    ] == (expected)


def test_diff_pricing_compares_overrides_cleaned() -> None:
    tier = {"min_prompt_tokens": 200000, "input": "2.9999900000000002"}
    old = {**values(input="1"), "overrides": [tier]}
    new = pricing_values(Pricing(input=D(1), overrides=[{"min_prompt_tokens": 200000, "input": "2.99999"}]))
    assert diff_pricing(old, new) == []
    moved = pricing_values(Pricing(input=D(1), overrides=[{"min_prompt_tokens": 200000, "input": "3.5"}]))
    assert [(c.field, c.new) for c in diff_pricing(old, moved)] == [
        ("overrides", '[{"input": "3.5", "min_prompt_tokens": 200000}]')
    ]


@pytest.mark.parametrize(
    ("old", "new", "percent"),
    [
        ("0.21", "0.27", 28.57),
        ("1", "1.0001", 0.01),
        ("1", "1.00004", 0.004),
        ("0.3", "0.2999988", -0.0004),
        ("1", "1.000000000000012", 1.2e-12),
        ("1", "1", 0.0),
        ("0", "1", None),
    ],
)
def test_percent_change(old: str, new: str, percent: float | None) -> None:
    assert percent_change(D(old), D(new)) == percent


# --- the store: a period written before cleaning, re-crawled with its clean twin ---------------------------


def _endpoint(pricing: Pricing) -> EndpointIn:
    return EndpointIn(
        provider="Google",
        model=MODEL,
        provider_model_id=MODEL,
        url="https://openrouter.ai/api/v1/chat/completions",
        tag="google-vertex",
        context_length=1048576,
        pricing=pricing,
    )


def _crawl(engine: Any, pricing: Pricing, *, at: datetime) -> Any:
    run_id = start_run(engine=engine, source="openrouter", started=at)
    result = CrawlResult(
        source="openrouter",
        started=at,
        finished=at,
        endpoints=[_endpoint(pricing)],
        models=[ModelIn(id=MODEL)],
    )
    return ingest_run(engine=engine, run_id=run_id, result=result, now=at)


def _count(engine: Any, table: Any) -> int:
    with Session(engine) as s:
        return int(s.exec(select(func.count()).select_from(table)).one())


def test_a_noisy_stored_price_recrawled_clean_writes_no_period_and_no_change(engine: Any) -> None:
    tiers = [{"min_prompt_tokens": 200000, "input": "2.9999900000000002", "cache_write": NOISY}]
    clean = Pricing(input=D("0.3"), output=D("2.5"), cache_write=D(CLEAN), overrides=tiers)
    _crawl(engine, clean, at=T0)
    # What a store written before prices were cleaned holds: the float's 16th and 17th digits.
    with Session(engine) as s:
        period = s.exec(select(PricePeriod)).one()
        period.cache_write = D(NOISY)
        period.input = D("0.30000000000000004")
        period.overrides = tiers
        s.add(period)
        s.commit()
    with Session(engine) as s:
        stored = s.exec(select(PricePeriod)).one()
    assert (stored.cache_write, stored.input) == (D(NOISY), D("0.30000000000000004"))
    assert stored.overrides == tiers

    report = _crawl(engine, clean, at=T0 + timedelta(hours=6))
    assert report.price_rows == 0
    assert _count(engine, PricePeriod) == 1 and _count(engine, Change) == 0

    # a real move in the 14th significant digit is still a change, with a percent that is not 0
    moved = Pricing(input=D("0.3"), output=D("2.5"), cache_write=D("0.0833333333333343"), overrides=tiers)
    report = _crawl(engine, moved, at=T0 + timedelta(hours=12))
    assert report.price_rows == 1
    with Session(engine) as s:
        (change,) = s.exec(select(Change)).all()
        periods = list(s.exec(select(PricePeriod).order_by(col(PricePeriod.valid_from))))
    assert (change.kind, change.field, change.old, change.new) == (
        "price_up",
        "cache_write",
        CLEAN,
        "0.0833333333333343",
    )
    assert change.percent is not None and 0 < change.percent < 1e-9
    assert periods[-1].cache_write == D("0.0833333333333343")


# --- two real OpenRouter snapshots: every price move is real and counted once -------------------------------


def _models(name: str) -> dict[str, dict[str, Any]]:
    data = json.loads(shared_path("fixtures", "openrouter", name).read_text())["data"]
    return {model["id"]: model for model in data}


def _published(value: Any, *, per_token: bool) -> D | None:
    """The fixture's price as a 15-digit decimal, computed here apart from the product's code."""
    if value is None:
        return None
    number = D(str(value))
    if number < 0:  # "-1": variable, not a price
        return None
    if per_token:
        number *= 10**6
    if number == 0:
        return D(0)
    # 15 significant digits through Decimal.quantize at the value's own exponent
    exponent = D(1).scaleb(number.adjusted() - 14)
    return number.quantize(exponent, rounding=ROUND_HALF_EVEN)


def test_openrouter_snapshots_price_moves_are_real_and_counted_once() -> None:
    before, after = _models("models-2025-12-02.json"), _models("models-2026-05-22.json")
    common = sorted(before.keys() & after.keys())
    moves = []
    for model in common:
        old = parse_pricing(before[model].get("pricing"), where=model)
        new = parse_pricing(after[model].get("pricing"), where=model)
        if old is None or new is None:
            continue
        moves += [
            c
            for c in diff_pricing(pricing_values(old), pricing_values(new))
            if c.kind in (PRICE_UP, PRICE_DOWN)
        ]
    for change in moves:
        assert change.old is not None
        # a percent on every move from a nonzero price (from 0 it is infinite: None)
        assert (change.percent is None) == (D(change.old) == 0), change
        assert change.percent != 0, change
    expected = 0
    for model in common:
        old_prices = before[model].get("pricing") or {}
        new_prices = after[model].get("pricing") or {}
        for key, (_field, per_token) in PRICE_KEYS.items():
            a = _published(old_prices.get(key), per_token=per_token)
            b = _published(new_prices.get(key), per_token=per_token)
            if a is not None and b is not None and a != b:
                expected += 1
    assert expected > 100  # the snapshots are months apart: many prices moved
    assert len(moves) == expected
