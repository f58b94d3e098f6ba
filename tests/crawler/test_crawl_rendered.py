"""Pages drawn by JavaScript, crawled through the real headless Chromium (scrapy-playwright, the system
/usr/bin/chromium) against the replica, into a real SQLite file: the JS-only corpus page's offers land in
the store with their prices; a page whose script never returns is a timeout problem within the page
timeout; images and fonts are never requested; static and browser sources crawl together."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest
from sqlmodel import Session, col, select

from crawler.browser import CHROMIUM
from crawler.source import SourceSpec
from db.engine import make_engine
from db.models import CrawlProblem, Endpoint, PricePeriod
from monitor.crawling.run import CrawlOutcome, crawl_in_child
from replica import faults

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"{CHROMIUM} not found: the browser crawl drives Debian's chromium (apt-get install chromium; "
    ".ci/run does)",
)

JS_ONLY = "/corpus/www.parasail.io/pricing"
NEVER_SETTLES = "/corpus/lambda.ai/inference"
PARASAIL = {  # the JS-only page's table, as its script draws it (tests/crawler/corpus/parasail-js-only.json)
    "parasail-deepseek-v31": (D("0.45"), D("1.7"), 164000),
    "parasail-kimi-k2-instruct-0905": (D("0.99"), D("2.99"), 256000),
    "parasail-qwen3-235b-a22b-instruct-2507": (D("0.15"), D("0.85"), 256000),
    "parasail-gemma-3-27b-it": (D("0.1"), D("0.4"), 128000),
}
WITH_IMAGES = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Acme Cloud</title>
<link rel="preload" href="/assets/inter.woff2" as="font" type="font/woff2" crossorigin>
<style>@font-face { font-family: Inter; src: url(/assets/inter-700.woff2) format("woff2"); }
body { font-family: Inter, sans-serif; background: url(/assets/hero.jpg); }</style></head>
<body><img src="/assets/logo.png" alt="Acme"><div id="app"></div>
<video src="/assets/intro.mp4" autoplay muted></video>
<script>
  fetch("/api/v1/models").then(function (r) { return r.json(); }).then(function () {
    document.getElementById("app").innerHTML = "<h1>Acme Llama</h1><p>Model: acme-llama-3.3-70b</p>" +
      "<p>Input $0.20 / 1M tokens · Output $0.60 / 1M tokens · Context 131,072 tokens</p>" +
      '<img src="/assets/chart.webp">';
  });
</script></body></html>"""


def pages_source(name: str, urls: list[str], *, render: str = "browser", timeout_s: float = 15) -> SourceSpec:
    return SourceSpec(
        name=name,
        kind="pages",
        provider=name.capitalize(),
        urls=tuple(urls),
        timeout_s=10,
        render=render,
        render_timeout_s=timeout_s,
    )


def crawl(db_url: str, *sources: SourceSpec) -> CrawlOutcome:
    return crawl_in_child(db_url=db_url, sources=list(sources), aliases={}, timeout_s=180)


def test_js_only_page_is_drawn_in_chromium_and_its_offers_land_in_the_store(
    replica: Any, sqlite_url: str
) -> None:
    outcome = crawl(sqlite_url, pages_source("parasail", [replica.url + JS_ONLY]))
    report = outcome.reports[0]
    assert report.status == "ok", (report.problems, outcome.errors)
    engine = make_engine(sqlite_url)
    with Session(engine) as s:
        endpoints = {e.provider_model_id: e for e in s.exec(select(Endpoint))}
        prices = {p.endpoint_id: p for p in s.exec(select(PricePeriod))}
    engine.dispose()
    assert set(endpoints) == set(PARASAIL)
    for model, (input_price, output_price, context) in PARASAIL.items():
        endpoint = endpoints[model]
        period = prices[endpoint.id]
        assert (period.input, period.output, period.currency) == (input_price, output_price, "USD")
        assert endpoint.context_length == context
        assert endpoint.url == "https://api.parasail.io/v1/chat/completions"


