"""Canonical matching: each rule, the merges it must never make, candidates, and the real catalogs."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

from db.catalog.crawled import ModelIn
from db.catalog.matching import Match, ModelMatcher, is_canonical
from tests.conftest import shared_path


def openrouter(model_id: str, hugging_face_id: str | None = None) -> ModelIn:
    """A model as OpenRouter's `/models` describes it."""
    return ModelIn(id=model_id, hugging_face_id=hugging_face_id, meta={"canonical_slug": model_id})


KNOWN = [
    openrouter("z-ai/glm-4.7", "zai-org/GLM-4.7"),
    openrouter("deepseek/deepseek-v3.1"),
    openrouter("deepseek/deepseek-v3.1-terminus", "deepseek-ai/DeepSeek-V3.1-Terminus"),
    openrouter("deepseek/deepseek-chat-v3.1", "deepseek-ai/DeepSeek-V3.1"),
    openrouter("deepseek/deepseek-chat-v3.1:free", "deepseek-ai/DeepSeek-V3.1"),
    openrouter("deepseek/deepseek-r1"),
    openrouter("anthropic/claude-sonnet-4.5"),
    openrouter("openai/gpt-4o"),
    openrouter("openai/gpt-4o-2024-08-06"),
    openrouter("moonshotai/kimi-k2-0905", "moonshotai/Kimi-K2-Instruct-0905"),
    openrouter("moonshotai/kimi-k2"),
    openrouter("meta-llama/llama-3.3-70b-instruct", "meta-llama/Llama-3.3-70B-Instruct"),
    openrouter("qwen/qwen3-32b", "Qwen/Qwen3-32B"),
    openrouter("qwen/qwen3-coder", "Qwen/Qwen3-Coder-480B-A35B-Instruct"),
    openrouter("mistralai/mistral-small-3.2-24b-instruct"),
    openrouter("acme/chat-v2"),
    openrouter("other/chat-v2"),
    # a provider catalog's own spelling, stored as its own model: never a target
    ModelIn(id="deepseek-ai/deepseek-v3.1", meta={"capabilities": {"tool_call": True}}),
]
ALIASES = {
    "deepseek-v31-terminus": "deepseek/deepseek-v3.1-terminus",
    "EigenAI:glm47": "z-ai/glm-4.7",
    "glm47": "acme/chat-v2",
}

CASES = [
    # (provider, provider's model id, canonical id, rule)
    ("EigenAI", "deepseek-v31-terminus", "deepseek/deepseek-v3.1-terminus", "alias"),
    ("Eigen AI", "GLM47", "z-ai/glm-4.7", "alias"),  # provider-qualified first, any spelling
    ("DeepInfra", "glm47", "acme/chat-v2", "alias"),
    ("Groq", "qwen/qwen3-32b", "qwen/qwen3-32b", "exact"),
    ("DeepInfra", "zai-org/GLM-4.7", "z-ai/glm-4.7", "hugging_face"),
    ("Novita", "zai-org/glm-4.7", "z-ai/glm-4.7", "hugging_face"),
    ("DeepInfra", "deepseek-ai/DeepSeek-V3.1", "deepseek/deepseek-chat-v3.1", "hugging_face"),  # not :free
    ("DeepInfra", "moonshotai/Kimi-K2-Instruct-0905", "moonshotai/kimi-k2-0905", "hugging_face"),
    ("P", "Z-AI/GLM_4.7", "z-ai/glm-4.7", "normalised"),
    ("P", "deepseek-r1", "deepseek/deepseek-r1", "vendor_prefix"),
    ("P", "deepseek-ai/DeepSeek-R1", "deepseek/deepseek-r1", "vendor_prefix"),  # deepseek-ai is deepseek's
    ("Fireworks", "accounts/fireworks/models/deepseek-r1", "deepseek/deepseek-r1", "vendor_prefix"),
    ("Fireworks", "accounts/fireworks/models/deepseek-v3p1", "deepseek/deepseek-v3.1", "vendor_prefix"),
    ("P", "claude-sonnet-4-5", "anthropic/claude-sonnet-4.5", "version_dots"),
    ("Anthropic", "claude-sonnet-4-5-20250929", "anthropic/claude-sonnet-4.5", "date_suffix"),
    ("Vertex", "claude-sonnet-4-5@20250929", "anthropic/claude-sonnet-4.5", "date_suffix"),
    ("Azure", "gpt-4o-2024-08-06", "openai/gpt-4o-2024-08-06", "vendor_prefix"),
    # never merged
    ("P", "deepseek-v3.1-terminus-fp8", "deepseek-v3.1-terminus-fp8", "own"),
    ("P", "deepseek-chat-v3.1:batch", "deepseek-chat-v3.1:batch", "own"),
    ("P", "deepseek/deepseek-chat-v3.1:thinking", "deepseek/deepseek-chat-v3.1:thinking", "own"),
    ("P", "meta-llama/Llama-3.3-70B-Instruct-Turbo", "meta-llama/Llama-3.3-70B-Instruct-Turbo", "own"),
    ("P", "qwen3-coder-480b-a35b", "qwen3-coder-480b-a35b", "own"),  # -instruct is not the base
    ("P", "mistral-small-3.2-24b", "mistral-small-3.2-24b", "own"),
    ("P", "kimi-k2-0711", "kimi-k2-0711", "own"),  # a -MMDD snapshot is not kimi-k2
    ("P", "gpt-4o-2024-11-20", "gpt-4o-2024-11-20", "own"),  # the catalog tells gpt-4o snapshots apart
    ("P", "unsloth/qwen3-32b", "unsloth/qwen3-32b", "own"),  # a fine-tune under another vendor
    ("P", "deepseek-chat", "deepseek-chat", "own"),
    ("P", "chat-v2", "chat-v2", "own"),  # two vendors have it: neither
]


