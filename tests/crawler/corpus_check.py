"""The extraction corpus, read and checked: what `tests/crawler/test_corpus.py` asserts and
`bench/extract_corpus.py` measures.

A case is one page of ``replica/pages/corpus`` (served by the replica as :mod:`replica.corpus` says) and its
expected JSON in ``tests/crawler/corpus/<name>.json`` (the format is in that folder's README). A page is
read as the crawler reads it: its bytes, served with its Content-Type, decoded by Scrapy's `HtmlResponse`
and, where a wrong ``<meta charset>`` made mojibake of valid UTF-8, read as UTF-8
(`crawler.extract.decoding.prefer_utf8`, as the crawl does), then
`crawler.extract.page.extract_page` with the URL of the page it imitates.

`compare` pairs expected offers with extracted ones (by model id, else by name, else in page order) and
checks each field exactly; `notes_match` checks the notes an offer carries in words against the notes the
corpus states as facts (a keyword of the note's kind and every amount in it).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from scrapy.http import HtmlResponse

from crawler.extract.decoding import prefer_utf8
from crawler.extract.page import PageExtraction, extract_page, offer_to_json
from replica.corpus import PAGES, page_body

CORPUS = Path(__file__).resolve().parent / "corpus"

#: The fields compared, per offer, in the order reports show them.
FIELDS = (
    "provider",
    "model",
    "name",
    "context_length",
    "max_output_tokens",
    "pricing",
    "currency",
    "parameters",
    "endpoints",
    "released",
    "notes",
)
PRICE_ROLES = ("input", "output", "cache_read", "cache_write", "request")

# A note's kind, as words a note of that kind must contain (case-insensitive).
NOTE_WORDS = {
    "batch": r"batch",
    "discount": r"discount|promot|off[\s-]?peak|%\s*off",
    "old": r"struck|strike|\bold\b|former|previous|\bwas\b|ended",
    "free_tier": r"free",
    "tier": r"tier|prompt|input|above|over|>|long",
    "cache_write_1h": r"\b1\s*-?\s*h(?:our)?\b|one[\s-]hour",
    "audio_input": r"audio",
}
CURRENCY_WORDS = {
    "EUR": r"EUR|€|euro",
    "CNY": r"CNY|RMB|¥|元|yuan",
    "USD": r"USD|\$|dollar",
    "credits": r"credit",
}
_NUMBER = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?|\.\d+)\s*(k|m|thousand|million|千)?(?![a-z])", re.I)
_SCALE = {"k": 1000, "thousand": 1000, "千": 1000, "m": 10**6, "million": 10**6}


@dataclass(frozen=True)
class Case:
    """One corpus page and what the static extractor must make of it."""

    name: str
    url: str
    content_type: str
    expected: dict[str, Any]

    @property
    def render(self) -> str:
        return str(self.expected.get("render", "static"))

    def text(self) -> str:
        """The page as the crawler's extractor receives it: the served bytes decoded by Scrapy, UTF-8
        bytes read as UTF-8 whatever the page declares (`crawler.spiders.pages`)."""
        body = page_body(self.name)
        response = HtmlResponse(self.url, body=body, headers={"Content-Type": self.content_type})
        return prefer_utf8(body, encoding=response.encoding, text=response.text)

    def extract(self, text: str | None = None) -> PageExtraction:
        return extract_page(self.text() if text is None else text, url=self.url)


def load_cases() -> list[Case]:
    """Every corpus page with its expected JSON, in name order."""
    cases = []
    for path in sorted(CORPUS.glob("*.json")):
        name = path.stem
        page = PAGES[name]
        expected = json.loads(path.read_text(encoding="utf-8"))
        cases.append(Case(name=name, url=page.url, content_type=page.content_type, expected=expected))
    return cases


@dataclass
class FieldCheck:
    """One field of one expected offer: right or not, and the two values."""

    offer: str
    field: str
    ok: bool
    want: Any
    got: Any


@dataclass
class Comparison:
    """What the extractor got right and wrong on one page."""

    case: Case
    expected_offers: int
    got_offers: int
    checks: list[FieldCheck] = field(default_factory=list)
    extra_offers: list[str] = field(default_factory=list)
    problem_errors: list[str] = field(default_factory=list)

    @property
    def count_ok(self) -> bool:
        return self.expected_offers == self.got_offers

    def field_ok(self, name: str) -> bool:
        """The field is right on every expected offer of the page."""
        return all(c.ok for c in self.checks if c.field == name)

    def offers_right(self, name: str) -> tuple[int, int]:
        """(expected offers whose field is right, expected offers)."""
        mine = [c for c in self.checks if c.field == name]
        return sum(c.ok for c in mine), len(mine)

    @property
    def ok(self) -> bool:
        return (
            self.count_ok
            and all(c.ok for c in self.checks)
            and not self.extra_offers
            and not self.problem_errors
        )

    def wrong(self) -> list[str]:
        """Every difference, one line each: what was expected and what came out."""
        lines = []
        if not self.count_ok:
            lines.append(f"offer count: want {self.expected_offers}, got {self.got_offers}")
        lines += [f"extra offer: {label}" for label in self.extra_offers]
        lines += [
            f"[{c.offer}] {c.field}: want {_show(c.want)}, got {_show(c.got)}"
            for c in self.checks
            if not c.ok
        ]
        lines += self.problem_errors
        return lines


def compare(case: Case, extraction: PageExtraction) -> Comparison:
    """Check an extraction against the case's expected offers and problems."""
    wanted: list[dict[str, Any]] = case.expected["offers"]
    got = [offer_to_json(offer) for offer in extraction.offers]
    result = Comparison(case=case, expected_offers=len(wanted), got_offers=len(got))
    pairs = _pair(wanted, got)
    used = {id(g) for _, g in pairs if g is not None}
    for want, found in pairs:
        label = want.get("model") or want.get("name") or "?"
        for name in FIELDS:
            expected_value = want.get(name, [] if name == "notes" else None)
            if found is None:
                result.checks.append(FieldCheck(label, name, False, expected_value, "(no offer)"))
                continue
            actual = found.get(name, [] if name == "notes" else None)
            ok = _field_ok(name, expected_value, actual)
            result.checks.append(FieldCheck(label, name, ok, expected_value, actual))
    result.extra_offers = [f"{g.get('model') or g.get('name')!r}" for g in got if id(g) not in used]
    result.problem_errors = problem_errors(case.expected.get("problems", []), extraction.problems)
    return result


