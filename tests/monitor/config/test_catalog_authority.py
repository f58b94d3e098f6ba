"""``[catalog] authority``: whose values an endpoint several sources list shows (`SourceSpec.authority`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.config import ConfigError, load_config
from monitor.crawling.run import source_specs

SOURCES = """
[[sources]]
name = "litellm"
kind = "litellm"

[[sources]]
name = "modelsdev"
kind = "modelsdev"

[[sources]]
name = "deepinfra"
kind = "openai_models"
provider = "DeepInfra"
base_url = "https://api.deepinfra.com/v1/openai"

[[sources]]
name = "openrouter"
kind = "openrouter"
"""


def ranks(tmp_path: Path, extra: str = "") -> dict[str, int]:
    path = tmp_path / "modelwatch.toml"
    path.write_text(SOURCES + extra, encoding="utf-8")
    return {spec.name: spec.authority for spec in source_specs(load_config(path))}


def test_by_default_a_providers_own_list_and_openrouter_come_first_then_modelsdev_then_litellm(
    tmp_path: Path,
) -> None:
    got = ranks(tmp_path)
    assert got["deepinfra"] == got["openrouter"] < got["modelsdev"] < got["litellm"]


def test_authority_names_sources_most_trusted_first_and_the_others_follow_by_kind(tmp_path: Path) -> None:
    got = ranks(tmp_path, '\n[catalog]\nauthority = ["modelsdev", "litellm"]\n')
    assert got["modelsdev"] < got["litellm"] < got["deepinfra"] == got["openrouter"]


def test_an_unknown_source_in_authority_names_the_key_and_the_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as error:
        ranks(tmp_path, '\n[catalog]\nauthority = ["modelsdev", "models.dev"]\n')
    message = str(error.value)
    assert "modelwatch.toml" in message and "catalog.authority[1]" in message, message
    assert "models.dev" in message
