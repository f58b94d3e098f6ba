"""models.dev and LiteLLM crawled for real: Scrapy against the replica's source files, into SQLite files.

Each kind in its own database (two sources listing one endpoint is the multi-source store's business).
A good crawl first (once per module, copied per test), then the replica breaks the document: truncated
JSON, HTTP 500, an empty object, a list for an object, a price as text. Each gives one problem naming the
source (and the key path where there is one), marks nothing removed and writes no zero.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlmodel import Session, select

from crawler.source import SourceSpec
from db.engine import make_engine
from db.models import Endpoint, PricePeriod
from monitor.crawling.run import CrawlOutcome, crawl_in_child
from replica import faults
from replica.catalog import demo_catalog
from replica.server import ReplicaServer
from replica.sources import DEFAULT_SOURCES_DIR

PATHS = {"modelsdev": "/sources/modelsdev/api.json", "litellm": "/sources/litellm/model_prices.json"}
FILES = {"modelsdev": "modelsdev.json", "litellm": "litellm.json"}


@pytest.fixture(scope="module")
def server() -> Iterator[ReplicaServer]:
    with ReplicaServer(demo_catalog()) as replica:
        yield replica


def spec(server: ReplicaServer, kind: str) -> SourceSpec:
    return SourceSpec(name=f"{kind}-replica", kind=kind, url=server.url + PATHS[kind], timeout_s=10)


def crawl(server: ReplicaServer, kind: str, db: Path) -> CrawlOutcome:
    outcome = crawl_in_child(
        db_url=f"sqlite:///{db}", sources=[spec(server, kind)], aliases={}, timeout_s=120
    )
    assert not outcome.errors, outcome.errors
    return outcome


def prices(db: Path) -> dict[str, tuple[PricePeriod | None, Endpoint]]:
    """provider|provider model id -> (its open price period, the endpoint)."""
    engine = make_engine(f"sqlite:///{db}")
    with Session(engine) as s:
        endpoints = list(s.exec(select(Endpoint)))
        periods = {p.endpoint_id: p for p in s.exec(select(PricePeriod)) if p.valid_to is None}
    engine.dispose()
    return {f"{e.key.split('|')[0]}|{e.provider_model_id}": (periods.get(e.id or 0), e) for e in endpoints}


@pytest.fixture(scope="module")
def baselines(server: ReplicaServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One database per kind after a good crawl."""
    out = {}
    for kind in PATHS:
        db = tmp_path_factory.mktemp(kind) / "baseline.db"
        (report,) = crawl(server, kind, db).reports
        assert report.status == "ok", report.problems
        out[kind] = db
    return out


def copy_of(baseline: Path, tmp_path: Path) -> Path:
    db = tmp_path / "modelwatch.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{baseline}{suffix}").exists():
            shutil.copy(f"{baseline}{suffix}", f"{db}{suffix}")
    return db


def test_modelsdev_crawl_stores_its_file(baselines: dict[str, Path]) -> None:
    doc = json.loads((DEFAULT_SOURCES_DIR / "modelsdev.json").read_text())
    stored = prices(baselines["modelsdev"])
    assert len(stored) == sum(len(p["models"]) for p in doc.values())
    period, endpoint = stored["DeepInfra|zai-org/GLM-4.7"]
    assert period is not None and (period.input, period.output, period.cache_read) == (
        D("0.43"),
        D("1.75"),
        D("0.08"),
    )
    assert (endpoint.context_length, endpoint.max_output_tokens) == (202752, 16384)
    period, _ = stored["Anthropic|claude-opus-4-7"]
    assert period is not None and period.overrides is not None
    assert period.overrides[0]["min_prompt_tokens"] == 200000
    assert D(period.overrides[0]["input"]) == D(
        doc["anthropic"]["models"]["claude-opus-4-7"]["cost"]["tiers"][0]["input"]
    )
    # no cost in the file: no price, never a zero
    period, _ = stored["Nordhavn AI|nordhavn/skerry-preview"]
    assert period is None or all(v is None for v in (period.input, period.output))


