"""Runtime settings from the environment (prefix `MODELWATCH_`), read once, in the CLI."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DB_URL = "sqlite:///modelwatch.db"


class Settings(BaseSettings):
    """`MODELWATCH_DB_URL`, `MODELWATCH_LOG_LEVEL`: what the command line does not say."""

    model_config = SettingsConfigDict(env_prefix="MODELWATCH_", extra="ignore")

    db_url: str = DEFAULT_DB_URL
    log_level: str = "INFO"
