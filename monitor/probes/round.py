"""A probe round: many probes at bounded concurrency through shared httpx clients (see pool.py).

Retry-After is honoured through ``not_before`` (probe name -> aware UTC instant), a mapping the caller
keeps between rounds (the scheduler holds one): a probe whose endpoint answered 429 with Retry-After is
skipped, and has no sample in the result, until that instant has passed; each 429 with Retry-After
(re)sets its entry, and an entry is dropped once its time has passed.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Mapping, MutableMapping, Sequence
from datetime import datetime, timedelta

import httpx

from db.probes.samples import RATE_LIMITED, Sample
from monitor.config import Probe
from monitor.probes.client import Clock, probe_once, utc_now
from monitor.probes.pool import ClientPool

logger = logging.getLogger(__name__)

DEFAULT_CONCURRENCY = 16


def due_probes(
    probes: Sequence[Probe], not_before: MutableMapping[str, datetime] | None, now: datetime
) -> list[Probe]:
    """The probes not held back by a Retry-After; entries whose time has passed are dropped."""
    if not_before is None:
        return list(probes)
    due = []
    for probe in probes:
        until = not_before.get(probe.name)
        if until is not None and until > now:
            logger.info("probe %s skipped: rate limited until %s", probe.name, until.isoformat())
            continue
        not_before.pop(probe.name, None)
        due.append(probe)
    return due


def hold_back(samples: Sequence[Sample], not_before: MutableMapping[str, datetime]) -> None:
    """Record each 429's Retry-After: the probe waits until its answer's time plus that delay."""
    for sample in samples:
        if sample.error_class == RATE_LIMITED and sample.retry_after_s is not None:
            answered = sample.at + timedelta(milliseconds=sample.total_ms or 0)
            not_before[sample.probe] = answered + timedelta(seconds=sample.retry_after_s)


async def probe_round(
    probes: Sequence[Probe],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    env: Mapping[str, str] = os.environ,
    not_before: MutableMapping[str, datetime] | None = None,
    clock: Clock = utc_now,
    client: httpx.AsyncClient | None = None,
) -> list[Sample]:
    """Probe each due probe once, ``concurrency`` at a time; samples in the order of ``probes``.

    Probes held back by ``not_before`` are skipped (no sample); ``not_before`` is updated from this
    round's 429s. Requests go through a `ClientPool` made for the round (closed at its end), or all
    through ``client`` when one is given.
    """
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, got {concurrency}")
    due = due_probes(probes, not_before, clock())
    if not due:
        return []
    if client is not None:
        gate = asyncio.Semaphore(concurrency)

        async def through_client(probe: Probe) -> Sample:
            async with gate:
                return await probe_once(probe, client, env=env, clock=clock)

        samples = await asyncio.gather(*(through_client(probe) for probe in due))
    else:
        async with ClientPool(concurrency) as pool:

            async def through_pool(probe: Probe) -> Sample:
                async with pool.slot() as http:
                    return await probe_once(probe, http, env=env, clock=clock)

            samples = await asyncio.gather(*(through_pool(probe) for probe in due))
    if not_before is not None:
        hold_back(samples, not_before)
    return list(samples)


def run_round(
    probes: Sequence[Probe],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    env: Mapping[str, str] = os.environ,
    not_before: MutableMapping[str, datetime] | None = None,
    clock: Clock = utc_now,
) -> list[Sample]:
    """`probe_round` from synchronous code (the scheduler's thread, the CLI), in a fresh event loop."""
    return asyncio.run(
        probe_round(probes, concurrency=concurrency, env=env, not_before=not_before, clock=clock)
    )
