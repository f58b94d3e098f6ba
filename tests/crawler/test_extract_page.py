"""The static model-page extractor over the five seed pages, the replica's own pages and edge cases.

One row per page: what the page shows, and what the extractor must read from it. The seeds are rendered
page text (../shared/seeds), turned into HTML one ``<div>`` per line, as faithfully as text allows.
"""

from __future__ import annotations

import html
import json
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from crawler.extract.page import PageExtraction, PageOffer, extract_page, offer_to_json

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
PAGES = REPO / "replica" / "pages"
D = Decimal

OR_PARAMS = [
    "reasoning",
    "include_reasoning",
    "max_tokens",
    "temperature",
    "top_p",
    "stop",
    "frequency_penalty",
    "presence_penalty",
    "repetition_penalty",
    "top_k",
    "seed",
    "min_p",
    "response_format",
    "tools",
    "tool_choice",
    "logit_bias",
    "structured_outputs",
]
OR_DEFAULTS = {
    "temperature": "1",
    "top_p": "1",
    "frequency_penalty": "0",
    "presence_penalty": "0",
    "repetition_penalty": "1",
    "top_k": "0",
    "min_p": "0",
}
R1_PARAMS = sorted(
    [
        "frequency_penalty",
        "include_reasoning",
        "max_completion_tokens",
        "max_tokens",
        "presence_penalty",
        "reasoning",
        "repetition_penalty",
        "seed",
        "stop",
        "temperature",
        "tool_choice",
        "tools",
        "top_k",
        "top_p",
    ]
)
EIGEN_PARAMS = [
    "max_tokens",
    "chat_template_kwargs.thinking",
    "reasoning_effort",
    "separate_reasoning",
    "temperature",
    "top_p",
    "top_k",
]
OR_CHAT = "https://openrouter.ai/api/v1/chat/completions"
EIGEN_ENDPOINTS = [
    "https://app.eigenai.com/api/v1/generate",
    "https://app.eigenai.com/api/v1/generate/stream",
]

# seed file prefix -> (page URL, expected facts)
SEEDS: dict[str, tuple[str, dict[str, Any]]] = {
    "000": (
        "https://openrouter.ai/deepseek/deepseek-v3.1-terminus",
        {
            "provider": "OpenRouter",
            "model": "deepseek/deepseek-v3.1-terminus",
            "name": "DeepSeek: DeepSeek V3.1 Terminus",
            "context_length": {163840, 164000},
            "pricing": {"input": D("0.27"), "output": D("0.95")},
            "currency": "USD",
            "parameters": OR_PARAMS,
            "parameter_defaults": OR_DEFAULTS,
            "endpoints": [OR_CHAT],
            "released": date(2025, 9, 22),
        },
    ),
    "001": (
        "https://openrouter.ai/deepseek/deepseek-chat-v3.1:free",
        {
            "model": "deepseek/deepseek-chat-v3.1:free",
            "name": "DeepSeek: DeepSeek V3.1 (free)",
            "context_length": 64000,
            "pricing": {"input": D(0), "output": D(0)},
            "currency": "USD",
            "released": date(2025, 8, 21),
        },
    ),
    "002": (
        "https://models.example.com/deepseek/deepseek-r1",
        {
            "model": "deepseek-r1",
            "name": "R1",
            "context_length": 64000,
            "pricing": {"input": D("0.70"), "output": D("2.50")},
            "currency": "USD",
            "parameters_sorted": R1_PARAMS,
            "released": None,
        },
    ),
    "003": (
        "https://app.eigenai.com/deepseek.html",
        {
            "provider": "EigenAI",
            "model": "deepseek-v31-terminus",
            "name": "Deepseek V3.1 Chat",
            "context_length": None,
            "pricing": {"input": D("0.40"), "output": D("2.0")},
            "currency": "credits",
            "parameters": EIGEN_PARAMS,
            "endpoints": EIGEN_ENDPOINTS,
        },
    ),
    "004": (
        "https://openrouter.ai/deepseek/deepseek-v3.2",
        {
            "model": "deepseek/deepseek-v3.2",
            "name": "DeepSeek: DeepSeek V3.2",
            "context_length": 163840,
            "pricing": {"input": D("0.28"), "output": D("0.40")},
            "currency": "USD",
            "released": date(2025, 12, 1),
        },
    ),
}

