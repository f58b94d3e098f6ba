"""Request parameters a playground form shows as labelled controls ("Max Tokens", "Temperature", "Top P").

The HTML rendering collects every control (`collect_form_fields`) with its label (a ``<label for>``, an
enclosing ``<label>``, the label just before it, or ``aria-label``), its ``name`` or ``id``, its type and
its value. A label is a parameter only when the vocabulary knows it ("System prompt" and "Stream" are
not); the value a slider starts at is its default. Check boxes and radio buttons are not read: on model
lists they are filters ("Supported parameters: [x] tools"), not parameters (the list finder skips their
labels too). A form is the weakest evidence: the page extractor reads it only when nothing better names
the parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crawler.extract.evidence import Evidence, evidence
from crawler.extract.literals import shown
from crawler.extract.vocabulary import Vocabulary, vocabulary

_SKIPPED_TYPES = frozenset(
    {"hidden", "submit", "button", "reset", "file", "image", "password", "email", "search"}
)
CHOICES = frozenset({"checkbox", "radio"})
_MAX_CONTROLS = 500


@dataclass(frozen=True)
class FormField:
    """One labelled control of a form on the page."""

    label: str
    name: str
    value: str | None
    kind: str = "text"  # the input's type ("range", "number", "checkbox"), or "select", "textarea"


def collect_form_fields(root: Any) -> list[FormField]:
    """The labelled text, number, range and select controls under an lxml element."""
    labels: dict[str, str] = {}
    for label in root.iter("label"):
        target = label.get("for")
        if target:
            labels.setdefault(target, _text(label))
    fields: list[FormField] = []
    for control in root.iter("input", "select", "textarea"):
        if len(fields) >= _MAX_CONTROLS:
            break
        kind = (control.get("type") or "text").lower() if control.tag == "input" else control.tag
        if kind in _SKIPPED_TYPES:
            continue
        ident = control.get("id") or ""
        label = labels.get(ident) if ident else None
        label = (
            label or _enclosing_label(control) or _label_before(control) or control.get("aria-label") or ""
        )
        name = control.get("name") or ident
        if label or name:
            value = control.get("value") if control.tag == "input" else None
            fields.append(FormField(label=" ".join(label.split()), name=name, value=value, kind=kind))
    return fields


def read_form_parameters(
    fields: list[FormField], vocab: Vocabulary | None = None
) -> tuple[list[str], dict[str, str], Evidence | None]:
    """Parameter names the form labels name, the values the controls start at, and the evidence."""
    vocab = vocab or vocabulary()
    names: list[str] = []
    defaults: dict[str, str] = {}
    labels: list[str] = []
    for field in fields:
        if field.kind in CHOICES:
            continue
        name = vocab.from_label(field.label) if field.label else None
        name = name or (vocab.from_label(field.name) if field.name else None)
        if not name or name in names:
            continue
        names.append(name)
        labels.append(field.label or field.name)
        value = shown(_number(field.value)) if field.value is not None else None
        if value is not None:
            defaults[name] = value
    if not names:
        return [], {}, None
    return names, defaults, evidence("form", "form labels", ", ".join(labels))


def _number(text: str) -> Any:
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def _enclosing_label(control: Any) -> str | None:
    parent = control.getparent()
    for _ in range(4):
        if parent is None:
            return None
        if parent.tag == "label":
            return _text(parent)
        parent = parent.getparent()
    return None


def _label_before(control: Any) -> str | None:
    previous = control.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    if previous is not None and previous.tag == "label" and not previous.get("for"):
        return _text(previous)
    return None


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())
