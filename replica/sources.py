"""Sources that are one JSON document each, served from files: models.dev's ``api.json``, LiteLLM's cost map
and providers' OpenAI-style ``/models`` lists.

``sources_extension(directory)`` adds the routes (the replica's middleware counts them and injects faults
into them like any other path):

- ``GET /sources/modelsdev/api.json`` -> ``modelsdev.json``
- ``GET /sources/litellm/model_prices.json`` -> ``litellm.json``
- ``GET /providers/{name}/v1/models`` and ``/providers/{name}/v1/openai/models`` -> ``{name}-models.json``

A name without its file is a 404.
"""

from __future__ import annotations

import re
from pathlib import Path

from aiohttp import web

from replica.app import AppExtension

DEFAULT_SOURCES_DIR = Path(__file__).parent / "data" / "sources"
_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]*")


def sources_extension(directory: Path = DEFAULT_SOURCES_DIR) -> AppExtension:
    """An extension serving the source files of `directory`."""
    root = Path(directory)

    def send(filename: str) -> web.Response:
        path = root / filename
        if not path.is_file():
            raise web.HTTPNotFound(text=f"no source file {filename!r}")
        return web.Response(body=path.read_bytes(), content_type="application/json", charset="utf-8")

    async def modelsdev(request: web.Request) -> web.Response:
        return send("modelsdev.json")

    async def litellm(request: web.Request) -> web.Response:
        return send("litellm.json")

    async def provider_models(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if not _NAME.fullmatch(name):
            raise web.HTTPNotFound(text=f"no provider {name!r}")
        return send(f"{name}-models.json")

    def extend(app: web.Application) -> None:
        app.add_routes(
            [
                web.get("/sources/modelsdev/api.json", modelsdev),
                web.get("/sources/litellm/model_prices.json", litellm),
                web.get("/providers/{name}/v1/models", provider_models),
                web.get("/providers/{name}/v1/openai/models", provider_models),
            ]
        )

    return extend
