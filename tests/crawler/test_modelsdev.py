"""models.dev's api.json parsed: both dated real fixtures (counts and facts read from the file here), and
bad input as one problem naming the source and the key path."""

from __future__ import annotations

import json
from decimal import Decimal as D
from typing import Any

import pytest

from crawler.extract.modelsdev import parse_modelsdev
from tests.conftest import shared_path

FIXTURES = ["api-2026-03-02.json", "api-2026-06-11.json"]


def sig15(value: Any) -> D | None:
    """A price as the file has it, to the 15 significant digits a float carries (independently of the
    parser: through float and printf's %.15g)."""
    return None if value is None else D(format(float(value), ".15g"))


def load(name: str) -> tuple[bytes, dict[str, Any]]:
    body = shared_path("fixtures", "modelsdev", name).read_bytes()
    return body, json.loads(body, parse_float=D)


@pytest.mark.parametrize("name", FIXTURES)
def test_real_fixture_counts_and_facts(name: str) -> None:
    body, doc = load(name)
    listing = parse_modelsdev(body, url="u")
    assert listing.complete and listing.fatal is None
    assert [p for p in listing.problems if not p.warning] == []
    assert len(listing.providers) == len(doc)
    assert len(listing.endpoints) == sum(len(p["models"]) for p in doc.values())
    by_key = {(e.provider, e.provider_model_id): e for e in listing.endpoints}
    names = {pid: p["name"] for pid, p in doc.items()}
    no_cost = tiered = 0
    for pid, provider in doc.items():
        for mid, model in provider["models"].items():
            endpoint = by_key[(names[pid], model.get("id", mid))]
            cost = model.get("cost")
            if cost is None:
                no_cost += 1
                assert endpoint.pricing is None  # not published, never 0
                continue
            assert endpoint.pricing is not None
            assert endpoint.pricing.input == sig15(cost.get("input"))
            assert endpoint.pricing.output == sig15(cost.get("output"))
            assert endpoint.pricing.cache_read == sig15(cost.get("cache_read"))
            if cost.get("tiers") or cost.get("context_over_200k"):
                tiered += 1
                assert endpoint.pricing.overrides, (pid, mid)
            assert endpoint.context_length == (model["limit"].get("context") or None)
    assert no_cost > 100 and tiered > 40  # the fixtures hold both cases
    glm = (
        by_key[("Deep Infra", "zai-org/GLM-4.7")] if "zai-org/GLM-4.7" in doc["deepinfra"]["models"] else None
    )
    if glm is not None:
        assert glm.parameters[:2] == ("tools", "tool_choice")


def test_the_providers_filter_keeps_those_ids() -> None:
    body, doc = load(FIXTURES[1])
    listing = parse_modelsdev(body, providers=["deepinfra", "togetherai"])
    assert {p.slug for p in listing.providers} == {"deepinfra", "togetherai"}
    expected = len(doc["deepinfra"]["models"]) + len(doc["togetherai"]["models"])
    assert len(listing.endpoints) == expected
    assert listing.complete


def test_a_year_month_release_date_and_a_bad_date() -> None:
    body = {
        "p": {
            "name": "P",
            "models": {
                "a": {"id": "a", "release_date": "2025-08"},
                "b": {"id": "b", "release_date": "2025-25-11"},
            },
        }
    }
    listing = parse_modelsdev(json.dumps(body))
    released = {e.provider_model_id: e.released for e in listing.endpoints}
    assert str(released["a"]) == "2025-08-01" and released["b"] is None
    assert [(p.warning, p.message) for p in listing.problems] == [
        (True, "modelsdev: p.models.b.release_date: not a date: '2025-25-11' (left out)")
    ]


GOOD = {
    "name": "Deep Infra",
    "models": {"zai-org/GLM-4.7": {"id": "zai-org/GLM-4.7", "cost": {"input": 0.43}}},
}
OTHER = {"name": "X", "models": {"m": {"id": "m", "cost": {"input": 1, "output": 2}}}}


def with_cost(cost: Any) -> str:
    model = {"id": "zai-org/GLM-4.7", "cost": cost}
    return json.dumps({"deepinfra": {"name": "Deep Infra", "models": {"zai-org/GLM-4.7": model}}, "x": OTHER})


WHOLE = [
    ("", "modelsdev: not JSON"),
    ('{"deepinfra": {"name": "Deep', "modelsdev: not JSON"),
    ("[]", "modelsdev: expected an object keyed by provider id, got []"),
    ("{}", "modelsdev: lists no models"),
    ('{"x": {"name": "X", "models": {}}}', "modelsdev: lists no models"),
]


@pytest.mark.parametrize(("body", "message"), WHOLE)
def test_an_unreadable_document_is_one_problem_and_incomplete(body: str, message: str) -> None:
    listing = parse_modelsdev(body, url="u")
    assert not listing.complete and listing.endpoints == []
    assert len(listing.problems) == 1 and listing.problems[0].message.startswith(message)
    assert listing.problems[0].parser


ENTRY = [
    ({"input": "abc"}, "deepinfra.models[\"zai-org/GLM-4.7\"].cost.input: 'abc' is not a number"),
    ({"input": "-1"}, "deepinfra.models[\"zai-org/GLM-4.7\"].cost.input: '-1' is negative, not a price"),
    ({"output": -0.5}, 'deepinfra.models["zai-org/GLM-4.7"].cost.output: -0.5 is negative, not a price'),
    ([1, 2], 'deepinfra.models["zai-org/GLM-4.7"].cost: not an object: [1, 2]'),
]


@pytest.mark.parametrize(("cost", "message"), ENTRY)
def test_a_bad_price_skips_its_entry_only(cost: Any, message: str) -> None:
    listing = parse_modelsdev(with_cost(cost), url="u")
    assert [p.message for p in listing.problems] == [f"modelsdev: {message}"]
    assert not listing.problems[0].warning  # the run is partial: nothing is removed
    assert [e.provider_model_id for e in listing.endpoints] == ["m"]


def test_null_and_string_prices() -> None:
    listing = parse_modelsdev(with_cost({"input": None, "output": "1.5", "cache_read": 0}))
    (glm, _other) = listing.endpoints
    assert glm.pricing is not None
    assert (glm.pricing.input, glm.pricing.output, glm.pricing.cache_read) == (None, D("1.5"), D(0))
    assert listing.problems == []
