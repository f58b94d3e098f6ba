"""Secrets stay in the environment: the configuration names variables (``api_key_env``, ``secret_env``) or
references them (``${NAME}`` in alert URLs and headers), and the values are read only where they are used.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Annotated

from pydantic import AfterValidator

_ENV_NAME = re.compile(r"[A-Z_][A-Z0-9_]*")
_ENV_REF = re.compile(r"\$\{([^}]*)\}")


def _env_name(value: str) -> str:
    # The message never repeats the value: if it is a key by mistake, it must not reach a log.
    looks_like_key = len(value) > 64 or (len(value) >= 24 and "_" not in value)
    if not _ENV_NAME.fullmatch(value) or looks_like_key:
        raise ValueError(
            "must be the NAME of an environment variable holding the key (like EIGENAI_API_KEY), "
            "never the key itself"
        )
    return value


#: The name of an environment variable that holds a secret (never the secret itself).
EnvName = Annotated[str, AfterValidator(_env_name)]


def expand_env(text: str, environ: Mapping[str, str] | None = None) -> str:
    """Replace each ``${NAME}`` in `text` with the environment variable's value.

    Raises `ValueError` naming the variable (never a value) when one is unset or the name is invalid.
    Secrets stay in the environment: the configuration, the database and the logs hold the reference.
    """
    env = os.environ if environ is None else environ

    def value(match: re.Match[str]) -> str:
        name = match[1]
        if not _ENV_NAME.fullmatch(name):
            raise ValueError(f"invalid environment variable reference ${{{name}}} (use ${{NAME}})")
        if name not in env:
            raise ValueError(f"environment variable {name} is not set (referenced as ${{{name}}})")
        return env[name]

    return _ENV_REF.sub(value, text)
