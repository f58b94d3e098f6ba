"""Prices without float noise: `clean_price` and `same_price` (issue 12.5)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from db.types import clean_price, same_price


@pytest.mark.parametrize(
    ("given", "clean"),
    [
        ("0.08333333333333334", "0.0833333333333333"),  # Google's cache_write per 1M, as OpenRouter sends it
        ("0.0833333333333333", "0.0833333333333333"),  # its clean twin stays as it is
        (str(D("2.9999900000000002e-06") * 10**6), "2.99999"),  # a per-token float times 1e6
        ("0.08000000000000002", "0.08"),
        ("0.9499999999999999", "0.95"),  # OpenRouter endpoints: prompt 0.0000009499999999999999
        ("0.0799999993", "0.0799999993"),  # 9 digits: a real (odd) price, kept
        ("123456.123456789012", "123456.123456789"),  # 15 significant digits kept
        ("0.27000", "0.27"),
        ("2.7E-1", "0.27"),
        ("1E+3", "1000"),
        ("0", "0"),
        ("0E-12", "0"),
        ("-0.25", "-0.25"),  # a discount may be negative
        ("0.45454545454545453", "0.454545454545455"),
        ("0.4545454545454545", "0.454545454545454"),  # a tie at the 16th digit: half-even
    ],
)
def test_clean_price(given: str, clean: str) -> None:
    value = clean_price(D(given))
    assert format(value, "f") == clean
    assert clean_price(value) == value  # idempotent
    assert "E" not in str(value)  # no exponent: prints as it is stored


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("0.08333333333333334", "0.0833333333333333", True),
        ("2.9999900000000002", "2.99999", True),
        ("0.08000000000000002", "0.08", True),
        # noise either side of a rounding tie: one unit of the 15th digit apart once cleaned
        ("0.45454545454545453", "0.4545454545454545", True),
        ("0.999999999999999", "1", True),
        # the 14th significant digit is a real change, however small
        ("0.0833333333333333", "0.0833333333333343", False),
        ("1.2345678901234", "1.2345678901235", False),
        ("0.270000000001", "0.27", False),  # the 12th digit
        ("0.27", "0.28", False),
        ("0", "0.0000000000000001", False),  # free against a price is never noise
        ("0", "0E-9", True),
    ],
)
def test_same_price(a: str, b: str, same: bool) -> None:
    assert same_price(D(a), D(b)) is same
    assert same_price(D(b), D(a)) is same
