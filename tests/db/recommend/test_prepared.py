"""The recommender's fast path (facts prepared once per catalog, a cheap check before any reason is
written, reasons made when read) gives what the plain ranking gives: the same ranking, the same costs to
the last digit, the same notes, unrated indices, reasons and explanations, on a generated catalog of
varied endpoints (tiers, tiers not understood, credits with and without a rate, free variants, down and
degraded, probe and aggregator figures, quantizations, parameters, quality facts) for many jobs.

The plain ranking here is the recommender's rule written out the slow way: every endpoint's reasons
(`ranking._reasons`), the cost from `cost.price_tier` and the arithmetic of the module's docstring, the
order of `ranking._rank_key`.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from db.catalog.quality import AGENTIC, CODING, INTELLIGENCE, Quality
from db.catalog.snapshot import CatalogSnapshot
from db.catalog.state import EndpointState, Health, Prices, Reported
from db.recommend.constraints import QUANTIZATIONS
from db.recommend.cost import MILLION, Cost, Rate, Workload, in_usd, price_tier
from db.recommend.job import build_job, prepared_for, recommend_in
from db.recommend.ranking import (
    DEFAULT_CURRENCY,
    FREE_SUFFIX,
    Excluded,
    Job,
    Ranked,
    Recommendation,
    _Context,
    _notes,
    _rank_key,
    _reasons,
    _same_model,
    explained,
    figures_of,
    prepare,
    recommend,
)

NOW = datetime(2026, 5, 18, 12, tzinfo=UTC)
PROVIDERS = ("DeepInfra", "Novita", "Together", "Deep Infra", "EigenAI", "Chutes", "Fireworks", "Groq")
PARAMETERS = ("tools", "structured_outputs", "reasoning_effort", "thinking", "temperature", "top_k")


def plain_cost(prices: Prices, workload: Workload) -> Cost | None:
    tier, values, tier_notes = price_tier(prices, workload.input_tokens)
    if values["input"] is None or values["output"] is None:
        return None
    notes = list(tier_notes)
    cached, written = workload.cached_input_tokens, workload.cache_write_tokens
    read, write = values["cache_read"], values["cache_write"]
    if cached and read is None:
        read = values["input"]
        notes.append("no cache-read price published: cached tokens at the input price")
    if written and write is None:
        write = values["input"]
        notes.append("no cache-write price published: cache writes at the input price")
    parts = {
        "input": (workload.input_tokens - cached - written) * values["input"] / MILLION,
        "cache_read": cached * (read or 0) / MILLION,
        "cache_write": written * (write or 0) / MILLION,
        "output": workload.output_tokens * values["output"] / MILLION,
        "request": values["request"] or Decimal(0),
    }
    per_request = sum(parts.values(), Decimal(0))
    return Cost(
        per_request, per_request * workload.monthly_requests, prices.currency, tier, parts, tuple(notes)
    )


def plain(
    endpoints: list[EndpointState], job: Job, quality: Mapping[str, Mapping[str, Quality]]
) -> Recommendation:
    """Every endpoint's reasons written, every capable one priced, all sorted by `_rank_key`."""
    preferred = job.currency or DEFAULT_CURRENCY
    context = _Context(job)
    ranked, excluded = [], []
    for endpoint in endpoints:
        if job.model is not None and not _same_model(endpoint.model, job.model):
            continue
        facts = quality.get(endpoint.model) or quality.get(endpoint.model.removesuffix(FREE_SUFFIX), {})
        figures = figures_of(endpoint)
        reasons, unrated = _reasons(endpoint, job, figures, context, facts)
        cost = (
            plain_cost(endpoint.prices, job.workload) if endpoint.prices is not None and not reasons else None
        )
        if reasons or cost is None:
            excluded.append(Excluded(endpoint, reasons))
            continue
        rate = job.rates.of(cost.currency, endpoint.provider) if cost.currency != preferred == "USD" else None
        cost = in_usd(cost, rate) if rate is not None else cost
        notes = _notes(endpoint, figures, cost, preferred, job, unrated)
        ranked.append(Ranked(endpoint, cost, figures, notes, facts, unrated))
    ranked.sort(key=lambda r: _rank_key(r, preferred))
    excluded.sort(key=lambda e: (e.endpoint.label.casefold(), e.endpoint.id))
    result = Recommendation(job, ranked, excluded)
    return explained(result, range(len(ranked)))


