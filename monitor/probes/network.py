"""An asyncio network backend for httpcore, cheaper per read than its default (anyio) one.

A probe round reads tens of thousands of small SSE chunks. httpcore's anyio backend resumes and pauses
reading on the socket around every read (two ``epoll_ctl`` calls) and opens a cancel scope per read; at 50
streams of 100 tokens/s that overhead queues the event loop and delays the very time-to-first-token being
measured. This backend keeps an ``asyncio.Protocol`` reading into a buffer (paused only above
``HIGH_WATER`` bytes) and hands the buffer out, with the same httpcore exceptions: ``ConnectError`` /
``ConnectTimeout`` on connect and TLS, ``ReadError`` / ``ReadTimeout``, ``WriteError`` /
``WriteTimeout``, and ``b""`` at the end of the stream.

`TimestampingTransport` is the httpx transport over it, built only from public API: an
``httpcore.AsyncConnectionPool(network_backend=AsyncioBackend())`` behind an ``httpx.AsyncBaseTransport``
that maps requests, responses and exceptions as ``httpx.AsyncHTTPTransport`` does. httpcore's trace
extension works as with the default. `timestamped_stream` gives a response's `AsyncioStream`, and raises
`NotTimestamped` when the response did not come through this backend (a client not made by
``monitor.probes.make_client``, or an httpx or httpcore change that routes around the transport): a probe
fails loudly rather than measuring with a coarser clock.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections import deque
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

HIGH_WATER = 256 * 1024  # pause reading the socket above this many unread bytes
LOW_WATER = 64 * 1024

SocketOption = tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]


class _Protocol(asyncio.Protocol):
    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.chunks: deque[tuple[bytes, float]] = deque()  # data, time.perf_counter() when it arrived
        self.buffered = 0
        self.eof = False
        self.error: BaseException | None = None
        self.reader: asyncio.Future[None] | None = None
        self.writer: asyncio.Future[None] | None = None
        self.reading_paused = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.chunks.append((data, time.perf_counter()))
        self.buffered += len(data)
        if self.buffered > HIGH_WATER and not self.reading_paused and self.transport is not None:
            self.transport.pause_reading()
            self.reading_paused = True
        self._wake_reader()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake_reader()
        return False  # let the transport close itself

    def connection_lost(self, exc: Exception | None) -> None:
        self.eof = True
        self.error = exc
        self._wake_reader()
        if self.writer is not None and not self.writer.done():
            self.writer.set_result(None)

    def pause_writing(self) -> None:
        self.writer = asyncio.get_running_loop().create_future()

    def resume_writing(self) -> None:
        if self.writer is not None and not self.writer.done():
            self.writer.set_result(None)
        self.writer = None

    def _wake_reader(self) -> None:
        if self.reader is not None and not self.reader.done():
            self.reader.set_result(None)

    def take(self, max_bytes: int) -> tuple[bytes, float]:
        chunk, arrived = self.chunks.popleft()
        if len(chunk) > max_bytes:
            chunk, rest = chunk[:max_bytes], chunk[max_bytes:]
            self.chunks.appendleft((rest, arrived))
        self.buffered -= len(chunk)
        if self.reading_paused and self.buffered < LOW_WATER and self.transport is not None:
            self.transport.resume_reading()
            self.reading_paused = False
        return chunk, arrived


class AsyncioStream(httpcore.AsyncNetworkStream):
    """One connection: reads come from the protocol's buffer.

    ``last_received_at`` is when the data of the last read reached the process (``time.perf_counter()``,
    taken as the event loop handed it over): a response's reader sees it as
    ``response.extensions["network_stream"].last_received_at``. It is earlier than the moment the reading
    task runs by however long the loop was busy with other work, which is what a probe must not count.
    """

    def __init__(self, transport: asyncio.Transport, protocol: _Protocol) -> None:
        self._transport = transport
        self._protocol = protocol
        self.last_received_at: float | None = None

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        protocol = self._protocol
        if not protocol.chunks and not protocol.eof:
            protocol.reader = asyncio.get_running_loop().create_future()
            try:
                async with asyncio.timeout(timeout):
                    await protocol.reader
            except TimeoutError:
                raise httpcore.ReadTimeout("read timed out") from None
            finally:
                protocol.reader = None
        if protocol.chunks:
            chunk, self.last_received_at = protocol.take(max_bytes)
            return chunk
        if protocol.error is not None:
            raise httpcore.ReadError(type(protocol.error).__name__) from protocol.error
        return b""

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        if self._transport.is_closing():
            raise httpcore.WriteError("the connection is closed")
        self._transport.write(buffer)
        writer = self._protocol.writer
        if writer is not None:
            try:
                async with asyncio.timeout(timeout):
                    await writer
            except TimeoutError:
                raise httpcore.WriteTimeout("write timed out") from None
        if self._protocol.error is not None:
            raise httpcore.WriteError(type(self._protocol.error).__name__) from self._protocol.error

    async def aclose(self) -> None:
        self._transport.close()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            tls = await loop.start_tls(
                self._transport,
                self._protocol,
                ssl_context,
                server_hostname=server_hostname,
                ssl_handshake_timeout=timeout,
            )
        except TimeoutError:
            self._transport.abort()
            raise httpcore.ConnectTimeout("TLS handshake timed out") from None
        except (OSError, ssl.SSLError) as exc:
            self._transport.abort()
            raise httpcore.ConnectError(type(exc).__name__) from exc
        if tls is None:
            raise httpcore.ConnectError("TLS was not started")
        assert isinstance(tls, asyncio.Transport)
        self._protocol.transport = tls
        return AsyncioStream(tls, self._protocol)

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":  # an idle connection with data or EOF waiting is not reusable
            return bool(self._protocol.chunks) or self._protocol.eof
        names = {"ssl_object": "ssl_object", "client_addr": "sockname", "server_addr": "peername"}
        return self._transport.get_extra_info(names.get(info, info))


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    """Connections over asyncio transports (TCP_NODELAY, as asyncio sets it)."""

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport, protocol = await loop.create_connection(
                    _Protocol, host, port, local_addr=(local_address, 0) if local_address else None
                )
        except TimeoutError:
            raise httpcore.ConnectTimeout("connect timed out") from None
        except OSError as exc:
            raise httpcore.ConnectError(type(exc).__name__) from exc
        sock = transport.get_extra_info("socket")
        for option in socket_options or ():
            sock.setsockopt(*option)
        return AsyncioStream(transport, protocol)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[SocketOption] | None = None
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport, protocol = await loop.create_unix_connection(_Protocol, path)
        except TimeoutError:
            raise httpcore.ConnectTimeout("connect timed out") from None
        except OSError as exc:
            raise httpcore.ConnectError(type(exc).__name__) from exc
        return AsyncioStream(transport, protocol)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class NotTimestamped(RuntimeError):
    """A response was not read through `AsyncioStream`, so its data has no arrival time: a defect of the
    probing set-up, not of the endpoint."""


def timestamped_stream(response: httpx.Response) -> AsyncioStream:
    """The `AsyncioStream` ``response`` is read from; `NotTimestamped` if it came through another backend."""
    stream = response.extensions.get("network_stream")
    if not isinstance(stream, AsyncioStream):
        raise NotTimestamped(
            f"the response came through {type(stream).__name__}, not the timestamping AsyncioStream: "
            "probe through a client made by monitor.probes.make_client"
        )
    return stream


# httpcore's exceptions and httpx's for them, each before its base class: the first match is the most
# specific, as in httpx.AsyncHTTPTransport.
_HTTPX_ERRORS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextmanager
def httpx_errors() -> Iterator[None]:
    """Raise httpcore's exceptions as httpx's (same message, the original as cause); others unchanged."""
    try:
        yield
    except Exception as exc:
        for core_error, httpx_error in _HTTPX_ERRORS:
            if isinstance(exc, core_error):
                raise httpx_error(str(exc)) from exc
        raise


class _ResponseStream(httpx.AsyncByteStream):
    """httpcore's response body as httpx's, its exceptions mapped."""

    def __init__(self, stream: AsyncIterable[bytes]) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with httpx_errors():
            async for part in self._stream:
                yield part

    async def aclose(self) -> None:
        aclose = getattr(self._stream, "aclose", None)
        if aclose is not None:
            await aclose()


class TimestampingTransport(httpx.AsyncBaseTransport):
    """An httpx transport (HTTP/1.1, no retries, no proxy) whose connections use `AsyncioBackend`.

    ``verify`` is an SSL context (one shared by many transports saves loading the CA bundle each time)
    or a bool for ``httpx.create_ssl_context``. No proxy: httpx reads proxies from the environment only for
    a client without a transport, and this one has none. ``pool`` and ``network_backend`` are public for
    tests and diagnostics.
    """

    def __init__(self, *, limits: httpx.Limits, verify: ssl.SSLContext | bool = True) -> None:
        ssl_context = (
            verify if isinstance(verify, ssl.SSLContext) else httpx.create_ssl_context(verify=verify)
        )
        self.network_backend = AsyncioBackend()
        self.pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=False,
            network_backend=self.network_backend,
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if not isinstance(request.stream, httpx.AsyncByteStream):
            raise TypeError("an asynchronous transport needs an asynchronous request body")
        url = request.url
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with httpx_errors():
            core_response = await self.pool.handle_async_request(core_request)
        if not isinstance(core_response.stream, AsyncIterable):
            raise TypeError("httpcore's asynchronous pool answered with a synchronous body")
        return httpx.Response(
            status_code=core_response.status,
            headers=core_response.headers,
            stream=_ResponseStream(core_response.stream),
            extensions=core_response.extensions,
        )

    async def aclose(self) -> None:
        with httpx_errors():
            await self.pool.aclose()
