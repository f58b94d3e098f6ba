"""A real Scrapy crawl of model pages served by the replica: EigenAI's page into the catalog,
a page whose layout changed, robots.txt, a page that is not HTML."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from crawler.source import SourceSpec
from db.engine import make_engine
from db.models import Change, CrawlProblem, Endpoint, Model, PricePeriod
from monitor.crawling.run import CrawlOutcome, crawl_in_child
from replica import faults

ALIASES = {"deepseek-v31-terminus": "deepseek/deepseek-v3.1-terminus"}


def crawl_pages(db_url: str, urls: list[str], *, provider: str = "EigenAI") -> CrawlOutcome:
    spec = SourceSpec(name="eigenai", kind="pages", provider=provider, urls=tuple(urls), timeout_s=5)
    return crawl_in_child(db_url=db_url, sources=[spec], aliases=ALIASES, timeout_s=120)


def test_eigenai_page_becomes_a_credits_endpoint_of_the_canonical_model(
    replica: Any, sqlite_url: str
) -> None:
    report = crawl_pages(sqlite_url, [f"{replica.url}/deepseek.html"]).reports[0]
    assert report.status == "ok", report.problems
    engine = make_engine(sqlite_url)
    with Session(engine) as s:
        endpoint = s.exec(select(Endpoint)).one()
        model = s.get(Model, endpoint.model_id)
        period = s.exec(select(PricePeriod)).one()
    engine.dispose()
    assert model is not None and model.canonical_id == "deepseek/deepseek-v3.1-terminus"
    assert endpoint.provider_model_id == "deepseek-v31-terminus"
    assert endpoint.protocol == "eigenai" and endpoint.url.endswith("/api/v1/generate")
    assert endpoint.context_length is None  # the page does not say: null, never 0
    assert {"chat_template_kwargs.thinking", "reasoning_effort", "separate_reasoning", "top_k"} <= set(
        endpoint.parameters
    )
    assert (period.input, period.output, period.currency) == (D("0.4"), D("2"), "credits")
    # why each value was read is stored with it: where on the page, the text, how sure
    assert endpoint.evidence is not None
    assert {"model", "pricing", "parameters"} <= set(endpoint.evidence)
    assert "0.4" in endpoint.evidence["pricing"]["snippet"]
    for why in endpoint.evidence.values():
        assert why["where"] and why["method"] and 0 < why["confidence"] <= 1


def test_page_whose_price_vanished_is_one_parser_broken_event_and_keeps_the_price(
    replica: Any, sqlite_url: str
) -> None:
    page = f"{replica.url}/deepseek.html"
    crawl_pages(sqlite_url, [page])
    layout = (Path(__file__).resolve().parents[2] / "replica" / "pages" / "deepseek.html").read_text()
    without_price = layout.replace("0.40", "").replace("2.0 ", " ").replace("credits", "")
    replica.set_fault("/deepseek.html", faults.html(without_price))
    for _ in range(2):
        report = crawl_pages(sqlite_url, [page]).reports[0]
        assert report.status == "failed" and report.removed_endpoints == 0  # nothing usable this run
    engine = make_engine(sqlite_url)
    with Session(engine) as s:
        assert [c.kind for c in s.exec(select(Change))] == ["parser_broken"]
        kinds = [p.kind for p in s.exec(select(CrawlProblem).order_by(col(CrawlProblem.id)))]
        period = s.exec(select(PricePeriod)).one()
        endpoint = s.exec(select(Endpoint)).one()
    engine.dispose()
    assert kinds == ["layout_changed", "layout_changed"]
    assert (period.input, period.output, period.valid_to) == (D("0.4"), D("2"), None)
    assert endpoint.removed_at is None


def test_robots_txt_is_obeyed_on_pages(replica: Any, sqlite_url: str) -> None:
    replica.robots_txt = "User-agent: *\nDisallow: /deepseek.html\n"
    outcome = crawl_pages(sqlite_url, [f"{replica.url}/deepseek.html"])
    report = outcome.reports[0]
    assert report.status == "failed"
    assert report.problems[0].startswith("robots_disallowed:")
    assert replica.requests["/deepseek.html"] == 0


def test_page_that_is_not_html_is_a_problem(replica: Any, sqlite_url: str) -> None:
    report = crawl_pages(sqlite_url, [f"{replica.api_url}/providers"]).reports[0]
    assert report.status == "failed" and report.problems[0].startswith("malformed_html:")


def test_a_missing_page_is_an_http_problem(replica: Any, sqlite_url: str) -> None:
    report = crawl_pages(sqlite_url, [f"{replica.url}/deepseek.html", f"{replica.url}/nope.html"]).reports[0]
    assert report.status == "partial" and report.endpoints_seen == 1
    assert any(p.startswith("http_error: model page: HTTP 404") for p in report.problems)