@pytest.fixture(scope="module")
def matcher() -> ModelMatcher:
    return ModelMatcher(aliases=ALIASES, known_ids=KNOWN)


@pytest.mark.parametrize(("provider", "model_id", "canonical", "rule"), CASES, ids=[c[1] for c in CASES])
def test_rules(matcher: ModelMatcher, provider: str, model_id: str, canonical: str, rule: str) -> None:
    found = matcher.match(model_id, provider=provider)
    assert (found.canonical_id, found.rule) == (canonical, rule)


def test_the_free_variant_stays_apart(matcher: ModelMatcher) -> None:
    assert matcher.match("deepseek/deepseek-chat-v3.1:free").rule == "exact"
    assert matcher.match("deepseek/deepseek-chat-v3.1").canonical_id == "deepseek/deepseek-chat-v3.1"
    assert matcher.match("deepseek-v3.1").canonical_id == "deepseek/deepseek-v3.1"
    assert matcher.match("deepseek-v3.1-terminus").canonical_id == "deepseek/deepseek-v3.1-terminus"


def test_two_candidates_match_neither_and_are_both_listed(matcher: ModelMatcher) -> None:
    assert matcher.match("chat-v2") == Match("chat-v2", "own", ("acme/chat-v2", "other/chat-v2"))
    assert matcher.candidates("chat-v2")[:2] == ["acme/chat-v2", "other/chat-v2"]
    snapshot = matcher.match("gpt-4o-2024-11-20")
    assert snapshot.candidates == ("openai/gpt-4o", "openai/gpt-4o-2024-08-06")


def test_an_own_model_is_no_target(matcher: ModelMatcher) -> None:
    """A provider's id stored as its own model (provisional, or described by a provider catalog only,
    or a page's own id in an older store) matches nothing, itself included, so its endpoint stays
    unmatched; an id the caller gives as canonical is one."""
    assert not is_canonical(KNOWN[-1])
    assert matcher.match("deepseek-ai/deepseek-v3.1").rule == "hugging_face"
    own = [
        ModelIn(id="deepseek/deepseek-v3.2-speciale", meta={"provisional": True}),
        ModelIn(id="deepseek-v31-terminus"),
        ModelIn(id="zai-org/GLM-4.7"),
    ]
    assert [is_canonical(m) for m in own] == [False, False, False]
    lone = ModelMatcher(known_ids=own)
    assert {lone.match(m.id).rule for m in own} == {"own"}
    assert ModelMatcher(known_ids=["deepseek-chat"]).match("deepseek-chat").rule == "exact"
    assert is_canonical(ModelIn(id="deepseek/deepseek-r1")) and is_canonical(openrouter("odd/Shape"))


def test_known_rows_by_id_as_the_ingest_passes_them() -> None:
    """The ingest passes {canonical id: row}; rows are read for their Hugging Face id and meta."""

    class Row:
        def __init__(self, canonical_id: str, hugging_face_id: str | None, meta: dict[str, Any]) -> None:
            self.canonical_id, self.hugging_face_id, self.meta = canonical_id, hugging_face_id, meta

    rows = {
        "z-ai/glm-4.7": Row("z-ai/glm-4.7", "zai-org/GLM-4.7", {}),
        "zai-org/glm-4.7": Row("zai-org/glm-4.7", None, {"capabilities": {}}),
        "deepseek-v31-terminus": Row("deepseek-v31-terminus", None, {}),
    }
    matcher = ModelMatcher(known_ids=rows)
    assert matcher.match("zai-org/glm-4.7") == Match("z-ai/glm-4.7", "hugging_face")
    assert matcher.match("deepseek-v31-terminus").rule == "own"
    matcher.add_known("deepseek/deepseek-v3.1-terminus", hugging_face_id="deepseek-ai/DeepSeek-V3.1-Terminus")
    assert matcher.match("deepseek-ai/DeepSeek-V3.1-Terminus").rule == "hugging_face"


