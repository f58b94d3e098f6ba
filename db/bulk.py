"""Bulk INSERT of many rows through the driver's executemany, with the tables' own type conversion.

`session.execute(insert(table), rows)` costs SQLAlchemy some 30 us per row in parameter set-up (a
dict per row, key checks, then the bind processors) before the driver sees it; the ingest writes a
few thousand rows per crawl. Here the statement is built once, each column's bind processor (the
same one SQLAlchemy would call: Money, UTCDateTime, JSON) is looked up once, and the driver gets
plain tuples. It runs on the session's connection, so it is part of the session's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> int:
    """INSERT `rows` (dicts with the same keys: column names) into `table`; returns how many."""
    if not rows:
        return 0
    connection = session.connection()
    dialect = connection.dialect
    names = list(rows[0].keys())
    placeholder = _PLACEHOLDERS.get(dialect.paramstyle)
    if placeholder is None:  # a driver we have not met: let SQLAlchemy do it the slow way
        from sqlalchemy import insert

        connection.execute(insert(table), list(rows))
        return len(rows)
    processors: list[Callable[[Any], Any] | None] = []
    for name in names:
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        processors.append(_Memo(process) if process is not None else None)
    quote = dialect.identifier_preparer.quote
    statement = (
        f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
        f"({', '.join(quote(name) for name in names)}) "
        f"VALUES ({', '.join([placeholder] * len(names))})"
    )
    pairs = list(zip(names, processors, strict=True))
    params = [
        tuple(
            row[name] if process is None or row[name] is None else process(row[name])
            for name, process in pairs
        )
        for row in rows
    ]
    connection.exec_driver_sql(statement, params)
    return len(rows)


class _Memo:
    """A bind processor that converts each distinct value once.

    A crawl's rows share most of their values (its one timestamp, a few hundred prices, empty JSON
    lists); the processors (UTCDateTime, Money, JSON) map equal values of one type to equal output,
    so the cache is keyed by type and value. JSON values are cached only when empty or a list of
    strings (where equal means equal JSON; `{"x": 1}` and `{"x": True}` are equal dicts).
    """

    __slots__ = ("cache", "process")

    def __init__(self, process: Callable[[Any], Any]) -> None:
        self.process = process
        self.cache: dict[tuple[type, Any], Any] = {}

    def __call__(self, value: Any) -> Any:
        if isinstance(value, list | dict):
            if isinstance(value, list) and all(type(item) is str for item in value):
                key: tuple[type, Any] = (list, tuple(value))  # parameter names: few distinct lists
            elif value:
                return self.process(value)
            else:
                key = (type(value), None)
        else:
            key = (type(value), value)
        try:
            return self.cache[key]
        except KeyError:
            converted = self.cache[key] = self.process(value)
            return converted
        except TypeError:  # another unhashable value
            return self.process(value)
