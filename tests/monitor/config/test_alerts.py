"""`[alerts]` in modelwatch.toml: good files parse; a bad rule or channel stops the program naming the
key, and never repeats a channel's secret."""

from __future__ import annotations

from datetime import timedelta

import pytest

from monitor.config import ConfigError, expand_env, parse_config

FULL = """
[alerts]
channels = ["json://127.0.0.1:8765/hook"]
price_change_percent = 2.5
dashboard_url = "http://modelwatch.internal:8501/"
timeout = "5s"
retry_min = "10s"
retry_max = "30m"
retry_for = "1d"
failing_after = 5
remind_every = "2h"
quiet_hours = "22:00-07:00"
timezone = "Europe/Berlin"
max_age = "12h"
max_lines = 20

[alerts.apprise]
ops-mail = "mailto://alerts:${SMTP_PASSWORD}@smtp.example.com?to=ops@example.com"

[[alerts.webhooks]]
name = "ops"
url = "https://hooks.example.com/modelwatch"
secret_env = "MODELWATCH_WEBHOOK_SECRET"
headers = { Authorization = "Bearer ${HOOK_TOKEN}" }

[[alerts.rules]]
on = ["price_change"]
min_percent = 10
direction = "up"
models = ["deepseek/*"]
providers = ["DeepInfra", "Novita"]
channels = ["ops-mail"]

[[alerts.rules]]
on = ["outage", "degraded", "source_failing"]
after = 2
urgent = true
channels = ["ops", "channels[0]"]
"""


def test_a_full_alerts_section_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMTP_PASSWORD", "pw")
    monkeypatch.setenv("HOOK_TOKEN", "tok")
    alerts = parse_config(FULL).alerts
    assert alerts.dashboard_url == "http://modelwatch.internal:8501"
    assert (alerts.timeout, alerts.retry_for, alerts.remind_every) == (
        timedelta(seconds=5),
        timedelta(days=1),
        timedelta(hours=2),
    )
    # the file's text is kept: secrets are expanded only when a message is sent
    assert "${SMTP_PASSWORD}" in alerts.apprise["ops-mail"]
    assert alerts.webhooks[0].headers == {"Authorization": "Bearer ${HOOK_TOKEN}"}
    assert alerts.channel_names() == ["channels[0]", "ops-mail", "ops"]
    prices, outages = alerts.effective_rules()
    assert (prices.min_percent, prices.direction, prices.channels) == (10.0, "up", ["ops-mail"])
    assert (outages.after, outages.urgent) == (2, True)


def test_the_defaults() -> None:
    alerts = parse_config("").alerts
    assert alerts.channels == [] and alerts.webhooks == [] and alerts.rules is None
    assert alerts.price_change_percent == 1.0 and alerts.dashboard_url == "http://localhost:8501"
    assert (alerts.timeout, alerts.retry_min, alerts.retry_max, alerts.retry_for) == (
        timedelta(seconds=10),
        timedelta(seconds=30),
        timedelta(hours=1),
        timedelta(days=2),
    )
    assert (alerts.failing_after, alerts.remind_every, alerts.reminders) == (3, timedelta(hours=6), True)
    assert (alerts.quiet_hours, alerts.timezone, alerts.max_age) == (None, "UTC", timedelta(days=1))


SECRET = "xoxb-0123456789-SECRETSECRET"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f'[alerts]\nchannels = ["bogus://{SECRET}"]', "alerts.channels[0]: unknown Apprise scheme 'bogus'"),
        (
            '[alerts]\nchannels = ["json://127.0.0.1/x", "discord://"]',
            "alerts.channels[1]: not a valid Apprise URL for scheme 'discord'",
        ),
        (
            f'[alerts.apprise]\nmail = "mailto://u:{SECRET}@"',
            "alerts.apprise.mail: not a valid Apprise URL for scheme 'mailto'",
        ),
        (
            '[alerts]\nchannels = ["json://${MW_TEST_UNSET_VAR}/x"]',
            "alerts.channels[0]: environment variable MW_TEST_UNSET_VAR is not set",
        ),
        ("[[alerts.rules]]\non = []", "alerts.rules[0].on: must not be empty"),
        ("[[alerts.rules]]\non = ['price']", "alerts.rules[0].on[0]: invalid value 'price'"),
        ("[[alerts.rules]]\nmodels = ['x']", "alerts.rules[0].on: required key missing"),
        (
            "[[alerts.rules]]\non = ['outage']\nmin_percent = 5",
            "alerts.rules[0].min_percent: only for rules on",
        ),
        (
            "[[alerts.rules]]\non = ['outage']\nafter = 5",
            "alerts.rules[0].after: only for rules on 'source_failing'",
        ),
        (
            "[[alerts.rules]]\non = ['price_change']\ndirection = 'sideways'",
            "alerts.rules[0].direction: invalid value",
        ),
        (
            "[[alerts.rules]]\non = ['outage']\nchannels = ['pager']",
            "alerts.rules[0].channels[0]: no channel named 'pager'",
        ),
        ("[[alerts.rules]]\non = ['outage']\nurgnet = true", "alerts.rules[0].urgnet: unknown key"),
        ("[alerts]\nquiet_hours = '22-7'", "alerts.quiet_hours: invalid daily window '22-7'"),
        ("[alerts]\nquiet_hours = '07:00-07:00'", "alerts.quiet_hours: invalid daily window"),
        ("[alerts]\ntimezone = 'Mars/Olympus'", "alerts.timezone: unknown time zone"),
        (
            "[alerts]\nretry_min = '1h'\nretry_max = '1m'",
            "alerts.retry_max: must not be shorter than retry_min",
        ),
        ("[alerts]\nremind_every = 'often'", "alerts.remind_every: invalid duration 'often'"),
        ("[alerts]\ndashboard_url = 'localhost:8501'", "alerts.dashboard_url: not an http(s) URL"),
        ("[alerts]\nfailing_after = 0", "alerts.failing_after: input should be greater than or equal to 1"),
        (
            f'[[alerts.webhooks]]\nname = "h"\nurl = "ftp://{SECRET}"',
            "alerts.webhooks[0].url: not an http(s) URL",
        ),
        (
            '[[alerts.webhooks]]\nname = "h"\nurl = "https://x.example.com"\nsecret_env = "' + SECRET + '"',
            "alerts.webhooks[0].secret_env: must be the NAME of an environment variable",
        ),
        (
            '[[alerts.webhooks]]\nname = "h"\nurl = "https://x.example.com"\n'
            'headers = { A = "${MW_TEST_UNSET_VAR}" }',
            "alerts.webhooks[0].headers.A: environment variable MW_TEST_UNSET_VAR is not set",
        ),
        (
            '[alerts.apprise]\nops = "json://127.0.0.1/x"\n[[alerts.webhooks]]\nname = "ops"\nurl = "https://x.example.com"',
            "alerts.webhooks[0].name: duplicate channel name 'ops'",
        ),
    ],
)
def test_a_bad_alerts_section_names_the_key_and_never_the_secret(text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, path="modelwatch.toml")
    message = str(caught.value)
    assert message.startswith(f"modelwatch.toml: {expected}"), message
    assert SECRET not in message and "SECRETSECRET" not in message


def test_expand_env() -> None:
    env = {"A": "1", "B_2": "two"}
    assert expand_env("x${A}y${B_2}", env) == "x1ytwo"
    assert expand_env("no references", env) == "no references"
    with pytest.raises(ValueError, match="environment variable C is not set"):
        expand_env("${C}", env)
    with pytest.raises(ValueError, match="invalid environment variable reference"):
        expand_env("${lower case}", env)
