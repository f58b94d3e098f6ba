"""The data a page's scripts carry for its framework, read as structure without running any script.

A page drawn by JavaScript usually ships what it draws beside the code: Next.js as ``__NEXT_DATA__``
(pages router) or as React Server Component rows pushed with ``self.__next_f.push([1, "..."])`` (app
router), Nuxt as ``window.__NUXT__`` (an object literal, often returned by a function whose arguments hold
the repeated values) or as ``__NUXT_DATA__`` (devalue's flat array), Apollo as ``__APOLLO_STATE__``, and
hand-written apps as ``window.__INITIAL_STATE__ = {...}`` or ``const models = [...]``. `read_scripts`
turns them into `Embedded` values, each labelled with where it came from (``next_f payload, row 4``,
``window.__NUXT__``); `crawler.extract.structured` finds the model records in them.

JavaScript object literals go through chompjs after two local rewrites: the minifier's ``!0``/``!1``/
``void 0`` become ``true``/``false``/``null``, and a function's parameters used as values are replaced by
the arguments it is called with. Nothing is executed. Whatever does not parse is left out, never an
exception; each script and literal is bounded in size, so a 10 MB bundle costs one regular-expression scan.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import chompjs

MAX_SCRIPT = 5_000_000  # characters: a bigger script is a bundle, not data
MAX_LITERALS = 40  # object literals parsed per page
MAX_NEXT_F = 20_000_000  # characters of Next.js payload per page
_MAX_RESOLVED = 200_000  # nodes of an Apollo store written out with its links followed

_JSON_IDS = frozenset({"__NEXT_DATA__", "__NUXT_DATA__", "__APOLLO_STATE__", "__remixContext"})
_JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module", "text/ecmascript"})
_NEXT_F = re.compile(r"self\.__next_f\.push\(\[\s*1\s*,\s*(\"(?:[^\"\\]|\\.)*\")\s*\]\)", re.S)
_ASSIGN = re.compile(
    r"(?:\b(?:window|self|globalThis)\s*(?:\.\s*(?P<prop>[A-Za-z_$][\w$]*)|\[\s*[\"'](?P<key>[\w$]+)[\"']\s*\])"
    r"|\b(?P<decl>var|let|const)\s+(?P<var>[A-Za-z_$][\w$]*))\s*=(?![=>])\s*"
    # only values that can be data: a bundle's thousands of `var a=t.map(...)` are skipped by the scan
    r"(?=[{\[(]|function|JSON\.parse)"
)
# where an assignment can start, one pattern a keyword: a pattern led by a plain word is scanned for fast
# (the whole pattern above, led by \b, is tried position by position: 10 MB/s), and each one rules out in
# the regex engine what `_ASSIGN` would (a bundle's thousands of `var a=t.map(...)`), not one by one in Python
_ASSIGN_STARTS = [re.compile(rf"{word}\s*[.\[]") for word in ("window", "self", "globalThis")] + [
    re.compile(rf"{word}\s+[A-Za-z_$][\w$]*\s*=(?![=>])\s*(?=[{{\[(]|function|JSON\.parse)")
    for word in ("var", "let", "const")
]
_JSON_PARSE = re.compile(r"JSON\.parse\(\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')\s*\)", re.S)
_FUNCTION = re.compile(r"\(?\s*function\s*[\w$]*\s*\(([^()]*)\)\s*\{")
_RETURN = re.compile(r"\breturn\s*(?=[{\[])")
_CALL_ARGS = re.compile(r"\s*\)?\s*\(")
# Tokens of a JavaScript literal: strings and comments (kept whole), brackets, identifiers, minified values.
_BRACKETS = re.compile(
    r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|//[^\n]*|/\*.*?\*/|[{}\[\]()]", re.S
)
_VALUES = re.compile(
    r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`"
    r"|(?<![\w$.])(?P<void>void\s+0)(?![\w.])|(?<![\w$.])(?P<name>[A-Za-z_$][\w$]*)(?![\w$])"
    r"|(?<![\w$)\]])!\s*(?P<bool>[01])(?![\w.])",
    re.S,
)
_OPEN = {"{": "}", "[": "]", "(": ")"}
_CONSTANTS: dict[str, Any] = {"true": True, "false": False, "null": None, "undefined": None}
_MARK = "\u0001mw-value:"  # a marked string of `_js_literal`: a value put back after parsing
_ROW = re.compile(r"([0-9a-f]{1,8}):")
_TAGGED = re.compile(r"[A-Z]{1,2}[\[{\"]")  # I[...] imports, HL[...] hints, E{...} errors: no data
_TEXT_ROW = re.compile(r"T([0-9a-f]{1,8}),")
_DEVALUE_WRAPPERS = frozenset(
    {"Reactive", "ShallowReactive", "Ref", "ShallowRef", "EmptyRef", "EmptyShallowRef"}
)


@dataclass(frozen=True)
class Embedded:
    """One value a page's scripts carry: where it came from (a short locator) and the parsed value."""

    label: str
    value: Any


