"""A Scrapy extension that reports crawl progress to a callback (the CLI draws it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scrapy import signals

from crawler.extract.listing import Listing

ProgressCallback = Callable[[str, int, int, int], None]  # source, pages done, pages expected, items


class ProgressExtension:
    """Calls the run's progress callback `(source, pages, expected, items)` as responses and items arrive."""

    def __init__(self, callback: ProgressCallback | None) -> None:
        self.callback = callback
        self.items = 0

    @classmethod
    def from_crawler(cls, crawler: Any) -> ProgressExtension:
        from crawler.runner import run_context

        extension = cls(run_context(crawler.settings).progress)
        if extension.callback is not None:
            crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
            crawler.signals.connect(extension.response_received, signal=signals.response_received)
        return extension

    def item_scraped(self, item: Any, spider: Any) -> None:
        before = self.items
        self.items += item.size if isinstance(item, Listing) else 1
        if self.items // 50 != before // 50:
            self._report(spider)

    def response_received(self, response: Any, request: Any, spider: Any) -> None:
        self._report(spider)

    def _report(self, spider: Any) -> None:
        if self.callback is not None:
            self.callback(
                spider.source.name, spider.pages, max(spider.expected_pages, spider.pages), self.items
            )
