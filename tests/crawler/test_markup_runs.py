"""A huge page's long runs of repeated blocks cut as text before parsing (crawler/extract/markup_runs.py):
the same cut as the tree's (crawler/extract/bounds.py), and nothing cut where the markup does not check
out (runs inside a script or a comment, blocks whose end tags are left out)."""

from __future__ import annotations

from lxml import html

from crawler.extract import bounds
from crawler.extract.bounds import bound_tree, cut_markup, parse_html
from crawler.extract.htmltext import render_lines

HEAD = (
    "<html><head><title>Llama-3.3-70B-Instruct | Studio</title></head><body><main>"
    "<h1>Llama-3.3-70B-Instruct</h1><div class='entry'>not in the run</div><p>Input: $0.13 / 1M tokens</p>"
    "<section class='log'>\n"
)
TAIL = "\n</section><section><div>Max output tokens: 16,384</div></section></main></body></html>"


def entries(count: int, cls: str = "entry", *, inner: str = "") -> str:
    return "\n".join(
        f"<div class='{cls}' id='e{n}'><h4>Update {n}</h4>{inner}<p>Fixed the dashboard {n}.</p></div>"
        for n in range(count)
    )


def tree_cut(text: str) -> tuple[list[str], list[str]]:
    """The tree cut alone, on the whole page parsed: its problems and the page's lines."""
    root = html.document_fromstring(text)
    problems = bound_tree(root)
    return problems, render_lines(root)


def text_cut(text: str) -> tuple[list[str], list[str]]:
    """The text cut, then the page parsed as the extractor does (nothing left for the tree cut)."""
    cut, problems = cut_markup(text)
    root, more = parse_html(cut)
    assert more == []
    return problems, render_lines(root)


def test_the_text_cut_is_the_tree_cut() -> None:
    page = HEAD + entries(20_000) + TAIL
    cut, problems = cut_markup(page)
    assert problems == [
        'page too large: 19,900 of 20,000 repeated <div class="entry"> blocks skipped (the first 100 read)'
    ]
    assert len(cut) < len(page) // 100
    assert text_cut(page) == tree_cut(page)


def test_blocks_holding_blocks_of_their_own_name_are_counted_whole() -> None:
    # each card holds divs, one of them with the card's own class: only the outer cards are the run
    inner = "<div class='price'>$1</div><div class='entry'>nested <div>deeper</div></div>"
    page = HEAD + entries(8_000, inner=inner) + TAIL
    problems, lines = text_cut(page)
    assert problems == [
        'page too large: 7,900 of 8,000 repeated <div class="entry"> blocks skipped (the first 100 read)'
    ]
    assert (problems, lines) == tree_cut(page)


def test_the_entries_are_the_run_not_the_items_of_their_lists() -> None:
    # each entry's list of four items chains too within the window, but not as long as the entries do
    inner = "<ul class='tags'>" + "".join(f"<li>tag {n}</li>" for n in range(4)) + "</ul>"
    page = HEAD + entries(6_000, inner=inner) + TAIL
    problems, lines = text_cut(page)
    assert problems == [
        'page too large: 5,900 of 6,000 repeated <div class="entry"> blocks skipped (the first 100 read)'
    ]
    assert (problems, lines) == tree_cut(page)


def test_two_runs_apart_are_both_cut_as_the_tree_cut_does() -> None:
    page = (
        HEAD
        + entries(15_000, "a")
        + "\n<p>Between the runs: $0.40 / 1M tokens</p>\n"
        + entries(15_000, "b")
        + TAIL
    )
    problems, lines = text_cut(page)
    assert len(problems) == 2
    tree_problems, tree_lines = tree_cut(page)
    assert sorted(problems) == sorted(tree_problems)
    assert lines == tree_lines
    assert "Between the runs: $0.40 / 1M tokens" in lines


def test_a_run_inside_a_script_or_a_comment_is_not_cut_as_text() -> None:
    for before, after in (("<script>var page = `", "`;</script>"), ("<!-- old log\n", "\n-->")):
        page = HEAD + before + entries(20_000) + after + TAIL
        assert cut_markup(page) == (page, [])


def test_blocks_without_their_end_tags_are_left_to_the_tree_cut() -> None:
    # <li> without </li>: the text cannot tell where an item ends, the parser can
    page = HEAD + "<ul class='feed'>" + "".join(f"\n<li class='item'>Update {n}" for n in range(40_000))
    page += "</ul>" + TAIL
    assert cut_markup(page) == (page, [])
    root, problems = parse_html(page)
    assert int(root.xpath("count(//*)")) <= bounds.ELEMENT_BUDGET
    assert problems == [
        'page too large: 39,900 of 40,000 repeated <li class="item"> blocks skipped (the first 100 read)'
    ]


def test_a_page_within_the_budget_is_left_as_it_is() -> None:
    page = HEAD + entries(2_000) + TAIL
    assert cut_markup(page) == (page, [])
