"""Object literals as the code samples of pages write them, as Python data: JSON, Python dicts and calls,
and JavaScript object literals.

JSON first, then Python's own parser (`ast`: Python literals, and JavaScript ones once their comments
are gone and their shorthand properties and spreads rewritten, since unquoted keys are names to it), then
chompjs for the JavaScript that Python's parser refuses (arrow functions, ``?.``, ``??``, ``!0``). A value
written as code (a variable, a call, an arrow function) is `EXPRESSION` (or `FUNCTION`): its key is
there, its value is no default.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Any

import chompjs

_SPREAD = re.compile(r"([{,])\s*\.\.\.[\w$.]+\s*(?:,|(?=}))")
_SHORTHAND = re.compile(r"([{,]\s*)([A-Za-z_$][\w$]*)(\s*)(?=[,}])")


class _Expression:
    """A value written as code (a variable, a call): the key is a parameter, its value no default."""


EXPRESSION = _Expression()
FUNCTION = _Expression()  # a callback (``onChunk: (c) => ...``): a client's hook, not a request field
_FUNCTION_TEXT = re.compile(r"^\s*(?:async\s+)?(?:function\b|\(?[\w$,\s]*\)?\s*=>)")


def parse_literal(chunk: str) -> Any:
    """A JSON, Python or JavaScript object literal as Python data (code in it: `EXPRESSION`), or None.

    JSON first, then Python's own parser (Python literals, and JavaScript ones once their comments are
    gone, and with JavaScript's shorthand properties and spreads rewritten), then chompjs for the JavaScript
    that Python does not parse (arrow functions, ``?.``, ``??``, ``!0``)."""
    try:
        return json.loads(chunk)
    except (ValueError, RecursionError):
        pass
    plain = _without_comments(chunk).strip()
    rewritten = _SHORTHAND.sub(r"\1\2: \2\3", _SPREAD.sub(r"\1", plain))
    for candidate in (chunk.strip(), plain, rewritten):
        value = _python_literal(candidate)
        if value is not None:
            return value
    for candidate in (plain, rewritten):
        value = _chompjs_literal(candidate)
        if value is not None:
            return value
    return None


def _python_literal(text: str) -> Any:
    try:
        node = ast.parse(text, mode="eval").body
    except (SyntaxError, ValueError, TypeError, RecursionError, MemoryError):
        return None
    try:
        return None if isinstance(node, ast.Set) else convert(node)  # "{ a b }" is a set to Python
    except (SyntaxError, ValueError, TypeError, RecursionError, MemoryError):
        return None


def _chompjs_literal(text: str) -> Any:
    """chompjs's reading, with the values it gives as strings but the page wrote as code (``opts.max ??
    512``, ``!0``) made `EXPRESSION`: only quoted strings are strings."""
    try:
        value: Any = chompjs.parse_js_object(text)
    except (ValueError, TypeError, RecursionError, MemoryError):
        return None
    return _quoted_only(value, text) if isinstance(value, dict) else None


def _quoted_only(value: Any, source: str) -> Any:
    if isinstance(value, dict):
        return {k: _quoted_only(v, source) for k, v in value.items()}
    if isinstance(value, list):
        return [_quoted_only(v, source) for v in value]
    if isinstance(value, str) and not any(q + value + q in source for q in "\"'`"):
        return FUNCTION if _FUNCTION_TEXT.match(value) else EXPRESSION
    return value


def convert(node: ast.AST, depth: int = 0) -> Any:
    """An expression as data: literals as they are, JavaScript's true/false/null, anything else code."""
    if depth > 20:
        return EXPRESSION
    if isinstance(node, ast.Constant):
        return EXPRESSION if node.value is Ellipsis else node.value
    if isinstance(node, ast.Name):
        return {"true": True, "false": False, "null": None, "undefined": None}.get(node.id, EXPRESSION)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = convert(node.operand, depth + 1)
        if isinstance(inner, int | float) and not isinstance(inner, bool):
            return -inner if isinstance(node.op, ast.USub) else inner
        return EXPRESSION
    if isinstance(node, ast.Dict):
        found: dict[str, Any] = {}
        for key, value in zip(node.keys, node.values, strict=True):
            name = _key(key)
            if name is not None:
                found[name] = convert(value, depth + 1)
        return found
    if isinstance(node, ast.Call) and node.keywords and not node.args and callee(node)[:1].isupper():
        # a typed settings object (types.GenerateContentConfig(temperature=0.1)) is a dict by keywords
        return {k.arg: convert(k.value, depth + 1) for k in node.keywords if k.arg}
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return [convert(item, depth + 1) for item in node.elts]
    return EXPRESSION


def _key(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return node.id
    return None


def callee(node: ast.Call) -> str:
    return node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")


def shown(value: Any) -> str | None:
    """A plain literal as the page shows it (``0.6``, ``true``, ``low``); None for anything else."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, str) and 0 < len(value) <= 40 and "\n" not in value and "<" not in value:
        return value
    return None


def closing_pairs(text: str, opening: str, closing: str) -> dict[int, int]:
    """Where each `opening` bracket of `text` closes, in one pass; unclosed ones are left out. Double-quoted
    strings are skipped; single quotes are not, as a shell's ``-d '{...}'`` holds the body in them."""
    found: dict[int, int] = {}
    stack: list[int] = []
    index, end = 0, len(text)
    while index < end:
        char = text[index]
        if char == '"':
            index = _string_end(text, index, end)
        elif char == opening:
            stack.append(index)
        elif char == closing and stack:
            found[stack.pop()] = index
        index += 1
    return found


def _string_end(text: str, start: int, end: int) -> int:
    quote = text[start]
    index = start + 1
    while index < end:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == quote or (char == "\n" and quote != "`"):
            return index
        index += 1
    return end


def _without_comments(chunk: str) -> str:
    """A JavaScript literal without its ``//`` and ``/* */`` comments, its template literals as plain
    strings (other strings kept whole)."""
    out: list[str] = []
    index = 0
    while index < len(chunk):
        char = chunk[index]
        if char in "\"'`":
            end = _string_end(chunk, index, len(chunk))
            string = chunk[index : end + 1]
            # a template literal is a string to Python once quoted as one (its ${...} kept as text)
            out.append(json.dumps(string[1:-1]) if char == "`" else string)
            index = end + 1
        elif chunk.startswith("//", index):
            newline = chunk.find("\n", index)
            index = len(chunk) if newline < 0 else newline
        elif chunk.startswith("/*", index):
            close = chunk.find("*/", index + 2)
            index = len(chunk) if close < 0 else close + 2
        else:
            out.append(char)
            index += 1
    return "".join(out)
