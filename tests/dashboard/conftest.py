"""One seeded database for the whole dashboard test module (a real crawl of the replica, probes, a hostile
source), and a Streamlit `AppTest` of the dashboard over it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.dashboard.seed import seed_database

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"


@pytest.fixture(scope="session")
def seeded_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('dashboard') / 'seeded.db'}"
    seed_database(url)
    return url


AppFactory = Callable[..., AppTest]


def ok(at: AppTest) -> AppTest:
    """`at` after checking its script ran without an exception."""
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> AppFactory:
    """`app(db_url, page=None, **query)`: the dashboard run once on `page` (a file under views/)."""

    def make(db_url: str, page: str | None = None, **query: str) -> AppTest:
        monkeypatch.setenv("MODELWATCH_DB_URL", db_url)
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.run()
        if page is not None:
            at.switch_page(f"views/{page}.py")
            for key, value in query.items():
                at.query_params[key] = value
            at.run()
        return at

    return make
