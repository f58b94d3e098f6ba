"""Tables as grids (crawler/extract/grid.py): spans expanded, header rows, cell texts, links, code ids and
the heading above; one row per table shape.
"""

from __future__ import annotations

from typing import Any

import pytest

from crawler.extract.grid import MAX_SPAN, Grid, read_grids
from crawler.extract.htmltext import parse_document


def grids_of(body: str) -> list[Grid]:
    return read_grids(parse_document(f"<html><body>{body}</body></html>").root)


def texts(grid: Grid) -> list[list[str]]:
    return [[cell.text for cell in row] for row in grid.rows]


CASES: dict[str, tuple[str, dict[str, Any]]] = {
    "colspan-shared-by-models": (
        """<table><tr><th colspan="2">MODEL</th><th>deepseek-chat</th><th>deepseek-reasoner</th></tr>
        <tr><td colspan="2">CONTEXT LENGTH</td><td colspan="2">64K</td></tr></table>""",
        {
            "texts": [
                ["MODEL", "MODEL", "deepseek-chat", "deepseek-reasoner"],
                ["CONTEXT LENGTH", "CONTEXT LENGTH", "64K", "64K"],
            ],
            "head": 1,
            "same_origin": [((1, 2), (1, 3)), ((0, 0), (0, 1))],
        },
    ),
    "rowspan-model-over-tiers": (
        """<table><thead><tr><th>Model</th><th>Tier</th><th>Input</th></tr></thead><tbody>
        <tr><td rowspan="2">glm-4.6</td><td>[0, 32]</td><td>2</td></tr><tr><td>(32, 200]</td><td>4</td></tr>
        </tbody></table>""",
        {
            "texts": [["Model", "Tier", "Input"], ["glm-4.6", "[0, 32]", "2"], ["glm-4.6", "(32, 200]", "4"]],
            "head": 1,
            "same_origin": [((1, 0), (2, 0))],
        },
    ),
    "two-header-rows-grouped": (
        """<table><thead><tr><th rowspan="2">Model</th><th colspan="2">Standard</th><th colspan="2">Batch</th>
        </tr><tr><th>Input</th><th>Output</th><th>Input</th><th>Output</th></tr></thead>
        <tbody><tr><td>gpt-5</td><td>$1.25</td><td>$10</td><td>$0.625</td><td>$5</td></tr></tbody></table>""",
        {
            "texts": [
                ["Model", "Standard", "Standard", "Batch", "Batch"],
                ["Model", "Input", "Output", "Input", "Output"],
                ["gpt-5", "$1.25", "$10", "$0.625", "$5"],
            ],
            "head": 2,
        },
    ),
    "th-rows-without-thead": (
        """<table><tr><th>Model</th><th>Price</th></tr><tr><td>a-1</td><td>$1</td></tr></table>""",
        {"texts": [["Model", "Price"], ["a-1", "$1"]], "head": 1},
    ),
    "no-header-markup": (
        """<table><tr><td>Model</td><td>Price</td></tr><tr><td>a-1</td><td>$1</td></tr></table>""",
        {"texts": [["Model", "Price"], ["a-1", "$1"]], "head": 0},
    ),
    "footnotes-dropped-struck-marked": (
        """<table><tr><th>MODEL<sup>(1)</sup></th><th>x-1</th></tr>
        <tr><td>1M INPUT TOKENS</td><td><del>$0.14</del> $0.27<sup>(5)</sup></td></tr></table>""",
        {"texts": [["MODEL", "x-1"], ["1M INPUT TOKENS", "~~$0.14~~ $0.27"]], "head": 1},
    ),
    "ragged-rows-padded": (
        """<table><tr><th>Model</th><th>Input</th><th>Output</th></tr><tr><td>a-1</td><td>$1</td></tr></table>""",
        {"texts": [["Model", "Input", "Output"], ["a-1", "$1", ""]], "head": 1},
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_grid(name: str) -> None:
    body, want = CASES[name]
    (grid,) = grids_of(body)
    assert texts(grid) == want["texts"]
    assert grid.head == want["head"]
    for a, b in want.get("same_origin", []):
        assert grid.rows[a[0]][a[1]].origin == grid.rows[b[0]][b[1]].origin


def test_links_codes_and_the_heading_above() -> None:
    body = """<h2>Gemini 2.5 Pro</h2><p><code>gemini-2.5-pro</code></p><p>Our most capable model.</p>
    <table><tr><th>Model</th></tr><tr><td><a href="/docs/model/openai/gpt-oss-120b">GPT OSS</a>
    <div class="model-code">gpt-oss-120b</div></td></tr></table>"""
    (grid,) = grids_of(body)
    assert (grid.number, grid.heading) == (1, "Gemini 2.5 Pro")
    assert grid.lead_codes == ["gemini-2.5-pro"]
    assert "Our most capable model." in grid.lead
    cell = grid.rows[1][0]
    assert cell.links == (("/docs/model/openai/gpt-oss-120b", "GPT OSS"),)
    assert cell.codes == ("gpt-oss-120b",)


def test_spans_are_bounded() -> None:
    body = """<table><tr><th colspan="100000">Model</th></tr><tr><td rowspan="999999">a-1</td></tr></table>"""
    (grid,) = grids_of(body)
    assert grid.width <= MAX_SPAN
    assert len(grid.rows) == 2


@pytest.mark.parametrize("body", ["", "<table></table>", "<table><tr></tr></table>", "<p>no table</p>"])
def test_no_grid_from_empty_tables(body: str) -> None:
    assert grids_of(body) == []


def test_nested_tables_read_on_their_own() -> None:
    body = """<table><tr><td><table><tr><th>Model</th><th>Input</th></tr><tr><td>a-1</td><td>$1</td></tr>
    </table></td></tr></table>"""
    grids = grids_of(body)
    assert [texts(g) for g in grids][1] == [["Model", "Input"], ["a-1", "$1"]]
