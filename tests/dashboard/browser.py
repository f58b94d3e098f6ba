"""Drive the running dashboard with the system Chromium (Playwright; never a downloaded browser):
visit each page, wait for its key text, save a screenshot. Shared by the end-to-end test and by
`tests/dashboard/screenshots.py`, which writes the screenshots committed under docs/."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DEMO_MODEL = "deepseek/deepseek-v3.1-terminus"


@dataclass(frozen=True)
class PageCheck:
    name: str  # also the screenshot's file name
    path: str  # URL path and query
    expect: tuple[str, ...]  # visible text, each must appear
    # (a text input's label, what to type, the text that shows once the page has rerun with it)
    search: tuple[str, str, str] | None = None


PAGES = (
    PageCheck(
        "catalog",
        "/",
        ("Catalog", "endpoints of", "last crawled", "The first 25 by output price", "Download CSV"),
        search=("Search model", "v3.1-terminus", "endpoints of 1 models"),
    ),
    PageCheck(
        "model",
        f"/model?id={quote(DEMO_MODEL, safe='')}",
        (
            "DeepSeek V3.1 Terminus",
            "Quality",
            "Current offers",
            "Same model, other quantization",
            "Price history",
            "Incidents",
            "Measured by us",
        ),
    ),
    PageCheck("status", "/status", ("Status", "Open incidents", "Uptime by day", "probed endpoints")),
    PageCheck(
        "recommend",
        "/recommend",
        ("Recommend", "Minimum intelligence index", "Ranked", "Cost against quality", "Left out", "a month"),
    ),
    PageCheck("changes", "/changes", ("Changes", "events", "Kinds")),
    PageCheck(
        "disagreements", "/disagreements", ("Disagreements", "open disagreements", "as it publishes it")
    ),
    PageCheck(
        "unmatched", "/unmatched", ("Unmatched models", "matched no canonical model", "[models.aliases]")
    ),
)


@contextmanager
def chromium(*, width: int = 1440, height: int = 1000) -> Iterator[Any]:
    """A browser page in the system Chromium (Streamlit scrolls inside its own container, so a
    full-page screenshot is as large as the window)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            yield page
        finally:
            browser.close()


def visit(page: Any, base_url: str, check: PageCheck, screenshot: Path, *, timeout_ms: float = 30000) -> str:
    """Open `check`'s page, wait until every expected text is visible and the app has stopped running,
    save a full-page screenshot; returns the page's visible text."""
    page.goto(base_url + check.path, wait_until="domcontentloaded")
    for text in check.expect:
        page.get_by_text(text, exact=False).first.wait_for(state="visible", timeout=timeout_ms)
    if check.search is not None:
        label, typed, shown = check.search
        box = page.get_by_label(label, exact=False)
        box.fill(typed)
        box.press("Enter")
        page.get_by_text(shown, exact=False).first.wait_for(state="visible", timeout=timeout_ms)
    # Streamlit shows a "running" status widget while the script runs; wait for it to go.
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout_ms
    )
    page.wait_for_timeout(800)  # charts (Vega) draw after the script ends
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(screenshot), full_page=True)
    return str(page.inner_text("body"))
