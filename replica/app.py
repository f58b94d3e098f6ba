"""The provider replica's aiohttp application: replays a :class:`~replica.catalog.Catalog` and serves
model pages.

:func:`create_app` builds it over a :class:`ReplicaState` (routes plus fault injection and request
counting). Other modules add routes (the simulated chat endpoints, for one) by passing ``extensions``:
callables that receive the application and can read the shared :class:`ReplicaState` through
``app[STATE_KEY]``.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from aiohttp import web
from aiohttp.typedefs import Handler

from replica.catalog import Catalog, error_body
from replica.corpus import corpus_handler
from replica.faults import FaultTable, respond_with_fault

#: A callable that adds routes (or anything else) to the replica's application before it starts.
AppExtension = Callable[[web.Application], None]

JSON = "application/json"


class ReplicaState:
    """What the handlers share: the catalog, pages, robots.txt, faults and request counts."""

    def __init__(self, *, catalog: Catalog, pages_dir: Path | None) -> None:
        self.catalog = catalog
        self.pages_dir = pages_dir
        self.robots_txt = "User-agent: *\nAllow: /\n"
        self.faults = FaultTable()
        #: Set (inside the server's loop) when the server stops, to release hanging and slow requests.
        self.stopping: asyncio.Event | None = None
        self._counts: Counter[str] = Counter()
        self._lock = threading.Lock()

    def count(self, path: str) -> None:
        """Record one request to ``path``."""
        with self._lock:
            self._counts[path] += 1

    def request_counts(self) -> Counter[str]:
        """A copy of the request counts by path."""
        with self._lock:
            return Counter(self._counts)

    def reset_counts(self) -> None:
        """Forget the request counts."""
        with self._lock:
            self._counts.clear()


STATE_KEY = web.AppKey("replica_state", ReplicaState)


@web.middleware
async def _count_and_fault(request: web.Request, handler: Handler) -> web.StreamResponse:
    state = request.app[STATE_KEY]
    state.count(request.path)
    fault = state.faults.take(request.path)
    if fault is not None:
        return await respond_with_fault(request, handler, fault, stopping=state.stopping)
    try:
        return await handler(request)
    except web.HTTPNotFound:
        if not request.path.startswith("/api/"):
            raise
        return _json(404, error_body(404, f"Not found: {request.path}"))


def _json(status: int, body: bytes) -> web.Response:
    return web.Response(status=status, body=body, content_type=JSON, charset="utf-8")


async def _models(request: web.Request) -> web.Response:
    catalog = request.app[STATE_KEY].catalog
    return _json(200, catalog.models_body(output_modalities=request.query.get("output_modalities")))


async def _providers(request: web.Request) -> web.Response:
    return _json(200, request.app[STATE_KEY].catalog.providers_body())


async def _endpoints(request: web.Request) -> web.Response:
    status, body = request.app[STATE_KEY].catalog.endpoints_response(request.match_info["model_id"])
    return _json(status, body)


async def _robots(request: web.Request) -> web.Response:
    return web.Response(text=request.app[STATE_KEY].robots_txt, content_type="text/plain", charset="utf-8")


async def _healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def _page(request: web.Request) -> web.Response:
    pages_dir = request.app[STATE_KEY].pages_dir
    name = request.match_info["name"]
    if pages_dir is not None:
        root = pages_dir.resolve()
        candidates = [root / name] if name.endswith(".html") else [root / name, root / f"{name}.html"]
        for candidate in candidates:
            path = candidate.resolve()
            if path.is_relative_to(root) and path.is_file():
                return web.Response(body=path.read_bytes(), content_type="text/html", charset="utf-8")
    raise web.HTTPNotFound(text=f"no page {name!r}")


def create_app(state: ReplicaState, *, extensions: Sequence[AppExtension] = ()) -> web.Application:
    """The replica's aiohttp application over ``state``, with ``extensions`` applied in order."""
    app = web.Application(middlewares=[_count_and_fault])
    app[STATE_KEY] = state
    app.add_routes(
        [
            web.get("/api/v1/models", _models),
            web.get("/api/v1/providers", _providers),
            web.get("/api/v1/models/{model_id:.+}/endpoints", _endpoints),
            web.get("/robots.txt", _robots),
            web.get("/healthz", _healthz),
            web.get(r"/{name:[^/]+\.html}", _page),
            web.get("/pages/{name:.+}", _page),
            web.get("/corpus/{path:.+}", corpus_handler),
        ]
    )
    for extend in extensions:
        extend(app)
    return app
