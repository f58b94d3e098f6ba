"""LiteLLM's model cost map (``model_prices_and_context_window.json`` on GitHub), USD per token.

One GET of one document, parsed by `crawler.extract.litellm`. Caveats: only chat, completion and
responses entries become endpoints (the others are counted in a warning); providers are named as LiteLLM
spells them (``deepinfra``, ``together_ai``); the map has no endpoint URLs; ``max_tokens`` alone is left
out (legacy and ambiguous).
"""

from __future__ import annotations

from crawler.extract.listing import Listing
from crawler.extract.litellm import parse_litellm
from crawler.spiders.document import DocumentSpider

DEFAULT_URL = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"


class LitellmSpider(DocumentSpider):
    name = "litellm"
    what = "LiteLLM model cost map"
    default_url = DEFAULT_URL

    def parse_document(self, body: bytes, *, url: str) -> Listing:
        return parse_litellm(body, url=url, source=self.source.name)
