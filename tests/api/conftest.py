"""An app over a seeded store (SQLite file and PostgreSQL), driven through Starlette's TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from api import create_app
from tests.api.client import TestClient
from tests.api.seed import NOW, seed

TOKEN = "test-admin-token-5f2c"


class RecordingActions:
    """The admin actions as the service injects them, recording what they were asked to start."""

    def __init__(self, refuse: Exception | None = None) -> None:
        self.calls: list[tuple[str, list[str] | None]] = []
        self.refuse = refuse

    def crawl(self, sources: list[str] | None) -> dict[str, Any]:
        if self.refuse is not None:
            raise self.refuse
        self.calls.append(("crawl", sources))
        return {"sources": sources or ["openrouter", "eigenai"]}

    def probe(self, names: list[str] | None) -> dict[str, Any]:
        if self.refuse is not None:
            raise self.refuse
        self.calls.append(("probe", names))
        return {"probes": names or ["cheap-probe"]}


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    seed(engine)
    return engine


def make_client(engine: Engine, **options: Any) -> TestClient:
    options.setdefault("refresh_s", 0)  # every request sees the store as it is
    options.setdefault("probe_refresh_s", 0)
    options.setdefault("background_refresh", False)
    options.setdefault("clock", lambda: NOW)
    return TestClient(create_app(engine=engine, **options))


@pytest.fixture
def client(seeded: Engine) -> Iterator[TestClient]:
    with make_client(
        seeded, admin_token=TOKEN, actions=RecordingActions(), aliases={"m1-local": "acme/m1"}
    ) as c:
        yield c
