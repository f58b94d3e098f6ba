"""Reading ``modelwatch.toml``: `tomllib`, then the `Config` models, validated whole. Any unknown key or bad
value raises `ConfigError`, whose message names the file and the key path, e.g.
``modelwatch.toml: sources[1].every: invalid duration 'soon' (use e.g. 30s, 5m, 6h, 1d)``.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from monitor.config.errors import ConfigError
from monitor.config.file import Config
from monitor.config.sources import SOURCE_KINDS

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_KINDS = ", ".join(repr(kind) for kind in SOURCE_KINDS)
_TOML_TYPES = {str: "a string", int: "an integer", float: "a float", bool: "a boolean", list: "an array"}


def parse_config(text: str, *, path: str = "<string>") -> Config:
    """Parse and validate the text of a ``modelwatch.toml``; `path` names it in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, [_toml_problem(str(exc), lines=text.count("\n") + 1)]) from None
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(path, [_problem(error) for error in exc.errors()]) from None


def load_config(path: Path) -> Config:
    """Read and validate a configuration file; raises `ConfigError` naming the file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(str(path), [f"cannot read: {exc.strerror or exc}"]) from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), ["cannot read: not UTF-8 text"]) from None
    return parse_config(text, path=str(path))


def _toml_problem(message: str, *, lines: int) -> str:
    if match := re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", message):
        return f"line {match[2]}: invalid TOML: {match[1]} (column {match[3]})"
    if match := re.fullmatch(r"(.*) \(at end of document\)", message):
        return f"line {lines}: invalid TOML: {match[1]} (at the end of the file)"
    return f"invalid TOML: {message}"


def _problem(error: Any) -> str:
    """One pydantic error as ``key.path: message``, in the file's words rather than pydantic's."""
    loc = list(error["loc"])
    # A tagged union puts the tag into the path (sources[0].pages.urls): the file has no such key.
    if len(loc) >= 3 and loc[0] == "sources" and loc[2] in SOURCE_KINDS:
        del loc[2]
    loc = [part for part in loc if part != "[key]"]
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "extra_forbidden":
        message = "unknown key"
    elif kind == "missing":
        message = "required key missing"
    elif kind == "union_tag_not_found":
        loc.append("kind")
        message = f"required key missing (one of {_KINDS})"
    elif kind == "union_tag_invalid":
        loc.append("kind")
        message = f"unknown kind {ctx.get('tag')!r} (expected one of {_KINDS})"
    elif kind in ("model_type", "dict_type", "list_type"):
        message = "must be an array" if kind == "list_type" else "must be a table"
    elif kind == "too_short":
        message = "must not be empty"
    elif kind == "literal_error":
        message = f"invalid value {error['input']!r} (expected {ctx.get('expected')})"
    elif kind == "value_error" and isinstance(ctx.get("error"), ValueError):
        cause = ctx["error"]
        loc.extend(getattr(cause, "key", ()))
        message = str(cause)
    else:
        message = error["msg"][:1].lower() + error["msg"][1:]
        got = _TOML_TYPES.get(type(error["input"]), "a table" if isinstance(error["input"], dict) else None)
        if kind.endswith("_type") and got:  # the type, never the value: it may be a secret
            message += f" (got {got})"
    return f"{_key_path(loc)}: {message}" if loc else message


def _key_path(loc: list[str | int]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if _BARE_KEY.fullmatch(part) else '"' + part.replace('"', '\\"') + '"'
            out += f".{name}" if out else name
    return out
