"""The catalog's read routes through TestClient, on a seeded store (SQLite and PostgreSQL)."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from db.catalog.changes import CHANGE_KINDS
from tests.api.client import TestClient
from tests.api.conftest import TOKEN
from tests.api.seed import T0, catalog_offers, ingest, offer

EP = "/api/v1/endpoints"


def labels(body: dict[str, Any]) -> list[str]:
    return [f"{e['provider']} [{e['tag']}]" if e["tag"] else e["provider"] for e in body["data"]]


def test_endpoint_shape_money_as_numbers_times_in_utc(client: TestClient) -> None:
    body = client.get(EP, params={"model": "acme/m1", "provider": "Cheap"}).json()
    assert body["total"] == 1 and body["limit"] == 100 and body["offset"] == 0
    cheap = body["data"][0]
    assert cheap["model"] == "acme/m1" and cheap["provider_model_id"] == "acme/m1"
    assert cheap["pricing"]["input"] == 0.1 and cheap["pricing"]["output"] == 0.4
    assert cheap["pricing"]["cache_read"] is None and cheap["pricing"]["tiers"] == []
    assert cheap["currency"] == "USD" and cheap["context_length"] == 32768
    assert cheap["status"] == "up" and cheap["probe"] == "cheap-probe"
    assert cheap["uptime"] == {"1d": 100.0, "7d": 100.0, "30d": 100.0}
    assert cheap["ttft_ms"]["p90"] == pytest.approx(300, rel=0.1) and cheap["ttft_ms"]["window"] == "7d"
    assert cheap["reported"]["source"] == "openrouter" and cheap["reported"]["latency_ms"]["p90"] == 800
    assert cheap["first_seen"] == "2026-05-18T12:00:00Z" and cheap["removed_at"] is None
    assert cheap["pricing"]["usd_rate"] is None  # USD prices: no rate of credits stated
    tiered = client.get(EP, params={"provider": "Tiered"}).json()["data"][0]
    assert tiered["pricing"]["tiers"] == [{"min_prompt_tokens": 100000, "input": 1.0, "output": 3.0}]
    blind = client.get(EP, params={"provider": "tieblind"}).json()["data"][0]  # names match case-blind
    # as any source spells it: case, spaces, dashes, underscores and an "AI" suffix do not count
    for spelling in ("tie blind", "TIE_BLIND", "Tie-Blind AI"):
        assert client.get(EP, params={"provider": spelling}).json()["data"][0]["id"] == blind["id"], spelling
    assert blind["status"] == "unknown" and blind["uptime"] is None and blind["ttft_ms"] is None


FILTERS: list[tuple[dict[str, Any], list[str]]] = [
    ({"min_context": 150000}, ["Tiered [tiered/fp8]", "Wide [wide/bf16]"]),
    ({"param": ["tools", "structured_outputs"]}, ["Wide [wide/bf16]"]),
    ({"quantization": ["bf16"]}, ["Wide [wide/bf16]"]),
    (
        {"max_input_price": 0.05, "max_output_price": "0.05"},
        ["Down [down/fp8]", "EigenAI", "Gratis", "Short [short/fp8]"],
    ),
    ({"status": ["down"]}, ["Down [down/fp8]"]),
    ({"status": ["up", "down"], "sort": "-ttft"}, ["Cheap [cheap/fp8]", "Down [down/fp8]"]),
    ({"currency": "credits"}, ["EigenAI"]),
    ({"model": "m1-local", "min_context": 500000}, ["Tiered [tiered/fp8]"]),  # an alias
    ({"model": "acme/m1:free"}, ["Gratis"]),
    ({"model": "nobody/nothing"}, []),
]


@pytest.mark.parametrize(("params", "expected"), FILTERS)
def test_filters(client: TestClient, params: dict[str, Any], expected: list[str]) -> None:
    response = client.get(EP, params={"sort": "provider", **params})
    assert response.status_code == 200, response.text
    assert sorted(labels(response.json())) == sorted(expected)


def test_sort_and_pages(client: TestClient) -> None:
    cheapest = client.get(EP, params={"model": "acme/m1", "limit": 3}).json()
    assert labels(cheapest) == ["Down [down/fp8]", "Short [short/fp8]", "Cheap [cheap/fp8]"]
    assert cheapest["total"] == 12  # unpriced included, sorted last
    everything = client.get(EP, params={"model": "acme/m1", "limit": 1000}).json()
    assert labels(everything)[-1] == "Unpriced [unpriced]"
    page = client.get(EP, params={"model": "acme/m1", "limit": 3, "offset": 3}).json()
    assert labels(page) == labels(everything)[3:6] and page["total"] == 12
    widest = client.get(EP, params={"sort": "-context", "limit": 2}).json()
    assert labels(widest) == ["Tiered [tiered/fp8]", "Wide [wide/bf16]"]
    unknown_last = client.get(EP, params={"sort": "context", "limit": 1000}).json()
    assert labels(unknown_last)[-1] == "EigenAI"  # no context published: last either way


INVALID: list[tuple[str, dict[str, Any], str]] = [
    (EP, {"min_context": "lots"}, "min_context"),
    (EP, {"limit": 0}, "limit"),
    (EP, {"limit": 1001}, "limit"),
    (EP, {"offset": -1}, "offset"),
    (EP, {"sort": "cheapness"}, "sort"),
    (EP, {"max_input_price": "nan"}, "max_input_price"),
    (EP, {"max_output_price": -1}, "max_output_price"),
    (EP, {"status": "sleepy"}, "status"),
    ("/api/v1/changes", {"since": "yesterday"}, "since"),
    ("/api/v1/changes", {"since": "0001-01-01T00:00:00+01:00"}, "since"),
    ("/api/v1/changes", {"model": "a\x00b"}, "model"),
    ("/api/v1/changes", {"kind": "0.0"}, "kind"),
    ("/api/v1/changes", {"kind": ["price_up", "price_sideways"]}, "kind"),
    ("/api/v1/changes.atom", {"kind": "0.0"}, "kind"),
    ("/api/v1/endpoints/0", {}, "endpoint_id"),
    ("/api/v1/endpoints/abc/prices", {}, "endpoint_id"),
    ("/api/v1/recommend", {"input_tokens": 10, "cached_input_tokens": 20}, "cached_input_tokens"),
    ("/api/v1/recommend", {"min_uptime": 101}, "min_uptime"),
]


@pytest.mark.parametrize(("path", "params", "parameter"), INVALID)
def test_invalid_parameters_get_422_naming_them(
    client: TestClient, path: str, params: dict[str, Any], parameter: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["detail"].startswith(f"invalid parameter {parameter}"), body
    assert body["errors"][0]["parameter"] == parameter


def test_an_unknown_change_kind_is_refused_with_the_kinds_there_are(client: TestClient) -> None:
    for path in ("/api/v1/changes", "/api/v1/changes.atom"):
        response = client.get(path, params={"kind": "0.0"})
        assert response.status_code == 422, response.text
        message = response.json()["detail"]
        assert message.startswith("invalid parameter kind:"), message
        assert all(f"'{kind}'" in message for kind in CHANGE_KINDS), message
    listed = client.get("/openapi.json").json()["paths"]["/api/v1/changes"]["get"]["parameters"]
    (kind,) = [p for p in listed if p["name"] == "kind"]
    assert kind["schema"]["items"]["enum"] == list(CHANGE_KINDS)


def test_unknown_ids_get_404(client: TestClient) -> None:
    for path in (
        f"{EP}/987654",
        f"{EP}/987654/prices",
        f"{EP}/987654/probes",
        "/api/v1/models/nobody/nothing",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "no " in response.json()["detail"]
    assert client.get("/api/v1/recommend", params={"model": "nobody/nothing"}).status_code == 404


def test_models(client: TestClient) -> None:
    body = client.get("/api/v1/models").json()
    assert [m["id"] for m in body["data"]] == ["acme/m1", "acme/m1:free"] and body["total"] == 2
    m1 = body["data"][0]
    assert m1["endpoint_count"] == 12 and "Cheap" in m1["providers"]
    assert client.get("/api/v1/models", params={"provider": "Gratis"}).json()["total"] == 1
    assert client.get("/api/v1/models", params={"provider": "gratis_ai"}).json()["total"] == 1
    assert client.get("/api/v1/models", params={"q": "FREE"}).json()["total"] == 1
    detail = client.get("/api/v1/models/acme/m1").json()  # the id's "/" is part of the path
    assert detail["id"] == "acme/m1" and len(detail["endpoints"]) == 12
    assert detail["endpoints"][0]["provider"] == "Down"  # cheapest first
    assert client.get("/api/v1/models/m1-local").json()["id"] == "acme/m1"


def test_prices_and_changes_follow_a_new_crawl(client: TestClient, seeded: Engine) -> None:
    cheap_id = client.get(EP, params={"provider": "Cheap"}).json()["data"][0]["id"]
    assert client.get("/api/v1/changes").json()["total"] == 0  # the first crawl is the baseline
    later = T0.replace(hour=18)
    # the next crawl: Cheap's input price up 20%, Short no longer listed
    ingest(seeded, [o for o in catalog_offers(cheap_input="0.12") if o.provider != "Short"], at=later)
    prices = client.get(f"{EP}/{cheap_id}/prices").json()
    assert prices["total"] == 2
    assert [p["pricing"]["input"] for p in prices["data"]] == [0.1, 0.12]
    assert prices["data"][0]["valid_to"] == "2026-05-18T18:00:00Z" and prices["data"][1]["valid_to"] is None
    changes = client.get("/api/v1/changes", params={"kind": "price_up"}).json()
    assert changes["total"] == 1
    change = changes["data"][0]
    assert (change["provider"], change["field"], change["old"], change["new"]) == (
        "Cheap",
        "input",
        "0.1",
        "0.12",
    )
    assert change["percent"] == 20.0 and change["at"] == "2026-05-18T18:00:00Z"
    assert client.get("/api/v1/changes", params={"since": "2026-05-19T00:00:00"}).json()["total"] == 0
    removed = client.get("/api/v1/changes", params={"kind": "endpoint_removed"}).json()
    assert [(c["provider"], c["subject"]) for c in removed["data"]] == [("Short", "short/fp8")]
    assert client.get(EP, params={"model": "acme/m1"}).json()["total"] == 11
    everything = client.get(EP, params={"model": "acme/m1", "include_removed": True}).json()
    assert everything["total"] == 12
    short = next(e for e in everything["data"] if e["provider"] == "Short")
    assert short["removed_at"] == "2026-05-18T18:00:00Z"
    newest = client.get("/api/v1/changes", params={"order": "desc", "limit": 1}).json()["data"][0]
    assert newest["at"] == "2026-05-18T18:00:00Z"


def test_probe_history(client: TestClient) -> None:
    cheap_id = client.get(EP, params={"provider": "Cheap"}).json()["data"][0]["id"]
    samples = client.get(f"{EP}/{cheap_id}/probes").json()
    assert samples["probe"] == "cheap-probe" and samples["resolution"] == "sample"
    assert samples["total"] == 5 and samples["data"][0]["ttft_ms"] == 300.0
    assert samples["end"] == "2026-05-18T12:10:00Z" and samples["start"] == "2026-05-17T12:10:00Z"
    hourly = client.get(f"{EP}/{cheap_id}/probes", params={"resolution": "hour"}).json()
    assert hourly["total"] == 1 and hourly["data"][0]["count"] == 5 and hourly["data"][0]["uptime"] == 100.0
    blind_id = client.get(EP, params={"provider": "TieBlind"}).json()["data"][0]["id"]
    assert client.get(f"{EP}/{blind_id}/probes").json() | {"start": None, "end": None} == {
        "endpoint_id": blind_id,
        "probe": None,
        "resolution": "sample",
        "start": None,
        "end": None,
        "data": [],
        "total": 0,
    }
    backwards = client.get(f"{EP}/{cheap_id}/probes", params={"start": "2026-05-19T00:00:00Z"})
    assert backwards.status_code == 422 and "start" in backwards.json()["detail"]
    # the default start, a day before the end, stops at the earliest time there is (it was a 500)
    first_day = client.get(f"{EP}/{cheap_id}/probes", params={"end": "0001-01-01T12:00:00Z"})
    assert first_day.status_code == 200, first_day.text
    assert first_day.json()["start"] == "0001-01-01T00:00:00Z" and first_day.json()["total"] == 0
    earliest = client.get(f"{EP}/{cheap_id}/probes", params={"end": "0001-01-01T00:00:00Z"})
    assert earliest.status_code == 422 and "start must be before end" in earliest.json()["detail"]


def test_no_response_carries_a_secret(client: TestClient) -> None:
    cheap_id = client.get(EP, params={"provider": "Cheap"}).json()["data"][0]["id"]
    paths = [
        EP,
        f"{EP}/{cheap_id}",
        f"{EP}/{cheap_id}/prices",
        f"{EP}/{cheap_id}/probes",
        "/api/v1/models",
        "/api/v1/models/acme/m1",
        "/api/v1/changes",
        "/api/v1/changes.atom",
        "/api/v1/recommend",
        "/healthz",
        "/metrics",
        "/openapi.json",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert TOKEN not in response.text, path
    wrong = client.post("/api/v1/crawl", headers={"Authorization": "Bearer guess"})
    assert TOKEN not in wrong.text


def test_decimal_prices_survive_exactly_to_the_json_edge(client: TestClient, seeded: Engine) -> None:
    # 15 significant digits (a 16th is float noise, cleaned at ingest: db.types.clean_price)
    ingest(seeded, [offer("Exact", price=("0.0833333333333333", "1.1"))], source="exact")
    body = client.get(EP, params={"provider": "Exact"}).json()
    assert body["data"][0]["pricing"]["input"] == float(D("0.0833333333333333"))
