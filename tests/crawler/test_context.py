"""Context length, output limit and release date as model pages write them, and where each was read.

One row per case: lines of a page's rendered text (tabs between table cells) and what the finders of
`crawler.extract.context` read from them, with the line it was read on; dates as `parse_date` reads them.
"""

from __future__ import annotations

from datetime import date

import pytest

from crawler.extract.context import read_context_length, read_max_output, read_released
from crawler.extract.page import extract_page, offer_to_json
from crawler.extract.quantities import parse_date

# id -> (lines, context, output limit, line (1-based) the context was read on)
COUNT_CASES: dict[str, tuple[list[str], int | None, int | None, int | None]] = {
    "openrouter-glued": (["Input Price$0.27per 1M", "Context164K", "Weekly Tokens31.3B"], 164000, None, 2),
    "openrouter-created-line": (["Created Dec 1, 2025 163,840 context"], 163840, None, 1),
    "label-value-lines": (["Context", "64K", "tokens", "Max output", "8K"], 64000, 8000, 1),
    "definition-list": (["Context length\t163,840 tokens", "Max output\t65,536 tokens"], 163840, 65536, 1),
    "prose-labelled": (["Context length: 128K tokens. Maximum output: 7K tokens."], 128000, 7000, 1),
    "tag": (["fp4", "163,840 context", "$0.26 / $0.38 in/out Mtoken"], 163840, None, 2),
    "context-window-k": (["Supports a 128k context window and function calling."], 128000, None, 1),
    "max-completion-tokens": (["Context length: 131,072 · max_completion_tokens: 8192"], 131072, 8192, 1),
    "prose-is-not-a-context": (["Trained on long documents, reaching up to 128K tokens."], None, None, None),
    "speed-is-not-a-context": (["~2,200 tokens/s", "Free tier: 1 million tokens per day"], None, None, None),
    "code-kwarg-is-not-a-limit": (
        ["    max_new_tokens=16384,", "  --max-model-len 262144"],
        None,
        None,
        None,
    ),
    "advice-is-not-a-limit": (
        ["Adequate Output Length: We recommend using an output length of 16,384 tokens for most queries."],
        None,
        None,
        None,
    ),
}


@pytest.mark.parametrize("case", sorted(COUNT_CASES))
def test_context_and_output(case: str) -> None:
    lines, context, output, line = COUNT_CASES[case]
    found = read_context_length(lines)
    assert (found.value if found else None) == context
    limit = read_max_output(lines)
    assert (limit.value if limit else None) == output
    if found is not None:
        assert found.evidence.where == f"line {line}"
        assert str(context)[:2] in found.evidence.snippet.replace(",", "")


# id -> (lines, release date)
RELEASE_CASES: dict[str, tuple[list[str], date | None]] = {
    "openrouter": (["ReleasedSep 22, 2025"], date(2025, 9, 22)),
    "created": (["Created Dec 1, 2025163,840 context"], date(2025, 12, 1)),
    "label-then-value": (["Release date", "2024-07-23"], date(2024, 7, 23)),
    "iso": (["Released: 2025-08-21"], date(2025, 8, 21)),
    "chinese": (["发布日期 2025年8月21日"], None),  # no label the finder knows: not guessed
    "added": (["Added on Jul 23rd, 2024 by meta"], date(2024, 7, 23)),
    "month-only": (["Released: August 2025"], None),
    "no-label": (["Updated Sep 22, 2025"], None),
}


@pytest.mark.parametrize("case", sorted(RELEASE_CASES))
def test_release_date(case: str) -> None:
    lines, released = RELEASE_CASES[case]
    found = read_released(lines)
    assert (found.value if found else None) == released
    if found is not None:
        assert found.evidence.where.startswith("line ")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Sep 22, 2025", date(2025, 9, 22)),
        ("22 September 2025", date(2025, 9, 22)),
        ("22nd Sept 2025", date(2025, 9, 22)),
        ("2025-09-22", date(2025, 9, 22)),
        ("2025/09/22", date(2025, 9, 22)),
        ("2025-09-05T00:00:00Z", date(2025, 9, 5)),
        ("2025年8月21日", date(2025, 8, 21)),
        ("21.08.2025", date(2025, 8, 21)),
        ("08/21/2025", date(2025, 8, 21)),
        ("21/08/2025", date(2025, 8, 21)),
        ("03.04.2025", date(2025, 4, 3)),
        ("Version 3.1", None),
        ("v0.4.2", None),
        ("Weekly Tokens 31.3B", None),
        ("2025-13-45", None),
    ],
)
def test_parse_date(text: str, day: date | None) -> None:
    assert parse_date(text) == day


def test_offer_evidence_gives_the_line_each_value_was_read_on() -> None:
    body = (
        "<html><body><h1>Test Model</h1><p>Model ID: test-model-1</p><p>Input $1/M</p>"
        "<dl><dt>Context length</dt><dd>131,072 tokens</dd><dt>Max output</dt><dd>8,192 tokens</dd>"
        "<dt>Released</dt><dd>2025-08-21</dd></dl></body></html>"
    )
    offer = extract_page(body, url="https://provider.example/m/test-model-1").offers[0]
    why = offer_to_json(offer, explain=True)["evidence"]
    assert (offer.context_length, offer.max_output_tokens, offer.released) == (
        131072,
        8192,
        date(2025, 8, 21),
    )
    assert (
        why["context_length"]["where"].startswith("line ") and "131,072" in why["context_length"]["snippet"]
    )
    assert "8,192" in why["max_output_tokens"]["snippet"]
    assert "2025-08-21" in why["released"]["snippet"]
