"""The Disagreements page and the model page's sources table through Streamlit's AppTest, on a SQLite store
three sources wrote through the real ingest (`tests.sources_seed`): the rows and values the store holds
are the ones shown, filters narrow them, and a page with nothing to show says so."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest

from db.engine import make_engine
from db.types import utcnow
from tests.dashboard.conftest import AppFactory, ok
from tests.sources_seed import DEEPSEEK, GLM, QWEN, seed_sources


@pytest.fixture(scope="module")
def sources_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The disagreements opened three days and a few hours ago (the clock is the real one)."""
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('sources')) / 'sources.db'}"
    engine = make_engine(url)
    try:
        seed_sources(engine, at=utcnow() - timedelta(days=3, hours=2))
    finally:
        engine.dispose()
    return url


def test_disagreements_page_one_line_per_open_disagreement(app: AppFactory, sources_url: str) -> None:
    at = ok(app(sources_url, "disagreements"))
    assert at.title[0].value == "Disagreements"
    assert any("**2** open disagreements" in m.value for m in at.markdown)
    table: pd.DataFrame = at.dataframe[0].value
    rows = {row["model"]: row for _, row in table.iterrows()}
    assert set(rows) == {GLM, DEEPSEEK}
    glm = rows[GLM]
    assert glm["field"] == "input price" and glm["provider"].casefold() == "deepinfra"
    assert glm["sources say"] == (
        "deepinfra says 0.43, modelsdev says 0.60, litellm says 0.43 (USD per 1M tokens), since 3 days"
    )
    assert (glm["days"], glm["current source"], glm["page"]) == (3, "deepinfra", "/model?id=z-ai%2Fglm-4.7")
    assert rows[DEEPSEEK]["sources say"] == (
        "deepinfra says 163,840, modelsdev says 131,072 tokens, since 3 days"
    )

    at.multiselect(key="disagreements_fields").select("context").run()
    ok(at)
    assert list(at.dataframe[0].value["model"]) == [DEEPSEEK]
    provider = at.selectbox(key="disagreements_provider")
    assert list(provider.options) == [glm["provider"]]  # Together's one-source endpoint disagrees with none
    at.multiselect(key="disagreements_fields").unselect("context").select("output price").run()
    ok(at)
    assert not at.dataframe and any("agree on every endpoint" in c.value for c in at.caption)


def test_model_page_shows_each_source_side_by_side(app: AppFactory, sources_url: str) -> None:
    at = ok(app(sources_url, "model", id=GLM))
    assert any("What each source says" in h.value for h in at.subheader)
    assert any("Highlighted: the values of 1 disagreement between" in c.value for c in at.caption)
    sources = next(f.value for f in at.dataframe if "disagrees on" in f.value.columns)
    assert list(sources["source"]) == ["deepinfra (current)", "modelsdev", "litellm"]
    assert [float(v) for v in sources["input"]] == [0.43, 0.6, 0.43]
    assert list(sources["disagrees on"]) == ["input", "input", "input"]
    # a model whose only endpoint has one source shows no sources table
    at = ok(app(sources_url, "model", id=QWEN))
    assert not any("What each source says" in h.value for h in at.subheader)
