"""The OpenRouter extractor: exact prices, both real `/models` shapes, `/endpoints`, `/providers`."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from crawler.extract.jsonfields import ExtractError
from crawler.extract.openrouter import parse_endpoints, parse_models, parse_providers
from crawler.extract.openrouter_pricing import parse_pricing, price_per_million
from db.catalog.crawled import EndpointIn, Pricing

BASE = "https://openrouter.ai/api/v1"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
FIXTURES = SHARED / "fixtures" / "openrouter"
TERMINUS = "deepseek/deepseek-v3.1-terminus"


def fixture(name: str) -> bytes:
    path = FIXTURES / name
    if not path.is_file():
        pytest.skip(f"../shared/fixtures not found: {path}")
    return path.read_bytes()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.00000027", "0.27"),
        ("0.00000021", "0.21"),
        ("0.000001", "1"),
        ("0.00000008333333333333334", "0.08333333333333334"),
        ("0.0000375", "37.5"),
        ("0.000000270000", "0.27"),
        ("0.0001", "100"),
        ("0.015", "15000"),
        ("1e-7", "0.1"),
        ("2.7E-07", "0.27"),
        (" 0.00000095 ", "0.95"),
        (0.00000027, "0.27"),
        (2.7e-07, "0.27"),
        (1e-6, "1"),
        (0.000001625, "1.625"),
        (0, "0"),
        (0.0, "0"),
        ("0", "0"),
        ("0.0", "0"),
        ("-0", "0"),
        (1, "1000000"),
    ],
)
def test_price_per_million_is_exact(value: str | float, expected: str) -> None:
    price = price_per_million(value)
    assert price == Decimal(expected)
    assert str(price) == expected  # normalised: no exponent, no trailing zeros


@pytest.mark.parametrize("value", [None, "-1", -1, "-0.000001", -2.5e-7])
def test_absent_and_variable_prices_are_none(value: str | float | None) -> None:
    assert price_per_million(value) is None


@pytest.mark.parametrize("value", ["abc", "", "NaN", "inf", float("nan"), True, [1], {"usd": 1}, "1,5"])
def test_garbage_price_raises(value: Any) -> None:
    with pytest.raises(ExtractError, match="not a number"):
        price_per_million(value)


def test_parse_pricing_units_and_names() -> None:
    pricing = parse_pricing(
        {
            "prompt": "0.00000021",
            "completion": 7.9e-07,
            "input_cache_read": "0.000000168",
            "input_cache_write": "0.00000375",
            "internal_reasoning": "0.000003",
            "audio": "0.0001",
            "request": "0.005",
            "image": "0.001238",
            "web_search": "0.01",
            "discount": 0.25,
            "some_future_key": "0.5",
        },
        where="p",
    )
    assert pricing == Pricing(
        input=Decimal("0.21"),
        output=Decimal("0.79"),
        cache_read=Decimal("0.168"),
        cache_write=Decimal("3.75"),
        internal_reasoning=Decimal("3"),
        audio=Decimal("100"),
        request=Decimal("0.005"),  # per request, as published
        image=Decimal("0.001238"),  # per image, as published
        web_search=Decimal("0.01"),  # per search, as published
        discount=Decimal("0.25"),
    )


def test_parse_pricing_shapes() -> None:
    assert parse_pricing(None, where="p") is None
    variable = parse_pricing({"prompt": "-1", "completion": "-1"}, where="p")
    assert variable is not None and variable.is_empty()
    # 2025 shape publishes zero surcharges, 2026 leaves them out: 0 stays 0, absent stays None.
    old = parse_pricing({"prompt": "0.0000001", "completion": "0.0000002", "image": "0"}, where="p")
    new = parse_pricing({"prompt": "0.0000001", "completion": "0.0000002"}, where="p")
    assert old is not None and old.image == Decimal(0)
    assert new is not None and new.image is None and new.input == Decimal("0.1")


def test_parse_pricing_error_names_the_key() -> None:
    with pytest.raises(
        ExtractError, match=r"^models body: data\[12\]\.pricing\.prompt: not a number: 'abc'$"
    ):
        parse_pricing({"prompt": "abc"}, where="models body: data[12].pricing")
    with pytest.raises(ExtractError, match=r"^p: not an object"):
        parse_pricing(["0.1"], where="p")  # type: ignore[arg-type]


def test_parse_pricing_keeps_overrides() -> None:
    pricing = parse_pricing(
        {
            "prompt": "0.00000125",
            "completion": "0.00001",
            "overrides": [
                {"min_prompt_tokens": 200000, "prompt": "0.0000025", "completion": 1.5e-05, "note": "x"},
                {
                    "condition": {"min_prompt_tokens": 1000000, "input_cache_read": "0.0000005"},
                    "request": "1",
                },
            ],
        },
        where="p",
    )
    assert pricing is not None
    assert pricing.overrides == [
        {"min_prompt_tokens": 200000, "input": "2.5", "output": "15", "note": "x"},
        {"condition": {"min_prompt_tokens": 1000000, "cache_read": "0.5"}, "request": "1"},
    ]
    with pytest.raises(ExtractError, match=r"p\.overrides\[0\]\.prompt: not a number"):
        parse_pricing({"overrides": [{"prompt": "free"}]}, where="p")
    with pytest.raises(ExtractError, match=r"p\.overrides: not a list"):
        parse_pricing({"overrides": {"prompt": "1"}}, where="p")


def model_entry(model_id: str = "acme/one", **extra: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": model_id,
        "name": "Acme: One",
        "created": 1758548275,
        "context_length": 131072,
        "architecture": {"input_modalities": ["text", "image"], "output_modalities": ["text"]},
        "pricing": {"prompt": "0.00000027", "completion": "0.00000095"},
        "top_provider": {"context_length": 65536, "max_completion_tokens": 8192},
        "supported_parameters": ["tools", "max_tokens", "temperature"],
        "default_parameters": {"temperature": 0.6, "top_p": None},
    }
    entry.update(extra)
    return entry


def test_parse_models_inline() -> None:
    body = json.dumps({"data": [model_entry(), model_entry("acme/two", top_provider=None)]})
    models, endpoints, problems = parse_models(body, base_url=BASE + "/")
    assert problems == []
    assert [m.id for m in models] == ["acme/one", "acme/two"]
    assert models[0].released == date(2025, 9, 22)
    assert models[0].input_modalities == ("text", "image")
    assert endpoints[0] == EndpointIn(
        provider="OpenRouter",
        model="acme/one",
        provider_model_id="acme/one",
        url=f"{BASE}/chat/completions",
        protocol="openai",
        name="Acme: One",
        context_length=65536,
        max_output_tokens=8192,
        parameters=("max_tokens", "temperature", "tools"),
        parameter_defaults={"temperature": 0.6},
        pricing=Pricing(input=Decimal("0.27"), output=Decimal("0.95")),
        released=date(2025, 9, 22),
    )
    assert endpoints[1].context_length == 131072  # no top_provider: the model's own


def test_one_bad_entry_becomes_a_problem() -> None:
    entries = [
        model_entry("acme/good"),
        model_entry("acme/bad-price", pricing={"prompt": "abc"}),
        {"name": "no id"},
        "not an object",
        model_entry("acme/bad-context", context_length="big"),
        model_entry("acme/good"),
        model_entry("acme/also-good"),
    ]
    models, endpoints, problems = parse_models(json.dumps({"data": entries}), base_url=BASE)
    assert [m.id for m in models] == ["acme/good", "acme/also-good"]
    assert [e.model for e in endpoints] == ["acme/good", "acme/also-good"]
    assert [p.kind for p in problems] == ["malformed_json"] * 4 + ["duplicate_model"]
    assert all(p.parser for p in problems[:4]) and not problems[4].parser
    assert problems[0].message == "models body: data[1].pricing.prompt: not a number: 'abc'"
    assert problems[1].message.startswith("models body: data[2].id: missing")
    assert problems[3].message == "models body: data[4].context_length: not an integer: 'big'"
    assert problems[0].url == f"{BASE}/models"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html>rate limited</html>", "models body: not JSON"),
        ("", "models body: not JSON"),
        (b"\xff\xfe\x00", "models body: not JSON"),
        ("[]", "models body: expected an object with 'data'"),
        ('{"error": {"code": 500}}', "models body: expected an object with 'data'"),
        ('{"data": {"id": "x"}}', "models body: data: expected a list"),
        ('{"data": null}', "models body: data: expected a list"),
    ],
)
def test_malformed_models_body_raises(body: bytes | str, message: str) -> None:
    with pytest.raises(ExtractError, match=f"^{message}"):
        parse_models(body, base_url=BASE)


def endpoints_body(*endpoints: dict[str, Any], **model: Any) -> str:
    data = {
        "id": "acme/one",
        "name": "Acme: One",
        "created": 1758548275,
        **model,
        "endpoints": list(endpoints),
    }
    return json.dumps({"data": data})


def endpoint_entry(provider: str = "DeepInfra", tag: str = "deepinfra/fp4", **extra: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": f"{provider} | acme/one",
        "provider_name": provider,
        "tag": tag,
        "quantization": "fp4",
        "context_length": 163840,
        "max_completion_tokens": 32768,
        "max_prompt_tokens": None,
        "pricing": {"prompt": 2.7e-07, "completion": "0.00000095", "discount": 0},
        "supported_parameters": ["top_p", "max_tokens"],
        "status": 0,
        "uptime_last_5m": None,
        "uptime_last_30m": 100,
        "uptime_last_1d": 99.98,
        "latency_last_30m": {"p50": 752, "p75": 1142.25, "p90": None},
        "throughput_last_30m": None,
    }
    entry.update(extra)
    return entry


def test_parse_endpoints_inline() -> None:
    body = endpoints_body(endpoint_entry(), endpoint_entry("Novita", "novita/fp8", pricing={"prompt": "x"}))
    model, endpoints, problems = parse_endpoints(body, model_id="acme/one", base_url=BASE)
    assert model is not None and model.id == "acme/one" and model.released == date(2025, 9, 22)
    assert len(endpoints) == 1
    ep = endpoints[0]
    assert (ep.provider, ep.model, ep.provider_model_id, ep.tag) == (
        "DeepInfra",
        "acme/one",
        "acme/one",
        "deepinfra/fp4",
    )
    assert (ep.url, ep.protocol, ep.quantization) == (f"{BASE}/chat/completions", "openai", "fp4")
    assert (ep.context_length, ep.max_output_tokens, ep.max_prompt_tokens) == (163840, 32768, None)
    assert ep.parameters == ("max_tokens", "top_p")
    assert ep.pricing == Pricing(input=Decimal("0.27"), output=Decimal("0.95"), discount=Decimal(0))
    assert ep.reported is not None and ep.reported.source == "openrouter"
    assert (ep.reported.uptime_5m, ep.reported.uptime_30m, ep.reported.uptime_1d) == (None, 100.0, 99.98)
    assert ep.reported.latency_30m == {"p50": 752.0, "p75": 1142.25}
    assert ep.reported.throughput_30m is None and ep.reported.status == 0
    assert [p.message for p in problems] == [
        "endpoints body for acme/one: data.endpoints[1].pricing.prompt: not a number: 'x'"
    ]
    assert problems[0].url == f"{BASE}/models/acme/one/endpoints" and problems[0].parser


def test_parse_endpoints_bad_model_fields_keep_endpoints() -> None:
    body = endpoints_body(endpoint_entry(), endpoint_entry(provider_name=None), created="yesterday")
    model, endpoints, problems = parse_endpoints(body, model_id="acme/one", base_url=BASE)
    assert model is None
    assert len(endpoints) == 1
    assert [p.message.split(": ", 1)[1] for p in problems] == [
        "data.created: not a unix timestamp: 'yesterday'",
        "data.endpoints[1].provider_name: missing",
    ]


@pytest.mark.parametrize(
    "body",
    ["nope", '{"data": []}', '{"data": {"id": "acme/one"}}', '{"data": {"endpoints": {}}}', '{"error": {}}'],
)
def test_malformed_endpoints_body_raises(body: str) -> None:
    with pytest.raises(ExtractError, match="^endpoints body for acme/one"):
        parse_endpoints(body, model_id="acme/one", base_url=BASE)


def test_parse_providers_inline() -> None:
    body = {
        "data": [
            {"name": "SambaNova", "slug": "sambanova", "headquarters": "US", "datacenters": None},
            {"slug": "nameless"},
        ]
    }
    assert [(p.name, p.slug, p.meta) for p in parse_providers(json.dumps(body))] == [
        ("SambaNova", "sambanova", {"headquarters": "US"})
    ]
    with pytest.raises(ExtractError, match="^providers body"):
        parse_providers('{"providers": []}')


@pytest.mark.parametrize(
    ("name", "count", "prices"),
    [("models-2025-12-02.json", 335, ("0.21", "0.79")), ("models-2026-05-22.json", 356, ("0.27", "0.95"))],
)
def test_real_models_bodies(name: str, count: int, prices: tuple[str, str]) -> None:
    models, endpoints, problems = parse_models(fixture(name), base_url=BASE)
    assert (len(models), len(endpoints), problems) == (count, count, [])
    assert {e.provider for e in endpoints} == {"OpenRouter"}
    terminus = next(e for e in endpoints if e.model == TERMINUS)
    assert terminus.pricing is not None
    assert (terminus.pricing.input, terminus.pricing.output) == tuple(Decimal(p) for p in prices)
    assert terminus.context_length == 163840 and terminus.released == date(2025, 9, 22)
    assert "tools" in terminus.parameters and list(terminus.parameters) == sorted(terminus.parameters)
    model = next(m for m in models if m.id == TERMINUS)
    assert model.hugging_face_id == "deepseek-ai/DeepSeek-V3.1-Terminus"
    assert model.meta["tokenizer"] == "DeepSeek"
    auto = next(e for e in endpoints if e.model == "openrouter/auto")
    assert auto.pricing is not None and auto.pricing.is_empty()  # "-1": variable, not a price


def test_real_models_shapes_differ_in_zero_keys() -> None:
    old = {e.model: e for e in parse_models(fixture("models-2025-12-02.json"), base_url=BASE)[1]}
    new = {e.model: e for e in parse_models(fixture("models-2026-05-22.json"), base_url=BASE)[1]}
    old_pricing, new_pricing = old[TERMINUS].pricing, new[TERMINUS].pricing
    assert old_pricing is not None and new_pricing is not None
    assert old_pricing.request == Decimal(0) and new_pricing.request is None
    assert new[TERMINUS].max_output_tokens == 32768 and old[TERMINUS].max_output_tokens is None
    models = {m.id: m for m in parse_models(fixture("models-2026-05-22.json"), base_url=BASE)[0]}
    assert models[TERMINUS].meta["knowledge_cutoff"] == "2025-03-31"


def test_real_endpoints_bodies() -> None:
    bodies: dict[str, Any] = json.loads(fixture("endpoints-2026-05-18.json"))
    assert len(bodies) == 343
    endpoints: list[EndpointIn] = []
    problems = []
    for model_id, body in bodies.items():
        model, found, trouble = parse_endpoints(json.dumps(body), model_id=model_id, base_url=BASE)
        assert model is not None and model.id == model_id
        endpoints += found
        problems += trouble
    # 832 entries; one is a second Google 'google-vertex/us-south1' entry for the same model (the same
    # endpoint identity), kept out and reported.
    assert len(endpoints) + len(problems) == 832
    assert [p.kind for p in problems] == ["duplicate_endpoint"]
    assert len({e.key for e in endpoints}) == len(endpoints)
    deepinfra = next(e for e in endpoints if e.model == TERMINUS and e.provider == "DeepInfra")
    assert (deepinfra.tag, deepinfra.context_length, deepinfra.quantization) == (
        "deepinfra/fp4",
        163840,
        "fp4",
    )
    assert deepinfra.reported is not None and deepinfra.reported.latency_30m is not None
    assert deepinfra.reported.latency_30m["p50"] == 752
    assert deepinfra.pricing is not None and deepinfra.pricing.input == Decimal("0.27")


def test_real_providers_body() -> None:
    providers = parse_providers(fixture("providers-2026-05.json"))
    assert len(providers) == 82
    samba = next(p for p in providers if p.slug == "sambanova")
    assert samba.name == "SambaNova" and samba.meta["status_page_url"] == "https://status.sambanova.ai/"
