"""Several sources, one endpoint: each source's view is an observation with its own history, the current
values follow the most authoritative source, and disagreements open, hold and close.

Every test runs on a real SQLite file and on the real PostgreSQL CI provides.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal as D
from typing import Any

from sqlmodel import Session, col, select

from db.catalog.crawled import CrawlResult, EndpointIn, ModelIn, Pricing
from db.catalog.ingest import ingest_run
from db.catalog.runs import start_run
from db.models import Change, Disagreement, Endpoint, Model, Observation, PricePeriod, Provider

T0 = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
GLM = "zai-org/GLM-4.7"
# ranks of authority as `[catalog]` gives them by default: the provider's own list, models.dev, LiteLLM
OWN, MODELSDEV, LITELLM = 0, 1, 2


def glm(
    provider: str = "DeepInfra", *, input: str = "0.43", output: str = "1.75", **extra: Any
) -> EndpointIn:
    context = extra.pop("context", 202752)
    return EndpointIn(
        provider=provider,
        model=extra.pop("model", GLM),
        provider_model_id=extra.pop("provider_model_id", GLM),
        url="https://api.deepinfra.com/v1/openai/chat/completions",
        context_length=context,
        pricing=Pricing(input=D(input), output=D(output)),
        **extra,
    )


def crawl(
    engine: Any,
    source: str,
    authority: int,
    endpoints: list[EndpointIn],
    *,
    at: datetime,
    models: list[ModelIn] | None = None,
) -> Any:
    run_id = start_run(engine=engine, source=source, started=at)
    canonical = source == "openrouter"  # OpenRouter's ids are canonical; other sources' are providers'
    result = CrawlResult(
        source=source,
        started=at,
        finished=at,
        endpoints=endpoints,
        models=[ModelIn(id="z-ai/glm-4.7", hugging_face_id=GLM)] if models is None else models,
        authority=authority,
        canonical_models=canonical,
    )
    return ingest_run(engine=engine, run_id=run_id, result=result, aliases={GLM: "z-ai/glm-4.7"}, now=at)


def rows(engine: Any, entity: Any) -> list[Any]:
    with Session(engine) as s:
        return list(s.exec(select(entity).order_by(col(entity.id))))


def current_price(engine: Any) -> tuple[D | None, D | None]:
    (period,) = [p for p in rows(engine, PricePeriod) if p.valid_to is None]
    return period.input, period.output


def test_sources_spelling_a_provider_differently_list_one_endpoint(engine: Any) -> None:
    crawl(engine, "deepinfra", OWN, [glm("DeepInfra")], at=T0)
    crawl(engine, "modelsdev", MODELSDEV, [glm("Deep Infra", input="0.6", output="2.2")], at=T0)
    crawl(engine, "litellm", LITELLM, [glm("deepinfra", input="0.43")], at=T0)
    (endpoint,) = rows(engine, Endpoint)
    assert [p.name for p in rows(engine, Provider)] == ["DeepInfra"]
    assert endpoint.source == "deepinfra"
    views = {o.source: (o.input, o.output) for o in rows(engine, Observation)}
    assert views == {
        "deepinfra": (D("0.43"), D("1.75")),
        "modelsdev": (D("0.6"), D("2.2")),
        "litellm": (D("0.43"), D("1.75")),
    }
    assert current_price(engine) == (D("0.43"), D("1.75"))


def test_the_most_authoritative_source_gives_the_current_values_whatever_the_order(engine: Any) -> None:
    crawl(engine, "litellm", LITELLM, [glm("deepinfra", input="0.5")], at=T0)
    assert current_price(engine) == (D("0.5"), D("1.75"))
    report = crawl(engine, "deepinfra", OWN, [glm("DeepInfra")], at=T0 + timedelta(hours=1))
    assert current_price(engine) == (D("0.43"), D("1.75"))
    (endpoint,) = rows(engine, Endpoint)
    assert endpoint.source == "deepinfra"
    # the witness changed, not the market: a new period, but no price change
    assert report.change_rows == 1  # the disagreement on input, nothing else
    assert [c.kind for c in rows(engine, Change)] == ["sources_disagree"]
    # a less authoritative source moving its number changes its observation only
    crawl(engine, "litellm", LITELLM, [glm("deepinfra", input="0.55")], at=T0 + timedelta(hours=2))
    assert current_price(engine) == (D("0.43"), D("1.75"))
    history = [(o.input, o.valid_to is None) for o in rows(engine, Observation) if o.source == "litellm"]
    assert history == [(D("0.5"), False), (D("0.55"), True)]
    assert "price_down" not in {c.kind for c in rows(engine, Change)}
    # the provider's own move is a price change
    crawl(engine, "deepinfra", OWN, [glm("DeepInfra", input="0.4")], at=T0 + timedelta(hours=3))
    assert [c.kind for c in rows(engine, Change) if c.kind.startswith("price")] == ["price_down"]


def test_unchanged_recrawls_of_every_source_write_no_history(engine: Any) -> None:
    crawl(engine, "deepinfra", OWN, [glm()], at=T0)
    crawl(engine, "litellm", LITELLM, [glm("deepinfra", input="0.5")], at=T0)
    for hours, (source, rank, given) in enumerate(
        [("deepinfra", OWN, glm()), ("litellm", LITELLM, glm("deepinfra", input="0.5"))], start=1
    ):
        report = crawl(engine, source, rank, [given], at=T0 + timedelta(hours=hours))
        assert report.history_rows == 0, source
    (observation,) = [o for o in rows(engine, Observation) if o.source == "litellm"]
    assert observation.seen == T0 + timedelta(hours=2)


def test_a_disagreement_opens_holds_through_formatting_and_closes_when_sources_agree(engine: Any) -> None:
    crawl(engine, "deepinfra", OWN, [glm(input="0.08")], at=T0)
    crawl(engine, "modelsdev", MODELSDEV, [glm("deepinfra", input="0.08000000000000002")], at=T0)
    assert rows(engine, Disagreement) == []  # float noise is not a disagreement
    crawl(engine, "modelsdev", MODELSDEV, [glm("deepinfra", input="0.14")], at=T0 + timedelta(hours=1))
    (opened,) = rows(engine, Disagreement)
    assert (opened.field, opened.values, opened.closed_at) == (
        "input",
        {"deepinfra": "0.08", "modelsdev": "0.14"},
        None,
    )
    assert opened.opened_at == T0 + timedelta(hours=1)
    # the same numbers written otherwise: still one open disagreement, no new change
    crawl(engine, "modelsdev", MODELSDEV, [glm("deepinfra", input="0.140")], at=T0 + timedelta(hours=2))
    assert [(d.id, d.closed_at) for d in rows(engine, Disagreement)] == [(opened.id, None)]
    assert [c.kind for c in rows(engine, Change)] == ["sources_disagree"]
    crawl(engine, "modelsdev", MODELSDEV, [glm("deepinfra", input="0.0800")], at=T0 + timedelta(hours=3))
    (closed,) = rows(engine, Disagreement)
    assert closed.closed_at == T0 + timedelta(hours=3)
    kinds = [(c.kind, c.field, c.provider) for c in rows(engine, Change)]
    # named as the store names the provider (DeepInfra), not as the crawl spelled it (deepinfra)
    assert kinds == [("sources_disagree", "input", "DeepInfra"), ("sources_agree", "input", "DeepInfra")]


def test_a_context_of_128k_written_two_ways_is_no_disagreement_but_64k_is(engine: Any) -> None:
    crawl(engine, "deepinfra", OWN, [glm(context=131072)], at=T0)
    crawl(engine, "litellm", LITELLM, [glm("deepinfra", context=128000)], at=T0)
    crawl(engine, "modelsdev", MODELSDEV, [glm("deepinfra", context=130999)], at=T0)  # off by a few tokens
    assert rows(engine, Disagreement) == []
    crawl(engine, "litellm", LITELLM, [glm("deepinfra", context=64000)], at=T0 + timedelta(hours=1))
    (disagreement,) = rows(engine, Disagreement)
    assert disagreement.values == {"deepinfra": 131072, "litellm": 64000, "modelsdev": 130999}


def test_a_source_that_stops_listing_ends_its_observation_and_the_next_source_takes_over(
    engine: Any,
) -> None:
    other = glm(provider_model_id="zai-org/GLM-4.6", model="zai-org/GLM-4.6")
    crawl(engine, "deepinfra", OWN, [glm(), other], at=T0)
    crawl(engine, "litellm", LITELLM, [glm("deepinfra", input="0.5")], at=T0)
    report = crawl(engine, "deepinfra", OWN, [other], at=T0 + timedelta(hours=1))
    assert report.removed_endpoints == 0
    endpoint = next(e for e in rows(engine, Endpoint) if e.provider_model_id == GLM)
    assert (endpoint.removed_at, endpoint.source) == (None, "litellm")
    periods = [p for p in rows(engine, PricePeriod) if p.endpoint_id == endpoint.id and p.valid_to is None]
    assert [p.input for p in periods] == [D("0.5")]
    ended = [o for o in rows(engine, Observation) if o.source == "deepinfra" and o.endpoint_id == endpoint.id]
    assert [(o.ended, o.valid_to) for o in ended] == [(True, T0 + timedelta(hours=1))]
    assert not [c for c in rows(engine, Change) if c.kind.startswith("price")]
    # the last source stops listing it: now it is removed
    crawl(
        engine,
        "litellm",
        LITELLM,
        [glm("deepinfra", provider_model_id="x/y", model="x/y")],
        at=T0 + timedelta(hours=2),
    )
    endpoint = next(e for e in rows(engine, Endpoint) if e.provider_model_id == GLM)
    assert endpoint.removed_at == T0 + timedelta(hours=2)
    assert [c.kind for c in rows(engine, Change) if c.endpoint_id == endpoint.id][-1] == "endpoint_removed"


def test_an_endpoint_behind_openrouter_is_not_the_providers_direct_one(engine: Any) -> None:
    crawl(engine, "deepinfra", OWN, [glm()], at=T0)
    routed = glm(tag="deepinfra/fp8", input="0.45")
    crawl(engine, "openrouter", OWN, [routed], at=T0)
    assert sorted((e.tag or "", e.source) for e in rows(engine, Endpoint)) == [
        ("", "deepinfra"),
        ("deepinfra/fp8", "openrouter"),
    ]
    assert rows(engine, Disagreement) == []


def chat(provider: str, model_id: str, input: str = "0.28") -> EndpointIn:
    return EndpointIn(
        provider=provider,
        model=model_id,
        provider_model_id=model_id,
        url="https://api.deepseek.com/chat/completions",
        pricing=Pricing(input=D(input), output=D("0.42")),
    )


def test_a_catalogs_model_is_matched_to_the_canonical_one_not_to_its_own_description(engine: Any) -> None:
    routed = chat("OpenRouter", "deepseek/deepseek-chat")
    openrouter_models = [ModelIn(id="deepseek/deepseek-chat", name="DeepSeek V3")]
    run_id = start_run(engine=engine, source="openrouter", started=T0)
    result = CrawlResult(source="openrouter", started=T0, endpoints=[routed], models=openrouter_models)
    ingest_run(engine=engine, run_id=run_id, result=result, now=T0)
    described = [ModelIn(id="deepseek-chat", name="DeepSeek Chat (a catalog's name)")]
    crawl(engine, "litellm", LITELLM, [chat("deepseek", "deepseek-chat")], at=T0, models=described)
    direct = next(e for e in rows(engine, Endpoint) if e.provider_model_id == "deepseek-chat")
    models = {m.id: m for m in rows(engine, Model)}
    assert models[direct.model_id].canonical_id == "deepseek/deepseek-chat"
    assert models[direct.model_id].name == "DeepSeek V3"  # the canonical catalog's name stays
    assert direct.match_rule not in (None, "own")  # matched by a rule (db.catalog.matching)
    assert "deepseek-chat" not in {m.canonical_id for m in models.values()}


def test_a_provisional_model_is_re_pointed_once_the_canonical_one_appears(engine: Any) -> None:
    described = [ModelIn(id="deepseek-v4", name="DeepSeek V4")]
    crawl(engine, "litellm", LITELLM, [chat("deepseek", "deepseek-v4")], at=T0, models=described)
    (model,) = rows(engine, Model)
    assert (model.canonical_id, model.meta.get("provisional")) == ("deepseek-v4", True)
    (endpoint,) = rows(engine, Endpoint)
    assert endpoint.match_rule == "own"
    later = T0 + timedelta(hours=1)
    run_id = start_run(engine=engine, source="openrouter", started=later)
    routed = chat("OpenRouter", "deepseek/deepseek-v4")
    result = CrawlResult(
        source="openrouter", started=later, endpoints=[routed], models=[ModelIn(id="deepseek/deepseek-v4")]
    )
    ingest_run(engine=engine, run_id=run_id, result=result, now=later)
    crawl(engine, "litellm", LITELLM, [chat("deepseek", "deepseek-v4")], at=later, models=described)
    endpoint = next(e for e in rows(engine, Endpoint) if e.provider_model_id == "deepseek-v4")
    models = {m.id: m.canonical_id for m in rows(engine, Model)}
    assert models[endpoint.model_id] == "deepseek/deepseek-v4"
    assert endpoint.match_rule not in (None, "own")


def test_the_canonical_catalog_spelling_of_a_provider_wins_whoever_came_first(engine: Any) -> None:
    crawl(engine, "modelsdev", MODELSDEV, [glm("Deep Infra")], at=T0, models=[])
    assert [p.name for p in rows(engine, Provider)] == ["Deep Infra"]
    routed = glm("DeepInfra", tag="deepinfra/fp8")
    crawl(engine, "openrouter", OWN, [routed], at=T0 + timedelta(hours=1))
    assert [p.name for p in rows(engine, Provider)] == ["DeepInfra"]
    assert len({e.provider_id for e in rows(engine, Endpoint)}) == 1


def test_a_context_that_is_another_sources_input_limit_is_no_disagreement(engine: Any) -> None:
    crawl(engine, "modelsdev", MODELSDEV, [glm("deepinfra", context=400000, max_prompt_tokens=272000)], at=T0)
    crawl(engine, "litellm", LITELLM, [glm("deepinfra", context=272000, max_prompt_tokens=272000)], at=T0)
    assert rows(engine, Disagreement) == []
    crawl(engine, "litellm", LITELLM, [glm("deepinfra", context=128000)], at=T0 + timedelta(hours=1))
    (disagreement,) = rows(engine, Disagreement)
    assert disagreement.values == {"litellm": 128000, "modelsdev": 400000}


def test_a_catalog_crawled_before_openrouter_is_matched_by_openrouters_crawl(engine: Any) -> None:
    terminus = "deepseek-ai/DeepSeek-V3.1-Terminus"
    direct = chat("DeepInfra", terminus)
    crawl(engine, "deepinfra", OWN, [direct], at=T0, models=[ModelIn(id=terminus)])
    assert {m.canonical_id for m in rows(engine, Model)} == {terminus}  # provisional: nothing known yet
    routed = chat("OpenRouter", "deepseek/deepseek-v3.1-terminus")
    canonical = ModelIn(id="deepseek/deepseek-v3.1-terminus", hugging_face_id=terminus)
    run_id = start_run(engine=engine, source="openrouter", started=T0 + timedelta(hours=1))
    result = CrawlResult(source="openrouter", started=T0, endpoints=[routed], models=[canonical])
    ingest_run(engine=engine, run_id=run_id, result=result, now=T0 + timedelta(hours=1))
    models = {m.id: m.canonical_id for m in rows(engine, Model)}
    assert set(models.values()) == {"deepseek/deepseek-v3.1-terminus"}  # the provisional one is gone
    endpoint = next(e for e in rows(engine, Endpoint) if e.provider_model_id == terminus)
    assert (models[endpoint.model_id], endpoint.match_rule) == (
        "deepseek/deepseek-v3.1-terminus",
        "hugging_face",
    )


def test_sources_recrawled_in_turn_do_not_undo_each_other(engine: Any) -> None:
    """No flip-flop: OpenRouter's spelling and meta, then a catalog's, then OpenRouter's again... each
    unchanged re-crawl updates no provider and no model."""
    from sqlalchemy import event

    statements: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    routed = [chat("DeepInfra", "deepseek/deepseek-chat"), chat("Deep Infra", "deepseek/deepseek-chat")]
    routed = [replace(routed[0], tag="deepinfra/fp8"), replace(routed[1], tag="deepinfra/fp4")]
    openrouter = [ModelIn(id="deepseek/deepseek-chat", meta={"canonical_slug": "deepseek/deepseek-chat"})]
    catalog = [ModelIn(id="deepseek-chat", meta={"capabilities": {"tool_call": True}})]

    def both(at: datetime) -> None:
        run_id = start_run(engine=engine, source="openrouter", started=at)
        result = CrawlResult(source="openrouter", started=at, endpoints=routed, models=openrouter)
        ingest_run(engine=engine, run_id=run_id, result=result, now=at)
        direct = [chat("deepinfra", "deepseek-chat")]
        crawl(engine, "modelsdev", MODELSDEV, direct, at=at + timedelta(minutes=1), models=catalog)

    both(T0)
    event.listen(engine, "before_cursor_execute", record)
    try:
        both(T0 + timedelta(hours=1))
    finally:
        event.remove(engine, "before_cursor_execute", record)
    updates = [s for s in statements if s.lstrip().upper().startswith(("UPDATE MODEL ", "UPDATE PROVIDER "))]
    assert updates == [] or all("last_seen" in s for s in updates), updates
    (model,) = [m for m in rows(engine, Model) if m.canonical_id == "deepseek/deepseek-chat"]
    assert model.meta == {"canonical_slug": "deepseek/deepseek-chat", "capabilities": {"tool_call": True}}
    assert [p.name for p in rows(engine, Provider) if p.name.replace(" ", "") == "DeepInfra"] == ["DeepInfra"]


def test_one_provisional_model_however_sources_write_its_case(engine: Any) -> None:
    """models.dev's `sao10K/l3-8b-lunaris` and LiteLLM's `sao10k/l3-8b-lunaris` at Novita: one endpoint,
    one provisional model, and crawls in turn change nothing."""

    def both(at: datetime) -> list[Any]:
        reports = []
        for source, rank, spelled in (("modelsdev", MODELSDEV, "sao10K"), ("litellm", LITELLM, "sao10k")):
            model_id = f"{spelled}/l3-8b-lunaris"
            given = chat("Novita", model_id)
            reports.append(crawl(engine, source, rank, [given], at=at, models=[ModelIn(id=model_id)]))
            at += timedelta(minutes=1)
        return reports

    both(T0)
    again = both(T0 + timedelta(hours=1))
    assert [r.history_rows for r in again] == [0, 0]
    assert [m.canonical_id for m in rows(engine, Model)] == ["sao10K/l3-8b-lunaris"]
    assert len(rows(engine, Endpoint)) == 1
    assert not [c for c in rows(engine, Change) if c.kind == "new_model"]
