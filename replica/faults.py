"""Faults the replica can inject into its answers, and the table that decides which request gets one.

A :class:`Fault` is plain data (what goes wrong, and how many times); :class:`FaultTable` matches request
paths against patterns, thread-safely, so tests can set and clear faults while the server runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import fnmatch
import json
import logging
import socket
import struct
import threading
from dataclasses import dataclass, field
from enum import StrEnum

from aiohttp import web
from aiohttp.typedefs import Handler

logger = logging.getLogger(__name__)


class FaultKind(StrEnum):
    """What goes wrong with a response."""

    STATUS = "status"
    TRUNCATED_JSON = "truncated_json"
    HANG = "hang"
    SLOW = "slow"
    OVERSIZED = "oversized"
    RESET = "reset"
    MALFORMED_JSON = "malformed_json"
    HTML = "html"


@dataclass(frozen=True)
class Fault:
    """One injected failure. Build it with the module functions: ``status(500)``, ``hang()``, ...

    ``times`` is how many requests the fault applies to before it clears itself (``None``: until cleared).
    """

    kind: FaultKind
    code: int = 200
    body: bytes | None = None
    retry_after: int | float | None = None
    seconds: float = 0.0
    n_bytes: int = 0
    text: str = ""
    times: int | None = field(default=None)

    def __post_init__(self) -> None:
        if self.times is not None and self.times < 1:
            raise ValueError(f"times must be at least 1, got {self.times}")


def status(
    code: int,
    body: bytes | str | None = None,
    retry_after: int | float | None = None,
    *,
    times: int | None = None,
) -> Fault:
    """Answer with HTTP ``code``; the body defaults to an OpenRouter-style error object."""
    raw = body.encode("utf-8") if isinstance(body, str) else body
    return Fault(FaultKind.STATUS, code=code, body=raw, retry_after=retry_after, times=times)


def truncated_json(*, times: int | None = None) -> Fault:
    """Answer 200 with the real body cut in the middle (a complete HTTP message, invalid JSON)."""
    return Fault(FaultKind.TRUNCATED_JSON, times=times)


def hang(*, times: int | None = None) -> Fault:
    """Accept the request and never answer (until the server stops)."""
    return Fault(FaultKind.HANG, times=times)


def slow(seconds: float, *, times: int | None = None) -> Fault:
    """Wait ``seconds`` before giving the real answer."""
    return Fault(FaultKind.SLOW, seconds=seconds, times=times)


def oversized(n_bytes: int, *, times: int | None = None) -> Fault:
    """Stream a valid-looking JSON (or HTML, for pages) body larger than ``n_bytes``, without a length."""
    return Fault(FaultKind.OVERSIZED, n_bytes=n_bytes, times=times)


def reset(*, times: int | None = None) -> Fault:
    """Close the connection abruptly (TCP reset) without sending any response."""
    return Fault(FaultKind.RESET, times=times)


def malformed_json(*, times: int | None = None) -> Fault:
    """Answer 200 ``application/json`` with garbage."""
    return Fault(FaultKind.MALFORMED_JSON, times=times)


def html(text: str, *, times: int | None = None) -> Fault:
    """Answer 200 ``text/html`` with ``text`` instead of the real body."""
    return Fault(FaultKind.HTML, text=text, times=times)


def is_glob(pattern: str) -> bool:
    """Whether a pattern is an fnmatch glob rather than a plain path prefix."""
    return any(char in pattern for char in "*?[")


def pattern_matches(pattern: str, path: str) -> bool:
    """A glob must match the whole path; a plain pattern matches any path it is a prefix of."""
    if is_glob(pattern):
        return fnmatch.fnmatchcase(path, pattern)
    return path.startswith(pattern)


class FaultTable:
    """Faults by path pattern; the most recently set matching pattern wins. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: dict[str, tuple[Fault, int | None]] = {}

    def set(self, pattern: str, fault: Fault) -> None:
        """Apply ``fault`` to requests whose path matches ``pattern``, replacing its previous fault."""
        with self._lock:
            self._faults.pop(pattern, None)
            self._faults[pattern] = (fault, fault.times)

    def clear(self, pattern: str | None = None) -> None:
        """Remove one pattern's fault, or every fault."""
        with self._lock:
            if pattern is None:
                self._faults.clear()
            else:
                self._faults.pop(pattern, None)

    def active(self) -> dict[str, Fault]:
        """A snapshot of the faults in force."""
        with self._lock:
            return {pattern: fault for pattern, (fault, _) in self._faults.items()}

    def take(self, path: str) -> Fault | None:
        """The fault for a request to ``path``, counting one use against its ``times``."""
        with self._lock:
            for pattern in reversed(list(self._faults)):
                if not pattern_matches(pattern, path):
                    continue
                fault, left = self._faults[pattern]
                if left is not None:
                    if left <= 1:
                        del self._faults[pattern]
                    else:
                        self._faults[pattern] = (fault, left - 1)
                logger.debug("fault %s on %s (pattern %r)", fault.kind, path, pattern)
                return fault
        return None


