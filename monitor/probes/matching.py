"""Which catalog endpoint a probe measures.

A probe names a model (the provider's id) and, through its protocol, tag or `provider` key, a provider.
The catalog endpoint it measures is the active endpoint of that provider whose model is the probe's
model after the configured aliases (`deepseek-v31-terminus` -> `deepseek/deepseek-v3.1-terminus`):

- `provider_tag` (an endpoint behind OpenRouter): the endpoint with that tag;
- `provider` (or `EigenAI` for protocol eigenai): that provider's endpoint;
- protocol openai without either: OpenRouter's own routed offer.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.engine import Engine

from db.catalog.queries import Offer, current_offers
from monitor.config import Config, Probe

OPENROUTER = "OpenRouter"


def provider_of(probe: Probe) -> str | None:
    """The catalog provider a probe measures, when it can be told without the catalog."""
    if probe.provider:
        return probe.provider
    if probe.protocol == "eigenai":
        return "EigenAI"
    if probe.protocol == "openai" and probe.provider_tag is None:
        return OPENROUTER
    return None


def match_offer(probe: Probe, offers: Sequence[Offer], config: Config) -> Offer | None:
    """The catalog endpoint `probe` measures, among `offers` (active endpoints), or None."""
    if probe.protocol == "http" or probe.model is None:
        return None
    provider = provider_of(probe)
    canonical = config.models.canonical(probe.model, provider=provider) or probe.model
    candidates = [o for o in offers if o.model == canonical or o.provider_model_id == probe.model]
    if probe.provider_tag is not None:
        tagged = [o for o in candidates if o.tag == probe.provider_tag]
        return tagged[0] if len(tagged) == 1 else None
    if provider is None:
        return None
    named = [o for o in candidates if o.provider.casefold() == provider.casefold()]
    if provider == OPENROUTER:
        named = [o for o in named if o.tag is None]
    return named[0] if len(named) == 1 else None


def match_endpoints(engine: Engine, config: Config) -> dict[str, int | None]:
    """Probe name -> the catalog endpoint id it measures (None where none matches)."""
    offers = current_offers(engine=engine)
    matched = {}
    for probe in config.probes:
        offer = match_offer(probe, offers, config)
        matched[probe.name] = offer.endpoint_id if offer is not None else None
    return matched
