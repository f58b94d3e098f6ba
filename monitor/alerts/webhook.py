"""The plain JSON webhook: one POST per message, optionally signed with HMAC-SHA256.

Headers of each POST:

- ``Content-Type: application/json``
- ``Idempotency-Key``: the same for every attempt of one message to one channel (also in the body)
- ``X-Modelwatch-Event``: the message kind (``changes``, ``outage_start``...)
- ``X-Modelwatch-Timestamp``: Unix seconds of this attempt
- ``X-Modelwatch-Signature``: ``sha256=<hex>``, the HMAC-SHA256 under the channel's secret of
  ``<timestamp>.<body bytes>`` (only when ``secret_env`` is set). A receiver recomputes it over the raw
  body, compares in constant time (`verify_signature`) and refuses old timestamps, against replays.

Any 2xx answer is success; redirects are not followed. The body is the same bytes on every attempt.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import httpx

SIGNATURE_HEADER = "X-Modelwatch-Signature"
TIMESTAMP_HEADER = "X-Modelwatch-Timestamp"
EVENT_HEADER = "X-Modelwatch-Event"
IDEMPOTENCY_HEADER = "Idempotency-Key"
USER_AGENT = "modelwatch-alerts/1"


def encode_body(payload: Mapping[str, Any]) -> bytes:
    """The exact bytes posted (and signed): compact JSON, keys sorted, UTF-8."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sign(secret: str, *, timestamp: int, body: bytes) -> str:
    """The signature header's value: ``sha256=`` + hex HMAC-SHA256 of ``<timestamp>.<body>``."""
    digest = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={digest.hexdigest()}"


def verify_signature(
    secret: str, *, body: bytes, timestamp: str, signature: str, now: datetime, tolerance_s: float = 300
) -> bool:
    """What a receiver does: check the signature of `body` and that `timestamp` is recent."""
    try:
        stamp = int(timestamp)
    except ValueError:
        return False
    if abs(now.timestamp() - stamp) > tolerance_s:
        return False
    return hmac.compare_digest(sign(secret, timestamp=stamp, body=body), signature)


def post_webhook(
    url: str,
    *,
    payload: Mapping[str, Any],
    kind: str,
    idempotency_key: str,
    secret: str | None,
    headers: Mapping[str, str],
    timeout_s: float,
    now: datetime,
) -> str | None:
    """POST one message; returns None when the receiver answered 2xx, else why not (no secrets)."""
    body = encode_body({**payload, "idempotency_key": idempotency_key})
    timestamp = int(now.timestamp())
    sent_headers = {
        **headers,
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        IDEMPOTENCY_HEADER: idempotency_key,
        EVENT_HEADER: kind,
        TIMESTAMP_HEADER: str(timestamp),
    }
    if secret:
        sent_headers[SIGNATURE_HEADER] = sign(secret, timestamp=timestamp, body=body)
    try:
        with httpx.Client(timeout=httpx.Timeout(timeout_s), follow_redirects=False) as client:
            response = client.post(url, content=body, headers=sent_headers)
    except httpx.TimeoutException:
        return f"no answer within {timeout_s:g}s"
    except httpx.TransportError as exc:
        return f"connection failed ({type(exc).__name__})"
    if 200 <= response.status_code < 300:
        return None
    return f"HTTP {response.status_code} {response.reason_phrase}".strip()