# replica page -> expected facts of each offer, in page order
PAGE_ROWS: dict[str, list[dict[str, Any]]] = {
    "openrouter-deepseek-v3.1-terminus.html": [SEEDS["000"][1] | {"context_length": 164000}],
    "openrouter-deepseek-chat-v3.1-free.html": [
        SEEDS["001"][1] | {"provider": "OpenRouter", "endpoints": [OR_CHAT]}
    ],
    "openrouter-deepseek-v3.2.html": [SEEDS["004"][1] | {"provider": "OpenRouter", "endpoints": []}],
    "aggregator-deepseek-r1.html": [SEEDS["002"][1] | {"endpoints": [OR_CHAT]}],
    "deepseek.html": [SEEDS["003"][1] | {"provider": None, "released": None}],
    "broken-layout.html": [
        {"model": "deepseek/deepseek-v3.1-terminus", "pricing": None, "context_length": 164000},
    ],
    "together-serverless-pricing.html": [
        {"model": "deepseek-ai/DeepSeek-V3.1", "name": "DeepSeek-V3.1", "context_length": 128000}
        | {"pricing": {"input": D("0.60"), "output": D("1.70")}, "provider": "Together AI"},
        {
            "model": "deepseek-ai/DeepSeek-R1",
            "context_length": 163840,
            "pricing": {"input": D(3), "output": D(7)},
        },
        {
            "model": "meta-llama/Llama-3.3-70B-Instruct-Turbo",
            "pricing": {"input": D("0.88"), "output": D("0.88")},
        },
        {"model": "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo", "context_length": 131072}
        | {
            "pricing": {"input": D("0.18"), "output": D("0.18")},
            "endpoints": ["https://api.together.xyz/v1/chat/completions"],
        },
    ],
    "groq-pricing-table.html": [
        {
            "model": "llama-3.3-70b-versatile",
            "pricing": {"input": D("0.59"), "output": D("0.79")},
            "provider": "Groq",
        },
        {"model": "llama-3.1-8b-instant", "pricing": {"input": D("0.05"), "output": D("0.08")}},
        {
            "model": None,
            "name": "Mystery Preview Model",
            "pricing": {"input": D("0.20"), "output": D("0.60")},
        },
    ],
    "fireworks-nextjs-deepseek-v3p1.html": [
        {
            "model": "accounts/fireworks/models/deepseek-v3p1",
            "name": "DeepSeek V3.1",
            "context_length": 163840,
        }
        | {"max_output_tokens": 32768, "pricing": {"input": D("0.56"), "output": D("1.68")}}
        | {"provider": "Fireworks AI", "released": date(2025, 8, 21)}
        | {"parameters": ["max_tokens", "temperature", "top_p", "top_k", "tools", "response_format"]},
    ],
    "nebius-jsonld-llama-3.1-8b.html": [
        {"model": "meta-llama/Meta-Llama-3.1-8B-Instruct", "name": "Meta Llama 3.1 8B Instruct"}
        | {"context_length": 131072, "max_output_tokens": 8192, "released": date(2024, 7, 23)}
        | {"pricing": {"input": D("0.02"), "output": D("0.06")}, "currency": "USD"},
    ],
    "deepinfra-dl-qwen3-235b.html": [
        {"model": "Qwen/Qwen3-235B-A22B-Instruct-2507", "context_length": 262144, "max_output_tokens": 16384}
        | {"pricing": {"input": D("0.13"), "cache_read": D("0.065"), "output": D("0.60")}}
        | {
            "released": date(2025, 7, 21),
            "endpoints": ["https://api.deepinfra.com/v1/openai/chat/completions"],
        },
    ],
    "anthropic-claude-sonnet-4.5.html": [
        {"model": "claude-sonnet-4-5", "name": "Claude Sonnet 4.5", "context_length": 200000}
        | {
            "max_output_tokens": 64000,
            "provider": "Anthropic",
            "endpoints": ["https://api.anthropic.com/v1/messages"],
        }
        | {"pricing": {"input": D(3), "output": D(15), "cache_write": D("3.75"), "cache_read": D("0.30")}},
    ],
    "openai-legacy-per-1k.html": [
        {
            "model": "gpt-3.5-turbo-0125",
            "context_length": 16000,
            "pricing": {"input": D("0.5"), "output": D("1.5")},
        },
    ],
}
PAGE_PROBLEMS = {"broken-layout.html": ["no price found"], "groq-pricing-table.html": ["no model id found"]}


