"""The value types every section shares: names, non-blank text, http(s) URLs, and the strictness of
every section (unknown keys refused, no coercion, frozen)."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, ConfigDict

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")

#: Every section's pydantic settings: an unknown key is an error, a value of the wrong type too.
STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)


def http_url(value: str) -> str:
    """A validator: `value` is an http(s) URL (raises `ValueError` naming it otherwise)."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise ValueError(f"not an http(s) URL: {value!r}")
    return value


def _name(value: str) -> str:
    if not _NAME.fullmatch(value):
        raise ValueError(f"invalid name {value!r} (letters, digits, '.', '_', '-'; no spaces)")
    return value


def not_blank(value: str) -> str:
    """A validator: `value` holds more than white space."""
    if not value.strip():
        raise ValueError("must not be empty")
    return value


HttpUrl = Annotated[str, AfterValidator(http_url)]
Name = Annotated[str, AfterValidator(_name)]
Text = Annotated[str, AfterValidator(not_blank)]
