"""Canonical model matching: a provider's model id to the catalog's canonical id, by explicit rules.

A canonical id is OpenRouter's (``z-ai/glm-4.7``). The rules, tried in this order; the first that
names exactly one canonical id wins (its name is the endpoint's ``match_rule``):

1. ``alias``: a configured alias, ``"Provider:model-id"`` before ``"model-id"`` (``[models.aliases]``;
   provider spellings as in `db.catalog.provider_names`, ids normalised as in rule 4).
2. ``exact``: the id is a canonical id.
3. ``hugging_face``: the id is the Hugging Face id of a canonical model, case aside (``zai-org/GLM-4.7``
   at DeepInfra -> ``z-ai/glm-4.7``). A ``:free`` (any ``:variant``) model shares its base's Hugging Face
   id; the key names the base only.
4. ``normalised``: the same id but for case, and spaces or underscores for dashes (``Z-AI/GLM_4.7``).
5. ``vendor_prefix``: the part after the vendor (``deepseek-ai/DeepSeek-V3.1`` -> ``deepseek-v3.1``; no
   vendor: ``deepseek-r1``; Fireworks' ``accounts/fireworks/models/x`` -> ``x``, its ``v3p1`` read as
   ``v3.1``) is the part after the vendor of exactly one canonical id. A vendor the provider gives must be
   the canonical id's (``qwen`` / ``Qwen``) or the Hugging Face vendor of one of that vendor's models
   (``deepseek-ai`` is ``deepseek``'s, ``zai-org`` is ``z-ai``'s): a fine-tune under another name is
   another model.
6. ``version_dots``: as 5, with a version written with dashes (``claude-sonnet-4-5`` is
   ``claude-sonnet-4.5``).
7. ``date_suffix``: as 5 and 6 once a trailing release date, ``-YYYYMMDD``, ``-YYYY-MM-DD`` or
   ``@YYYYMMDD``, is dropped (``claude-sonnet-4-5-20250929`` -> ``anthropic/claude-sonnet-4.5``), unless
   the catalog has dated snapshots of that model (``openai/gpt-4o-2024-08-06``): a snapshot is then its
   own model. A short ``-MMDD`` is never dropped (``kimi-k2-0905`` is not ``kimi-k2-0711``).

Never: any other part of an id is dropped. A variant (``:free``, ``:batch``, ``:thinking``,
``-terminus``, ``-instruct``, ``-turbo``, ``-fp8``, ...) is a different model, so ``deepseek-v3.1`` never
matches ``deepseek-v3.1-terminus``. A rule that finds two canonical ids matches neither: the id stands as
its own model (``own``), with both as `Match.candidates`.

Which known ids are targets: the ids the caller gives (the ingest gives the stored models that are not
`provisional` and the models of a crawl whose ids are canonical, OpenRouter's API), and of the models
it gives (rows, `ModelIn`), the canonical ones (`is_canonical`): one OpenRouter describes (a Hugging Face
id or OpenRouter's ``canonical_slug`` in its meta) is; one marked ``provisional`` (a provider's id that
stood as its own model) or described only by a provider catalog (models.dev, LiteLLM: ``capabilities``
in its meta) is not, nor one without OpenRouter's id shape (lower case, one ``/``: ``deepseek-chat``,
``zai-org/GLM-4.7``, a page's own model in a store from before 0.3). So a provider's id never matches
itself, and it stays unmatched until a rule or an alias says.

`ModelMatcher.candidates` lists the nearest canonical ids of an id that matched nothing (for a user to
choose an alias); matching never uses it. Everything is indexed by key: matching costs a few dictionary
lookups an id.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from db.catalog.provider_names import provider_key

#: the meta key of a model that is a provider's id standing alone (`db.catalog.upsert`)
PROVISIONAL = "provisional"
_NOISE = re.compile(r"[\s_]+")
_FIREWORKS = re.compile(r"^accounts/[^/]+/models/")
_POINT = re.compile(r"(?<=\d)p(?=\d)")  # Fireworks' v3p1
_DATE = re.compile(r"[-@](?:20\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|20\d{2}-\d{2}-\d{2})$")
_TOKEN = re.compile(r"[a-z][a-z0-9]*|\d+[a-z][a-z0-9]*")
#: a token shared by more known ids than this does not narrow the candidates
_MAX_POSTING = 400


def normalise_model_id(model_id: str) -> str:
    """Lower case, spaces and underscores as dashes."""
    return _NOISE.sub("-", model_id.strip().lower())


def looks_canonical(model_id: str) -> bool:
    """Whether an id has OpenRouter's shape: lower case, one ``/``, no spaces."""
    return model_id == model_id.strip().lower() and model_id.count("/") == 1 and " " not in model_id


