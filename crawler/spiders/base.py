"""What every modelwatch spider shares: its source, completeness bookkeeping and problem reporting."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy

from crawler.failures import problem_from_failure
from crawler.source import SourceSpec
from db.catalog.crawled import Problem


class SourceSpider(scrapy.Spider):
    """A spider over one configured source. Subclasses set `listing_complete = False` when a request
    that lists endpoints failed, so the run removes nothing."""

    source: SourceSpec

    def __init__(self, *args: Any, source: SourceSpec, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.source = source
        self.listing_complete = True
        self.fatal: str | None = None
        self.pages = 0
        self.expected_pages = 0  # for progress; grows as listings reveal more work
        self.parsed_ok: list[str] = []

    def request_failed(self, failure: Any, *, what: str, listing: bool = True) -> Iterator[Problem]:
        """Errback body: the failure becomes a problem; a failed listing makes the run incomplete."""
        url = failure.request.url if getattr(failure, "request", None) else ""
        self.pages += 1
        if listing:
            self.listing_complete = False
        problem = problem_from_failure(failure, url=url, what=what)
        self.logger.warning("%s", problem.message)
        yield problem
