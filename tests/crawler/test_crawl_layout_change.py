"""A page of several models whose layout changed, crawled for real from the replica (a fault serves the
changed page): the models that lost their price keep their last values, are not removed, and one
`parser_broken` change names them; the others are read as usual. Never a null or a zero over a known
price."""

from __future__ import annotations

import re
from decimal import Decimal as D
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from crawler.source import SourceSpec
from db.engine import make_engine
from db.models import Change, CrawlProblem, Endpoint, PricePeriod
from monitor.crawling.run import CrawlOutcome, crawl_in_child
from replica import faults

PATH = "/together-serverless-pricing.html"
PAGE = (Path(__file__).resolve().parents[2] / "replica" / "pages" / PATH.lstrip("/")).read_text()
PRICES = {
    "deepseek-ai/DeepSeek-V3.1": (D("0.60"), D("1.70")),
    "deepseek-ai/DeepSeek-R1": (D("3.00"), D("7.00")),
    "meta-llama/Llama-3.3-70B-Instruct-Turbo": (D("0.88"), D("0.88")),
    "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo": (D("0.18"), D("0.18")),
}
#: two rows whose prices became "Contact us" and a dash; the two others cheaper than before
SOME_LOST = (
    PAGE.replace("<td>$3.00</td><td>$7.00</td>", "<td>Contact us</td><td>Contact us</td>")
    .replace("<td>$0.18</td><td>$0.18</td>", "<td>—</td><td>—</td>")
    .replace("<td>$0.60</td><td>$1.70</td>", "<td>$0.55</td><td>$1.70</td>")
)
#: the price columns gone: the table lists the four models and their context, no price
ALL_LOST = re.sub(r"<td>\$[\d.]+</td>", "", PAGE).replace(
    "<th>Input price (per 1M tokens)</th><th>Output price (per 1M tokens)</th>", ""
)
#: a fifth model, never priced ("Contact us"), beside the four as they were
NEW_UNPRICED = PAGE.replace(
    "</tbody>",
    "<tr><td><strong>Kimi K2</strong><br><code>moonshotai/Kimi-K2-Instruct</code></td><td>128K</td>"
    "<td>Contact us</td><td>Contact us</td></tr></tbody>",
)


def crawl(db_url: str, url: str) -> CrawlOutcome:
    spec = SourceSpec(name="together", kind="pages", provider="Together", urls=(url,), timeout_s=5)
    return crawl_in_child(db_url=db_url, sources=[spec], aliases={}, timeout_s=120)


def stored(db_url: str) -> dict[str, Any]:
    engine = make_engine(db_url)
    with Session(engine) as s:
        endpoints = {e.id: e for e in s.exec(select(Endpoint))}
        periods = list(s.exec(select(PricePeriod).order_by(col(PricePeriod.id))))
        changes = [(c.kind, c.subject, c.new) for c in s.exec(select(Change).order_by(col(Change.id)))]
        problems = [(p.kind, p.message) for p in s.exec(select(CrawlProblem).order_by(col(CrawlProblem.id)))]
    engine.dispose()
    open_prices = {
        endpoints[p.endpoint_id].provider_model_id: (p.input, p.output) for p in periods if p.valid_to is None
    }
    return {
        "removed": sorted(e.provider_model_id for e in endpoints.values() if e.removed_at is not None),
        "endpoints": sorted(e.provider_model_id for e in endpoints.values()),
        "open_prices": open_prices,
        "null_periods": [p for p in periods if p.input is None or p.output is None],
        "changes": changes,
        "problems": problems,
    }


def test_a_page_losing_some_models_prices_keeps_them_and_says_which(replica: Any, sqlite_url: str) -> None:
    url = f"{replica.url}{PATH}"
    assert crawl(sqlite_url, url).reports[0].status == "ok"
    assert stored(sqlite_url)["open_prices"] == PRICES

    replica.set_fault(PATH, faults.html(SOME_LOST))
    for _ in range(2):
        report = crawl(sqlite_url, url).reports[0]
        assert report.status == "partial" and report.removed_endpoints == 0
    after = stored(sqlite_url)
    assert after["removed"] == [] and len(after["endpoints"]) == 4
    assert after["null_periods"] == []  # never a null (or a zero) over a known price
    assert after["open_prices"] == {**PRICES, "deepseek-ai/DeepSeek-V3.1": (D("0.55"), D("1.70"))}
    broken = [change for change in after["changes"] if change[0] == "parser_broken"]
    assert len(broken) == 1 and broken[0][1] == url  # one event for the page while it lasts
    assert "'deepseek-ai/DeepSeek-R1', 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo'" in broken[0][2]
    assert [kind for kind, _, _ in after["changes"] if kind.startswith("price")] == ["price_down"]
    layout = [message for kind, message in after["problems"] if kind == "layout_changed"]
    assert len(layout) == 2  # one per run
    assert layout[0] == (
        "model page layout changed: no price found for 'deepseek-ai/DeepSeek-R1', "
        "'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo'; their last known values are kept"
    )

    replica.clear_faults()
    assert crawl(sqlite_url, url).reports[0].status == "ok"
    mended = stored(sqlite_url)
    assert [kind for kind, _, _ in mended["changes"]][len(after["changes"]) :] == ["parser_fixed", "price_up"]
    assert mended["open_prices"] == PRICES  # DeepSeek-V3.1's price is back up, the others never moved


def test_a_page_losing_its_whole_price_table_writes_nothing(replica: Any, sqlite_url: str) -> None:
    url = f"{replica.url}{PATH}"
    crawl(sqlite_url, url)
    replica.set_fault(PATH, faults.html(ALL_LOST))
    report = crawl(sqlite_url, url).reports[0]
    assert report.status == "failed" and report.removed_endpoints == 0
    after = stored(sqlite_url)
    assert after["open_prices"] == PRICES and after["null_periods"] == [] and after["removed"] == []
    assert [kind for kind, _, _ in after["changes"]].count("parser_broken") == 1
    assert any(
        "no price found for 'deepseek-ai/DeepSeek-V3.1'" in message for _, message in after["problems"]
    )


def test_a_model_never_priced_is_a_warning_not_a_broken_parser(replica: Any, sqlite_url: str) -> None:
    url = f"{replica.url}{PATH}"
    crawl(sqlite_url, url)
    replica.set_fault(PATH, faults.html(NEW_UNPRICED))
    report = crawl(sqlite_url, url).reports[0]
    assert report.status == "ok", report.problems
    assert any("no price found for 'moonshotai/Kimi-K2-Instruct'" in w for w in report.warnings)
    after = stored(sqlite_url)
    assert "parser_broken" not in [kind for kind, _, _ in after["changes"]]
    assert sorted(after["open_prices"]) == sorted(PRICES)  # the new model is not stored without a price
