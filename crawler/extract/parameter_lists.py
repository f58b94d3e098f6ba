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

_NOUNS = (
    r"param(?:eter)?s|arguments|fields|request\s+body|body|options|settings|"
    r"sampling|generation\s+config(?:uration)?"
)
_LABEL = re.compile(
    rf"^(?P<label>(?:[A-Za-z][\w/&-]*\s+){{0,3}}(?:{_NOUNS})(?:\s+(?:supported|accepted))?)\s*"
    rf"(?::\s*(?P<rest>.*)|$)",
    re.I,
)
_WEAK = re.compile(r"\b(?:body|options|settings|config(?:uration)?)$", re.I)
_PARAMETERS_WORD = re.compile(r"param|argument|field|request|sampling", re.I)
_KEYWORDS = re.compile(r"param|argument|field|body|option|setting|sampling|config", re.I)
# labels of what is not a request body: responses, headers, the URL's own parameters
_NOT_REQUEST = re.compile(
    r"\b(?:respons|output|return|header|path|query|url|deploy|account|cookie|privacy)", re.I
)
_SPLIT = re.compile(r"\s*(?:,|;|·|•|\||/|、|，)\s*|\s+(?:and|or|&)\s+|\s+")
_TYPES = r"string|integer|int|number|float|double|boolean|bool|object|array|enum|list|map|dict"
_LEADING = re.compile(
    rf"^[`'\"]?(?P<item>[A-Za-z_][\w.]*)[`'\"]?\*?\s*(?:[:—–=(]|-\s|\s\(|\t|\s(?:{_TYPES})\b|\s+(?:optional|required)\b)",
    re.I,
)
_DEFAULT = re.compile(
    r"\bdefault(?:s\s+to|\s+value)?\s*(?:is\s*)?[:=]?\s*`?(?P<value>-?\d+(?:\.\d+)?|true|false|\"[^\"]{1,40}\")`?(?![\w.])",
    re.I,
)
_MAX_LINES = 80
_MAX_GAP = (2, 4)  # lines that are no item: before the first item (a description), between two items
SKIP = ""  # an item that is a request field but not a parameter (stream, model): valid in a list, not kept


def read_parameter_lists(
    lines: list[str], *, labels: frozenset[str] = frozenset(), vocab: Vocabulary | None = None
) -> tuple[list[str], dict[str, str], Evidence | None]:
    """Parameter names listed under labels that name parameters, in page order, the defaults the list
    gives ("default 2048", a "Default value: 0.7" line under an item), and the evidence; lines in
    `labels` (the labels of a form's controls: a filter's options, a playground's sliders) are not items."""
    vocab = vocab or vocabulary()
    names: list[str] = []
    defaults: dict[str, str] = {}
    where: list[str] = []
    for index, line in enumerate(lines):
        if len(line) > 300 or "\t" in line or not _KEYWORDS.search(line):
            continue
        match = _LABEL.match(line.strip())
        if not match or _NOT_REQUEST.search(match.group("label")):
            continue
        rest = match.group("rest")
        found = (
            (_items(rest, vocab) or []) if rest else _list_after(lines, index + 1, labels, vocab, defaults)
        )
        if _WEAK.search(match.group("label")) and not _PARAMETERS_WORD.search(match.group("label")):
            # "Options", "Settings", "Body": a list of parameters only with a sure name or two known ones
            real = {name for name in found if name}
            if not (any(is_sure(name) for name in real) or len(real) >= 2):
                continue
        kept = [name for name in found if name and name not in names]
        if kept:
            names.extend(kept)
            where.append(f"list under {match.group('label')!r}")
    if not names:
        return [], {}, None
    shown = {k: v for k, v in defaults.items() if k in names}
    return names, shown, evidence("list", ", ".join(where), ", ".join(names))


def _list_after(
    lines: list[str], start: int, labels: frozenset[str], vocab: Vocabulary, defaults: dict[str, str]
) -> list[str]:
    found: list[str] = []
    gap = 0
    for line in lines[start : start + _MAX_LINES]:
        stripped = line.strip()
        if "\t" in line or (_KEYWORDS.search(line) and _LABEL.match(stripped)):
            break
        items = None if stripped in labels else _items(line, vocab)
        default = _DEFAULT.search(stripped)
        if items is None:
            if default and found and found[-1]:
                defaults.setdefault(found[-1], default.group("value").strip('"'))
            gap += 1
            if gap > _MAX_GAP[1 if found else 0]:
                break
            continue
        gap = 0
        found.extend(items)
        if default and len(items) == 1 and items[0]:
            defaults.setdefault(items[0], default.group("value").strip('"'))
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
