"""`GET /api/v1/unmatched`: provider model ids no rule matched, over a store written by the real ingest
from an OpenRouter crawl, a models.dev crawl, DeepInfra's own list and a page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from db.models import Endpoint
from tests.api.conftest import make_client
from tests.api.seed import T0
from tests.unmatched_seed import EIGEN, GLM, LLAMA, TERMINUS, TURBO, crawl_modelsdev, seed_unmatched


@pytest.fixture
def store(engine: Engine) -> Engine:
    seed_unmatched(engine)
    return engine


def rules(engine: Engine) -> dict[str, str | None]:
    with Session(engine) as s:
        rows = s.exec(select(Endpoint).order_by(col(Endpoint.id))).all()
        return {r.provider_model_id: r.match_rule for r in rows}


def test_unmatched_lists_what_no_rule_matched_with_candidates(store: Engine) -> None:
    assert rules(store) == {
        GLM: "exact",
        TERMINUS: "exact",
        "zai-org/GLM-4.7": "hugging_face",
        TURBO: "own",
        EIGEN: "own",
    }
    with make_client(store) as client:
        answer = client.get("/api/v1/unmatched")
    assert answer.status_code == 200
    body = answer.json()
    assert body["total"] == 2 and (body["limit"], body["offset"]) == (100, 0)
    by_id = {row["provider_model_id"]: row for row in body["data"]}
    turbo, page = by_id[TURBO], by_id[EIGEN]
    assert (turbo["provider"], turbo["sources"], len(turbo["endpoint_ids"])) == (
        "DeepInfra",
        ["deepinfra", "modelsdev"],
        1,
    )
    assert turbo["candidates"][0] == LLAMA  # -Turbo is never dropped, but it is the nearest
    assert (page["provider"], page["sources"], page["candidates"][0]) == ("EigenAI", ["eigenai"], TERMINUS)
    assert [row["provider"] for row in body["data"]] == ["DeepInfra", "EigenAI"]


def test_unmatched_by_provider_spelling_and_pages(store: Engine) -> None:
    with make_client(store) as client:
        deep_infra = client.get("/api/v1/unmatched", params={"provider": "Deep Infra"}).json()
        second = client.get("/api/v1/unmatched", params={"limit": 1, "offset": 1}).json()
        nobody = client.get("/api/v1/unmatched", params={"provider": "Together"}).json()
        bad = client.get("/api/v1/unmatched", params={"limit": 0})
    assert [(r["provider"], r["provider_model_id"]) for r in deep_infra["data"]] == [("DeepInfra", TURBO)]
    assert deep_infra["total"] == 1
    assert [r["provider_model_id"] for r in second["data"]] == [EIGEN]
    assert second["total"] == 2
    assert nobody == {"data": [], "total": 0, "limit": 100, "offset": 0}
    assert bad.status_code == 422 and "limit" in bad.json()["detail"]


def test_a_recrawl_keeps_an_own_id_unmatched_and_an_alias_shows_first(store: Engine) -> None:
    """The provider's id stored as its own model is no target: the next crawl does not match it to
    itself. An alias configured since is the first candidate until the next crawl applies it."""
    crawl_modelsdev(store, T0 + timedelta(hours=1))
    assert rules(store)[TURBO] == "own"
    alias = {f"DeepInfra:{TURBO}": "meta-llama/llama-3.3-70b-instruct:turbo"}
    with make_client(store, aliases=alias) as client:
        body = client.get("/api/v1/unmatched", params={"provider": "deepinfra"}).json()
    assert body["data"][0]["candidates"][:2] == ["meta-llama/llama-3.3-70b-instruct:turbo", LLAMA]


def test_the_route_is_documented(store: Engine) -> None:
    with make_client(store) as client:
        document = client.get("/openapi.json").json()
    operation = document["paths"]["/api/v1/unmatched"]["get"]
    assert operation["summary"] == "Provider model ids matched to no canonical model"
    schema = document["components"]["schemas"]["UnmatchedPublic"]
    assert set(schema["properties"]) == {
        "provider",
        "provider_model_id",
        "endpoint_ids",
        "sources",
        "candidates",
    }
