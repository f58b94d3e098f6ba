"""The recommender converts an offer in credits at the rate its provider's page states when the
configuration gives none, and says so; a configured rate wins; without either it is ranked apart
(issue 13.3). The store is written by the real ingest and read back by `load_snapshot`."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

from sqlalchemy.engine import Engine

from db.catalog.snapshot import load_snapshot
from db.recommend.constraints import Rates
from db.recommend.cost import Rate, Workload
from db.recommend.ranking import Job, recommend
from tests.api.seed import NOW, eigenai_offer, ingest, offer

MODEL = "deepseek-v31-terminus"
WORK = Workload(input_tokens=1000, output_tokens=1000, requests_per_day=100)


def seeded(engine: Engine, rate: str | None) -> None:
    eigen = eigenai_offer()
    assert eigen.pricing is not None
    stated = None if rate is None else D(rate)
    ingest(engine, [replace(eigen, pricing=replace(eigen.pricing, usd_rate=stated))], source="pages")
    usd = offer("Other", tag="other/fp8", price=("1.00", "1.00"), context=32768, p90=800, uptime=99.5)
    ingest(engine, [replace(usd, model=MODEL, provider_model_id=MODEL)])


def ranked(engine: Engine, rates: tuple[Rate, ...] = ()) -> list[tuple[str, str, D, tuple[str, ...]]]:
    job = Job(model=MODEL, workload=WORK, currency="USD", rates=Rates(rates))
    result = recommend(load_snapshot(engine=engine, now=NOW).active, job)
    assert result.excluded == []
    return [(r.endpoint.provider, r.cost.currency, r.cost.per_request, r.cost.notes) for r in result.ranked]


def test_the_pages_stated_rate_converts_and_the_answer_says_so(engine: Engine) -> None:
    seeded(engine, "0.01")
    # EigenAI: 0.4 + 2.0 credits per 1M, 1000 tokens each: 0.0024 credits at 0.01 USD = 0.000024 USD
    got = ranked(engine)
    assert [(p, c, cost) for p, c, cost, _ in got] == [
        ("EigenAI", "USD", D("0.000024")),
        ("Other", "USD", D("0.002")),
    ]
    assert "priced in credits at 0.01 USD, as the provider's page states" in got[0][3]


def test_a_configured_rate_wins_over_the_stated_one(engine: Engine) -> None:
    seeded(engine, "0.01")
    got = ranked(engine, (Rate("credits", D("1.0"), provider="EigenAI"),))
    assert [(p, c, cost) for p, c, cost, _ in got] == [
        ("Other", "USD", D("0.002")),
        ("EigenAI", "USD", D("0.0024")),
    ]
    notes = got[1][3]
    assert "priced in credits at 1.0 USD" in notes and not any("page states" in n for n in notes)


def test_no_rate_stated_or_configured_ranks_credits_apart(engine: Engine) -> None:
    seeded(engine, None)
    job = Job(model=MODEL, workload=WORK, currency="USD")
    result = recommend(load_snapshot(engine=engine, now=NOW).active, job)
    assert [r.endpoint.provider for r in result.ranked] == ["Other"]
    (eigen,) = result.excluded
    assert eigen.endpoint.provider == "EigenAI" and eigen.reason == "priced in credits, not USD"
