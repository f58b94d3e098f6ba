"""The recommender, table-driven on a seeded store (SQLite and PostgreSQL), and the cost of a request.

The store is written by the real ingest; the catalog is read back by
`db.catalog.snapshot.load_snapshot`; the ranking is `db.recommend.ranking.recommend`. One case per
row: the job, the ranking expected (by label) and the exclusion codes expected per endpoint.
"""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from db.catalog.snapshot import CatalogSnapshot, load_snapshot
from db.catalog.state import Prices
from db.recommend.cost import Workload, price_tier, request_cost
from db.recommend.ranking import Job, recommend
from tests.api.seed import NOW, TIERS, eigenai_offer, ingest, ingest_fixtures, seed
from tests.conftest import shared_path

TERMINUS = "deepseek/deepseek-v3.1-terminus"
ALIASES = {"deepseek-v31-terminus": TERMINUS}


@pytest.fixture
def snapshot(engine: Engine) -> CatalogSnapshot:
    seed(engine)
    return load_snapshot(engine=engine, now=NOW)


def labels(snapshot: CatalogSnapshot, job: Job) -> tuple[list[str], dict[str, set[str]]]:
    result = recommend(snapshot.active, job)
    return (
        [r.endpoint.label for r in result.ranked],
        {e.endpoint.label: {r.code for r in e.reasons} for e in result.excluded},
    )


TIES = [
    "TieSteady [tie-steady/fp8]",
    "TieFast [tie-fast/fp8]",
    "TieSlow [tie-slow/fp8]",
    "TieBlind [tie-blind/fp8]",
]
BASE_EXCLUDED = {
    "Down [down/fp8]": {"down"},
    "Unpriced [unpriced]": {"unpriced"},
    "Gratis": {"free"},
}

CASES: list[tuple[str, dict[str, Any], list[str], dict[str, set[str]]]] = [
    (
        "default workload: cheapest first, ties by TTFT then uptime, unmeasured last, credits after USD",
        {},
        [
            "Short [short/fp8]",
            "Cheap [cheap/fp8]",
            "Tiered [tiered/fp8]",
            "Wide [wide/bf16]",
            "Cache [cache/fp8]",
            *TIES,
            "EigenAI",
        ],
        {**BASE_EXCLUDED, "Short [short/fp8]": set()},
    ),
    (
        "context: at least 150,000 tokens",
        {"min_context": 150000},
        ["Tiered [tiered/fp8]", "Wide [wide/bf16]"],
        {
            "Down [down/fp8]": {"down", "context"},
            "Unpriced [unpriced]": {"unpriced", "context"},
            "Gratis": {"free", "context"},
            "Cheap [cheap/fp8]": {"context"},
            "Cache [cache/fp8]": {"context"},
            "EigenAI": {"context"},
            "Short [short/fp8]": {"context"},
            **{tie: {"context"} for tie in TIES},
        },
    ),
    (
        "tiers: a 150,000-token prompt pays Tiered's upper tier, so Wide wins",
        {"workload": Workload(input_tokens=150000, output_tokens=1000)},
        ["Wide [wide/bf16]", "Tiered [tiered/fp8]", "EigenAI"],
        {
            "Down [down/fp8]": {"down", "context"},
            "Unpriced [unpriced]": {"unpriced", "context"},
            "Cheap [cheap/fp8]": {"context"},
            "Cache [cache/fp8]": {"context"},
            "Short [short/fp8]": {"context"},
            **{tie: {"context"} for tie in TIES},
        },
    ),
    (
        "capabilities: tools and structured outputs",
        {"parameters": ("tools", "structured_outputs")},
        ["Wide [wide/bf16]"],
        {"EigenAI": {"parameters"}, "Cheap [cheap/fp8]": {"parameters"}},
    ),
    (
        "reasoning: met by EigenAI's reasoning_effort",
        {"parameters": ("reasoning",)},
        ["Wide [wide/bf16]", "EigenAI"],
        {"Cheap [cheap/fp8]": {"parameters"}, "Down [down/fp8]": {"down", "parameters"}},
    ),
    (
        "quantization: bf16 only",
        {"quantizations": ("bf16",)},
        ["Wide [wide/bf16]"],
        {"Cheap [cheap/fp8]": {"quantization"}, "EigenAI": {"quantization"}},
    ),
    (
        "TTFT p90 at most 1,000 ms: the unmeasured stay, marked",
        {"max_ttft_ms": 1000},
        [
            "Short [short/fp8]",
            "Cheap [cheap/fp8]",
            "Cache [cache/fp8]",
            "TieSteady [tie-steady/fp8]",
            "TieFast [tie-fast/fp8]",
            "TieBlind [tie-blind/fp8]",
            "EigenAI",
        ],
        {
            "Wide [wide/bf16]": {"ttft"},
            "Tiered [tiered/fp8]": {"ttft"},
            "TieSlow [tie-slow/fp8]": {"ttft"},
            "Gratis": {"free", "ttft"},
        },
    ),
    (
        "uptime at least 99.5%",
        {"min_uptime": 99.5},
        [
            "Short [short/fp8]",
            "Cheap [cheap/fp8]",
            "Wide [wide/bf16]",
            "TieSteady [tie-steady/fp8]",
            "TieSlow [tie-slow/fp8]",
            "TieBlind [tie-blind/fp8]",
            "EigenAI",
        ],
        {
            "Tiered [tiered/fp8]": {"uptime"},
            "TieFast [tie-fast/fp8]": {"uptime"},
            "Cache [cache/fp8]": {"uptime"},
            "Down [down/fp8]": {"down", "uptime"},
        },
    ),
    (
        "free endpoints count: the :free variant ranks first",
        {"include_free": True, "max_ttft_ms": 5000},
        ["Gratis", "Short [short/fp8]", "Cheap [cheap/fp8]"],
        {"Down [down/fp8]": {"down"}},
    ),
    (
        "USD only: EigenAI's credits are excluded",
        {"currency": "USD", "min_context": 150000},
        ["Tiered [tiered/fp8]", "Wide [wide/bf16]"],
        {"EigenAI": {"currency", "context"}},
    ),
    (
        "cached input: the cache-read price puts Cache before Cheap",
        {"workload": Workload(input_tokens=1000, output_tokens=10, cached_input_tokens=900)},
        ["Short [short/fp8]", "Cache [cache/fp8]", "Cheap [cheap/fp8]"],
        {},
    ),
    (
        "long output: Short's 1,500-token output limit",
        {"workload": Workload(input_tokens=100, output_tokens=2000)},
        ["Cheap [cheap/fp8]"],
        {"Short [short/fp8]": {"max_output"}},
    ),
]


