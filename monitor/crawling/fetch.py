"""One-off page fetches for `modelwatch extract`: capped in size and time, clear errors."""

from __future__ import annotations

import httpx

from crawler.extract.decoding import decode_page
from crawler.settings import USER_AGENT


class FetchError(Exception):
    """The page could not be fetched; the message says why."""


def fetch_page(url: str, *, timeout_s: float = 30.0, max_bytes: int = 10 * 1024 * 1024) -> str:
    """The text of `url`, or `FetchError` (HTTP error, timeout, connection, over `max_bytes`)."""
    try:
        with (
            httpx.Client(
                timeout=timeout_s, follow_redirects=True, headers={"User-Agent": USER_AGENT}
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"body larger than {max_bytes} bytes; not read")
                chunks.append(chunk)
            # as a crawl decodes it (the charset, the page's <meta>, detection; UTF-8 bytes win)
            return decode_page(b"".join(chunks), content_type=response.headers.get("content-type"))
    except httpx.TimeoutException:
        raise FetchError(f"no answer within {timeout_s:g} s") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL: {exc}") from None
    except httpx.UnsupportedProtocol:
        raise FetchError("not an http(s) URL") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch: {exc}") from None