@dataclass
class ScriptData:
    """What a page's scripts hold: schema.org JSON-LD items, and the framework's data as `Embedded`."""

    json_ld: list[Any]
    embedded: list[Embedded]


def read_scripts(scripts: Iterable[tuple[str, str, str]]) -> ScriptData:
    """The data in a page's ``<script>`` elements, given as (type, id, text) in page order."""
    found = ScriptData(json_ld=[], embedded=[])
    next_f: list[str] = []
    literals = 0
    for kind, script_id, text in scripts:
        kind = kind.strip().lower()
        if not text.strip() or len(text) > MAX_SCRIPT:
            continue
        # JSON by its type, by a framework's id, or a data block under a type of its own
        # (text/x-magento-init and the like) that holds JSON
        if "json" in kind or script_id in _JSON_IDS or (kind not in _JS_TYPES and text.lstrip()[:1] in "{["):
            value = _json(text)
            if value is None:
                continue
            if "ld+json" in kind:
                found.json_ld.append(value)
            else:
                label = f"script#{script_id}" if script_id else f"script {kind or 'json'}"
                value = _devalue(value) if _is_devalue(script_id, value) else _resolve_refs(value)
                found.embedded.append(Embedded(label, value))
        elif kind in _JS_TYPES:
            if "__next_f" in text:
                next_f.extend(_next_f_chunks(text))
            if literals < MAX_LITERALS and "=" in text:
                for item in _assignments(text):
                    found.embedded.append(Embedded(item.label, _resolve_refs(item.value)))
                    literals += 1
    if next_f:
        found.embedded.extend(read_next_f("".join(next_f)[:MAX_NEXT_F]))
    return found


def embedded_lines(items: list[Embedded], limit: int = 200) -> list[str]:
    """The lines of the strings in embedded data that hold an address (a code sample carried as a prop,
    an ``endpoint`` value), for the finders that read text, such as the API endpoints'."""
    lines: list[str] = []
    stack: list[Any] = [item.value for item in items]
    seen = found = 0
    while stack and seen < 200_000 and found < limit:
        node = stack.pop()
        seen += 1
        if isinstance(node, dict):
            stack.extend(reversed(list(node.values())))
        elif isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, str) and "://" in node and len(node) < 50_000:
            lines.extend(line for line in node.splitlines() if "://" in line)
            found += 1
    return lines


# -- Next.js app router: React Server Component rows -------------------------------------------------------


def _next_f_chunks(text: str) -> list[str]:
    chunks = []
    for match in _NEXT_F.finditer(text):
        try:
            chunk = json.loads(match.group(1))
        except ValueError:
            continue
        if isinstance(chunk, str):
            chunks.append(chunk)
    return chunks


def read_next_f(payload: str) -> list[Embedded]:
    """The JSON rows of a Next.js app-router payload (the ``self.__next_f`` string chunks, joined):
    ``id:JSON`` rows, ``id:T<hex length>,<text>`` text rows; import and hint rows carry no data. A row that
    is not JSON gives the JSON objects found in it."""
    found: list[Embedded] = []
    pos, end = 0, len(payload)
    while pos < end:
        row = _ROW.match(payload, pos)
        if row is None:  # not a row start: skip the line
            newline = payload.find("\n", pos)
            pos = end if newline < 0 else newline + 1
            continue
        row_id, pos = row.group(1), row.end()
        text_row = _TEXT_ROW.match(payload, pos)
        if text_row is not None:
            start = text_row.end()
            size = int(text_row.group(1), 16)
            text = payload[start : start + size].encode("utf-8")[:size].decode("utf-8", "ignore")
            pos = start + len(text)
            if text.strip():
                found.append(Embedded(f"next_f payload, text row {row_id}", text))
            continue
        newline = payload.find("\n", pos)
        line = payload[pos : end if newline < 0 else newline]
        pos = end if newline < 0 else newline + 1
        if not line or _TAGGED.match(line):
            continue
        label = f"next_f payload, row {row_id}"
        value = _json(line)
        if isinstance(value, dict | list):
            found.append(Embedded(label, value))
        elif value is None and ("{" in line or "[" in line):
            found.extend(Embedded(label, part) for part in _js_objects(line))
    return found


