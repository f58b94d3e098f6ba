"""What the crawler needs to know about one source; built by `monitor` from the configuration."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceSpec:
    """One crawl source: `kind` is the spider (`openrouter`, `pages`)."""

    name: str
    kind: str
    base_url: str | None = None
    urls: tuple[str, ...] = ()
    provider: str | None = None
    timeout_s: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    concurrency: int | None = None
    #: ``pages`` only: "static" (the HTML as sent) or "browser" (drawn by JavaScript in Chromium)
    render: str = "static"
    #: ``render = "browser"``: how long a page may take to load and settle
    render_timeout_s: float = 20.0
