"""One provider however sources spell it: `deepinfra`, `Deep Infra` and `DeepInfra` are one provider.

Explicit rules, no guessing: case, spaces, dashes, underscores and dots do not count, and a trailing
"ai" / "inc" word (`together_ai`, `togetherai`, `Together AI` and OpenRouter's `Together`) is a
spelling; `KNOWN` lists the spellings no rule can see (`vertex_ai` is Google's Vertex). The first
spelling stored stands; later ones map to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_SUFFIX = re.compile(r"(?:ai|inc|llc)$")

#: Spellings of the same provider that the rules below cannot tell (normalised key -> key).
KNOWN: dict[str, str] = {
    "vertex": "googlevertex",
    "vertexai": "googlevertex",
    "vertexaibeta": "googlevertex",
    "gemini": "googleaistudio",
    "googleai": "googleaistudio",
    "googlegenai": "googleaistudio",
    "azureopenai": "azure",
    "awsbedrock": "amazonbedrock",
    "bedrock": "amazonbedrock",
    "bedrockconverse": "amazonbedrock",
    "fireworks": "fireworks",
    "xai": "xai",
    "zai": "zai",
    "zhipu": "zai",
    "zhipuai": "zai",
    "moonshot": "moonshot",
    "kimi": "moonshot",
    "mistral": "mistral",
    "codestral": "mistral",
    "textcompletioncodestral": "mistral",
    "huggingface": "huggingface",
    "hf": "huggingface",
    "sambanovacloud": "sambanova",
    "nebiustokenfactory": "nebius",
    "nebiusaistudio": "nebius",
    "novitaai": "novita",
    "siliconflowcn": "siliconflow",
}


def provider_key(name: str) -> str:
    """The key spellings of one provider share (`"Deep Infra"` -> `"deepinfra"`)."""
    key = _NOT_ALNUM.sub("", name.lower())
    if key in KNOWN:
        return KNOWN[key]
    stripped = _SUFFIX.sub("", key)
    if len(stripped) >= 4:  # `xai`, `zai` stay themselves
        key = stripped
    return KNOWN.get(key, key)


class ProviderNames:
    """Maps each spelling to the provider name stored first (or configured)."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._by_key: dict[str, str] = {}
        for name in names:
            self.add(name)

    def add(self, name: str) -> str:
        """Record `name` unless a spelling of it is known; returns the stored spelling."""
        return self._by_key.setdefault(provider_key(name), name)

    def get(self, name: str) -> str | None:
        return self._by_key.get(provider_key(name))
