"""Benchmark: the hand-written price and date readers against the Scrapy ecosystem's libraries.

Issue 11.3 asks to use `price-parser` and `dateparser` where they read pages better than the hand-written
code. This measures both on labelled strings written the way model and pricing pages write them (the
corpus's cells and labels, and the forms of other providers' pages): how many each reads right, and how
fast. A library that is not installed is reported as such (``pip install price-parser dateparser``).

- prices: the standard amount and currency of one cell or label (``$0.26 / $0.38 in/out Mtoken`` -> 0.26
  USD, ``~~$0.14~~ $0.27`` -> 0.27, ``¥4`` -> 4 CNY, ``5¢`` -> 0.05 USD, ``0,37 €`` -> 0.37 EUR); the
  hand-written side is `crawler.extract.price_cells.read_cell`, the library side `Price.fromstring`.
- dates: the release date in a label's text (``Released Sep 22, 2025``, ``2025-09-05T00:00:00Z``,
  ``2025年8月21日``), or none; the hand-written side is `crawler.extract.quantities.parse_date`, the
  library side `dateparser.search.search_dates` (English and Chinese) for text and `dateparser.parse` for
  a value alone.

Run: ``python bench/price_parsing.py``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from crawler.extract.currency import currency_of_mark, from_cents  # noqa: E402
from crawler.extract.price_cells import read_cell, standard_of  # noqa: E402
from crawler.extract.quantities import parse_date  # noqa: E402

D = Decimal
#: (cell or label text, the standard amount in currency units, its currency); None: no price
PRICES: list[tuple[str, Decimal | None, str | None]] = [
    ("$0.27", D("0.27"), "USD"),
    ("$0.27per 1M", D("0.27"), "USD"),
    ("$1.25", D("1.25"), "USD"),
    ("$15 / MTok", D(15), "USD"),
    ("$0.65 / 1M input tokens", D("0.65"), "USD"),
    ("$0.26 / $0.38 in/out Mtoken", D("0.26"), "USD"),
    ("$0.13 cached in Mtoken", D("0.13"), "USD"),
    ("$0.15 (6.67M / $1)", D("0.15"), "USD"),
    ("$3.00 (1M / $1)", D(3), "USD"),
    ("US$ 0.90", D("0.90"), "USD"),
    ("USD 0.90", D("0.90"), "USD"),
    ("0.90 USD", D("0.90"), "USD"),
    ("$1,250.00", D("1250.00"), "USD"),
    ("5¢", D("0.05"), "USD"),
    ("0.5 cents", D("0.005"), "USD"),
    ("~~$0.014~~ $0.07", D("0.07"), "USD"),
    ("~~$0.14~~ $0.27", D("0.27"), "USD"),
    ("$1.25, prompts <= 200k tokens\n$2.50, prompts > 200k tokens", D("1.25"), "USD"),
    ("$0.30 (text / image / video)\n$1.00 (audio)", D("0.30"), "USD"),
    ("$0.4\n€0.37", D("0.4"), "USD"),
    ("€0.37", D("0.37"), "EUR"),
    ("0,37 €", D("0.37"), "EUR"),
    ("1,85 €", D("1.85"), "EUR"),
    ("EUR 0.90", D("0.90"), "EUR"),
    ("£1.20", D("1.20"), "GBP"),
    ("¥4", D(4), "CNY"),
    ("¥2.5", D("2.5"), "CNY"),
    ("￥16", D(16), "CNY"),
    ("2元", D(2), "CNY"),
    ("0.8元/百万tokens", D("0.8"), "CNY"),
    ("RMB 2", D(2), "CNY"),
    ("CNY 4", D(4), "CNY"),
    ("0.40 credits", D("0.40"), "credits"),
    ("2.0 credits / M", D("2.0"), "credits"),
    ("Free", D(0), None),
    ("免费", D(0), None),
    ("Free of charge", D(0), None),
    ("$0", D(0), "USD"),
    ("$0.035\n(50% OFF)", D("0.035"), "USD"),
    ("$0.10 per million tokens", D("0.10"), "USD"),
    ("0.40 /M tokens", D("0.40"), None),
    ("-", None, None),
    ("Not available", None, None),
    ("N/A", None, None),
    ("Contact sales", None, None),
    ("50% off", None, None),
    ("128K", None, None),
    ("1x H100 80GB", None, None),
    ("$0.000100/sec\n$0.36/hr", None, None),
    ("$2 per month per model", None, None),
    ("$10 per 1,000 searches", None, None),
]

#: (text beside a release label, or a JSON value, the date it gives); None: no date
DATES: list[tuple[str, date | None]] = [
    ("Sep 22, 2025", date(2025, 9, 22)),
    ("Released Sep 22, 2025", date(2025, 9, 22)),
    ("Created Dec 1, 2025163,840 context", date(2025, 12, 1)),
    ("September 22, 2025", date(2025, 9, 22)),
    ("22 September 2025", date(2025, 9, 22)),
    ("22nd Sept 2025", date(2025, 9, 22)),
    ("2025-09-22", date(2025, 9, 22)),
    ("2025/09/22", date(2025, 9, 22)),
    ("2025-09-05T00:00:00Z", date(2025, 9, 5)),
    ("Release date: 2024-07-23", date(2024, 7, 23)),
    ("Added on Jul 23rd, 2024 by meta", date(2024, 7, 23)),
    ("2025年8月21日", date(2025, 8, 21)),
    ("发布日期：2025-08-21", date(2025, 8, 21)),
    ("Released 21.08.2025", date(2025, 8, 21)),
    ("Aug 21 2025", date(2025, 8, 21)),
    ("Released: August 2025", None),  # a month is not a day: not a release date to record
    ("Weekly Tokens 31.3B", None),
    ("163,840 context", None),
    ("Version 3.1", None),
    ("v0.4.2", None),
    ("$0.27 per 1M", None),
    ("updated 3 days ago", None),
]


def hand_price(text: str) -> tuple[Decimal | None, str | None]:
    chosen = standard_of(read_cell(text))
    if chosen is None:
        return None, None
    return chosen.amount, chosen.currency


def library_price(text: str) -> tuple[Decimal | None, str | None]:
    from price_parser import Price

    price = Price.fromstring(text.replace("~~", ""))
    if price.amount is None:
        return None, None
    mark = price.currency
    cents = bool(mark) and mark.strip() in ("¢",)
    amount = from_cents(price.amount, "¢") if cents else price.amount
    return amount, currency_of_mark(mark) if mark else None


def hand_date(text: str) -> date | None:
    return parse_date(text)


def library_date(text: str) -> date | None:
    import dateparser
    from dateparser.search import search_dates

    settings: Any = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    whole = dateparser.parse(text, languages=["en", "zh"], settings=settings)
    if whole is not None:
        return whole.date()
    found = search_dates(text, languages=["en", "zh"], settings=settings)
    return found[0][1].date() if found else None


def _price_right(got: tuple[Decimal | None, str | None], want: tuple[Decimal | None, str | None]) -> bool:
    amount, currency = got
    want_amount, want_currency = want
    if want_amount is None:
        return amount is None
    if amount is None or amount != want_amount:
        return False
    return want_currency is None or currency == want_currency


def _score(
    reader: Callable[[str], Any], cases: list[tuple[str, Any]], right: Callable[[Any, Any], bool]
) -> tuple[int, float, list[str]]:
    wrong: list[str] = []
    for text, want in cases:
        try:
            got = reader(text)
        except Exception as error:  # noqa: BLE001 - a library failing on an input is a wrong reading
            got = f"error: {error!r}"
        if not right(got, want):
            wrong.append(f"{text!r}: want {want}, got {got}")
    started = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for text, _want in cases:
            try:
                reader(text)
            except Exception:  # noqa: BLE001, S112
                continue
    per_item_us = (time.perf_counter() - started) / (rounds * len(cases)) * 1e6
    return len(cases) - len(wrong), per_item_us, wrong


def main() -> None:
    price_cases = [(text, (amount, currency)) for text, amount, currency in PRICES]
    date_cases = list(DATES)
    rows = [
        ("prices", "hand-written (price_cells.read_cell)", hand_price, price_cases, _price_right),
        ("prices", "price-parser (Price.fromstring)", library_price, price_cases, _price_right),
        ("dates", "hand-written (quantities.parse_date)", hand_date, date_cases, lambda g, w: g == w),
        ("dates", "dateparser (parse, search_dates)", library_date, date_cases, lambda g, w: g == w),
    ]
    print(f"{'what':<7} {'reader':<40} {'right':>9} {'µs/item':>9}")
    details: list[str] = []
    for what, name, reader, cases, right in rows:
        try:
            ok, speed, wrong = _score(reader, cases, right)  # type: ignore[arg-type]
        except ImportError as error:
            print(f"{what:<7} {name:<40} {'not installed: ' + str(error.name):>20}")
            continue
        print(f"{what:<7} {name:<40} {ok:>4}/{len(cases):<4} {speed:>9.0f}")
        details += [f"  {name}: {line}" for line in wrong]
    if details:
        print("wrong readings:")
        print("\n".join(details))


if __name__ == "__main__":
    main()
