"""Run crawls: Scrapy's `CrawlerProcess` over the configured sources, once per process.

Twisted's reactor cannot be restarted, so `run_crawls` may be called once per process; the service
runs each scheduled crawl in a child process (`monitor`), the CLI in its own. Sources crawl side by side,
except those drawn in the browser (``render = "browser"``): they crawl one after another, so that a crawl
runs one Chromium at a time.
"""

from __future__ import annotations

import importlib
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.progress import ProgressCallback
from crawler.settings import base_settings, browser_settings
from crawler.source import SourceSpec
from db.catalog.report import IngestReport

logger = logging.getLogger(__name__)

#: Each source kind's spider, as ``module:Class`` under ``crawler.spiders``.
_SPIDERS = {
    "openrouter": "openrouter:OpenrouterSpider",
    "pages": "pages:PagesSpider",
    "modelsdev": "modelsdev:ModelsdevSpider",
    "litellm": "litellm:LitellmSpider",
    "openai_models": "openai_models:OpenAIModelsSpider",
}
SPIDER_KINDS = tuple(_SPIDERS)


@dataclass
class RunContext:
    """What the pipeline and the progress extension of one `run_crawls` call share. Scrapy deep-copies
    its settings, so live objects are looked up here by the key the settings carry."""

    db_url: str
    aliases: dict[str, str]
    progress: ProgressCallback | None = None
    reports: list[IngestReport | Exception] = field(default_factory=list)


_CONTEXTS: dict[str, RunContext] = {}


def run_context(settings: Any) -> RunContext:
    """The `RunContext` of the crawl these Scrapy settings belong to."""
    return _CONTEXTS[settings.get("MODELWATCH_RUN")]


def spider_class(kind: str) -> type:
    """The spider of a source kind (`crawler/spiders/<kind>.py`, its class named in `_SPIDERS`)."""
    if kind not in _SPIDERS:
        raise ValueError(f"unknown source kind {kind!r} (known: {', '.join(SPIDER_KINDS)})")
    module_name, class_name = _SPIDERS[kind].split(":")
    module = importlib.import_module(f"crawler.spiders.{module_name}")
    return getattr(module, class_name)


def crawl_settings(source: SourceSpec) -> dict[str, object]:
    """Per-source Scrapy settings: the source's timeout, size cap and concurrency."""
    values: dict[str, object] = {
        "DOWNLOAD_TIMEOUT": source.timeout_s,
        "DOWNLOAD_MAXSIZE": source.max_bytes,
        "DOWNLOAD_WARNSIZE": min(source.max_bytes, 5 * 1024 * 1024),
    }
    if source.concurrency:
        values["CONCURRENT_REQUESTS"] = source.concurrency
        values["CONCURRENT_REQUESTS_PER_DOMAIN"] = source.concurrency
    if source.render == "browser":
        schemes = tuple(sorted({urlsplit(url).scheme for url in source.urls} & {"http", "https"}))
        pages = min(source.concurrency or 4, 8)
        values.update(browser_settings(timeout_s=source.render_timeout_s, pages=pages, schemes=schemes))
    return values


def run_crawls(
    *,
    db_url: str,
    sources: Sequence[SourceSpec],
    aliases: Mapping[str, str] | None = None,
    progress: ProgressCallback | None = None,
    log_level: str = "WARNING",
) -> list[IngestReport | Exception]:
    """Crawl every source (concurrently, in one reactor) into `db_url`; one report (or the ingest
    error) per source."""
    spiders = {source.name: spider_class(source.kind) for source in sources}
    context = RunContext(db_url=db_url, aliases=dict(aliases or {}), progress=progress)
    key = uuid.uuid4().hex
    _CONTEXTS[key] = context
    settings = Settings(base_settings())
    settings.set("LOG_LEVEL", log_level)
    settings.set("MODELWATCH_RUN", key)
    settings.set("LOG_INSTALL_ROOT_HANDLER", False)  # the CLI configures logging itself
    # Without Scrapy's root handler its LOG_LEVEL is not applied (and CrawlerProcess resets its
    # loggers to DEBUG): filter its records at our handlers instead.
    quiet = _BelowLevel(logging.getLevelName(log_level))
    for handler in logging.getLogger().handlers:
        handler.addFilter(quiet)
    process = CrawlerProcess(settings)

    def start(source: SourceSpec) -> Any:
        crawler = process.create_crawler(_with_settings(spiders[source.name], crawl_settings(source)))
        return process.crawl(crawler, source=source)

    for source in sources:
        if source.render != "browser":
            start(source)
    _one_after_another(start, [source for source in sources if source.render == "browser"])
    try:
        process.start()
    finally:
        _CONTEXTS.pop(key, None)
    return context.reports


def _one_after_another(start: Callable[[SourceSpec], Any], sources: list[SourceSpec]) -> None:
    """Crawl `sources` one after another: each browser-rendered source has its own Chromium, so one at a
    time keeps a crawl to one browser's memory. (`CrawlerProcess.join` waits for crawls added while it
    waits, so the reactor stops after the last.)"""
    if not sources:
        return

    def next_one(result: Any) -> Any:
        _one_after_another(start, sources[1:])
        return result

    start(sources[0]).addBoth(next_one)


class _BelowLevel(logging.Filter):
    """Drops Scrapy's and Twisted's records below a level."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith(("scrapy", "twisted", "py.warnings")):
            return record.levelno >= self.level
        return True


def _with_settings(spider: type, values: dict[str, object]) -> type:
    """A subclass of `spider` whose `custom_settings` carry one source's values."""
    return type(spider.__name__, (spider,), {"custom_settings": values, "__doc__": spider.__doc__})
