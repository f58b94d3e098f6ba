"""Every dashboard page through Streamlit's AppTest on a seeded database: no exception, and the rows and
values the store holds are the ones shown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import inspect
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from db.catalog.quality import quality_history
from db.engine import make_engine, session_scope
from db.models import CrawlRun
from db.types import utcnow
from tests.dashboard.conftest import AppFactory, ok
from tests.dashboard.seed import ACME, DEMO_MODEL, HOSTILE_MODEL, HOSTILE_PROVIDER

PAGES = ("catalog", "model", "status", "recommend", "changes")


def frames(at: AppTest) -> list[pd.DataFrame]:
    return [element.value for element in at.dataframe]


def texts(at: AppTest) -> list[str]:
    """Everything shown through markdown: titles, headers, captions, alert boxes, markdown."""
    groups = (at.title, at.header, at.subheader, at.markdown, at.caption, at.info, at.error, at.warning)
    return [str(element.value) for group in groups for element in group] + [
        str(element.value) for element in at.success
    ]


def frame_with(at: AppTest, *columns: str) -> pd.DataFrame:
    """The first table showing every one of `columns`."""
    found = [f.value for f in at.dataframe if set(columns) <= set(f.value.columns)]
    assert found, (columns, [list(f.value.columns) for f in at.dataframe])
    return found[0]


def test_catalog_lists_filters_and_downloads(app: AppFactory, seeded_url: str) -> None:
    at = ok(app(seeded_url))
    assert at.title[0].value == "Catalog"
    assert any("last crawled" in c.value and "openrouter: ok" in c.value for c in at.caption)
    table = frames(at)[0]
    deepinfra = table[(table["model"] == DEMO_MODEL) & (table["provider"] == "DeepInfra [deepinfra/fp4]")]
    assert len(deepinfra) == 1
    row = deepinfra.iloc[0]
    assert (row["input"], row["output"], row["context"]) == (0.27, 0.95, 163840)
    assert row["status"].endswith("up") and row["uptime 7d %"] == 100.0 and row["TTFT p50 ms"] > 0
    assert "tools" in row["capabilities"]
    assert row["page"] == "/model?id=deepseek%2Fdeepseek-v3.1-terminus"
    assert at.get("download_button")

    at.text_input(key="catalog_q").input("v3.1-terminus").run()
    ok(at)
    table = frames(at)[0]
    assert set(table["model"]) == {DEMO_MODEL}
    # EigenAI's own id, matched by the configured alias, is one of the offers.
    assert set(table["provider"]) >= {"EigenAI", "Novita [novita/fp8]", "OpenRouter"}
    assert any("endpoints of **1** models" in m.value for m in at.markdown)


def test_model_page_offers_history_probes_incidents(app: AppFactory, seeded_url: str) -> None:
    at = ok(app(seeded_url, "model", id=DEMO_MODEL))
    assert "DeepSeek V3\\.1 Terminus" in at.header[0].value
    offers = frame_with(at, "provider model id", "price since")
    incidents = frame_with(at, "kind", "started")
    versus = frame_with(at, "ours: probe", "reported by")
    assert len(offers) == 8  # OpenRouter's offer and its five providers, EigenAI's page, DeepInfra's own list
    terminus = offers["provider model id"].str.contains("Terminus")
    direct = offers[(offers["provider"] == "DeepInfra") & terminus]
    # its own list, not OpenRouter's
    assert (direct.iloc[0]["input"], direct.iloc[0]["output"]) == (0.21, 0.79)
    acme = offers[offers["provider"] == ACME].iloc[0]
    assert (acme["input"], acme["output"]) == (0.28, 1.05)  # the newer price
    eigen = offers[offers["provider"] == "EigenAI"].iloc[0]
    assert (eigen["provider model id"], eigen["currency"], eigen["output"]) == (
        "deepseek-v31-terminus",
        "credits",
        2.0,
    )
    assert {"down", "degraded"} <= set(incidents["kind"])
    assert "Novita [novita/fp8]" in set(incidents[incidents["kind"] == "down"]["endpoint"])
    novita = versus[versus["provider"] == "Novita [novita/fp8]"].iloc[0]
    assert novita["ours: probe"] == "novita-deepseek-v3.1"
    assert novita["reported by"] == "openrouter"
    read = frame_with(at, "field", "read from")  # where each value of the page-crawled offers was read
    eigen_read = read[read["provider"] == "EigenAI"].set_index("field")
    assert {"model", "pricing", "parameters"} <= set(eigen_read.index)
    assert "0.4" in eigen_read.loc["pricing", "text"] and eigen_read.loc["pricing", "read from"]
    assert set(read["provider"]) == {"EigenAI"}  # API sources read no page: no rows
    assert len(at.get("vega_lite_chart")) >= 4  # 2 price histories, TTFT, uptime (+ incidents)
    # the demo catalog's benchmarks, labelled and dated with the OpenRouter crawl that gave them
    engine = make_engine(seeded_url, create=False)
    crawled = quality_history(engine, DEMO_MODEL)[0].since
    engine.dispose()
    quality = frame_with(at, "measure", "label").set_index("measure")
    assert quality.loc["intelligence index", "value"] == 57.7
    assert quality.loc["Elo: website", "label"] == f"Design Arena, via OpenRouter, since {crawled:%Y-%m-%d}"
    # same model, other quantization: every offer, cheapest first, unknown ones marked, credits last
    quantized = frame_with(at, "quantization", "TTFT from")
    assert len(quantized) == len(offers)
    assert list(quantized["provider"][:2]) == ["DeepInfra", "DeepInfra [deepinfra/fp4]"]
    assert list(quantized["quantization"][:2]) == ["? not published", "fp4"]
    assert quantized.iloc[-1]["currency"] == "credits"
    for span in ("24h", "30d", "1y"):
        at.radio(key="model_range").set_value(span).run()
        ok(at)
        assert len(at.get("vega_lite_chart")) >= 4


def test_status_page_heatmap_and_open_incidents(app: AppFactory, seeded_url: str) -> None:
    at = ok(app(seeded_url, "status"))
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["probed endpoints"] == "5"
    assert metrics["degraded"] == "1"
    open_now = frames(at)[0]
    slow = open_now[open_now["endpoint"].str.startswith("AtlasCloud [atlas-cloud/fp8]")]
    assert list(slow["kind"]) == ["degraded"]
    assert at.get("vega_lite_chart")


def test_recommend_ranks_and_explains(app: AppFactory, seeded_url: str) -> None:
    at = ok(app(seeded_url, "recommend"))
    assert frames(at)[0]["#"].tolist()[:3] == [1, 2, 3]
    at.selectbox(key="rec_model").set_value(DEMO_MODEL)
    at.number_input(key="rec_min_context").set_value(100000)
    at.number_input(key="rec_max_ttft").set_value(800)  # ms
    at.button[0].click().run()
    ok(at)
    ranked, excluded = frame_with(at, "#", "why"), frame_with(at, "constraints", "reasons")
    assert set(ranked["model"]) == {DEMO_MODEL}
    # DeepInfra's own list sells it for less than DeepInfra behind OpenRouter: direct first
    assert list(ranked["endpoint"][:2]) == ["DeepInfra", "DeepInfra [deepinfra/fp4]"]
    assert ranked.iloc[0]["per month"] == 30.0  # (0.21 + 0.79) * 30: 1000 + 1000 tokens, 1000 a day, 30 days
    assert ranked.iloc[1]["per month"] == 0.27 * 30 + 0.95 * 30
    reasons = dict(zip(excluded["endpoint"], excluded["reasons"], strict=True))
    assert "TTFT p90" in reasons["AtlasCloud [atlas-cloud/fp8]"]
    assert "context length not published" in reasons["EigenAI"]
    assert at.get("vega_lite_chart")
    assert any("Use **DeepInfra" in s.value for s in at.success)
    # each ranked endpoint says why it comes before the next; each one left out, which constraint
    assert ranked.iloc[0]["why"] == "6.6 USD a month cheaper than DeepInfra [deepinfra/fp4]"  # 36.6 - 30
    constraints = dict(zip(excluded["endpoint"], excluded["constraints"], strict=True))
    assert constraints["AtlasCloud [atlas-cloud/fp8]"] == "ttft"


def test_recommend_the_issues_question_on_the_demo(app: AppFactory, seeded_url: str) -> None:
    """Issue 13's question over the demo catalog (its benchmarks): intelligence index 50 or more, fp8 or
    better, 20,000-token prompts of which 12,000 are read from cache."""
    at = ok(app(seeded_url, "recommend"))
    at.number_input(key="rec_input").set_value(20000)
    at.number_input(key="rec_cached").set_value(12000)
    at.number_input(key="rec_min_intelligence").set_value(50.0)
    at.selectbox(key="rec_min_quantization").set_value("fp8")
    at.button[0].click().run()
    ok(at)
    ranked, excluded = frame_with(at, "#", "why"), frame_with(at, "constraints", "reasons")
    assert (ranked["intelligence"] >= 50).all()
    assert not set(ranked["quantization"].dropna()) & {"fp4", "int4", "fp6", "int8"}
    usd = ranked[ranked["currency"] == "USD"]
    assert list(usd["per month"]) == sorted(usd["per month"])
    # gpt-oss-120b behind OpenRouter, 0.039/0.18 per 1M and no cache price: the cached tokens pay the
    # input price, (20,000 x 0.039 + 1,000 x 0.18) / 1M x 30,000 requests = 28.8 USD a month
    first = ranked.iloc[0]
    assert (first["endpoint"], first["model"]) == ("OpenRouter", "openai/gpt-oss-120b")
    assert first["per month"] == 28.8
    assert first["why"].startswith("0.3 USD a month cheaper than ")
    assert "no cache-read price published" in first["notes"]
    left = {(row.model, row.endpoint): row for row in excluded.itertuples()}
    fp4 = left[(DEMO_MODEL, "DeepInfra [deepinfra/fp4]")]
    assert (fp4.constraints, fp4.reasons) == ("min_quantization", "quantization fp4 below fp8")
    coder = left[("qwen/qwen3-coder", "OpenRouter")]
    assert coder.reasons == "intelligence index 44.8 < 50 (artificial analysis)"
    unrated = left[("qwen/qwen3-32b", "OpenRouter")]
    assert unrated.reasons == "no intelligence index published for qwen/qwen3-32b"
    # the models' quality beside, and the Pareto chart
    models = frame_with(at, "model", "indices")
    assert models.iloc[0]["indices"] == "intelligence 61.3 · coding 49.6 · agentic 44.7"


def chart_points(at: AppTest) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The Pareto chart's spec and the points it draws (Streamlit sends the data apart, as Arrow)."""
    chart = at.get("vega_lite_chart")[0].proto
    (dataset,) = chart.datasets
    points = convert_arrow_bytes_to_pandas_df(dataset.data.data).to_dict("records")
    return json.loads(chart.spec), points


