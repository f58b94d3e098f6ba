"""The spider base of sources that are one JSON document: GET one URL, hand the body to a pure parser.

Subclasses name the document (`what`), its default URL and the parser; the size cap is the source's
`max_bytes` (Scrapy's ``DOWNLOAD_MAXSIZE``, set per source by `crawler.runner`), and a failed request
(HTTP error, timeout, a body over the cap) is a problem that makes the run incomplete, so nothing is
removed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.extract.listing import Listing
from crawler.spiders.base import SourceSpider


class DocumentSpider(SourceSpider):
    """A source read from one JSON document at `document_url`."""

    #: what the document is, for problems ("models.dev api.json")
    what = "document"
    #: the URL when the source names none
    default_url = ""

    @property
    def document_url(self) -> str:
        return self.source.url or self.source.base_url or self.default_url

    def request_headers(self) -> dict[str, str]:
        """Headers of the one request (e.g. an API key); never logged."""
        return {}

    def parse_document(self, body: bytes, *, url: str) -> Listing:
        """The document's items (pure: subclasses call their parser)."""
        raise NotImplementedError

    async def start(self) -> Any:  # Scrapy >= 2.13
        self.expected_pages = 1
        yield scrapy.Request(
            self.document_url,
            callback=self.parse_listing,
            errback=lambda failure: self.request_failed(failure, what=f"{self.source.name}: {self.what}"),
            headers=self.request_headers() or None,
            meta={"dont_obey_robotstxt": True},  # a documented API or data file, not a page
            dont_filter=True,
        )

    def parse_listing(self, response: Response) -> Iterator[Any]:
        self.pages += 1
        listing = self.parse_document(response.body, url=response.url)
        if not listing.complete:
            self.listing_complete = False
        if listing.fatal is not None:
            self.fatal = listing.fatal
        if not any(problem.parser for problem in listing.problems):
            self.parsed_ok.append(response.url)
        for problem in listing.problems:
            log = self.logger.info if problem.warning else self.logger.warning
            log("%s", problem.message)
        # one item for the whole document: thousands of items one by one through Scrapy's machinery
        # cost some 15% of a crawl of models.dev and LiteLLM (the pipeline takes a `Listing` whole)
        yield listing