def test_candidates_are_the_nearest_known_ids(matcher: ModelMatcher) -> None:
    assert matcher.candidates("deepseek-v31-terminus")[0] == "deepseek/deepseek-v3.1-terminus"
    assert (
        matcher.candidates("meta-llama/Llama-3.3-70B-Instruct-Turbo")[0]
        == "meta-llama/llama-3.3-70b-instruct"
    )
    assert matcher.candidates("claude-4-sonnet", n=1) == ["anthropic/claude-sonnet-4.5"]
    assert matcher.candidates("something-else-entirely") == []


def _openrouter_models() -> list[ModelIn]:
    path = shared_path("fixtures", "openrouter", "models-2026-05-22.json")
    raw = json.loads(path.read_text())["data"]
    return [openrouter(m["id"], m.get("hugging_face_id") or None) for m in raw]


def _deepinfra_ids() -> dict[str, list[str]]:
    own = json.loads(
        shared_path("fixtures", "providers", "deepinfra-openai-models-2026-02-23.json").read_text()
    )
    modelsdev = json.loads(shared_path("fixtures", "modelsdev", "api-2026-06-11.json").read_text())
    return {
        "deepinfra list": [e["id"] for e in own["data"] if e.get("metadata")],
        "models.dev deepinfra": list(modelsdev["deepinfra"]["models"]),
    }


def test_deepinfra_against_openrouter() -> None:
    """DeepInfra's own list (78 priced models of 2026-02-23) and models.dev's DeepInfra (25 of 2026-06-11)
    against OpenRouter's 356 models of 2026-05-22: the share matched, known pairs, and no two OpenRouter
    ids merged (every id that matched names one OpenRouter model, and no OpenRouter model is reached from
    two ids of one list unless a date or case is all that tells them apart)."""
    models = _openrouter_models()
    matcher = ModelMatcher(known_ids=models)
    known = {m.id for m in models}
    shares: dict[str, float] = {}
    for name, ids in _deepinfra_ids().items():
        found = {model_id: matcher.match(model_id, provider="DeepInfra") for model_id in ids}
        matched = {i: m for i, m in found.items() if m.rule != "own"}
        assert {m.canonical_id for m in matched.values()} <= known
        reached = Counter(m.canonical_id for m in matched.values())
        assert [c for c, n in reached.items() if n > 1] == [], name
        shares[name] = len(matched) / len(ids)
    # measured: 55 of 78 (70.5%) and 22 of 25 (88.0%)
    assert shares["deepinfra list"] > 0.65 and shares["models.dev deepinfra"] > 0.8
    pairs = {
        "zai-org/GLM-4.7": "z-ai/glm-4.7",
        "deepseek-ai/DeepSeek-V3.1-Terminus": "deepseek/deepseek-v3.1-terminus",
        "deepseek-ai/DeepSeek-V3.1": "deepseek/deepseek-chat-v3.1",
        "Qwen/Qwen3-Coder-480B-A35B-Instruct": "qwen/qwen3-coder",
        "moonshotai/Kimi-K2-Instruct-0905": "moonshotai/kimi-k2-0905",
        "MiniMaxAI/MiniMax-M2.5": "minimax/minimax-m2.5",
        "nvidia/Nemotron-3-Nano-30B-A3B": "nvidia/nemotron-3-nano-30b-a3b",
    }
    assert {i: matcher.match(i).canonical_id for i in pairs} == pairs
    for variant in ("Qwen/Qwen3-Coder-480B-A35B-Instruct-Turbo", "openai/gpt-oss-120b-Turbo"):
        assert matcher.match(variant).rule == "own"
    assert matcher.candidates("openai/gpt-oss-120b-Turbo")[0] == "openai/gpt-oss-120b"


def test_no_two_openrouter_models_match_each_other() -> None:
    """Each of OpenRouter's own ids, and its Hugging Face id, leads to that model and no other."""
    models = _openrouter_models()
    matcher = ModelMatcher(known_ids=models)
    for model in models:
        assert matcher.match(model.id) == Match(model.id, "exact")
        upper = model.id.upper()
        assert matcher.match(upper).canonical_id in (model.id, upper)
        if model.hugging_face_id and ":" not in model.id:
            assert matcher.match(model.hugging_face_id).canonical_id == model.id
