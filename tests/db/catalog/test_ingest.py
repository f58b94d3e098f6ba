"""The store: ingest idempotence, effective-dated prices, change events, removals, parser state.

Every test runs on a real SQLite file and on the real PostgreSQL CI provides.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal as D
from typing import Any

from sqlalchemy import func, text
from sqlmodel import Session, col, select

from db.catalog.crawled import CrawlResult, EndpointIn, ModelIn, Pricing, Problem, ReportedStats
from db.catalog.ingest import ingest_run
from db.catalog.runs import mark_interrupted_runs, start_run
from db.models import (
    Change,
    CrawlProblem,
    CrawlRun,
    Endpoint,
    EndpointRevision,
    Model,
    PricePeriod,
    ReportedStat,
)

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def endpoint(
    provider: str = "DeepInfra",
    *,
    tag: str | None = "deepinfra/fp4",
    input: str = "0.27",
    output: str = "0.95",
    context: int = 163840,
    params: tuple[str, ...] = ("tools", "top_k"),
    model: str = "deepseek/deepseek-v3.1-terminus",
    **extra: Any,
) -> EndpointIn:
    return EndpointIn(
        provider=provider,
        model=model,
        provider_model_id=extra.pop("provider_model_id", model),
        url="https://openrouter.ai/api/v1/chat/completions",
        tag=tag,
        context_length=context,
        parameters=params,
        pricing=extra.pop("pricing", Pricing(input=D(input), output=D(output), request=D(0))),
        reported=extra.pop(
            "reported", ReportedStats(source="openrouter", uptime_1d=99.9, latency_30m={"p50": 752.0})
        ),
        **extra,
    )


def crawl(
    engine: Any,
    endpoints: list[EndpointIn],
    *,
    at: datetime,
    source: str = "openrouter",
    complete: bool = True,
    problems: list[Problem] | None = None,
    parsed_ok: list[str] | None = None,
    aliases: dict[str, str] | None = None,
    models: list[ModelIn] | None = None,
) -> Any:
    run_id = start_run(engine=engine, source=source, started=at)
    result = CrawlResult(
        source=source,
        started=at,
        finished=at,
        endpoints=endpoints,
        complete=complete,
        problems=list(problems or []),
        parsed_ok=list(parsed_ok or []),
        models=models if models is not None else [ModelIn(id="deepseek/deepseek-v3.1-terminus")],
    )
    return ingest_run(engine=engine, run_id=run_id, result=result, aliases=aliases, now=at)


def count(engine: Any, table: Any) -> int:
    with Session(engine) as s:
        return int(s.exec(select(func.count()).select_from(table)).one())


def changes(engine: Any) -> list[Change]:
    with Session(engine) as s:
        return list(s.exec(select(Change).order_by(col(Change.id))))


def three() -> list[EndpointIn]:
    return [
        endpoint(),
        endpoint("Novita", tag="novita/fp8", output="1", context=131072),
        endpoint("AtlasCloud", tag="atlas-cloud/fp8", input="0.3", context=131072),
    ]


def test_first_crawl_writes_state_and_history_without_change_events(engine: Any) -> None:
    report = crawl(engine, three(), at=T0)
    assert report.status == "ok"
    assert (report.new_endpoints, report.price_rows, report.revision_rows, report.stat_rows) == (3, 3, 3, 3)
    assert count(engine, Endpoint) == 3 and count(engine, PricePeriod) == 3
    assert changes(engine) == []  # the first crawl of a source is the baseline, not 3 "new" alerts


def test_unchanged_recrawl_writes_no_history_rows(engine: Any) -> None:
    crawl(engine, three(), at=T0)
    before = {t: count(engine, t) for t in (PricePeriod, EndpointRevision, ReportedStat, Change, Endpoint)}
    report = crawl(engine, three(), at=T0 + timedelta(hours=6))
    assert report.history_rows == 0 and report.new_endpoints == 0 and report.changed_endpoints == 0
    assert {t: count(engine, t) for t in before} == before
    with Session(engine) as s:
        seen = s.exec(select(Endpoint.last_seen)).all()
        stat = s.exec(select(ReportedStat)).first()
    assert set(seen) == {T0 + timedelta(hours=6)}
    assert stat is not None and stat.at == T0 and stat.seen_until == T0 + timedelta(hours=6)


def test_price_change_closes_the_period_and_records_up_and_down_with_percent(engine: Any) -> None:
    crawl(engine, [endpoint(input="0.21", output="0.79")], at=T0)
    t1 = T0 + timedelta(days=1)
    report = crawl(engine, [endpoint(input="0.27", output="0.95")], at=t1)
    assert report.price_rows == 1
    with Session(engine) as s:
        periods = list(s.exec(select(PricePeriod).order_by(col(PricePeriod.valid_from))))
    assert [(p.input, p.output, p.valid_from, p.valid_to) for p in periods] == [
        (D("0.21"), D("0.79"), T0, t1),
        (D("0.27"), D("0.95"), t1, None),
    ]
    got = [(c.kind, c.field, c.old, c.new, c.percent) for c in changes(engine)]
    assert got == [
        ("price_up", "input", "0.21", "0.27", 28.57),
        ("price_up", "output", "0.79", "0.95", 20.25),
    ]
    crawl(engine, [endpoint(input="0.27", output="0.5")], at=t1 + timedelta(days=1))
    last = changes(engine)[-1]
    assert (last.kind, last.field, last.percent, last.provider, last.model) == (
        "price_down",
        "output",
        -47.37,
        "DeepInfra",
        "deepseek/deepseek-v3.1-terminus",
    )


def test_money_is_exact_decimal_on_the_way_back(engine: Any) -> None:
    tiny = Pricing(input=D("0.000001"), output=D("123456.123456789"), cache_read=D("0.168"))
    crawl(engine, [endpoint(pricing=tiny)], at=T0)
    with Session(engine) as s:
        period = s.exec(select(PricePeriod)).one()
    assert (period.input, period.output, period.cache_read) == (
        D("0.000001"),
        D("123456.123456789"),
        D("0.168"),
    )
    assert all(isinstance(v, D) for v in (period.input, period.output, period.cache_read))
    assert period.image is None  # not published stays null, never 0


def test_prices_with_many_decimals_survive_a_recrawl_unchanged(engine: Any) -> None:
    # Google's input_cache_write per 1M, 0.0833333333333333 (15 digits): no column scale may round it.
    fine = Pricing(input=D("0.3"), output=D("2.5"), cache_write=D("0.0833333333333333"))
    crawl(engine, [endpoint(pricing=fine)], at=T0)
    report = crawl(engine, [endpoint(pricing=fine)], at=T0 + timedelta(hours=1))
    assert report.history_rows == 0
    with Session(engine) as s:
        assert s.exec(select(PricePeriod.cache_write)).one() == D("0.0833333333333333")


def test_zero_surcharge_and_unpublished_surcharge_are_the_same_price(engine: Any) -> None:
    crawl(engine, [endpoint(pricing=Pricing(input=D("1"), output=D("2"), request=D(0), image=D(0)))], at=T0)
    report = crawl(
        engine, [endpoint(pricing=Pricing(input=D("1"), output=D("2")))], at=T0 + timedelta(hours=1)
    )
    assert report.price_rows == 0 and changes(engine) == []


def test_context_and_parameter_changes_are_revisions_with_events(engine: Any) -> None:
    crawl(engine, [endpoint()], at=T0)
    crawl(engine, [endpoint(context=131072, params=("tools", "logit_bias"))], at=T0 + timedelta(hours=1))
    got = {(c.kind, c.field, c.old, c.new) for c in changes(engine)}
    assert got == {
        ("context_changed", "context_length", "163840", "131072"),
        ("parameters_changed", "parameters", "top_k", "logit_bias"),
    }
    assert count(engine, EndpointRevision) == 2


def test_new_and_removed_endpoints_after_a_complete_run(engine: Any) -> None:
    crawl(engine, three(), at=T0)
    t1 = T0 + timedelta(hours=1)
    eps = [*three()[:2], endpoint("SiliconFlow", tag="siliconflow/fp8", output="1")]
    report = crawl(engine, eps, at=t1)
    assert (report.new_endpoints, report.removed_endpoints) == (1, 1)
    kinds = {(c.kind, c.provider) for c in changes(engine)}
    assert kinds == {("new_endpoint", "SiliconFlow"), ("endpoint_removed", "AtlasCloud")}
    with Session(engine) as s:
        removed = s.exec(select(Endpoint).where(col(Endpoint.removed_at).is_not(None))).one()
    assert removed.tag == "atlas-cloud/fp8" and removed.removed_at == t1
    # It comes back: the same row, no longer removed, and an event says so.
    report = crawl(engine, three(), at=t1 + timedelta(hours=1))
    assert report.new_endpoints == 0 and count(engine, Endpoint) == 4


def test_partial_or_failed_runs_remove_nothing(engine: Any) -> None:
    crawl(engine, three(), at=T0)
    failing = Problem(kind="http_error", message="endpoints of x: HTTP 500", url="http://x")
    report = crawl(engine, three()[:2], at=T0 + timedelta(hours=1), problems=[failing])
    assert report.status == "partial" and report.removed_endpoints == 0
    report = crawl(engine, three()[:2], at=T0 + timedelta(hours=2), complete=False)
    assert report.removed_endpoints == 0
    report = crawl(
        engine,
        [],
        at=T0 + timedelta(hours=3),
        complete=False,
        problems=[Problem(kind="connect", message="cannot connect")],
    )
    assert report.status == "failed"
    with Session(engine) as s:
        assert s.exec(select(Endpoint).where(col(Endpoint.removed_at).is_not(None))).all() == []
        assert [r.status for r in s.exec(select(CrawlRun).order_by(col(CrawlRun.id)))] == [
            "ok",
            "partial",
            "partial",
            "failed",
        ]


def test_a_listing_that_shrank_below_half_removes_nothing_and_says_so(engine: Any) -> None:
    eps = [endpoint(f"P{i}", tag=f"p{i}/fp8") for i in range(10)]
    crawl(engine, eps, at=T0)
    report = crawl(engine, eps[:4], at=T0 + timedelta(hours=1))
    assert report.removed_endpoints == 0 and report.status == "partial"
    with Session(engine) as s:
        problem = s.exec(select(CrawlProblem)).one()
    assert problem.kind == "listing_shrunk" and "fewer than half" in problem.message
    report = crawl(engine, eps[:6], at=T0 + timedelta(hours=2))
    assert report.removed_endpoints == 4  # 6 of 10 is not a collapse: a real removal


def test_warnings_are_recorded_but_do_not_hold_back_removals(engine: Any) -> None:
    crawl(engine, three(), at=T0)
    dup = Problem(kind="duplicate_endpoint", message="listed twice", warning=True)
    report = crawl(engine, three()[:2], at=T0 + timedelta(hours=1), problems=[dup])
    assert report.status == "ok" and report.removed_endpoints == 1 and report.problem_rows == 1


def test_parser_broken_is_one_event_while_it_lasts_then_fixed(engine: Any) -> None:
    page = "https://app.eigenai.com/deepseek.html"
    crawl(engine, [endpoint()], at=T0, source="eigenai", parsed_ok=[page])
    broken = Problem(kind="layout_changed", message="no price found", url=page, parser=True)
    for hour in (1, 2, 3):
        crawl(engine, [], at=T0 + timedelta(hours=hour), source="eigenai", complete=False, problems=[broken])
    assert [c.kind for c in changes(engine)] == ["parser_broken"]
    assert count(engine, CrawlProblem) == 3  # one problem row per run, one event in all
    crawl(engine, [endpoint()], at=T0 + timedelta(hours=4), source="eigenai", parsed_ok=[page])
    assert [c.kind for c in changes(engine)] == ["parser_broken", "parser_fixed"]
    with Session(engine) as s:  # the price published before the breakage is still the current one
        assert s.exec(select(PricePeriod.input).where(col(PricePeriod.valid_to).is_(None))).one() == D("0.27")


def test_an_offer_without_price_keeps_the_published_price(engine: Any) -> None:
    crawl(engine, [endpoint()], at=T0)
    report = crawl(engine, [endpoint(pricing=None)], at=T0 + timedelta(hours=1))
    assert report.price_rows == 0 and changes(engine) == []


def test_aliases_match_a_providers_model_id_to_the_canonical_model(engine: Any) -> None:
    crawl(engine, three(), at=T0)
    eigen = endpoint(
        "EigenAI",
        tag=None,
        model="deepseek-v31-terminus",
        provider_model_id="deepseek-v31-terminus",
        pricing=Pricing(input=D("0.40"), output=D("2.0"), currency="credits"),
        reported=None,
    )
    crawl(
        engine,
        [eigen],
        at=T0,
        source="eigenai",
        models=[],
        aliases={"deepseek-v31-terminus": "deepseek/deepseek-v3.1-terminus"},
    )
    with Session(engine) as s:
        row = s.exec(select(Endpoint).where(Endpoint.provider_model_id == "deepseek-v31-terminus")).one()
        model = s.get(Model, row.model_id)
        period = s.exec(select(PricePeriod).where(PricePeriod.endpoint_id == row.id)).one()
    assert model is not None and model.canonical_id == "deepseek/deepseek-v3.1-terminus"
    assert (period.input, period.output, period.currency, row.currency) == (
        D("0.4"),
        D("2"),
        "credits",
        "credits",
    )
    assert count(engine, Model) == 1


def test_interrupted_runs_are_closed_at_the_next_start(engine: Any) -> None:
    start_run(engine=engine, source="openrouter", started=T0)
    assert mark_interrupted_runs(engine=engine, now=T0 + timedelta(minutes=5)) == 1
    with Session(engine) as s:
        run = s.exec(select(CrawlRun)).one()
    assert run.status == "interrupted" and run.finished == T0 + timedelta(minutes=5)


def test_sqlite_engine_uses_wal_and_foreign_keys(sqlite_url: str) -> None:
    from db.engine import make_engine

    engine = make_engine(sqlite_url)
    with engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert c.execute(text("PRAGMA busy_timeout")).scalar() == 30000
    engine.dispose()