def seed_html(text: str) -> str:
    """A seed's rendered text as HTML: one escaped ``<div>`` per line inside ``<body>``."""
    body = "".join(f"<div>{html.escape(line, quote=False)}</div>\n" for line in text.split("\n"))
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>\n{body}</body></html>"


def assert_offer(offer: PageOffer, expected: dict[str, Any]) -> None:
    """Compare the fields named in ``expected`` (a set means any of its values)."""
    for key, want in expected.items():
        if key == "parameters_sorted":
            assert sorted(offer.parameters) == want
            assert len(offer.parameters) == len(want)
        elif key in ("parameters", "endpoints"):
            assert list(getattr(offer, key)) == want, key
        elif isinstance(want, set):
            assert getattr(offer, key) in want, key
        else:
            assert getattr(offer, key) == want, key
    if offer.pricing is not None:
        assert all(isinstance(v, Decimal) for v in offer.pricing.values())


def seed_path(prefix: str) -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"../shared/seeds not found: {SHARED / 'seeds'}")
    return next((SHARED / "seeds").glob(f"{prefix}_*.txt"))


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_page(prefix: str) -> None:
    url, expected = SEEDS[prefix]
    result = extract_page(seed_html(seed_path(prefix).read_text(encoding="utf-8")), url=url)
    assert result.problems == []
    assert len(result.offers) == 1
    assert_offer(result.offers[0], expected)


def test_seed_003_counts_the_documented_parameters() -> None:
    result = extract_page(seed_html(seed_path("003").read_text(encoding="utf-8")), url=SEEDS["003"][0])
    params = result.offers[0].parameters
    for name in ("chat_template_kwargs.thinking", "reasoning_effort", "separate_reasoning", "top_k"):
        assert name in params


@pytest.mark.parametrize("filename", sorted(PAGE_ROWS))
def test_replica_page(filename: str) -> None:
    url = f"http://127.0.0.1:8000/{filename}"
    result = extract_page((PAGES / filename).read_text(encoding="utf-8"), url=url)
    assert len(result.offers) == len(PAGE_ROWS[filename])
    for offer, expected in zip(result.offers, PAGE_ROWS[filename], strict=True):
        assert offer.url == url
        assert_offer(offer, expected)
    want_problems = PAGE_PROBLEMS.get(filename, [])
    assert len(result.problems) == len(want_problems)
    for problem, want in zip(result.problems, want_problems, strict=True):
        assert problem.startswith(want)


def test_every_replica_page_has_a_row() -> None:
    assert {p.name for p in PAGES.glob("*.html")} == set(PAGE_ROWS)
    readme = (PAGES / "README.md").read_text(encoding="utf-8")
    assert all(name in readme for name in PAGE_ROWS)


def test_caller_provider_wins() -> None:
    body = (PAGES / "deepseek.html").read_text(encoding="utf-8")
    offer = extract_page(body, url="http://127.0.0.1:9/deepseek.html", provider="EigenAI").offers[0]
    assert offer.provider == "EigenAI"


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   \n\t",
        "\x00\x01\x02\xff\xfe binary \x00 junk",
        "not html at all, just words",
        "<html><body></body>",
    ],
    ids=["empty", "blank", "binary", "prose", "empty-body"],
)
def test_garbage_gives_no_offers_and_a_problem(body: str) -> None:
    result = extract_page(body, url="https://example.com/x")
    assert result == PageExtraction(offers=[], problems=result.problems)
    assert result.problems


def test_random_bytes_never_raise() -> None:
    junk = bytes(range(256)).decode("latin-1") * 50
    assert extract_page(junk, url="https://example.com/").offers == []


