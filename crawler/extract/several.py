"""The models a page lists, when it lists several: its pricing tables (models as rows or as columns, one
table per model; ``<table>``s, ARIA grids and div tables), its repeated model cards and its linked model
lists, merged into one entry per model.

`read_several` gives them in page order, tables first; `page.py` makes one offer of each when there are
two or more, and reads the page as one model's page otherwise.
"""

from __future__ import annotations

from crawler.extract.cards import read_cards
from crawler.extract.divgrid import read_div_grids
from crawler.extract.grid import read_grids
from crawler.extract.htmltext import Document
from crawler.extract.listed import Listed, merge_listed
from crawler.extract.tables import read_price_tables


def read_several(doc: Document) -> list[Listed]:
    """One entry per model the page's tables, cards and model lists show (possibly one, possibly none)."""
    root = getattr(doc, "root", None)
    if root is None:
        return []
    grids = read_grids(root)
    tables = read_price_tables(grids + read_div_grids(root, first=len(grids) + 1))
    return merge_listed(tables + read_cards(root))
