"""An API key the replica requires on some paths, as a provider's API does: ``Authorization: Bearer <key>``.

``ReplicaServer(..., extensions=[require_key("/providers/deepinfra/", "sk-demo")])`` answers 401 with an
OpenAI-style error to a request under the prefix without the key, and 403 to one with another key; the
key itself is never echoed. The replica's own middleware (request counts, faults) runs first.
"""

from __future__ import annotations

import json

from aiohttp import web
from aiohttp.typedefs import Handler

from replica.app import AppExtension


def require_key(prefix: str, key: str) -> AppExtension:
    """An extension requiring ``Authorization: Bearer <key>`` on paths that start with `prefix`."""

    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(prefix):
            return await handler(request)
        sent = request.headers.get("Authorization", "")
        if sent == f"Bearer {key}":
            return await handler(request)
        status, message = (401, "Missing API key") if not sent else (403, "Invalid API key")
        body = json.dumps({"error": {"code": status, "message": message}})
        return web.Response(status=status, text=body, content_type="application/json")

    def extend(app: web.Application) -> None:
        app.middlewares.append(check)

    return extend
