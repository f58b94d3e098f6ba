"""Request bodies in a page's code samples, and the parameters they set.

A code sample is a ``<pre>`` block (or a multi-line ``<code>``), kept apart by the HTML rendering
(`collect_code_blocks`), or a code string in the page's embedded data. A request body in it is:

- a Python call with a ``model=`` or ``messages=`` keyword (``client.chat.completions.create(model=...,
  temperature=0.6, extra_body={...})``; of a class so called, such as LangChain's ``ChatOpenAI(model=...,
  temperature=0)``, only the known request fields: the rest are the client's own settings);
- an object literal after a data argument (``curl -d '{...}'``, ``--data``, ``json=``, ``data=``,
  ``JSON.stringify(...)``, ``body:``), or anywhere when it names a model or carries the input
  (``messages``, ``prompt``, ``input``), unless it is a response (``choices``, ``usage``, ``object``).

JSON, Python and JavaScript literals are read with the standard library's ``json`` and ``ast`` (a
JavaScript object literal is a Python expression once its comments are gone: unquoted keys become names),
and with chompjs for the JavaScript that Python's parser refuses (`parse_literal`).
Nested keys are dotted (``chat_template_kwargs.thinking``), except under a known parameter whose value is
an object (``response_format``) and under an SDK wrapper whose keys are body keys (``extra_body``). The
values shown are kept as the sample's defaults when they are plain literals.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import chompjs

from crawler.extract.vocabulary import NAME, Vocabulary, vocabulary

_MAX_CODE = 200_000  # characters of code read per page
_MAX_ATTEMPTS = 400  # literals tried per sample
_MAX_LITERAL = 50_000  # characters of one literal or call
_MAX_DEPTH = 4
_CODE_BREAKS = frozenset({"br", "div", "p", "li", "tr"})
_INPUT_KEYS = frozenset({"messages", "prompt", "input", "inputs", "contents"})
_RESPONSE_KEYS = frozenset({"choices", "usage", "object", "created", "error", "data", "id"})
_DATA_ANCHOR = re.compile(
    r"(?:(?<![\w-])-d|--data(?:-raw|-binary)?|(?<![\w.])(?:json|data|body)\s*[=:]|JSON\.stringify\(|"
    r"json\.dumps\(|<<\s*'?EOF'?)\s*['\"]?\s*$"
)
_MARKER = re.compile(r"\b(?:model|messages|prompt|inputs?|contents)\b")
_KW_MARKER = re.compile(r"(?<![\w.])(?:model|messages)\s*=(?!=)")
_SPREAD = re.compile(r"([{,])\s*\.\.\.[\w$.]+\s*(?:,|(?=}))")
_SHORTHAND = re.compile(r"([{,]\s*)([A-Za-z_$][\w$]*)(\s*)(?=[,}])")
_CALL = re.compile(r"(?<![\w.])([A-Za-z_][\w.]*)\s*\(")
_CODE_HINT = re.compile(r"curl\s|\.create\(|fetch\(|JSON\.stringify|requests\.post|json\s*=|-d\s+'|--data")


class _Expression:
    """A value written as code (a variable, a call): the key is a parameter, its value no default."""


EXPRESSION = _Expression()
FUNCTION = _Expression()  # a callback (``onChunk: (c) => ...``): a client's hook, not a request field
_FUNCTION_TEXT = re.compile(r"^\s*(?:async\s+)?(?:function\b|\(?[\w$,\s]*\)?\s*=>)")


@dataclass
class Body:
    """One request body in one code sample: where, its text, and the parameters it sets."""

    where: str
    snippet: str
    fields: dict[str, str | None] = field(default_factory=dict)  # dotted name -> the value shown


def read_request_bodies(samples: list[tuple[str, str]], vocab: Vocabulary | None = None) -> list[Body]:
    """The request bodies of code samples given as (where, text) pairs, in page order."""
    vocab = vocab or vocabulary()
    bodies: list[Body] = []
    budget = _MAX_CODE
    for where, text in samples:
        if budget <= 0:
            break
        text = text[:budget]
        budget -= len(text)
        for snippet, value in _bodies(text, vocab):
            fields: dict[str, str | None] = {}
            _flatten(value, vocab, "", fields, 0)
            if fields:
                bodies.append(Body(where=where, snippet=snippet, fields=fields))
    return bodies


def collect_code_blocks(root: Any) -> list[str]:
    """The text of every ``<pre>`` under an lxml element, and of every ``<code>`` outside one that spans
    lines or holds an object literal, with the line breaks that ``<br>`` and block children make."""
    blocks: list[str] = []
    for element in root.iter("pre", "code"):
        if element.tag == "code" and _in_pre(element):
            continue
        text = _code_text(element)
        if element.tag == "code" and "\n" not in text.strip() and "{" not in text:
            continue
        if text.strip():
            blocks.append(text)
    return blocks


def _in_pre(element: Any) -> bool:
    parent = element.getparent()
    for _ in range(8):
        if parent is None:
            return False
        if parent.tag == "pre":
            return True
        parent = parent.getparent()
    return False


def _code_text(element: Any, depth: int = 0) -> str:
    if depth > 40:
        return "".join(element.itertext())
    pieces = [element.text or ""] if isinstance(element.tag, str) else []
    for child in element:
        if isinstance(child.tag, str):
            if child.tag in _CODE_BREAKS:
                pieces.append("\n")
            pieces.append(_code_text(child, depth + 1))
        pieces.append(child.tail or "")
    return "".join(pieces)


def code_strings(blobs: list[Any], limit: int = 50) -> list[str]:
    """Code samples carried as strings in the page's embedded data (a Next.js payload's ``code`` prop)."""
    found: list[str] = []
    stack: list[Any] = list(blobs)
    seen = 0
    while stack and seen < 100_000 and len(found) < limit:
        node = stack.pop()
        seen += 1
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str) and 30 < len(node) < 50_000 and _CODE_HINT.search(node):
            found.append(node)
    return found[::-1]


def _bodies(text: str, vocab: Vocabulary) -> Iterator[tuple[str, Any]]:
    """(snippet, value) for each request body in one sample."""
    if not _MARKER.search(text) and not _DATA_ANCHOR.search(text.replace("\n", " ")):
        return
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        tree = None
    if tree is not None:
        yield from _python_bodies(tree, text, vocab)
        return
    yield from _literal_bodies(text)
    yield from _call_bodies(text, vocab)


def _python_bodies(tree: ast.AST, text: str, vocab: Vocabulary) -> Iterator[tuple[str, Any]]:
    taken: set[int] = set()
    for node in ast.walk(tree):
        if id(node) in taken:
            continue
        value: Any = None
        if isinstance(node, ast.Call):
            value = _request_kwargs(node, vocab)
        elif isinstance(node, ast.Dict):
            converted = _convert(node)
            if isinstance(converted, dict) and _is_request(converted):
                value = converted
        if value is not None:
            taken.update(id(n) for n in ast.walk(node))
            yield ast.get_source_segment(text, node) or "", value


def _request_kwargs(node: ast.Call, vocab: Vocabulary) -> dict[str, Any] | None:
    """A call's keyword arguments when it sends a request (a ``model=`` or ``messages=`` keyword). A class
    so called (LangChain's ``ChatOpenAI(model=..., temperature=0, api_key=...)``) is a client made for
    one model: only its request fields count, never its own settings (api_key, timeout)."""
    if not any(k.arg in ("model", "messages") for k in node.keywords):
        return None
    callee = _callee(node)
    if not callee:
        return None
    found = {k.arg: _convert(k.value) for k in node.keywords if k.arg}
    if callee[0].isupper():
        special = vocab.containers | vocab.flattened
        found = {k: v for k, v in found.items() if vocab.knows(k) or k in special}
    return found or None


def _callee(node: ast.Call) -> str:
    return node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")


def _literal_bodies(text: str) -> Iterator[tuple[str, Any]]:
    closing = _pairs(text, "{", "}")
    attempts, after = 0, -1
    for start, end in sorted(closing.items()):
        if start <= after or attempts >= _MAX_ATTEMPTS:
            continue
        chunk = text[start : end + 1]
        anchored = bool(_DATA_ANCHOR.search(text[max(0, start - 40) : start]))
        if len(chunk) > _MAX_LITERAL or not (anchored or _MARKER.search(chunk)):
            continue
        attempts += 1
        value = parse_literal(chunk)
        if isinstance(value, dict) and (anchored or _is_request(value)) and not _is_response(value):
            yield chunk, value
            after = end


def _call_bodies(text: str, vocab: Vocabulary) -> Iterator[tuple[str, Any]]:
    """Python keyword calls in a sample that is not Python as a whole (a notebook cell with `!pip`)."""
    if not _KW_MARKER.search(text):
        return
    closing = _pairs(text, "(", ")")
    after, attempts = -1, 0
    for match in _CALL.finditer(text):
        open_at = match.end() - 1
        end = closing.get(open_at, -1)
        if open_at <= after or end < 0 or end - open_at > _MAX_LITERAL or attempts >= _MAX_ATTEMPTS:
            continue
        if not _KW_MARKER.search(text, open_at, end):
            continue
        attempts += 1
        call_text = text[match.start() : end + 1]
        try:
            node = ast.parse(call_text.replace("\n", " "), mode="eval").body
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        for call in ast.walk(node):
            value = _request_kwargs(call, vocab) if isinstance(call, ast.Call) else None
            if value is not None:
                yield call_text, value
                after = end
                break


def _is_request(value: dict[str, Any]) -> bool:
    keys = set(value)
    return bool(keys & _INPUT_KEYS or "model" in keys) and not _is_response(value)


def _is_response(value: dict[str, Any]) -> bool:
    return len(set(value) & _RESPONSE_KEYS) >= 2 or "choices" in value


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
        return _convert(ast.parse(text, mode="eval").body)
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


def _convert(node: ast.AST, depth: int = 0) -> Any:
    """An expression as data: literals as they are, JavaScript's true/false/null, anything else code."""
    if depth > 20:
        return EXPRESSION
    if isinstance(node, ast.Constant):
        return EXPRESSION if node.value is Ellipsis else node.value
    if isinstance(node, ast.Name):
        return {"true": True, "false": False, "null": None, "undefined": None}.get(node.id, EXPRESSION)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        inner = _convert(node.operand, depth + 1)
        if isinstance(inner, int | float) and not isinstance(inner, bool):
            return -inner if isinstance(node.op, ast.USub) else inner
        return EXPRESSION
    if isinstance(node, ast.Dict):
        found: dict[str, Any] = {}
        for key, value in zip(node.keys, node.values, strict=True):
            name = _key(key)
            if name is not None:
                found[name] = _convert(value, depth + 1)
        return found
    if isinstance(node, ast.Call) and node.keywords and not node.args and _callee(node)[:1].isupper():
        # a typed settings object (types.GenerateContentConfig(temperature=0.1)) is a dict by keywords
        return {k.arg: _convert(k.value, depth + 1) for k in node.keywords if k.arg}
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return [_convert(item, depth + 1) for item in node.elts]
    return EXPRESSION


def _key(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return node.id
    return None


def _flatten(value: Any, vocab: Vocabulary, prefix: str, fields: dict[str, str | None], depth: int) -> None:
    if not isinstance(value, dict):
        return
    for key, item in value.items():
        if not isinstance(key, str) or not NAME.match(key):
            continue
        if not prefix and key in vocab.left_out:
            continue
        if not prefix and key in vocab.flattened:
            _flatten(item, vocab, "", fields, depth + 1)
            continue
        if item is FUNCTION:
            continue
        name = prefix + key
        nested = isinstance(item, dict) and item and all(isinstance(k, str) and NAME.match(k) for k in item)
        if nested and not vocab.knows(key) and depth < _MAX_DEPTH:
            _flatten(item, vocab, name + ".", fields, depth + 1)
        else:
            fields.setdefault(name, shown(item))


def shown(value: Any) -> str | None:
    """A plain literal as the page shows it (``0.6``, ``true``, ``low``); None for anything else."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, str) and 0 < len(value) <= 40 and "\n" not in value and "<" not in value:
        return value
    return None


def _pairs(text: str, opening: str, closing: str) -> dict[int, int]:
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
