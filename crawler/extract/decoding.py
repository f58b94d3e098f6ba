"""A fetched page's bytes as text: what the page declares, unless its bytes say UTF-8.

Scrapy's `TextResponse` (and a browser) decode a page with the encoding its BOM, its HTTP ``charset``
or its ``<meta charset>`` declares, else one detected. A page that declares ISO-8859-1 while its bytes
are UTF-8 then reads ``€0.09`` as ``â‚¬0.09`` and ``¥2`` as ``Â¥2``, and the bytes Windows-1252 does
not define (0x81, 0x8D, 0x8F, 0x90, 0x9D: the middle of many CJK characters) are lost as ``�``, past
repair. Bytes that are not ASCII and still decode as UTF-8 without a single error are UTF-8: text in
a legacy encoding (Latin-1, Windows-1252, Shift_JIS, GBK, ...) almost never is. So `prefer_utf8` keeps
the declared reading unless it was a non-Unicode encoding and the bytes are valid UTF-8; the crawl
(`crawler.spiders.pages`) applies it to its responses' reading, ``modelwatch extract`` (`decode_page`)
to the same reading of the bytes it fetched. `crawler.extract.mojibake` repairs what reaches the
extractor already decoded wrongly, as far as it can.
"""

from __future__ import annotations

import codecs

from scrapy.http import HtmlResponse

_UNICODE = frozenset(
    {"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
)


def decode_page(body: bytes, *, content_type: str | None = None) -> str:
    """`body` as text: as a crawl reads it, Scrapy's `HtmlResponse` (BOM, the Content-Type's charset, the
    page's ``<meta>``, else detection), then `prefer_utf8`."""
    headers = {"Content-Type": content_type} if content_type else {}
    response = HtmlResponse("http://page.invalid/", body=body, headers=headers)
    return prefer_utf8(body, encoding=response.encoding, text=response.text)


def prefer_utf8(body: bytes, *, encoding: str | None, text: str) -> str:
    """`text`, the reading of `body` in `encoding`; or `body` read as UTF-8 when `encoding` is not a
    Unicode one and `body` is valid UTF-8 that is not plain ASCII (see the module)."""
    if _codec(encoding) in _UNICODE or body.isascii():
        return text
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return text


def _codec(encoding: str | None) -> str:
    try:
        return codecs.lookup(encoding or "").name
    except LookupError:
        return ""
