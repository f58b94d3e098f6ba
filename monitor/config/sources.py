"""``[[sources]]``: what to crawl, told apart by ``kind``: OpenRouter's JSON API, a provider's model pages
(as sent, or drawn in the browser), models.dev's ``api.json``, LiteLLM's model cost map, or a provider's own
OpenAI-style ``/models`` list that carries prices."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field

from monitor.config.durations import Duration
from monitor.config.environment import EnvName
from monitor.config.values import STRICT, HttpUrl, Name, Text

DEFAULT_OPENROUTER_URL = "https://openrouter.ai/api/v1"
DEFAULT_MODELSDEV_URL = "https://models.dev/api.json"
DEFAULT_LITELLM_URL = (
    "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"
)
MAX_BYTES = 10 * 1024 * 1024
#: How long a page drawn in the browser may take to load and settle.
DEFAULT_RENDER_TIMEOUT = timedelta(seconds=20)
#: The values of ``kind``.
SOURCE_KINDS = ("openrouter", "pages", "modelsdev", "litellm", "openai_models")


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


def _provider_id(value: str) -> str:
    if not value.strip() or value != value.strip() or any(c.isspace() or c == "/" for c in value):
        raise ValueError(f"invalid models.dev provider id {value!r} (e.g. 'deepinfra', no spaces)")
    return value


class ModelsDevSource(_SourceBase):
    """models.dev's ``api.json``: providers' own prices (USD per 1M) and limits, keyed by provider id.
    `providers` keeps only those provider ids (empty: all)."""

    kind: Literal["modelsdev"]
    url: HttpUrl = DEFAULT_MODELSDEV_URL
    providers: list[Annotated[str, AfterValidator(_provider_id)]] = []


class LiteLLMSource(_SourceBase):
    """LiteLLM's model cost map (``model_prices_and_context_window.json``, USD per token)."""

    kind: Literal["litellm"]
    url: HttpUrl = DEFAULT_LITELLM_URL


class OpenAIModelsSource(_SourceBase):
    """A provider's own OpenAI-style ``GET {base_url}/models`` that carries prices. The key (if any) is
    read from the environment variable `api_key_env` names and sent as ``Authorization: Bearer``."""

    kind: Literal["openai_models"]
    provider: Text
    base_url: Annotated[HttpUrl, AfterValidator(lambda url: url.rstrip("/"))]
    api_key_env: EnvName | None = None
    #: the price shape of the answer ("auto": told from the answer itself)
    shape: Literal["auto", "deepinfra", "together", "novita", "chutes", "huggingface"] = "auto"


Source = Annotated[
    OpenRouterSource | PagesSource | ModelsDevSource | LiteLLMSource | OpenAIModelsSource,
    Field(discriminator="kind"),
]
