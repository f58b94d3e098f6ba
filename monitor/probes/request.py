"""What a probe sends: the API key from the environment, the headers and the body per protocol. Pure.

- ``openai``: ``POST url`` (the full chat completions URL) with ``{"model", "messages", "max_tokens",
  "stream"}``; streaming adds ``"stream_options": {"include_usage": true}``; a ``provider_tag`` pins
  OpenRouter's provider with ``"provider": {"order": [tag], "allow_fallbacks": false}``.
- ``eigenai``: ``POST url`` (the full ``/api/v1/generate`` or ``/api/v1/generate/stream`` URL, used as it
  is) with ``{"model", "messages", "max_tokens", "stream"}``.
- ``http``: ``GET url``.

The key goes into the ``Authorization`` header and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from crawler.settings import USER_AGENT
from db.probes.samples import CLIENT_ERROR
from monitor.config import Probe
from monitor.probes.completion import ProbeFailure

#: The prompt a probe sends when its configuration gives none: short, so a probe costs almost nothing.
DEFAULT_PROMPT = "Reply with the single word OK."


@dataclass(frozen=True)
class ProbeRequest:
    """One request, ready for httpx. ``repr`` leaves the headers out: they hold the key."""

    method: str
    url: str
    headers: dict[str, str] = field(repr=False)
    json: dict[str, Any] | None = None


def api_key(probe: Probe, env: Mapping[str, str]) -> str | None:
    """The probe's API key, or None when it needs none; `ProbeFailure` (client_error) when it is unusable.

    Messages name the variable, never its value.
    """
    name = probe.api_key_env
    if name is None:
        return None
    value = (env.get(name) or "").strip()
    if not value:
        raise ProbeFailure(CLIENT_ERROR, f"environment variable {name} is not set; no request made")
    if not value.isascii() or not value.isprintable() or any(c.isspace() for c in value):
        raise ProbeFailure(
            CLIENT_ERROR,
            f"environment variable {name} holds characters a header can not carry; no request made",
        )
    return value


def build_request(probe: Probe, key: str | None) -> ProbeRequest:
    """The request ``probe`` makes with ``key`` (from `api_key`)."""
    headers = {"User-Agent": USER_AGENT}
    if key is not None:
        headers["Authorization"] = f"Bearer {key}"
    if probe.protocol == "http":
        return ProbeRequest("GET", probe.url, headers)
    body: dict[str, Any] = {
        "model": probe.model,
        "messages": [{"role": "user", "content": probe.prompt or DEFAULT_PROMPT}],
        "max_tokens": probe.max_tokens,
        "stream": probe.stream,
    }
    if probe.protocol == "openai":
        if probe.stream:
            body["stream_options"] = {"include_usage": True}
        if probe.provider_tag is not None:
            body["provider"] = {"order": [probe.provider_tag], "allow_fallbacks": False}
    headers["Accept"] = "text/event-stream" if probe.stream else "application/json"
    return ProbeRequest("POST", probe.url, headers, body)
