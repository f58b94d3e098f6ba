"""One probe of one endpoint over httpx (async): the request, its clocks, and the error class.

Measurements (durations on ``time.perf_counter``):

- ``at``: the wall clock (``clock()``, aware UTC) when the probe started.
- ``connect_ms``: DNS + TCP (+ TLS) from httpcore's trace extension; None when a pooled connection was
  reused.
- ``ttft_ms``: from the moment the request is written (after any connect, which ``connect_ms`` reports
  apart) until the first content or reasoning token reached the process. For a JSON (non-streaming)
  answer it is the time until the whole body arrived, so ``ttft_ms == total_ms`` and ``tokens_per_s``
  is None.
- ``total_ms``: from the same moment until ``[DONE]`` (or the end of the body, or the failure).
- ``output_tokens``: ``usage.completion_tokens``, else the token chunks counted.
- ``tokens_per_s``: ``(output_tokens - 1) / (total - ttft)``, when both are known and positive.

The whole exchange, stream included, runs under one deadline (``probe.timeout``), so a hanging server or
a never-ending stream ends as ``timeout`` at the deadline. Error classes are those of `db.probes.samples`.

Secrets: the API key goes only into the ``Authorization`` header. Messages are built from statuses and
exception class names (never an exception's text, which may quote a header), and every message passes
through `redact` before it leaves. Nothing here logs headers.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import os
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

import httpx

from db.probes.samples import BAD_RESPONSE, CONNECT, RATE_LIMITED, STREAM_ERROR, TIMEOUT, Sample
from monitor.config import Probe
from monitor.probes import network
from monitor.probes.completion import ProbeFailure, Reading, finish_stream, read_body, read_event
from monitor.probes.request import api_key, build_request
from monitor.probes.sse import SSEDecoder
from monitor.probes.status import classify_status, parse_retry_after

logger = logging.getLogger(__name__)

# httpx imports anyio's asyncio backend on its first request (~60 ms): import it now, so that the first
# probe of a process does not count the import as latency.
with contextlib.suppress(ImportError):
    importlib.import_module("anyio._backends._asyncio")

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def redact(text: str | None, secret: str | None) -> str | None:
    """``text`` with every occurrence of ``secret`` replaced by ``***``."""
    if text is None or not secret:
        return text
    return text.replace(secret, "***")


async def probe_once(
    probe: Probe,
    client: httpx.AsyncClient,
    *,
    env: Mapping[str, str] = os.environ,
    clock: Clock = utc_now,
) -> Sample:
    """Probe ``probe`` once through ``client``; never raises for anything the endpoint does.

    A missing API key is a ``client_error`` sample and no request is made. ``client`` must read through
    the timestamping backend (``make_client`` and `ClientPool` make such clients): an answer that did not
    come through it raises `network.NotTimestamped` rather than giving a less accurate TTFT.
    """
    at = clock()
    try:
        key = api_key(probe, env)
    except ProbeFailure as failure:
        return Sample(
            probe=probe.name, at=at, ok=False, error_class=failure.error_class, message=failure.message
        )
    sample = await _Attempt(probe, key, at, clock).run(client)
    logger.debug(
        "probe %s: %s%s",
        probe.name,
        "ok" if sample.ok else sample.error_class,
        f" ({sample.message})" if sample.message else "",
    )
    return sample


class _Attempt:
    """One request and what it has shown so far (kept when the deadline cuts it off)."""

    def __init__(self, probe: Probe, key: str | None, at: datetime, clock: Clock) -> None:
        self.probe = probe
        self.key = key
        self.at = at
        self.clock = clock
        self.request = build_request(probe, key)
        self.max_bytes = probe.max_bytes
        self.reading = Reading()
        self.status: int | None = None
        self.retry_after_s: float | None = None
        self.start = 0.0
        self.sent: float | None = None  # when the request's first byte was written: the TTFT origin
        self.network_stream: network.AsyncioStream | None = None
        self.connect_started: float | None = None
        self.connect_done: float | None = None

    async def _trace(self, name: str, info: Mapping[str, Any]) -> None:
        # `info` may hold the request (and so its headers): it is never kept or logged.
        if name == "http11.send_request_headers.started" and self.sent is None:
            self.sent = time.perf_counter()
        elif name == "connection.connect_tcp.started":
            self.connect_started = time.perf_counter()
        elif name in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            self.connect_done = time.perf_counter()

    async def run(self, client: httpx.AsyncClient) -> Sample:
        deadline = self.probe.timeout.total_seconds()
        self.start = time.perf_counter()
        try:
            async with asyncio.timeout(deadline):
                await self._exchange(client, deadline)
        except TimeoutError:
            return self._sample(TIMEOUT, f"no complete answer within {deadline:g} s")
        except ProbeFailure as failure:
            return self._sample(failure.error_class, failure.message)
        except network.NotTimestamped:
            raise  # our set-up, not the endpoint: no sample; the round fails loudly
        except httpx.TimeoutException as exc:
            return self._sample(TIMEOUT, f"timed out ({type(exc).__name__})")
        except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            if self.status is None:
                return self._sample(CONNECT, f"connection failed before a response ({type(exc).__name__})")
            tokens = self.reading.token_chunks
            return self._sample(STREAM_ERROR, f"connection lost after HTTP {self.status} and {tokens} tokens")
        except httpx.HTTPError as exc:
            error_class = CONNECT if self.status is None else BAD_RESPONSE
            return self._sample(error_class, f"HTTP client error ({type(exc).__name__})")
        except Exception as exc:  # a defect here must not end the round; the class name only, no text
            logger.error("probe %s: unexpected %s", self.probe.name, type(exc).__name__)
            return self._sample(BAD_RESPONSE, f"unexpected {type(exc).__name__}")
        return self._sample(None, None)

    async def _exchange(self, client: httpx.AsyncClient, deadline: float) -> None:
        request = self.request
        async with client.stream(
            request.method,
            request.url,
            headers=request.headers,
            json=request.json,
            # The deadline around the whole exchange ends a slow read; a timer per read would cost more.
            timeout=httpx.Timeout(deadline, read=None),
            extensions={"trace": self._trace},
        ) as response:
            self.status = response.status_code
            if response.status_code != 101:  # httpcore wraps an upgraded (101) stream; that is a bad response
                self.network_stream = network.timestamped_stream(response)
            if self.probe.protocol == "http":
                await self._check_http(response)
                return
            if not 200 <= response.status_code < 300:
                self._fail_status(response)
            content_type = response.headers.get("content-type", "").partition(";")[0].strip().lower()
            if content_type == "text/event-stream":
                await self._read_stream(response)
            else:
                body = await self._read_body(response)
                read_body(self.reading, body, self._arrived())

    def _arrived(self) -> float:
        """When the data just read reached the process: our network stream knows (see network.py)."""
        arrived = self.network_stream.last_received_at if self.network_stream is not None else None
        if arrived is None:
            raise network.NotTimestamped("a body was read with no arrival time")
        return arrived

    def _fail_status(self, response: httpx.Response) -> None:
        status = response.status_code
        error_class = classify_status(status)
        message = f"HTTP {status}"
        if error_class == RATE_LIMITED:
            self.retry_after_s = parse_retry_after(response.headers.get("retry-after"), now=self.clock())
            if self.retry_after_s is not None:
                message += f", retry after {self.retry_after_s:g} s"
        raise ProbeFailure(error_class, message)

    async def _read_stream(self, response: httpx.Response) -> None:
        decoder = SSEDecoder()
        size = 0
        async for chunk in response.aiter_bytes():
            now = self._arrived()
            size += len(chunk)
            if size > self.max_bytes:
                raise ProbeFailure(
                    BAD_RESPONSE, f"the answer is over {self.max_bytes} bytes; stopped reading"
                )
            for event in decoder.feed(chunk):
                if event.event == "error":
                    raise ProbeFailure(
                        STREAM_ERROR, f"an error event after {self.reading.token_chunks} tokens"
                    )
                read_event(self.reading, event.data, now)
        for event in decoder.close():
            read_event(self.reading, event.data, time.perf_counter())
        finish_stream(self.reading)

    async def _read_body(self, response: httpx.Response) -> bytes:
        parts: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise ProbeFailure(
                    BAD_RESPONSE, f"the answer is over {self.max_bytes} bytes; stopped reading"
                )
            parts.append(chunk)
        return b"".join(parts)

    async def _check_http(self, response: httpx.Response) -> None:
        expected = self.probe.expect_status
        if response.status_code != expected:
            if response.status_code == 429:
                self._fail_status(response)
            raise ProbeFailure(
                classify_status(response.status_code), f"HTTP {response.status_code}, expected {expected}"
            )
        body = await self._read_body(response)
        expect_body = self.probe.expect_body
        if expect_body and expect_body not in body.decode(response.encoding or "utf-8", errors="replace"):
            raise ProbeFailure(BAD_RESPONSE, "the body does not contain the expected text")

    def _sample(self, error_class: str | None, message: str | None) -> Sample:
        end = time.perf_counter()
        reading = self.reading
        origin = self.sent if self.sent is not None else self.start
        finished = reading.done_at if error_class is None and reading.done_at is not None else end
        total_ms = (finished - origin) * 1000
        ttft_ms = None
        if reading.first_token_at is not None and self.probe.protocol != "http":
            ttft_ms = (reading.first_token_at - origin) * 1000
        tokens = reading.output_tokens if self.probe.protocol != "http" else None
        tokens_per_s = None
        if (
            error_class is None
            and tokens is not None
            and tokens > 1
            and ttft_ms is not None
            and total_ms > ttft_ms
        ):
            tokens_per_s = (tokens - 1) / ((total_ms - ttft_ms) / 1000)
        connect_ms = None
        if self.connect_started is not None and self.connect_done is not None:
            connect_ms = (self.connect_done - self.connect_started) * 1000
        return Sample(
            probe=self.probe.name,
            at=self.at,
            ok=error_class is None,
            status=self.status,
            error_class=error_class,
            connect_ms=connect_ms,
            ttft_ms=ttft_ms,
            total_ms=total_ms,
            output_tokens=tokens,
            tokens_per_s=tokens_per_s,
            retry_after_s=self.retry_after_s,
            message=redact(message, self.key),
        )
