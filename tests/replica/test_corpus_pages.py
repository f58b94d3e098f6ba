"""The replica serves the extraction corpus: by file name and by the path of the URL each page imitates,
with its Content-Type; the two giant hostile pages generated from their templates."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from replica.catalog import demo_catalog
from replica.corpus import CORPUS_DIR, HUGE_BYTES, NESTING_DEPTH, PAGES, find_page, page_body
from replica.server import ReplicaServer


@pytest.fixture(scope="module")
def server() -> Iterator[ReplicaServer]:
    with ReplicaServer(demo_catalog()) as running:
        yield running


def test_every_page_has_its_file_and_a_readme_row() -> None:
    readme = (CORPUS_DIR / "README.md").read_text(encoding="utf-8")
    assert {p.stem for p in CORPUS_DIR.glob("*.html")} == set(PAGES)
    assert all(f"`{name}`" in readme for name in PAGES)
    assert len({page.path for page in PAGES.values()}) == len(PAGES), "two pages share a path"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_served_by_name_and_by_its_path(server: ReplicaServer, name: str) -> None:
    page = PAGES[name]
    for path in (f"/corpus/{name}.html", page.path):
        response = httpx.get(server.url + path, timeout=30)
        assert response.status_code == 200, path
        assert response.headers["content-type"] == page.content_type
        assert response.content == page_body(name)
    assert find_page(page.path + "/") is page


def test_unknown_corpus_paths_are_404(server: ReplicaServer) -> None:
    for path in ("/corpus/nope.html", "/corpus/www.together.ai/nope", "/corpus/%2E%2E/app.py"):
        assert httpx.get(server.url + path).status_code == 404, path


def test_wrong_encoding_page_declares_only_its_wrong_meta() -> None:
    page = PAGES["hostile-wrong-encoding"]
    assert "charset" not in page.content_type
    body = page_body(page.name)
    assert b"charset=iso-8859-1" in body
    assert "€0.09".encode() in body and "¥2".encode() in body  # UTF-8 bytes


def test_generated_pages_are_as_big_and_as_deep_as_said() -> None:
    huge = page_body("hostile-huge-10mb")
    assert HUGE_BYTES - 1000 <= len(huge) <= HUGE_BYTES + 1000
    assert huge.rstrip().endswith(b"</html>") and b"Max output tokens" in huge[-2000:]
    deep = page_body("hostile-deep-nesting").decode()
    assert deep.count('<div class="wrap">') == NESTING_DEPTH
    inner = deep.index("Input: $0.025")
    assert deep[:inner].count('<div class="wrap">') == NESTING_DEPTH
