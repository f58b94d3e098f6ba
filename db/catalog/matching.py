"""Canonical model matching: a provider's model id to the catalog's canonical id.

Explicit and inspectable: configured aliases first (optionally provider-qualified,
``"EigenAI:deepseek-v31-terminus"``), then an exact known id, then a normalised match against the
part after the vendor prefix of known ids (``deepseek-r1`` -> ``deepseek/deepseek-r1``) when exactly one
known id matches. Otherwise the provider's id stands as its own model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_NOISE = re.compile(r"[\s_]+")


def normalise_model_id(model_id: str) -> str:
    """Lower case, spaces and underscores as dashes."""
    return _NOISE.sub("-", model_id.strip().lower())


@dataclass(frozen=True)
class Match:
    canonical_id: str
    rule: str  # alias, exact, normalised, suffix, own


class ModelMatcher:
    """Resolves provider model ids against aliases and the ids already known."""

    def __init__(self, *, aliases: Mapping[str, str] | None = None, known_ids: Iterable[str] = ()) -> None:
        self._aliases = {normalise_model_id(k): v for k, v in (aliases or {}).items()}
        self._known: set[str] = set()
        self._normalised: dict[str, str] = {}
        self._suffix: dict[str, set[str]] = {}
        for known in known_ids:
            self.add_known(known)

    def add_known(self, canonical_id: str) -> None:
        self._known.add(canonical_id)
        norm = normalise_model_id(canonical_id)
        self._normalised.setdefault(norm, canonical_id)
        suffix = norm.split("/", 1)[1] if "/" in norm else norm
        self._suffix.setdefault(suffix, set()).add(canonical_id)

    def match(self, model_id: str, *, provider: str | None = None) -> Match:
        norm = normalise_model_id(model_id)
        if provider is not None:
            qualified = self._aliases.get(f"{normalise_model_id(provider)}:{norm}")
            if qualified:
                return Match(qualified, "alias")
        if norm in self._aliases:
            return Match(self._aliases[norm], "alias")
        if model_id in self._known:
            return Match(model_id, "exact")
        if norm in self._normalised:
            return Match(self._normalised[norm], "normalised")
        if "/" not in norm:
            candidates = self._suffix.get(norm, set())
            if len(candidates) == 1:
                return Match(next(iter(candidates)), "suffix")
        return Match(model_id, "own")