def test_the_same_page_read_as_sent_has_nothing_to_store(replica: Any, sqlite_url: str) -> None:
    report = crawl(sqlite_url, pages_source("parasail", [replica.url + JS_ONLY], render="static")).reports[0]
    assert report.status == "failed"
    assert report.problems and report.problems[0].startswith("layout_changed:")
    assert report.problems[0].endswith('the page looks drawn by JavaScript: try render = "browser"')


def test_a_page_that_never_settles_is_a_timeout_problem(replica: Any, sqlite_url: str) -> None:
    source = pages_source("lambda", [replica.url + NEVER_SETTLES], timeout_s=3)
    report = crawl(sqlite_url, source).reports[0]
    assert report.status == "failed"
    assert report.problems == ["timeout: model page: page never settled within 3 s (rendered in Chromium)"]
    engine = make_engine(sqlite_url)
    with Session(engine) as s:
        stored = s.exec(select(CrawlProblem)).one()
        assert s.exec(select(Endpoint)).first() is None
    engine.dispose()
    assert (stored.kind, stored.url) == ("timeout", replica.url + NEVER_SETTLES)


HANGS_AFTER_LOAD = """<html><body><h1>Acme</h1><p>Model: acme-7b-v1</p>
<p>Input $0.10 / 1M tokens · Output $0.20 / 1M tokens</p>
<script>
  window.addEventListener("load", function () { setTimeout(function () { for (;;) {} }, 50); });
</script>
</body></html>"""


def test_pages_whose_scripts_hang_do_not_hold_up_the_others(replica: Any, sqlite_url: str) -> None:
    replica.set_fault("/hangs-after-load.html", faults.html(HANGS_AFTER_LOAD))
    urls = [replica.url + p for p in ("/hangs-after-load.html", NEVER_SETTLES, JS_ONLY)]
    report = crawl(sqlite_url, pages_source("mixed", urls, timeout_s=3)).reports[0]
    assert report.status == "partial"  # what was read is stored; nothing is removed
    assert (
        report.problems == ["timeout: model page: page never settled within 3 s (rendered in Chromium)"] * 2
    )
    engine = make_engine(sqlite_url)
    with Session(engine) as s:
        assert sorted(e.provider_model_id for e in s.exec(select(Endpoint))) == sorted(PARASAIL)
    engine.dispose()


def test_images_fonts_and_media_are_never_requested(replica: Any, sqlite_url: str) -> None:
    replica.set_fault("/acme-llama.html", faults.html(WITH_IMAGES))
    report = crawl(sqlite_url, pages_source("acme", [replica.url + "/acme-llama.html"])).reports[0]
    assert report.status == "ok", report.problems
    requests = replica.requests
    assert requests["/acme-llama.html"] == 1 and requests["/api/v1/models"] == 1  # the page and its data
    loaded = [path for path in requests if path.startswith("/assets/")]
    assert loaded == [], f"the browser requested {loaded}"
    engine = make_engine(sqlite_url)
    with Session(engine) as s:
        endpoint = s.exec(select(Endpoint)).one()
        period = s.exec(select(PricePeriod)).one()
    engine.dispose()
    assert endpoint.provider_model_id == "acme-llama-3.3-70b" and endpoint.context_length == 131072
    assert (period.input, period.output) == (D("0.2"), D("0.6"))


def test_static_and_browser_sources_crawl_together(replica: Any, sqlite_url: str) -> None:
    replica.set_fault("/acme-llama.html", faults.html(WITH_IMAGES))
    outcome = crawl(
        sqlite_url,
        pages_source("eigenai", [replica.url + "/deepseek.html"], render="static"),
        pages_source("parasail", [replica.url + JS_ONLY]),
        pages_source("acme", [replica.url + "/acme-llama.html"]),
        pages_source("lambda", [replica.url + NEVER_SETTLES], timeout_s=2),
    )
    status = {report.source: report.status for report in outcome.reports}
    assert status == {"eigenai": "ok", "parasail": "ok", "acme": "ok", "lambda": "failed"}
    engine = make_engine(sqlite_url)
    with Session(engine) as s:
        models = sorted(e.provider_model_id for e in s.exec(select(Endpoint).order_by(col(Endpoint.id))))
    engine.dispose()
    assert models == sorted([*PARASAIL, "acme-llama-3.3-70b", "deepseek-v31-terminus"])
