"""Request parameters a page documents, wherever it documents them, with the defaults it shows.

Read, surest first (`crawler.extract.evidence`): parameter tables (`parameter_tables`); the list the page
publishes for machines (embedded JSON or JSON-LD, read by `structured` and handed in as `listed`); the
request bodies of code samples (`code_samples`: ``curl -d``, Python SDK calls, ``fetch`` bodies); lists under
a label that names parameters (`parameter_lists`); sentences that name them (`parameter_prose`). What they
document together is the page's list, in that order, without duplicates; a name that is the start of a
dotted one found too (``chat_template_kwargs`` beside ``chat_template_kwargs.thinking``) is dropped. A
playground form's labels (`parameter_forms`) count only when none of these names any.

``model``, ``messages``, ``stream`` and the other request fields of the vocabulary's ``[left out]``
section are never parameters: they say nothing about the endpoint. Defaults are the first value shown for
a parameter: a table's Default column, then a list's ("default 2048"), then a code sample's value
(``temperature=0.6``), then a form control's starting value when the form is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler.extract.code_samples import code_strings, read_request_bodies
from crawler.extract.evidence import Evidence, Reading, evidence
from crawler.extract.htmltext import Document
from crawler.extract.parameter_forms import read_form_parameters
from crawler.extract.parameter_lists import read_parameter_lists
from crawler.extract.parameter_prose import read_parameter_prose
from crawler.extract.parameter_tables import read_parameter_tables
from crawler.extract.vocabulary import vocabulary


@dataclass
class ParameterFinding:
    """The parameters a page documents, the defaults it shows, and why (None: none found)."""

    names: list[str] = field(default_factory=list)
    defaults: dict[str, str] = field(default_factory=dict)
    evidence: Evidence | None = None


def find_parameters(doc: Document, lines: list[str], *, listed: Reading | None = None) -> ParameterFinding:
    """The request parameters `doc` documents; `listed` is the list its structured data gives, if any."""
    vocab = vocabulary()
    readings: list[Reading] = []
    shown: list[dict[str, str]] = []  # the defaults each finder read, surest first

    names, table_defaults = read_parameter_tables(doc.tables, lines)
    if names:
        readings.append(Reading(names, evidence("table", "parameter table", ", ".join(names))))
        shown.append(table_defaults)
    if listed is not None and listed.value:
        kept = [n for n in listed.value if isinstance(n, str) and n not in vocab.left_out]
        readings.append(Reading(kept, listed.evidence))

    samples = [(f"code sample {i}", text) for i, text in enumerate(doc.code_blocks, 1)]
    samples += [(f"embedded code sample {i}", text) for i, text in enumerate(code_strings(doc.json_blobs), 1)]
    if not samples:
        samples = [("page text", "\n".join(lines))]
    bodies = read_request_bodies(samples, vocab)
    code_defaults: dict[str, str] = {}
    if bodies:
        code_names = list(dict.fromkeys(name for body in bodies for name in body.fields))
        first = bodies[0]
        wheres = ", ".join(dict.fromkeys(body.where for body in bodies))
        readings.append(Reading(code_names, evidence("code", wheres, first.snippet)))
        for body in bodies:
            for name, value in body.fields.items():
                if value is not None:
                    code_defaults.setdefault(name, value)

    form_labels = frozenset(f.label for f in doc.form_fields if f.label)
    names, list_defaults, why = read_parameter_lists(lines, labels=form_labels, vocab=vocab)
    if names and why:
        readings.append(Reading(names, why))
        shown.append(list_defaults)
    if bodies:
        shown.append(code_defaults)  # a sample's value is an example: after what a table or list states
    code_lines = frozenset(_code_lines(doc.code_blocks))
    names, why = read_parameter_prose(lines, skip=code_lines, vocab=vocab)
    if names and why:
        readings.append(Reading(names, why))

    if not any(r.value for r in readings):
        names, form_defaults, why = read_form_parameters(doc.form_fields, vocab)
        if names and why:
            readings.append(Reading(names, why))
            shown.append(form_defaults)
    defaults: dict[str, str] = {}
    for one in shown:
        for name, value in one.items():
            defaults.setdefault(name, value)
    return _merge(readings, defaults)


def _merge(readings: list[Reading], defaults: dict[str, str]) -> ParameterFinding:
    names: list[str] = []
    for reading in readings:
        names.extend(n for n in reading.value if n not in names)
    names = [n for n in names if not any(other.startswith(n + ".") for other in names)]
    if not names:
        return ParameterFinding()
    used = [r for r in readings if r.value]
    surest = max(used, key=lambda r: r.evidence.confidence).evidence
    if len(used) == 1:
        why = surest
    else:
        where = "; ".join(f"{r.evidence.method}: {r.evidence.where}" for r in used)
        why = evidence(surest.method, where, ", ".join(names), confidence=surest.confidence)
    return ParameterFinding(
        names=names, defaults={k: v for k, v in defaults.items() if k in names}, evidence=why
    )


def _code_lines(blocks: list[str]) -> list[str]:
    """The lines of the code samples as the page's text rendering writes them (spaces collapsed)."""
    return [" ".join(line.split()) for block in blocks for line in block.splitlines() if line.strip()]