# -- JavaScript assignments: window.__X__ = {...}, const models = [...], JSON.parse('...'), IIFEs ------------


def _assignments(text: str) -> list[Embedded]:
    found: list[Embedded] = []
    for match in _assignment_matches(text):
        name = match.group("prop") or match.group("key")
        label = f"window.{name}" if name else f"{match.group('decl')} {match.group('var')}"
        start = match.end()
        head = text[start : start + 1]
        value: Any = None
        if head in ("{", "["):
            stop = _extent(text, start)
            value = _js_literal(text[start:stop]) if stop else None
        elif text.startswith("JSON.parse", start):
            parsed = _JSON_PARSE.match(text, start)
            value = _json(_js_string(parsed.group(1))) if parsed else None
        elif head == "(" or text.startswith("function", start):
            value = _returned_literal(text, start)
        if isinstance(value, dict | list) and value:
            found.append(Embedded(label, value))
        if len(found) >= MAX_LITERALS:
            break
    return found


def _assignment_matches(text: str) -> Iterator[re.Match[str]]:
    """`_ASSIGN.finditer(text)`, faster: the pattern is tried only where an assignment can start."""
    candidates = sorted(m.start() for pattern in _ASSIGN_STARTS for m in pattern.finditer(text))
    after = 0
    for candidate in candidates:
        if candidate < after:
            continue
        match = _ASSIGN.match(text, candidate)  # its \b sees the character before
        if match is not None:
            after = match.end()
            yield match


def _returned_literal(text: str, start: int) -> Any:
    """The object a called function expression returns, its parameters replaced by the call's arguments:
    ``(function(a,b){return {x:a}}(1,2))`` -> ``{"x": 1}``; None when the form is not that."""
    function = _FUNCTION.match(text, start)
    if function is None:
        return None
    body = function.end() - 1
    body_end = _extent(text, body)
    if not body_end:
        return None
    returned = _RETURN.search(text, body, body_end)
    if returned is None:
        return None
    literal_end = _extent(text, returned.end())
    if not literal_end:
        return None
    params = [p.strip() for p in function.group(1).split(",") if p.strip()]
    arguments: list[Any] = []
    call = _CALL_ARGS.match(text, body_end)
    if call is not None:
        call_end = _extent(text, call.end() - 1)
        parsed = _js_literal("[" + text[call.end() : call_end - 1] + "]") if call_end else None
        arguments = parsed if isinstance(parsed, list) else []
    values = {name: arguments[i] if i < len(arguments) else None for i, name in enumerate(params)}
    return _js_literal(text[returned.end() : literal_end], values)


def _extent(text: str, start: int) -> int:
    """The index just past the bracket that closes the one at ``start`` (strings and comments skipped),
    or 0 when it is never closed."""
    if text[start : start + 1] not in _OPEN:
        return 0
    depth = 0
    for token in _BRACKETS.finditer(text, start):
        char = token.group(0)
        if char in "{[(":
            depth += 1
        elif char in "}])":
            depth -= 1
            if depth == 0:
                return token.end()
    return 0


def _js_literal(literal: str, values: dict[str, Any] | None = None) -> Any:
    """A JavaScript object or array literal as Python values (None when it does not parse).

    chompjs reads the literal; the values it reads unreliably (bare ``true``/``false``/``null`` next to
    some characters come out as strings) and the function arguments are handed to it as marked strings and
    put back afterwards."""
    if len(literal) > MAX_SCRIPT:
        return None
    plain = _json(literal)  # many literals are JSON already
    if plain is not None:
        return plain
    known = values or {}
    slots: list[Any] = [True, False, None]

    def slot(value: Any) -> str:
        if value is True or value is False or value is None:
            index = (True, False, None).index(value)
        else:
            index = len(slots)
            slots.append(value)
        return f'"\\u0001mw-value:{index}"'

    def rewrite(token: re.Match[str]) -> str:
        if token.group("bool") is not None:
            return slot(token.group("bool") == "0")
        if token.group("void") is not None:
            return slot(None)
        name = token.group("name")
        if name is None or not _is_value_position(literal, token.start(), token.end()):
            return token.group(0)
        if name in _CONSTANTS:
            return slot(_CONSTANTS[name])
        return slot(known[name]) if name in known else token.group(0)

    try:
        parsed: Any = chompjs.parse_js_object(_VALUES.sub(rewrite, literal))
    except (ValueError, TypeError, RecursionError, MemoryError):
        return None
    return _put_back(parsed, slots)