_MALFORMED = (
    b'{"data": [{"id": "deepseek/deepseek-v3.1-terminus", "pricing": {"prompt": 0.0000,,}\x00\xff<html>'
)


def _looks_like_page(path: str) -> bool:
    return path.endswith(".html") or path.startswith("/pages/")


async def _wait_or_stop(seconds: float | None, stopping: asyncio.Event | None) -> None:
    """Sleep ``seconds`` (forever when ``None``), waking early when the server stops."""
    if stopping is None:
        stopping = asyncio.Event()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stopping.wait(), timeout=seconds)


def _abort(request: web.Request) -> None:
    """Close the client connection with a TCP reset, sending nothing."""
    transport = request.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


async def _real_response(request: web.Request, handler: Handler) -> tuple[int, str, bytes]:
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        response = exc
    body = response.body if isinstance(response, web.Response) else b""
    raw = body if isinstance(body, bytes) else b""
    return response.status, response.content_type, raw


async def _stream_oversized(request: web.Request, n_bytes: int) -> web.StreamResponse:
    page = _looks_like_page(request.path)
    response = web.StreamResponse(status=200)
    response.content_type = "text/html" if page else "application/json"
    response.charset = "utf-8"
    await response.prepare(request)
    if page:
        head, item, sep, tail = (
            b"<!DOCTYPE html><html><body>",
            b"<p>" + b"x" * 1000 + b"</p>",
            b"\n",
            b"</body></html>",
        )
    else:
        head, item, sep, tail = (
            b'{"data":[',
            b'{"id":"padding/model","description":"' + b"x" * 1000 + b'"}',
            b",",
            b"]}",
        )
    await response.write(head)
    sent = len(head)
    chunk = sep.join([item] * 64) + sep
    while sent <= n_bytes:
        await response.write(chunk)
        sent += len(chunk)
    await response.write(item + tail)
    await response.write_eof()
    return response


async def respond_with_fault(
    request: web.Request, handler: Handler, fault: Fault, *, stopping: asyncio.Event | None
) -> web.StreamResponse:
    """Answer ``request`` the way ``fault`` says, calling ``handler`` where the real body is needed."""
    kind = fault.kind
    if kind is FaultKind.STATUS:
        headers = {"Retry-After": f"{fault.retry_after:g}"} if fault.retry_after is not None else None
        body = fault.body
        if body is None:
            message = f"Injected fault: HTTP {fault.code}"
            body = json.dumps({"error": {"code": fault.code, "message": message}}).encode()
        return web.Response(status=fault.code, body=body, headers=headers, content_type="application/json")
    if kind is FaultKind.TRUNCATED_JSON:
        code, content_type, body = await _real_response(request, handler)
        return web.Response(status=code, body=body[: max(1, len(body) // 2)], content_type=content_type)
    if kind is FaultKind.SLOW:
        await _wait_or_stop(fault.seconds, stopping)
        return await handler(request)
    if kind is FaultKind.OVERSIZED:
        return await _stream_oversized(request, fault.n_bytes)
    if kind is FaultKind.MALFORMED_JSON:
        return web.Response(status=200, body=_MALFORMED, content_type="application/json")
    if kind is FaultKind.HTML:
        return web.Response(status=200, text=fault.text, content_type="text/html", charset="utf-8")
    if kind is FaultKind.HANG:
        await _wait_or_stop(None, stopping)
    _abort(request)  # RESET, or a HANG released by the server stopping
    # aiohttp finds the transport closed when writing this and drops it quietly.
    return web.Response(status=500)
