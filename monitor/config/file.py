"""The whole ``modelwatch.toml`` (`Config`: its sections, and the rules across them), and what modelwatch
watches when there is no file (`default_config`)."""

from __future__ import annotations

from datetime import timedelta

from pydantic import BaseModel, Field, model_validator

from monitor.config.alerts import Alerts
from monitor.config.catalog import Catalog
from monitor.config.currencies import Currencies
from monitor.config.errors import KeyedError
from monitor.config.models import Models
from monitor.config.monitoring import Monitoring
from monitor.config.probes import Probe
from monitor.config.sources import LiteLLMSource, ModelsDevSource, OpenRouterSource, PagesSource, Source
from monitor.config.values import STRICT

EIGENAI_PAGE = "https://app.eigenai.com/deepseek.html"


class Config(BaseModel):
    """The whole ``modelwatch.toml``."""

    model_config = STRICT

    sources: list[Source] = Field(default_factory=list)
    probes: list[Probe] = Field(default_factory=list)
    alerts: Alerts = Field(default_factory=Alerts)
    models: Models = Field(default_factory=Models)
    catalog: Catalog = Field(default_factory=Catalog)
    monitoring: Monitoring = Field(default_factory=Monitoring)
    currencies: Currencies = Field(default_factory=Currencies)

    @model_validator(mode="after")
    def _unique_names(self) -> Config:
        for section, items in (("sources", self.sources), ("probes", self.probes)):
            first: dict[str, int] = {}
            for i, item in enumerate(items):
                if item.name in first:
                    message = f"duplicate name {item.name!r} (also {section}[{first[item.name]}])"
                    raise KeyedError((section, i, "name"), message)
                first[item.name] = i
        sources = {source.name for source in self.sources}
        for i, name in enumerate(self.catalog.authority):
            if name not in sources:
                raise KeyedError(("catalog", "authority", i), f"no source named {name!r}")
        names = {probe.name for probe in self.probes}
        for i, window in enumerate(self.monitoring.maintenance):
            for j, name in enumerate(window.probes):
                if name not in names:
                    raise KeyedError(
                        ("monitoring", "maintenance", i, "probes", j), f"no probe named {name!r}"
                    )
        return self


def default_config() -> Config:
    """What modelwatch watches when no file exists (the same as the shipped ``modelwatch.toml``)."""
    return Config(
        sources=[
            OpenRouterSource(name="openrouter", kind="openrouter", every=timedelta(hours=6)),
            ModelsDevSource(name="modelsdev", kind="modelsdev", every=timedelta(hours=6)),
            LiteLLMSource(name="litellm", kind="litellm", every=timedelta(hours=12)),
            PagesSource(
                name="eigenai",
                kind="pages",
                provider="EigenAI",
                urls=[EIGENAI_PAGE],
                every=timedelta(hours=12),
            ),
        ],
        probes=[
            Probe(
                name="eigenai-deepseek-v3.1",
                protocol="eigenai",
                url="https://app.eigenai.com/api/v1/generate/stream",
                model="deepseek-v31-terminus",
                api_key_env="EIGENAI_API_KEY",
                every=timedelta(minutes=5),
                timeout=timedelta(seconds=60),
                max_tokens=16,
                stream=True,
            )
        ],
        alerts=Alerts(channels=[], price_change_percent=1.0),
        models=Models(aliases={"deepseek-v31-terminus": "deepseek/deepseek-v3.1-terminus"}),
    )
