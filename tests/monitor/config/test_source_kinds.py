"""The source kinds of issue 12 in ``modelwatch.toml``: modelsdev, litellm, openai_models; their keys reach
the crawler's `SourceSpec`, and a bad key names itself and the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.config import ConfigError, load_config
from monitor.crawling.run import source_specs

GOOD = """
[[sources]]
name = "modelsdev"
kind = "modelsdev"
providers = ["deepinfra", "togetherai"]

[[sources]]
name = "litellm"
kind = "litellm"
url = "http://127.0.0.1:8080/sources/litellm/model_prices.json"

[[sources]]
name = "deepinfra"
kind = "openai_models"
provider = "DeepInfra"
base_url = "https://api.deepinfra.com/v1/openai/"
api_key_env = "DEEPINFRA_API_KEY"
shape = "deepinfra"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "modelwatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_keys_reach_the_crawler(tmp_path: Path) -> None:
    specs = {spec.name: spec for spec in source_specs(load_config(write(tmp_path, GOOD)))}
    modelsdev, litellm, deepinfra = specs["modelsdev"], specs["litellm"], specs["deepinfra"]
    assert (modelsdev.kind, modelsdev.url, modelsdev.providers) == (
        "modelsdev",
        "https://models.dev/api.json",
        ("deepinfra", "togetherai"),
    )
    assert (litellm.kind, litellm.url) == (
        "litellm",
        "http://127.0.0.1:8080/sources/litellm/model_prices.json",
    )
    assert (deepinfra.base_url, deepinfra.provider, deepinfra.api_key_env, deepinfra.shape) == (
        "https://api.deepinfra.com/v1/openai",
        "DeepInfra",
        "DEEPINFRA_API_KEY",
        "deepinfra",
    )


BAD = [
    (
        'kind = "models_dev"',
        "sources[0].kind: unknown kind 'models_dev' (expected one of 'openrouter', 'pages', 'modelsdev', "
        "'litellm', 'openai_models')",
    ),
    ('kind = "modelsdev"\nproviders = "deepinfra"', "sources[0].providers: must be an array"),
    (
        'kind = "modelsdev"\nproviders = ["deep infra"]',
        "sources[0].providers[0]: invalid models.dev provider id",
    ),
    ('kind = "modelsdev"\nproviders = [3]', "sources[0].providers[0]: "),
    ('kind = "litellm"\nurl = "ftp://example.com/map.json"', "sources[0].url: not an http(s) URL"),
    ('kind = "litellm"\nbase_url = "https://example.com"', "sources[0].base_url: unknown key"),
    ('kind = "openai_models"\nprovider = "DeepInfra"', "sources[0].base_url: required key missing"),
    (
        'kind = "openai_models"\nprovider = "X"\nbase_url = "https://x.example/v1"\nshape = "openai"',
        "sources[0].shape: invalid value 'openai'",
    ),
    (
        'kind = "openai_models"\nprovider = "X"\nbase_url = "https://x.example/v1"\napi_key_env = "sk-123"',
        "sources[0].api_key_env: ",
    ),
]


@pytest.mark.parametrize(("body", "message"), BAD)
def test_a_bad_key_names_itself_and_the_file(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, f'[[sources]]\nname = "s"\n{body}\n')
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(path) in str(error.value) and message in str(error.value), str(error.value)
    assert "sk-123" not in str(error.value)
