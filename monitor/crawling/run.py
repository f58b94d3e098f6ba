"""Crawl jobs: the configured sources into the store, in this process or in a child process.

Scrapy's Twisted reactor runs once per process, so the long-running service (and anything else that
crawls more than once) runs each crawl in a fresh child process; the one-shot CLI runs it in its own.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from queue import Empty

from crawler.progress import ProgressCallback
from crawler.source import SourceSpec
from db.catalog.report import IngestReport
from db.catalog.runs import mark_interrupted_runs
from db.engine import make_engine
from monitor.config import (
    Config,
    LiteLLMSource,
    ModelsDevSource,
    OpenAIModelsSource,
    OpenRouterSource,
    PagesSource,
)
from monitor.config.sources import DEFAULT_RENDER_TIMEOUT

logger = logging.getLogger(__name__)


class CrawlError(Exception):
    """A crawl could not run at all (bad database, crawler crashed)."""


def source_specs(config: Config, *, names: Sequence[str] | None = None) -> list[SourceSpec]:
    """The enabled sources of `config` (or those named, enabled or not) as crawler specs."""
    known = {source.name for source in config.sources}
    unknown = [name for name in names or () if name not in known]
    if unknown:
        raise CrawlError(
            f"unknown source {', '.join(unknown)} (configured: {', '.join(sorted(known)) or 'none'})"
        )
    specs = []
    ranks = config.catalog.ranks([(source.name, source.kind) for source in config.sources])
    for source in config.sources:
        if names and source.name not in names:
            continue
        if not names and not source.enabled:
            continue
        base_url = str(source.base_url) if isinstance(source, OpenRouterSource | OpenAIModelsSource) else None
        provider = source.provider if isinstance(source, PagesSource | OpenAIModelsSource) else None
        url = source.url if isinstance(source, ModelsDevSource | LiteLLMSource) else None
        urls = tuple(str(u) for u in source.urls) if isinstance(source, PagesSource) else ()
        specs.append(
            SourceSpec(
                name=source.name,
                kind=source.kind,
                base_url=base_url,
                urls=urls,
                provider=provider,
                timeout_s=source.timeout.total_seconds(),
                max_bytes=source.max_bytes,
                concurrency=source.concurrency,
                render=source.render if isinstance(source, PagesSource) else "static",
                render_timeout_s=_render_timeout_s(source),
                url=url,
                providers=tuple(source.providers) if isinstance(source, ModelsDevSource) else (),
                api_key_env=source.api_key_env if isinstance(source, OpenAIModelsSource) else None,
                shape=source.shape if isinstance(source, OpenAIModelsSource) else "auto",
                authority=ranks[source.name],
            )
        )
    return specs


def _render_timeout_s(source: object) -> float:
    """How long a page drawn in the browser may take to load and settle."""
    timeout = source.render_timeout if isinstance(source, PagesSource) else DEFAULT_RENDER_TIMEOUT
    return timeout.total_seconds()


@dataclass(frozen=True)
class CrawlOutcome:
    """The reports of one crawl job: one per source (an `IngestReport`, or the error text)."""

    reports: list[IngestReport]
    errors: list[str]

    @property
    def all_failed(self) -> bool:
        return not any(report.status in ("ok", "partial") for report in self.reports)


def crawl_here(
    *,
    db_url: str,
    sources: Sequence[SourceSpec],
    aliases: Mapping[str, str],
    progress: ProgressCallback | None = None,
) -> CrawlOutcome:
    """Crawl in this process (once per process: Twisted's reactor cannot restart)."""
    from crawler.runner import run_crawls  # imports Twisted: only where a crawl really runs

    engine = make_engine(db_url)
    interrupted = mark_interrupted_runs(engine=engine)
    if interrupted:
        logger.warning("closed %d crawl run(s) left unfinished by a process that died", interrupted)
    engine.dispose()
    results = run_crawls(db_url=db_url, sources=sources, aliases=aliases, progress=progress)
    reports = [r for r in results if isinstance(r, IngestReport)]
    errors = [f"{type(r).__name__}: {r}" for r in results if not isinstance(r, IngestReport)]
    return CrawlOutcome(reports=reports, errors=errors)


def _child(
    db_url: str, sources: list[SourceSpec], aliases: dict[str, str], queue: multiprocessing.Queue
) -> None:
    try:
        queue.put(crawl_here(db_url=db_url, sources=sources, aliases=aliases))
    except BaseException as exc:  # the parent must hear about any failure
        queue.put(CrawlError(f"{type(exc).__name__}: {exc}"))


def _wait_for(
    process: BaseProcess, queue: multiprocessing.Queue, deadline: float
) -> CrawlOutcome | BaseException:
    while True:
        try:
            return queue.get(timeout=0.5)
        except Empty:
            pass
        if not process.is_alive():
            try:  # it may have answered just before it exited
                return queue.get(timeout=1)
            except Empty:
                raise CrawlError(
                    f"crawl process ended without a result (exit code {process.exitcode})"
                ) from None
        if time.monotonic() > deadline:
            process.kill()
            raise CrawlError("crawl did not finish in time; stopped it")


def crawl_in_child(
    *, db_url: str, sources: Sequence[SourceSpec], aliases: Mapping[str, str], timeout_s: float = 3600
) -> CrawlOutcome:
    """Crawl in a fresh child process (so it can be done again and again); wait for it."""
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue = context.Queue()
    process = context.Process(
        target=_child,
        args=(db_url, list(sources), dict(aliases), queue),
        name="modelwatch-crawl",
        daemon=True,
    )
    process.start()
    deadline = time.monotonic() + timeout_s
    try:
        outcome = _wait_for(process, queue, deadline)
    finally:
        process.join(timeout=30)
        queue.close()
        queue.join_thread()
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome
