"""Recorded OpenRouter catalogs, ready to be replayed by the replica server.

A :class:`Catalog` holds the three kinds of body OpenRouter's public API answers with (``/models``,
``/providers`` and ``/models/{id}/endpoints``) and turns them into response bytes. Bodies loaded from
snapshot files are kept as faithful as practical: the ``/models`` and ``/providers`` files are served
byte for byte when no filtering applies, and endpoints bodies keep their key order, value types (string or
number prices, int or float figures) and missing keys, so a crawler sees the real shapes of each year.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

JsonObject = dict[str, Any]

#: Keys of a model object that the endpoints body repeats above its ``endpoints`` list.
ENDPOINTS_HEADER_KEYS = ("id", "name", "created", "description", "architecture")

#: The ``output_modalities`` the real ``/models`` applies when the query does not name one.
DEFAULT_OUTPUT_MODALITIES = frozenset({"text"})

#: The built-in demo catalog, shipped as package data.
DEMO_CATALOG_PATH = Path(__file__).parent / "data" / "demo_catalog.json"


def dump_json(body: Any) -> bytes:
    """Serialise a body the way the real API does: compact, UTF-8, non-ASCII left as is."""
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def error_body(code: int, message: str) -> bytes:
    """An OpenRouter-style error body: ``{"error": {"code": ..., "message": ...}}``."""
    return dump_json({"error": {"code": code, "message": message}})


def parse_output_modalities(value: str | None) -> frozenset[str] | None:
    """The set of output modalities a ``/models`` query asks for; ``None`` means all models."""
    if value is None or not value.strip():
        return DEFAULT_OUTPUT_MODALITIES
    wanted = frozenset(part.strip().lower() for part in value.split(",") if part.strip())
    if "all" in wanted:
        return None
    return wanted


class Catalog:
    """One recorded state of the OpenRouter catalog, with response bodies cached as bytes.

    A catalog is immutable once built; the server swaps whole catalogs rather than editing one.
    ``endpoints`` maps a model id to the full body of ``GET /models/{id}/endpoints``; ``None`` means
    the recording has no endpoints at all (every known model then answers with an empty list).
    """

    def __init__(
        self,
        *,
        models: list[JsonObject],
        providers: list[JsonObject] | None = None,
        endpoints: Mapping[str, JsonObject] | None = None,
        models_raw: bytes | None = None,
        providers_raw: bytes | None = None,
        name: str = "catalog",
    ) -> None:
        self.name = name
        self.models: list[JsonObject] = models
        self.providers: list[JsonObject] | None = providers
        self.endpoints: dict[str, JsonObject] | None = dict(endpoints) if endpoints is not None else None
        self._models_by_id = {model["id"]: model for model in models}
        self._models_raw = models_raw
        self._providers_raw = providers_raw
        self._cache: dict[tuple[str, Any], tuple[int, bytes]] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        n_endpoints = "none" if self.endpoints is None else len(self.endpoints)
        return f"Catalog({self.name!r}, models={len(self.models)}, endpoints={n_endpoints})"

    @property
    def model_ids(self) -> list[str]:
        """The ids of every model, in catalog order."""
        return list(self._models_by_id)

    def _cached(self, key: tuple[str, Any], build: Any) -> tuple[int, bytes]:
        with self._lock:
            hit = self._cache.get(key)
        if hit is None:
            hit = build()
            with self._lock:
                self._cache[key] = hit
        return hit

    def models_body(self, *, output_modalities: str | None = None) -> bytes:
        """The body of ``GET /models``, filtered by the ``output_modalities`` query value."""
        wanted = parse_output_modalities(output_modalities)
        key = ("models", wanted)

        def build() -> tuple[int, bytes]:
            kept = [m for m in self.models if _outputs_any(m, wanted)]
            if self._models_raw is not None and len(kept) == len(self.models):
                return 200, self._models_raw
            return 200, dump_json({"data": kept})

        return self._cached(key, build)[1]

    def providers_body(self) -> bytes:
        """The body of ``GET /providers`` (an empty list when the recording has no providers)."""

        def build() -> tuple[int, bytes]:
            if self._providers_raw is not None:
                return 200, self._providers_raw
            return 200, dump_json({"data": self.providers or []})

        return self._cached(("providers", None), build)[1]

    def endpoints_response(self, model_id: str) -> tuple[int, bytes]:
        """Status and body of ``GET /models/{model_id}/endpoints``, as the real API answers."""

        def build() -> tuple[int, bytes]:
            if self.endpoints is not None and model_id in self.endpoints:
                return 200, dump_json(self.endpoints[model_id])
            model = self._models_by_id.get(model_id)
            if self.endpoints is None and model is not None:
                header = {key: model.get(key) for key in ENDPOINTS_HEADER_KEYS}
                return 200, dump_json({"data": {**header, "endpoints": []}})
            return 404, error_body(404, f"No endpoints found for {model_id}")

        if model_id not in self._models_by_id and (self.endpoints is None or model_id not in self.endpoints):
            return build()  # unknown ids are not cached, so a scan of made-up ids cannot grow the cache
        return self._cached(("endpoints", model_id), build)


def _outputs_any(model: JsonObject, wanted: frozenset[str] | None) -> bool:
    if wanted is None:
        return True
    outputs = (model.get("architecture") or {}).get("output_modalities") or ["text"]
    return any(str(kind).lower() in wanted for kind in outputs)


def _read_json(path: Path) -> tuple[Any, bytes]:
    raw = path.read_bytes()
    return json.loads(raw), raw


def load_snapshot(*, models: Path, endpoints: Path | None = None, providers: Path | None = None) -> Catalog:
    """Load a recorded catalog from files shaped like OpenRouter's responses.

    ``models`` and ``providers`` are bodies of ``GET /models`` and ``GET /providers``; ``endpoints`` is a
    JSON object mapping each model id to the body of ``GET /models/{id}/endpoints``.
    """
    models_body, models_raw = _read_json(Path(models))
    providers_list: list[JsonObject] | None = None
    providers_raw: bytes | None = None
    if providers is not None:
        providers_body, providers_raw = _read_json(Path(providers))
        providers_list = list(providers_body["data"])
    endpoints_map: dict[str, JsonObject] | None = None
    if endpoints is not None:
        endpoints_map, _ = _read_json(Path(endpoints))
    catalog = Catalog(
        models=list(models_body["data"]),
        providers=providers_list,
        endpoints=endpoints_map,
        models_raw=models_raw,
        providers_raw=providers_raw,
        name=Path(models).name,
    )
    logger.info("loaded snapshot %r", catalog)
    return catalog


def build_endpoints_body(model: JsonObject, endpoints: Iterable[JsonObject]) -> JsonObject:
    """The body of ``GET /models/{id}/endpoints`` for a model object and its provider endpoints."""
    header = {key: model.get(key) for key in ENDPOINTS_HEADER_KEYS}
    return {"data": {**header, "endpoints": list(endpoints)}}


def demo_catalog() -> Catalog:
    """The built-in demo catalog (``replica/data/demo_catalog.json``): real models, providers and prices.

    The data file holds ``models`` (``/models`` objects), ``providers`` (``/providers`` objects) and
    ``endpoints`` (model id -> list of endpoint objects); the endpoints bodies are built from them.
    """
    raw = DEMO_CATALOG_PATH.read_bytes()
    data = json.loads(raw)
    models: list[JsonObject] = data["models"]
    by_id = {model["id"]: model for model in models}
    endpoints = {
        model_id: build_endpoints_body(by_id[model_id], items)
        for model_id, items in data["endpoints"].items()
        if model_id in by_id
    }
    return Catalog(models=models, providers=data["providers"], endpoints=endpoints, name="demo")
