"""UTF-8 pages decoded as Windows-1252 (a wrong ``<meta charset>``): the text put back before reading."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crawler.extract.mojibake import repair_mojibake
from crawler.extract.page import extract_page


def _as_cp1252(text: str) -> str:
    """What a crawl decodes when the bytes are UTF-8 and the page says ISO-8859-1 (Windows-1252)."""
    return text.encode("utf-8").decode("cp1252", errors="replace")


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        (
            _as_cp1252("Input €0.09 · Output €0.28 — per 1M tokens"),
            "Input €0.09 · Output €0.28 — per 1M tokens",
        ),
        (_as_cp1252("输入 ¥2 — 输出 ¥8"), "输入 ¥2 — 输出 ¥8"),
        ("Déjà vu à la carte — café", "Déjà vu à la carte — café"),  # right text stays as it is
        ("Ã la carte", "Ã la carte"),  # one odd pair is not a page decoded wrong
        ("", ""),
    ],
)
def test_repair(text: str, repaired: str) -> None:
    assert repair_mojibake(text) == repaired


def test_prices_of_a_page_decoded_wrong_are_read_in_their_currency() -> None:
    page = (
        "<html><body><h1>Mistral Small 3.2 — Nordhavn</h1><p>Model ID: mistral-small-3.2-24b-instruct</p>"
        "<p>Input: €0.09 per 1M tokens</p><p>Output: €0.28 per 1M tokens</p></body></html>"
    )
    offer = extract_page(_as_cp1252(page), url="https://nordhavn.example/models/mistral-small").offers[0]
    assert offer.pricing == {"input": Decimal("0.09"), "output": Decimal("0.28")}
    assert offer.currency == "EUR"
    assert offer.name == "Mistral Small 3.2 — Nordhavn"
