"""Turn a failed request (a Twisted failure in an errback) into a crawl problem, with a clear reason."""

from __future__ import annotations

from typing import Any

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

from db.snapshot import Problem


def problem_from_failure(failure: Any, *, url: str, what: str) -> Problem:
    """A `Problem` naming what was fetched, the URL and why it failed."""
    if failure.check(HttpError):
        response = failure.value.response
        body = response.body[:200].decode("utf-8", "replace").strip()
        detail = f": {body}" if body else ""
        return Problem(kind="http_error", url=url, message=f"{what}: HTTP {response.status}{detail}")
    if failure.check(TwistedTimeoutError, TCPTimedOutError, defer.TimeoutError):
        return Problem(kind="timeout", url=url, message=f"{what}: no answer within the download timeout")
    if failure.check(DNSLookupError):
        return Problem(kind="connect", url=url, message=f"{what}: host not found ({failure.value})")
    if failure.check(ConnectError):
        return Problem(kind="connect", url=url, message=f"{what}: cannot connect ({failure.value})")
    if failure.check(defer.CancelledError):
        return Problem(kind="too_large", url=url, message=f"{what}: download cancelled (body over the size cap)")
    if failure.check(ResponseNeverReceived, ResponseFailed, ConnectionLost, ConnectionDone):
        return Problem(kind="connect", url=url, message=f"{what}: connection closed before a full response")
    if failure.check(IgnoreRequest):
        reason = str(failure.value) or "request ignored"
        kind = "robots_disallowed" if "robots" in reason.lower() else "ignored"
        return Problem(kind=kind, url=url, message=f"{what}: {reason}")
    return Problem(kind="error", url=url, message=f"{what}: {failure.type.__name__}: {failure.value}")
