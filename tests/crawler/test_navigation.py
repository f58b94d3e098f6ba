"""What is not an offer (crawler/extract/navigation.py): one row per kind of navigation, filter or slider,
in the shape real pages give it, with the words that must leave the page's text and those that must stay.
"""

from __future__ import annotations

import pytest
from lxml import html

from crawler.extract.htmltext import parse_document
from crawler.extract.navigation import is_navigation, is_related
from crawler.extract.page import extract_page

CASES: dict[str, tuple[str, list[str], list[str]]] = {
    # name: (body, text that must be gone, text that must stay)
    "filter-sidebar-sliders": (
        # OpenRouter's model list: a labelled filter sidebar with sliders and their scales
        """<aside aria-label="Filters"><div>Context length</div><div role="slider" aria-valuemin="4000"></div>
        <div><span>4K</span><span>64K</span><span>1M</span></div><div>Prompt pricing</div>
        <div role="slider"></div><div><span>FREE</span><span>$0.5</span><span>$10+</span></div></aside>
        <main><h1>Models</h1><p>Kimi K2: 262K context</p></main>""",
        ["FREE", "4K", "$10+", "Prompt pricing"],
        ["Kimi K2: 262K context"],
    ),
    "unlabelled-facet-checkboxes": (
        # a sidebar of checkboxes with no filter word anywhere: many checkboxes make it a filter
        """<aside class="w-64"><ul>"""
        + "".join(f'<li><label><input type="checkbox"> {p}</label></li>' for p in ("tools", "top_p", "top_k"))
        + "".join(f'<li><label><input type="checkbox"> {p}</label></li>' for p in ("seed", "stop", "min_p"))
        + """</ul></aside><main><h1>Models</h1></main>""",
        ["top_p", "min_p"],
        ["Models"],
    ),
    "slider-scale-outside-a-filter": (
        """<main><h1>Playground</h1><div class="price-range"><input type="range" min="0" max="10">
        <div><span>$0</span><span>$5</span><span>$10</span></div></div>
        <p>Input $0.20 / 1M tokens</p></main>""",
        ["$5", "$10"],
        ["Input $0.20 / 1M tokens"],
    ),
    "playground-settings-kept": (
        # Hyperbolic: a settings form of sliders documents the request parameters; its labels stay
        """<main><h1>DeepSeek-V3</h1><aside class="settings-panel"><form class="settings">
        <label for="t">Temperature</label><input id="t" type="range" min="0" max="2"><output>0.7</output>
        <label for="m">Max Tokens</label><input id="m" type="range" min="1" max="8192"><output>512</output>
        <label for="s">Stream</label><input id="s" type="checkbox"></form></aside></main>""",
        [],
        ["Temperature", "Max Tokens", "Stream"],
    ),
    "menus-tabs-breadcrumbs-pagination": (
        """<div class="navbar"><a href="/">Home</a><a href="/pricing">Pricing</a></div>
        <ol class="breadcrumb"><li>Models</li><li>Llama 3.3 70B</li></ol>
        <div role="tablist"><button role="tab">Overview</button><button role="tab">API</button></div>
        <main><h1>Llama 3.3 70B</h1><p>Context 128K</p></main>
        <div class="nv-pagination"><a href="?page=2">2</a><a href="?page=3">Next</a></div>""",
        ["Home", "Overview", "Next"],
        ["Llama 3.3 70B", "Context 128K"],
    ),
    "layout-named-for-its-sidebar-keeps-the-content": (
        """<div class="layout has-sidebar"><div class="sidebar"><a href="/a">Guides</a></div>
        <article><h1>Mistral Large</h1><p>Input $2 / 1M tokens</p></article></div>""",
        ["Guides"],
        ["Mistral Large", "Input $2 / 1M tokens"],
    ),
    "tab-panels-with-code-kept": (
        # Docusaurus code tabs: the tab buttons go, the panels stay
        """<main><h1>Quick start</h1><div class="tabs-container"><ul role="tablist" class="tabs">
        <li role="tab">curl</li><li role="tab">python</li></ul><div role="tabpanel"><pre>curl -d '{"model":
        "deepseek-chat"}' https://api.deepseek.com/chat/completions</pre></div></div></main>""",
        ["python"],
        ["https://api.deepseek.com/chat/completions"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_navigation_leaves_the_text(name: str) -> None:
    body, gone, kept = CASES[name]
    text = "\n".join(parse_document(f"<html><body>{body}</body></html>").lines)
    for words in gone:
        assert words not in text, (words, text)
    for words in kept:
        assert words in text, (words, text)


def test_a_filter_sidebar_gives_no_zero_price_and_no_context() -> None:
    body, _, _ = CASES["filter-sidebar-sliders"]
    result = extract_page(f"<html><body>{body}</body></html>", url="https://openrouter.ai/models")
    for offer in result.offers:
        assert offer.pricing is None or all(amount > 0 for amount in offer.pricing.values())
        assert offer.context_length in (None, 262000)


@pytest.mark.parametrize(
    ("snippet", "navigation"),
    [
        ('<nav><a href="/">Home</a></nav>', True),
        ('<div role="navigation"></div>', True),
        ('<div class="di-filter"></div>', True),
        ('<ul class="menu__list"></ul>', True),
        ('<div aria-label="pagination"></div>', True),
        ('<table class="pricing-table"></table>', False),
        ('<div class="model-card"></div>', False),
        ('<div class="tabs-container"></div>', False),
        ('<section id="serverless-inference"></section>', False),
    ],
)
def test_is_navigation(snippet: str, navigation: bool) -> None:
    element = html.fragment_fromstring(snippet)
    assert is_navigation(element) is navigation


@pytest.mark.parametrize(
    ("snippet", "related"),
    [
        ('<section><h2>Related models</h2><div id="x"><div class="card">a</div></div></section>', True),
        ('<section><h3>Similar models</h3><div id="x"></div></section>', True),
        ('<div class="related-models"><div id="x"></div></div>', True),
        ('<section><h2>Serverless models</h2><div id="x"></div></section>', False),
        ('<main><h1>Models</h1><div id="x"></div></main>', False),
    ],
)
def test_is_related(snippet: str, related: bool) -> None:
    root = html.fragment_fromstring(f"<div>{snippet}</div>")
    assert is_related(root.get_element_by_id("x")) is related


def test_a_sidebar_of_specs_is_not_navigation() -> None:
    body = """<main><h1>Kimi K2</h1><p>Model: kimi-k2-instruct</p></main><aside class="model-sidebar">
    <div>Context length</div><div>131K</div><div>Input</div><div>$0.60 / 1M tokens</div></aside>
    <aside class="docs-sidebar"><a href="/a">Quickstart</a><a href="/b">Models</a>
    <a href="/c">Pricing</a></aside>"""
    text = "\n".join(parse_document(f"<html><body>{body}</body></html>").lines)
    assert "$0.60 / 1M tokens" in text and "131K" in text
    assert "Quickstart" not in text
