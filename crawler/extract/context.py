"""Context length, maximum output and release date from a page's text lines.

Three layouts are read: label then value on one line (``Context 64K tokens``, ``Context window: 128,000``),
value then label (``163,840 context``, ``128k context window``), and a label alone on a line with the
value on the next (``Context`` / ``164K`` / ``tokens``). Prose such as "long-context training, reaching
up to 128K tokens" is not a context length: label and number must sit next to each other; advice ("we
recommend an output length of 16,384 tokens") is not a limit.

`read_context_lengths` and `read_max_outputs` give every reading, one a line, for the page extractor to
tell when a page states two different sizes (`counts_agree`: ``128K`` and ``131,072`` are one size
written two ways, ``128K`` and ``64K`` are not).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from crawler.extract.evidence import Reading, evidence
from crawler.extract.quantities import parse_date, parse_token_count, plausible_context

_N = r"(?<![\w.,$])\d{1,3}(?:,\d{3})+(?!\d)|(?<![\w.,$])\d+(?:\.\d+)?\s*(?:k|m|thousand|million)?(?!\w)"
_CTX_WORD = r"context(?:[\s_-]*(?:window|length|size|limit|len))?"
_OUT_WORD = (
    r"(?:max(?:imum)?[\s_-]*(?:output|completion|generation|new|generated)[\s_-]*(?:tokens?|length|len)?"
    r"|output[\s_-]*(?:token[\s_-]*)?(?:limit|length))"
)
_SEP = r"\s*[\"']?\s*(?:\(tokens\))?\s*(?:[:=\-–]|is|of)?\s*(?:up\s*to\s*)?"
# After a label the number may be glued to it ("Context164K" from adjacent inline elements).
_N_GLUED = _N.replace(r"(?<![\w.,$])", r"(?<![\d.,$])")
_CONTEXT_AFTER = re.compile(rf"\b(?:max(?:imum)?\s*)?{_CTX_WORD}{_SEP}({_N_GLUED})", re.I)
_CONTEXT_BEFORE = re.compile(rf"({_N})\s*(?:tokens?\s*)?(?:of\s*)?(?:input\s*)?context\b", re.I)
_CONTEXT_LABEL = re.compile(rf"^(?:max(?:imum)?\s*|total\s*)?{_CTX_WORD}(?:\s*\(tokens\))?\s*:?$", re.I)
_OUTPUT_AFTER = re.compile(rf"\b{_OUT_WORD}{_SEP}({_N_GLUED})", re.I)
_OUTPUT_BEFORE = re.compile(rf"({_N})\s*(?:tokens?\s*)?max(?:imum)?\s*output\b", re.I)
_OUTPUT_LABEL = re.compile(rf"^{_OUT_WORD}\s*:?$", re.I)
_VALUE_LINE = re.compile(rf"^({_N})\s*(?:tokens?)?\s*$", re.I)
_ASSIGNMENT = re.compile(r"^\w*_\w*\s*=\s*$")
_ADVICE = re.compile(r"\b(?:recommend\w*|suggest\w*|adequate|advis\w*|sufficient|best\s+practice)\b", re.I)
_DATE_LABEL = re.compile(
    r"\b(?:release\s*date|released?|created|launched|published|added|available\s*since|date\s*added)"
    r"(?-i:(?![a-z]))",
    re.I,
)


def find_context_length(lines: list[str]) -> int | None:
    """The context window the page states, in tokens, or None."""
    found = read_context_length(lines)
    return found.value if found else None


def find_max_output(lines: list[str]) -> int | None:
    """The maximum output (completion) tokens the page states, or None."""
    found = read_max_output(lines)
    return found.value if found else None


def find_released(lines: list[str]) -> date | None:
    """The release/creation date next to a ``Released``/``Created`` label, or None."""
    found = read_released(lines)
    return found.value if found else None


def read_context_length(lines: list[str]) -> Reading | None:
    """The context window the page states, with the line it was read on, or None."""
    return next(_counts(lines, _CONTEXT_AFTER, _CONTEXT_BEFORE, _CONTEXT_LABEL, _OUTPUT_AFTER), None)


def read_max_output(lines: list[str]) -> Reading | None:
    """The maximum output the page states, with the line it was read on, or None."""
    return next(_counts(lines, _OUTPUT_AFTER, _OUTPUT_BEFORE, _OUTPUT_LABEL, None), None)


def read_context_lengths(lines: list[str]) -> list[Reading]:
    """Every context window the page states, in page order (the first reading of each line)."""
    return list(_counts(lines, _CONTEXT_AFTER, _CONTEXT_BEFORE, _CONTEXT_LABEL, _OUTPUT_AFTER))


def read_max_outputs(lines: list[str]) -> list[Reading]:
    """Every maximum output the page states, in page order (the first reading of each line)."""
    return list(_counts(lines, _OUTPUT_AFTER, _OUTPUT_BEFORE, _OUTPUT_LABEL, None))


def counts_agree(one: int, other: int) -> bool:
    """Whether two token counts are one size: equal, or apart only as ``K``/``M`` read as 1,000 or 1,024
    (``128K`` and ``131,072``, ``1M`` and ``1,048,576``): within 5%."""
    return abs(one - other) <= 0.05 * max(one, other)


def read_released(lines: list[str]) -> Reading | None:
    """The date next to a ``Released``/``Created`` label, with the line it was read on, or None."""
    for index, line in enumerate(lines):
        label = _DATE_LABEL.search(line)
        if not label:
            continue
        found = parse_date(line[label.end() : label.end() + 60])
        if found:
            return _reading(found, "text", index, line)
        if not re.search(r"\d", line[label.end() :]) and index + 1 < len(lines):
            found = parse_date(lines[index + 1][:60])
            if found:
                return _reading(found, "definition", index, f"{line} {lines[index + 1]}")
    return None


def _counts(
    lines: list[str],
    after: re.Pattern[str],
    before: re.Pattern[str],
    label: re.Pattern[str],
    veto: re.Pattern[str] | None,
) -> Iterator[Reading]:
    """The counts the lines state next to their label, at most one a line, in page order."""
    for index in range(len(lines)):
        found = _count_on(lines, index, after, before, label, veto)
        if found is not None:
            yield found


def _count_on(
    lines: list[str],
    index: int,
    after: re.Pattern[str],
    before: re.Pattern[str],
    label: re.Pattern[str],
    veto: re.Pattern[str] | None,
) -> Reading | None:
    """The count line `index` states (a label with its value there, or a label alone with its value on one
    of the next two lines), or None."""
    line = lines[index]
    if len(line) > 5000:
        return None
    for pattern in (after, before):
        for match in pattern.finditer(line):
            if veto is not None and veto.search(line[max(0, match.start() - 20) : match.end()]):
                continue
            if _ASSIGNMENT.search(line[match.start() : match.start(1)]):
                continue  # "max_new_tokens=16384" in a code sample: a request's value, not a limit
            if _ADVICE.search(line[max(0, match.start() - 60) : match.end() + 40]):
                continue  # "we recommend an output length of 16,384 tokens": advice, not a limit
            count = plausible_context(parse_token_count(match.group(1)))
            if count:
                return _reading(count, "text", index, line)
    if label.match(line.replace("\t", " ").strip()):
        for offset, following in enumerate(lines[index + 1 : index + 3], 1):
            value = _VALUE_LINE.match(following)
            if value:
                count = plausible_context(parse_token_count(value.group(1)))
                if count:
                    return _reading(count, "definition", index, " ".join(lines[index : index + offset + 1]))
                break
    return None


def _reading(value: object, method: str, index: int, text: str) -> Reading:
    """A value read on line ``index`` (0-based) of the page's text, with that text as its snippet."""
    return Reading(value=value, evidence=evidence(method, f"line {index + 1}", text.replace("\t", " | ")))