def problem_errors(expected: list[str], problems: list[str]) -> list[str]:
    """Each expected substring must be in some problem; with none expected, there must be no problem."""
    if not expected:
        return [f"unexpected problem: {p!r}" for p in problems]
    return [
        f"missing problem containing {want!r} (problems: {problems!r})"
        for want in expected
        if not any(want in problem for problem in problems)
    ]


def static_errors(case: Case, extraction: PageExtraction) -> list[str]:
    """For a page drawn by JavaScript, what the static extractor must say: no price read, a problem."""
    want = case.expected.get("static", {})
    errors = []
    priced = [o for o in extraction.offers if o.pricing is not None]
    if len(priced) != want.get("priced_offers", 0):
        errors.append(f"priced offers: want {want.get('priced_offers', 0)}, got {len(priced)}")
    if want.get("problems") and not extraction.problems:
        errors.append("no problem reported for a page whose content is drawn by JavaScript")
    return errors


def notes_match(expected: list[dict[str, Any]], notes: list[str]) -> bool:
    """Every expected note is stated by some note, and every note states some expected note."""
    if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
        return False
    if not expected:
        return not notes
    return all(any(_states(e, n) for n in notes) for e in expected) and all(
        any(_states(e, n) for e in expected) for n in notes
    )


def _states(note: dict[str, Any], text: str) -> bool:
    kind = note["kind"]
    words = CURRENCY_WORDS.get(note.get("currency", ""), "") if kind == "currency" else NOTE_WORDS.get(kind)
    if not words or not re.search(words, text, re.I):
        return False
    numbers = numbers_in(text)
    amounts = [Decimal(str(note[role])) for role in PRICE_ROLES if role in note]
    if "min_prompt_tokens" in note:
        amounts.append(Decimal(note["min_prompt_tokens"]))
    free = bool(re.search(r"free", text, re.I))
    return all(amount in numbers or (amount == 0 and free) for amount in amounts)


def numbers_in(text: str) -> set[Decimal]:
    """Every number in `text`, and those with a k/M/thousand suffix also scaled (``200K`` -> 200, 200000)."""
    found: set[Decimal] = set()
    for match in _NUMBER.finditer(text):
        try:
            value = Decimal(match.group(1).replace(",", ""))
        except InvalidOperation:
            continue
        found.add(value)
        if match.group(2):
            found.add(value * _SCALE[match.group(2).lower()])
    return found


def _pair(
    wanted: list[dict[str, Any]], got: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Expected offers with the extracted offer of the same model id, else name, else the next unused."""
    free = list(got)
    matched: dict[int, dict[str, Any]] = {}
    for key in ("model", "name"):
        for index, want in enumerate(wanted):
            if index in matched or want.get(key) is None:
                continue
            hit = next((g for g in free if g.get(key) == want[key]), None)
            if hit is not None:
                matched[index] = hit
                free.remove(hit)
    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for index, want in enumerate(wanted):
        if index not in matched and free:
            matched[index] = free.pop(0)
        pairs.append((want, matched.get(index)))
    return pairs


def _field_ok(name: str, want: Any, got: Any) -> bool:
    if name == "pricing":
        return _prices_equal(want, got)
    if name in ("parameters", "endpoints"):
        return isinstance(got, list) and sorted(got) == sorted(want)
    if name == "notes":
        return notes_match(want, got)
    return bool(got == want)


def _prices_equal(want: dict[str, Any] | None, got: dict[str, Any] | None) -> bool:
    if want is None or got is None:
        return want is None and got is None
    if set(want) != set(got):
        return False
    return all(_decimal(want[k]) == _decimal(got[k]) for k in want)


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 300 else text[:297] + "..."
