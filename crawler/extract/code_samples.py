"""Request bodies in a page's code samples, and the parameters they set.

A code sample is a ``<pre>`` block (or a multi-line ``<code>``), kept apart by the HTML rendering
(`collect_code_blocks`), or a code string in the page's embedded data. A request body in it is:

- a Python call with a ``model=`` or ``messages=`` keyword (``client.chat.completions.create(model=...,
  temperature=0.6, extra_body={...})``; of a class so called, such as LangChain's ``ChatOpenAI(model=...,
  temperature=0)``, only the known request fields: the rest are the client's own settings);
- an object literal after a data argument (``curl -d '{...}'``, ``--data``, ``json=``, ``data=``,
  ``JSON.stringify(...)``, ``body:``), or anywhere when it names a model or carries the input
  (``messages``, ``prompt``, ``input``), unless it is a response (``choices``, ``usage``, ``object``).

Literals, in JSON, Python or JavaScript, are read by `crawler.extract.literals`.
Nested keys are dotted (``chat_template_kwargs.thinking``), except under a known parameter whose value is
an object (``response_format``) and under an SDK wrapper whose keys are body keys (``extra_body``). The
values shown are kept as the sample's defaults when they are plain literals.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from crawler.extract.literals import FUNCTION, callee, closing_pairs, convert, parse_literal, shown
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
_CALL = re.compile(r"(?<![\w.])([A-Za-z_][\w.]*)\s*\(")
_CODE_HINT = re.compile(r"curl\s|\.create\(|fetch\(|JSON\.stringify|requests\.post|json\s*=|-d\s+'|--data")


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
            converted = convert(node)
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
    name = callee(node)
    if not name:
        return None
    found = {k.arg: convert(k.value) for k in node.keywords if k.arg}
    if name[0].isupper():
        special = vocab.containers | vocab.flattened
        found = {k: v for k, v in found.items() if vocab.knows(k) or k in special}
    return found or None


def _literal_bodies(text: str) -> Iterator[tuple[str, Any]]:
    closing = closing_pairs(text, "{", "}")
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
    closing = closing_pairs(text, "(", ")")
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
