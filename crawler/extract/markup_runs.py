"""Long runs of repeated blocks cut out of a huge page's markup before it is parsed.

A 10 MB page is mostly one run of same-looking siblings: changelog entries, a feed, a huge list. Parsing
all of them only to cut the run in the tree afterwards (`crawler.extract.bounds`) costs most of the page's
time: libxml2 builds, and then frees, hundreds of thousands of elements no reader looks at. So a page
whose markup has more than twice as many tags as the element budget allows elements (a start and an end
tag each) is first cut as text: the run of sibling blocks
found at its middle (start tags of one name and class, each block closed before the next begins, nothing
but blanks between them) keeps its first blocks and the rest is left out before parsing. The problem says
so in the words the tree cut uses.

Every block of a run is checked before anything is cut: a block is its start tag and everything up to the
end tag that balances it (start and end tags of its name counted), and the next block must follow after
blanks only. Markup that does not check out (end tags left out, a run inside a script or a comment) is
left whole, for the tree cut, which is exact: this cut only makes the common case cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: characters after the page's middle in which the run's start tags are looked for
WINDOW = 20_000
#: blocks in a row, within the window, for a kind of block to be followed through the page
MIN_CHAIN = 3
#: blocks in a row followed within the window, at most (to rank the kinds)
MAX_CHAIN = 16
_SAMPLES = 8  # runs cut, at most
_TRIES = 4  # blocks of a kind in the window tried as the start of a chain

_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_BLANKS = re.compile(r"\s*")
# elements that are never a block of a run: void ones, and those whose content is not markup
_NOT_BLOCKS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source"]
    + ["track", "wbr", "script", "style", "textarea", "title", "xmp", "noscript", "template", "html"]
    + ["head", "body"]
)
# (opening, closing) of the places where markup is not markup: a run must not start inside one
_RAW_TEXT = (("<script", "</script"), ("<!--", "-->"))


@dataclass(frozen=True)
class Run:
    """Blocks of one kind, each right after the other: where each starts, and where the last ends."""

    tag: str
    cls: str | None
    starts: list[int]
    end: int

    def label(self) -> str:
        return f"<{self.tag}" + (f' class="{self.cls}"' if self.cls else "") + ">"


def cut_repeated_markup(text: str, *, budget: int, keep: int) -> tuple[str, list[str]]:
    """`text` with the long runs of repeated blocks at its middle cut to their first `keep` blocks, while
    it has more than twice `budget` tags (``<``); the problems saying what was cut."""
    problems: list[str] = []
    for _ in range(_SAMPLES):
        if text.count("<") <= 2 * budget:  # a start and an end tag an element
            break
        run = find_middle_run(text, longer_than=keep)
        if run is None:
            break
        text = text[: run.starts[keep]] + text[run.end :]
        skipped = len(run.starts) - keep
        problems.append(
            f"page too large: {skipped:,} of {len(run.starts):,} repeated {run.label()} blocks skipped "
            f"(the first {keep} read)"
        )
    return text, problems


def find_middle_run(text: str, *, longer_than: int) -> Run | None:
    """The run of more than `longer_than` sibling blocks of the kind that repeats most, in a row, just
    after the middle of `text`, or None. Kinds are tried from the longest chain in the window down (the
    items of a list inside each entry chain too, but not as long): the first long run is the one."""
    middle = len(text) // 2
    for (tag, cls), first in _kinds_at(text, middle, middle + WINDOW):
        run = _run_through(text, tag, cls, first)
        if run is not None and len(run.starts) > longer_than and not _inside_raw_text(text, run.starts[0]):
            return run
    return None


def _kinds_at(text: str, start: int, stop: int) -> list[tuple[tuple[str, str | None], int]]:
    """The kinds of block (tag, class) that follow each other at least `MIN_CHAIN` times in a row between
    `start` and `stop`, each with the start of its chain there, the longest chains first."""
    found: dict[tuple[str, str | None], list[int]] = {}
    for match in _START_TAG.finditer(text, start, stop):
        tag = match.group(1).lower()
        if tag not in _NOT_BLOCKS:
            found.setdefault((tag, _class_of(match.group(2))), []).append(match.start())
    chained = []
    for kind, starts in found.items():
        length, first = _chain(text, kind[0], starts) if len(starts) >= MIN_CHAIN else (0, 0)
        if length >= MIN_CHAIN:
            chained.append((length, kind, first))
    chained.sort(key=lambda item: -item[0])  # stable: equal chains in page order
    return [(kind, first) for _, kind, first in chained]


def _chain(text: str, tag: str, starts: list[int]) -> tuple[int, int]:
    """The longest chain (up to `MAX_CHAIN`) of blocks that follow each other, begun at one of the first
    few `starts`: its length and where it begins."""
    pattern = _tags_of(tag)
    known = set(starts)
    best = (0, 0)
    for first in starts[:_TRIES]:
        length, here = 1, first
        while length < MAX_CHAIN:
            end = _block_end(text, pattern, here)
            if end is None:
                break
            here = _skip_blanks(text, end)
            if here not in known:
                break
            length += 1
        best = max(best, (length, -first))
        if length == MAX_CHAIN:
            break
    return best[0], -best[1]


def _run_through(text: str, tag: str, cls: str | None, member: int) -> Run | None:
    """The run of sibling `<tag class=cls>` blocks that has a block starting at `member`.

    The blocks of that kind are followed from the first in the page on, one after the other; where a
    block is not right after the one before, a new run begins at it."""
    starts = [m.start() for m in _starts_of(tag, cls).finditer(text)]
    pattern = _tags_of(tag)
    run: list[int] = []
    end = 0
    for start in starts:
        if start < end:  # a block of the kind inside the one before: not a sibling
            continue
        if run and _skip_blanks(text, end) != start:  # not right after the one before: the run is over
            if run[0] <= member < end:
                break
            run = []
        if start > member and not run:  # the block at `member` was inside another, or is not one
            return None
        block_end = _block_end(text, pattern, start)
        if block_end is None:  # never closed: nothing after it can be counted
            break
        run.append(start)
        end = block_end
    if not run or not run[0] <= member < end:
        return None
    return Run(tag=tag, cls=cls, starts=run, end=end)


def _block_end(text: str, pattern: re.Pattern[str], start: int) -> int | None:
    """Just past the end tag that balances the start tag at `start` (tags of its name counted), or None."""
    first = pattern.search(text, start + 1)
    if first is not None and first.group(1):  # nearly always: no block of its name inside
        closed = text.find(">", first.end())
        return closed + 1 if closed >= 0 else None
    depth = 1
    for match in pattern.finditer(text, start + 1):
        if match.group(1):
            depth -= 1
            if depth == 0:
                closed = text.find(">", match.end())
                return closed + 1 if closed >= 0 else None
        else:
            depth += 1
    return None


def _inside_raw_text(text: str, position: int) -> bool:
    """Whether `position` is inside a script or a comment (style sheets and text areas do not hold runs
    of markup). The last end before `position` is looked for backwards, a start after it forwards."""
    for opening, closing in _RAW_TEXT:
        closed = max(text.rfind(closing, 0, position), text.rfind(closing.upper(), 0, position))
        after = closed + 1 if closed >= 0 else 0
        if text.find(opening, after, position) >= 0 or text.find(opening.upper(), after, position) >= 0:
            return True
    return False


def _skip_blanks(text: str, position: int) -> int:
    return _BLANKS.match(text, position).end()  # type: ignore[union-attr]  # \s* always matches


def _class_of(attributes: str) -> str | None:
    match = _CLASS.search(attributes)
    if match is None:
        return None
    return next(value for value in match.groups() if value is not None)


def _tags_of(tag: str) -> re.Pattern[str]:
    """Where start (group 1 empty) and end (group 1 "/") tags of the element `tag` begin."""
    return re.compile(rf"<(/?){re.escape(tag)}(?=[\s/>])", re.I)


def _starts_of(tag: str, cls: str | None) -> re.Pattern[str]:
    """Start tags of `tag` with exactly the class `cls` (None: without a class attribute)."""
    name = rf"<{re.escape(tag)}(?=[\s/>])"
    if cls is None:
        return re.compile(name + r"(?![^>]*\sclass\s*=)", re.I)
    value = re.escape(cls)
    return re.compile(name + rf"""[^>]*?\sclass\s*=\s*(?:"{value}"|'{value}'|{value}(?=[\s/>]))""", re.I)
