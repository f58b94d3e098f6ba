"""Provider spellings across sources: the same provider one key, different providers never one."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pytest

from db.catalog.provider_names import ProviderNames, provider_key
from tests.conftest import shared_path

#: Spellings of one provider as models.dev (id, name), LiteLLM (`litellm_provider`) and OpenRouter
#: (`/providers` name and slug, an endpoint's `provider_name`) write them.
SAME = [
    ("deepinfra", "Deep Infra", "DeepInfra"),
    ("togetherai", "Together AI", "together_ai", "Together", "together"),
    ("fireworks-ai", "Fireworks AI", "fireworks_ai", "Fireworks"),
    ("novita-ai", "NovitaAI", "novita", "Novita"),
    ("moonshotai", "Moonshot AI", "moonshot"),
    ("friendli", "friendliai", "Friendli"),
    ("amazon-bedrock", "Amazon Bedrock", "bedrock", "bedrock_converse"),
    ("google-vertex", "Vertex", "vertex_ai", "google-vertex"),
    ("Google AI Studio", "google-ai-studio", "gemini"),
    ("zai", "Z.AI", "z-ai"),
    ("xai", "xAI"),
    ("openai", "OpenAI"),
    ("mistral", "Mistral", "codestral"),
    ("nebius", "Nebius Token Factory", "Nebius"),
    ("io-net", "IO.NET", "Io Net"),
    ("arcee-ai", "Arcee AI"),
    ("alibaba-cn", "Alibaba (China)"),
    ("moonshotai-cn", "Moonshot AI (China)"),
    ("zhipuai", "Zhipu AI"),
    ("stepfun-ai", "StepFun AI"),
    ("EigenAI", "Eigen AI", "eigen_ai"),
    ("venice", "Venice AI", "Venice"),
    ("sarvam", "Sarvam AI"),
    ("featherless_ai", "Featherless"),
]
#: Providers a rule could merge that the sources list apart (different hosts, different prices).
APART = [
    ("Z.AI", "Zhipu AI"),  # api.z.ai / open.bigmodel.cn
    ("StepFun", "StepFun AI"),  # stepfun.com / stepfun.ai
    ("SiliconFlow", "SiliconFlow (China)"),
    ("siliconflow", "siliconflow-cn"),
    ("azure", "azure_ai"),  # LiteLLM prices the same ids apart
    ("Alibaba", "Alibaba (China)"),
    ("xAI", "x"),
    ("Google", "Google AI Studio"),
    ("Mancer 2", "Mancer"),
]


@pytest.mark.parametrize("spellings", SAME, ids=lambda s: s[0])
def test_spellings_of_one_provider_share_a_key(spellings: tuple[str, ...]) -> None:
    assert {provider_key(s) for s in spellings} == {provider_key(spellings[0])}


@pytest.mark.parametrize(("one", "other"), APART)
def test_different_providers_keep_apart(one: str, other: str) -> None:
    assert provider_key(one) != provider_key(other)


def test_the_name_stored_first_stands() -> None:
    names = ProviderNames(["DeepInfra"])
    assert names.add("Deep Infra") == "DeepInfra"
    assert names.add("deepinfra") == "DeepInfra"
    assert names.get("Together AI") is None
    assert names.add("Together AI") == "Together AI"
    assert names.add("together_ai") == "Together AI"


def _load(*parts: str) -> Any:
    return json.loads(shared_path("fixtures", *parts).read_text())


def test_no_two_providers_a_source_lists_apart_share_a_key() -> None:
    """OpenRouter's 82 providers and each models.dev file's providers are different providers by
    definition: computed over all of them, no key is shared."""
    providers = _load("openrouter", "providers-2026-05.json")["data"]
    lists = {"openrouter /providers": [p["name"] for p in providers]}
    for day in ("2026-03-02", "2026-06-11"):
        lists[f"models.dev {day}"] = [p["name"] for p in _load("modelsdev", f"api-{day}.json").values()]
    for source, names in lists.items():
        by_key: dict[str, set[str]] = defaultdict(set)
        for name in names:
            by_key[provider_key(name)].add(name)
        shared = {key: found for key, found in by_key.items() if len(found) > 1}
        assert not shared, f"{source}: different providers share a key: {shared}"


def test_openrouter_endpoint_names_are_its_provider_names() -> None:
    providers = {p["name"] for p in _load("openrouter", "providers-2026-05.json")["data"]}
    endpoints = _load("openrouter", "endpoints-2026-05-18.json")
    used = {e["provider_name"] for body in endpoints.values() for e in body["data"]["endpoints"]}
    keys = {provider_key(p) for p in providers}
    assert used and {name for name in used if provider_key(name) not in keys} == set()


def test_providers_in_every_source_meet_under_one_key() -> None:
    """The providers OpenRouter, models.dev and LiteLLM all list: each one key across the three files
    (the spot checks above say which; here: how many, so a lost rule shows)."""
    openrouter = {provider_key(p["name"]) for p in _load("openrouter", "providers-2026-05.json")["data"]}
    modelsdev = {provider_key(p["name"]) for p in _load("modelsdev", "api-2026-06-11.json").values()}
    litellm_doc = _load("litellm", "model_prices-2026-07-24.json")
    litellm = {
        provider_key(e["litellm_provider"])
        for e in litellm_doc.values()
        if isinstance(e, dict) and isinstance(e.get("litellm_provider"), str)
    }
    for spellings in SAME[:7]:
        assert provider_key(spellings[0]) in openrouter & modelsdev & litellm, spellings
    # 22 on these files: Amazon Bedrock, Anthropic, Azure, Baseten, Cerebras, Cohere, DeepInfra,
    # DeepSeek, Fireworks, Friendli, Groq, Inception, Mistral, Moonshot AI, Morph, Nebius, Novita,
    # OpenAI, Perplexity, Together, xAI, Z.AI
    assert len(openrouter & modelsdev & litellm) >= 22