def test_recommend_pareto_chart_cost_against_quality_and_ttft(app: AppFactory, seeded_url: str) -> None:
    at = ok(app(seeded_url, "recommend"))
    at.number_input(key="rec_min_intelligence").set_value(40.0)
    at.button[0].click().run()
    ok(at)
    for axis, better in (("quality", 1.0), ("ttft", -1.0)):
        at.radio(key="frontier_axis").set_value(axis).run()
        ok(at)
        spec, points = chart_points(at)
        assert ("intelligence index" if axis == "quality" else "TTFT p90 ms") in json.dumps(spec["layer"])
        on = [p for p in points if p["frontier"]]
        assert 1 < len(on) < len(points)
        for p in points:  # on the frontier: no point is cheaper-or-equal and better-or-equal, one strictly
            beaten = any(
                q["per month"] <= p["per month"]
                and better * q["value"] >= better * p["value"]
                and (q["per month"] < p["per month"] or better * q["value"] > better * p["value"])
                for q in points
            )
            assert bool(p["frontier"]) == (not beaten), (axis, p)
        # the frontier's table beside the chart lists the same endpoints
        shown = [f.value for f in at.dataframe if {"per month", "model"} <= set(f.value.columns)][-1]
        assert sorted(zip(shown["endpoint"], shown["model"], strict=True)) == sorted(
            (p["endpoint"], p["model"]) for p in on
        )


