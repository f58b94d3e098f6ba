"""Request parameters listed under a heading or label that names parameters.

The label is a short line ending in "parameters" ("Sampling parameters", "Supported parameters:",
"API Parameters"), or such a label followed on the same line by the list ("Supported parameters:
temperature, top_p, max_tokens"). Its items are the lines after it, as the rendering gives them: chips
on one line (``temperature top_p top_k``), comma-separated text, one ``<li>`` or ``<dt>`` a line, or an
item followed by its description (``top_p — nucleus sampling``, ``temperature: 0 to 2``). A description
paragraph may sit between the label and the list, and one line of description between two items (a
definition list); anything else ends the list.

An item is a parameter when it is a known one (the vocabulary, "Max tokens" in words too) or looks like
no word of a sentence does (``separate_reasoning``); a line with one item that is neither (a tag chip,
"Tool calling") is not a list line.
"""

from __future__ import annotations

import re

from crawler.extract.evidence import Evidence, evidence
from crawler.extract.vocabulary import NAME, Vocabulary, is_sure, vocabulary

_LABEL = re.compile(
    r"^(?P<label>(?:[A-Za-z][\w/&-]*\s+){0,3}param(?:eter)?s(?:\s+supported)?)\s*(?::\s*(?P<rest>.*)|$)",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,|;|·|•|\||/|、|，)\s*|\s+(?:and|or|&)\s+|\s+")
_LEADING = re.compile(r"^[`'\"]?(?P<item>[A-Za-z_][\w.]*)[`'\"]?\*?\s*(?:[:—–=(]|-\s|\s\(|\t)")
_MAX_LINES = 60
SKIP = ""  # an item that is a request field but not a parameter (stream, model): valid in a list, not kept


def read_parameter_lists(
    lines: list[str], *, choices: frozenset[str] = frozenset(), vocab: Vocabulary | None = None
) -> tuple[list[str], Evidence | None]:
    """Parameter names listed under labels that name parameters, in page order, and the evidence; lines
    in `choices` (the labels of check boxes and radio buttons: a filter's options) are not items."""
    vocab = vocab or vocabulary()
    names: list[str] = []
    where: list[str] = []
    for index, line in enumerate(lines):
        if len(line) > 300 or ("aram" not in line and "ARAM" not in line) or "\t" in line:
            continue
        match = _LABEL.match(line.strip())
        if not match:
            continue
        rest = match.group("rest")
        found = _items(rest, vocab) if rest else _list_after(lines, index + 1, choices, vocab)
        kept = [name for name in found or [] if name and name not in names]
        if kept:
            names.extend(kept)
            where.append(f"list under {match.group('label')!r}")
    if not names:
        return [], None
    return names, evidence("list", ", ".join(where), ", ".join(names))


def _list_after(lines: list[str], start: int, choices: frozenset[str], vocab: Vocabulary) -> list[str]:
    found: list[str] = []
    gap = 0
    for line in lines[start : start + _MAX_LINES]:
        if "\t" in line or _LABEL.match(line.strip()):
            break
        items = None if line in choices else _items(line, vocab)
        if items is None:
            gap += 1
            if gap > (1 if found else 2):
                break
            continue
        gap = 0
        found.extend(items)
    return found


def _items(line: str, vocab: Vocabulary) -> list[str] | None:
    """The parameters one list line names, or None when it is not a list line."""
    text = line.strip().rstrip(".;,")
    if not text or len(text) > 200:
        return None
    whole = classify(text, vocab)
    if whole is not None:
        return [whole]
    tokens = [t for t in _SPLIT.split(text) if t]
    if len(tokens) > 1:
        classified = [classify(t, vocab) for t in tokens]
        if all(c is not None for c in classified):
            return [c for c in classified if c]
    leading = _LEADING.match(text)
    if leading:
        # an item before its description: only a known name (a glued "max_tokensinteger—..." is none)
        item = classify(leading.group("item"), vocab)
        if item is not None and (not item or vocab.knows(item) or item in vocab.containers):
            return [item]
    return None


def classify(text: str, vocab: Vocabulary) -> str | None:
    """A list item as a parameter name, `SKIP` for a request field that is not one, None for a word
    that is not a parameter."""
    text = text.strip().strip("`'\"*").strip()
    if NAME.match(text):
        if text in vocab.left_out:
            return SKIP
        if vocab.knows(text) or text in vocab.containers:
            return text
        if is_sure(text) and text == text.lower():
            return text
    named = vocab.from_label(text)
    if named:
        return named
    key = text.lower().replace(" ", "_")
    return SKIP if key in vocab.left_out else None
