"""A page's bytes as text (crawler/extract/decoding.py): the declared encoding, unless it made mojibake of
bytes that are valid UTF-8; through `modelwatch extract` and through a crawl of the replica's
wrong-encoding page (<meta charset=iso-8859-1>, UTF-8 bytes, no charset in Content-Type)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from scrapy.http import HtmlResponse
from sqlmodel import Session, select

from crawler.extract.decoding import decode_page, prefer_utf8
from crawler.source import SourceSpec
from db.engine import make_engine
from db.models import Endpoint, PricePeriod
from monitor.crawling.fetch import fetch_page
from monitor.crawling.run import crawl_in_child
from replica.corpus import PAGES

TEXT = "Qwen3 32B — 通义千问: ¥2 / €0.09 per 1M tokens, café"
META = "<html><head><meta charset='{}'></head><body><p>{}</p></body></html>"


def body(declared: str, text: str, encoding: str) -> bytes:
    return META.format(declared, text).encode(encoding)


@pytest.mark.parametrize(
    ("case", "data", "content_type", "want"),
    [
        ("UTF-8 declared as ISO-8859-1 in <meta>", body("iso-8859-1", TEXT, "utf-8"), "text/html", TEXT),
        (
            "UTF-8 declared as ISO-8859-1 in <meta>, no Content-Type",
            body("iso-8859-1", TEXT, "utf-8"),
            None,
            TEXT,
        ),
        (
            "UTF-8 declared as ISO-8859-1 by the HTTP charset",
            body("utf-8", TEXT, "utf-8"),
            "text/html; charset=iso-8859-1",
            TEXT,
        ),
        ("UTF-8 declared as Shift_JIS", body("shift_jis", TEXT, "utf-8"), "text/html", TEXT),
        ("real Latin-1", body("iso-8859-1", "café crème, 5 €", "cp1252"), "text/html", "café crème, 5 €"),
        (
            "real Windows-1252, HTTP charset",
            body("x", "prix : 0,50 € – “HT”", "cp1252"),
            "text/html; charset=cp1252",
            "prix : 0,50 € – “HT”",
        ),
        ("real GB18030", body("gb18030", "通义千问 ¥2", "gb18030"), "text/html", "通义千问 ¥2"),
        ("UTF-8 declared as UTF-8", body("utf-8", TEXT, "utf-8"), "text/html; charset=utf-8", TEXT),
        (
            "ASCII declared as ISO-8859-1",
            body("iso-8859-1", "$0.13 / 1M", "ascii"),
            "text/html",
            "$0.13 / 1M",
        ),
        ("UTF-16 with its BOM", "\ufeff".encode("utf-16-le") + body("utf-16", TEXT, "utf-16-le"), None, TEXT),
    ],
)
def test_decode_page(case: str, data: bytes, content_type: str | None, want: str) -> None:
    assert want in decode_page(data, content_type=content_type), case


def test_prefer_utf8_keeps_scrapys_reading_unless_it_is_mojibake() -> None:
    data = body("iso-8859-1", TEXT, "utf-8")
    response = HtmlResponse(
        "https://nordhavn.example/pricing", body=data, headers={"Content-Type": "text/html"}
    )
    assert "â‚¬0.09" in response.text and "千" not in response.text  # what Scrapy alone gives
    assert TEXT in prefer_utf8(data, encoding=response.encoding, text=response.text)
    latin = body("iso-8859-1", "café", "latin-1")
    kept = HtmlResponse("https://x.example/", body=latin, headers={"Content-Type": "text/html"})
    assert prefer_utf8(latin, encoding=kept.encoding, text=kept.text) == kept.text


def names_and_currencies(offers: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(offer["name"], offer["currency"]) for offer in offers}


EXPECTED = {
    ("Mistral Small 3.2 24B", "EUR"),
    ("Llama 3.3 70B Instruct", "EUR"),
    ("Qwen3 32B — 通义千问", "CNY"),
}


SERVED = {
    "/latin1": ("text/html", body("iso-8859-1", "café, 5 €", "cp1252")),
    "/utf8-said-latin1": ("text/html; charset=iso-8859-1", body("utf-8", TEXT, "utf-8")),
}


@pytest.fixture
def pages_server() -> Iterator[str]:
    """A server sending `SERVED` bytes with their Content-Type as given (no charset added)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            content_type, data = SERVED[self.path]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_extract_fetches_decode_as_a_crawl_does(pages_server: str) -> None:
    # a Latin-1 page that says so only in its <meta>, and UTF-8 bytes under a wrong HTTP charset
    assert "café, 5 €" in fetch_page(f"{pages_server}/latin1")
    assert TEXT in fetch_page(f"{pages_server}/utf8-said-latin1")


def test_modelwatch_extract_reads_the_wrong_encoding_page_as_utf8(replica: Any, tmp_path: Path) -> None:
    url = f"{replica.url}{PAGES['hostile-wrong-encoding'].path}"
    result = subprocess.run(
        [sys.executable, "-m", "monitor", "extract", url, "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert names_and_currencies(json.loads(result.stdout)) == EXPECTED


def test_a_crawl_reads_the_wrong_encoding_page_as_utf8(replica: Any, sqlite_url: str) -> None:
    url = f"{replica.url}{PAGES['hostile-wrong-encoding'].path}"
    spec = SourceSpec(name="nordhavn", kind="pages", provider="Nordhavn AI", urls=(url,), timeout_s=5)
    report = crawl_in_child(db_url=sqlite_url, sources=[spec], aliases={}, timeout_s=120).reports[0]
    assert report.status == "ok", report.problems
    engine = make_engine(sqlite_url)
    with Session(engine) as s:
        endpoints = {e.id: e for e in s.exec(select(Endpoint))}
        periods = list(s.exec(select(PricePeriod)))
    engine.dispose()
    got = {(endpoints[p.endpoint_id].name, p.currency) for p in periods}
    assert got == EXPECTED
