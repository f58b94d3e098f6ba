"""``[[probes]]``: the endpoints to call for time to first token, throughput and errors."""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from monitor.config.durations import Duration
from monitor.config.environment import EnvName
from monitor.config.errors import KeyedError
from monitor.config.values import STRICT, HttpUrl, Name, Text

PROBE_MAX_BYTES = 1024 * 1024


class Probe(BaseModel):
    """One probed endpoint. The API key is read from the environment variable `api_key_env` names."""

    model_config = STRICT

    name: Name
    protocol: Literal["openai", "eigenai", "http"]
    url: HttpUrl
    model: Text | None = None
    api_key_env: EnvName | None = None
    every: Duration = timedelta(minutes=5)
    timeout: Duration = timedelta(seconds=30)
    max_tokens: int = Field(default=16, ge=1)
    stream: bool = True
    provider_tag: Text | None = None  # OpenRouter's provider tag, e.g. "deepinfra/fp4": pin that provider
    prompt: Text | None = None
    enabled: bool = True
    # protocol "http": the status expected and, optionally, a text the body must contain
    expect_status: int = Field(default=200, ge=100, le=599)
    expect_body: Text | None = None
    max_bytes: int = Field(default=PROBE_MAX_BYTES, gt=0)  # a longer answer is a bad_response
    # degraded when the p90 time to first token of the recent samples passes this (optional)
    degraded_ttft: Duration | None = None
    # the catalog provider it measures (for `probe --plan` prices); default: from the protocol or tag
    provider: Text | None = None

    @model_validator(mode="after")
    def _fits_protocol(self) -> Probe:
        if self.protocol != "http" and self.model is None:
            raise KeyedError(("model",), f"required for protocol {self.protocol!r}")
        if self.provider_tag is not None and self.protocol != "openai":
            raise KeyedError(("provider_tag",), "only for protocol 'openai' (an endpoint behind OpenRouter)")
        return self
