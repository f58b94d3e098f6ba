"""LiteLLM's cost map parsed: both dated real fixtures (counts and facts read from the file here), and bad
input as one problem naming the source and the key path."""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal as D
from typing import Any

import pytest

from crawler.extract.litellm import parse_litellm
from tests.conftest import shared_path

FIXTURES = ["model_prices-2025-09-01.json", "model_prices-2026-07-24.json"]
MODES = ("chat", "completion", "responses")


def per_million(value: Any) -> D | None:
    """A per-token price per 1M, to 15 significant digits, independently of the parser (float, %.15g)."""
    return None if value is None else D(format(float(value) * 1e6, ".15g"))


@pytest.mark.parametrize("name", FIXTURES)
def test_real_fixture_counts_and_facts(name: str) -> None:
    body = shared_path("fixtures", "litellm", name).read_bytes()
    doc = {k: v for k, v in json.loads(body).items() if k != "sample_spec" and isinstance(v, dict)}
    listing = parse_litellm(body, url="u")
    assert listing.complete and listing.fatal is None
    assert [p for p in listing.problems if not p.warning] == []
    chat = {k: v for k, v in doc.items() if v.get("mode") in MODES}
    duplicates = [p for p in listing.problems if p.kind == "duplicate_endpoint"]
    assert len(listing.endpoints) == len(chat) - len(duplicates)
    skipped = Counter(v.get("mode") or "no mode" for v in doc.values() if v.get("mode") not in MODES)
    (summary,) = [p.message for p in listing.problems if p.kind == "skipped_entries"]
    assert summary.startswith(f"litellm: skipped {sum(skipped.values()):,} entries")
    for mode, n in skipped.items():
        assert f"{n:,} {mode}" in summary
    by_key = {(e.provider, e.provider_model_id): e for e in listing.endpoints}
    tiered = 0
    seen: set[tuple[str, str]] = set()
    for key, entry in chat.items():
        provider = entry["litellm_provider"]
        model_id = key.removeprefix(provider + "/")
        if (provider, model_id) in seen:
            continue  # a second key of one endpoint ("gemini-x" and "gemini/gemini-x"): the first is kept
        seen.add((provider, model_id))
        endpoint = by_key[(provider, model_id)]
        if "tiered_pricing" in entry:
            continue  # its base prices come from the range from 0 (tested below)
        if entry.get("input_cost_per_token") is None and entry.get("output_cost_per_token") is None:
            assert endpoint.pricing is None or endpoint.pricing.input is None  # never 0
            continue
        assert endpoint.pricing is not None
        assert endpoint.pricing.input == per_million(entry.get("input_cost_per_token")), key
        assert endpoint.pricing.output == per_million(entry.get("output_cost_per_token")), key
        assert endpoint.pricing.cache_read == per_million(entry.get("cache_read_input_token_cost")), key
        above = [k for k in entry if re.fullmatch(r"input_cost_per_token_above_\d+k_tokens", k)]
        if above:
            tiered += 1
            sizes = sorted(int(k.split("_above_")[1][:-8]) * 1000 for k in above)
            assert endpoint.pricing.overrides is not None
            assert [o["min_prompt_tokens"] for o in endpoint.pricing.overrides][: len(sizes)] == sizes
        assert endpoint.context_length == (entry.get("max_input_tokens") or None)
    assert tiered > 10


def test_provider_prefix_and_float_noise() -> None:
    body = {
        "openrouter/deepseek/deepseek-r1": {"litellm_provider": "openrouter", "mode": "chat"},
        "bedrock/us-east-1/meta.llama3-70b": {"litellm_provider": "bedrock", "mode": "chat"},
        "gpt-4o": {
            "litellm_provider": "openai",
            "mode": "chat",
            "input_cost_per_token": 2.9999900000000002e-06,
            "output_cost_per_token": 8.333333333333334e-08,
            "max_tokens": 4096,
        },
        "text-embedding-3-small": {"litellm_provider": "openai", "mode": "embedding"},
    }
    listing = parse_litellm(json.dumps(body))
    ids = {e.provider_model_id: e for e in listing.endpoints}
    assert sorted(ids) == ["deepseek/deepseek-r1", "gpt-4o", "us-east-1/meta.llama3-70b"]
    gpt = ids["gpt-4o"]
    assert gpt.pricing is not None
    assert (gpt.pricing.input, gpt.pricing.output) == (D("2.99999"), D("0.0833333333333333"))
    assert (gpt.context_length, gpt.max_output_tokens) == (None, None)  # max_tokens alone is ambiguous
    assert [p.message for p in listing.problems] == [
        "litellm: skipped 1 entries that are not chat models: 1 embedding"
    ]


WHOLE = [
    ("", "litellm: not JSON"),
    ('{"gpt-4o": {"litellm_provider": "op', "litellm: not JSON"),
    ("[1, 2]", "litellm: expected an object keyed by model, got [1, 2]"),
    ("{}", "litellm: lists no models"),
    (
        '{"sample_spec": {"mode": "chat"}, "e": {"litellm_provider": "x", "mode": "embedding"}}',
        "litellm: lists no",
    ),
]


@pytest.mark.parametrize(("body", "message"), WHOLE)
def test_an_unreadable_document_is_one_problem_and_incomplete(body: str, message: str) -> None:
    listing = parse_litellm(body, url="u")
    assert not listing.complete and listing.endpoints == []
    errors = [p for p in listing.problems if not p.warning]
    assert len(errors) == 1 and errors[0].message.startswith(message) and errors[0].parser


ENTRY = [
    ({"input_cost_per_token": "abc"}, "input_cost_per_token: 'abc' is not a number"),
    ({"input_cost_per_token": "-1"}, "input_cost_per_token: '-1' is negative, not a price"),
    ({"output_cost_per_token": -1e-06}, "output_cost_per_token: -0.000001 is negative, not a price"),
    (
        {"input_cost_per_token_above_200k_tokens": "x"},
        "input_cost_per_token_above_200k_tokens: 'x' is not a number",
    ),
    ({"max_input_tokens": "lots"}, "max_input_tokens: not a token count: 'lots'"),
]


@pytest.mark.parametrize(("change", "message"), ENTRY)
def test_a_bad_value_skips_its_entry_only(change: dict[str, Any], message: str) -> None:
    good = {"litellm_provider": "deepinfra", "mode": "chat", "input_cost_per_token": 4.3e-07}
    body = {"deepinfra/zai-org/GLM-4.7": {**good, **change}, "deepinfra/other": good}
    listing = parse_litellm(json.dumps(body))
    assert [p.message for p in listing.problems] == [f'litellm: ["deepinfra/zai-org/GLM-4.7"].{message}']
    assert not listing.problems[0].warning
    assert [e.provider_model_id for e in listing.endpoints] == ["other"]


def test_null_and_string_prices_and_tiered_pricing() -> None:
    body = {
        "x/m": {
            "litellm_provider": "x",
            "mode": "chat",
            "input_cost_per_token": None,
            "output_cost_per_token": "0.000002",
            "tiered_pricing": [
                {"input_cost_per_token": 5e-08, "range": [0, 256000.0]},
                {"input_cost_per_token": 2.5e-07, "range": [256000.0, 1000000.0]},
            ],
        }
    }
    (endpoint,) = parse_litellm(json.dumps(body)).endpoints
    assert endpoint.pricing is not None
    assert (endpoint.pricing.input, endpoint.pricing.output) == (D("0.05"), D("2"))
    assert endpoint.pricing.overrides == [{"min_prompt_tokens": 256000, "input": "0.25"}]
