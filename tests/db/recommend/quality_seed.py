"""A small catalog for issue 13's question: "the cheapest endpoint with an intelligence index of at least 50,
fp8 or better, for 20,000-token prompts of which 12,000 are read from cache" (500 output tokens, 1,000
requests a day: 30,000 a month). Written through the real ingest, benchmark facts and all.

Each endpoint's cost of one request, by hand (prices per 1M tokens; 8,000 uncached input tokens at the
input price, 12,000 cached at the cache-read price, or at the input price where none is published):

    endpoint             model (intelligence)  quant in / out / cache read per request            month
    DeepInfra [mid/fp8]  mid/fifty (50)        fp8   0.60 / 2.40 / 0.30    .0048+.0036+.0012=.0096   288.00
    Novita               big/frontier (62)     -     0.90 / 3.00 / 0.09    .0072+.00108+.0015        293.40
    Together [big/fp8]   big/frontier          fp8   0.45 / 3.00 / -       20,000 x .45: .009+.0015  315.00
    Fireworks [big/fp8]  big/frontier          fp8   1.00 / 3.00 / 0.10    .008+.0012+.0015=.0107    321.00
    Parasail [big/fp8]   big/frontier          fp8   0.30 / 1.00 / 0.03; from 16,000 prompt tokens
                                                     1.50 / 4.00 / 0.15    .012+.0018+.002=.0158     474.00
    Baseten [big/bf16]   big/frontier          bf16  1.20 / 2.00 / -       .024+.001=.025            750.00
    Chutes [big/fp4]     big/frontier          fp4   0.50 / 1.50 / 0.05    .004+.0006+.00075      160.50 fp4
    NemoHost [nemo/fp8]  small/nemo (20)       fp8   0.02 / 0.04 / -       .0004+.00002           12.60 (20)
    Anon [anon/fp8]      anon/unrated (none)   fp8   0.10 / 0.10 / -       .002+.00005=.00205     61.50 none
    EigenAI              big/frontier          fp8   0.20 / 0.80 / - cr.   .004+.0004=.0044 cr.   132.00 cr.

So the answer is DeepInfra (288.00), then Novita (quantization unknown: allowed and marked), Together,
Fireworks, Parasail (its tier from 16,000 prompt tokens applies), Baseten (bf16 is better than fp8), then
EigenAI apart (credits, no rate); Chutes, NemoHost and Anon are left out. Without the cache, Together
(0.0105) would beat DeepInfra (0.0132). With credits at 1.0 USD, EigenAI (132.00 USD) comes first.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from db.catalog.crawled import ModelIn, QualityFact
from tests.api.seed import T0, ingest, offer

BIG, MID, NEMO, ANON = "big/frontier", "mid/fifty", "small/nemo", "anon/unrated"
AA = "artificial_analysis"
QUESTION = {
    "input_tokens": 20000,
    "cached_input_tokens": 12000,
    "output_tokens": 500,
    "requests_per_day": 1000,
    "min_intelligence": 50,
    "min_quantization": "fp8",
}
EXPECTED = ["DeepInfra", "Novita", "Together", "Fireworks", "Parasail", "Baseten", "EigenAI"]
EXPECTED_MONTH = [288.0, 293.4, 315.0, 321.0, 474.0, 750.0, 132.0]
TIER = [{"min_prompt_tokens": 16000, "input": "1.50", "output": "4.00", "cache_read": "0.15"}]


def _facts(intelligence: float, coding: float | None = None) -> tuple[QualityFact, ...]:
    facts = [QualityFact(AA, "intelligence_index", intelligence)]
    if coding is not None:
        facts.append(QualityFact(AA, "coding_index", coding))
    return (*facts, QualityFact("design_arena", "design_arena:website", 1100.0 + intelligence))


MODELS = [
    ModelIn(id=BIG, name="Big Frontier", quality=_facts(62, 70)),
    ModelIn(id=MID, name="Mid Fifty", quality=_facts(50, 45)),
    ModelIn(id=NEMO, name="Small Nemo", quality=_facts(20)),
    ModelIn(id=ANON, name="Anon Unrated", quality=()),
]


def seed_quality(engine: Engine) -> None:
    """The catalog above: one OpenRouter crawl with the models' benchmark facts, and EigenAI's page."""
    endpoints = [
        offer("DeepInfra", tag="mid/fp8", model=MID, price=("0.60", "2.40"), cache_read="0.30", p90=2000),
        offer("Novita", model=BIG, quant=None, price=("0.90", "3.00"), cache_read="0.09"),
        offer("Together", tag="big/fp8", model=BIG, price=("0.45", "3.00"), p90=900),
        offer("Fireworks", tag="big/fp8", model=BIG, price=("1.00", "3.00"), cache_read="0.10", p90=1000),
        offer(
            "Parasail",
            tag="big/fp8",
            model=BIG,
            price=("0.30", "1.00"),
            cache_read="0.03",
            overrides=TIER,
            p90=400,
        ),
        offer("Baseten", tag="big/bf16", model=BIG, quant="bf16", price=("1.20", "2.00"), p90=300),
        offer("Chutes", tag="big/fp4", model=BIG, quant="fp4", price=("0.50", "1.50"), cache_read="0.05"),
        offer("NemoHost", tag="nemo/fp8", model=NEMO, price=("0.02", "0.04")),
        offer("Anon", tag="anon/fp8", model=ANON, price=("0.10", "0.10")),
    ]
    ingest(engine, endpoints, models=MODELS, at=T0)
    credits = offer(
        "EigenAI",
        model=BIG,
        price=("0.20", "0.80"),
        currency="credits",
        url="https://app.eigenai.com/api/v1/generate/stream",
        protocol="eigenai",
    )
    ingest(engine, [credits], source="eigenai", models=[ModelIn(id=BIG)], at=T0)