def is_canonical(model: Any) -> bool:
    """Whether a known model (a `ModelIn`, a row with ``canonical_id`` or ``id``, ``hugging_face_id`` and
    ``meta``, or an id) is a canonical one: see the module's docstring."""
    if isinstance(model, str):
        return looks_canonical(model)
    meta = getattr(model, "meta", None) or {}
    if meta.get(PROVISIONAL):
        return False
    if getattr(model, "hugging_face_id", None) or "canonical_slug" in meta:
        return True
    if "capabilities" in meta:
        return False
    return looks_canonical(_id_of(model))


def _id_of(model: Any) -> str:
    return str(getattr(model, "canonical_id", None) or model.id)


def _split(model_id: str) -> tuple[str | None, str]:
    """(vendor or None, the part after it), normalised; a Fireworks path is no vendor."""
    norm = normalise_model_id(model_id)
    if _FIREWORKS.match(norm):
        return None, _POINT.sub(".", _FIREWORKS.sub("", norm))
    if "/" in norm:
        vendor, tail = norm.rsplit("/", 1)
        return vendor, tail
    return None, norm


def _vendor_key(vendor: str) -> str:
    return re.sub(r"[^0-9a-z]", "", vendor.lower())


def _dotless(tail: str) -> str:
    return tail.replace(".", "-")


@dataclass(frozen=True)
class Match:
    canonical_id: str
    rule: str  # alias, exact, hugging_face, normalised, vendor_prefix, version_dots, date_suffix, own
    #: for `own`: the canonical ids a rule found more than one of (none matched)
    candidates: tuple[str, ...] = ()