@pytest.mark.parametrize(
    ("snippet", "pricing"),
    [
        (
            "<div>Input Price</div><div>Free</div><div>Output Price</div><div>Free</div>",
            {"input": 0, "output": 0},
        ),
        ("<p>Pricing: Free</p>", {"input": 0, "output": 0}),
        (
            "<p>Input: $0.0006 / 1K tokens</p><p>Output: $0.0018 / 1K tokens</p>",
            {"input": "0.6", "output": "1.8"},
        ),
        (
            "<p>$1.10 / 1M tokens input</p><p>$4.40 / 1M tokens output</p>",
            {"input": "1.10", "output": "4.40"},
        ),
        ("<p>Input: $3 per million tokens · Output: $15 per million tokens</p>", {"input": 3, "output": 15}),
        (
            "<p>Prompt $0.00000027 per token, completion $0.00000095 per token</p>",
            {"input": "0.27", "output": "0.95"},
        ),
        (
            "<p>Input $2.50 / 1M · Cached input $1.25 / 1M · Output $10.00 / 1M</p>",
            {"input": "2.5", "cache_read": "1.25", "output": 10},
        ),
        (
            "<p>Cache read $0.03/M · Cache write $0.30/M · Input $0.30/M · Output $2.50/M</p>",
            {"cache_read": "0.03", "cache_write": "0.3", "input": "0.3", "output": "2.5"},
        ),
        (
            "<table><tr><th>Input ($/1M tokens)</th><td>0.27</td></tr></table><p>Output: $1.10/M</p>",
            {"output": "1.1"},
        ),
        (
            "<p>Input: $1.50 / MTok</p><p>Batch input: $0.75 / MTok</p><p>Output: $6 / MTok</p>",
            {"input": "1.5", "output": 6},
        ),
        (
            "<p>$0.005 per request</p><p>Input $0.20/M · Output $0.20/M</p>",
            {"request": "0.005", "input": "0.2", "output": "0.2"},
        ),
        ("<p>GPU: $2.40 per hour</p><p>Input $0.90/M tokens</p>", {"input": "0.9"}),
    ],
    ids=[
        "free-labels",
        "pricing-free",
        "per-1k",
        "tokens-role-after",
        "per-million",
        "per-token",
        "cached",
        "cache-rw",
        "header-only",
        "batch-skipped",
        "request",
        "hour-skipped",
    ],
)
def test_price_forms(snippet: str, pricing: dict[str, Any]) -> None:
    body = f"<html><body><h1>Test Model</h1><p>Model ID: test-model-1</p>{snippet}</body></html>"
    offer = extract_page(body, url="https://provider.example/models/test-model-1").offers[0]
    assert offer.pricing == {k: Decimal(str(v)) for k, v in pricing.items()}


@pytest.mark.parametrize(
    ("snippet", "context", "max_output"),
    [
        ("<p>Context 64K tokens</p><p>Max output 32K tokens</p>", 64000, 32000),
        ("<p>128k context window</p>", 128000, None),
        ("<div>Context window</div><div>1M</div>", 1000000, None),
        ("<p>Context length: 131,072 · max_completion_tokens: 8192</p>", 131072, 8192),
        ("<p>Trained on long documents, reaching up to 128K tokens.</p>", None, None),
    ],
)
def test_context_forms(snippet: str, context: int | None, max_output: int | None) -> None:
    body = f"<html><body><h1>Test</h1><p>Model: test-model-1</p><p>Input $1/M</p>{snippet}</body></html>"
    offer = extract_page(body, url="https://provider.example/m").offers[0]
    assert (offer.context_length, offer.max_output_tokens) == (context, max_output)


def test_model_without_price_is_not_zero() -> None:
    body = (
        "<html><body><h1>Some Model</h1><div>acme/some-model-7b</div><p>Context 32K tokens</p></body></html>"
    )
    result = extract_page(body, url="https://provider.example/acme/some-model-7b")
    assert result.offers[0].pricing is None
    assert result.problems == ["no price found"]
    assert offer_to_json(result.offers[0])["pricing"] is None


def test_json_is_the_extract_contract_and_prints_exact_numbers() -> None:
    body = (PAGES / "openrouter-deepseek-v3.1-terminus.html").read_text(encoding="utf-8")
    offer = extract_page(body, url="https://openrouter.ai/deepseek/deepseek-v3.1-terminus").offers[0]
    obj = offer_to_json(offer)
    keys = {
        "url",
        "provider",
        "model",
        "name",
        "context_length",
        "max_output_tokens",
        "pricing",
        "currency",
        "usd_rate",
    }
    assert keys | {"parameters", "parameter_defaults", "endpoints", "released", "notes"} == set(obj)
    text = json.dumps(obj)
    assert '"input": 0.27' in text and '"output": 0.95' in text
    assert obj["released"] == "2025-09-22"
    assert json.loads(text)["parameters"] == OR_PARAMS


