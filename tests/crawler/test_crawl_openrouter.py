"""A real Scrapy crawl of the provider replica on a free port into a SQLite file.

The 2025-12-02 snapshot, then the 2026-05-22 one (with the 2026-05-18 endpoints), through the real
spider, pipeline and ingest; then the faults: 500, truncated JSON, a hanging socket, an oversized body.
"""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, col, select

from crawler.source import SourceSpec
from db.engine import make_engine
from db.models import Change, CrawlProblem, CrawlRun, Endpoint, Model, PricePeriod, Provider, ReportedStat
from monitor.crawling.run import CrawlOutcome, crawl_in_child
from replica import faults
from replica.catalog import load_snapshot
from replica.server import ReplicaServer
from tests.conftest import shared_path

TERMINUS = "deepseek/deepseek-v3.1-terminus"


def crawl(
    db_url: str, server: Any, *, timeout_s: float = 10, max_bytes: int = 10 * 1024 * 1024
) -> CrawlOutcome:
    spec = SourceSpec(
        name="openrouter",
        kind="openrouter",
        base_url=server.api_url,
        timeout_s=timeout_s,
        max_bytes=max_bytes,
    )
    return crawl_in_child(db_url=db_url, sources=[spec], aliases={}, timeout_s=120)


def prices(
    db_url: str, provider: str, model: str, tag: str | None = None
) -> list[tuple[D | None, D | None, bool]]:
    engine = make_engine(db_url)
    with Session(engine) as s:
        query = (
            select(PricePeriod)
            .join(Endpoint, col(Endpoint.id) == PricePeriod.endpoint_id)
            .join(Provider, col(Provider.id) == Endpoint.provider_id)
            .join(Model, col(Model.id) == Endpoint.model_id)
            .where(Provider.name == provider, Model.canonical_id == model)
            .order_by(col(PricePeriod.valid_from))
        )
        if tag is not None:
            query = query.where(Endpoint.tag == tag)
        rows = [(p.input, p.output, p.valid_to is None) for p in s.exec(query)]
    engine.dispose()
    return rows


@pytest.fixture(scope="module")
def snapshots() -> dict[str, Path]:
    base = shared_path("fixtures", "openrouter")
    return {
        "models_2025": base / "models-2025-12-02.json",
        "models_2026": base / "models-2026-05-22.json",
        "endpoints_2026": base / "endpoints-2026-05-18.json",
        "providers_2026": base / "providers-2026-05.json",
    }


def test_two_snapshots_give_price_history_and_change_events(
    snapshots: dict[str, Path], sqlite_url: str
) -> None:
    with ReplicaServer(load_snapshot(models=snapshots["models_2025"])) as server:
        first = crawl(sqlite_url, server).reports[0]
        assert first.status == "ok", first.problems
        assert first.endpoints_seen == 335  # OpenRouter's routed offer of each model; no /endpoints file
        server.set_catalog(
            load_snapshot(
                models=snapshots["models_2026"],
                endpoints=snapshots["endpoints_2026"],
                providers=snapshots["providers_2026"],
            )
        )
        second = crawl(sqlite_url, server).reports[0]
        assert second.status == "ok", second.problems
        assert second.endpoints_seen == 356 + 831  # 832 listed, one listed twice (a warning)
        again = crawl(sqlite_url, server).reports[0]

    assert prices(sqlite_url, "OpenRouter", TERMINUS) == [
        (D("0.21"), D("0.79"), False),
        (D("0.27"), D("0.95"), True),
    ]
    assert prices(sqlite_url, "DeepInfra", TERMINUS, "deepinfra/fp4") == [(D("0.27"), D("0.95"), True)]
    engine = make_engine(sqlite_url)
    with Session(engine) as s:
        terminus = {
            (c.kind, c.field): (c.old, c.new, c.percent)
            for c in s.exec(select(Change).where(Change.model == TERMINUS, Change.provider == "OpenRouter"))
        }
        assert terminus[("price_up", "input")] == ("0.21", "0.27", 28.57)
        assert terminus[("price_up", "output")] == ("0.79", "0.95", 20.25)
        assert terminus[("price_down", "cache_read")] == ("0.168", "0.13", -22.62)
        assert terminus[("parameters_changed", "parameters")] == (None, "logit_bias", None)
        assert terminus[("context_changed", "max_output_tokens")] == (None, "32768", None)
        new_providers = set(
            s.exec(select(Change.provider).where(Change.kind == "new_endpoint", Change.model == TERMINUS))
        )
        assert {"DeepInfra", "Novita", "AtlasCloud", "SiliconFlow"} <= new_providers
        removed = s.exec(select(Endpoint).where(col(Endpoint.removed_at).is_not(None))).all()
        removed_models = {e.provider_model_id for e in removed}
        # models in 2025 and gone in 2026 are removed (the 2026 run was complete and successful)
        assert "amazon/nova-2-lite-v1:free" in removed_models and TERMINUS not in removed_models
        deepinfra = s.exec(
            select(Endpoint).where(Endpoint.tag == "deepinfra/fp4", Endpoint.provider_model_id == TERMINUS)
        ).one()
        stat = s.exec(select(ReportedStat).where(ReportedStat.endpoint_id == deepinfra.id)).one()
        assert stat.latency_30m is not None and stat.latency_30m["p50"] == 752 and stat.source == "openrouter"
        assert deepinfra.context_length == 163840
        auto = s.exec(
            select(PricePeriod)
            .join(Endpoint, col(Endpoint.id) == PricePeriod.endpoint_id)
            .where(Endpoint.provider_model_id == "openrouter/auto")
        ).all()
        assert all(p.input is None and p.output is None for p in auto)  # "-1" is variable, not a price
    engine.dispose()
    assert again.status == "ok" and again.history_rows == 0 and again.new_endpoints == 0


