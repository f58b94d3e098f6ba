"""The vocabulary of request parameter names (``crawler/request_parameters.txt``): what the parameter
finders accept as a parameter when a page names one in words (a list, a sentence, a form label), which
nested request objects are read dotted, and which request fields say nothing about an endpoint.

A name with an underscore or a dot (``top_p``, ``chat_template_kwargs.thinking``) is *sure*: no English
sentence writes it by chance. A plain word (``temperature``, ``seed``, ``stop``, ``tools``) is a parameter
only where the page lists it as one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

_SECTIONS = ("parameters", "containers", "flattened", "left out")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_LABEL_NOISE = re.compile(r"\(.*?\)|[*:：]+\s*$|\s+(?:optional|required)\s*$", re.I)
_SEPARATORS = re.compile(r"[\s\-]+")
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$")


@dataclass(frozen=True)
class Vocabulary:
    """Known request parameter names, their labels in words, and the special request fields."""

    parameters: frozenset[str]
    labels: dict[str, str]  # a normalised label ("maximum_length") -> its parameter ("max_tokens")
    containers: frozenset[str]
    flattened: frozenset[str]
    left_out: frozenset[str]

    def knows(self, name: str) -> bool:
        """Whether `name` is a known request parameter."""
        return name in self.parameters

    def from_label(self, text: str) -> str | None:
        """The parameter a label or list item names in words ("Max Tokens", "Top P", "maxTokens",
        "Stop sequences"), or None; left-out fields (Stream, Model) name none."""
        key = label_key(text)
        if not key or key in self.left_out:
            return None
        if key in self.parameters:
            return key
        return self.labels.get(key)


def label_key(text: str) -> str:
    """A label as a candidate name: words joined by underscores, lower case, notes dropped."""
    text = _LABEL_NOISE.sub("", text.strip().strip("`'\"")).strip()
    if " " not in text and "-" not in text:
        text = _CAMEL.sub("_", text)
    return _SEPARATORS.sub("_", text.strip()).lower()


def is_sure(name: str) -> bool:
    """A name no sentence writes by chance: it has an underscore or a dot."""
    return "_" in name.strip("_") or "." in name


@functools.cache
def vocabulary() -> Vocabulary:
    """The project's vocabulary, read once from ``crawler/request_parameters.txt``."""
    text = resources.files("crawler").joinpath("request_parameters.txt").read_text(encoding="utf-8")
    return parse_vocabulary(text)


def parse_vocabulary(text: str) -> Vocabulary:
    """A `Vocabulary` from the text of a vocabulary file (sections, one name a line, ``= labels``)."""
    found: dict[str, set[str]] = {section: set() for section in _SECTIONS}
    labels: dict[str, str] = {}
    section = "parameters"
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip().lower()
            if section not in found:
                raise ValueError(f"unknown vocabulary section [{section}]")
            continue
        name, _, aliases = line.partition("=")
        name = name.strip()
        found[section].add(name)
        for alias in aliases.split(","):
            if alias.strip():
                labels[label_key(alias)] = name
    return Vocabulary(
        parameters=frozenset(found["parameters"]),
        labels=labels,
        containers=frozenset(found["containers"]),
        flattened=frozenset(found["flattened"]),
        left_out=frozenset(found["left out"]),
    )
