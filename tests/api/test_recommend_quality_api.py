"""Issue 13 through the API and the CLI: the issue's question over HTTP (SQLite and PostgreSQL), model
objects with their quality facts, the Pareto frontier, currencies at a configured rate, bad constraints as
a 422 naming the parameter and the allowed values, and `modelwatch recommend` saying the same (exit 2)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from db.engine import make_engine
from db.recommend.cost import Rate
from monitor.cli import main
from tests.api.client import TestClient
from tests.api.conftest import make_client
from tests.db.recommend.quality_seed import BIG, EXPECTED, EXPECTED_MONTH, QUESTION, seed_quality

REC = "/api/v1/recommend"


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    seed_quality(engine)
    with make_client(engine) as c:
        yield c


def test_the_issues_question_over_http(client: TestClient) -> None:
    body = client.get(REC, params=QUESTION).json()
    assert [r["provider"] for r in body["data"]] == EXPECTED
    assert [r["cost_per_month"] for r in body["data"]] == EXPECTED_MONTH
    assert body["workload"]["requests_per_month"] == 30000
    first = body["data"][0]
    assert first["why"] == "5.4 USD a month cheaper than Novita (big/frontier)"
    assert first["quality"]["intelligence_index"] == {
        "value": 50.0,
        "publisher": "artificial_analysis",
        "source": "openrouter",
        "since": "2026-05-18T12:00:00Z",
    }
    assert (first["cost_currency"], first["conversion"], first["frontier"]) == ("USD", None, None)
    assert body["data"][-1]["cost_currency"] == "credits"
    assert {x["provider"]: x["codes"] for x in body["excluded"]} == {
        "Chutes": ["min_quantization"],
        "NemoHost": ["min_intelligence"],
        "Anon": ["min_intelligence"],
    }
    assert body["excluded_total"] == 3
    capped = client.get(REC, params={**QUESTION, "excluded_limit": 1}).json()
    assert [x["provider"] for x in capped["excluded"]] == ["Anon"] and capped["excluded_total"] == 3
    monthly = client.get(REC, params={**QUESTION, "requests_per_month": 1000}).json()
    assert monthly["data"][0]["cost_per_month"] == 9.6  # 0.0096 x 1,000
    unrated = client.get(REC, params={**QUESTION, "include_unrated": "true"}).json()
    assert unrated["data"][0]["provider"] == "Anon" and unrated["data"][0]["unrated"] == [
        "intelligence_index"
    ]
    only = client.get(
        REC, params=[*QUESTION.items(), ("only_providers", "deep infra"), ("only_providers", "novita")]
    )
    assert [r["provider"] for r in only.json()["data"]] == ["DeepInfra", "Novita"]


def test_the_frontier(client: TestClient) -> None:
    body = client.get(REC, params={**QUESTION, "frontier": "true"}).json()
    assert body["frontier_axis"] == "quality" and body["total"] == 2
    assert [(r["rank"], r["provider"], r["frontier"]) for r in body["data"]] == [
        (1, "DeepInfra", True),
        (2, "Novita", True),
    ]
    ttft = client.get(REC, params={**QUESTION, "frontier": "true", "frontier_axis": "ttft"}).json()
    assert [(r["rank"], r["provider"]) for r in ttft["data"]] == [
        (1, "DeepInfra"),
        (3, "Together"),
        (5, "Parasail"),
        (6, "Baseten"),
    ]


def test_model_objects_carry_their_quality(client: TestClient) -> None:
    detail = client.get(f"/api/v1/models/{BIG}").json()
    assert {name: fact["value"] for name, fact in detail["quality"].items()} == {
        "coding_index": 70.0,
        "design_arena:website": 1162.0,
        "intelligence_index": 62.0,
    }
    listed = {m["id"]: m["quality"] for m in client.get("/api/v1/models").json()["data"]}
    assert listed["anon/unrated"] == {} and listed["small/nemo"]["intelligence_index"]["value"] == 20.0


BAD = [
    (
        {"min_intelligence": -3},
        "min_intelligence",
        "min_intelligence must be from 0 to 100 (an Artificial Analysis intelligence index), not -3",
    ),
    (
        {"min_quantization": "fp5"},
        "min_quantization",
        "min_quantization must be one of fp32, bf16, fp16, fp8, int8, fp6, fp4, int4 "
        "(fp32 > bf16 = fp16 > fp8 > int8 > fp6 > fp4 = int4), not 'fp5'",
    ),
    (
        {"min_coding": 101},
        "min_coding",
        "min_coding must be from 0 to 100 (an Artificial Analysis coding index), not 101",
    ),
]


@pytest.mark.parametrize(("params", "parameter", "message"), BAD)
def test_bad_constraints_are_a_422_naming_the_parameter(
    client: TestClient, params: dict[str, Any], parameter: str, message: str
) -> None:
    answer = client.get(REC, params=params)
    assert answer.status_code == 422
    assert answer.json() == {
        "detail": f"invalid parameter {parameter}: {message}",
        "errors": [{"parameter": parameter, "location": "query", "message": message}],
    }


def test_credits_at_the_configured_rate(engine: Engine) -> None:
    seed_quality(engine)
    with make_client(engine, rates=[Rate("credits", D("1.0"), provider="EigenAI")]) as c:
        body = c.get(REC, params=QUESTION).json()
    eigen = body["data"][0]
    assert (eigen["provider"], eigen["cost_per_month"], eigen["cost_currency"]) == ("EigenAI", 132.0, "USD")
    assert eigen["conversion"] == "credits at 1.0 USD" and eigen["currency"] == "credits"


@pytest.fixture
def store(sqlite_url: str) -> str:
    engine = make_engine(sqlite_url)
    seed_quality(engine)
    engine.dispose()
    return sqlite_url


def test_the_cli_answers_and_refuses_bad_constraints(
    store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "modelwatch.toml"
    config.write_text('[currencies]\ncredits = { provider = "EigenAI", usd = 1.0 }\n', encoding="utf-8")

    def recommend(*argv: str) -> tuple[int, str, str]:
        code = main(["--config", str(config), "--db", store, "recommend", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    question = ["--input-tokens", "20000", "--cached-input-tokens", "12000", "--output-tokens", "500"]
    code, out, _ = recommend(*question, "--min-intelligence", "50", "--min-quantization", "fp8", "--json")
    body = json.loads(out)
    assert code == 0 and [r["provider"] for r in body["data"]] == ["EigenAI", *EXPECTED[:-1]]
    assert body["data"][0]["conversion"] == "credits at 1.0 USD"
    code, out, _ = recommend(*question, "--min-intelligence", "50", "--min-quantization", "fp8", "--frontier")
    lines = out.splitlines()
    assert (
        code == 0 and lines[1] == "the Pareto frontier of cost against quality: 1 of 7"
    )  # EigenAI: 132 USD, 62
    assert "     why: 156 USD a month cheaper than DeepInfra [mid/fp8] (mid/fifty)" in lines
    assert "     quality: coding_index 70, design_arena:website 1162, intelligence_index 62" in lines
    for argv, message in (
        (["--min-intelligence", "-3"], BAD[0][2]),
        (["--min-quantization", "fp5"], BAD[1][2]),
    ):
        code, out, err = recommend(*argv)
        assert (code, out, err) == (2, "", f"error: {message}\n")