@pytest.mark.parametrize(("case", "job", "ranked", "excluded"), CASES, ids=[c[0] for c in CASES])
def test_recommend(
    snapshot: CatalogSnapshot,
    case: str,
    job: dict[str, Any],
    ranked: list[str],
    excluded: dict[str, set[str]],
) -> None:
    got_ranked, got_excluded = labels(snapshot, Job(model="acme/m1", **job))
    assert got_ranked[: len(ranked)] == ranked, case
    for label, codes in excluded.items():
        if codes:
            assert got_excluded.get(label) == codes, (case, label, got_excluded.get(label))
        else:
            assert label not in got_excluded, (case, label)
    assert set(got_ranked).isdisjoint(got_excluded), case


def test_ranked_rows_explain_cost_and_figures(snapshot: CatalogSnapshot) -> None:
    result = recommend(snapshot.active, Job(model="acme/m1", workload=Workload(requests_per_day=2000)))
    by_label = {r.endpoint.label: r for r in result.ranked}
    cheap = by_label["Cheap [cheap/fp8]"]
    assert cheap.cost.per_request == D("0.0005")
    assert cheap.cost.per_month == D("0.0005") * 2000 * 30
    # our probe's figures, not the aggregator's (800 ms, 99.5% over a day)
    assert cheap.figures.ttft_p90_ms == pytest.approx(300, rel=0.1) and cheap.figures.ttft_source == "probe"
    assert cheap.figures.uptime == 100.0 and cheap.figures.uptime_window == "7d"
    tiered = by_label["Tiered [tiered/fp8]"]
    assert tiered.figures.ttft_p90_ms == 1200 and tiered.figures.ttft_source == "openrouter"
    assert tiered.figures.uptime == 99.0 and tiered.figures.uptime_window == "1d"
    blind = by_label["TieBlind [tie-blind/fp8]"]
    assert not blind.figures.measured and any("no measurements" in n for n in blind.notes)
    eigen = by_label["EigenAI"]
    assert eigen.cost.currency == "credits" and any("not comparable with USD" in n for n in eigen.notes)
    down = next(e for e in result.excluded if e.endpoint.provider == "Down")
    assert down.reason == "down now (probe down-probe)"