def test_endpoints_request_failing_keeps_the_routed_endpoint(replica: Any, sqlite_url: str) -> None:
    assert crawl(sqlite_url, replica).reports[0].status == "ok"
    replica.set_fault(f"/api/v1/models/{TERMINUS}/endpoints", faults.status(500))
    report = crawl(sqlite_url, replica).reports[0]
    assert report.status == "partial" and report.removed_endpoints == 0
    assert any("HTTP 500" in p and TERMINUS in p for p in report.problems)
    assert prices(sqlite_url, "OpenRouter", TERMINUS)[-1][2] is True
    assert prices(sqlite_url, "DeepInfra", TERMINUS)[-1][2] is True  # not removed by a failed listing


def test_models_list_answering_500_fails_the_run_and_loses_nothing(replica: Any, sqlite_url: str) -> None:
    crawl(sqlite_url, replica)
    replica.set_fault("/api/v1/models", faults.status(500))
    outcome = crawl(sqlite_url, replica)
    report = outcome.reports[0]
    assert outcome.all_failed and report.status == "failed" and report.removed_endpoints == 0
    engine = make_engine(sqlite_url)
    with Session(engine) as s:
        assert s.exec(select(Endpoint).where(col(Endpoint.removed_at).is_not(None))).all() == []
        assert [r.status for r in s.exec(select(CrawlRun).order_by(col(CrawlRun.id)))] == ["ok", "failed"]
        failed_run = s.exec(select(CrawlRun).where(CrawlRun.status == "failed")).one()
        assert {p.kind for p in s.exec(select(CrawlProblem).where(CrawlProblem.run_id == failed_run.id))} == {
            "http_error"
        }
    engine.dispose()


def test_truncated_json_is_a_parser_problem_not_half_a_catalog(replica: Any, sqlite_url: str) -> None:
    crawl(sqlite_url, replica)
    replica.set_fault("/api/v1/models", faults.truncated_json())
    report = crawl(sqlite_url, replica).reports[0]
    assert report.status == "failed" and report.history_rows == 1  # the one parser_broken change
    again = crawl(sqlite_url, replica).reports[0]
    assert again.change_rows == 0  # still broken: no second event
    engine = make_engine(sqlite_url)
    with Session(engine) as s:
        assert [c.kind for c in s.exec(select(Change))] == ["parser_broken"]
        assert {p.kind for p in s.exec(select(CrawlProblem).where(CrawlProblem.parser))} == {"malformed_json"}
    engine.dispose()
    replica.clear_faults()
    assert crawl(sqlite_url, replica).reports[0].change_rows == 1  # parser_fixed


def test_hanging_socket_times_out_as_a_problem(replica: Any, sqlite_url: str) -> None:
    replica.set_fault(f"/api/v1/models/{TERMINUS}/endpoints", faults.hang())
    report = crawl(sqlite_url, replica, timeout_s=1).reports[0]
    assert report.status == "partial"
    assert any(p.startswith("timeout:") and TERMINUS in p for p in report.problems)


def test_oversized_body_is_capped(replica: Any, sqlite_url: str) -> None:
    replica.set_fault("/api/v1/models", faults.oversized(3_000_000))
    report = crawl(sqlite_url, replica, max_bytes=1_000_000).reports[0]
    assert report.status == "failed"
    assert any(p.startswith("too_large:") for p in report.problems), report.problems


def test_unreachable_source_fails_clearly(sqlite_url: str) -> None:
    spec = SourceSpec(name="openrouter", kind="openrouter", base_url="http://127.0.0.1:9/api/v1", timeout_s=2)
    outcome = crawl_in_child(db_url=sqlite_url, sources=[spec], aliases={})
    assert outcome.all_failed
    # both listings are requested at once: their failures arrive in either order
    problems = sorted(outcome.reports[0].problems)
    assert problems[0].startswith("connect: model list (/models): cannot connect")
    assert problems[1].startswith("connect: provider list (/providers): cannot connect")
