"""What the crawler needs to know about one source; built by `monitor` from the configuration."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceSpec:
    """One crawl source: `kind` is the spider (`openrouter`, `pages`, `modelsdev`, `litellm`,
    `openai_models`)."""

    name: str
    kind: str
    #: ``openrouter``, ``openai_models``: the API's base URL (``openai_models`` lists ``{base_url}/models``)
    base_url: str | None = None
    #: ``modelsdev``, ``litellm``: the one JSON document to read
    url: str | None = None
    urls: tuple[str, ...] = ()
    provider: str | None = None
    timeout_s: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    concurrency: int | None = None
    #: ``pages`` only: "static" (the HTML as sent) or "browser" (drawn by JavaScript in Chromium)
    render: str = "static"
    #: ``render = "browser"``: how long a page may take to load and settle
    render_timeout_s: float = 20.0
    #: ``modelsdev``: the models.dev provider ids to keep (empty: all)
    providers: tuple[str, ...] = ()
    #: ``openai_models``: the environment variable holding the API key (sent as ``Authorization: Bearer``)
    api_key_env: str | None = None
    #: ``openai_models``: the price shape of the answer ("auto": told from the answer)
    shape: str = "auto"
    #: the source's rank of authority, 0 first: whose values an endpoint several sources list shows
    authority: int = 0
