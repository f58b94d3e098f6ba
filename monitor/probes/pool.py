"""Request slots over several small httpx clients, for a probe round.

Why not one client with a pool as large as the round's concurrency: httpcore's connection pool matches
every request it holds against every connection each time one starts or ends, O(in flight x
connections) per event. At 100 requests in flight through one client, 300 trivial loopback requests take
about 6 s of CPU; through clients of 8 connections each, 0.5 s. Those seconds would also delay every
measurement. So a round of concurrency N uses ceil(N / per_client) clients, and a probe borrows a slot
(a client) for the time of its request: a client never has more than ``per_client`` requests at once.
"""

from __future__ import annotations

import asyncio
import math
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import TracebackType

import httpx

from monitor.probes import network

#: Connections (and requests in flight) per client; small enough for httpcore's pool to stay cheap.
PER_CLIENT = 8


def make_client(concurrency: int, *, verify: ssl.SSLContext | bool = True) -> httpx.AsyncClient:
    """One httpx client for ``concurrency`` requests at once (no request waits for a connection), reading
    through the timestamping `network.TimestampingTransport`."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    return httpx.AsyncClient(
        transport=network.TimestampingTransport(limits=limits, verify=verify),
        timeout=httpx.Timeout(30.0),
        follow_redirects=False,
    )


class ClientPool:
    """``concurrency`` request slots spread over clients of ``per_client`` slots each. Use it in a loop."""

    def __init__(self, concurrency: int, *, per_client: int = PER_CLIENT) -> None:
        if concurrency < 1 or per_client < 1:
            raise ValueError("concurrency and per_client must be at least 1")
        count = math.ceil(concurrency / per_client)
        ssl_context = httpx.create_ssl_context()  # built once: each client would load the CA bundle again
        self.clients = [make_client(per_client, verify=ssl_context) for _ in range(count)]
        self._free: asyncio.Queue[httpx.AsyncClient] = asyncio.Queue()
        for slot in range(concurrency):
            self._free.put_nowait(self.clients[slot % count])

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[httpx.AsyncClient]:
        """Wait for a free slot and lend its client for one request."""
        client = await self._free.get()
        try:
            yield client
        finally:
            self._free.put_nowait(client)

    async def aclose(self) -> None:
        await asyncio.gather(*(client.aclose() for client in self.clients))

    async def __aenter__(self) -> ClientPool:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
