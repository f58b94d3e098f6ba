"""Probe targets: the probed endpoints as the configuration names them, kept by name with their history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from db.engine import session_scope
from db.models import ProbeTarget, table
from db.types import utcnow


@dataclass(frozen=True)
class TargetSpec:
    """A probed endpoint as the configuration gives it (`[[probes]]`)."""

    name: str
    protocol: str
    url: str
    model: str | None = None
    provider_tag: str | None = None
    endpoint_id: int | None = None  # the catalog endpoint it measures, when known


class UnknownProbeError(ValueError):
    """Samples name a probe that has no target (call `ensure_targets` first)."""


def ensure_targets(
    engine: Engine, specs: Iterable[TargetSpec], *, now: datetime | None = None
) -> dict[str, int]:
    """Insert or update a target per spec (by name); returns {name: target id}.

    A spec's `endpoint_id` of None keeps the link already stored (the catalog match may not be known
    at every start). Targets no longer configured are kept, with their history.
    """
    now = now or utcnow()
    t = table(ProbeTarget)
    given = {spec.name: spec for spec in specs}
    with session_scope(engine) as session:
        existing = {row.name: row for row in session.execute(select(t).where(t.c.name.in_(list(given))))}
        new = []
        for name, spec in given.items():
            values: dict[str, Any] = {
                "protocol": spec.protocol,
                "url": spec.url,
                "model": spec.model,
                "provider_tag": spec.provider_tag,
            }
            if spec.endpoint_id is not None:
                values["endpoint_id"] = spec.endpoint_id
            row = existing.get(name)
            if row is None:
                new.append({"name": name, "endpoint_id": None, **values, "first_seen": now})
                continue
            changed = {key: value for key, value in values.items() if getattr(row, key) != value}
            if changed:
                session.execute(update(t).where(t.c.id == row.id).values(**changed))
        for values in new:  # few, once: the ORM defaults (status "unknown", empty streaks) apply
            session.add(ProbeTarget(**values))
        session.flush()
        return dict(session.execute(select(t.c.name, t.c.id).where(t.c.name.in_(list(given)))).tuples().all())