def test_no_model_ranks_every_model_and_probe_figures_win(snapshot: CatalogSnapshot) -> None:
    result = recommend(snapshot.active, Job(include_free=True))
    assert result.ranked[0].endpoint.provider == "Gratis"  # another model, free, counted
    down = next(e for e in snapshot.active if e.provider == "Down")
    assert down.health is not None and down.health.status == "down" and down.health.uptime["7d"] == 0.0
    assert down.reported is not None and down.reported.latency_30m == {"p50": 50.0, "p90": 100.0}
    cheap = next(e for e in snapshot.active if e.provider == "Cheap")
    assert cheap.health is not None and cheap.health.status == "up" and cheap.health.probe == "cheap-probe"


PRICES = Prices(currency="USD", input=D("0.15"), output=D("0.45"), overrides=tuple(TIERS))

COSTS: list[tuple[str, Prices, Workload, D, int | None]] = [
    ("base prices", PRICES, Workload(input_tokens=1000, output_tokens=1000), D("0.0006"), None),
    ("one token short of the tier", PRICES, Workload(99999, 0), D("0.01499985"), None),
    ("at the tier's threshold", PRICES, Workload(100000, 1000), D("0.103"), 100000),
    (
        "highest tier reached wins; unnamed prices stay",
        Prices(
            currency="USD",
            input=D("1"),
            output=D("2"),
            overrides=(
                {"min_prompt_tokens": 10, "input": "3"},
                {"condition": {"min_prompt_tokens": 20}, "input": "5"},
            ),
        ),
        Workload(input_tokens=1000000, output_tokens=1000000),
        D("7"),
        20,
    ),
    (
        "request fee, cache read and cache write",
        Prices(
            currency="USD",
            input=D("2"),
            output=D("10"),
            cache_read=D("0.2"),
            cache_write=D("2.5"),
            request=D("0.01"),
        ),
        Workload(input_tokens=10000, output_tokens=100, cached_input_tokens=6000, cache_write_tokens=2000),
        D("0.0040") + D("0.0012") + D("0.005") + D("0.001") + D("0.01"),
        None,
    ),
    (
        "no cache price: cached tokens at the input price",
        Prices(currency="USD", input=D("2"), output=D("10")),
        Workload(input_tokens=1000, output_tokens=0, cached_input_tokens=1000),
        D("0.002"),
        None,
    ),
]


@pytest.mark.parametrize(("case", "prices", "workload", "expected", "tier"), COSTS, ids=[c[0] for c in COSTS])
def test_request_cost(case: str, prices: Prices, workload: Workload, expected: D, tier: int | None) -> None:
    cost = request_cost(prices, workload)
    assert cost is not None
    assert cost.per_request == expected, case
    assert cost.tier == tier, case
    assert cost.per_month == expected * workload.requests_per_day * 30


def test_cost_edges() -> None:
    assert request_cost(Prices(currency="USD", input=D(1)), Workload()) is None  # no output price
    odd = Prices(currency="USD", input=D(1), output=D(1), overrides=({"when": "weekend", "input": "9"},))
    tier, values, notes = price_tier(odd, 10**9)
    assert tier is None and values["input"] == D(1) and "not understood" in notes[0]
    with pytest.raises(ValueError, match="cached_input_tokens \\+ cache_write_tokens"):
        Workload(input_tokens=10, cached_input_tokens=8, cache_write_tokens=8)
    with pytest.raises(ValueError, match="output_tokens must not be negative"):
        Workload(output_tokens=-1)


def test_fixture_example_deepinfra_first_novita_and_atlascloud_excluded_for_context(engine: Engine) -> None:
    """DESIGN's example on the recorded catalog: deepseek/deepseek-v3.1-terminus, >= 150,000 tokens."""
    folder = shared_path("fixtures", "openrouter")
    ingest_fixtures(engine, folder)
    ingest(engine, [eigenai_offer()], source="eigenai", aliases=ALIASES, with_models=False)
    snapshot = load_snapshot(engine=engine, aliases=ALIASES)
    assert snapshot.resolve_model("deepseek-v31-terminus") == TERMINUS  # EigenAI's own id competes
    result = recommend(snapshot.active, Job(model=TERMINUS, min_context=150000))
    first = result.ranked[0]
    assert (first.endpoint.provider, first.endpoint.tag) == ("DeepInfra", "deepinfra/fp4")
    assert (first.endpoint.prices.input, first.endpoint.prices.output) == (D("0.27"), D("0.95"))  # type: ignore[union-attr]
    assert first.endpoint.context_length == 163840
    reasons = {e.endpoint.provider: e.reason for e in result.excluded}
    assert reasons["Novita"] == "context 131072 < 150000 required"
    assert reasons["AtlasCloud"] == "context 131072 < 150000 required"
    assert reasons["EigenAI"] == "context length not published (need 150000)"
    assert [r.endpoint.provider for r in result.ranked] == ["DeepInfra", "OpenRouter", "SiliconFlow"]
