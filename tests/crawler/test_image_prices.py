"""Prices only in an image (crawler/extract/image_prices.py): no price is read, never a zero, and the
problem says an image stands where the prices would be."""

from __future__ import annotations

import pytest
from lxml import html

from crawler.extract.image_prices import price_images
from crawler.extract.page import extract_page, offer_to_json
from tests.crawler.corpus_check import load_cases

PAGE = (
    "<html><body><h1>grok-3-mini</h1><code>grok-3-mini</code><p>Context window: 131,072 tokens</p>"
    "{}</body></html>"
)


@pytest.mark.parametrize(
    ("case", "markup", "found"),
    [
        ("named for prices", "<img src='/media/grok-pricing.png' alt=''>", ["/media/grok-pricing.png"]),
        ("alt text", "<img src='/a.png' alt='Price table: input and output'>", ["/a.png"]),
        (
            "under a Pricing heading",
            "<section><h2>Pricing</h2><figure><img src='/media/table.png'></figure></section>",
            ["/media/table.png"],
        ),
        ("under a Chinese heading", "<div><h3>价格</h3><img src='/p.webp'></div>", ["/p.webp"]),
        ("a diagram elsewhere", "<section><h2>Architecture</h2><img src='/media/moe.png'></section>", []),
        ("a logo", "<img src='/logo.svg' alt='xAI'>", []),
    ],
)
def test_price_images(case: str, markup: str, found: list[str]) -> None:
    assert price_images(html.document_fromstring(PAGE.format(markup))) == found, case


def test_a_page_with_prices_only_in_an_image_gives_no_price_and_says_why() -> None:
    page = PAGE.format("<section><h2>Pricing</h2><img src='/media/grok-3-mini-pricing.png' alt=''></section>")
    extraction = extract_page(page, url="https://docs.x.ai/docs/models/grok-3-mini")
    (offer,) = extraction.offers
    assert offer.pricing is None
    assert offer_to_json(offer)["currency"] is None  # no price, no currency: never a zero in USD
    assert "no price found (prices shown as an image are not read: /media/grok-3-mini-pricing.png)" in (
        extraction.problems
    )


def test_the_corpus_image_page() -> None:
    (case,) = [c for c in load_cases() if c.name == "hostile-image-prices"]
    extraction = case.extract()
    assert [offer.pricing for offer in extraction.offers] == [None]
    assert any("image" in problem and "pricing.8c1e2f3a.png" in problem for problem in extraction.problems)


def test_no_image_no_hint() -> None:
    extraction = extract_page(PAGE.format("<p>Contact sales for pricing.</p>"), url="https://x.example/m")
    assert "no price found" in extraction.problems