def catalog(seed: int, size: int) -> tuple[list[EndpointState], dict[str, dict[str, Quality]]]:
    rng = random.Random(seed)
    models = [f"lab{i % 7}/model-{i}" for i in range(40)]
    quality: dict[str, dict[str, Quality]] = {}
    for model in models[::2]:
        names = rng.sample((INTELLIGENCE, CODING, AGENTIC), rng.randrange(1, 4))
        quality[model] = {
            name: Quality(name, float(rng.randrange(0, 80)), "artificial_analysis", "openrouter", NOW)
            for name in names
        }
    endpoints = []
    for i in range(size):
        model = rng.choice(models) + (FREE_SUFFIX if rng.random() < 0.1 else "")
        price = lambda: Decimal(rng.choice(("0", "0.1", "0.15", "0.2", "0.6", "1.25", "3", "15")))  # noqa: E731
        overrides: list[dict[str, object]] = []
        if rng.random() < 0.2:
            overrides.append(
                {"min_prompt_tokens": rng.choice((2000, 8000, 128000)), "input": "2.5", "output": "9"}
            )
        if rng.random() < 0.1:
            overrides.append({"condition": {"min_prompt_tokens": "16000"}, "input": "4"})
        if rng.random() < 0.05:
            overrides.append({"condition": "weekends", "input": "1"})
        prices = None
        if rng.random() < 0.95:
            prices = Prices(
                currency=rng.choice(("USD", "USD", "USD", "USD", "credits", "EUR")),
                since=NOW,
                input=price() if rng.random() < 0.95 else None,
                output=price(),
                cache_read=price() if rng.random() < 0.4 else None,
                cache_write=price() if rng.random() < 0.2 else None,
                request=Decimal("0.001") if rng.random() < 0.1 else None,
                overrides=tuple(overrides),
            )
        health = None
        if rng.random() < 0.5:
            health = Health(
                status=rng.choice(("up", "up", "down", "degraded", "unknown")),
                uptime={"7d": rng.choice((None, 90.0, 97.5, 99.9, 100.0))},
                ttft_p90_ms=rng.choice((None, 200.0, 800.0, 2500.0)),
                probe=rng.choice((None, "eu-1")),
            )
        reported = None
        if rng.random() < 0.6:
            reported = Reported(
                source="openrouter",
                at=NOW,
                uptime_1d=rng.choice((None, 95.0, 99.0)),
                latency_30m=rng.choice((None, {"p90": rng.choice((300.0, 900.0, 4000.0))}, {"p50": 100.0})),
            )
        endpoints.append(
            EndpointState(
                id=i + 1,
                provider=rng.choice(PROVIDERS),
                model=model,
                provider_model_id=model,
                source="openrouter",
                url="https://example.test/v1",
                protocol="openai",
                currency=prices.currency if prices is not None else "USD",
                first_seen=NOW,
                last_seen=NOW,
                tag=rng.choice((None, "fp8", "turbo", "Turbo")),
                quantization=rng.choice((None, "unknown", *QUANTIZATIONS)),
                context_length=rng.choice((None, 8192, 32768, 131072)),
                max_output_tokens=rng.choice((None, 1024, 8192)),
                max_prompt_tokens=rng.choice((None, 4096, 100000)),
                parameters=tuple(rng.sample(PARAMETERS, rng.randrange(0, 5))),
                prices=prices,
                reported=reported,
                health=health,
            )
        )
    return endpoints, quality


