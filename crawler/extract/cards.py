"""Repeated model cards and lists of models linking to their own pages (Novita, Baseten, Cerebras,
DeepInfra's and OpenRouter's model lists).

A card list is a container whose children repeat one structure (same tag and classes) and each name a
model: an id in a ``<code>`` or an id-like element (``model-card-slug``, ``nv-card-id``), else the link to
the model's own page (``/models/meta-llama/Llama-3.3-70B-Instruct`` gives ``meta-llama/Llama-3.3-70B-
Instruct``), with a heading or title element for the display name. At least two cards must also show a
fact (a price, a context length, an output limit); a list of bare links is navigation. Facts are read from
the card's short lines (a description's "200K context window" is prose; the ``Context`` spec wins), and a
bare token count among the card's tags (``164k``) is its context. Lists under "Related models" or in a
carousel are not the page's offers (`crawler.extract.navigation.is_related`).
"""

from __future__ import annotations

import re
from typing import Any

from crawler.extract.card_text import card_lines
from crawler.extract.context import read_context_length, read_max_output, read_released
from crawler.extract.evidence import Reading, evidence
from crawler.extract.grid import code_texts
from crawler.extract.identity import KNOWN_HOSTS
from crawler.extract.listed import Listed
from crawler.extract.model_links import is_model_id, model_id_from_href
from crawler.extract.navigation import is_related
from crawler.extract.price_choice import settle_prices
from crawler.extract.prices import find_prices
from crawler.extract.quantities import parse_token_count, plausible_context

_STATE_QUICK = re.compile(r"active|current|selected|hover|open|first|last|odd|even")
_STATE_CLASSES = re.compile(r"^(?:is-|w--|js-)?(?:active|current|selected|hover|open|first|last|odd|even)$")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE_WORDS = frozenset({"title", "name", "heading", "headline"})
_WORD = re.compile(r"[^a-z0-9]+")
#: provider names, to tell a list of a model's providers from a list of models
_PROVIDERS = frozenset(
    {name.lower() for name in KNOWN_HOSTS.values()}
    | {host.split(".")[0] for host in KNOWN_HOSTS}
    | {"together", "fireworks", "novita", "hf inference api", "featherless", "nscale", "fal", "azure"}
    | {"amazon bedrock", "aws bedrock", "google vertex", "vertex ai", "cloudflare", "friendli", "lepton"}
)
_TAG_WORDS = frozenset({"tag", "tags", "badge", "badges", "chip", "chips", "pill", "pills", "ctx", "context"})
_TAG_COUNT = re.compile(r"^\d+(?:\.\d+)?\s*[kKmM]$")
_MAX_CARD_CHARS = 3000
_MAX_SPEC_LINE = 48
_MAX_CARDS = 400
_SAMPLE = 6
_DIGIT = re.compile(r"\d")
_NOT_LISTS = frozenset({"table", "tbody", "thead", "tfoot", "tr", "select", "html", "head"})


def read_cards(root: Any) -> list[Listed]:
    """The offers of the page's repeated model cards and linked model lists, in page order."""
    if root is None:
        return []
    found: list[Listed] = []
    taken: list[Any] = []
    for parent in root.iter():
        if len(parent) < 2 or not isinstance(parent.tag, str) or parent.tag in _NOT_LISTS:
            continue
        members = _repeated_children(parent)
        if not members or any(_contains(t, parent) for t in taken):
            continue
        cards = _read_members(members)
        named = [c for c in cards if c.model or c.name]
        if len(named) < 2 or sum(1 for c in named if _has_fact(c)) < 2 or is_related(parent):
            continue
        if sum(1 for c in named if _names_a_model(c)) * 2 < len(named):
            continue  # cards of providers or plans ("Together AI", "Pro"), not of models
        taken.append(parent)
        found.extend(named)
        if len(found) >= _MAX_CARDS:
            break
    return found


def _read_members(members: list[Any]) -> list[Listed]:
    """The cards of a list; a list whose first cards show no model with a fact is given up early."""
    cards: list[Listed] = []
    for number, member in enumerate(members, 1):
        card = _read_card(member, number)
        if card is not None:
            cards.append(card)
        if number == _SAMPLE and not any(_has_fact(c) for c in cards):
            return []
    return cards


def _names_a_model(card: Listed) -> bool:
    """A model's card gives an id or a model's name; a provider's card names a provider (``Together AI``
    among a model page's inference providers)."""
    if card.model or re.search(r"\d", card.name or ""):
        return True
    name = (card.name or "").lower().strip()
    return (
        bool(name)
        and name not in _PROVIDERS
        and re.sub(r"\s+(?:ai|inc\.?|cloud)$", "", name) not in _PROVIDERS
    )


def _has_fact(card: Listed) -> bool:
    return bool((card.model or card.name) and (card.pricing or card.context_length or card.max_output_tokens))


def _contains(ancestor: Any, node: Any) -> bool:
    return any(a is ancestor for a in node.iterancestors())


