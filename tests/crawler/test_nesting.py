"""Markup nested deeper than libxml2 builds (256 levels): flattened before parsing, read whole, never a
RecursionError (crawler/extract/nesting.py, through crawler/extract/bounds.parse_html)."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree, html

from crawler.extract.bounds import parse_html
from crawler.extract.htmltext import parse_document, render_lines
from crawler.extract.nesting import MAX_DEPTH, flatten_deep
from crawler.extract.page import extract_page

PRICES = "<div class='pricing'><p>Input: $0.025 / 1M tokens</p><p>Output: $0.05 / 1M tokens</p></div>"
AFTER = "<div class='specs'><p>Context window: 16,384 tokens</p></div>"


def page(middle: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Llama 3.1 8B | Example</title></head><body><main>"
        "<h1>Llama 3.1 8B Instruct</h1><p>meta-llama/llama-3.1-8b-instruct</p>"
        f"{middle}{AFTER}</main></body></html>"
    )


def wrapped(depth: int, inner: str = PRICES) -> str:
    """`inner` inside `depth` layout boxes, as a page builder nests them."""
    return "<div class='box'>\n" * depth + inner + "\n</div>" * depth


def chained(depth: int) -> str:
    """`depth` boxes each holding a line of text and the next box: no wrapper, every level has text."""
    return "".join(f"<div>level {n}" for n in range(depth)) + PRICES + "</div>" * depth


def tree_depth(root: Any) -> int:
    deepest = depth = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


@pytest.mark.parametrize(
    ("name", "middle"),
    [
        ("5,000 wrappers", wrapped(5_000)),
        ("100,000 wrappers", wrapped(100_000)),
        ("wrappers inside levels with text", chained(300).replace(PRICES, wrapped(3_000))),
        (
            "wrapped inline elements",
            wrapped(3_000, PRICES.replace("<p>", "<p><span>").replace("</p>", "</span></p>")),
        ),
    ],
)
def test_deep_markup_is_read_whole_within_the_depth_limit(name: str, middle: str) -> None:
    root, problems = parse_html(page(middle))
    lines = render_lines(root)
    assert problems == []
    assert {"Input: $0.025 / 1M tokens", "Output: $0.05 / 1M tokens", "Context window: 16,384 tokens"} <= set(
        lines
    ), name
    assert tree_depth(root) <= MAX_DEPTH + 3  # html, body and main are above the flattened part


def test_100000_levels_with_text_at_each_keep_their_text_in_order() -> None:
    root, problems = parse_html(page(chained(100_000)))
    lines = render_lines(root)
    assert tree_depth(root) <= MAX_DEPTH + 3
    assert lines[3:6] == ["level 0", "level 1", "level 2"]  # levels within the limit: a line each
    merged = lines[3 + MAX_DEPTH - 4]  # below it, the levels' text runs on, words apart
    assert merged.startswith("level 196 level 197 level 198 level 199 level 200 level 201")
    assert {"Input: $0.025 / 1M tokens", "Output: $0.05 / 1M tokens", "Context window: 16,384 tokens"} <= set(
        lines
    )
    assert problems == []


def test_a_page_100000_levels_deep_gives_its_offer() -> None:
    extraction = extract_page(page(wrapped(100_000)), url="https://inference.example/models/llama-3.1-8b")
    assert extraction.problems == []
    (offer,) = extraction.offers
    assert offer.pricing is not None and str(offer.pricing["input"]) == "0.025"
    assert offer.context_length == 16384


def test_the_corpus_page_nested_5000_deep_is_flattened_only_because_the_parser_said_so() -> None:
    text = page(wrapped(5_000))
    parser = html.HTMLParser()
    html.document_fromstring(text, parser=parser)
    assert any("depth" in error.message for error in parser.error_log)  # libxml2 stops at 256
    shallow = page(wrapped(40))
    assert flatten_deep(shallow) == shallow
    assert parse_document(shallow).lines == parse_document(flatten_deep(page(wrapped(5_000)))).lines


def test_tags_inside_scripts_comments_and_attributes_do_not_count() -> None:
    script = "<script>var s = '" + "<div>" * 500 + "';</script><!-- " + "<div>" * 500 + " -->"
    attribute = "<p title='<div><div><div>'>titled</p>"
    text = page(script + attribute + wrapped(400))
    flat = flatten_deep(text)
    assert "<div>" * 500 in flat  # the script and the comment are left as they were
    assert attribute in flat
    root = html.document_fromstring(flat)
    assert "titled" in render_lines(root)
    assert tree_depth(root) <= MAX_DEPTH + 3


def test_void_self_closed_and_unclosed_elements_do_not_deepen() -> None:
    levels = "".join(f"<div><br><img src='x.png'><span/>{n}" for n in range(300)) + "</div>" * 300
    flat = flatten_deep(page(levels + "<p>never closed" * 3))
    root = html.document_fromstring(flat)
    assert tree_depth(root) <= MAX_DEPTH + 3
    assert "Context window: 16,384 tokens" in render_lines(root)
