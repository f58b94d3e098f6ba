"""Quality facts (issue 13.1): OpenRouter's `benchmarks` parsed into facts, stored effective-dated per
model, source, publisher and name by the real ingest (SQLite and PostgreSQL), read back by the snapshot."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from sqlmodel import Session, col, select

from crawler.extract.openrouter import parse_models
from db.catalog.crawled import ModelIn, QualityFact
from db.catalog.quality import quality_history, read_quality
from db.catalog.snapshot import load_snapshot
from db.models import ModelQuality
from tests.crawler.test_extract_openrouter import model_entry
from tests.db.catalog.test_ingest import T0, crawl, endpoint

BASE = "https://openrouter.ai/api/v1"
TERMINUS = "deepseek/deepseek-v3.1-terminus"
BENCHMARKS: dict[str, Any] = {
    "artificial_analysis": {"intelligence_index": 56, "coding_index": 76.1, "agentic_index": 45.1},
    "design_arena": [
        {"arena": "models", "category": "website", "elo": 1186, "win_rate": 50.2, "rank": 61},
        {"arena": "models", "category": "game", "elo": 1122.5, "win_rate": 44.0, "rank": 70},
        {"arena": "agents", "category": "website", "elo": 1010, "rank": 9},
        {"arena": "models", "category": "svg", "elo": None, "rank": None},
    ],
}


def test_benchmarks_become_labelled_facts() -> None:
    body = json.dumps(
        {
            "data": [
                model_entry("acme/one", benchmarks=BENCHMARKS),
                model_entry("acme/two", benchmarks={"design_arena": [{"category": "website", "elo": 1001}]}),
                model_entry("acme/three"),  # no benchmarks: publishes none
                model_entry("acme/four", benchmarks={"artificial_analysis": {"intelligence_index": "high"}}),
            ]
        }
    )
    models, endpoints, problems = parse_models(body, base_url=BASE)
    quality = {m.id: m.quality for m in models}
    assert quality["acme/one"] == (
        QualityFact("artificial_analysis", "agentic_index", 45.1),
        QualityFact("artificial_analysis", "coding_index", 76.1),
        QualityFact("artificial_analysis", "intelligence_index", 56.0),
        QualityFact("design_arena", "design_arena:website", 1186.0),
        QualityFact("design_arena", "design_arena:game", 1122.5),
        QualityFact("design_arena", "design_arena:agents:website", 1010.0),
    )
    assert quality["acme/two"] == (QualityFact("design_arena", "design_arena:website", 1001.0),)
    assert quality["acme/three"] == ()
    # a malformed index: one problem naming the key path; the model stands, its stored facts stay (None)
    assert quality["acme/four"] is None
    assert len(endpoints) == 4
    assert [p.message for p in problems] == [
        "models body: data[3].benchmarks.artificial_analysis.intelligence_index: not a number: 'high'"
    ]
    assert problems[0].parser


def _model(quality: tuple[QualityFact, ...] | None) -> ModelIn:
    return ModelIn(id=TERMINUS, name="DeepSeek V3.1 Terminus", quality=quality)


def _facts(engine: Any) -> list[tuple[str, float, bool]]:
    with Session(engine) as s:
        rows = s.exec(select(ModelQuality).order_by(col(ModelQuality.name), col(ModelQuality.id))).all()
        return [(r.name, r.value, r.valid_to is None) for r in rows]


def test_facts_are_effective_dated(engine: Any) -> None:
    aa = "artificial_analysis"
    first = (QualityFact(aa, "intelligence_index", 56.0), QualityFact(aa, "coding_index", 76.1))
    crawl(engine, [endpoint()], at=T0, models=[_model(first)])
    crawl(engine, [endpoint()], at=T0 + timedelta(hours=6), models=[_model(first)])  # unchanged: no row
    assert _facts(engine) == [("coding_index", 76.1, True), ("intelligence_index", 56.0, True)]

    changed = (QualityFact(aa, "intelligence_index", 58.0),)  # up, and coding no longer published
    crawl(engine, [endpoint()], at=T0 + timedelta(hours=12), models=[_model(changed)])
    assert _facts(engine) == [
        ("coding_index", 76.1, False),
        ("intelligence_index", 56.0, False),
        ("intelligence_index", 58.0, True),
    ]
    # quality not read (a malformed benchmarks, or a source that publishes none): the stored facts stay
    crawl(engine, [endpoint()], at=T0 + timedelta(hours=18), models=[_model(None)])
    crawl(engine, [endpoint()], at=T0 + timedelta(hours=19), models=[], source="modelsdev")
    assert [f for f in _facts(engine) if f[2]] == [("intelligence_index", 58.0, True)]

    with Session(engine) as s:
        now = read_quality(s)[TERMINUS]
    assert list(now) == ["intelligence_index"]
    fact = now["intelligence_index"]
    assert (fact.value, fact.publisher, fact.source) == (58.0, aa, "openrouter")
    assert fact.since == T0 + timedelta(hours=12)
    history = quality_history(engine, TERMINUS)
    assert [(q.name, q.value, q.until) for q in history] == [
        ("coding_index", 76.1, T0 + timedelta(hours=12)),
        ("intelligence_index", 56.0, T0 + timedelta(hours=12)),
        ("intelligence_index", 58.0, None),
    ]
    snapshot = load_snapshot(engine=engine, now=T0 + timedelta(days=1))
    model = snapshot.model(TERMINUS)
    assert model is not None and model.quality["intelligence_index"].value == 58.0
