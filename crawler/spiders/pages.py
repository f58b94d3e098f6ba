"""Model pages of any provider (source kind `pages`), through the page extractor.

Fetches each configured URL (obeying robots.txt) and turns what `crawler.extract.page` finds into
endpoints of the source's provider. Providers such as EigenAI publish prices only on such pages.
With ``render = "browser"`` each page is loaded in the system Chromium through scrapy-playwright
(`crawler.browser`): its scripts run, images, fonts and media are not loaded, and the page is read once
it has settled; a page that does not settle within the source's page timeout is a ``timeout`` problem
("page never settled within 20 s").

Caveats:
- A page whose price (or model) can no longer be found is treated as a changed layout: a crawl
  problem and one `parser_broken` change, and its offers are NOT ingested, so a layout change never
  overwrites known prices or context with nulls. On a page of several models, those still shown without
  a price are passed on as `Unread`: kept as they were and not removed, and a `parser_broken` change
  naming them when the store knew them (`db.catalog.unread`); the others are read as usual.
- The provider's model id is kept as the page gives it; the store matches it to a canonical id
  through the configured aliases and normalisation rules.
- Without a browser, a page drawn by JavaScript is still read where its scripts carry the data
  (`crawler.extract.embedded`); the browser is for pages that build what they show in code.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import scrapy
from scrapy.http import Response

from crawler.browser import SCRIPTED_HINT, browser_error, looks_scripted, page_meta
from crawler.extract.decoding import prefer_utf8
from crawler.extract.page import NO_PRICE, PageOffer, extract_page
from crawler.spiders.base import SourceSpider
from db.catalog.crawled import EndpointIn, Pricing, Problem, Unread


class PagesSpider(SourceSpider):
    name = "pages"

    async def start(self) -> Any:  # Scrapy >= 2.13
        for request in self.initial_requests():
            yield request

    def initial_requests(self) -> Iterator[scrapy.Request]:
        self.expected_pages = len(self.source.urls)
        rendered = self.source.render == "browser"
        for url in self.source.urls:
            yield scrapy.Request(
                url,
                callback=self.parse_page,
                errback=self.browser_failed if rendered else self.page_failed,
                dont_filter=True,
                meta=page_meta(self.source.render_timeout_s) if rendered else {},
            )

    def page_failed(self, failure: Any) -> Iterator[Problem]:
        return self.request_failed(failure, what="model page")

    def browser_failed(self, failure: Any) -> Iterator[Problem]:
        """A page the browser could not draw: never settled (a timeout), unreachable, or as a fetch fails."""
        from playwright.async_api import Error as PlaywrightError

        if not isinstance(failure.value, PlaywrightError):
            yield from self.request_failed(failure, what="model page")
            return
        self.pages += 1
        self.listing_complete = False
        kind, message = browser_error(failure.value, self.source.render_timeout_s)
        self.logger.warning("model page %s: %s", failure.request.url, message)
        yield Problem(kind=kind, url=failure.request.url, message=f"model page: {message}")

    def parse_page(self, response: Response) -> Iterator[Any]:
        self.pages += 1
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        if not isinstance(response, scrapy.http.TextResponse) or (
            content_type and "html" not in content_type and "text" not in content_type
        ):
            self.listing_complete = False
            yield Problem(
                kind="malformed_html",
                url=response.url,
                message=f"model page is not HTML (Content-Type {content_type or 'missing'})",
                parser=True,
            )
            return
        # as Scrapy decoded it, unless a wrong declared charset made mojibake of UTF-8 bytes
        text = prefer_utf8(response.body, encoding=response.encoding, text=response.text)
        extraction = extract_page(text, url=response.url, provider=self.source.provider)
        usable = [offer for offer in extraction.offers if offer.model and offer.pricing is not None]
        if not usable:
            self.listing_complete = False
            reasons = "; ".join(extraction.problems) or "no model offer found"
            if self.source.render != "browser" and looks_scripted(text):
                reasons += f'; {SCRIPTED_HINT}: try render = "browser"'
            yield Problem(
                kind="layout_changed",
                url=response.url,
                message=f"model page layout changed: {reasons}",
                parser=True,
            )
            return
        self.parsed_ok.append(response.url)
        for problem in extraction.problems:
            # what the page left unclear (an ambiguous price, a row without a model id): recorded,
            # while the offers that were read go in
            yield Problem(kind="extraction", url=response.url, message=problem, warning=True)
        for offer in usable:
            yield endpoint_from_offer(offer, provider=self.source.provider)
        for offer in extraction.offers:
            if offer.model and offer.pricing is None:  # still listed, its price gone: kept as it was
                key = endpoint_from_offer(offer, provider=self.source.provider).key
                yield Unread(key=key, label=offer.model, url=response.url, reason=NO_PRICE)


def endpoint_from_offer(offer: PageOffer, *, provider: str | None) -> EndpointIn:
    """An extracted page offer as an endpoint of `provider` (or the provider the page names)."""
    assert offer.model is not None
    api_url = offer.endpoints[0] if offer.endpoints else offer.url
    stream_or_generate = any("/generate" in url for url in offer.endpoints)
    pricing = offer.pricing or {}
    return EndpointIn(
        provider=provider or offer.provider or "unknown",
        model=offer.model,
        provider_model_id=offer.model,
        url=api_url,
        protocol="eigenai" if stream_or_generate else "openai",
        name=offer.name,
        context_length=offer.context_length,
        max_output_tokens=offer.max_output_tokens,
        parameters=tuple(sorted(offer.parameters)),
        parameter_defaults=dict(offer.parameter_defaults),
        pricing=Pricing(
            input=_dec(pricing.get("input")),
            output=_dec(pricing.get("output")),
            cache_read=_dec(pricing.get("cache_read")),
            cache_write=_dec(pricing.get("cache_write")),
            request=_dec(pricing.get("request")),
            currency=offer.currency,
            usd_rate=offer.usd_rate,
        ),
        released=offer.released,
        page_url=offer.url,
        evidence={name: why.to_json() for name, why in sorted(offer.evidence.items())} or None,
    )


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))