def _put_back(value: Any, slots: list[Any]) -> Any:
    """``value`` with the marked strings of `_js_literal` replaced by what they stand for."""
    if isinstance(value, str):
        if value.startswith(_MARK) and value[len(_MARK) :].isdigit():
            index = int(value[len(_MARK) :])
            return slots[index] if index < len(slots) else None
        return value
    if isinstance(value, dict):
        return {key: _put_back(item, slots) for key, item in value.items()}
    if isinstance(value, list):
        return [_put_back(item, slots) for item in value]
    return value


def _is_value_position(text: str, start: int, end: int) -> bool:
    """An identifier stands alone as a value: after ``:``, ``,``, ``[`` or ``(``, before ``,``, ``}``, ``]``
    or ``)`` (not a key, not part of an expression)."""
    before = start - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    after = end
    while after < len(text) and text[after].isspace():
        after += 1
    return before >= 0 and text[before] in ":,[(" and after < len(text) and text[after] in ",}])"


def _js_objects(text: str) -> list[Any]:
    try:
        values: list[Any] = list(chompjs.parse_js_objects(text, omitempty=True))
        return [v for v in values if isinstance(v, dict | list)]
    except (ValueError, TypeError, RecursionError, MemoryError):
        return []


def _js_string(literal: str) -> str:
    """A quoted JavaScript string literal's text."""
    if literal.startswith("'"):
        literal = '"' + literal[1:-1].replace('\\"', '"').replace("\\'", "'").replace('"', '\\"') + '"'
    try:
        value = json.loads(literal)
    except ValueError:
        return ""
    return value if isinstance(value, str) else ""


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


# -- Nuxt 3: devalue's flat array -------------------------------------------------------------------------


def _is_devalue(script_id: str, value: Any) -> bool:
    if not isinstance(value, list) or len(value) < 2:
        return False
    head = value[0]
    wrapped = isinstance(head, list) and len(head) == 2 and head[0] in _DEVALUE_WRAPPERS
    return script_id == "__NUXT_DATA__" or wrapped


def _devalue(values: list[Any]) -> Any:
    """devalue's flat array (every object's values are indexes into it) as nested values."""
    done: dict[int, Any] = {}

    def get(index: Any, depth: int) -> Any:
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(values):
            return None  # -1 undefined, -2 a hole, -3.. NaN and infinities
        if index in done:
            return done[index]
        if depth > 100:
            return None
        item = values[index]
        if isinstance(item, dict):
            mapping: dict[str, Any] = {}
            done[index] = mapping
            mapping.update((key, get(value, depth + 1)) for key, value in item.items())
            return mapping
        if isinstance(item, list) and item and isinstance(item[0], str):
            tag, rest = item[0], item[1:]
            if tag in _DEVALUE_WRAPPERS:
                done[index] = get(rest[0], depth + 1) if rest else None
            elif tag == "Date":
                done[index] = rest[0] if rest else None
            elif tag in ("Set", "Object"):
                done[index] = [get(v, depth + 1) for v in rest]
            elif tag == "Map":
                pairs = zip(rest[::2], rest[1::2], strict=False)
                done[index] = {str(get(k, depth + 1)): get(v, depth + 1) for k, v in pairs}
            elif tag == "null":  # an object without prototype: its keys are written out
                pairs = zip(rest[::2], rest[1::2], strict=False)
                done[index] = {str(k): get(v, depth + 1) for k, v in pairs}
            else:
                done[index] = None
            return done[index]
        if isinstance(item, list):
            array: list[Any] = []
            done[index] = array
            array.extend(get(v, depth + 1) for v in item)
            return array
        done[index] = item
        return item

    return get(0, 0)


# -- Apollo's normalised cache: {"Model:1": {..., "pricing": {"__ref": "Pricing:7"}}, ...} -------------------


def _resolve_refs(value: Any) -> Any:
    """An Apollo-style normalised store with its ``{"__ref": key}`` links replaced by the objects they name
    (a few levels deep, within a bounded number of nodes); any other value as it is."""
    if not isinstance(value, dict) or not any(
        isinstance(v, dict) and "__typename" in v for v in list(value.values())[:50]
    ):
        return value
    budget = [_MAX_RESOLVED]

    def resolve(node: Any, depth: int) -> Any:
        budget[0] -= 1
        if budget[0] <= 0 or depth > 6:
            return node
        if isinstance(node, dict):
            ref = node.get("__ref")
            if isinstance(ref, str) and len(node) == 1 and isinstance(value.get(ref), dict):
                return resolve(value[ref], depth + 1)
            return {k: resolve(v, depth + 1) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v, depth + 1) for v in node]
        return node

    return {key: resolve(item, 0) for key, item in value.items()}
