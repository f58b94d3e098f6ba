"""The static page extractor on the extraction corpus: one row per page of ``replica/pages/corpus``, the
page read as a crawl reads it and every field of every offer compared with ``tests/crawler/corpus``.

Pages the extractor gets wrong today are marked xfail (strict) with what it misses: when an improvement
makes one right, its row fails with XPASS and the mark must go. The comparison itself is never loosened
(``tests/crawler/corpus_check.py``; the expected format in ``tests/crawler/corpus/README.md``).
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any

import pytest

from replica.corpus import PAGES, page_body
from tests.crawler.corpus_check import (
    CORPUS,
    FIELDS,
    NOTE_WORDS,
    PRICE_ROLES,
    compare,
    load_cases,
    numbers_in,
    static_errors,
)

CASES = {case.name: case for case in load_cases()}

#: What the static extractor gets wrong on each page today (the baseline of issue 11).
XFAIL: dict[str, str] = {}


def rows() -> list[Any]:
    return [
        pytest.param(
            name, marks=[pytest.mark.xfail(strict=True, reason=XFAIL[name])] if name in XFAIL else []
        )
        for name in sorted(CASES)
    ]


@pytest.mark.parametrize("name", rows())
def test_corpus_page(name: str) -> None:
    case = CASES[name]
    extraction = case.extract()
    if case.render == "browser":
        # Drawn by JavaScript: its offers are for the browser path. Statically, no price and a problem.
        errors = static_errors(case, extraction)
        assert not errors, f"{name}: " + "; ".join(errors)
        return
    comparison = compare(case, extraction)
    wrong = comparison.wrong()
    assert not wrong, f"{name}: {len(wrong)} differences\n  " + "\n  ".join(wrong)


def test_xfail_marks_name_pages_of_the_corpus() -> None:
    assert set(XFAIL) <= set(CASES)
    assert not {name for name in XFAIL if CASES[name].render == "browser"}


# -- the corpus itself ----------------------------------------------------------------------------------


def test_every_page_has_its_expected_json() -> None:
    assert set(CASES) == set(PAGES)
    assert {p.stem for p in CORPUS.glob("*.json")} == set(PAGES)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_expected_json_is_well_formed(name: str) -> None:
    case = CASES[name]
    expected = case.expected
    assert expected["url"] == PAGES[name].url
    assert expected["render"] in ("static", "browser")
    assert (expected["render"] == "browser") == ("static" in expected)
    assert expected["offers"], "every page has at least one offer to find"
    for offer in expected["offers"]:
        assert set(offer) - {"notes"} == set(FIELDS) - {"notes"}, offer
        assert offer["model"] or offer["name"]
        assert (offer["pricing"] is None) == (offer["currency"] is None), offer
        assert set(offer["pricing"] or {}) <= set(PRICE_ROLES)
        assert offer["parameters"] == sorted(set(offer["parameters"]))
        assert not {"model", "messages", "stream", "stream_options"} & set(offer["parameters"])
        for note in offer.get("notes", []):
            assert note["kind"] in NOTE_WORDS or note["kind"] == "currency", note
            assert set(note) - {"kind", "currency", "min_prompt_tokens"} <= set(PRICE_ROLES), note
    if any(o["model"] is None for o in expected["offers"]):
        assert "no model id found" in expected["problems"]
    if any(o["pricing"] is None for o in expected["offers"]):
        assert "no price found" in expected["problems"]


@pytest.mark.parametrize("name", sorted(n for n in PAGES if CASES[n].render == "static"))
def test_expected_facts_are_on_the_page(name: str) -> None:
    """No expected value the page does not show: ids, names, prices and token counts are in its text."""
    text = html.unescape(page_body(name).decode("utf-8"))
    flat = text.replace("\\u002F", "/").replace('\\"', '"')
    numbers = numbers_in(flat)
    for offer in CASES[name].expected["offers"]:
        for key in ("model", "name"):
            if offer[key] is not None:
                assert offer[key] in flat, f"{key} {offer[key]!r} is not on the page"
        amounts: list[Any] = list((offer["pricing"] or {}).values())
        for note in offer.get("notes", []):
            amounts += [note[role] for role in PRICE_ROLES if role in note]
        for amount in amounts:
            value = Decimal(str(amount))
            assert value in numbers or value / 10**6 in numbers or value == 0, (
                f"price {amount} not on the page"
            )
        for key in ("context_length", "max_output_tokens"):
            if offer[key] is not None:
                assert offer[key] in numbers, f"{key} {offer[key]} not on the page"


def test_corpus_readme_names_every_kind_of_note() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    kinds = {
        note["kind"]
        for case in CASES.values()
        for o in case.expected["offers"]
        for note in o.get("notes", [])
    }
    assert all(f"`{kind}`" in readme for kind in kinds)
