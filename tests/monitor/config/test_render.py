"""``render`` and ``render_timeout`` of a `pages` source: validated, defaulted, and handed to the crawler."""

from __future__ import annotations

from datetime import timedelta

import pytest

from monitor.config import ConfigError, PagesSource, parse_config
from monitor.crawling.run import source_specs

PAGES = """
[[sources]]
name = "parasail"
kind = "pages"
provider = "Parasail"
urls = ["https://www.parasail.io/pricing"]
"""


def test_pages_are_read_as_sent_unless_told() -> None:
    source = parse_config(PAGES).sources[0]
    assert isinstance(source, PagesSource)
    assert (source.render, source.render_timeout) == ("static", timedelta(seconds=20))
    spec = source_specs(parse_config(PAGES))[0]
    assert (spec.render, spec.render_timeout_s) == ("static", 20.0)


def test_browser_rendering_reaches_the_crawler_with_its_timeout() -> None:
    config = parse_config(PAGES + 'render = "browser"\nrender_timeout = "45s"\n')
    spec = source_specs(config)[0]
    assert (spec.render, spec.render_timeout_s) == ("browser", 45.0)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('render = "chrome"', "sources[0].render: invalid value 'chrome' (expected 'static' or 'browser')"),
        ('render_timeout = "soon"', "sources[0].render_timeout: invalid duration 'soon'"),
        ("render = true", "sources[0].render"),
    ],
)
def test_bad_render_values_name_the_key(extra: str, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        parse_config(PAGES + extra + "\n", path="modelwatch.toml")
    assert message in str(error.value)


def test_render_is_a_key_of_pages_sources_only() -> None:
    text = '[[sources]]\nname = "openrouter"\nkind = "openrouter"\nrender = "browser"\n'
    with pytest.raises(ConfigError) as error:
        parse_config(text, path="modelwatch.toml")
    assert "sources[0].render" in str(error.value)
