"""What every route of one app shares: the engine, the catalog reader, the response cache, the admin side.

Answers are cached as bytes per (route, query string) and catalog version, so a repeated question costs
a dictionary lookup; a new crawl, probe sample or change moves the version and the next request
recomputes. The cache is bounded (least recently used entries go first), so odd query strings can not
grow it without end.
"""

from __future__ import annotations

import hmac
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from db.catalog.reader import CatalogReader
from db.catalog.snapshot import CatalogSnapshot, Version
from db.recommend.cost import Rate


class AdminActions(Protocol):
    """The work the admin routes start. Each call starts the work and returns at once with a JSON-able
    description of what was started; it raises `ActionRefused` when it can not (already running,
    unknown names)."""

    def crawl(self, sources: list[str] | None) -> dict[str, Any]: ...

    def probe(self, names: list[str] | None) -> dict[str, Any]: ...


class ActionRefused(Exception):
    """An admin action that can not start now; `status_code` is the HTTP answer (409 busy, 422 bad names,
    503 not available in this process)."""

    def __init__(self, message: str, *, status_code: int = 409) -> None:
        super().__init__(message)
        self.status_code = status_code


@dataclass
class ResponseCache:
    """JSON bodies by (route, query) for one catalog version; least recently used out first."""

    max_entries: int = 4096
    _entries: OrderedDict[Hashable, tuple[Version, bytes]] = field(default_factory=OrderedDict)

    def get(self, version: Version, key: Hashable) -> bytes | None:
        found = self._entries.get(key)
        if found is None or found[0] != version:
            return None
        self._entries.move_to_end(key)
        return found[1]

    def put(self, version: Version, key: Hashable, body: bytes) -> None:
        self._entries[key] = (version, body)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)


@dataclass
class ApiState:
    engine: Engine
    reader: CatalogReader
    admin_token: str | None
    actions: AdminActions | None
    clock: Callable[[], datetime]
    expect_scheduler: bool
    heartbeat_max_age_s: float
    aliases: Mapping[str, str]
    rates: tuple[Rate, ...] = ()  # other currencies to USD (`[currencies]`), for the recommender
    cache: ResponseCache = field(default_factory=ResponseCache)
    metric_families: list[Any] | None = None  # /metrics families of `metric_families_version`
    metric_families_version: Version | None = None

    async def snapshot(self) -> CatalogSnapshot:
        """The catalog snapshot; reads the store only when `refresh_s` has passed (in a worker thread)."""
        snapshot = self.reader.fresh()
        if snapshot is not None:
            return snapshot
        return await run_in_threadpool(self.reader.snapshot)

    @property
    def admin_enabled(self) -> bool:
        return bool(self.admin_token)

    def token_matches(self, given: str) -> bool:
        """Constant-time comparison with the admin token (never true when no token is set)."""
        if not self.admin_token or not given:
            return False
        return hmac.compare_digest(given.encode("utf-8"), self.admin_token.encode("utf-8"))


def json_cache_key(scope: Scope) -> tuple[str, str, bytes]:
    """The response cache's key of a JSON answer: the route's path and the raw query string."""
    return ("json", scope["path"], scope["query_string"])


class CachedAnswers:
    """ASGI middleware: a GET whose JSON answer is in the response cache, at the version of a snapshot
    checked less than `refresh_s` ago, is answered from there, before routing and parameter parsing.

    Only answers a route built and cached itself are served (200s of valid queries), with the same
    headers; anything else, or a stale snapshot, goes through the app as usual.
    """

    def __init__(self, app: ASGIApp, state: ApiState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            snapshot = self.state.reader.fresh()
            if snapshot is not None:
                body = self.state.cache.get(snapshot.version, ("json", scope["path"], scope["query_string"]))
                if body is not None:
                    headers = [
                        (b"content-length", str(len(body)).encode()),
                        (b"content-type", b"application/json"),
                    ]
                    await send({"type": "http.response.start", "status": 200, "headers": headers})
                    await send({"type": "http.response.body", "body": body})
                    return
        await self.app(scope, receive, send)
