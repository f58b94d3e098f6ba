"""Quality facts of models: benchmark indices the sources publish (OpenRouter's `benchmarks`: Artificial
Analysis' intelligence, coding and agentic indices, Design Arena's Elo per category), labelled and dated.

A fact is one `ModelQuality` row per model, crawl source, publisher and name, effective-dated: a crawl
that gives another value closes the open row and opens one; a source that lists a model without a fact
it gave before closes it (the model's entry was read: the source no longer publishes it). A model a
source lists without reading its quality (`ModelIn.quality` None: another kind of source, or a malformed
`benchmarks` reported as a problem) keeps what is stored.

- `record_quality(batch, models, model_ids)`: the ingest's writes (`db.catalog.upsert.upsert_models`).
- `read_quality(session)`: every model's open facts by canonical id and name (the catalog snapshot).
- `quality_history(engine, canonical_id)`: every fact of one model over time (the dashboard's model page).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db.bulk import insert_rows
from db.catalog.batch import IngestBatch, chunks
from db.catalog.crawled import ModelIn
from db.models import Model, ModelQuality, table

#: The Artificial Analysis indices (0 to 100) the recommender's constraints read.
INTELLIGENCE = "intelligence_index"
CODING = "coding_index"
AGENTIC = "agentic_index"
INDICES: tuple[str, ...] = (INTELLIGENCE, CODING, AGENTIC)


@dataclass(frozen=True)
class Quality:
    """One open quality fact of a model: its value, who measured it, which crawl source gave it, since
    when."""

    name: str
    value: float
    publisher: str
    source: str
    since: datetime
    until: datetime | None = None  # set in a history: when the value stopped holding


def record_quality(batch: IngestBatch, models: Mapping[str, ModelIn], model_ids: Mapping[str, int]) -> int:
    """Write the quality facts the crawl's `models` give (by canonical id): a new row where a value is
    new or changed, the open row closed where it changed or is no longer given. Returns rows written."""
    given: dict[int, dict[tuple[str, str], float]] = {}
    for canonical, model in models.items():
        if model.quality is None or canonical not in model_ids:
            continue
        facts: dict[tuple[str, str], float] = {}
        for fact in model.quality:
            facts.setdefault((fact.publisher, fact.name), fact.value)  # the first of two wins
        given[model_ids[canonical]] = facts
    if not given:
        return 0
    s, t = batch.s, table(ModelQuality)
    stored: dict[int, dict[tuple[str, str], Any]] = {}
    for chunk in chunks(list(given)):
        query = select(t.c.id, t.c.model_id, t.c.publisher, t.c.name, t.c.value).where(
            t.c.source == batch.source, t.c.valid_to.is_(None), t.c.model_id.in_(chunk)
        )
        for row in s.execute(query):
            stored.setdefault(row.model_id, {})[(row.publisher, row.name)] = row
    closed: list[int] = []
    new_rows: list[dict[str, Any]] = []
    for model_id, facts in given.items():
        open_rows = stored.get(model_id, {})
        for (publisher, name), value in facts.items():
            before = open_rows.get((publisher, name))
            if before is not None and before.value == value:
                continue
            if before is not None:
                closed.append(before.id)
            new_rows.append(
                {
                    "model_id": model_id,
                    "source": batch.source,
                    "publisher": publisher,
                    "name": name,
                    "value": value,
                    "valid_from": batch.now,
                    "valid_to": None,
                }
            )
        closed.extend(row.id for key, row in open_rows.items() if key not in facts)
    for chunk in chunks(closed):
        s.execute(update(t).where(t.c.id.in_(chunk)).values(valid_to=batch.now))
    insert_rows(s, t, new_rows)
    return len(new_rows) + len(closed)


def read_quality(session: Session) -> dict[str, dict[str, Quality]]:
    """Every model's open quality facts: {canonical id: {name: fact}}; of two sources giving one name,
    the most recent value (then the source first by name)."""
    q, m = table(ModelQuality), table(Model)
    query = (
        select(m.c.canonical_id, q.c.name, q.c.value, q.c.publisher, q.c.source, q.c.valid_from)
        .join(m, m.c.id == q.c.model_id)
        .where(q.c.valid_to.is_(None))
        .order_by(q.c.valid_from, q.c.source.desc())
    )
    found: dict[str, dict[str, Quality]] = {}
    for canonical, name, value, publisher, source, since in session.execute(query):
        found.setdefault(canonical, {})[name] = Quality(name, value, publisher, source, since)
    return found


def quality_history(engine: Engine, canonical_id: str) -> list[Quality]:
    """Every quality fact one model had, by name then time (`until` None: holds now)."""
    q, m = table(ModelQuality), table(Model)
    query = (
        select(q.c.name, q.c.value, q.c.publisher, q.c.source, q.c.valid_from, q.c.valid_to)
        .join(m, m.c.id == q.c.model_id)
        .where(m.c.canonical_id == canonical_id)
        .order_by(q.c.name, q.c.valid_from, q.c.source)
    )
    with Session(engine) as session:
        return [Quality(*row) for row in session.execute(query)]
