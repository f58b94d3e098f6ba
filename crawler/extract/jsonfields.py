"""Typed reads of a JSON API's objects: a value of the wrong type is an `ExtractError` naming its key path.

Pure; used by the extractors of JSON sources (`crawler.extract.openrouter`).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any


class ExtractError(ValueError):
    """A body or value that does not have the shape the API documents; says what and where."""


class JsonFields:
    """Typed reads of one JSON object's keys; a wrong type raises `ExtractError` naming the key path."""

    def __init__(self, obj: Any, where: str) -> None:
        if not isinstance(obj, dict):
            raise ExtractError(f"{where}: not an object: {short(obj)}")
        self.obj: dict[str, Any] = obj
        self.where = where

    def at(self, key: str) -> str:
        return f"{self.where}.{key}"

    def get(self, key: str) -> Any:
        return self.obj.get(key)

    def sub(self, key: str) -> JsonFields:
        """A nested object; absent or null reads as empty."""
        value = self.obj.get(key)
        return JsonFields({} if value is None else value, self.at(key))

    def _bad(self, key: str, what: str) -> ExtractError:
        return ExtractError(f"{self.at(key)}: not {what}: {short(self.obj[key])}")

    def integer(self, key: str) -> int | None:
        value = self.obj.get(key)
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise self._bad(key, "an integer")
        return value

    def number(self, key: str) -> float | None:
        value = self.obj.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise self._bad(key, "a number")
        return None if value is None else float(value)

    def text(self, key: str) -> str | None:
        value = self.obj.get(key)
        if value is not None and not isinstance(value, str):
            raise self._bad(key, "a string")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.obj.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._bad(key, "a list of strings")
        return tuple(value)

    def percentiles(self, key: str) -> dict[str, float] | None:
        """``{"p50": ..., "p90": ...}``; null percentiles are left out, an empty result is None."""
        if self.obj.get(key) is None:
            return None
        sub = self.sub(key)
        out = {str(k): sub.number(k) for k in sub.obj}
        return {k: v for k, v in out.items() if v is not None} or None

    def day(self, key: str) -> date | None:
        """A unix timestamp (seconds) as its UTC date."""
        value = self.obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._bad(key, "a unix timestamp")
        try:
            return datetime.fromtimestamp(value, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            raise self._bad(key, "a unix timestamp") from None


def response_data(body: bytes | str, *, where: str, kind: type) -> Any:
    """The ``data`` member of a JSON response body, which must be a `kind` (list or dict)."""
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ExtractError(f"{where}: not JSON: {exc}") from None
    if not isinstance(doc, dict) or "data" not in doc:
        raise ExtractError(f"{where}: expected an object with 'data', got {short(doc)}")
    if not isinstance(doc["data"], kind):
        expected = "a list" if kind is list else "an object"
        raise ExtractError(f"{where}: data: expected {expected}, got {short(doc['data'])}")
    return doc["data"]


def short(value: Any) -> str:
    """A value's repr cut to 80 characters, for error messages."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
