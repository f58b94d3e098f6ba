"""One provider however sources spell it: `deepinfra`, `Deep Infra` and `DeepInfra` are one provider.

Explicit rules, no guessing: case, spaces, dashes, underscores and dots do not count; a trailing
"ai" / "inc" / "llc" is a spelling (`together_ai`, `Together AI` and OpenRouter's `Together`; `EigenAI`
and `Eigen AI`; the key of `OpenAI` is thus `open`, and `xAI`, `Z.AI`, `302.AI` keep theirs: too short
to be a name without it), and so is
"(China)" for "-cn" (models.dev's `alibaba-cn` is `Alibaba (China)`). `KNOWN` lists the spellings no
rule can see (`vertex_ai` is Google's Vertex, `togetherai` is Together) and the names a rule would
merge but the sources keep apart (models.dev lists `StepFun` and `StepFun AI`, `Z.AI` and `Zhipu AI`,
LiteLLM `azure` and `azure_ai` as different providers with different prices). The first spelling stored
stands; later ones map to it.

Not told apart: models.dev's `Google` (the Gemini API) and OpenRouter's `Google` (its slug is
`google-vertex`) share their spelling, so they are one provider here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_SUFFIX = re.compile(r"(?:ai|inc|llc)$")
_CHINA = re.compile(r"\s*\((?i:china)\)\s*$")

#: Spellings of the same provider that the rules below cannot tell, and names they would merge that
#: are different providers (normalised key -> key).
KNOWN: dict[str, str] = {
    "vertex": "googlevertex",
    "vertexai": "googlevertex",
    "vertexaibeta": "googlevertex",
    "gemini": "googleaistudio",
    "googleai": "googleaistudio",
    "googlegenai": "googleaistudio",
    "azureopenai": "azure",
    "azureai": "azureai",  # LiteLLM's azure_ai (AI Foundry) prices the same ids apart from azure
    "awsbedrock": "amazonbedrock",
    "bedrock": "amazonbedrock",
    "bedrockconverse": "amazonbedrock",
    "fireworksai": "fireworks",
    "togetherai": "together",
    "moonshot": "moonshotai",
    "kimi": "moonshotai",
    "friendliai": "friendli",
    "codestral": "mistral",
    "textcompletioncodestral": "mistral",
    "hf": "huggingface",
    "sambanovacloud": "sambanova",
    "nebiustokenfactory": "nebius",
    "nebiusaistudio": "nebius",
    "novitaai": "novita",
    "zhipuai": "zhipu",  # Zhipu AI (bigmodel.cn), apart from Z.AI
    "stepfunai": "stepfunai",  # models.dev: stepfun.ai, apart from StepFun's stepfun.com
    "siliconflowcn": "siliconflowcn",
}


def provider_key(name: str) -> str:
    """The key spellings of one provider share (`"Deep Infra"` -> `"deepinfra"`)."""
    text = _CHINA.sub("-cn", name.strip())
    key = _NOT_ALNUM.sub("", text.lower())
    if key in KNOWN:
        return KNOWN[key]
    stripped = _SUFFIX.sub("", key)
    if len(stripped) >= 4:  # `Z.AI`, `xAI`, `302.AI` stay themselves
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
