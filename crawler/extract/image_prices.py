"""Prices shown only as a picture: not read (no OCR), but said, so that "no price found" is not a mystery.

A docs page may draw its price table as an image. The extractor never guesses a price from it (no price
is better than a wrong one, and never a zero); `price_images` finds the images that are where prices
would be, for the problem to name: an image whose address, ``alt`` or ``title`` speaks of prices, or one
inside a section whose heading does ("Pricing", "Prices", "定价", "价格").
"""

from __future__ import annotations

from typing import Any

_WORDS = ("pric", "cost", "定价", "价格", "计费")
_LOWER = "translate({}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_SAYS = " or ".join(f"contains({_LOWER.format('{}')}, '{word}')" for word in _WORDS)
# an image whose own attributes speak of prices, or whose nearest sectioning ancestor has such a heading
_PRICE_IMAGES = (
    "//img[{src} or {alt} or {title} or ancestor::*[self::section or self::article or self::div][1]"
    "[./*[self::h1 or self::h2 or self::h3 or self::h4][{heading}]]]".format(
        src=_SAYS.replace("{}", "@src"),
        alt=_SAYS.replace("{}", "@alt"),
        title=_SAYS.replace("{}", "@title"),
        heading=_SAYS.replace("{}", "."),
    )
)


def price_images(root: Any, limit: int = 3) -> list[str]:
    """The addresses (else ``alt`` texts) of up to `limit` images of `root` where prices would be."""
    if root is None:
        return []
    found = []
    for image in root.xpath(_PRICE_IMAGES)[:limit]:
        found.append(image.get("src") or image.get("alt") or "an image")
    return found
