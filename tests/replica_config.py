"""A `modelwatch.toml` that points at the provider replica: its OpenRouter API and EigenAI's page."""

from __future__ import annotations

from pathlib import Path


def write_config(path: Path, replica_url: str, *, extra: str = "") -> Path:
    """The replica's OpenRouter API and EigenAI page as two sources, with the alias that matches the
    page's model id; `extra` (more TOML, e.g. `[[probes]]`) goes before the aliases."""
    path.write_text(
        f"""
[[sources]]
name = "openrouter"
kind = "openrouter"
base_url = "{replica_url}/api/v1"
every = "1h"

[[sources]]
name = "eigenai"
kind = "pages"
provider = "EigenAI"
urls = ["{replica_url}/deepseek.html"]
every = "1h"
{extra}
[models.aliases]
"deepseek-v31-terminus" = "deepseek/deepseek-v3.1-terminus"
""",
        encoding="utf-8",
    )
    return path
