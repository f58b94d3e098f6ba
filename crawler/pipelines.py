"""The item pipeline: collect every item of a run, then hand the whole run to `db.catalog.ingest` at once.

One transaction per run means a crawl that dies midway leaves the store as it was before it.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals

from crawler.extract.listing import Listing
from db.catalog.crawled import CrawlResult, EndpointIn, ModelIn, Problem, ProviderIn, Unread
from db.catalog.ingest import ingest_run
from db.catalog.report import IngestReport
from db.catalog.runs import start_run
from db.engine import make_engine
from db.types import utcnow

logger = logging.getLogger(__name__)


class StorePipeline:
    """Collects a spider's items into a `CrawlResult` and ingests it when the spider closes."""

    def __init__(
        self, crawler: Any, db_url: str, aliases: dict[str, str], reports: list[IngestReport | Exception]
    ) -> None:
        self.crawler = crawler
        self.db_url = db_url
        self.aliases = aliases
        self.reports = reports
        self.result: CrawlResult | None = None
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        from crawler.runner import run_context

        context = run_context(crawler.settings)
        pipeline = cls(crawler, db_url=context.db_url, aliases=context.aliases, reports=context.reports)
        # Ingest on spider_closed, which carries the close reason (finished, shutdown, ...).
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        spider = self.crawler.spider
        self.engine = make_engine(self.db_url)
        started = utcnow()
        self.run_id = start_run(engine=self.engine, source=spider.source.name, started=started)
        self.result = CrawlResult(
            source=spider.source.name,
            started=started,
            authority=spider.source.authority,
            canonical_models=spider.source.kind == "openrouter",
        )

    def process_item(self, item: Any) -> Any:
        result = self.result
        assert result is not None
        if isinstance(item, EndpointIn):
            result.endpoints.append(item)
        elif isinstance(item, ModelIn):
            result.models.append(item)
        elif isinstance(item, ProviderIn):
            result.providers.append(item)
        elif isinstance(item, Problem):
            result.problems.append(item)
        elif isinstance(item, Unread):
            result.unread.append(item)
        elif isinstance(item, Listing):  # a one-document source's items at once
            result.problems.extend(item.problems)
            result.providers.extend(item.providers)
            result.models.extend(item.models)
            result.endpoints.extend(item.endpoints)
        return item

    def spider_closed(self, spider: Any, reason: str) -> None:
        try:
            self.reports.append(self._ingest(spider, reason))
        except Exception as exc:  # reported to the caller, never swallowed
            logger.exception("ingest of %s failed", spider.source.name)
            self.reports.append(exc)
        finally:
            self.engine.dispose()

    def _ingest(self, spider: Any, reason: str) -> IngestReport:
        result = self.result
        assert result is not None and self.run_id is not None
        result.finished = utcnow()
        result.pages = spider.pages
        result.parsed_ok = list(spider.parsed_ok)
        result.complete = spider.listing_complete and reason == "finished"
        result.fatal = spider.fatal
        if reason != "finished":
            result.problems.append(Problem(kind="interrupted", message=f"crawl stopped early ({reason})"))
        if not result.endpoints and result.fatal is None and result.problems:
            result.fatal = "nothing could be read: " + result.problems[0].message
        return ingest_run(engine=self.engine, run_id=self.run_id, result=result, aliases=self.aliases)
