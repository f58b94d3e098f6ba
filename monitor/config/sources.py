"""``[[sources]]``: what to crawl. A source is OpenRouter's JSON API or a provider's model pages (as sent,
or drawn in the browser), told apart by ``kind``."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field

from monitor.config.durations import Duration
from monitor.config.values import STRICT, HttpUrl, Name, Text

DEFAULT_OPENROUTER_URL = "https://openrouter.ai/api/v1"
MAX_BYTES = 10 * 1024 * 1024
#: How long a page drawn in the browser may take to load and settle.
DEFAULT_RENDER_TIMEOUT = timedelta(seconds=20)
#: The values of ``kind``.
SOURCE_KINDS = ("openrouter", "pages")


class _SourceBase(BaseModel):
    model_config = STRICT

    name: Name
    every: Duration = timedelta(hours=6)
    enabled: bool = True
    timeout: Duration = timedelta(seconds=30)
    max_bytes: int = Field(default=MAX_BYTES, gt=0)
    concurrency: int | None = Field(default=None, ge=1)


class OpenRouterSource(_SourceBase):
    """OpenRouter's JSON API: ``/models``, ``/models/{id}/endpoints``, ``/providers`` under `base_url`."""

    kind: Literal["openrouter"]
    base_url: Annotated[HttpUrl, AfterValidator(lambda url: url.rstrip("/"))] = DEFAULT_OPENROUTER_URL


class PagesSource(_SourceBase):
    """Model pages of one provider, read through the page extractor: as the server sends them
    (``render = "static"``), or drawn by their JavaScript in the system Chromium (``"browser"``), each
    within ``render_timeout``."""

    kind: Literal["pages"]
    provider: Text
    urls: list[HttpUrl] = Field(min_length=1)
    render: Literal["static", "browser"] = "static"
    render_timeout: Duration = DEFAULT_RENDER_TIMEOUT


Source = Annotated[OpenRouterSource | PagesSource, Field(discriminator="kind")]
