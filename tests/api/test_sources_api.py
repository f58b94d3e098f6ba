"""Sources and disagreements through the API (TestClient) on a store three sources wrote through the real
ingest (`tests.sources_seed`), on SQLite and PostgreSQL: `GET /api/v1/disagreements` and the `sources` and
`disagreements` of every endpoint object."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from tests.api.client import TestClient
from tests.api.conftest import make_client
from tests.sources_seed import (
    ALIASES,
    DEEPSEEK,
    GLM,
    GLM_ID,
    MODELSDEV,
    QWEN,
    T0,
    crawl,
    modelsdev_list,
    seed_sources,
)

DIS = "/api/v1/disagreements"
#: three days and two hours after the models.dev crawl opened the disagreements
NOW = T0 + timedelta(days=3, hours=3)


@pytest.fixture
def sources_client(engine: Engine) -> Iterator[TestClient]:
    seed_sources(engine)
    with make_client(engine, aliases=ALIASES, clock=lambda: NOW) as client:
        yield client


def test_the_open_disagreements_with_every_sources_value(sources_client: TestClient) -> None:
    body = sources_client.get(DIS).json()
    assert (body["total"], body["limit"], body["offset"]) == (2, 100, 0)
    context, price = body["data"]  # opened by the same crawl: by provider, then model
    # the provider's stored name is one of its sources' spellings (which one is the ingest's business)
    assert price["provider"].casefold() == "deepinfra"
    assert price == {
        "endpoint_id": price["endpoint_id"],
        "provider": price["provider"],
        "model": GLM,
        "provider_model_id": GLM_ID,
        "tag": None,
        "field": "input",
        "values": {"deepinfra": 0.43, "modelsdev": 0.6, "litellm": 0.43},
        "since": "2026-06-01T13:00:00Z",
        "updated_at": "2026-06-01T14:00:00Z",
        "days": 3,
        "current_source": "deepinfra",
        "current_value": 0.43,
        "currency": "USD",
    }
    assert list(price["values"]) == ["deepinfra", "modelsdev", "litellm"]  # current first, by authority
    assert (context["model"], context["field"], context["values"]) == (
        DEEPSEEK,
        "context_length",
        {"deepinfra": 163840, "modelsdev": 131072},
    )
    assert all(type(v) is int for v in context["values"].values())  # token counts stay integers
    assert context["current_value"] == 163840


#: (query, the disagreements listed); one store for them all, since seeding it is the slow part
FILTERS: list[tuple[dict[str, Any], list[tuple[str, str]]]] = [
    ({"provider": "deepinfra"}, [(DEEPSEEK, "context_length"), (GLM, "input")]),
    ({"provider": "Together"}, []),
    ({"model": GLM}, [(GLM, "input")]),
    ({"model": GLM_ID}, [(GLM, "input")]),  # the provider's id
    ({"model": "glm47"}, [(GLM, "input")]),  # a configured alias
    ({"model": "nobody/nothing"}, []),
    ({"field": "context_length"}, [(DEEPSEEK, "context_length")]),
    ({"model": QWEN}, []),
    ({"limit": 1, "offset": 1}, [(GLM, "input")]),
]
BAD: list[tuple[dict[str, Any], str]] = [
    ({"field": "colour"}, "field"),
    ({"limit": 1001}, "limit"),
    ({"offset": -1}, "offset"),
]


def test_filters_pages_and_bad_parameters(sources_client: TestClient) -> None:
    for params, expected in FILTERS:
        body = sources_client.get(DIS, params=params).json()
        assert [(d["model"], d["field"]) for d in body["data"]] == expected, params
    for params, parameter in BAD:
        response = sources_client.get(DIS, params=params)
        assert response.status_code == 422, params
        assert [e["parameter"] for e in response.json()["errors"]] == [parameter]


def test_every_endpoint_object_has_its_sources_and_disagreements(sources_client: TestClient) -> None:
    listed = {e["model"]: e for e in sources_client.get("/api/v1/endpoints").json()["data"]}
    glm = listed[GLM]
    assert [s["source"] for s in glm["sources"]] == ["deepinfra", "modelsdev", "litellm"]
    assert glm["sources"][1] == {
        "source": "modelsdev",
        "pricing": {"input": 0.6, "output": 1.75, "cache_read": None, "cache_write": None},
        "currency": "USD",
        "context_length": 202752,
        "max_output_tokens": None,
        "authority": 1,
        "seen": "2026-06-01T13:00:00Z",
        "since": "2026-06-01T13:00:00Z",
    }
    assert glm["disagreements"] == [
        {
            "field": "input",
            "values": {"deepinfra": 0.43, "modelsdev": 0.6, "litellm": 0.43},
            "since": "2026-06-01T13:00:00Z",
        }
    ]
    assert (listed[QWEN]["disagreements"], [s["source"] for s in listed[QWEN]["sources"]]) == (
        [],
        ["modelsdev"],
    )
    one = sources_client.get(f"/api/v1/endpoints/{glm['id']}").json()
    assert (one["sources"], one["disagreements"]) == (glm["sources"], glm["disagreements"])
    model = sources_client.get(f"/api/v1/models/{DEEPSEEK}").json()
    (deepseek,) = model["endpoints"]
    assert [d["field"] for d in deepseek["disagreements"]] == ["context_length"]
    assert [s["context_length"] for s in deepseek["sources"]] == [163840, 131072]


def test_a_crawl_where_sources_agree_again_closes_it_at_once(
    engine: Engine, sources_client: TestClient
) -> None:
    assert sources_client.get(DIS, params={"model": GLM}).json()["total"] == 1
    crawl(engine, "modelsdev", MODELSDEV, modelsdev_list(glm_input="0.43"), at=T0 + timedelta(days=3))
    assert sources_client.get(DIS, params={"model": GLM}).json() == {
        "data": [],
        "total": 0,
        "limit": 100,
        "offset": 0,
    }
    glm = sources_client.get("/api/v1/endpoints", params={"model": GLM}).json()["data"][0]
    assert glm["disagreements"] == [] and glm["sources"][1]["pricing"]["input"] == 0.43
