"""A small closed-loop HTTP/1.1 load generator for loopback, in one asyncio process.

`connections` keep-alive connections each send a request, read the whole answer (by Content-Length),
and send the next; every request's latency is kept. Paths come from a function of a running counter, so
a run can ask the same few questions again and again (cached answers) or a new question every time.
Written for this benchmark because no load tool (wrk, hey, ab) is installed here. It shares the
machine's cores with the server it measures.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float] = field(repr=False)
    statuses: dict[int, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, q: float) -> float:
        """Nearest-rank percentile of the latencies, milliseconds."""
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, max(0, int(q * len(ordered) + 0.999999) - 1))]

    @property
    def p50(self) -> float:
        return self.percentile(0.50)

    @property
    def p99(self) -> float:
        return self.percentile(0.99)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.latencies_ms)


class _Counter:
    def __init__(self) -> None:
        self._it = itertools.count()

    def next(self) -> int:
        return next(self._it)


async def _connection(
    host: str,
    port: int,
    path_of: Callable[[int], str],
    counter: _Counter,
    record_from: float,
    deadline: float,
    latencies: list[float],
    statuses: dict[int, int],
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    head = f"Host: {host}:{port}\r\nAccept: application/json\r\n\r\n".encode()
    try:
        while True:
            started = time.perf_counter()
            if started >= deadline:
                return
            writer.write(b"GET " + path_of(counter.next()).encode() + b" HTTP/1.1\r\n" + head)
            status_line = await reader.readline()
            status = int(status_line.split(b" ", 2)[1])
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b"\n", b""):
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            await reader.readexactly(length)
            ended = time.perf_counter()
            if started >= record_from:
                latencies.append((ended - started) * 1000)
                statuses[status] = statuses.get(status, 0) + 1
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError):
            await writer.wait_closed()


async def _run(
    host: str, port: int, path_of: Callable[[int], str], connections: int, warmup_s: float, duration_s: float
) -> LoadResult:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    counter = _Counter()
    now = time.perf_counter()
    record_from = now + warmup_s
    deadline = record_from + duration_s
    await asyncio.gather(
        *(
            _connection(host, port, path_of, counter, record_from, deadline, latencies, statuses)
            for _ in range(connections)
        )
    )
    errors = sum(n for status, n in statuses.items() if status >= 400)
    return LoadResult(len(latencies), errors, duration_s, latencies, statuses)


def run_load(
    host: str,
    port: int,
    path_of: Callable[[int], str],
    *,
    connections: int = 16,
    warmup_s: float = 1.0,
    duration_s: float = 10.0,
) -> LoadResult:
    """Load `host:port` for `warmup_s` (not recorded) then `duration_s`; `path_of(n)` is the n-th path."""
    return asyncio.run(_run(host, port, path_of, connections, warmup_s, duration_s))
