"""Repeated model cards and linked model lists (crawler/extract/cards.py, model_links.py): one row per
layout, each a snippet in the shape of a real provider's list page, and the offers it must give; then the
lists that are not offers, and the ids links give.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from crawler.extract.model_links import is_model_id, model_id_from_href
from crawler.extract.page import extract_page

URL = "https://provider.example/models"


def page(body: str, *, title: str = "Models") -> str:
    return f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>"


def novita_card(
    href: str, name: str, model: str, desc: str, context: str, price_in: str, price_out: str
) -> str:
    return (
        f'<a class="nv-card" href="{href}"><div class="nv-card-head"><h3>{name}</h3></div>'
        f'<div class="nv-card-id">{model}</div><p class="nv-card-desc">{desc}</p><div class="nv-card-specs">'
        f'<div><span class="label">Context</span><span class="value">{context}</span></div>'
        f'<div><span class="label">Input</span><span class="value">${price_in} /M tokens</span></div>'
        f'<div><span class="label">Output</span><span class="value">${price_out} /M tokens</span></div>'
        "</div></a>"
    )


CASES: dict[str, tuple[str, list[dict[str, Any]]]] = {
    "cards-id-element-and-spec-spans": (
        # Novita: the id in its own element; the description's "200K context window" is prose
        '<div class="nv-grid">'
        + novita_card(
            "/models/llm/zai-org-glm-4.6",
            "GLM 4.6",
            "zai-org/glm-4.6",
            "GLM-4.6 brings a 200K context window.",
            "204800",
            "0.60",
            "2.20",
        )
        + novita_card(
            "/models/llm/openai-gpt-oss-120b",
            "OpenAI GPT OSS 120B",
            "openai/gpt-oss-120b",
            "Open-weight reasoning model.",
            "131072",
            "0.05",
            "0.25",
        )
        + "</div>",
        [
            {"model": "zai-org/glm-4.6", "name": "GLM 4.6", "context_length": 204800}
            | {"pricing": {"input": "0.6", "output": "2.2"}},
            {"model": "openai/gpt-oss-120b", "name": "OpenAI GPT OSS 120B", "context_length": 131072}
            | {"pricing": {"input": "0.05", "output": "0.25"}},
        ],
    ),
    "cards-code-id-and-definition-list": (
        # Cerebras: a <code> id under the heading, prices and context in a <dl>; the speed is no context
        """<div class="cb-grid"><div class="cb-card"><h3>Llama 3.1 8B</h3><code>llama3.1-8b</code>
        <div>~2,200 tokens/s</div><dl><dt>Input</dt><dd>$0.10 per million tokens</dd><dt>Output</dt>
        <dd>$0.10 per million tokens</dd><dt>Context</dt><dd>32K</dd></dl></div>
        <div class="cb-card"><h3>Qwen 3 32B</h3><code>qwen-3-32b</code><div>~2,600 tokens/s</div><dl>
        <dt>Input</dt><dd>$0.40 per million tokens</dd><dt>Output</dt><dd>$0.80 per million tokens</dd>
        <dt>Context</dt><dd>128K</dd></dl></div></div>""",
        [
            {"model": "llama3.1-8b", "name": "Llama 3.1 8B", "context_length": 32000}
            | {"pricing": {"input": "0.1", "output": "0.1"}},
            {"model": "qwen-3-32b", "context_length": 128000, "pricing": {"input": "0.4", "output": "0.8"}},
        ],
    ),
    "linked-rows-id-from-href-and-tag-context": (
        # DeepInfra: each row is a link to the model's page; the context is a bare '164k' tag
        """<div class="di-model-list"><a class="model-row" href="/deepseek-ai/DeepSeek-V3.2"><div>
        <div class="model-row-owner">deepseek-ai</div><div class="model-row-name">DeepSeek-V3.2</div>
        <p>Efficient reasoning.</p></div><div class="model-row-tags"><span class="tag">fp4</span>
        <span class="tag">164k</span><span class="tag price">$0.26/$0.38 in/out Mtoken</span></div></a>
        <a class="model-row" href="/openai/gpt-oss-120b"><div><div class="model-row-owner">openai</div>
        <div class="model-row-name">gpt-oss-120b</div><p>Open weights.</p></div><div class="model-row-tags">
        <span class="tag">bfloat16</span><span class="tag">128k</span>
        <span class="tag price">$0.039/$0.19 in/out Mtoken</span></div></a></div>""",
        [
            {"model": "deepseek-ai/DeepSeek-V3.2", "name": "DeepSeek-V3.2", "context_length": 164000}
            | {"pricing": {"input": "0.26", "output": "0.38"}},
            {"model": "openai/gpt-oss-120b", "name": "gpt-oss-120b", "context_length": 128000}
            | {"pricing": {"input": "0.039", "output": "0.19"}},
        ],
    ),
    "linked-list-context-no-price": (
        # OpenRouter's model list: linked names, weekly usage, context, no price (never 0)
        """<ul><li class="row"><a href="https://openrouter.ai/minimax/minimax-m2">MiniMax: MiniMax M2</a>
        <p>A compact model for coding.</p><span>98.2B tokens</span><div>
        <span>by <a href="/minimax">minimax</a>
        </span><span>|</span><span>205K context</span></div></li>
        <li class="row"><a href="https://openrouter.ai/z-ai/glm-4.6">Z.ai: GLM 4.6</a><p>Longer context.</p>
        <span>41.7B tokens</span><div><span>by <a href="/z-ai">z-ai</a></span><span>|</span>
        <span>203K context</span></div></li></ul>""",
        [
            {"model": "minimax/minimax-m2", "name": "MiniMax: MiniMax M2", "context_length": 205000}
            | {"pricing": None},
            {"model": "z-ai/glm-4.6", "name": "Z.ai: GLM 4.6", "context_length": 203000, "pricing": None},
        ],
    ),
    "cards-slug-element-and-label-above-value": (
        # Baseten: a slug element, Context / Input / Output labels above their values
        """<div role="list" class="model-grid"><div role="listitem" class="model-card">
        <a href="/library/deepseek-v3.1/"><h3>DeepSeek V3.1</h3><div class="model-card-slug">
        deepseek-ai/DeepSeek-V3.1</div><div class="meta"><div class="meta-label">Context</div>
        <div class="meta-value">164K</div><div class="meta-label">Input</div>
        <div class="meta-value">$0.50 / 1M
        tokens</div><div class="meta-label">Output</div><div class="meta-value">$1.50 / 1M tokens</div></div>
        </a></div><div role="listitem" class="model-card"><a href="/library/glm-4.6/"><h3>GLM 4.6</h3>
        <div class="model-card-slug">zai-org/GLM-4.6</div><div class="meta"><div class="meta-label">Context
        </div><div class="meta-value">200K</div><div class="meta-label">Input</div><div class="meta-value">
        $0.60 / 1M tokens</div><div class="meta-label">Output</div><div class="meta-value">$2.20 / 1M tokens
        </div></div></a></div></div>""",
        [
            {"model": "deepseek-ai/DeepSeek-V3.1", "name": "DeepSeek V3.1", "context_length": 164000}
            | {"pricing": {"input": "0.5", "output": "1.5"}},
            {"model": "zai-org/GLM-4.6", "name": "GLM 4.6", "context_length": 200000}
            | {"pricing": {"input": "0.6", "output": "2.2"}},
        ],
    ),
    "cards-names-without-versions": (
        # Cohere: model names without a version or an id are still models, with token prices
        """<div class="pricing-cards"><div class="card"><h3>Command A</h3><p>Input</p><p>$2.50 / 1M tokens</p>
        <p>Output</p><p>$10.00 / 1M tokens</p></div><div class="card"><h3>Command R+</h3><p>Input</p>
        <p>$2.50 / 1M tokens</p><p>Output</p><p>$10.00 / 1M tokens</p></div><div class="card">
        <h3>Command R</h3>
        <p>Input</p><p>$0.15 / 1M tokens</p><p>Output</p><p>$0.60 / 1M tokens</p></div></div>""",
        [
            {"model": None, "name": "Command A", "pricing": {"input": "2.5", "output": "10"}},
            {"model": None, "name": "Command R+", "pricing": {"input": "2.5", "output": "10"}},
            {"model": None, "name": "Command R", "pricing": {"input": "0.15", "output": "0.6"}},
        ],
    ),
}

#: pages with repeated links or cards that are not a list of offers: at most the page's own offer
NOT_OFFERS: dict[str, str] = {
    "hub-list-without-facts": (
        # Hugging Face's model list: downloads and likes ('2.1k') are not contexts
        """<div class="grid"><article><a href="/meta-llama/Llama-3.1-8B-Instruct"><h4>
        meta-llama/Llama-3.1-8B-Instruct</h4><div>Text Generation • Updated 5 days ago • <span>5.2M</span> •
        <span>2.1k</span></div></a></article><article><a href="/Qwen/Qwen3-8B"><h4>Qwen/Qwen3-8B</h4><div>
        Text Generation • Updated 2 days ago • <span>1.1M</span> • <span>512</span></div></a></article>
        </div>"""
    ),
    "bare-link-list": (
        """<ul><li><a href="/models/gpt-4o">gpt-4o</a></li><li>
        <a href="/models/gpt-4o-mini">gpt-4o-mini</a></li>
        <li><a href="/models/o3">o3</a></li></ul>"""
    ),
    "related-models-beside-the-page-model": (
        """<p>Model ID: acme-large-2</p><p>Input $1.00 / 1M tokens · Output $3.00 / 1M tokens</p>
        <h2>Related models</h2><div class="grid"><div class="card"><h3>Acme Small 2</h3>
        <code>acme-small-2</code>
        <p>Input $0.10 / 1M tokens</p></div><div class="card"><h3>Acme Mini 2</h3><code>acme-mini-2</code>
        <p>Input $0.05 / 1M tokens</p></div></div>"""
    ),
    "provider-cards-on-a-model-page": (
        # Hugging Face's inference providers beside one model: provider names are not models
        """<h2>Inference Providers</h2><div class="providers"><div class="provider"><h3>Together AI</h3>
        <span>$0.88 / 1M tokens</span><span>Context 128K</span></div><div class="provider"><h3>Fireworks</h3>
        <span>$0.90 / 1M tokens</span><span>Context 128K</span></div><div class="provider"><h3>DeepInfra</h3>
        <span>$0.23 / 1M tokens</span><span>Context 128K</span></div></div>"""
    ),
    "changelog-entries": (
        """<section><h2>What's new</h2><div class="entry"><h4>Platform update 41</h4><p>Faster dashboard for
        workspace 41.</p></div><div class="entry"><h4>Platform update 42</h4>
        <p>Fixed a layout glitch.</p></div>
        <div class="entry"><h4>Platform update 43</h4><p>Batch jobs list sorts by status.</p></div>
        </section>"""
    ),
}

HREFS = {
    "/models/meta-llama/Llama-3.3-70B-Instruct": "meta-llama/Llama-3.3-70B-Instruct",
    "https://openrouter.ai/minimax/minimax-m2": "minimax/minimax-m2",
    "https://console.groq.com/docs/model/openai/gpt-oss-120b": "openai/gpt-oss-120b",
    "https://console.groq.com/docs/model/llama-3.1-8b-instant": "llama-3.1-8b-instant",
    "/deepseek-ai/DeepSeek-V3.2": "deepseek-ai/DeepSeek-V3.2",
    "/models/llm/deepseek-deepseek-v3.1-terminus": "deepseek-deepseek-v3.1-terminus",
    "/library/deepseek-v3.1/": "deepseek-v3.1",
    "/models/fireworks/kimi-k2-instruct-0905": "fireworks/kimi-k2-instruct-0905",
    "https://huggingface.co/Qwen/Qwen3-8B?library=transformers": "Qwen/Qwen3-8B",
    "/meta/meta-llama-3-70b-instruct.html": "meta/meta-llama-3-70b-instruct",
    "/providers/deepinfra": None,
    "/provider/atlas-cloud": None,
    "/models/text-to-image": None,
    "/docs/models/overview": None,
    "/pricing": None,
    "/minimax": None,
    "/en/docs/about-claude/models/overview": None,
    "https://example.com/blog/2025/01/new-models": None,
    "?page=2": None,
    "#pricing": None,
}


def offers_of(body: str) -> tuple[list[Any], list[str]]:
    result = extract_page(page(body), url=URL)
    return result.offers, result.problems


@pytest.mark.parametrize("name", sorted(CASES))
def test_card_list(name: str) -> None:
    body, expected = CASES[name]
    offers, _problems = offers_of(body)
    assert [(o.model, o.name) for o in offers] == [
        (w.get("model"), w.get("name", o.name)) for w, o in zip(expected, offers, strict=False)
    ]
    assert len(offers) == len(expected)
    for offer, want in zip(offers, expected, strict=True):
        for key, value in want.items():
            got = getattr(offer, key)
            if key == "pricing" and value is not None:
                assert got == {k: Decimal(v) for k, v in value.items()}, (got, value)
            else:
                assert got == value, (key, got, value)
        for field in ("model", "name", "context_length", "pricing"):
            if getattr(offer, field):
                why = offer.evidence[field]
                assert why.where.startswith("card ") and why.snippet, (field, why)


def test_a_list_without_prices_says_so_and_never_gives_zero() -> None:
    body, _ = CASES["linked-list-context-no-price"]
    offers, problems = offers_of(body)
    assert all(o.pricing is None for o in offers)
    assert problems == ["no price found for 'minimax/minimax-m2', 'z-ai/glm-4.6'"]


@pytest.mark.parametrize("name", sorted(NOT_OFFERS))
def test_lists_that_are_not_offers(name: str) -> None:
    offers, _problems = offers_of(NOT_OFFERS[name])
    assert len(offers) <= 1, [(o.model, o.name) for o in offers]
    for offer in offers:
        assert offer.context_length is None or offer.context_length >= 4000
        assert offer.model not in ("acme-small-2", "acme-mini-2")


@pytest.mark.parametrize("href", sorted(HREFS))
def test_model_id_from_href(href: str) -> None:
    assert model_id_from_href(href) == HREFS[href]


@pytest.mark.parametrize(
    ("text", "is_id"),
    [
        ("gpt-4o", True),
        ("glm-4.6", True),
        ("meta-llama/Llama-3.3-70B-Instruct", True),
        ("accounts/fireworks/models/deepseek-v3p1", True),
        ("deepseek-chat", True),
        ("Claude Opus 4.1", False),
        ("Pricing", False),
        ("https://api.example.com/v1", False),
        ("128K", False),  # a token count
        ("o3", True),
        ("", False),
    ],
)
def test_is_model_id(text: str, is_id: bool) -> None:
    assert is_model_id(text) is is_id


def test_card_release_dates() -> None:
    body = """<div class="grid"><div class="card"><h3>GLM 4.6</h3><code>glm-4.6</code><p>Context 200K</p>
    <span>Released Sep 30, 2025</span></div><div class="card"><h3>Kimi K2</h3><code>kimi-k2-0905</code>
    <p>Context 256K</p><span>Released Sep 5, 2025</span></div></div>"""
    offers, _ = offers_of(body)
    assert [(o.model, o.released) for o in offers] == [
        ("glm-4.6", date(2025, 9, 30)),
        ("kimi-k2-0905", date(2025, 9, 5)),
    ]
