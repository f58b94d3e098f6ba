"""What a parser of a one-document source (models.dev, LiteLLM, a provider's ``/models``) returns: the
items it read, its problems, and whether the listing was read whole.

Pure data; the spiders of `crawler.spiders.document` yield it. A listing that is not `complete` (a body
that is not JSON, a changed shape, an empty catalog) lets the run remove nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from crawler.extract.jsonfields import ExtractError, short
from db.catalog.crawled import EndpointIn, ModelIn, Problem, ProviderIn

_BARE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass
class Listing:
    """One source document, parsed."""

    providers: list[ProviderIn] = field(default_factory=list)
    models: list[ModelIn] = field(default_factory=list)
    endpoints: list[EndpointIn] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: False when the document was not read whole: the run may then remove nothing
    complete: bool = True
    #: set when nothing usable could be read (the whole document unreadable)
    fatal: str | None = None

    @property
    def size(self) -> int:
        """How many items the listing holds (a crawl's progress counts them)."""
        return len(self.providers) + len(self.models) + len(self.endpoints)

    def fail(self, problem: Problem) -> Listing:
        """This listing, unreadable as a whole for `problem`."""
        self.problems.append(problem)
        self.complete = False
        self.fatal = problem.message
        return self


def read_json(body: bytes | str, *, where: str) -> Any:
    """A JSON document with its numbers as exact `Decimal` (never float); `ExtractError` if not JSON."""
    try:
        return json.loads(body, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ExtractError(f"{where}: not JSON ({exc})") from None


def read_document(listing: Listing, body: bytes | str, *, source: str, url: str, keyed_by: str) -> Any:
    """The document's top-level object (a JSON object keyed by `keyed_by`), or None with the listing
    failed by the problem: not JSON (`malformed_json`), or another shape (`layout_changed`)."""
    try:
        doc = read_json(body, where=source)
    except ExtractError as exc:
        listing.fail(Problem("malformed_json", str(exc), url=url, parser=True))
        return None
    if not isinstance(doc, dict):
        message = f"{source}: expected an object keyed by {keyed_by}, got {short(doc)}"
        listing.fail(Problem("layout_changed", message, url=url, parser=True))
        return None
    return doc


def key_path(*parts: str) -> str:
    """``deepinfra.models["zai-org/GLM-4.7"]``: a key path as messages show it (odd keys quoted)."""
    out = ""
    for part in parts:
        if _BARE.fullmatch(part):
            out += f".{part}" if out else part
        else:
            out += "[" + json.dumps(part) + "]"
    return out
