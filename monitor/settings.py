"""Runtime settings from the environment (prefix `MODELWATCH_`), read once, in the CLI."""

from __future__ import annotations

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from db.engine import DEFAULT_DB_URL

DEFAULT_API_HOST = "127.0.0.1"
DEFAULT_API_PORT = 8000
DEFAULT_DASHBOARD_HOST = "127.0.0.1"
DEFAULT_DASHBOARD_PORT = 8501


class Settings(BaseSettings):
    """`MODELWATCH_DB_URL`, `MODELWATCH_LOG_LEVEL`, `MODELWATCH_API_HOST`, `MODELWATCH_API_PORT`,
    `MODELWATCH_ADMIN_TOKEN`: what the command line does not say."""

    model_config = SettingsConfigDict(env_prefix="MODELWATCH_", extra="ignore")

    db_url: str = DEFAULT_DB_URL
    log_level: str = "INFO"
    # The catalog API (`modelwatch api`, and the API `modelwatch run` serves).
    api_host: str = DEFAULT_API_HOST  # MODELWATCH_API_HOST; 0.0.0.0 to listen on every interface
    api_port: int = DEFAULT_API_PORT  # MODELWATCH_API_PORT
    # MODELWATCH_ADMIN_TOKEN: the bearer token of POST /api/v1/crawl and /probe; unset or empty: they are
    # off. A SecretStr, so it never shows in a repr or a log line.
    admin_token: SecretStr | None = None
    # The dashboard (`modelwatch dashboard`, and the one `modelwatch run` starts beside the service).
    dashboard_host: str = DEFAULT_DASHBOARD_HOST  # MODELWATCH_DASHBOARD_HOST
    dashboard_port: int = DEFAULT_DASHBOARD_PORT  # MODELWATCH_DASHBOARD_PORT
