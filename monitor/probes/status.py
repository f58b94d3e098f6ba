"""HTTP statuses and Retry-After in the error classes of `db.probes.samples`. Pure.

- 429: ``rate_limited``, with Retry-After (delay-seconds or an HTTP-date) in seconds.
- 408 (the provider timed the request out): ``timeout``.
- any other 4xx (400, 401, 402, 403, 404, 422, ...): ``client_error``: our own request or account.
- 5xx: ``http_5xx``.
- anything else that is not what the protocol expects (1xx, 3xx, an unexpected 2xx): ``bad_response``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from db.probes.samples import BAD_RESPONSE, CLIENT_ERROR, HTTP_5XX, RATE_LIMITED, TIMEOUT


def classify_status(status: int) -> str:
    """The error class of an HTTP status that is not the one expected."""
    if status == 429:
        return RATE_LIMITED
    if status == 408:
        return TIMEOUT
    if 400 <= status < 500:
        return CLIENT_ERROR
    if 500 <= status < 600:
        return HTTP_5XX
    return BAD_RESPONSE


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header (``"7"``, ``"1.5"`` or an HTTP-date); None if unreadable.

    A date in the past means 0. ``now`` is aware UTC.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:  # RFC 9110 dates are GMT
            when = when.replace(tzinfo=UTC)
        seconds = (when - now).total_seconds()
    if seconds != seconds or seconds in (float("inf"), float("-inf")):  # NaN, infinities
        return None
    return max(0.0, seconds)
