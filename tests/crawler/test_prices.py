"""Prices as real providers' pages write them: one row per case, from snippets in those pages' layouts.

Each text case is a piece of a model page (HTML, as the page sends it) and what the page extractor must
make of its prices: the standard price per role (per 1M tokens), the currency, what it notes beside them
(words a note must contain), and the problems it must report. The cell cases are single table cells,
read through `crawler.extract.price_cells` as the readers of pricing tables do.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from crawler.extract.amounts import read_amounts
from crawler.extract.page import extract_page, offer_to_json
from crawler.extract.price_cells import read_cell, standard_of
from crawler.extract.qualifiers import tier_of

D = Decimal

# id -> (HTML snippet, standard prices, currency, words each note must hold (one list per note), problems)
TEXT_CASES: dict[str, tuple[str, dict[str, Any] | None, str | None, list[list[str]], list[str]]] = {
    "deepinfra-in-out-mtoken": (
        '<div><span class="tag">163,840 context</span> <span class="tag price">$0.26 / $0.38 in/out Mtoken'
        '</span> <span class="tag price">$0.13 cached in Mtoken</span></div>',
        {"input": "0.26", "output": "0.38", "cache_read": "0.13"},
        "USD",
        [],
        [],
    ),
    "openai-legacy-per-1k": (
        "<p>Prompt: $0.03 / 1,000 tokens</p><p>Completion: $0.06 / 1,000 tokens</p>",
        {"input": 30, "output": 60},
        "USD",
        [],
        [],
    ),
    "per-1k-tokens-words": (
        "<p>Input: $0.0015 per 1K tokens · Output: $0.002 per 1K tokens</p>",
        {"input": "1.5", "output": 2},
        "USD",
        [],
        [],
    ),
    "cents-sign": (
        "<dl><dt>Input</dt><dd>5¢ / 1M tokens</dd><dt>Output</dt><dd>20¢ / 1M tokens</dd></dl>",
        {"input": "0.05", "output": "0.2"},
        "USD",
        [],
        [],
    ),
    "cents-word-per-1k": (
        "<p>Input: 0.5 cents per 1,000 tokens</p><p>Output: 1.5 cents per 1,000 tokens</p>",
        {"input": 5, "output": 15},
        "USD",
        [],
        [],
    ),
    "anthropic-mtok": (
        "<h3>Claude Haiku 4.5</h3><p>Input: $1 / MTok</p><p>Output: $5 / MTok</p>"
        "<p>Prompt caching write: $1.25 / MTok</p><p>Prompt caching read: $0.10 / MTok</p>",
        {"input": 1, "output": 5, "cache_write": "1.25", "cache_read": "0.1"},
        "USD",
        [],
        [],
    ),
    "sambanova-prose-per-million": (
        "<p>Pricing: $3.00 per million input tokens and $4.50 per million output tokens.</p>",
        {"input": 3, "output": "4.5"},
        "USD",
        [],
        [],
    ),
    "hyperbolic-single-price": (
        '<div class="stat"><div class="stat-label">Price</div><div class="stat-value">$0.40 / 1M tokens'
        '</div><div class="stat-hint">Same price for input and output tokens.</div></div>',
        {"input": "0.4", "output": "0.4"},
        "USD",
        [],
        [],
    ),
    "struck-del-old-price": (
        "<p>Input: <del>$0.50</del> $0.25 / 1M tokens</p><p>Output: $1.00 / 1M tokens</p>",
        {"input": "0.25", "output": 1},
        "USD",
        [["struck", "0.5"]],
        [],
    ),
    "struck-tailwind-class": (
        '<div>Output <span class="text-gray-400 line-through">$2.19</span> <span>$1.68</span> /M</div>'
        "<div>Input $0.56 /M</div>",
        {"output": "1.68", "input": "0.56"},
        "USD",
        [["old", "2.19"]],
        [],
    ),
    "struck-inline-style": (
        '<p>Input: <span style="color:#999; text-decoration: line-through">$0.90</span>'
        " $0.60 per 1M tokens</p>",
        {"input": "0.6"},
        "USD",
        [["struck", "0.9"]],
        [],
    ),
    "struck-stylesheet-class": (
        "<style>.was { color: grey; text-decoration: line-through }</style>"
        '<p>Output: <span class="was">$3.00</span> $2.50 / 1M tokens</p>',
        {"output": "2.5"},
        "USD",
        [["struck", "3"]],
        [],
    ),
    "promo-beside-struck-regular": (
        "<p>Input: <s>$0.60</s> $0.30 / 1M tokens (50% off, limited time)</p>"
        "<p>Output: $2.40 / 1M tokens</p>",
        {"input": "0.6", "output": "2.4"},
        "USD",
        [["promot", "0.3"]],
        [],
    ),
    "promo-alone-is-paid-now": (
        "<p>Input: $0.20 / 1M tokens — launch price until Dec 31</p><p>Output: $0.80 / 1M tokens</p>",
        {"input": "0.2", "output": "0.8"},
        "USD",
        [["promot", "0.2"]],
        [],
    ),
    "batch-line": (
        "<p>Input: $1.50 / MTok</p><p>Batch input: $0.75 / MTok</p><p>Output: $6 / MTok</p>"
        "<p>Batch output: $3 / MTok</p>",
        {"input": "1.5", "output": 6},
        "USD",
        [["batch", "0.75", "3"]],
        [],
    ),
    "batch-section-heading": (
        "<h3>Standard</h3><p>Input $2.00 /M</p><p>Output $8.00 /M</p>"
        "<h3>Batch API</h3><p>Input $1.00 /M</p><p>Output $4.00 /M</p>",
        {"input": 2, "output": 8},
        "USD",
        [["batch", "1", "4"]],
        [],
    ),
    "batch-rule-is-no-note": (
        "<p>Input $0.20 /M · Output $0.60 /M</p><p>Batch API: 50% off on every model.</p>",
        {"input": "0.2", "output": "0.6"},
        "USD",
        [],
        [],
    ),
    "gemini-tiers-in-text": (
        "<p>Input price: $1.25, prompts &lt;= 200k tokens; $2.50, prompts &gt; 200k tokens</p>"
        "<p>Output price: $10.00, prompts &lt;= 200k tokens; $15.00, prompts &gt; 200k</p>",
        {"input": "1.25", "output": 10},
        "USD",
        [["above", "200K", "2.5", "15"]],
        [],
    ),
    "anthropic-long-context-columns": (
        "<table><thead><tr><th>≤ 200K input tokens</th><th>&gt; 200K input tokens</th></tr></thead><tbody>"
        "<tr><td>Input: $3 / MTok</td><td>Input: $6 / MTok</td></tr>"
        "<tr><td>Output: $15 / MTok</td><td>Output: $22.50 / MTok</td></tr></tbody></table>",
        {"input": 3, "output": 15},
        "USD",
        [["above", "200K", "6", "22.5"]],
        [],
    ),
    "range": (
        "<p>Input: $0.10 – $0.90 / 1M tokens, by region</p><p>Output: $1.20 / 1M tokens</p>",
        {"output": "1.2"},
        "USD",
        [["range", "0.1", "0.9"]],
        [],
    ),
    "from-lower-bound": (
        "<p>Output: from $0.20 / 1M tokens</p><p>Input: $0.05 / 1M tokens</p>",
        {"input": "0.05"},
        "USD",
        [["from", "0.2"]],
        [],
    ),
    "siliconflow-yuan-per-million": (
        "<p>输入：¥4 / 百万 tokens</p><p>输出：¥16 / 百万 tokens</p>",
        {"input": 4, "output": 16},
        "CNY",
        [],
        [],
    ),
    "zhipu-yuan-sign-after": (
        "<p>输入 2元/百万tokens，输出 8元/百万tokens</p>",
        {"input": 2, "output": 8},
        "CNY",
        [],
        [],
    ),
    "rmb-code": (
        "<p>Input: RMB 0.8 / M tokens</p><p>Output: RMB 2 / M tokens</p>",
        {"input": "0.8", "output": 2},
        "CNY",
        [],
        [],
    ),
    "euro-sign": (
        "<p>Input: €0.90 per million tokens</p><p>Output: €0.90 per million tokens</p>",
        {"input": "0.9", "output": "0.9"},
        "EUR",
        [],
        [],
    ),
    "euro-decimal-comma": (
        "<p>Input: 0,37 € / M tokens</p><p>Output: 1,85 € / M tokens</p>",
        {"input": "0.37", "output": "1.85"},
        "EUR",
        [],
        [],
    ),
    "pound-sign": (
        "<p>Input £0.30 per 1M tokens · Output £1.20 per 1M tokens</p>",
        {"input": "0.3", "output": "1.2"},
        "GBP",
        [],
        [],
    ),
    "usd-and-eur-side-by-side": (
        "<p>Input: $0.40 / €0.37 per 1M tokens</p><p>Output: $2 / €1.85 per 1M tokens</p>",
        {"input": "0.4", "output": 2},
        "USD",
        [["EUR", "0.37", "1.85"]],
        [],
    ),
    "credits": (
        "<p>Input 0.40 credits / M tokens</p><p>Output 2.0 credits / M tokens</p>",
        {"input": "0.4", "output": 2},
        "credits",
        [],
        [],
    ),
    "free-label": (
        "<div>Input Price</div><div>Free</div><div>Output Price</div><div>Free</div>",
        {"input": 0, "output": 0},
        "USD",
        [],
        [],
    ),
    "dollar-zero": (
        "<p>$0/M input tokens</p><p>$0/M output tokens</p>",
        {"input": 0, "output": 0},
        "USD",
        [],
        [],
    ),
    "free-tier-is-no-price": (
        "<p>Free tier: 1 million tokens per day, no credit card required.</p><p>Input $0.10 /M</p>",
        {"input": "0.1"},
        "USD",
        [],
        [],
    ),
    "groq-tokens-per-dollar": (
        "<p>Input: $0.15 (6.67M / $1)</p><p>Output: $0.75 (1.33M / $1)</p>",
        {"input": "0.15", "output": "0.75"},
        "USD",
        [],
        [],
    ),
    "storage-per-hour-is-no-price": (
        "<p>Input: $0.30 / 1M tokens</p>"
        "<p>Context caching: $1.00 / 1,000,000 tokens per hour (storage price)</p>",
        {"input": "0.3"},
        "USD",
        [],
        [],
    ),
    "tool-per-1000-searches-is-no-price": (
        "<p>Input $3 / MTok</p><p>Web search: $10 per 1,000 searches</p>"
        "<p>Grounding: $35 / 1,000 grounded prompts</p>",
        {"input": 3},
        "USD",
        [],
        [],
    ),
    "two-standard-prices-are-ambiguous": (
        "<p>Input: $0.27 / 1M tokens</p><p>Output: $1.10 / 1M tokens</p><p>Input: $0.30 / 1M tokens</p>",
        {"input": "0.27", "output": "1.1"},
        "USD",
        [],
        ["ambiguous pricing.input: 0.27 (line 3) vs 0.3 (line 5)"],
    ),
    "same-price-twice-is-not-ambiguous": (
        "<p>Input: $0.27 / 1M tokens</p><p>Summary: input $0.27/M, output $1.10/M</p>"
        "<p>Output: $1.10 / 1M tokens</p>",
        {"input": "0.27", "output": "1.1"},
        "USD",
        [],
        [],
    ),
    "deepseek-struck-and-discount-columns": (
        "<table><tr><th>MODEL</th><th>deepseek-chat</th></tr>"
        "<tr><td>1M INPUT TOKENS (CACHE MISS)</td><td><del>$0.14</del> $0.27</td></tr>"
        "<tr><td>1M OUTPUT TOKENS</td><td><del>$0.28</del> $1.10</td></tr>"
        "<tr><td>DISCOUNT PRICE 1M OUTPUT TOKENS</td><td>$0.550 (50% OFF)</td></tr></table>",
        {"input": "0.27", "output": "1.1"},
        "USD",
        [["old", "0.14", "0.28"], ["discount", "0.55"]],
        [],
    ),
    "anthropic-role-inside-unit": (
        "<p>Pricing (input / output): $3 / input MTok, $15 / output MTok</p>",
        {"input": 3, "output": 15},
        "USD",
        [],
        [],
    ),
    "pair-with-roles-after-unit": (
        "<p>$0.59/$0.79 per 1M tokens (input/output)</p>",
        {"input": "0.59", "output": "0.79"},
        "USD",
        [],
        [],
    ),
    "role-in-parentheses": (
        "<p>$2.50 per million tokens (input) · $10.00 per million tokens (output)</p>",
        {"input": "2.5", "output": 10},
        "USD",
        [],
        [],
    ),
    "bedrock-label-per-1000-input-tokens": (
        "<p>Price per 1,000 input tokens: $0.00072</p><p>Price per 1,000 output tokens: $0.00072</p>",
        {"input": "0.72", "output": "0.72"},
        "USD",
        [],
        [],
    ),
    "unit-at-the-end-of-the-line": (
        "<p>$0.0004 input · $0.0016 output, per 1K tokens</p>",
        {"input": "0.4", "output": "1.6"},
        "USD",
        [],
        [],
    ),
    "dollar-sign-after": (
        "<p>Input: 1.10 $/M tokens</p><p>Output: 4.40 $/M tokens</p>",
        {"input": "1.1", "output": "4.4"},
        "USD",
        [],
        [],
    ),
    "no-price-is-null": (
        "<p>Context 32K tokens</p><p>Contact sales for pricing.</p>",
        None,
        None,
        [],
        ["no price found"],
    ),
}


def _page(snippet: str) -> str:
    return f"<html><body><h1>Test Model</h1><p>Model ID: test-model-1</p>{snippet}</body></html>"


@pytest.mark.parametrize("case", sorted(TEXT_CASES))
def test_text_prices(case: str) -> None:
    snippet, pricing, currency, notes, problems = TEXT_CASES[case]
    result = extract_page(_page(snippet), url="https://provider.example/models/test-model-1")
    offer = result.offers[0]
    want = None if pricing is None else {k: D(str(v)) for k, v in pricing.items()}
    assert offer.pricing == want
    if currency is not None:
        assert offer.currency == currency
    assert len(offer.notes) == len(notes), offer.notes
    for note, words in zip(offer.notes, notes, strict=True):
        for word in words:
            assert word.lower() in note.lower(), (word, note)
    assert len(result.problems) == len(problems), result.problems
    for problem, want_problem in zip(result.problems, problems, strict=True):
        assert problem.startswith(want_problem), problem


def test_price_evidence_names_the_lines_and_the_text_read() -> None:
    body = _page("<p>Input: <del>$0.50</del> $0.25 / 1M tokens</p><p>Output: $1.00 / 1M tokens</p>")
    offer = extract_page(body, url="https://provider.example/m").offers[0]
    why = offer_to_json(offer, explain=True)["evidence"]["pricing"]
    assert why["method"] == "text"
    assert why["where"] == "lines 3, 4"
    assert "Input: $0.50 $0.25 / 1M tokens" in why["snippet"] and "$1.00" in why["snippet"]


# id -> (cell text, header, row label, [(amount per 1M, currency, kind)], standard amount or None)
CELL_CASES: dict[str, tuple[str, str, str, list[tuple[str, str | None, str]], str | None]] = {
    "gemini-tiers": (
        "$1.25, prompts <= 200k tokens\n$2.50, prompts > 200k tokens",
        "Paid Tier, per 1M tokens in USD",
        "Input price",
        [("1.25", "USD", "standard"), ("2.5", "USD", "tier")],
        "1.25",
    ),
    "gemini-audio": (
        "$0.30 (text / image / video)\n$1.00 (audio)",
        "Paid Tier, per 1M tokens in USD",
        "Input price",
        [("0.3", "USD", "standard"), ("1", "USD", "audio")],
        "0.3",
    ),
    "mistral-usd-eur": (
        "$0.4\n€0.37",
        "Input (/M tokens)",
        "",
        [("0.4", "USD", "standard"), ("0.37", "EUR", "standard")],
        "0.4",
    ),
    "deepseek-struck": (
        "~~$0.014~~ $0.07",
        "deepseek-chat",
        "1M INPUT TOKENS (CACHE HIT)",
        [("0.014", "USD", "old"), ("0.07", "USD", "standard")],
        "0.07",
    ),
    "deepseek-discount": (
        "$0.035\n(50% OFF)",
        "deepseek-chat",
        "DISCOUNT PRICE",
        [("0.035", "USD", "discount")],
        None,
    ),
    "struck-given-apart": (
        "$0.27",
        "Input",
        "",
        [("0.27", "USD", "standard"), ("0.14", "USD", "old")],
        "0.27",
    ),
    "zhipu-bare-yuan-tier": ("4", "输入（元/百万tokens）", "(32, 200]", [("4", "CNY", "tier")], None),
    "zhipu-first-tier": ("2", "输入（元/百万tokens）", "[0, 32]", [("2", "CNY", "standard")], "2"),
    "siliconflow-free": ("免费", "输入价格（¥/M Tokens）", "", [("0", "CNY", "standard")], "0"),
    "header-per-1k": ("0.0015", "Input ($ / 1K tokens)", "", [("1.5", "USD", "standard")], "1.5"),
    "bare-number-without-header-unit": ("0.27", "Input", "", [], None),
    "groq-per-dollar": (
        "$0.15 (6.67M / $1)",
        "Input Token Price (Per Million Tokens)",
        "",
        [("0.15", "USD", "standard")],
        "0.15",
    ),
    "replicate-unit-in-cell": ("$0.65 / 1M input tokens", "Input", "", [("0.65", "USD", "standard")], "0.65"),
    "not-available": ("Not available", "Cached input", "", [], None),
    "per-second-hardware": ("$0.000100/sec\n$0.36/hr", "Price", "", [], None),
    "storage-row": ("$4.50", "Paid Tier", "Storage price per hour", [], None),
    "promo-beside-regular": (
        "~~$0.60~~ $0.30 limited time",
        "Input",
        "",
        [("0.6", "USD", "old"), ("0.3", "USD", "promo")],
        "0.6",
    ),
    "range": ("$0.10 - $0.90", "Input", "", [("0.1", "USD", "range"), ("0.9", "USD", "range")], None),
    "cents": ("5¢", "Input (per 1M tokens)", "", [("0.05", "USD", "standard")], "0.05"),
}


@pytest.mark.parametrize("case", sorted(CELL_CASES))
def test_cell_prices(case: str) -> None:
    text, header, row, prices, standard = CELL_CASES[case]
    struck = "$0.14" if case == "struck-given-apart" else ""
    found = read_cell(text, header=header, row=row, struck=struck)
    assert [(str(p.amount), p.currency, p.kind) for p in found] == prices
    chosen = standard_of(found)
    assert (str(chosen.amount) if chosen else None) == standard


def test_a_tier_above_the_first_says_where_it_starts() -> None:
    found = read_cell("$2.50, prompts > 200k tokens", header="Input, per 1M tokens in USD")
    assert found[0].min_prompt_tokens == 200_000
    assert tier_of("(32, 128]") == (True, "above 32K tokens")
    assert tier_of("≤ 200K input tokens") == (False, "up to 200K tokens")
    assert tier_of("Released in 2024 > see notes") is None


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("$0.27per 1M", [("0.27", "USD", 10**6, "tokens")]),
        ("0.40 /M tokens", [("0.40", None, 10**6, "tokens")]),
        ("2元/百万tokens", [("2", "CNY", 10**6, "tokens")]),
        ("0.002元/千tokens", [("0.002", "CNY", 1000, "tokens")]),
        ("$0.00000027 per token", [("2.7E-7", "USD", 1, "tokens")]),
        ("$0.005 per request", [("0.005", "USD", None, "request")]),
        ("$2.50 / 1k calls", [("2.50", "USD", None, "other")]),
        ("$2 per month per model", [("2", "USD", None, "other")]),
        ("US$ 1.10 per 1M output tokens", [("1.10", "USD", 10**6, "tokens")]),
        ("Llama 3.1 8B, 128K context, 2025", []),
        ("50% off · 1.25x faster", []),
    ],
)
def test_amounts_and_units(text: str, read: list[tuple[str, str | None, int | None, str | None]]) -> None:
    assert [(str(a.value), a.currency, a.tokens, a.per) for a in read_amounts(text)] == read
