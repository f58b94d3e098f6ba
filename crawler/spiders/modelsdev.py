"""models.dev's ``api.json`` (https://models.dev/api.json): providers' own prices and limits, ~140 providers.

One GET of one document, parsed by `crawler.extract.modelsdev`; the source's ``providers`` keeps only those
provider ids. Caveats: prices are USD per 1M tokens as models.dev's contributors record them (a provider's
own API or page is more authoritative); a missing ``cost`` is not published, never 0; a deprecated model
is still listed, its status in the model's meta.
"""

from __future__ import annotations

from crawler.extract.listing import Listing
from crawler.extract.modelsdev import parse_modelsdev
from crawler.spiders.document import DocumentSpider

DEFAULT_URL = "https://models.dev/api.json"


class ModelsdevSpider(DocumentSpider):
    name = "modelsdev"
    what = "models.dev api.json"
    default_url = DEFAULT_URL

    def parse_document(self, body: bytes, *, url: str) -> Listing:
        return parse_modelsdev(body, url=url, source=self.source.name, providers=self.source.providers)
