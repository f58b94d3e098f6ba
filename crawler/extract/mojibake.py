"""UTF-8 text that was decoded as Windows-1252 (a page whose ``<meta charset>`` says ISO-8859-1 while its
bytes are UTF-8), put back: ``â‚¬0.09`` is ``€0.09``, ``Â¥2`` is ``¥2``, ``â€”`` is ``—``.

Only a run of characters that is exactly the Windows-1252 reading of one UTF-8 sequence (a lead byte and
its continuation bytes) is replaced, and only on a page where such runs are many: Latin-1 text that
merely contains ``Ã`` or ``â`` stays as it is. A byte Windows-1252 does not define was lost in the first
decoding (it reads ``�``): its character stays lost.
"""

from __future__ import annotations

import re

# a UTF-8 lead byte (2-, 3- or 4-byte sequence) and its continuation bytes, as Windows-1252 shows them
_CONTINUATION = "\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_RUN = re.compile(
    rf"[\xc2-\xdf][{_CONTINUATION}]|[\xe0-\xef][{_CONTINUATION}]{{2}}|[\xf0-\xf4][{_CONTINUATION}]{{3}}"
)
_HINT = re.compile(r"[\xc2-\xf4][€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\x80-\xbf]")
_MIN_RUNS = 3
_LEADS = bytes(range(0xC2, 0xF5))  # the lead characters of a run, as bytes of the Latin-1 copy below


def repair_mojibake(text: str) -> str:
    """``text`` with its Windows-1252 readings of UTF-8 put back (see the module), or as it is."""
    latin = text.encode("latin-1", "ignore")  # a plain copy: twice as fast to test as a regex scan
    if len(latin.translate(None, _LEADS)) == len(latin) or not _HINT.search(text):
        return text
    runs = _RUN.findall(text)
    if len(runs) < _MIN_RUNS:
        return text
    return _RUN.sub(_repair, text)


def _repair(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        return run.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run
