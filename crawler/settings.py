"""Scrapy settings for modelwatch crawls. Each non-default value names the default it replaces.

Per-source values (timeout, size cap, concurrency) are applied on top of these by `crawler.runner`.
"""

from __future__ import annotations

from typing import Any

BOT_NAME = "modelwatch"
# SPIDER_MODULES stays at its default ([]): the runner hands spider classes to Scrapy directly.

# default: "Scrapy/VERSION (+https://scrapy.org)"; say who we are and where to read about it. modelwatch's
# other requests (probes, `modelwatch extract`) send the same.
USER_AGENT = "modelwatch/0.1 (+https://github.com/modelwatch/modelwatch; catalog of LLM endpoints)"
# default: False in the settings module, True in new projects' templates. Obey robots.txt on live
# sites; the OpenRouter spider opts its documented API requests out (see its docstring).
ROBOTSTXT_OBEY = True
# default: 16. The catalog APIs we read are small; 16 in flight keeps a full OpenRouter crawl
# (~360 requests) to a few seconds without hammering anyone.
CONCURRENT_REQUESTS = 16
# default: 8.
CONCURRENT_REQUESTS_PER_DOMAIN = 16
# default: 180 s. A catalog request that takes a minute is a failed request.
DOWNLOAD_TIMEOUT = 30
# default: 1024 MiB. No model page or catalog body is anywhere near 10 MiB.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
# default: 32 MiB.
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
# default: 2 retries. Kept; a retried request that still fails becomes a crawl problem.
RETRY_TIMES = 2
# default: False. Adapt to the server's pace on live sites.
AUTOTHROTTLE_ENABLED = False
# default: True. We handle non-2xx responses ourselves in errbacks, as crawl problems.
HTTPERROR_ALLOW_ALL = False
# default: "DEBUG". Scrapy's per-request logs are noise for a CLI user; our own summary says it all.
LOG_LEVEL = "WARNING"
# default: True. Telnet console is an open port nobody here needs.
TELNETCONSOLE_ENABLED = False
# default: True (Scrapy >= 2.19). Another open port (a remote-control HTTP server) nobody here needs.
REMOTE_CONTROL_ENABLED = False
# default: True. Its once-a-minute "Crawled N pages" lines duplicate our progress line.
LOGSTATS_INTERVAL = 0
# default: "2.6" in old projects; the modern fingerprinter (no deprecation warning).
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
# default: the asyncio reactor in Scrapy >= 2.13; pinned so every Scrapy version runs the same.
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
# default: {}. Hand every item of a run to the store in one transaction at the end.
ITEM_PIPELINES = {"crawler.pipelines.StorePipeline": 300}
# default: {}. Report progress to the CLI.
EXTENSIONS = {"crawler.progress.ProgressExtension": 500}
# default: None. Keep no HTTP cache: every crawl must see the source as it is now.
HTTPCACHE_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"


def base_settings() -> dict[str, Any]:
    """These settings as a dict, for `CrawlerProcess(settings)`."""
    return {name: value for name, value in globals().items() if name.isupper()}


def browser_settings(
    *, timeout_s: float, pages: int, schemes: tuple[str, ...] = ("http", "https")
) -> dict[str, Any]:
    """The settings of a crawler whose pages are drawn by JavaScript (a `pages` source with ``render =
    "browser"``), applied by `crawler.runner` to that source's crawler only, so that no other crawl starts
    a browser. ``pages``: how many pages the browser has open at once; ``schemes``: those of its URLs (each
    scheme's handler starts its own Playwright driver)."""
    from crawler.browser import LAUNCH_OPTIONS

    handler = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
    return {
        # default: Scrapy's own handlers. Requests marked meta["playwright"] load in the browser; the rest
        # (robots.txt) are fetched as before.
        "DOWNLOAD_HANDLERS": {scheme: handler for scheme in schemes},
        # default: "chromium" (scrapy-playwright); said, since the launch options are Chromium's.
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        # default: {} (a browser Playwright downloads): the system Chromium, headless, no sandbox, no GPU,
        # no calls home. Never a downloaded browser.
        "PLAYWRIGHT_LAUNCH_OPTIONS": LAUNCH_OPTIONS,
        # default: Playwright's 30 s. A page that has not loaded by then never will (the page's own
        # timeout is also in each request's goto arguments).
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": timeout_s * 1000,
        # default: None (everything loads). Images, fonts and media hold nothing the extractor reads.
        "PLAYWRIGHT_ABORT_REQUEST": "crawler.browser.blocked_resource",
        # default: no limit. One browser context for the crawl, a bounded number of pages in it: the
        # memory of one Chromium with a few tabs.
        "PLAYWRIGHT_MAX_CONTEXTS": 1,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": pages,
        # default: 180 s (Scrapy; our DOWNLOAD_TIMEOUT above). Room for the page timeout and the browser's
        # start, so that the page timeout is what stops a page that never settles.
        "DOWNLOAD_TIMEOUT": timeout_s + 30,
    }
