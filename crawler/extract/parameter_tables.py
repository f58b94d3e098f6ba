"""Request parameters documented in tables: real ``<table>``s whose header names a parameter column
(``Name``/``Parameter``/``Field``) and a ``Type``, ``Default``, ``Required`` or ``Description`` column, and
the same tables after a text rendering: spaced (``frequency_penalty number Penalize ...``), glued by a
renderer that lost the cell boundaries (``temperaturefloat1This setting ...``, split with a vocabulary of
type names) and markdown pipes. A default of ``—`` means "none" and is not recorded.
"""

from __future__ import annotations

import re

from crawler.extract.vocabulary import vocabulary

_TYPES = (
    "string or object|string or array|array of strings|array of objects|one of|boolean|integer|number|"
    "string|object|array|float|double|map|enum|bool|int|dict|list|null|any|file|json"
)
_GLUED_ROW = re.compile(
    rf"^(?P<name>[a-z_][a-z0-9_.]*?)\s*(?:deprecated\s*)?(?P<type>{_TYPES})(?![a-z])(?P<rest>.*)$"
)
_SPACED_ROW = re.compile(
    rf"^`?(?P<name>[A-Za-z_][\w.\[\]]*)`?\*?\s+(?:\((?:optional|required)\)\s+|deprecated\s+|optional\s+|required\s+)*"
    rf"(?P<type>{_TYPES})(?![a-z])(?P<rest>.*)$",
    re.I,
)
_DEFAULT = re.compile(r"^\s*(?P<value>—|–|-(?!\d)|null|none|true|false|-?\d+(?:\.\d+)?|\"[^\"]*\"|\[\]|\{\})")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(?:\[\])?$")
_NAME_HEADERS = ("parameter", "param", "name", "field", "argument", "key", "option")
_NO_DEFAULT = {"", "—", "–", "-", "n/a"}


def read_parameter_tables(
    tables: list[list[list[str]]], lines: list[str]
) -> tuple[list[str], dict[str, str]]:
    """Parameter names in tables (page order, no duplicates) and the defaults shown for them."""
    names: list[str] = []
    defaults: dict[str, str] = {}
    for table in tables:
        _read_table(table, names, defaults)
    if not names:
        _read_text(lines, names, defaults)
    return names, defaults


def _columns(header: list[str]) -> dict[str, int] | None:
    cells = [cell.strip().lower() for cell in header]
    name_col = next(
        (i for i, c in enumerate(cells) if c in _NAME_HEADERS or c.rstrip("s") in _NAME_HEADERS), None
    )
    if name_col is None or any("price" in c or "cost" in c for c in cells):
        return None
    found = {"name": name_col}
    for key in ("type", "default", "required", "description"):
        index = next((i for i, c in enumerate(cells) if c.startswith(key)), None)
        if index is not None:
            found[key] = index
    return found if len(found) > 1 else None


def _read_table(table: list[list[str]], names: list[str], defaults: dict[str, str]) -> None:
    if len(table) < 2:
        return
    columns = _columns(table[0])
    if columns is None:
        return
    for row in table[1:]:
        if len(row) <= columns["name"]:
            continue
        words = row[columns["name"]].replace("`", "").split()
        default = row[columns["default"]] if "default" in columns and len(row) > columns["default"] else None
        _add(names, defaults, words[0].rstrip("*") if words else "", default)


def _add(names: list[str], defaults: dict[str, str], name: str, default: str | None) -> None:
    if not _NAME.match(name) or name in vocabulary().left_out:
        return
    if name not in names:
        names.append(name)
    if default is not None and default.strip().lower() not in _NO_DEFAULT:
        defaults.setdefault(name, default.strip())


def _header_kind(line: str) -> str | None:
    if not line.lstrip("| \t")[:5].lower().startswith(("name", "param", "field")):
        return None  # most lines: no need to squash them
    squashed = re.sub(r"[\s|]+", "", line).lower()
    if not squashed.startswith(("name", "parameter", "param", "field")) or "type" not in squashed[:20]:
        return None
    return "markdown" if "|" in line else "default" if "default" in squashed else "plain"


def _read_text(lines: list[str], names: list[str], defaults: dict[str, str]) -> None:
    for index, line in enumerate(lines):
        kind = _header_kind(line)
        if kind == "markdown":
            _read_markdown(line, lines[index + 1 :], names, defaults)
        elif kind is not None:
            for row in lines[index + 1 :]:
                if not _read_row(row[:2000], kind == "default", names, defaults):
                    break


def _read_row(row: str, has_default: bool, names: list[str], defaults: dict[str, str]) -> bool:
    row = row.replace("\t", " ").strip()
    match = _SPACED_ROW.match(row) or _GLUED_ROW.match(row)
    if not match:
        return False
    default = None
    if has_default:
        value = _DEFAULT.match(match.group("rest"))
        default = value.group("value") if value else None
    _add(names, defaults, match.group("name"), default)
    return True


def _read_markdown(header: str, rest: list[str], names: list[str], defaults: dict[str, str]) -> None:
    head = [c.strip().lower() for c in header.strip().strip("|").split("|")]
    columns = _columns(head)
    if columns is None:
        return
    body: list[str] = []
    for line in rest:
        if "|" not in line:
            break
        body.append(line)
    if body and all(line.strip().startswith("|") for line in body):
        rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in body]
    else:
        cells = [c.strip() for c in " ".join(body).split("|")]
        cells = [c for c in cells if c and not set(c) <= set("-: ")]
        rows = [cells[i : i + len(head)] for i in range(0, len(cells), len(head))]
    for row in rows:
        if not row or set(row[0]) <= set("-: "):
            continue
        table_row = [cell.replace("`", "") for cell in row]
        default = (
            table_row[columns["default"]] if "default" in columns and len(row) > columns["default"] else None
        )
        _add(
            names,
            defaults,
            table_row[columns["name"]].split()[0] if table_row[columns["name"]] else "",
            default,
        )
