"""Object literals as code samples write them: one row per shape (JSON, Python, JavaScript with comments,
template strings, shorthand, spreads, arrow functions, ``?.``/``??``/``!0``), and what is code, not a
value."""

from __future__ import annotations

from typing import Any

import pytest

from crawler.extract.literals import EXPRESSION, FUNCTION, parse_literal

CASES: list[tuple[str, str, Any]] = [
    (
        "json",
        '{"model": "m", "temperature": 0.7, "stop": ["\\n"]}',
        {"model": "m", "temperature": 0.7, "stop": ["\n"]},
    ),
    (
        "python",
        '{"thinking": True, "seed": None, "top_k": -1}',
        {"thinking": True, "seed": None, "top_k": -1},
    ),
    (
        "js-unquoted",
        "{ model: 'm', thinking: true, top_p: .9, }",
        {"model": "m", "thinking": True, "top_p": 0.9},
    ),
    (
        "js-comments",
        "{ model: 'https://x/y', // the id\n /* nucleus */ top_p: 1 }",
        {"model": "https://x/y", "top_p": 1},
    ),
    ("js-template", "{ content: `Hi ${name}`, n: 1 }", {"content": "Hi ${name}", "n": 1}),
    ("js-shorthand-spread", "{ ...base, model, seed: 3 }", {"model": EXPRESSION, "seed": 3}),
    ("js-arrow", "{ seed: 1, onChunk: (c) => log(c) }", {"seed": 1, "onChunk": FUNCTION}),
    (
        "js-nullish",
        "{ max_tokens: opts.max ?? 512, stream: !0 }",
        {"max_tokens": EXPRESSION, "stream": EXPRESSION},
    ),
    (
        "python-variable",
        "{'model': model_name, 'temperature': temp}",
        {"model": EXPRESSION, "temperature": EXPRESSION},
    ),
    ("not-a-literal", "{ this is prose }", None),
    ("typescript-cast", '{ role: "user" as const }', None),
]


@pytest.mark.parametrize(("text", "value"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_parse_literal(text: str, value: Any) -> None:
    assert parse_literal(text) == value
