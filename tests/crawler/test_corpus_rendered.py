"""The corpus pages for the browser, drawn in the real headless Chromium as the replica serves them: a page
drawn only by JavaScript (``"render": "browser"``) gives every offer of its expected JSON, compared field
by field as the static rows are (``tests/crawler/corpus_check.py``); a page whose script never finishes
gives its ``browser_problems`` within the page timeout."""

from __future__ import annotations

from typing import Any

import pytest

from crawler.browser import CHROMIUM, render_pages
from crawler.extract.page import extract_page
from replica.corpus import PAGES
from tests.crawler.corpus_check import compare, load_cases

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"{CHROMIUM} not found: rendering drives Debian's chromium (apt-get install chromium; "
    ".ci/run does)",
)
CASES = {case.name: case for case in load_cases()}
DRAWN = sorted(name for name, case in CASES.items() if case.render == "browser")
NEVER_SETTLE = sorted(name for name, case in CASES.items() if case.expected.get("browser_problems"))
TIMEOUT_S = 4


def test_the_corpus_has_pages_for_the_browser() -> None:
    assert DRAWN and NEVER_SETTLE


def test_pages_drawn_by_javascript_give_their_offers_in_the_browser(replica: Any) -> None:
    rendered = render_pages([replica.url + PAGES[name].path for name in DRAWN], timeout_s=15)
    for name, page in zip(DRAWN, rendered, strict=True):
        assert page.html is not None, f"{name}: {page.error}"
        extraction = extract_page(page.html, url=CASES[name].url)  # read as the page it imitates
        wrong = compare(CASES[name], extraction).wrong()
        assert not wrong, f"{name}: {len(wrong)} differences\n  " + "\n  ".join(wrong)


def test_pages_that_never_settle_give_their_problem_within_the_timeout(replica: Any) -> None:
    rendered = render_pages([replica.url + PAGES[name].path for name in NEVER_SETTLE], timeout_s=TIMEOUT_S)
    for name, page in zip(NEVER_SETTLE, rendered, strict=True):
        assert page.html is None
        assert page.error == f"page never settled within {TIMEOUT_S} s (rendered in Chromium)"
        for expected in CASES[name].expected["browser_problems"]:
            assert expected in "timeout: " + page.error, name
        assert page.seconds < TIMEOUT_S + 5, f"{name}: gave up after {page.seconds:.1f} s"
