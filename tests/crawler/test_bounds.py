"""The extractor's size budget (crawler/extract/bounds.py): pages within it are read as they are; a huge
page's long runs of repeated blocks are cut to their first ones, a page still too big is read up to a
point, the rendered text is capped, and each cut is a problem in words."""

from __future__ import annotations

from decimal import Decimal

from lxml import html

from crawler.extract import bounds
from crawler.extract.bounds import bound_lines, bound_tree, parse_html
from crawler.extract.page import extract_page
from replica.corpus import page_body

HEAD = (
    "<html><head><title>Llama-3.3-70B-Instruct | Studio</title></head><body><main>"
    "<h1>Llama-3.3-70B-Instruct</h1><code>meta-llama/Llama-3.3-70B-Instruct</code>"
    "<div>Input: $0.13 / 1M tokens</div><div>Output: $0.40 / 1M tokens</div><section class='log'>"
)
TAIL = (
    "</section><section><div>Max output tokens: 16,384</div>"
    "<p>Endpoint: <code>https://api.studio.example/v1/chat/completions</code></p></section></main></body></html>"
)


def entries(count: int, cls: str = "entry") -> str:
    return "".join(
        f"<div class='{cls}'><h4>Update {n}</h4><p>Fixed the dashboard {n}.</p></div>" for n in range(count)
    )


def size(root: object) -> int:
    return int(root.xpath("count(//*)"))  # type: ignore[attr-defined]


def test_a_page_within_the_budget_is_not_touched() -> None:
    text = HEAD + entries(2_000) + TAIL  # 6,000 elements: a long page, within the budget
    root, problems = parse_html(text)
    assert problems == []
    assert size(root) == size(html.document_fromstring(text))


def test_a_run_of_repeated_blocks_is_cut_to_its_first_and_what_follows_is_read() -> None:
    root, problems = parse_html(HEAD + entries(20_000) + TAIL)
    assert size(root) <= bounds.ELEMENT_BUDGET
    assert len(root.xpath("//div[@class='entry']")) == bounds.KEEP_REPEATED
    assert root.xpath("//div[@class='entry']/h4/text()")[-1] == f"Update {bounds.KEEP_REPEATED - 1}"
    assert problems == [
        'page too large: 19,900 of 20,000 repeated <div class="entry"> blocks skipped (the first 100 read)'
    ]
    extraction = extract_page(HEAD + entries(20_000) + TAIL, url="https://studio.example/models/llama")
    (offer,) = extraction.offers
    assert offer.max_output_tokens == 16384
    assert offer.endpoints == ("https://api.studio.example/v1/chat/completions",)
    assert offer.pricing is not None and offer.pricing["output"] == Decimal("0.40")
    assert extraction.problems == problems


def test_two_runs_are_both_cut() -> None:
    root, problems = parse_html(HEAD + entries(12_000, "a") + "<hr>" + entries(12_000, "b") + TAIL)
    assert size(root) <= bounds.ELEMENT_BUDGET
    assert len(root.xpath("//div[@class='a']")) == len(root.xpath("//div[@class='b']")) == 100
    assert len(problems) == 2


def test_a_page_without_runs_is_read_up_to_the_hard_budget() -> None:
    # every block has its own class: nothing repeats, so the page is read up to its first elements
    text = HEAD + "".join(f"<div class='c{n}'><span>{n}</span></div>" for n in range(35_000)) + TAIL
    root, problems = parse_html(text)
    assert size(root) <= bounds.HARD_BUDGET
    assert problems[-1].startswith(f"page too large: read up to its first {bounds.HARD_BUDGET:,} elements")
    assert root.xpath("//h1/text()") == ["Llama-3.3-70B-Instruct"]  # the beginning is kept


def test_bound_tree_counts_once_on_a_small_page() -> None:
    root = html.document_fromstring(HEAD + entries(5) + TAIL)
    before = html.tostring(root)
    assert bound_tree(root) == []
    assert html.tostring(root) == before


def test_rendered_text_is_capped_in_all_and_per_line() -> None:
    problems: list[str] = []
    lines = bound_lines(["a" * 30_000, "b" * 10, *(["c" * 999] * 2_000)], problems)
    assert lines[0] == "a" * bounds.MAX_LINE and lines[1] == "b" * 10
    assert sum(len(line) + 1 for line in lines) <= bounds.MAX_TEXT
    assert len(problems) == 2
    assert problems[0].startswith("page text too long: read its first")
    assert problems[1] == "page text too long: 1 lines over 20,000 characters cut there"
    untouched: list[str] = []
    assert bound_lines(["x", "y"], untouched) == ["x", "y"] and untouched == []


def test_the_10_mb_corpus_page_is_cut_to_the_budget() -> None:
    root, problems = parse_html(page_body("hostile-huge-10mb").decode("utf-8"))
    assert size(root) <= bounds.ELEMENT_BUDGET
    assert len(problems) == 1 and 'repeated <div class="changelog-entry"> blocks skipped' in problems[0]