def test_litellm_crawl_stores_its_file(baselines: dict[str, Path]) -> None:
    doc = json.loads((DEFAULT_SOURCES_DIR / "litellm.json").read_text())
    chat = [
        k for k, v in doc.items() if k != "sample_spec" and v["mode"] in ("chat", "completion", "responses")
    ]
    stored = prices(baselines["litellm"])
    assert len(stored) == len(chat)
    period, _ = stored["nordhavn|fjord-8b-instruct"]
    assert period is not None and period.input == D("2.99999")  # 2.9999900000000002e-06 per token
    period, _ = stored["openrouter|deepseek/deepseek-r1"]
    assert period is not None and period.input == D("0.55")
    period, _ = stored["deepinfra|deepseek-ai/DeepSeek-V3.1"]
    assert period is not None and period.input == D("0.3")  # models.dev says 0.27: a disagreement
    period, _ = stored["nordhavn|skerry-preview"]
    assert period is None or all(v is None for v in (period.input, period.output))


BAD = [
    pytest.param(
        "modelsdev", faults.truncated_json(), "modelsdev-replica: not JSON", id="modelsdev-truncated"
    ),
    pytest.param("litellm", faults.truncated_json(), "litellm-replica: not JSON", id="litellm-truncated"),
    pytest.param("modelsdev", faults.status(500), "HTTP 500", id="modelsdev-500"),
    pytest.param("litellm", faults.status(200, "{}"), "litellm-replica: lists no models", id="litellm-empty"),
    pytest.param(
        "modelsdev",
        faults.status(200, "[]"),
        "modelsdev-replica: expected an object keyed by provider id",
        id="modelsdev-list",
    ),
]


@pytest.mark.parametrize(("kind", "fault", "expected"), BAD)
def test_a_broken_document_removes_nothing(
    server: ReplicaServer,
    baselines: dict[str, Path],
    tmp_path: Path,
    kind: str,
    fault: faults.Fault,
    expected: str,
) -> None:
    db = copy_of(baselines[kind], tmp_path)
    before = prices(db)
    server.set_fault(PATHS[kind], fault)
    try:
        (report,) = crawl(server, kind, db).reports
    finally:
        server.clear_faults()
    assert report.status == "failed"
    assert len(report.problems) == 1 and expected in report.problems[0], report.problems
    after = prices(db)
    assert after.keys() == before.keys()
    assert all(endpoint.removed_at is None for _, endpoint in after.values())
    assert {k: p and (p.input, p.output) for k, (p, _) in after.items()} == {
        k: p and (p.input, p.output) for k, (p, _) in before.items()
    }


def test_a_price_as_text_skips_its_entry_only(
    server: ReplicaServer, baselines: dict[str, Path], tmp_path: Path
) -> None:
    doc = json.loads((DEFAULT_SOURCES_DIR / "modelsdev.json").read_text())
    doc["deepinfra"]["models"]["zai-org/GLM-4.7"]["cost"]["input"] = "abc"
    doc["deepinfra"]["models"]["deepseek-ai/DeepSeek-V3.1"]["cost"]["output"] = -1
    db = copy_of(baselines["modelsdev"], tmp_path)
    before = prices(db)
    server.set_fault(PATHS["modelsdev"], faults.status(200, json.dumps(doc)))
    try:
        (report,) = crawl(server, "modelsdev", db).reports
    finally:
        server.clear_faults()
    assert report.status == "partial"
    assert sorted(report.problems) == [
        'malformed_json: modelsdev-replica: deepinfra.models["deepseek-ai/DeepSeek-V3.1"].cost.output: '
        "-1 is negative, not a price",
        'malformed_json: modelsdev-replica: deepinfra.models["zai-org/GLM-4.7"].cost.input: '
        "'abc' is not a number",
    ]
    after = prices(db)
    assert all(endpoint.removed_at is None for _, endpoint in after.values())
    period, _ = after["DeepInfra|zai-org/GLM-4.7"]
    assert period is not None and period.input == before["DeepInfra|zai-org/GLM-4.7"][0].input == D("0.43")  # type: ignore[union-attr]
    assert report.endpoints_seen == len(before) - 2
