"""A catalog snapshot kept up to date for a busy reader (the API).

`CatalogReader.snapshot()` checks the store's version (`db.catalog.snapshot.store_version`: one tiny query) at
most once every `refresh_s` seconds, so a busy API costs the database one query a second, not one per
request. When the version moved, the snapshot is rebuilt: the first time in the caller's thread; after
that, with `background` (the API's default), in a background thread while callers keep getting the
previous snapshot, so a rebuild (reading our probes' windows can take a good part of a second on a
year of rollups) never shows in a request's latency. Without `background` (tests, the CLI), a caller
waits for the rebuilt snapshot. The version also changes every hour, so uptime windows move on even
when no probe runs.

Probe samples land all the time (a thousand probes every five minutes is a few a second), and a
rebuild reads every probe's health windows: when only our probes' part of the version moved, the
snapshot is rebuilt at most once every `probe_refresh_s` seconds. A crawl's changes show at once.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime

from sqlalchemy.engine import Engine

from db.catalog.snapshot import (
    CATALOG_PARTS,
    CatalogSnapshot,
    HealthLoader,
    Version,
    load_snapshot,
    store_version,
)
from db.types import utcnow

logger = logging.getLogger(__name__)


class CatalogReader:
    """Keeps a `CatalogSnapshot` of `engine` and rebuilds it when the store changes (thread-safe)."""

    def __init__(
        self,
        engine: Engine,
        *,
        aliases: Mapping[str, str] | None = None,
        refresh_s: float = 1.0,
        probe_refresh_s: float = 15.0,
        background: bool = False,
        health: HealthLoader | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.engine = engine
        self.aliases = dict(aliases or {})
        self.refresh_s = refresh_s
        self.probe_refresh_s = probe_refresh_s
        self.background = background
        self._health = health
        self._clock = clock
        self._now = now
        self._lock = threading.Lock()
        self._snapshot: CatalogSnapshot | None = None
        self._checked = -float("inf")
        self._built = -float("inf")  # when the current snapshot's version was read
        self._rebuilding: threading.Thread | None = None

    def fresh(self) -> CatalogSnapshot | None:
        """The snapshot if it was checked against the store less than `refresh_s` ago (no I/O)."""
        if self._snapshot is not None and self._clock() - self._checked < self.refresh_s:
            return self._snapshot
        return None

    def snapshot(self) -> CatalogSnapshot:
        """The current snapshot, checking the store's version when `refresh_s` has passed (may block)."""
        snapshot = self.fresh()
        if snapshot is not None:
            return snapshot
        with self._lock:
            snapshot = self.fresh()
            if snapshot is not None:
                return snapshot
            now = self._now()
            version = self._version(now)
            self._checked = self._clock()
            current = self._snapshot
            if current is not None and not self._due(current.version, version):
                return current
            if current is None or not self.background:
                self._snapshot = self._load(version, now)
                self._built = self._clock()
                return self._snapshot
            if self._rebuilding is None:
                self._rebuilding = threading.Thread(
                    target=self._rebuild, args=(version, now), name="catalog-snapshot", daemon=True
                )
                self._rebuilding.start()
            return current

    def wait(self, timeout_s: float | None = None) -> None:
        """Wait for a background rebuild under way, if any (tests, shutdown)."""
        thread = self._rebuilding
        if thread is not None:
            thread.join(timeout_s)

    def _due(self, built: Version, now: Version) -> bool:
        """Whether a snapshot of version `built` must be rebuilt for the store at version `now`."""
        if built == now:
            return False
        catalog_moved = built[:CATALOG_PARTS] != now[:CATALOG_PARTS] or built[-1] != now[-1]
        return catalog_moved or self._clock() - self._built >= self.probe_refresh_s

    def _version(self, now: datetime) -> Version:
        return (*store_version(self.engine), now.replace(minute=0, second=0, microsecond=0))

    def _load(self, version: Version, now: datetime) -> CatalogSnapshot:
        snapshot = load_snapshot(
            engine=self.engine, aliases=self.aliases, now=now, health=self._health, version=version
        )
        if self.background:
            # What every recommendation reads is made now, off the requests' path (`db.recommend`)...
            from db.recommend.job import prepared_for

            prepared_for(snapshot)
            # ...and, a long-lived server, the snapshot's hundreds of thousands of objects live until the
            # next one: the cyclic collector would walk them all again and again while requests allocate
            # (a third of a whole-catalog recommendation's time). Frozen, the collector skips them;
            # reference counting still frees a replaced snapshot (its objects hold no cycles).
            gc.freeze()
        return snapshot

    def _rebuild(self, version: Version, now: datetime) -> None:
        try:
            snapshot = self._load(version, now)
        except Exception:
            logger.exception("rebuilding the catalog snapshot failed; serving the previous one")
            snapshot = None
        with self._lock:
            if snapshot is not None:
                self._snapshot = snapshot
                self._built = self._clock()
            else:
                self._checked = -float("inf")  # try again at the next request
            self._rebuilding = None
