"""``[models]``: canonical matching, the aliases from a provider's model id to a canonical id."""

from __future__ import annotations

from pydantic import BaseModel, Field

from monitor.config.values import STRICT, Text


class Models(BaseModel):
    """Canonical matching: ``aliases`` maps a provider's model id (or ``"Provider:id"``) to a canonical id."""

    model_config = STRICT

    aliases: dict[Text, Text] = Field(default_factory=dict)

    def canonical(self, model_id: str, *, provider: str | None = None) -> str | None:
        """The canonical id configured for a provider's model id; a provider-qualified alias wins."""
        if provider is not None and f"{provider}:{model_id}" in self.aliases:
            return self.aliases[f"{provider}:{model_id}"]
        return self.aliases.get(model_id)
