"""A page that states its credits' rate to USD gives it to each offer it prices in credits (issue 13.3):
the explicit forms are read, a page without one or with two different ones gives none, and the rate is
on the ``extract --json`` object beside the currency, with its evidence."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crawler.extract.page import extract_page, offer_to_json
from crawler.extract.rates import stated_rate

CREDITS_PAGE = """<html><head><title>Acme Llama 3.1 8B</title></head><body>
<h1>Llama 3.1 8B</h1><p>Model ID: llama-3.1-8b</p>
<p>Input: 0.40 credits / 1M tokens</p><p>Output: 0.80 credits / 1M tokens</p>
<p>{rate}</p></body></html>"""


@pytest.mark.parametrize(
    ("text", "usd"),
    [
        ("1 credit = $1.00", "1"),
        ("One credit equals 0.01 USD", "0.01"),
        ("$1 = 100 credits", "0.01"),
        ("Credits are billed at $0.01 each.", "0.01"),
        ("Each credit costs $0.002", "0.002"),
        ("Buy 1,000 credits ($10) to start", "0.01"),
        ("1,000 credits for $5", "0.005"),
    ],
)
def test_stated_forms(text: str, usd: str) -> None:
    rate = stated_rate(["Pricing", text])
    assert rate is not None and rate.currency == "credits"
    assert rate.usd == Decimal(usd)
    assert rate.evidence.where == "line 2" and text.rstrip(".") in rate.evidence.snippet


@pytest.mark.parametrize(
    "lines",
    [
        ["Credits never expire", "Get 100 free credits"],  # no rate stated
        ["1 credit = $1.00", "$1 = 100 credits"],  # two different rates: unsure, none
        ["1 credit = €1.00"],  # not a USD rate
    ],
)
def test_no_rate_when_unsure(lines: list[str]) -> None:
    assert stated_rate(lines) is None


def test_offer_in_credits_carries_the_rate() -> None:
    (offer,) = extract_page(CREDITS_PAGE.format(rate="1 credit = $1.00"), url="https://acme.test/m").offers
    assert offer.currency == "credits" and offer.usd_rate == Decimal(1)
    found = offer_to_json(offer, explain=True)
    assert found["currency"] == "credits" and found["usd_rate"] == 1
    assert found["evidence"]["usd_rate"]["snippet"] == "1 credit = $1.00"


def test_no_stated_rate_and_usd_offers_have_none() -> None:
    (offer,) = extract_page(
        CREDITS_PAGE.format(rate="Credits never expire."), url="https://acme.test/m"
    ).offers
    assert offer.currency == "credits" and offer.usd_rate is None
    assert offer_to_json(offer)["usd_rate"] is None and "usd_rate" not in offer.evidence
    usd_page = CREDITS_PAGE.replace(" credits / 1M", " USD / 1M").format(rate="1 credit = $1.00")
    (usd,) = extract_page(usd_page, url="https://acme.test/m").offers
    assert usd.currency == "USD" and usd.usd_rate is None
