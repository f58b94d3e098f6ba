"""The declarative configuration, ``modelwatch.toml``: what to crawl, what to probe, where alerts go.

Parsed with `tomllib` into frozen pydantic models and validated whole at start; a bad file raises
`ConfigError` naming the file and the key. One module per section, and what they share:

- sources.py ``[[sources]]``, probes.py ``[[probes]]``, alerts.py ``[alerts]``, monitoring.py
  ``[monitoring]`` (thresholds, retention, maintenance windows), models.py ``[models]`` (aliases);
- file.py: `Config`, the whole file, and `default_config`; loader.py: `load_config`, `parse_config` and
  the error messages; errors.py: `ConfigError`;
- durations.py (``"5m"``, daily and weekly windows), environment.py (``${NAME}`` and the names of
  variables holding secrets), values.py (names, text, URLs).

Import from here: ``from monitor.config import Config, load_config``.
"""

from monitor.config.alerts import DEFAULT_RULE_KINDS, RULE_KINDS, AlertRule, Alerts, WebhookChannel
from monitor.config.durations import clock_window, parse_duration, weekly_window
from monitor.config.environment import expand_env
from monitor.config.errors import ConfigError
from monitor.config.file import Config, default_config
from monitor.config.loader import load_config, parse_config
from monitor.config.models import Models
from monitor.config.monitoring import Maintenance, Monitoring
from monitor.config.probes import Probe
from monitor.config.sources import (
    DEFAULT_OPENROUTER_URL,
    LiteLLMSource,
    ModelsDevSource,
    OpenAIModelsSource,
    OpenRouterSource,
    PagesSource,
    Source,
)

__all__ = [
    "DEFAULT_OPENROUTER_URL",
    "DEFAULT_RULE_KINDS",
    "RULE_KINDS",
    "AlertRule",
    "Alerts",
    "Config",
    "ConfigError",
    "LiteLLMSource",
    "Maintenance",
    "Models",
    "ModelsDevSource",
    "Monitoring",
    "OpenAIModelsSource",
    "OpenRouterSource",
    "PagesSource",
    "Probe",
    "Source",
    "WebhookChannel",
    "clock_window",
    "default_config",
    "expand_env",
    "load_config",
    "parse_config",
    "parse_duration",
    "weekly_window",
]
