"""``[[sources]]``: what to crawl. A source is OpenRouter's JSON API or a provider's static model pages,
told apart by ``kind``."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field

from monitor.config.durations import Duration
from monitor.config.values import STRICT, HttpUrl, Name, Text

DEFAULT_OPENROUTER_URL = "https://openrouter.ai/api/v1"
MAX_BYTES = 10 * 1024 * 1024
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
    """Static model pages of one provider, read through the page extractor."""

    kind: Literal["pages"]
    provider: Text
    urls: list[HttpUrl] = Field(min_length=1)


Source = Annotated[OpenRouterSource | PagesSource, Field(discriminator="kind")]