def test_explain_says_where_every_value_was_read() -> None:
    """Every field with a value has its evidence (a locator, the text, a method and how sure); the
    fields the page does not show have none."""
    body = (PAGES / "openrouter-deepseek-v3.1-terminus.html").read_text(encoding="utf-8")
    offer = extract_page(body, url="https://openrouter.ai/deepseek/deepseek-v3.1-terminus").offers[0]
    obj = offer_to_json(offer, explain=True)
    shown = {
        k
        for k in ("model", "name", "context_length", "max_output_tokens", "pricing", "parameters", "released")
        if obj[k] not in (None, [], {})
    }
    assert shown <= set(obj["evidence"]), (shown, obj["evidence"])
    for name, why in obj["evidence"].items():
        assert obj[name] not in (None, [], {}), name
        assert why["where"] and why["snippet"] and why["method"], (name, why)
        assert 0 < why["confidence"] <= 1
    assert "0.27" in obj["evidence"]["pricing"]["snippet"]
    assert "evidence" not in offer_to_json(offer)


#: What "quickly" means for a huge page: catastrophic backtracking takes hours; a quiet machine takes 1-3 s;
#: 60 s leaves a loaded 2-core machine its room and stays under the test timeout (120 s).
SLOW_S = 60


def test_huge_page_finishes_quickly() -> None:
    junk = "<div>" + ("lorem ipsum 123 $ / per M tokens 4,5 " * 60 + "</div><div>") * 900 + "</div>"
    body = f"<html><body><h1>Big</h1><p>Model: big-model-1</p><p>Input $1/M</p>{junk}</body></html>"
    assert len(body) > 2_000_000
    started = time.perf_counter()
    result = extract_page(body, url="https://provider.example/big")
    assert time.perf_counter() - started < SLOW_S
    assert result.offers[0].pricing == {"input": Decimal(1)}


def test_one_long_line_of_junk_finishes_quickly() -> None:
    body = "<html><body><p>" + "a1-b2/c3 $$ 1,2,3 per " * 100_000 + "</p></body></html>"
    started = time.perf_counter()
    extract_page(body, url="https://provider.example/big")
    assert time.perf_counter() - started < SLOW_S


def test_models_as_columns_table_reads_cache_hit_and_miss() -> None:
    body = """<html><body><h1>Models &amp; Pricing</h1><table>
    <tr><th>MODEL</th><th>deepseek-chat</th><th>deepseek-reasoner</th></tr>
    <tr><td>CONTEXT LENGTH</td><td>128K</td><td>128K</td></tr>
    <tr><td>MAX OUTPUT</td><td>DEFAULT: 4K</td><td>DEFAULT: 32K</td></tr>
    <tr><td>1M INPUT TOKENS (CACHE HIT)</td><td>$0.028</td><td>$0.028</td></tr>
    <tr><td>1M INPUT TOKENS (CACHE MISS)</td><td>$0.28</td><td>$0.28</td></tr>
    <tr><td>1M OUTPUT TOKENS</td><td>$0.42</td><td>$0.42</td></tr></table>
    <pre>curl https://api.deepseek.com/chat/completions -d '{"model": "deepseek-chat"}'</pre></body></html>"""
    offer = extract_page(body, url="https://api-docs.deepseek.com/quick_start/pricing").offers[0]
    assert offer.model == "deepseek-chat"
    assert offer.pricing == {"cache_read": D("0.028"), "input": D("0.28"), "output": D("0.42")}
    assert offer.context_length == 128000
    assert offer.endpoints == ("https://api.deepseek.com/chat/completions",)


def test_path_style_model_id_and_glued_label_values() -> None:
    body = """<html><body><h1>DeepSeek V3</h1><p>accounts/fireworks/models/deepseek-v3</p>
    <div><span>Input</span><span>$0.90/M</span></div><div><span>Output</span><span>$0.90/M</span></div>
    <div><span>Context</span><span>131,072</span></div><div><span>Released</span><span>2024-12-26</span></div>
    </body></html>"""
    offer = extract_page(body, url="https://fireworks.ai/models/fireworks/deepseek-v3").offers[0]
    assert (offer.model, offer.provider) == ("accounts/fireworks/models/deepseek-v3", "Fireworks AI")
    assert offer.pricing == {"input": D("0.9"), "output": D("0.9")}
    assert (offer.context_length, offer.released) == (131072, date(2024, 12, 26))
