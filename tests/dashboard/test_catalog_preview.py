"""The catalog page's first rows as a light static table above the interactive one (issue 12: rows
visible sooner): the same endpoints as the interactive table's first rows, in the chosen sort, crawled
markup shown as text; the interactive table, the filters and the download still there."""

from __future__ import annotations

import re

import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboard.catalog_page import PREVIEW_ROWS
from dashboard.frames import catalog_preview
from dashboard.text import md
from tests.dashboard.conftest import AppFactory
from tests.dashboard.seed import HOSTILE_MODEL, HOSTILE_PROVIDER


def static_tables(at: AppTest) -> list[str]:
    """The markdown tables shown (the static table of the first rows)."""
    return [m.value for m in at.markdown if m.value.startswith("| ")]


def tables(at: AppTest) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the static table read back from its markdown, the interactive one)."""
    assert not at.exception, [e.value for e in at.exception]
    found = static_tables(at)
    assert len(found) == 1 and len(at.dataframe) == 1, (found, len(at.dataframe))
    head, rule, *lines = found[0].split("\n")
    split = re.compile(r"(?<!\\)\|")  # cells end at a "|" that is not escaped
    columns = [cell.strip() for cell in split.split(head)[1:-1]]
    assert rule.count("---") == len(columns)
    rows = [[cell.strip() for cell in split.split(line)[1:-1]] for line in lines]
    return pd.DataFrame(rows, columns=columns), at.dataframe[0].value


def test_first_rows_come_first_in_the_chosen_sort(app: AppFactory, seeded_url: str) -> None:
    at = app(seeded_url)
    preview, grid = tables(at)
    assert len(grid) > PREVIEW_ROWS and len(preview) == PREVIEW_ROWS
    head = grid.head(PREVIEW_ROWS)
    assert preview["model"].tolist() == [md(m) for m in head["model"]]
    assert preview["provider"].tolist() == [md(p) for p in head["provider"]]
    # Cheapest output first, as in the grid: the prices read back from the markdown cells.
    shown = [float(v.replace("\\", "")) if v else None for v in preview["output /1M"]]
    assert shown == [None if pd.isna(v) else float(f"{v:.4g}") for v in head["output"]]
    assert shown == sorted(shown, key=lambda v: float("inf") if v is None else v)
    assert any(f"The first {PREVIEW_ROWS} by output price" in c.value for c in at.caption)
    assert at.get("download_button")

    at.selectbox[0].set_value("context (largest first)").run()
    preview, grid = tables(at)
    contexts = [int(v) for v in preview["context"] if v]
    assert contexts == sorted(contexts, reverse=True) and contexts[0] == grid["context"].max()


def test_hostile_names_in_the_static_table_stay_text(app: AppFactory, seeded_url: str) -> None:
    at = app(seeded_url)
    at.selectbox[0].set_value("provider").run()  # "**Bold**..." sorts before every letter
    preview, grid = tables(at)
    assert grid.iloc[0]["provider"] == HOSTILE_PROVIDER  # the grid: data as it is
    first = preview.iloc[0]
    assert (first["provider"], first["model"]) == (md(HOSTILE_PROVIDER), md(HOSTILE_MODEL))
    for cell in preview.to_numpy().ravel():
        assert "<img" not in cell and "](javascript" not in cell and "**" not in cell, cell


def test_a_short_result_shows_only_the_interactive_table(app: AppFactory, seeded_url: str) -> None:
    at = app(seeded_url)
    at.text_input(key="catalog_q").input("v3.1-terminus").run()
    assert not at.exception
    assert static_tables(at) == [] and 0 < len(at.dataframe[0].value) <= PREVIEW_ROWS


def test_preview_cells_are_escaped_text_and_blank_where_not_published() -> None:
    rows = pd.DataFrame(
        {
            "model": [HOSTILE_MODEL],
            "provider": ["a | b"],
            "context": [None],
            "input": [0.0],
            "output": [float("nan")],
            "currency": ["USD"],
            "capabilities": [["tools", "free"]],
            "status": ["○ unknown"],
            "uptime 7d %": [99.5],
            "TTFT p50 ms": [None],
        }
    )
    cells = catalog_preview(rows).iloc[0].to_dict()
    assert cells["model"] == md(HOSTILE_MODEL) and cells["provider"] == "a \\| b"
    assert (cells["context"], cells["input /1M"], cells["output /1M"]) == ("", "0", "")
    assert (cells["capabilities"], cells["uptime 7d %"], cells["TTFT p50 ms"]) == (
        "tools, free",
        "99\\.50",
        "",
    )
