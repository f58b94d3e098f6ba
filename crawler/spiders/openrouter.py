"""OpenRouter's JSON API: `/models?output_modalities=all`, `/providers`, `/models/{id}/endpoints`.

Reads every model OpenRouter lists (all output modalities, not only text) and, for each, the providers
that serve it. OpenRouter's own routed offer of a model (the price `/models` lists) becomes an
endpoint of provider `OpenRouter`; each provider behind it is another endpoint with its `tag`
(e.g. `deepinfra/fp4`), which probes use to pin that provider.

Caveats:
- Both response shapes are read: 2025 (zero prices present as "0") and 2026 (zero keys left out,
  `links`, `knowledge_cutoff`, `expiration_date`); prices as strings or numbers; `"-1"` is "variable",
  not a price.
- A model whose `/endpoints` request fails keeps its routed endpoint; the failure is a crawl problem
  and the run is partial, so nothing is marked removed.
- These are documented API calls, not web pages: robots.txt (which governs page crawlers) is not
  consulted for them; the `pages` spider obeys it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.extract.jsonfields import ExtractError
from crawler.extract.openrouter import parse_endpoints, parse_models, parse_providers
from crawler.spiders.base import SourceSpider
from db.catalog.crawled import Problem

DEFAULT_BASE_URL = "https://openrouter.ai/api/v1"
_API_META = {"dont_obey_robotstxt": True}


class OpenrouterSpider(SourceSpider):
    name = "openrouter"

    @property
    def base_url(self) -> str:
        return (self.source.base_url or DEFAULT_BASE_URL).rstrip("/")

    async def start(self) -> Any:  # Scrapy >= 2.13
        for request in self.initial_requests():
            yield request

    def initial_requests(self) -> Iterator[scrapy.Request]:
        self.expected_pages = 2
        yield scrapy.Request(
            f"{self.base_url}/models?output_modalities=all",
            callback=self.parse_models,
            errback=lambda f: self.request_failed(f, what="model list (/models)"),
            meta=_API_META,
            priority=10,
        )
        yield scrapy.Request(
            f"{self.base_url}/providers",
            callback=self.parse_providers,
            errback=lambda f: self.request_failed(f, what="provider list (/providers)", listing=False),
            meta=_API_META,
            priority=10,
        )

    def parse_models(self, response: Response) -> Iterator[Any]:
        self.pages += 1
        try:
            models, endpoints, problems = parse_models(response.body, base_url=self.base_url)
        except ExtractError as exc:
            self.listing_complete = False
            self.fatal = f"model list (/models) unreadable: {exc}"
            yield Problem(kind="malformed_json", url=response.url, message=str(exc), parser=True)
            return
        if not any(p.parser for p in problems):
            self.parsed_ok.append(response.url)
        yield from problems
        yield from models
        yield from endpoints
        self.expected_pages += len(models)
        for model in models:
            url = f"{self.base_url}/models/{quote(model.id, safe='/:')}/endpoints"
            yield scrapy.Request(
                url,
                callback=self.parse_endpoints,
                errback=self.endpoints_failed,
                cb_kwargs={"model_id": model.id},
                meta=_API_META,
            )

    def parse_endpoints(self, response: Response, model_id: str) -> Iterator[Any]:
        self.pages += 1
        try:
            _model, endpoints, problems = parse_endpoints(
                response.body, model_id=model_id, base_url=self.base_url
            )
        except ExtractError as exc:
            self.listing_complete = False
            yield Problem(kind="malformed_json", url=response.url, message=str(exc), parser=True)
            return
        if not any(p.parser for p in problems):
            self.parsed_ok.append(response.url)
        yield from problems
        yield from endpoints

    def endpoints_failed(self, failure: Any) -> Iterator[Any]:
        """OpenRouter answers 404 "No endpoints found" for router aliases (`openrouter/auto`,
        `~openai/gpt-latest`): an empty listing, not a failure. Anything else is a problem."""
        model_id = failure.request.cb_kwargs["model_id"]
        if failure.check(HttpError) and failure.value.response.status == 404:
            self.pages += 1
            self.logger.info("no provider endpoints for %s (404)", model_id)
            return
        yield from self.request_failed(failure, what=f"endpoints of {model_id}")

    def parse_providers(self, response: Response) -> Iterator[Any]:
        self.pages += 1
        try:
            providers = parse_providers(response.body)
        except ExtractError as exc:
            yield Problem(kind="malformed_json", url=response.url, message=str(exc), parser=True)
            return
        self.parsed_ok.append(response.url)
        yield from providers
