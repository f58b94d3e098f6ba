"""Turn a failed request (a Twisted failure in an errback) into a crawl problem, with a clear reason."""

from __future__ import annotations

from typing import Any

from scrapy import exceptions as scrapy_errors
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import defer
from twisted.internet.error import (
    ConnectError,
    ConnectionDone,
    ConnectionLost,
    DNSLookupError,
    TCPTimedOutError,
)
from twisted.internet.error import TimeoutError as TwistedTimeoutError
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from db.catalog.crawled import Problem

# Scrapy >= 2.14 wraps download failures in its own exceptions; older ones raise Twisted's.


def _scrapy_exceptions(*names: str) -> tuple[type[BaseException], ...]:
    """Those of Scrapy's exception classes that this Scrapy version has."""
    return tuple(getattr(scrapy_errors, name) for name in names if hasattr(scrapy_errors, name))


_TIMEOUTS = _scrapy_exceptions("DownloadTimeoutError")
_DNS = _scrapy_exceptions("CannotResolveHostError")
_REFUSED = _scrapy_exceptions("DownloadConnectionRefusedError")
_LOST = _scrapy_exceptions("DownloadFailedError", "ResponseDataLossError")
_CANCELLED = _scrapy_exceptions("DownloadCancelledError")


def problem_from_failure(failure: Any, *, url: str, what: str) -> Problem:
    """A `Problem` naming what was fetched, the URL and why it failed."""
    if failure.check(HttpError):
        response = failure.value.response
        body = response.body[:200].decode("utf-8", "replace").strip()
        detail = f": {body}" if body else ""
        return Problem(kind="http_error", url=url, message=f"{what}: HTTP {response.status}{detail}")
    if failure.check(TwistedTimeoutError, TCPTimedOutError, defer.TimeoutError, *_TIMEOUTS):
        return Problem(kind="timeout", url=url, message=f"{what}: no answer within the download timeout")
    if failure.check(DNSLookupError, *_DNS):
        return Problem(kind="connect", url=url, message=f"{what}: host not found ({failure.value})")
    if failure.check(ConnectError, *_REFUSED):
        return Problem(kind="connect", url=url, message=f"{what}: cannot connect ({failure.value})")
    if failure.check(defer.CancelledError, *_CANCELLED):
        return Problem(
            kind="too_large", url=url, message=f"{what}: download cancelled (body over the size cap)"
        )
    if failure.check(ResponseNeverReceived, ResponseFailed, ConnectionLost, ConnectionDone, *_LOST):
        return Problem(kind="connect", url=url, message=f"{what}: connection closed before a full response")
    if failure.check(IgnoreRequest):
        reason = str(failure.value) or "request ignored"
        kind = "robots_disallowed" if "robots" in reason.lower() else "ignored"
        return Problem(kind=kind, url=url, message=f"{what}: {reason}")
    return Problem(kind="error", url=url, message=f"{what}: {failure.type.__name__}: {failure.value}")
