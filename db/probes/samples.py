"""What one probe of one endpoint measured: the contract between the probes (monitor) and the store (db).

Error classes (DESIGN.md: only failures count against uptime; client errors and 429 are shown apart):

- failures, counted as downtime: ``timeout``, ``connect``, ``http_5xx``, ``stream_error`` (an error chunk
  or ``finish_reason: "error"`` after HTTP 200), ``bad_response`` (a body we cannot read as the protocol's)
- ``rate_limited``: HTTP 429 (Retry-After honoured); neither up nor down
- ``client_error``: 400/401/402/403/404/422 or a missing API key: our own misconfiguration, not downtime
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

TIMEOUT = "timeout"
CONNECT = "connect"
HTTP_5XX = "http_5xx"
RATE_LIMITED = "rate_limited"
CLIENT_ERROR = "client_error"
STREAM_ERROR = "stream_error"
BAD_RESPONSE = "bad_response"

ERROR_CLASSES = (TIMEOUT, CONNECT, HTTP_5XX, RATE_LIMITED, CLIENT_ERROR, STREAM_ERROR, BAD_RESPONSE)
#: Neither up nor down: left out of uptime, shown apart.
EXCLUDED_CLASSES = frozenset({RATE_LIMITED, CLIENT_ERROR})


@dataclass
class Sample:
    """One probe's measurements. Times in milliseconds; None where not reached or not applicable."""

    probe: str  # the probe's configured name
    at: datetime  # when the request started (aware UTC)
    ok: bool
    status: int | None = None  # HTTP status, None when no response came
    error_class: str | None = None  # one of ERROR_CLASSES, None when ok
    connect_ms: float | None = None
    ttft_ms: float | None = None  # first content or reasoning token
    total_ms: float | None = None
    output_tokens: int | None = None  # from `usage`, else counted
    tokens_per_s: float | None = None  # output tokens after the first, over the time after the first token
    retry_after_s: float | None = None  # a 429's Retry-After
    message: str | None = None  # a short, secret-free description of what went wrong

    @property
    def excluded(self) -> bool:
        """Neither up nor down (rate limited or misconfigured)."""
        return self.error_class in EXCLUDED_CLASSES

    def to_json(self) -> dict[str, Any]:
        """The `modelwatch probe --json` shape (`endpoint` is the probe's name)."""
        data = asdict(self)
        data["endpoint"] = data.pop("probe")
        data["at"] = self.at.isoformat()
        return {"endpoint": data.pop("endpoint"), **data}
