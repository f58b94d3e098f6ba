"""`GET /api/v1/recommend` through TestClient: ranking, costs, exclusions, and the fixture example."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from tests.api.client import TestClient
from tests.api.conftest import make_client
from tests.api.seed import eigenai_offer, ingest, ingest_fixtures
from tests.conftest import shared_path

REC = "/api/v1/recommend"
TERMINUS = "deepseek/deepseek-v3.1-terminus"


def test_ranked_with_costs_and_exclusions_with_reasons(client: TestClient) -> None:
    body = client.get(
        REC, params={"model": "m1-local", "min_context": 150000, "requests_per_day": 2000}
    ).json()
    assert body["model"] == "acme/m1"  # the alias resolved
    assert body["workload"] == {
        "input_tokens": 1000,
        "output_tokens": 1000,
        "requests_per_day": 2000,
        "cached_input_tokens": 0,
        "cache_write_tokens": 0,
        "requests_per_month": 60000,  # 2,000 a day x 30
    }
    assert [(r["rank"], r["provider"]) for r in body["data"]] == [(1, "Tiered"), (2, "Wide")]
    tiered = body["data"][0]
    assert tiered["cost_per_request"] == 0.0006 and tiered["cost_per_month"] == 36.0
    assert tiered["cost_breakdown"] == {
        "input": 0.00015,
        "cache_read": 0.0,
        "cache_write": 0.0,
        "output": 0.00045,
        "request": 0.0,
    }
    assert tiered["ttft_p90_ms"] == 1200 and tiered["ttft_source"] == "openrouter" and tiered["measured"]
    assert tiered["pricing"]["input"] == 0.15  # the whole endpoint comes along
    excluded = {x["provider"]: x for x in body["excluded"]}
    assert excluded["Cheap"]["reason"] == "context 32768 < 150000 required"
    assert excluded["Cheap"]["codes"] == ["context"]
    assert excluded["Down"]["codes"] == ["down", "context"]
    assert excluded["Gratis"]["codes"] == ["free", "context"]
    assert body["total"] == 2


def test_job_options(client: TestClient) -> None:
    tier = client.get(REC, params={"model": "acme/m1", "input_tokens": 150000, "output_tokens": 1000}).json()
    assert [r["provider"] for r in tier["data"]] == ["Wide", "Tiered", "EigenAI"]
    assert tier["data"][1]["price_tier"] == 100000 and tier["data"][1]["cost_per_request"] == 0.153
    assert "credits" in tier["data"][2]["notes"][0]
    options = {"model": "acme/m1", "param": ["tools", "structured_outputs"], "quantization": ["bf16", "fp8"]}
    assert [r["provider"] for r in client.get(REC, params=options).json()["data"]] == ["Wide"]
    fast = client.get(REC, params={"model": "acme/m1", "max_ttft_ms": 1000, "min_uptime": 99.5}).json()
    assert [r["provider"] for r in fast["data"]][:3] == ["Short", "Cheap", "TieSteady"]
    unmeasured = next(r for r in fast["data"] if r["provider"] == "Short")
    assert unmeasured["measured"] is False and "no measurements" in unmeasured["notes"][0]
    free = client.get(REC, params={"model": "acme/m1", "include_free": True, "limit": 1}).json()
    assert [r["provider"] for r in free["data"]] == ["Gratis"] and free["total"] > 1
    usd = client.get(REC, params={"model": "acme/m1", "currency": "USD"}).json()
    assert "EigenAI" in {x["provider"] for x in usd["excluded"]}
    cached = {"model": "acme/m1", "input_tokens": 1000, "output_tokens": 10, "cached_input_tokens": 900}
    ranked = [r["provider"] for r in client.get(REC, params=cached).json()["data"]]
    assert ranked.index("Cache") < ranked.index("Cheap")
    anything = client.get(REC).json()
    assert anything["model"] is None and len(anything["data"]) == anything["total"] == 10


def test_fixture_example_through_the_api(engine: Engine) -> None:
    """DESIGN's example: deepseek/deepseek-v3.1-terminus with at least 150,000 tokens of context, asked by
    EigenAI's own model id."""
    folder = shared_path("fixtures", "openrouter")
    aliases = {"deepseek-v31-terminus": TERMINUS}
    ingest_fixtures(engine, folder)
    ingest(engine, [eigenai_offer()], source="eigenai", aliases=aliases, with_models=False)
    with make_client(engine, aliases=aliases) as client:
        body = client.get(REC, params={"model": "deepseek-v31-terminus", "min_context": 150000}).json()
    assert body["model"] == TERMINUS
    first = body["data"][0]
    assert (first["provider"], first["tag"], first["context_length"]) == (
        "DeepInfra",
        "deepinfra/fp4",
        163840,
    )
    assert (first["pricing"]["input"], first["pricing"]["output"]) == (0.27, 0.95)
    assert first["cost_per_request"] == 0.00122
    reasons = {x["provider"]: x["reason"] for x in body["excluded"]}
    assert reasons["Novita"] == reasons["AtlasCloud"] == "context 131072 < 150000 required"
    assert reasons["EigenAI"] == "context length not published (need 150000)"
