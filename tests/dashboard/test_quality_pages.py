"""Issue 13 on the dashboard, over a small hand-made store (two crawls of one source, a day apart): the
model page's quality facts labelled and dated, an earlier value kept apart, the same model at other
quantizations cheapest first with the unknown ones marked; and the Recommend page's quality constraints,
providers and currency rate on those offers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from db.catalog.crawled import CrawlResult, EndpointIn, ModelIn, Pricing, QualityFact
from db.catalog.ingest import ingest_run
from db.catalog.runs import start_run
from db.engine import make_engine
from tests.dashboard.conftest import AppFactory, ok

MODEL = "acme/reasoner-2"
WEAK = "acme/tiny-1"
SOURCE = "openrouter"  # the facts come through OpenRouter, as OpenRouter's `benchmarks` do
FIRST = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
SECOND = FIRST + timedelta(days=30)
AA, ARENA = "artificial_analysis", "design_arena"
# (provider, quantization, input, output, currency) per 1M tokens
OFFERS = (
    ("Bulkhost", "fp4", "0.20", "0.80", "USD"),
    ("Exacto", "bf16", "0.50", "1.50", "USD"),
    ("Mystery", None, "0.10", "0.70", "USD"),
    ("Oddbits", "fp5", "0.30", "0.90", "USD"),
    ("Precise", "fp8", "0.30", "1.00", "USD"),
    ("Tokenland", "fp8", "0.25", "0.75", "credits"),
)


def _crawl(engine_url: str, at: datetime, intelligence: float) -> None:
    engine = make_engine(engine_url)
    try:
        facts = (
            QualityFact(AA, "intelligence_index", intelligence),
            QualityFact(AA, "coding_index", 61.5),
            QualityFact(ARENA, "design_arena:website", 1240.0),
        )
        models = [
            ModelIn(id=MODEL, name="Acme Reasoner 2", quality=facts),
            ModelIn(id=WEAK, name="Acme Tiny 1", quality=(QualityFact(AA, "intelligence_index", 21.0),)),
        ]
        endpoints = [
            EndpointIn(
                provider=provider,
                model=MODEL,
                provider_model_id=f"{provider.lower()}/reasoner-2",
                url=f"https://api.{provider.lower()}.example/v1/chat/completions",
                context_length=131072,
                quantization=quantization,
                pricing=Pricing(input=Decimal(i), output=Decimal(o), currency=currency),
            )
            for provider, quantization, i, o, currency in OFFERS
        ]
        endpoints.append(
            EndpointIn(
                provider="Bulkhost",
                model=WEAK,
                provider_model_id="bulkhost/tiny-1",
                url="https://api.bulkhost.example/v1/chat/completions",
                context_length=32768,
                quantization="bf16",
                pricing=Pricing(input=Decimal("0.02"), output=Decimal("0.05")),
            )
        )
        result = CrawlResult(source=SOURCE, started=at, finished=at, models=models, endpoints=endpoints)
        ingest_run(
            engine=engine, run_id=start_run(engine=engine, source=SOURCE, started=at), result=result, now=at
        )
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def quality_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('quality') / 'quality.db'}"
    _crawl(url, FIRST, 58.0)
    _crawl(url, SECOND, 62.4)  # the index moved: the first value is history
    return url


def frame_with(at: AppTest, *columns: str) -> pd.DataFrame:
    """The first table showing every one of `columns`."""
    found = [f.value for f in at.dataframe if set(columns) <= set(f.value.columns)]
    assert found, (columns, [list(f.value.columns) for f in at.dataframe])
    return found[0]


def excluded(at: AppTest) -> list[Any]:
    return list(frame_with(at, "constraints", "reasons").itertuples())


def test_model_page_labels_and_dates_each_quality_fact(app: AppFactory, quality_url: str) -> None:
    at = ok(app(quality_url, "model", id=MODEL))
    assert "Quality" in [h.value for h in at.subheader]
    facts = frame_with(at, "measure", "value", "label")
    assert list(facts["measure"]) == ["intelligence index", "coding index", "Elo: website"]  # indices first
    assert list(facts["value"]) == [62.4, 61.5, 1240.0]  # the newer intelligence index
    labels = dict(zip(facts["measure"], facts["label"], strict=True))
    assert labels["intelligence index"] == "Artificial Analysis, via OpenRouter, since 2026-07-01"
    assert labels["coding index"] == "Artificial Analysis, via OpenRouter, since 2026-06-01"  # unchanged
    assert labels["Elo: website"] == "Design Arena, via OpenRouter, since 2026-06-01"
    earlier = [e for e in at.expander if e.label.startswith("Earlier values")]
    assert [e.label for e in earlier] == ["Earlier values (1)"]
    past = [f.value for f in at.dataframe if "label" in f.value.columns][1]  # the expander's, after
    assert list(past["value"]) == [58.0]
    assert past["label"].iloc[0] == "Artificial Analysis, via OpenRouter, since 2026-06-01, until 2026-07-01"


def test_model_page_same_model_other_quantization_cheapest_first(app: AppFactory, quality_url: str) -> None:
    at = ok(app(quality_url, "model", id=MODEL))
    assert "Same model, other quantization" in [h.value for h in at.subheader]
    table = frame_with(at, "quantization", "input /1M", "TTFT p90 ms")
    assert list(table["provider"]) == ["Mystery", "Bulkhost", "Oddbits", "Precise", "Exacto", "Tokenland"]
    assert list(table["quantization"]) == [
        "? not published",
        "fp4",
        "? fp5 (not in the order)",
        "fp8",
        "bf16",
        "fp8",
    ]
    assert list(table["input /1M"]) == [0.1, 0.2, 0.3, 0.3, 0.5, 0.25]  # credits last: they do not compare
    assert list(table["currency"])[-1] == "credits"
    said = " ".join(c.value for c in at.caption)
    assert "(2 of 6)" in said  # two unknown quantizations
    # what the cheapest gives up: against the cheapest at the best quantization published (bf16)
    assert "Cheapest: **Mystery** (? not published) at 0\\.1/0\\.7 USD" in said
    assert "cheapest at bf16, the best published here: **Exacto** at 0\\.5/1\\.5 USD" in said


def test_recommend_page_quality_quantization_providers_and_rate(app: AppFactory, quality_url: str) -> None:
    at = ok(app(quality_url, "recommend"))
    at.number_input(key="rec_min_intelligence").set_value(50.0)
    at.selectbox(key="rec_min_quantization").set_value("fp8")
    at.button[0].click().run()
    ok(at)
    ranked = frame_with(at, "#", "why")
    # fp8 or better; the unpublished and unknown quantizations allowed and marked; Tiny (21) left out
    assert list(ranked["endpoint"]) == ["Mystery", "Oddbits", "Precise", "Exacto", "Tokenland"]
    assert list(ranked["per month"]) == [24.0, 36.0, 39.0, 60.0, 30.0]  # (in + out) x 30,000 / 1M x 1,000
    assert list(ranked["currency"]) == ["USD", "USD", "USD", "USD", "credits"]
    assert list(ranked["intelligence"]) == [62.4] * 5
    assert "not known to be fp8 or better" in ranked.iloc[0]["notes"]
    assert ranked.iloc[0]["why"] == f"12 USD a month cheaper than Oddbits ({MODEL})"
    assert "ranked apart" in ranked.iloc[-1]["why"]
    left = {(row.model, row.endpoint): (row.constraints, row.reasons) for row in excluded(at)}
    assert left == {
        (MODEL, "Bulkhost"): ("min_quantization", "quantization fp4 below fp8"),
        (WEAK, "Bulkhost"): ("min_intelligence", "intelligence index 21 < 50 (artificial analysis)"),
    }

    # credits at a rate given on the page: ranked with the others, in USD
    at.number_input(key="rate_credits").set_value(2.0)
    at.multiselect(key="rec_exclude").set_value(["Mystery"])
    at.button[0].click().run()
    ok(at)
    ranked = frame_with(at, "#", "why")
    assert list(ranked["endpoint"]) == ["Oddbits", "Precise", "Exacto", "Tokenland"]
    assert list(ranked["per month"]) == [36.0, 39.0, 60.0, 60.0]  # (0.25 + 0.75) x 30 x 2.0 USD
    assert "priced in credits at 2.0 USD" in ranked.iloc[-1]["notes"]
    left = {(row.model, row.endpoint): row.constraints for row in excluded(at)}
    assert left[(MODEL, "Mystery")] == "exclude_providers"
    assert any(
        "credits at 2\\.0 USD" in m.value and "intelligence index ≥ 50" in m.value for m in at.markdown
    )


def test_recommend_page_unrated_kept_and_marked(app: AppFactory, quality_url: str) -> None:
    at = ok(app(quality_url, "recommend"))
    at.number_input(key="rec_min_agentic").set_value(40.0)  # no model here has an agentic index
    at.button[0].click().run()
    ok(at)
    assert any("No endpoint can do this job" in w.value for w in at.warning)
    at.checkbox(key="rec_unrated").check()
    at.button[0].click().run()
    ok(at)
    ranked = frame_with(at, "#", "why")
    assert len(ranked) == 7
    assert all("unrated: no agentic index published (kept: include_unrated)" in n for n in ranked["notes"])


def test_recommend_page_an_impossible_job_names_the_parameter(app: AppFactory, quality_url: str) -> None:
    at = ok(app(quality_url, "recommend"))
    at.number_input(key="rec_cached").set_value(5000)  # more than the 1,000 input tokens
    at.button[0].click().run()
    ok(at)
    (error,) = at.error
    shown = error.value.replace("\\", "")  # as the reader sees it (markdown escapes removed)
    assert shown == (
        "**cached_input_tokens**: cached_input_tokens + cache_write_tokens must not exceed input_tokens "
        "(5000 + 0 > 1000)"
    )
    assert not at.dataframe


def test_recommend_page_takes_the_configured_rate(
    app: AppFactory, quality_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`[currencies]` reaches the page through the environment `modelwatch run`/`dashboard` give it."""
    from db.recommend.cost import RATES_ENV, Rate, rates_text

    monkeypatch.setenv(RATES_ENV, rates_text([Rate("credits", Decimal("0.5"))]))
    at = ok(app(quality_url, "recommend"))
    assert at.number_input(key="rate_credits").value == 0.5
    at.button[0].click().run()
    ok(at)
    ranked = frame_with(at, "#", "why")
    tokenland = ranked[ranked["endpoint"] == "Tokenland"].iloc[0]
    assert tokenland["currency"] == "USD" and "priced in credits at 0.5 USD" in tokenland["notes"]
