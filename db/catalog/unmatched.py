"""Provider model ids that matched no canonical model, with the nearest canonical ids, so a user can add
an alias (``[models.aliases]``, ``"Provider:model-id" = "canonical/id"``).

Unmatched: an active endpoint whose ``match_rule`` is ``own`` (no rule of `db.catalog.matching` found one
canonical id, so the provider's id stands as its own model). An endpoint of a canonical model (one
OpenRouter describes, not `provisional`: `db.catalog.matching.is_canonical`) is never unmatched:
OpenRouter's ids are the canonical ids. Endpoints crawled before 0.3 (no ``match_rule``) are left out
until their next crawl. One entry per provider and provider model id, whatever tags, protocols and
sources list it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db.catalog.matching import ModelMatcher, is_canonical
from db.catalog.provider_names import provider_key
from db.models import Endpoint, Model, Observation, Provider, table


@dataclass(frozen=True)
class UnmatchedId:
    provider: str
    provider_model_id: str
    endpoint_ids: list[int]
    sources: list[str]  # the crawl sources listing it now
    candidates: list[str]  # the nearest canonical ids, nearest first


def list_unmatched(
    *,
    engine: Engine,
    provider: str | None = None,
    limit: int = 100,
    offset: int = 0,
    candidates: int = 3,
    aliases: Mapping[str, str] | None = None,
) -> tuple[list[UnmatchedId], int]:
    """One page of unmatched provider model ids (by provider, then id) and how many there are;
    `provider` in any spelling (`db.catalog.provider_names`)."""
    e, p, m = table(Endpoint), table(Provider), table(Model)
    query = (
        select(
            e.c.id,
            e.c.provider_model_id,
            e.c.source,
            p.c.name,
            m.c.canonical_id,
            m.c.hugging_face_id,
            m.c.meta,
        )
        .join(p, p.c.id == e.c.provider_id)
        .join(m, m.c.id == e.c.model_id)
        .where(e.c.removed_at.is_(None), e.c.match_rule == "own")
        .order_by(p.c.name, e.c.provider_model_id, e.c.id)
    )
    wanted = provider_key(provider) if provider is not None else None
    groups: dict[tuple[str, str], list[Any]] = {}
    with Session(engine) as session:
        for row in session.execute(query):
            if is_canonical(row) or (wanted is not None and provider_key(row.name) != wanted):
                continue
            groups.setdefault((row.name, row.provider_model_id), []).append(row)
        page = list(groups.items())[offset : offset + limit]
        if not page:
            return [], len(groups)
        ids = [row.id for _, rows in page for row in rows]
        sources = _current_sources(session, ids)
        models = select(m.c.canonical_id, m.c.hugging_face_id, m.c.meta)
        matcher = ModelMatcher(aliases=aliases, known_ids=list(session.execute(models)))  # canonical ones
    found = []
    for (name, model_id), rows in page:
        listed = {source for row in rows for source in sources.get(row.id, {row.source})}
        found.append(
            UnmatchedId(
                provider=name,
                provider_model_id=model_id,
                endpoint_ids=[row.id for row in rows],
                sources=sorted(listed),
                candidates=_nearest(matcher, name, model_id, candidates),
            )
        )
    return found, len(groups)


def _nearest(matcher: ModelMatcher, provider: str, model_id: str, n: int) -> list[str]:
    """The candidates; an alias configured since the last crawl is the first."""
    match = matcher.match(model_id, provider=provider)
    if match.rule == "alias":
        return [
            match.canonical_id,
            *(c for c in matcher.candidates(model_id, n=n) if c != match.canonical_id),
        ][:n]
    return matcher.candidates(model_id, n=n)


def _current_sources(session: Session, endpoint_ids: list[int]) -> dict[int, set[str]]:
    """The sources whose observation of each endpoint is open."""
    o = table(Observation)
    query = select(o.c.endpoint_id, o.c.source).where(
        o.c.endpoint_id.in_(endpoint_ids), o.c.valid_to.is_(None)
    )
    found: dict[int, set[str]] = {}
    for endpoint_id, source in session.execute(query):
        found.setdefault(endpoint_id, set()).add(source)
    return found
