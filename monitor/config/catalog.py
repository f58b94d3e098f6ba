"""``[catalog]``: which source's values an endpoint shows when several sources list it.

``authority`` names sources, most trusted first. Without it: a provider's own API or page and
OpenRouter's API first, then models.dev, then LiteLLM's map. Sources it does not name come after those
it names, in that default order.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from monitor.config.values import STRICT, Name

#: The default rank of each source kind (0 first).
KIND_AUTHORITY = {"openrouter": 0, "pages": 0, "openai_models": 0, "modelsdev": 1, "litellm": 2}


class Catalog(BaseModel):
    """``[catalog]``: ``authority = ["deepinfra", "modelsdev", ...]``, most trusted first."""

    model_config = STRICT

    authority: list[Name] = Field(default_factory=list)

    def ranks(self, sources: Sequence[tuple[str, str]]) -> dict[str, int]:
        """Each source's rank (0 first) from (name, kind): named ones in order, then the rest by kind."""
        named = {name: rank for rank, name in enumerate(self.authority)}
        offset = len(self.authority)
        return {
            name: named[name] if name in named else offset + KIND_AUTHORITY.get(kind, 0)
            for name, kind in sources
        }
