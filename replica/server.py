"""The provider replica's HTTP server: the application of :mod:`replica.app`, run.

:class:`ReplicaServer` runs it on a background thread with its own event loop, for tests, the demo and the
benchmarks; :func:`serve` runs it in the foreground until SIGINT/SIGTERM.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from aiohttp import web

from replica.app import AppExtension, ReplicaState, create_app
from replica.catalog import Catalog
from replica.chat.routes import chat_extension
from replica.chat.table import ChatTable
from replica.faults import Fault
from replica.sources import DEFAULT_SOURCES_DIR, sources_extension

logger = logging.getLogger(__name__)

DEFAULT_PAGES_DIR = Path(__file__).parent / "pages"


class ReplicaServer:
    """The replica on a background thread: ``with ReplicaServer(demo_catalog()) as server: server.api_url``.

    Everything here is safe to call from another thread while the server runs: swap the catalog, set
    faults, read the request counts, set chat behaviours (:attr:`chat`, a
    :class:`~replica.chat.table.ChatTable`; pass ``chat=`` to share one). ``port=0`` binds a free port,
    read back from :attr:`port`.
    """

    def __init__(
        self,
        catalog: Catalog,
        *,
        pages_dir: Path | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        extensions: Sequence[AppExtension] = (),
        shutdown_timeout: float = 0.5,
        chat: ChatTable | None = None,
        sources_dir: Path = DEFAULT_SOURCES_DIR,
    ) -> None:
        pages = Path(pages_dir) if pages_dir is not None else DEFAULT_PAGES_DIR
        self.state = ReplicaState(catalog=catalog, pages_dir=pages if pages.is_dir() else None)
        self.host = host
        self.port = port
        #: The simulated chat endpoints' behaviours (see :mod:`replica.chat`).
        self.chat = chat if chat is not None else ChatTable()
        self._extensions = (chat_extension(self.chat), sources_extension(sources_dir), *extensions)
        self._shutdown_timeout = shutdown_timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        """The server's root URL, e.g. ``http://127.0.0.1:41234``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def api_url(self) -> str:
        """The OpenRouter-style API base, ``url + "/api/v1"``."""
        return self.url + "/api/v1"

    @property
    def catalog(self) -> Catalog:
        """The catalog being served."""
        return self.state.catalog

    def set_catalog(self, catalog: Catalog) -> None:
        """Serve ``catalog`` from the next request on."""
        self.state.catalog = catalog
        logger.info("replica now serves %r", catalog)

    @property
    def robots_txt(self) -> str:
        """The body of ``/robots.txt`` (allows everything by default)."""
        return self.state.robots_txt

    @robots_txt.setter
    def robots_txt(self, text: str) -> None:
        self.state.robots_txt = text

    @property
    def requests(self) -> Counter[str]:
        """How many requests each path received (a snapshot)."""
        return self.state.request_counts()

    def reset_requests(self) -> None:
        """Forget the request counts."""
        self.state.reset_counts()

    def set_fault(self, path_pattern: str, fault: Fault) -> None:
        """Inject ``fault`` into requests whose path starts with, or fnmatch-matches, ``path_pattern``."""
        self.state.faults.set(path_pattern, fault)

    def clear_faults(self, path_pattern: str | None = None) -> None:
        """Remove the fault of one pattern, or all faults."""
        self.state.faults.clear(path_pattern)

    def start(self) -> ReplicaServer:
        """Bind and start serving; returns once the server is listening."""
        if self._thread is not None:
            raise RuntimeError("replica server already started")
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=loop.run_forever, name="replica-server", daemon=True)
        self._thread.start()
        try:
            asyncio.run_coroutine_threadsafe(self._astart(), loop).result(timeout=10)
        except BaseException:
            self._shutdown_loop()
            raise
        logger.info("replica listening on %s", self.url)
        return self

    async def _astart(self) -> None:
        self.state.stopping = asyncio.Event()
        app = create_app(self.state, extensions=self._extensions)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=self._shutdown_timeout)
        await runner.setup()
        self._runner = runner
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self.port = runner.addresses[0][1]

    async def _astop(self) -> None:
        if self.state.stopping is not None:
            self.state.stopping.set()
        await asyncio.sleep(0)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def stop(self) -> None:
        """Stop serving; hanging and slow requests are cut off. Safe to call twice."""
        loop = self._loop
        if loop is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(self._astop(), loop).result(timeout=self._shutdown_timeout + 5)
        finally:
            self._shutdown_loop()
        logger.info("replica on %s stopped", self.url)

    def _shutdown_loop(self) -> None:
        loop, thread = self._loop, self._thread
        if loop is None:
            return

        async def drain() -> None:
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await loop.shutdown_asyncgens()
            await loop.shutdown_default_executor()

        if thread is not None and thread.is_alive():
            asyncio.run_coroutine_threadsafe(drain(), loop).result(timeout=5)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=5)
        loop.close()
        self._loop = None
        self._thread = None

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def serve(
    host: str,
    port: int,
    catalog: Catalog,
    pages_dir: Path | None = None,
    *,
    on_ready: Callable[[ReplicaServer], None] | None = None,
    chat: ChatTable | None = None,
) -> None:
    """Run the replica in the foreground until SIGINT or SIGTERM; ``on_ready`` is called once listening."""
    done = threading.Event()
    previous: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():  # signal handlers only install there
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, lambda signum, frame: done.set())
    try:
        with ReplicaServer(catalog, pages_dir=pages_dir, host=host, port=port, chat=chat) as server:
            if on_ready is not None:
                on_ready(server)
            while not done.wait(0.5):
                pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
