"""A provider's own OpenAI-style ``GET {base_url}/models`` that carries prices (source kind
`openai_models`): DeepInfra, Together, Novita, Chutes and Hugging Face's router.

One request; the body goes to the pure parser `crawler.extract.openai_models` (its docstring and
`crawler.extract.openai_models_shapes`' document the shapes and the rules). Every priced chat model
becomes an endpoint of the source's `provider` (on Hugging Face's router, of the provider behind it) at
``{base_url}/chat/completions``.

Caveats:
- The API key, when the source names `api_key_env`, is read from that environment variable when the
  crawl starts and sent as ``Authorization: Bearer``; it is never logged, never put in a problem (an
  error body that echoes it has it masked) and never stored. A 401 or 403 is one problem saying which
  variable to set (or that the key it holds was refused).
- An entry whose price cannot be read is left out with a problem that makes the run partial, so the
  store keeps its last values; an empty list, a body that is not
  JSON or a list whose shape changed is an incomplete run: nothing is removed and no price is written.
- A documented API, not a web page: robots.txt is not consulted.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from scrapy.spidermiddlewares.httperror import HttpError

from crawler.extract.jsonfields import ExtractError
from crawler.extract.listing import Listing
from crawler.extract.openai_models import parse_models_list
from crawler.spiders.document import DocumentSpider
from db.catalog.crawled import Problem

MASK = "[key hidden]"


class OpenAIModelsSpider(DocumentSpider):
    name = "openai_models"
    what = "model list (/models)"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        env = self.source.api_key_env
        self._key = (os.environ.get(env) or "").strip() if env else ""

    @property
    def document_url(self) -> str:
        return f"{(self.source.base_url or '').rstrip('/')}/models"

    def request_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._key}"} if self._key else {}

    def parse_document(self, body: bytes, *, url: str) -> Listing:
        source = self.source
        try:
            result = parse_models_list(
                body,
                source=source.name,
                provider=source.provider or source.name,
                base_url=source.base_url or "",
                url=url,
                shape=source.shape,
            )
        except ExtractError as exc:
            return Listing().fail(Problem(kind="malformed_json", message=str(exc), url=url, parser=True))
        shape, n = result.shape, len(result.endpoints)
        self.logger.info("%s: %s shape, %d entries, %d endpoints", source.name, shape, result.entries, n)
        return Listing(endpoints=result.endpoints, problems=result.problems, complete=result.complete)

    def request_failed(self, failure: Any, *, what: str, listing: bool = True) -> Iterator[Problem]:
        """As every spider's, but a refused key (401, 403) says which variable to set, and no problem
        carries the key."""
        if failure.check(HttpError) and failure.value.response.status in (401, 403):
            self.pages += 1
            self.listing_complete = False
            problem = Problem(kind="http_error", url=failure.request.url, message=self._refused(failure))
            self.logger.warning("%s", problem.message)
            yield problem
            return
        for problem in super().request_failed(failure, what=what, listing=listing):
            yield Problem(
                kind=problem.kind,
                message=self._masked(problem.message),
                url=problem.url,
                parser=problem.parser,
                warning=problem.warning,
            )

    def _refused(self, failure: Any) -> str:
        response = failure.value.response
        env = self.source.api_key_env
        body = self._masked(response.body[:200].decode("utf-8", "replace").strip())
        detail = f" ({body})" if body else ""
        if env is None:
            advice = 'the API wants a key: set api_key_env = "<VARIABLE>" on the source and the key in it'
        elif not self._key:
            advice = f"the API wants a key: set the environment variable {env} (it is not set)"
        else:
            advice = f"the key in the environment variable {env} was refused: set {env} to a valid key"
        return f"{self.source.name}: {self.what}: HTTP {response.status}{detail}: {advice}"

    def _masked(self, text: str) -> str:
        return text.replace(self._key, MASK) if self._key else text
