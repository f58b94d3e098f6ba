"""The declarative configuration: good files parse, bad ones fail naming the file and the key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from monitor.config import (
    DEFAULT_OPENROUTER_URL,
    ConfigError,
    LiteLLMSource,
    ModelsDevSource,
    OpenRouterSource,
    PagesSource,
    default_config,
    load_config,
    parse_config,
    parse_duration,
)

REPO = Path(__file__).resolve().parents[3]

PAGES = """
[[sources]]
name = "eigenai"
kind = "pages"
provider = "EigenAI"
urls = ["https://app.eigenai.com/deepseek.html"]
"""
PROBE = """
[[probes]]
name = "p1"
protocol = "openai"
url = "https://openrouter.ai/api/v1/chat/completions"
model = "deepseek/deepseek-v3.1-terminus"
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30s", timedelta(seconds=30)),
        ("5m", timedelta(minutes=5)),
        ("6h", timedelta(hours=6)),
        ("1d", timedelta(days=1)),
        ("2w", timedelta(weeks=2)),
        ("500ms", timedelta(milliseconds=500)),
        ("1h30m", timedelta(minutes=90)),
        ("1h 30m", timedelta(minutes=90)),
        ("1.5h", timedelta(minutes=90)),
        (" 12H ", timedelta(hours=12)),
        ("0s", timedelta(0)),
    ],
)
def test_parse_duration(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["soon", "", "5", "5 minutes", "m5", "-5m", "1h-30m", "1y", "5m!"])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(ValueError, match=r"invalid duration .* \(use e\.g\. 30s, 5m, 6h, 1d\)"):
        parse_duration(text)


def test_shipped_file_is_the_default() -> None:
    assert load_config(REPO / "modelwatch.toml") == default_config()


def test_default_config_meaning() -> None:
    config = default_config()
    openrouter, modelsdev, litellm, eigenai = config.sources
    assert isinstance(openrouter, OpenRouterSource) and isinstance(eigenai, PagesSource)
    assert isinstance(modelsdev, ModelsDevSource) and isinstance(litellm, LiteLLMSource)
    assert (modelsdev.url, modelsdev.providers) == ("https://models.dev/api.json", [])
    assert litellm.url.endswith("/BerriAI/litellm/main/model_prices_and_context_window.json")
    assert (openrouter.base_url, openrouter.every) == (DEFAULT_OPENROUTER_URL, timedelta(hours=6))
    assert (eigenai.provider, eigenai.urls, eigenai.every) == (
        "EigenAI",
        ["https://app.eigenai.com/deepseek.html"],
        timedelta(hours=12),
    )
    assert [p.api_key_env for p in config.probes] == ["EIGENAI_API_KEY"]
    assert config.alerts.channels == [] and config.alerts.price_change_percent == 1.0
    assert config.models.canonical("deepseek-v31-terminus") == "deepseek/deepseek-v3.1-terminus"


def test_defaults_and_full_forms() -> None:
    config = parse_config(
        PAGES
        + PROBE
        + """
provider_tag = "deepinfra/fp4"
prompt = "Say hi"
stream = false

[[sources]]
name = "or"
kind = "openrouter"
base_url = "http://127.0.0.1:8080/api/v1/"
every = "1h30m"
enabled = false
timeout = "10s"
max_bytes = 1024
concurrency = 4

[alerts]
channels = ["json://127.0.0.1:8765/hook"]
price_change_percent = 5

[models]
aliases = { "deepseek-v31-terminus" = "deepseek/deepseek-v3.1-terminus", "EigenAI:v3" = "deepseek/v3" }
"""
    )
    pages, openrouter = config.sources
    assert isinstance(pages, PagesSource) and isinstance(openrouter, OpenRouterSource)
    assert (pages.every, pages.timeout, pages.max_bytes, pages.enabled) == (
        timedelta(hours=6),
        timedelta(seconds=30),
        10 * 1024 * 1024,
        True,
    )
    assert openrouter.base_url == "http://127.0.0.1:8080/api/v1"
    assert (openrouter.every, openrouter.enabled, openrouter.concurrency) == (timedelta(minutes=90), False, 4)
    probe = config.probes[0]
    assert (probe.every, probe.timeout, probe.max_tokens, probe.stream) == (
        timedelta(minutes=5),
        timedelta(seconds=30),
        16,
        False,
    )
    assert probe.provider_tag == "deepinfra/fp4" and probe.api_key_env is None
    assert config.alerts.price_change_percent == 5.0
    assert config.models.canonical("v3", provider="EigenAI") == "deepseek/v3"
    assert config.models.canonical("v3", provider="Other") is None
    assert config.models.canonical("deepseek-v31-terminus", provider="EigenAI") == (
        "deepseek/deepseek-v3.1-terminus"
    )


