"""Pages drawn by JavaScript, loaded in the system Chromium (``/usr/bin/chromium``; never a downloaded
browser): how it is launched, what it may load, when a page counts as drawn, and the problem when it
never is.

A crawl drives it through scrapy-playwright (`crawler.settings.browser_settings`, `page_meta`);
``modelwatch extract --render`` through Playwright directly (`render_pages`), with the same launch options,
blocking and settling. A page is drawn when its ``load`` event has fired and then its network has been
idle for half a second (Playwright's ``networkidle``), all within the page timeout. A page whose network
never rests (a poll, a live widget) is read as it is once the timeout is spent after ``load``; a page that
never loads (a script that never returns) is a `NEVER_SETTLED` problem.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
#: headless; no sandbox (crawls run as root in containers); no GPU; no update checks or other calls home
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")
LAUNCH_OPTIONS: dict[str, Any] = {"executable_path": str(CHROMIUM), "args": list(CHROMIUM_ARGS)}
#: What a page may not load: nothing the extractor reads is in them.
BLOCKED_RESOURCES = frozenset({"image", "media", "font"})
DEFAULT_TIMEOUT_S = 20.0
NEVER_SETTLED = "page never settled within {timeout:g} s"


_SHELL = re.compile(
    r"<(?:div|main)\b[^>]*\bid=[\"'](?:root|app|__next|__nuxt|svelte|main-app)[\"'][^>]*>\s*</(?:div|main)>"
    r"|<noscript\b[^>]*>[^<]{0,200}\b(?:enable|requires?|needs?|turn on)\b[^<]{0,80}javascript",
    re.I,
)
SCRIPTED_HINT = "the page looks drawn by JavaScript"


def looks_scripted(html: str) -> bool:
    """Whether a page as sent is an application's empty shell (an empty ``#root``/``#app``/``#__next``, a
    ``<noscript>`` asking for JavaScript): what it shows is drawn by its scripts."""
    return bool(_SHELL.search(html[:500_000]))


class BrowserMissing(RuntimeError):
    """The system Chromium is not installed."""


def check_chromium() -> None:
    """Raise `BrowserMissing` with what to do when ``/usr/bin/chromium`` is absent."""
    if not CHROMIUM.exists():
        raise BrowserMissing(
            f"{CHROMIUM} not found: rendering pages needs the system Chromium (apt-get install chromium)"
        )


def blocked_resource(request: Any) -> bool:
    """scrapy-playwright's ``PLAYWRIGHT_ABORT_REQUEST``: images, fonts and media are not loaded."""
    return str(request.resource_type) in BLOCKED_RESOURCES


async def settle(page: Any, timeout_s: float) -> None:
    """Wait, after ``load``, until the page's network has been idle for 500 ms, for what is left of
    ``timeout_s`` since the navigation started; a network that never rests ends the wait, not the read.
    A page whose script holds its thread (it would never answer for its HTML) raises Playwright's
    timeout: it never settled."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    started = time.monotonic()
    since_navigation_ms = await _within(page.evaluate("performance.now()"), timeout_s)
    left_s = timeout_s - float(since_navigation_ms or 0) / 1000
    if left_s > 0:
        with contextlib.suppress(PlaywrightTimeout):
            await page.wait_for_load_state("networkidle", timeout=left_s * 1000)
    await _within(page.evaluate("document.readyState"), max(1.0, timeout_s - (time.monotonic() - started)))


async def _within(answer: Awaitable[Any], timeout_s: float) -> Any:
    """The page's answer (to a script, for its HTML), or Playwright's timeout when its thread is held."""
    import asyncio

    from playwright.async_api import TimeoutError as PlaywrightTimeout

    try:
        return await asyncio.wait_for(answer, timeout_s)
    except TimeoutError:
        raise PlaywrightTimeout(f"the page's script held its thread for {timeout_s:g} s") from None


def page_meta(timeout_s: float) -> dict[str, Any]:
    """The meta of a Scrapy request for a page to load in the browser (scrapy-playwright)."""
    from scrapy_playwright.page import PageMethod

    return {
        "playwright": True,
        "playwright_page_goto_kwargs": {"wait_until": "load", "timeout": timeout_s * 1000},
        "playwright_page_methods": [PageMethod(settle, timeout_s)],
        "modelwatch_render_timeout": timeout_s,
    }


def is_timeout(error: BaseException) -> bool:
    """Whether a browser error is Playwright's timeout (the page did not load in time)."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    return isinstance(error, PlaywrightTimeout)


def browser_error(error: BaseException, timeout_s: float) -> tuple[str, str]:
    """A browser failure as a problem's (kind, message): a timeout says the page never settled."""
    if is_timeout(error):
        return "timeout", NEVER_SETTLED.format(timeout=timeout_s) + " (rendered in Chromium)"
    text = " ".join(str(error).split())
    first = text.split(" Call log:")[0].split("=====")[0].strip()
    kind = "connect" if "net::ERR_" in first else "error"
    return kind, f"browser: {first[:300]}"


@dataclass(frozen=True)
class RenderedPage:
    """A page as the browser drew it, or the reason it could not."""

    url: str
    html: str | None
    error: str | None = None
    seconds: float = 0.0


def render_pages(
    urls: Sequence[str], *, timeout_s: float = DEFAULT_TIMEOUT_S, user_agent: str | None = None
) -> list[RenderedPage]:
    """Load each page in one headless Chromium (launched once, closed at the end), blocked resources
    not loaded; each page's HTML once it settled, or the reason it did not."""
    import asyncio

    check_chromium()
    return asyncio.run(_render_all(list(urls), timeout_s=timeout_s, user_agent=user_agent))


async def _render_all(urls: list[str], *, timeout_s: float, user_agent: str | None) -> list[RenderedPage]:
    from playwright.async_api import async_playwright

    pages: list[RenderedPage] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**LAUNCH_OPTIONS)
        try:
            context = await browser.new_context(user_agent=user_agent)
            await context.route("**/*", _block)
            for url in urls:
                pages.append(await _render_one(context, url, timeout_s=timeout_s))
        finally:
            await browser.close()
    return pages


async def _block(route: Any) -> None:
    if blocked_resource(route.request):
        await route.abort()
    else:
        await route.continue_()


async def _render_one(context: Any, url: str, *, timeout_s: float) -> RenderedPage:
    from playwright.async_api import Error as PlaywrightError

    started = time.perf_counter()
    page = await context.new_page()
    try:
        response = await page.goto(url, wait_until="load", timeout=timeout_s * 1000)
        await settle(page, timeout_s)
        if response is not None and response.status >= 400:
            return RenderedPage(url, None, f"HTTP {response.status}", time.perf_counter() - started)
        html = await _within(page.content(), timeout_s)
        return RenderedPage(page.url, str(html), None, time.perf_counter() - started)
    except PlaywrightError as exc:
        _, message = browser_error(exc, timeout_s)
        return RenderedPage(url, None, message, time.perf_counter() - started)
    finally:
        await page.close()
