"""The page extractor's model name where a heading shows the ``org/name`` id (a model repository's header),
and its sizes (context, output limit) when the page states them two ways: one size written two ways is
fine, two different sizes are an ambiguity, said in a problem and in the field's evidence (issue 11)."""

from __future__ import annotations

import pytest

from crawler.extract.context import counts_agree
from crawler.extract.identity import find_name
from crawler.extract.page import extract_page

URL = "https://provider.example/models/acme-7b"


@pytest.mark.parametrize(
    ("h1", "title", "model", "name"),
    [
        # a repository header: owner, slash, name, then its like button
        (
            "Qwen / Qwen3-Next-80B-A3B-Instruct like 812",
            None,
            "Qwen/Qwen3-Next-80B-A3B-Instruct",
            "Qwen3-Next-80B-A3B-Instruct",
        ),
        ("acme/Acme-7B-Chat", None, "acme/Acme-7B-Chat", "Acme-7B-Chat"),
        ("ACME / acme-7b-chat 1.2k", None, "acme/acme-7b-chat", "acme-7b-chat"),  # as the heading writes it
        (None, "meta-llama/Llama-3.1-8B · Hugging Face", "meta-llama/Llama-3.1-8B", "Llama-3.1-8B"),
        # not the id: the heading stays the name
        ("Acme 7B Chat", None, "acme/acme-7b-chat", "Acme 7B Chat"),
        ("acme / acme-7b-chat-fp8", None, "acme/acme-7b-chat", "acme / acme-7b-chat-fp8"),  # another model
        ("other / acme-7b-chat", None, "acme/acme-7b-chat", "other / acme-7b-chat"),  # another owner
        ("DeepSeek V3.2", None, "deepseek-v3.2", "DeepSeek V3.2"),  # an id without an owner
    ],
)
def test_a_heading_showing_the_id_names_the_model_by_its_last_part(
    h1: str | None, title: str | None, model: str, name: str
) -> None:
    assert find_name([], h1=h1, title=title, model=model) == name


def page(*facts: str) -> str:
    body = "".join(f"<p>{fact}</p>" for fact in facts)
    head = "<h1>Acme 7B</h1><p>Model: acme/acme-7b</p><p>Input $1 / 1M tokens</p>"
    return f"<html><body>{head}{body}</body></html>"


@pytest.mark.parametrize(
    ("facts", "context", "max_output"),
    [
        (("Context: 128K", "Supports 131,072 tokens of context"), 128000, None),  # 128K read as 1,024s
        (("Context window: 1M", "1,048,576 tokens context"), 1000000, None),
        (("Context: 64K", "Context: 64K", "Max output: 8K", "8,192 max output"), 64000, 8000),
    ],
)
def test_one_size_written_two_ways_is_not_ambiguous(
    facts: tuple[str, ...], context: int, max_output: int | None
) -> None:
    result = extract_page(page(*facts), url=URL)
    (offer,) = result.offers
    assert (offer.context_length, offer.max_output_tokens) == (context, max_output)
    assert result.problems == []
    assert "also read" not in offer.evidence["context_length"].where


def test_two_context_lengths_are_an_ambiguity_in_a_problem_and_in_the_evidence() -> None:
    result = extract_page(
        page("Context: 128K", "Pricing applies up to 64K context", "Context length: 131,072"), url=URL
    )
    (offer,) = result.offers
    assert offer.context_length == 128000  # the first, as for prices
    assert result.problems == ["ambiguous context_length: 128000 (line 4) vs 64000 (line 5); took the first"]
    why = offer.evidence["context_length"]
    assert why.where == "line 4; also read: 64000 (line 5)"
    assert why.snippet == "Context: 128K"


def test_two_output_limits_are_an_ambiguity() -> None:
    result = extract_page(page("Context: 200K", "Max output: 64K", "Maximum output tokens: 32,000"), url=URL)
    (offer,) = result.offers
    assert offer.max_output_tokens == 64000
    assert result.problems == [
        "ambiguous max_output_tokens: 64000 (line 5) vs 32000 (line 6); took the first"
    ]
    assert "also read: 32000 (line 6)" in offer.evidence["max_output_tokens"].where


def test_sizes_from_the_page_data_are_not_disputed_by_its_text() -> None:
    # the JSON-LD's size is the one taken: the text's two sizes are not what the offer says
    ld = (
        '<script type="application/ld+json">{"@type": "Product", "sku": "acme/acme-7b", "name": "Acme 7B",'
        ' "additionalProperty": [{"name": "context_length", "value": 131072}]}</script>'
    )
    html = page("Context: 128K", "Context: 64K").replace("</body>", ld + "</body>")
    result = extract_page(html, url=URL)
    (offer,) = result.offers
    assert offer.context_length == 131072
    assert not [p for p in result.problems if p.startswith("ambiguous context_length")]


@pytest.mark.parametrize(
    ("one", "other", "agree"),
    [
        (128_000, 131_072, True),
        (1_000_000, 1_048_576, True),
        (164_000, 163_840, True),
        (128_000, 64_000, False),
        (200_000, 256_000, False),
    ],
)
def test_counts_agree_within_the_thousand_or_1024_reading(one: int, other: int, agree: bool) -> None:
    assert counts_agree(one, other) is agree
    assert counts_agree(other, one) is agree
