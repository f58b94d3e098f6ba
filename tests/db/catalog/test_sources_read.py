"""The read side of sources and disagreements (`db.catalog.sources_read`) on stores written by the real
ingest from three sources of different authority; every test on a real SQLite file and on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal as D
from typing import Any

from db.catalog.snapshot import load_snapshot
from db.catalog.sources_read import (
    DisagreementQuery,
    endpoint_sources,
    list_disagreements,
    read_disagreements,
    read_sources,
)
from db.catalog.state import EndpointState
from tests.sources_seed import (
    ALIASES,
    DEEPSEEK,
    DEEPSEEK_ID,
    GLM,
    GLM_ID,
    MODELSDEV,
    OWN,
    QWEN,
    T0,
    crawl,
    modelsdev_list,
    own_list,
    seed_sources,
)

HOUR = timedelta(hours=1)


def by_model(engine: Any) -> dict[str, EndpointState]:
    snapshot = load_snapshot(engine=engine, aliases=ALIASES, now=T0 + 3 * HOUR)
    return {e.model: e for e in snapshot.endpoints}


def test_every_source_of_an_endpoint_the_current_one_first_with_its_values(engine: Any) -> None:
    seed_sources(engine)
    glm = by_model(engine)[GLM]
    assert glm.source == "deepinfra"
    assert [(v.source, v.authority, v.input, v.output, v.context_length) for v in glm.sources] == [
        ("deepinfra", 0, D("0.43"), D("1.75"), 202752),
        ("modelsdev", 1, D("0.60"), D("1.75"), 202752),
        ("litellm", 2, D("0.43"), D("1.75"), 202752),
    ]
    assert [(v.since, v.seen, v.currency) for v in glm.sources] == [
        (T0, T0, "USD"),
        (T0 + HOUR, T0 + HOUR, "USD"),
        (T0 + 2 * HOUR, T0 + 2 * HOUR, "USD"),
    ]
    # prices a source does not publish stay unknown, never zero
    assert {(v.cache_read, v.cache_write) for v in glm.sources} == {(None, None)}


def test_open_disagreements_carry_every_sources_value_as_a_number(engine: Any) -> None:
    seed_sources(engine)
    endpoints = by_model(engine)
    (on_input,) = endpoints[GLM].disagreements
    # opened by the models.dev crawl; LiteLLM's value joined it an hour later
    assert (on_input.field, dict(on_input.values), on_input.since, on_input.updated_at) == (
        "input",
        {"deepinfra": D("0.43"), "modelsdev": D("0.6"), "litellm": D("0.43")},
        T0 + HOUR,
        T0 + 2 * HOUR,
    )
    assert list(on_input.values) == ["deepinfra", "modelsdev", "litellm"]  # the sources' order
    (on_context,) = endpoints[DEEPSEEK].disagreements
    assert (on_context.field, dict(on_context.values)) == (
        "context_length",
        {"deepinfra": 163840, "modelsdev": 131072},
    )
    assert all(isinstance(v, int) for v in on_context.values.values())
    assert endpoints[QWEN].disagreements == ()
    assert [v.source for v in endpoints[QWEN].sources] == ["modelsdev"]


def test_a_disagreement_closed_by_the_sources_agreeing_is_no_longer_read(engine: Any) -> None:
    seed_sources(engine)
    glm_id = by_model(engine)[GLM].id
    assert [x.field for x in read_disagreements_of(engine, glm_id)] == ["input"]
    crawl(engine, "modelsdev", MODELSDEV, modelsdev_list(glm_input="0.4300"), at=T0 + 3 * HOUR)
    assert read_disagreements_of(engine, glm_id) == []
    assert by_model(engine)[GLM].disagreements == ()
    # a new value from the current source opens it again, with the new values
    crawl(engine, "deepinfra", OWN, own_list(glm_input="0.39"), at=T0 + 4 * HOUR)
    (again,) = by_model(engine)[GLM].disagreements
    assert (dict(again.values), again.since) == (
        {"deepinfra": D("0.39"), "litellm": D("0.43"), "modelsdev": D("0.43")},
        T0 + 4 * HOUR,
    )


def read_disagreements_of(engine: Any, endpoint_id: int) -> list[Any]:
    with engine.connect() as connection:
        return read_disagreements(connection, [endpoint_id]).get(endpoint_id, [])


def test_sources_and_disagreements_for_a_set_of_endpoints(engine: Any) -> None:
    seed_sources(engine)
    endpoints = by_model(engine)
    glm, qwen = endpoints[GLM], endpoints[QWEN]
    found = endpoint_sources(engine=engine, endpoint_ids=[glm.id, qwen.id], current={glm.id: "modelsdev"})
    assert set(found) == {glm.id, qwen.id}
    views, disagreements = found[glm.id]
    assert [v.source for v in views] == ["modelsdev", "deepinfra", "litellm"]
    assert [list(x.values) for x in disagreements] == [["modelsdev", "deepinfra", "litellm"]]
    assert found[qwen.id] == (tuple(endpoints[QWEN].sources), ())
    with engine.connect() as connection:
        assert set(read_sources(connection, [qwen.id])) == {qwen.id}
        assert read_sources(connection, []) == {}


def test_list_disagreements_filters_by_provider_model_and_field_and_pages(engine: Any) -> None:
    seed_sources(engine)
    snapshot = load_snapshot(engine=engine, aliases=ALIASES, now=T0 + 3 * HOUR)

    def listed(**query: Any) -> tuple[list[tuple[str, str]], int]:
        page, total = list_disagreements(snapshot, DisagreementQuery(**query))
        return [(e.model, x.field) for e, x in page], total

    # opened by the same crawl: by provider, then model
    both = [(DEEPSEEK, "context_length"), (GLM, "input")]
    assert listed() == (both, 2)
    assert listed(provider="deepinfra")[1] == 2  # provider names compare without case
    assert listed(provider="Together") == ([], 0)
    # the model as canonical id, the provider's id or an alias, resolved as every route resolves it
    for given in (GLM, GLM_ID, "glm47"):
        assert listed(model=snapshot.resolve_model(given)) == ([(GLM, "input")], 1), given
    assert listed(model=snapshot.resolve_model(DEEPSEEK_ID), field="input") == ([], 0)
    assert listed(field="context_length") == ([(DEEPSEEK, "context_length")], 1)
    first, total = listed(limit=1)
    second, _ = listed(limit=1, offset=1)
    assert (total, first + second) == (2, both)
    assert listed(offset=2) == ([], 2)
