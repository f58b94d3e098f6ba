"""The Unmatched models page through Streamlit's AppTest, on a SQLite store four sources wrote through the
real ingest (`tests.unmatched_seed`): what no rule matched is listed with its candidates and the alias line
to copy; the provider filter narrows it; a store where everything matched says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.unmatched_page import alias_line
from db.engine import make_engine
from tests.api.seed import ingest, offer
from tests.dashboard.conftest import AppFactory, ok
from tests.unmatched_seed import EIGEN, LLAMA, TERMINUS, TURBO, seed_unmatched


@pytest.fixture(scope="module")
def unmatched_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('unmatched')) / 'unmatched.db'}"
    engine = make_engine(url)
    try:
        seed_unmatched(engine)
    finally:
        engine.dispose()
    return url


def test_unmatched_page_lists_candidates_and_alias_lines(app: AppFactory, unmatched_url: str) -> None:
    at = ok(app(unmatched_url, "unmatched"))
    assert at.title[0].value == "Unmatched models"
    assert any("**2** provider model ids matched no canonical model" in m.value for m in at.markdown)
    table = at.dataframe[0].value
    rows = {row["provider model id"]: row for _, row in table.iterrows()}
    assert set(rows) == {TURBO, EIGEN}
    turbo = rows[TURBO]
    assert (turbo["provider"], turbo["sources"], turbo["endpoints"]) == (
        "DeepInfra",
        "deepinfra, modelsdev",
        1,
    )
    assert turbo["candidates"].split(", ")[0] == LLAMA
    assert turbo["alias"] == f'"DeepInfra:{TURBO}" = "{LLAMA}"'
    assert rows[EIGEN]["alias"] == f'"EigenAI:{EIGEN}" = "{TERMINUS}"'
    code = at.code[0].value.splitlines()
    assert code == ["[models.aliases]", *table["alias"]]

    at.selectbox(key="unmatched_provider").set_value("EigenAI").run()
    ok(at)
    assert list(at.dataframe[0].value["provider model id"]) == [EIGEN]
    assert any(
        "**1** provider model ids matched no canonical model at EigenAI" in m.value for m in at.markdown
    )


def test_deep_link_by_provider(app: AppFactory, unmatched_url: str) -> None:
    at = ok(app(unmatched_url, "unmatched", provider="DeepInfra"))
    assert list(at.dataframe[0].value["provider model id"]) == [TURBO]


def test_everything_matched(app: AppFactory, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'matched.db'}"
    engine = make_engine(url)
    try:
        ingest(engine, [offer("DeepInfra")])
    finally:
        engine.dispose()
    at = ok(app(url, "unmatched"))
    assert any("**0** provider model ids" in m.value for m in at.markdown)
    assert not at.dataframe
    assert any("Every provider model id matched" in c.value for c in at.caption)


def test_alias_line_is_toml() -> None:
    import tomllib

    line = alias_line('Odd "Provider"', "a\\b", None)
    assert tomllib.loads(line) == {'Odd "Provider":a\\b': "<canonical id>"}