def test_changes_feed_shows_price_changes_and_incidents(app: AppFactory, seeded_url: str) -> None:
    at = ok(app(seeded_url, "changes"))
    feed = frames(at)[0]
    price = feed[feed["kind"] == "price_up"].iloc[0]
    assert (price["model"], price["old"], price["new"]) == (HOSTILE_MODEL, "2", "2.5")
    assert "incident: down" in set(feed["kind"])
    cut = feed[(feed["kind"] == "price_down") & (feed["provider"] == ACME)]
    assert {(row.field, row.old, row.new) for row in cut.itertuples()} == {
        ("input", "0.32", "0.28"),
        ("output", "1.2", "1.05"),
    }
    at.multiselect[0].set_value(["incident: down"]).run()
    ok(at)
    assert set(frames(at)[0]["kind"]) == {"incident: down"}


def test_crawled_markup_stays_text(app: AppFactory, seeded_url: str) -> None:
    """A model named `<img src=x onerror=alert(1)>`, a provider named in markdown: shown, never run."""
    for page in PAGES:
        at = ok(app(seeded_url, page, id=HOSTILE_MODEL))
        for text in texts(at):
            assert "<img" not in text and "<script" not in text and "](javascript" not in text, (page, text)
    at = ok(app(seeded_url, "model", id=HOSTILE_MODEL))
    assert at.header[0].value.startswith("&lt;img src\\=x")
    offers = frame_with(at, "provider model id", "price since")
    assert offers["provider"].tolist() == [HOSTILE_PROVIDER]  # a table cell: text as it is


def test_empty_database_says_how_to_fill_it_and_a_failed_crawl_shows(app: AppFactory, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    engine = make_engine(url)
    with session_scope(engine) as session:
        at = utcnow()
        session.add(
            CrawlRun(source="openrouter", started=at, finished=at, status="failed", message="connect refused")
        )
    engine.dispose()
    for page in PAGES:
        at_page = ok(app(url, page))
        assert any(
            "database is empty" in box.value and "modelwatch crawl" in box.value for box in at_page.info
        )
        assert any(
            "last crawl of **openrouter** failed" in box.value and "connect refused" in box.value
            for box in at_page.error
        ), page


def test_a_database_without_the_schema_is_not_created_and_the_page_says_what_to_run(
    app: AppFactory, tmp_path: Path
) -> None:
    """The dashboard is a reader: it never creates nor migrates the schema; each page says which
    command to run, with no traceback."""
    path = tmp_path / "nothing.db"
    url = f"sqlite:///{path}"
    for page in PAGES:
        at_page = app(url, page)
        assert not at_page.exception, (page, at_page.exception)
        assert any("no modelwatch tables" in box.value and "db upgrade" in box.value for box in at_page.error)
    engine = make_engine(url, create=False, check=False)
    assert inspect(engine).get_table_names() == []
    engine.dispose()