def _repeated_children(parent: Any) -> list[Any]:
    """The children of `parent` that share the most common structure (tag and classes), if two or more."""
    children = [c for c in parent if isinstance(c.tag, str)]
    if len(children) < 2:
        return []
    counts: dict[tuple[str, str], int] = {}
    signatures = []
    for child in children:
        signature = _signature(child)
        signatures.append(signature)
        counts[signature] = counts.get(signature, 0) + 1
    common = max(counts, key=counts.__getitem__)
    if counts[common] < 2:
        return []
    return [c for c, s in zip(children, signatures, strict=True) if s == common]


def _signature(element: Any) -> tuple[str, str]:
    classes = element.get("class") or ""
    if classes and _STATE_QUICK.search(classes):
        classes = " ".join(sorted(c for c in classes.split() if not _STATE_CLASSES.match(c)))
    return element.tag, classes


def _read_card(card: Any, number: int) -> Listed | None:
    text = card.text_content()
    if len(text) > _MAX_CARD_CHARS or not _DIGIT.search(text):
        return None  # a card without a digit shows no price, context or versioned id
    lines = card_lines(card)
    if not lines:
        return None
    model, name, source = _identify(card, lines)
    if model is None and name is None:
        return None
    where = f"card {number}"
    found = Listed(model=model, name=name, method="list", where=where)
    if model:
        found.evidence["model"] = evidence("list", f"{where}, {source}", model)
    if name:
        found.evidence["name"] = evidence("list", f"{where}, title", name)
    spec = [line for line in card_lines(card, prose=False) if len(line) <= _MAX_SPEC_LINE]
    short = [line for line in lines if len(line) <= _MAX_SPEC_LINE]
    choice = settle_prices(find_prices(spec))
    if choice.pricing is None:  # prices set in paragraphs (<p>Input</p><p>$2.50 / 1M tokens</p>)
        choice = settle_prices(find_prices(short))
    found.notes, found.problems = list(choice.notes), list(choice.problems)
    if choice.pricing:
        found.pricing, found.currency = choice.pricing, choice.currency
        snippet = choice.evidence.snippet if choice.evidence else ""
        found.evidence["pricing"] = evidence("list", f"{where}, prices", snippet)
    for name, reading in (
        ("context_length", read_context_length(spec) or _tag_count(card) or read_context_length(short)),
        ("max_output_tokens", read_max_output(spec)),
        ("released", read_released(spec)),
    ):
        if reading is not None:
            setattr(found, name, reading.value)
            found.evidence[name] = evidence(
                "list", f"{where}, {name.replace('_', ' ')}", reading.evidence.snippet
            )
    return found


def _identify(card: Any, lines: list[str]) -> tuple[str | None, str | None, str]:
    """(model id, display name, where the id was read) of one card."""
    codes = [c for c in code_texts(card) if is_model_id(c)]
    slashed = [c for c in codes if "/" in c] or [line for line in lines if "/" in line and is_model_id(line)]
    links = _links(card)
    title = _title(card)
    if slashed:
        return slashed[0], title or slashed[0], "id"
    if codes:
        return codes[0], title or codes[0], "code"
    for href, text in links:
        model = model_id_from_href(href)
        if model:
            return model, title or text or model, "link"
    return None, title, ""


def _links(card: Any) -> list[tuple[str, str]]:
    links = [
        (str(a.get("href")), " ".join(a.text_content().split())) for a in card.iter("a") if a.get("href")
    ]
    if card.tag == "a" and card.get("href"):
        links.insert(0, (str(card.get("href")), ""))
    return links


def _title(card: Any) -> str | None:
    """The card's heading, else an element whose class names a title (``model-row-name``)."""
    for node in card.iter():
        if isinstance(node.tag, str) and node.tag in _HEADINGS:
            return _text(node)
    for node in card.iter():
        if not isinstance(node.tag, str) or node is card:
            continue
        words = set(_WORD.split((node.get("class") or "").lower()))
        if words & _TITLE_WORDS and not words & {"label", "value"}:
            text = _text(node)
            if text and len(text) <= 100:
                return text
    return None


def _text(node: Any) -> str | None:
    return " ".join(node.text_content().split()) or None


def _tag_count(card: Any) -> Reading | None:
    """A bare token count standing alone in a tag of the card (``<span class="tag">164k</span>``): its
    context. Counts in plain spans (downloads, likes) are not."""
    for node in card.iter():
        if not isinstance(node.tag, str) or len(node):
            continue
        text = (node.text or "").strip()
        if not _TAG_COUNT.match(text):
            continue
        parent = node.getparent()
        words = set(_WORD.split((node.get("class") or "").lower()))
        words |= set(_WORD.split((parent.get("class") or "").lower())) if parent is not None else set()
        count = plausible_context(parse_token_count(text)) if words & _TAG_WORDS else None
        if count:
            return Reading(value=count, evidence=evidence("list", "tag", text))
    return None
