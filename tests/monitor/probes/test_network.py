"""The probes' timestamping transport (monitor/probes/network.py) is the one their clients read through.

Each test here fails if a probe client stops reading through `AsyncioBackend`, whether because the client
is built on another transport or because an httpx or httpcore change routes requests around it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import timedelta

import httpcore
import httpx
import pytest
from aiohttp import web

from monitor.config import Probe
from monitor.probes import ClientPool, make_client, network, probe_once, probe_round
from tests.ports import free_port


class TwoParts:
    """``/slow``: sends "first", waits for ``go``, sends "second" and sets ``sent``."""

    def __init__(self) -> None:
        self.go = asyncio.Event()
        self.sent = asyncio.Event()

    async def handle(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/plain"})
        await response.prepare(request)
        await response.write(b"first")
        await self.go.wait()
        await response.write(b"second")
        self.sent.set()
        await response.write_eof()
        return response


async def hello(request: web.Request) -> web.Response:
    return web.Response(text="hello")


@asynccontextmanager
async def local_server(slow: TwoParts | None = None) -> AsyncIterator[str]:
    """An HTTP server on 127.0.0.1 (a free port): ``/`` says hello, ``/slow`` is ``slow``."""
    app = web.Application()
    app.router.add_get("/", hello)
    slow = slow or TwoParts()
    app.router.add_get("/slow", slow.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        slow.go.set()  # a test that failed half-way leaves no handler waiting
        await runner.cleanup()


def run(scenario: Callable[[str], Awaitable[None]]) -> None:
    async def serving() -> None:
        async with local_server() as url:
            await scenario(url)

    asyncio.run(serving())


def test_a_probe_client_reads_through_the_timestamping_backend() -> None:
    slow = TwoParts()

    async def scenario() -> None:
        async with (
            local_server(slow) as url,
            make_client(1) as client,
            client.stream("GET", f"{url}/slow") as response,
        ):
            stream = response.extensions["network_stream"]
            assert isinstance(stream, network.AsyncioStream)  # not httpcore's anyio stream
            assert network.timestamped_stream(response) is stream
            assert stream.get_extra_info("server_addr")[0] == "127.0.0.1"
            parts = response.aiter_raw()
            assert await anext(parts) == b"first"
            first_at = stream.last_received_at
            slow.go.set()
            await slow.sent.wait()
            await asyncio.sleep(0.05)  # the event loop receives "second" while nobody reads it
            reader_resumed = time.perf_counter()
            assert await anext(parts) == b"second"
            second_at = stream.last_received_at
        # "second" is timed when it reached the process, not when the busy reader got to it
        assert first_at is not None and second_at is not None
        assert first_at < second_at < reader_resumed

    asyncio.run(scenario())


def test_every_client_of_a_pool_uses_the_timestamping_transport() -> None:
    async def scenario(url: str) -> None:
        async with ClientPool(3, per_client=2) as pool:
            for client in pool.clients:
                response = await client.get(url)
                assert response.text == "hello"
                assert isinstance(network.timestamped_stream(response), network.AsyncioStream)

    run(scenario)


def test_the_transport_builds_its_pool_on_the_timestamping_backend() -> None:
    transport = network.TimestampingTransport(limits=httpx.Limits(max_connections=2))
    assert isinstance(transport.pool, httpcore.AsyncConnectionPool)
    assert isinstance(transport.network_backend, network.AsyncioBackend)


def test_a_probe_through_another_client_fails_loudly() -> None:
    async def scenario(url: str) -> None:
        health = Probe(
            name="health", protocol="http", url=f"{url}/", expect_body="hello", timeout=timedelta(seconds=3)
        )
        async with make_client(1) as ours:
            assert (await probe_once(health, ours)).ok
        async with httpx.AsyncClient() as plain:  # httpx's own transport, on httpcore's anyio backend
            with pytest.raises(network.NotTimestamped):
                await probe_once(health, plain)
            with pytest.raises(network.NotTimestamped):  # no sample: the round itself fails
                await probe_round([health], client=plain)
            response = await plain.get(url)
            with pytest.raises(network.NotTimestamped):
                network.timestamped_stream(response)

    run(scenario)


def test_proxies_from_the_environment_do_not_route_around_the_backend(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As with httpx.AsyncHTTPTransport given to a client: no proxy. A proxy httpx mounted from the
    # environment would answer with its own transport (and here fail: nothing listens at the port).
    dead = f"http://127.0.0.1:{free_port()}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, dead)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)

    async def scenario(url: str) -> None:
        async with make_client(1) as client:
            response = await client.get(url)
        assert response.text == "hello"
        assert isinstance(network.timestamped_stream(response), network.AsyncioStream)

    run(scenario)


def test_connection_errors_are_httpx_errors() -> None:
    async def refused() -> None:
        async with make_client(1) as client:
            with pytest.raises(httpx.ConnectError) as raised:
                await client.get(f"http://127.0.0.1:{free_port()}/")
        assert isinstance(raised.value.__cause__, httpcore.ConnectError)

    asyncio.run(refused())


@pytest.mark.parametrize(
    ("core_error", "httpx_error"),
    [
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
    ],
)
def test_httpcore_errors_become_the_most_specific_httpx_error(
    core_error: type[Exception], httpx_error: type[httpx.HTTPError]
) -> None:
    original = core_error("the message")
    with pytest.raises(httpx_error) as raised, network.httpx_errors():
        raise original
    assert type(raised.value) is httpx_error
    assert str(raised.value) == "the message" and raised.value.__cause__ is original


def test_other_errors_pass_unchanged() -> None:
    with pytest.raises(ValueError, match="not httpcore's"), network.httpx_errors():
        raise ValueError("not httpcore's")


def test_an_unrequested_upgrade_is_a_failed_sample_not_a_set_up_error() -> None:
    # httpcore hands an upgraded (101) connection out in its own wrapper, not our stream: the endpoint's
    # fault, so a sample, never NotTimestamped (which would end the whole round).
    async def upgrade(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(65536)
        writer.write(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
        await writer.drain()
        writer.close()

    async def scenario() -> None:
        server = await asyncio.start_server(upgrade, "127.0.0.1", 0)
        url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/"
        try:
            async with make_client(1) as client:
                for protocol in ("openai", "http"):
                    target = Probe(
                        name="u", protocol=protocol, url=url, model="m", timeout=timedelta(seconds=3)
                    )
                    sample = await probe_once(target, client)
                    assert not sample.ok and sample.error_class is not None
        finally:
            server.close()
            await server.wait_closed()

    asyncio.run(scenario())
