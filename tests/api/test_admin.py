"""The admin routes: 401 on a wrong, absent or empty token, 403 when off (no token configured) and one
was sent, 202 with the right one."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import Engine

from api import ActionRefused
from tests.api.conftest import TOKEN, RecordingActions, make_client


@pytest.fixture
def admin(seeded: Engine) -> Any:
    actions = RecordingActions()
    with make_client(seeded, admin_token=TOKEN, actions=actions) as client:
        yield client, actions


@pytest.mark.parametrize("token", ["", None])
def test_off_without_a_token(seeded: Engine, token: str | None) -> None:
    actions = RecordingActions()
    with make_client(seeded, admin_token=token, actions=actions) as client:
        for path in ("/api/v1/crawl", "/api/v1/probe"):
            response = client.post(path, headers={"Authorization": "Bearer some-token"})
            assert response.status_code == 403
            assert "MODELWATCH_ADMIN_TOKEN" in response.json()["detail"]
            # no credentials at all is 401 with the challenge (RFC 9110), saying the same
            for headers in ({}, {"Authorization": "Bearer "}):
                response = client.post(path, headers=headers)
                assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
                assert "MODELWATCH_ADMIN_TOKEN" in response.json()["detail"]
    assert actions.calls == []


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": ""},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer "},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"Bearer {TOKEN[:-1]}"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": TOKEN},
    ],
    ids=["absent", "empty header", "no token", "empty token", "wrong", "longer", "shorter", "basic", "bare"],
)
def test_refused_when_wrong_absent_or_empty(admin: Any, headers: dict[str, str]) -> None:
    client, actions = admin
    for path in ("/api/v1/crawl", "/api/v1/probe"):
        response = client.post(path, headers=headers, json={"sources": ["x"]} if "crawl" in path else None)
        assert response.status_code == 401, (path, response.text)
        assert response.headers["www-authenticate"] == "Bearer"
    assert actions.calls == []


def test_accepted_with_the_token(admin: Any) -> None:
    client, actions = admin
    auth = {"Authorization": f"Bearer {TOKEN}"}
    crawl = client.post("/api/v1/crawl", headers=auth, json={"sources": ["openrouter"]})
    assert crawl.status_code == 202
    assert crawl.json() == {"accepted": True, "action": "crawl", "detail": {"sources": ["openrouter"]}}
    everything = client.post("/api/v1/crawl", headers=auth)
    assert everything.status_code == 202 and everything.json()["detail"]["sources"] == [
        "openrouter",
        "eigenai",
    ]
    probe = client.post("/api/v1/probe", headers=auth, json={"probes": ["cheap-probe"]})
    assert probe.status_code == 202 and probe.json()["action"] == "probe"
    assert actions.calls == [("crawl", ["openrouter"]), ("crawl", None), ("probe", ["cheap-probe"])]


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        (b"{not json", "body"),
        (b'["openrouter"]', "body"),
        (b'{"sources": "openrouter"}', "sources"),
        (b'{"x": 1}', "body"),
        (b" ", "body"),
        (b"\x0c", "body"),
    ],
)
def test_bad_bodies_get_422(admin: Any, body: bytes, parameter: str) -> None:
    client, actions = admin
    response = client.post(
        "/api/v1/crawl",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        content=body,
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith(f"invalid parameter {parameter}")
    assert actions.calls == []


@pytest.mark.parametrize(
    ("refusal", "status"),
    [
        (ActionRefused("a crawl is already running"), 409),
        (ActionRefused("unknown source x", status_code=422), 422),
    ],
)
def test_refusals(seeded: Engine, refusal: ActionRefused, status: int) -> None:
    with make_client(seeded, admin_token=TOKEN, actions=RecordingActions(refuse=refusal)) as client:
        response = client.post("/api/v1/crawl", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == status and str(refusal) in response.json()["detail"]


def test_no_actions_in_this_process(seeded: Engine) -> None:
    with make_client(seeded, admin_token=TOKEN) as client:
        response = client.post("/api/v1/probe", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 503 and "no probe action" in response.json()["detail"]