def test_empty_file_is_valid() -> None:
    config = parse_config("")
    assert config.sources == [] and config.probes == [] and config.alerts.channels == []


BAD = [
    ("colour = 1", "colour: unknown key"),
    (PAGES + "colour = 'red'", "sources[0].colour: unknown key"),
    (PAGES + "every = 'soon'", "sources[0].every: invalid duration 'soon' (use e.g. 30s, 5m, 6h, 1d)"),
    (PAGES + "every = 300", "sources[0].every: invalid duration 300"),
    (PAGES + "every = '0s'", "sources[0].every: must be more than zero"),
    (PAGES + "timeout = '3 sec'", "sources[0].timeout: invalid duration '3 sec'"),
    (PAGES + "max_bytes = 0", "sources[0].max_bytes: input should be greater than 0"),
    (PAGES + "max_bytes = '10MiB'", "sources[0].max_bytes: input should be a valid integer (got a string)"),
    (PAGES + "concurrency = 0", "sources[0].concurrency: input should be greater than or equal to 1"),
    (PAGES + "enabled = 'yes'", "sources[0].enabled: input should be a valid boolean (got a string)"),
    (PAGES + "base_url = 'https://x'", "sources[0].base_url: unknown key"),
    (PAGES.replace('kind = "pages"', ""), "sources[0].kind: required key missing"),
    (PAGES.replace('"pages"', '"rss"'), "sources[0].kind: unknown kind 'rss'"),
    (PAGES.replace('provider = "EigenAI"', ""), "sources[0].provider: required key missing"),
    (PAGES.replace('"EigenAI"', '" "'), "sources[0].provider: must not be empty"),
    (PAGES.replace('["https://app.eigenai.com/deepseek.html"]', "[]"), "sources[0].urls: must not be empty"),
    (PAGES.replace("https://app", "file:///app"), "sources[0].urls[0]: not an http(s) URL"),
    (PAGES.replace('"eigenai"', '"my source"'), "sources[0].name: invalid name 'my source'"),
    (PAGES + PAGES, "sources[1].name: duplicate name 'eigenai' (also sources[0])"),
    (PAGES + "\n[[sources]]\nname = 'o'\nkind = 'openrouter'\nurls = []", "sources[1].urls: unknown key"),
    (
        "[[sources]]\nname = 'o'\nkind = 'openrouter'\nbase_url = 'openrouter.ai'",
        "sources[0].base_url: not an http(s) URL",
    ),
    ("sources = 'openrouter'", "sources: must be an array"),
    (PROBE + "protocol = 'grpc'", "line 7: invalid TOML: Cannot overwrite a value"),
    (PROBE.replace('"openai"', '"grpc"'), "probes[0].protocol: invalid value 'grpc'"),
    (
        PROBE.replace('model = "deepseek/deepseek-v3.1-terminus"', ""),
        "probes[0].model: required for protocol",
    ),
    (PROBE + "api_key_env = 'eigenai_api_key'", "probes[0].api_key_env: must be the NAME of an environment"),
    (PROBE + "api_key_env = 'sk-or-v1-0123456789abcdef'", "probes[0].api_key_env: must be the NAME"),
    (PROBE + "api_key_env = 'A1B2C3D4E5F6G7H8I9J0K1L2M3'", "probes[0].api_key_env: must be the NAME"),
    (PROBE + "max_tokens = 0", "probes[0].max_tokens: input should be greater than or equal to 1"),
    (PROBE + "stream = 1", "probes[0].stream: input should be a valid boolean (got an integer)"),
    (PROBE + "api_key = 'x'", "probes[0].api_key: unknown key"),
    (PROBE.replace('"openai"', '"eigenai"') + "provider_tag = 'x/y'", "probes[0].provider_tag: only for"),
    (PROBE + PROBE, "probes[1].name: duplicate name 'p1' (also probes[0])"),
    ("[alerts]\nchannels = ['slack']", "alerts.channels[0]: not an Apprise URL"),
    ("[alerts]\nchannels = 'json://x'", "alerts.channels: must be an array"),
    ("[alerts]\nprice_change_percent = -1", "alerts.price_change_percent: input should be greater than"),
    ("[alerts]\non_outage = true", "alerts.on_outage: unknown key"),
    ("alerts = 3", "alerts: must be a table"),
    ("[models]\nalias = {}", "models.alias: unknown key"),
    ("[models.aliases]\n'EigenAI:x' = ''", 'models.aliases."EigenAI:x": must not be empty'),
    ("[models.aliases]\nx = 1", "models.aliases.x: input should be a valid string (got an integer)"),
    ("a = 1\nb = \n", "line 2: invalid TOML: Invalid value (column 5)"),
    ("[alerts", "line 1: invalid TOML: Expected ']'"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_bad_config_names_file_and_key(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, path="modelwatch.toml")
    assert f"modelwatch.toml: {message}" in str(caught.value)


def test_every_problem_is_reported() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(PAGES + "every = 'soon'\ncolour = 1\n" + PROBE + "max_tokens = -1", path="mw.toml")
    assert caught.value.path == "mw.toml"
    assert len(caught.value.problems) == 3
    assert all(line.startswith("mw.toml: ") for line in str(caught.value).splitlines())


def test_a_key_in_the_wrong_place_is_never_echoed() -> None:
    key = "sk-or-v1-" + "ab12" * 16
    with pytest.raises(ConfigError) as caught:
        parse_config(PROBE + f"api_key_env = '{key}'")
    assert key not in str(caught.value)
    with pytest.raises(ConfigError) as caught:
        parse_config(PROBE + "api_key_env = 12345")
    assert "12345" not in str(caught.value)


def test_load_config_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "modelwatch.toml"
    path.write_text(PAGES + "every = 'soon'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"^{path}: sources\[0\]\.every: invalid duration 'soon'"):
        load_config(path)
    with pytest.raises(ConfigError, match=r"missing\.toml: cannot read"):
        load_config(tmp_path / "missing.toml")
    path.write_bytes(b"\xff\xfe = 1")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(path)
    path.write_text(PAGES, encoding="utf-8")
    assert load_config(path).sources[0].name == "eigenai"


def test_config_is_frozen() -> None:
    config = default_config()
    with pytest.raises(ValueError, match="frozen"):
        config.alerts.price_change_percent = 2.0  # type: ignore[misc]


MONITORED = """
[[probes]]
name = "p1"
protocol = "http"
url = "http://127.0.0.1:9/healthz"
"""


def test_monitoring_defaults_and_maintenance_windows() -> None:
    config = parse_config(
        MONITORED
        + """
[monitoring]
down_after = 4
[[monitoring.maintenance]]
weekly = "Sun 23:00-01:00"
[[monitoring.maintenance]]
probes = ["p1"]
start = 2026-01-01T00:00:00Z
end = 2026-01-01T01:00:00Z
"""
    )
    assert config.monitoring.down_after == 4 and config.monitoring.up_after == 2
    assert config.monitoring.raw_retention == timedelta(days=7)
    weekly, once = config.monitoring.maintenance
    sunday_late = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)  # a Sunday
    monday_early = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)  # across midnight and the week's end
    assert weekly.covers("p1", sunday_late) and weekly.covers("anything", monday_early)
    assert not weekly.covers("p1", datetime(2026, 11, 23, 1, 30, tzinfo=UTC))
    assert once.covers("p1", datetime(2026, 1, 1, 0, 30, tzinfo=UTC))
    assert not once.covers("p2", datetime(2026, 1, 1, 0, 30, tzinfo=UTC))
    assert not once.covers("p1", datetime(2026, 1, 1, 1, 0, tzinfo=UTC))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('weekly = "Funday 1-2"', "monitoring.maintenance[0].weekly: invalid weekly window 'Funday 1-2'"),
        (
            'probes = ["zz"]\nweekly = "mon 01:00-02:00"',
            "monitoring.maintenance[0].probes[0]: no probe named 'zz'",
        ),
        ("start = 2026-01-01T00:00:00Z", "monitoring.maintenance[0].end: required (or give weekly)"),
        (
            "start = 2026-01-01T02:00:00Z\nend = 2026-01-01T01:00:00Z",
            "monitoring.maintenance[0].end: must be after start",
        ),
    ],
)
def test_bad_maintenance_windows_name_the_key(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(MONITORED + "[[monitoring.maintenance]]\n" + text, path="modelwatch.toml")
    assert f"modelwatch.toml: {message}" in str(caught.value)
