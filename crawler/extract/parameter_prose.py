"""Request parameters that a page's sentences name ("Supports temperature, top_p and max_tokens.").

Only names of the vocabulary count. A sure name (``top_p``, ``max_tokens``: no sentence writes one by
chance) counts wherever a sentence names it; a plain word (``temperature``, ``seed``, ``stop``) only in
an enumeration with a sure name ("temperature, top_p and max_tokens") or one that the sentence calls
parameters, or set to a value beside another ("use Temperature=0.6, TopP=0.95, TopK=20": labels in
words or CamelCase count there too). A sentence that says a parameter is not supported or ignored
names none. Lines of code samples, table cells and lines of fewer than three words (list items, labels,
a filter's options) are not prose.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from crawler.extract.evidence import Evidence, evidence
from crawler.extract.vocabulary import Vocabulary, is_sure, vocabulary

_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z`\"'(])")
_WORD = r"`?[A-Za-z_][\w.]*`?"
_ENUMERATION = re.compile(rf"{_WORD}(?:(?:\s*[,/、，]\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+){_WORD})+")
_TOKEN = re.compile(
    r"(?<![\w.$/@-])`?([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)`?(?![\w-]|\.\w|\()"
)
_NEGATED = re.compile(
    r"\bnot\s+(?:yet\s+)?(?:supported|available|accepted|allowed|honou?red|used|respected)\b|"
    r"\bunsupported\b|\b(?:is|are|will\s+be|gets?)\s+(?:silently\s+)?ignored\b|"
    r"\b(?:does|do)(?:n't|\s+not)\s+(?:yet\s+)?support\b|\bno\s+longer\b|\bdeprecated\b|\bremoved\b",
    re.I,
)
_SETTING = re.compile(r"(?<![\w.])([A-Za-z][A-Za-z0-9_]*)\s*[=:]\s*-?\.?\d")
_MIN_WORDS = 3  # fewer is a list item or a label, not a sentence
_PARAMETER_WORD = re.compile(r"\bparam(?:eter)?s?\b|\boptions?\b|\bsettings?\b", re.I)


def read_parameter_prose(
    lines: list[str], *, skip: frozenset[str] = frozenset(), vocab: Vocabulary | None = None
) -> tuple[list[str], Evidence | None]:
    """Parameter names the page's sentences name, in page order, and the evidence (the first sentence);
    lines in `skip` (code samples) are not read."""
    vocab = vocab or vocabulary()
    mentions = _mentions(vocab.parameters)
    names: list[str] = []
    first: tuple[int, str] | None = None
    for number, line in enumerate(lines, 1):
        if "\t" in line or len(line) > 5000 or not mentions.search(line) or line in skip:
            continue
        for sentence in _SENTENCE.split(line):
            if len(sentence.split()) < _MIN_WORDS or _NEGATED.search(sentence):
                continue
            found = _named(sentence, vocab)
            new = [name for name in found if name not in names]
            if new:
                names.extend(new)
                first = first or (number, sentence)
    if not names or first is None:
        return [], None
    return names, evidence("prose", f"line {first[0]}", first[1])


@functools.lru_cache(maxsize=4)
def _mentions(names: frozenset[str]) -> re.Pattern[str]:
    """One search for any known name in a line (most lines name none and are read no further): the names
    and their capitalised forms as a trie, which the regex engine tries far faster than an alternation."""
    trie: dict[str, Any] = {}
    for word in names | {name.capitalize() for name in names}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return re.compile(rf"\b{_trie_pattern(trie)}\b")


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _named(sentence: str, vocab: Vocabulary) -> list[str]:
    known = [n for t in _TOKEN.findall(sentence) if (n := _known(t, vocab))]
    if not known:
        return []
    accepted = {t for t in known if is_sure(t)}
    settings = [n for label in _SETTING.findall(sentence) if (n := vocab.from_label(label))]
    if len(settings) >= 2 or any(is_sure(n) for n in settings):
        known += [n for n in settings if n not in known]  # "use Temperature=0.6, TopP=0.95 and TopK=20"
        accepted.update(settings)
    says_parameters = bool(_PARAMETER_WORD.search(sentence))
    for run in _ENUMERATION.finditer(sentence):
        items = [n for t in _TOKEN.findall(run.group()) if (n := _known(t, vocab))]
        if any(is_sure(t) for t in items) or (says_parameters and len(items) >= 2):
            accepted.update(items)
    return [t for t in dict.fromkeys(known) if t in accepted]


def _known(token: str, vocab: Vocabulary) -> str | None:
    """The vocabulary's name for a token ("Temperature" at a sentence's start is temperature)."""
    if vocab.knows(token):
        return token
    lower = token.lower()
    return lower if token[:1].isupper() and token[1:] == lower[1:] and vocab.knows(lower) else None
