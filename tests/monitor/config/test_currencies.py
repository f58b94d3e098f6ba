"""``[currencies]``: rates to USD for the recommender; unknown keys and bad values name the file and key."""

from __future__ import annotations

from decimal import Decimal

import pytest

from db.recommend.constraints import Rates
from db.recommend.cost import Rate
from monitor.config import ConfigError, default_config, parse_config


def test_rates_per_provider_and_general() -> None:
    config = parse_config(
        "[currencies]\n"
        'credits = { provider = "EigenAI", usd = 1.0 }\n'
        "EUR = { usd = 1.08 }\n"
        'points = [{ provider = "A", usd = 0.01 }, { provider = "B", usd = 2 }]\n'
    )
    rates = config.currencies.to_rates()
    assert rates == (
        Rate("credits", Decimal("1.0"), "EigenAI"),
        Rate("EUR", Decimal("1.08"), None),
        Rate("points", Decimal("0.01"), "A"),
        Rate("points", Decimal("2.0"), "B"),
    )
    found = Rates(rates)
    assert found.of("Credits", "eigen ai") == rates[0]  # currency and provider in any spelling
    assert found.of("credits", "Novita") is None  # EigenAI's credits only
    assert found.of("eur", "Novita") == rates[1]
    assert found.of("points", "B") == rates[3]
    assert default_config().currencies.to_rates() == ()  # no rate unless configured
    assert parse_config("").currencies.rates == ()


ABOVE = "currencies.credits.usd: must be a number above 0 (USD per unit), not "
BAD = [
    ('credits = { provider = "EigenAI", usd = -1 }', ABOVE + "-1"),
    ('credits = { usd = "1" }', ABOVE + "'1'"),
    ('credits = { provder = "EigenAI", usd = 1 }', "currencies.credits.provder: unknown key"),
    ('credits = { provider = "EigenAI" }', "currencies.credits.usd: required key missing"),
    ("credits = 1.0", "currencies.credits: must be a table { provider = ..., usd = ... }"),
    ("points = [{ usd = 1 }, { usd = 0 }]", "currencies.points[1].usd: must be a number above 0"),
    ('credits = { provider = " ", usd = 1 }', "currencies.credits.provider: must be a provider's name"),
    ('"my credits" = { usd = 1 }', "currencies.\"my credits\": invalid currency name 'my credits'"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "message"), BAD)
def test_bad_rates_name_the_file_and_the_key(line: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(f"[currencies]\n{line}\n", path="modelwatch.toml")
    assert str(caught.value).startswith(f"modelwatch.toml: {message}")
