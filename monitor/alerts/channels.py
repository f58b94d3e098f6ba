"""The configured channels: their names, outbox keys, redacted names, and one send each.

A channel's secrets (tokens in an Apprise URL, ``${ENV}`` values, a webhook's signing secret) are read
from the environment at send time and never leave this module: the outbox keeps the channel's key and
its redacted name (scheme and host only), and error texts are scrubbed of every secret value.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from monitor.alerts.apprise_channel import send_apprise
from monitor.alerts.messages import Message
from monitor.alerts.webhook import post_webhook
from monitor.config import Alerts, WebhookChannel, expand_env


@dataclass(frozen=True)
class Channel:
    """One place alerts go."""

    name: str  # what rules call it: "channels[0]", a name under [alerts.apprise], a webhook's name
    key: str  # its outbox key: stable across restarts and reorderings
    display: str  # redacted, for people and logs
    url: str  # as configured: may hold ${ENV} references (expanded at send time only)
    webhook: WebhookChannel | None = None

    @property
    def kind(self) -> str:
        return "webhook" if self.webhook is not None else "apprise"


def redact(url: str) -> str:
    """Scheme and host only (``slack://…`` when the host part is a token, not a host)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "<unreadable URL>"
    scheme = parts.scheme.lower() or "?"
    if not _looks_like_host(host):
        return f"{scheme}://…"
    return f"{scheme}://{host}" + (f":{port}" if port else "")


def _looks_like_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    labels = host.split(".")
    return len(labels) >= 2 and all(label and len(label) <= 63 for label in labels) and labels[-1].isalpha()


def _url_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def channels_of(alerts: Alerts) -> list[Channel]:
    """Every configured channel, in configuration order."""
    channels = [
        Channel(name=f"channels[{i}]", key=f"url:{_url_key(url)}", display=redact(url), url=url)
        for i, url in enumerate(alerts.channels)
    ]
    channels.extend(
        Channel(name=name, key=f"apprise:{name}", display=f"{name} ({redact(url)})", url=url)
        for name, url in alerts.apprise.items()
    )
    channels.extend(
        Channel(
            name=hook.name,
            key=f"webhook:{hook.name}",
            display=f"{hook.name} ({redact(hook.url)})",
            url=hook.url,
            webhook=hook,
        )
        for hook in alerts.webhooks
    )
    return channels


@dataclass(frozen=True)
class Outgoing:
    """One attempt to send a message."""

    message: Message
    idempotency_key: str
    event_key: str


def send(
    channel: Channel,
    outgoing: Outgoing,
    *,
    alerts: Alerts,
    now: datetime,
    environ: Mapping[str, str] | None = None,
) -> str | None:
    """Send through `channel`; returns None when it was accepted, else the reason (scrubbed of secrets)."""
    env = os.environ if environ is None else environ
    secrets: list[str] = []
    try:
        url = expand_env(channel.url, env)
        secrets.extend(_secret_parts(channel.url, url))
        if channel.webhook is None:
            error = send_apprise(
                url,
                title=outgoing.message.title,
                body=outgoing.message.body,
                idempotency_key=outgoing.idempotency_key,
                timeout_s=alerts.timeout.total_seconds(),
            )
        else:
            error = _send_webhook(
                channel.webhook, url, outgoing, alerts=alerts, now=now, env=env, secrets=secrets
            )
    except ValueError as exc:  # an environment variable went missing since the start
        error = str(exc)
    except Exception as exc:  # a channel library failing must not stop the other channels
        error = f"{type(exc).__name__}: {exc}"
    return None if error is None else scrub(error, secrets)


def _send_webhook(
    hook: WebhookChannel,
    url: str,
    outgoing: Outgoing,
    *,
    alerts: Alerts,
    now: datetime,
    env: Mapping[str, str],
    secrets: list[str],
) -> str | None:
    headers = {}
    for header, value in hook.headers.items():
        headers[header] = expand_env(value, env)
        secrets.extend(_secret_parts(value, headers[header]))
    secret = None
    if hook.secret_env is not None:
        secret = env.get(hook.secret_env)
        if not secret:
            return f"environment variable {hook.secret_env} (the signing secret) is not set"
        secrets.append(secret)
    timeout = hook.timeout or alerts.timeout
    payload: dict[str, Any] = {**outgoing.message.payload, "event_key": outgoing.event_key}
    return post_webhook(
        url,
        payload=payload,
        kind=outgoing.message.kind,
        idempotency_key=outgoing.idempotency_key,
        secret=secret,
        headers=headers,
        timeout_s=timeout.total_seconds(),
        now=now,
    )


def _secret_parts(raw: str, expanded: str) -> list[str]:
    """What to scrub from error texts: the expanded values, and a URL's password and path."""
    parts = []
    if raw != expanded:
        parts.append(expanded)
    try:
        split = urlsplit(expanded)
        if split.password:
            parts.append(split.password)
        parts.extend(segment for segment in split.path.split("/") if len(segment) >= 8)
        if split.query:
            parts.append(split.query)
    except ValueError:
        pass
    return parts


def scrub(text: str, secrets: list[str]) -> str:
    """`text` with every secret (longest first) replaced by ``***``."""
    for secret in sorted({s for s in secrets if len(s) >= 4}, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text[:1000]


def retry_delay(attempts: int, *, first: timedelta, cap: timedelta) -> timedelta:
    """Exponential backoff: `first` after the first failure, doubling, at most `cap`."""
    return min(cap, first * (2 ** max(0, min(attempts - 1, 30))))