def jobs(seed: int, models: list[str]) -> list[Job]:
    rng = random.Random(seed)
    found = []
    for _ in range(40):
        prompt = rng.randrange(100, 30000)
        found.append(
            build_job(
                model=rng.choice((None, None, rng.choice(models))),
                input_tokens=prompt,
                output_tokens=rng.randrange(10, 4000),
                requests_per_day=rng.randrange(0, 5000),
                cached_input_tokens=rng.choice((0, prompt // 3)),
                cache_write_tokens=rng.choice((0, prompt // 4)),
                requests_per_month=rng.choice((None, 0, 123_457)),
                min_context=rng.choice((None, 8000, 100000)),
                parameters=rng.choice(((), ("tools",), ("reasoning",), ("tools", "structured_outputs"))),
                max_ttft_ms=rng.choice((None, 1000.0)),
                min_uptime=rng.choice((None, 97.0)),
                quantizations=rng.choice(((), ("fp8", "BF16"))),
                include_free=rng.random() < 0.3,
                currency=rng.choice((None, None, "USD", "credits")),
                min_intelligence=rng.choice((None, 30.0)),
                min_coding=rng.choice((None, 20.0)),
                min_agentic=rng.choice((None, 10.0)),
                include_unrated=rng.random() < 0.5,
                min_quantization=rng.choice((None, "fp8", "int4")),
                only_providers=rng.choice(((), ("deepinfra", "Novita"))),
                exclude_providers=rng.choice(((), ("Together",))),
                rates=rng.choice(
                    ((), (Rate("credits", Decimal("0.9"), "EigenAI"), Rate("EUR", Decimal("1.1"))))
                ),
            )
        )
    return found


def same(fast: Recommendation, slow: Recommendation) -> None:
    assert [r.endpoint.id for r in fast.ranked] == [r.endpoint.id for r in slow.ranked]
    for mine, theirs in zip(fast.ranked, slow.ranked, strict=True):
        assert mine == theirs
        assert dict(mine.quality) == dict(theirs.quality)
        for name in ("per_request", "per_month"):  # the same digits, not only an equal value
            assert str(getattr(mine.cost, name)) == str(getattr(theirs.cost, name))
        assert {k: str(v) for k, v in mine.cost.parts.items()} == {
            k: str(v) for k, v in theirs.cost.parts.items()
        }
    assert [(x.endpoint.id, x.reasons) for x in fast.excluded] == [
        (x.endpoint.id, x.reasons) for x in slow.excluded
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fast_path_gives_the_plain_ranking(seed: int) -> None:
    endpoints, quality = catalog(seed, 600)
    prepared = prepare(endpoints, lambda model: quality.get(model, {}))
    models = sorted({e.model for e in endpoints})
    kinds: set[str] = set()
    for job in jobs(seed, models):
        slow = plain(endpoints, job, quality)
        fast = recommend(endpoints, job, lambda model: quality.get(model, {}), prepared=prepared)
        same(fast, slow)
        lazy = recommend(
            endpoints, job, lambda model: quality.get(model, {}), explain_all=False, prepared=prepared
        )
        same(explained(lazy, range(len(lazy.ranked))), slow)
        kinds.update(r.code for x in slow.excluded for r in x.reasons)
        kinds.update("ranked" for _ in slow.ranked[:1])
        kinds.update("tier" for r in slow.ranked if r.cost.tier is not None)
        kinds.update("converted" for r in slow.ranked if r.cost.rate is not None)
    # the jobs reach every branch the fast check stands in for
    assert {
        "down",
        "unpriced",
        "currency",
        "free",
        "context",
        "max_output",
        "max_prompt",
        "parameters",
    } <= kinds
    assert {
        "quantization",
        "min_quantization",
        "only_providers",
        "exclude_providers",
        "min_intelligence",
    } <= kinds
    assert {"ttft", "uptime", "ranked", "tier", "converted"} <= kinds


def test_a_snapshot_prepares_once_and_a_changed_pool_is_prepared_anew() -> None:
    endpoints, quality = catalog(4, 200)
    models = sorted({e.model for e in endpoints})
    snapshot = CatalogSnapshot(version=(1,), endpoints=endpoints, models=(), taken_at=NOW)
    job = jobs(4, models)[0]
    first = recommend_in(snapshot, job)
    assert prepared_for(snapshot) is prepared_for(snapshot)
    same(recommend_in(snapshot, job), first)
    # rows of another catalog under the same ids are not judged on the prepared facts
    other = [replace(e, prices=None) for e in endpoints]
    left = recommend(other, job, prepared=prepared_for(snapshot))
    assert left.ranked == [] and all(
        x.reasons[0].code == "unpriced"
        for x in left.excluded
        if x.endpoint.health is None or x.endpoint.health.status != "down"
    )