class ModelMatcher:
    """Resolves provider model ids against aliases and the canonical ids known."""

    def __init__(self, *, aliases: Mapping[str, str] | None = None, known_ids: Iterable[Any] = ()) -> None:
        """`known_ids`: canonical ids, or models (rows, `ModelIn`), or a mapping of id -> row (read for
        ``hugging_face_id`` and ``meta``): of models, only the canonical ones (`is_canonical`) become
        targets."""
        self._plain: dict[str, str] = {}
        self._qualified: dict[tuple[str, str], str] = {}
        for key, target in (aliases or {}).items():
            self._plain[normalise_model_id(key)] = target
            if ":" in key:
                provider, model_id = key.split(":", 1)
                self._qualified[(provider_key(provider), normalise_model_id(model_id))] = target
        self._known: set[str] = set()
        self._hf: dict[str, set[str]] = {}
        self._normalised: dict[str, set[str]] = {}
        self._tails: dict[str, set[str]] = {}
        self._dotless: dict[str, set[str]] = {}
        self._dated: dict[str, set[str]] = {}  # a dated snapshot's undated tail -> the snapshots
        self._vendors: dict[str, set[str]] = {}  # canonical vendor key -> its Hugging Face vendor keys
        self._tokens: dict[str, set[str]] = {}
        self._hf_tails: dict[str, set[str]] = {}  # canonical id -> the tails of its Hugging Face ids
        items: Iterable[Any] = known_ids.values() if isinstance(known_ids, Mapping) else known_ids
        for item in items:
            if isinstance(item, str):
                self.add_known(item)
            elif is_canonical(item):
                self.add_known(_id_of(item), hugging_face_id=getattr(item, "hugging_face_id", None))

    def add_known(self, model: Any, hugging_face_id: str | None = None) -> None:
        """Make a canonical id a target: an id, with its model's Hugging Face id if it has one, or a model
        (`ModelIn`, a row), if it is a canonical one (`is_canonical`)."""
        if not isinstance(model, str):
            if not is_canonical(model):
                return
            hugging_face_id = hugging_face_id or getattr(model, "hugging_face_id", None)
            model = _id_of(model)
        canonical: str = model
        if canonical in self._known:
            if hugging_face_id:
                self._add_hf(canonical, hugging_face_id)
            return
        self._known.add(canonical)
        self._normalised.setdefault(normalise_model_id(canonical), set()).add(canonical)
        vendor, tail = _split(canonical)
        self._tails.setdefault(tail, set()).add(canonical)
        self._dotless.setdefault(_dotless(tail), set()).add(canonical)
        undated = _DATE.sub("", tail)
        if undated != tail:
            self._dated.setdefault(_dotless(undated), set()).add(canonical)
        if vendor is not None:
            self._vendors.setdefault(_vendor_key(vendor), set()).add(_vendor_key(vendor))
        for token in set(_TOKEN.findall(tail)):
            self._tokens.setdefault(token, set()).add(canonical)
        if hugging_face_id:
            self._add_hf(canonical, hugging_face_id)

    def _add_hf(self, canonical: str, hugging_face_id: str) -> None:
        if ":" in canonical:
            return  # `x:free` shares x's Hugging Face id; the key names x
        self._hf.setdefault(hugging_face_id.strip().lower(), set()).add(canonical)
        _, hf_tail = _split(hugging_face_id)
        self._hf_tails.setdefault(canonical, set()).add(_dotless(hf_tail))
        for token in set(_TOKEN.findall(hf_tail)):
            self._tokens.setdefault(token, set()).add(canonical)
        vendor, _ = _split(canonical)
        hf_vendor = hugging_face_id.strip().lower().split("/", 1)[0] if "/" in hugging_face_id else None
        if vendor is not None and hf_vendor:
            self._vendors.setdefault(_vendor_key(vendor), set()).add(_vendor_key(hf_vendor))

    def match(self, model_id: str, *, provider: str | None = None) -> Match:
        """The canonical id of `model_id` and the rule that found it; `own` when none did."""
        norm = normalise_model_id(model_id)
        if provider is not None:
            qualified = self._qualified.get((provider_key(provider), norm))
            if qualified:
                return Match(qualified, "alias")
        if norm in self._plain:
            return Match(self._plain[norm], "alias")
        if model_id in self._known:
            return Match(model_id, "exact")
        for rule, found, blocked in self._rules(model_id, norm):
            if len(found) == 1 and not blocked:
                return Match(next(iter(found)), rule)
            if found:
                return Match(model_id, "own", tuple(sorted(found)))
        return Match(model_id, "own")

    def _rules(self, model_id: str, norm: str) -> Iterable[tuple[str, set[str], bool]]:
        """Each later rule's name, what it finds and whether that may not match (lazily: the first
        rule that finds anything ends the search)."""
        yield "hugging_face", self._hf.get(model_id.strip().lower(), set()), False
        yield "normalised", self._normalised.get(norm, set()), False
        vendor, tail = _split(model_id)
        yield "vendor_prefix", self._same_vendor(vendor, self._tails.get(tail, set())), False
        yield "version_dots", self._same_vendor(vendor, self._dotless.get(_dotless(tail), set())), False
        undated = _DATE.sub("", tail)
        if undated != tail:
            key = _dotless(undated)
            found = self._same_vendor(vendor, self._dotless.get(key, set()))
            # a catalog that tells this model's snapshots apart: this snapshot is none of the others
            snapshots = self._same_vendor(vendor, self._dated.get(key, set()))
            yield "date_suffix", found | snapshots, bool(snapshots)

    def _same_vendor(self, vendor: str | None, found: set[str]) -> set[str]:
        if vendor is None or not found:
            return found
        given = _vendor_key(vendor)
        kept = set()
        for canonical in found:
            own_vendor, _ = _split(canonical)
            if own_vendor is not None and given in self._vendors.get(_vendor_key(own_vendor), ()):
                kept.add(canonical)
        return kept

    def candidates(self, model_id: str, n: int = 3) -> list[str]:
        """The nearest canonical ids of `model_id`, nearest first: what a rule found more than one of,
        then the ids sharing a word of its part after the vendor, by similarity of that part to theirs
        or to their Hugging Face id's (difflib)."""
        found = list(self.match(model_id).candidates)
        if len(found) >= n:
            return found[:n]
        _, tail = _split(model_id)
        pool: set[str] = set()
        for token in set(_TOKEN.findall(tail)):
            posting = self._tokens.get(token, set())
            if len(posting) <= _MAX_POSTING:
                pool |= posting
        by_tail: dict[str, list[str]] = {}
        for canonical in sorted(pool):
            for key in {_dotless(_split(canonical)[1]), *self._hf_tails.get(canonical, ())}:
                by_tail.setdefault(key, []).append(canonical)
        for near in difflib.get_close_matches(_dotless(tail), list(by_tail), n=n, cutoff=0.5):
            found.extend(c for c in by_tail[near] if c not in found)
        return found[:n]
