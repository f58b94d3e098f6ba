"""Capability badges: what an endpoint can do, from the request parameters it documents."""

from __future__ import annotations

from db.catalog.state import EndpointState
from db.recommend.ranking import PARAMETER_SYNONYMS, is_free

#: badge -> any of these parameters earns it.
CAPABILITIES: dict[str, frozenset[str]] = {
    "tools": frozenset({"tools", "tool_choice"}),
    "json": frozenset({"structured_outputs", "response_format"}),
    "reasoning": PARAMETER_SYNONYMS["reasoning"],
    "logprobs": frozenset({"logprobs", "top_logprobs"}),
}


def badges(endpoint: EndpointState, input_modalities: tuple[str, ...] = ()) -> list[str]:
    """The endpoint's badges, in a fixed order."""
    have = set(endpoint.parameters)
    found = [name for name, needs in CAPABILITIES.items() if have & needs]
    if "image" in input_modalities:
        found.append("vision")
    if is_free(endpoint):
        found.append("free")
    return found
