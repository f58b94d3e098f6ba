"""Hostile corpus pages crawled for real from the replica: the 10 MB page is read within the extractor's
budget (a warning says what was skipped), a page over the source's size cap is not read at all, the page
nested 5,000 levels deep gives its prices."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

from sqlmodel import Session, select

from crawler.source import SourceSpec
from db.engine import make_engine
from db.models import Endpoint, PricePeriod
from monitor.crawling.run import CrawlOutcome, crawl_in_child
from replica import faults
from replica.corpus import PAGES, page_body


def crawl(db_url: str, url: str, *, provider: str, max_bytes: int = 10 * 1024 * 1024) -> CrawlOutcome:
    spec = SourceSpec(
        name="hostile", kind="pages", provider=provider, urls=(url,), timeout_s=20, max_bytes=max_bytes
    )
    return crawl_in_child(db_url=db_url, sources=[spec], aliases={}, timeout_s=120)


def stored(db_url: str) -> list[tuple[Endpoint, PricePeriod]]:
    engine = make_engine(db_url)
    with Session(engine) as s:
        rows = list(s.exec(select(Endpoint, PricePeriod).where(Endpoint.id == PricePeriod.endpoint_id)))
    engine.dispose()
    return [(endpoint, period) for endpoint, period in rows]


def test_the_10_mb_page_is_read_within_the_budget(replica: Any, sqlite_url: str) -> None:
    page = PAGES["hostile-huge-10mb"]
    assert len(page_body(page.name)) <= 10 * 1024 * 1024  # under the fetch cap: read, then cut
    report = crawl(sqlite_url, f"{replica.url}{page.path}", provider="Nebius").reports[0]
    assert report.status == "ok", report.problems
    assert any("page too large: 25,408 of 25,508 repeated" in warning for warning in report.warnings)
    ((endpoint, period),) = stored(sqlite_url)
    assert endpoint.provider_model_id == "meta-llama/Llama-3.3-70B-Instruct"
    assert (endpoint.max_output_tokens, endpoint.context_length) == (16384, 128000)  # after the 10 MB
    assert endpoint.url == "https://api.studio.nebius.com/v1/chat/completions"
    assert (period.input, period.output) == (D("0.13"), D("0.40"))


def test_a_page_over_the_size_cap_is_not_read(replica: Any, sqlite_url: str) -> None:
    page = PAGES["hostile-huge-10mb"]
    replica.set_fault(page.path, faults.oversized(3_000_000))
    report = crawl(sqlite_url, f"{replica.url}{page.path}", provider="Nebius", max_bytes=1_000_000).reports[0]
    assert report.status == "failed"
    assert any(problem.startswith("too_large:") for problem in report.problems), report.problems
    assert stored(sqlite_url) == []


def test_the_page_nested_5000_deep_gives_its_prices(replica: Any, sqlite_url: str) -> None:
    page = PAGES["hostile-deep-nesting"]
    report = crawl(sqlite_url, f"{replica.url}{page.path}", provider="Inference.net").reports[0]
    assert report.status == "ok", report.problems
    ((endpoint, period),) = stored(sqlite_url)
    assert endpoint.provider_model_id == "meta-llama/llama-3.1-8b-instruct/fp-8"
    assert endpoint.context_length == 16384
    assert (period.input, period.output) == (D("0.025"), D("0.025"))
