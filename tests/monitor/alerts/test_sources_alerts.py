"""Sources that disagree, as alerts: the ingest's `sources_disagree` change reaches a real webhook receiver
through a rule on ``sources_disagree``, and the sources agreeing again (`sources_agree`) is its resolve.
History written by the real ingest from three sources (`tests.sources_seed`), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from monitor.alerts.deliver import delivery_pass
from monitor.alerts.events import says
from monitor.alerts.rules import CHANGE_RULE_KINDS
from monitor.config import parse_config
from monitor.config.alerts import DEFAULT_RULE_KINDS, RULE_KINDS
from tests.monitor.alerts.data import webhook_config
from tests.monitor.alerts.receivers import WebhookReceiver
from tests.sources_seed import MODELSDEV, T0, crawl, modelsdev_list, seed_sources

RULE = '[[alerts.rules]]\non = ["sources_disagree"]'


def test_a_disagreement_and_its_end_reach_a_webhook(engine: Any) -> None:
    with WebhookReceiver() as receiver:
        cfg = webhook_config(receiver.url, extra=RULE)
        seed_sources(engine)
        evaluated, delivered = delivery_pass(engine, cfg, now=T0 + timedelta(hours=3))
        assert delivered.sent == 1  # the models.dev crawl opened both; the others changed nothing of note
        (opened,) = [r.json for r in receiver.requests]
        assert opened["title"] == "modelwatch: 2 changes from modelsdev (2 disagreements between sources)"
        lines = {e["field"]: e for e in opened["events"]}
        assert {e["rule"] for e in opened["events"]} == {"sources_disagree"}
        glm = lines["input"]
        assert (
            glm["action"] == "sources_disagree" and glm["provider"].replace(" ", "").casefold() == "deepinfra"
        )
        assert glm["text"].endswith("· z-ai/glm-4.7 input: deepinfra says 0.43, modelsdev says 0.60")
        assert lines["context_length"]["text"].endswith(
            "deepseek/deepseek-v3.1 context_length: deepinfra says 163,840, modelsdev says 131,072"
        )
        assert "deepinfra says 0.43, modelsdev says 0.60" in opened["text"]

        crawl(engine, "modelsdev", MODELSDEV, modelsdev_list(glm_input="0.43"), at=T0 + timedelta(hours=4))
        _, delivered = delivery_pass(engine, cfg, now=T0 + timedelta(hours=5))
        assert delivered.sent == 1
        closed = receiver.requests[-1].json
        (event,) = closed["events"]
        assert (event["rule"], event["action"], event["field"]) == (
            "sources_disagree",
            "sources_agree",
            "input",
        )
        assert event["text"].endswith(
            "z-ai/glm-4.7 input: the sources agree again "
            "(were: deepinfra says 0.43, litellm says 0.43, modelsdev says 0.60)"
        )


def test_rules_on_other_kinds_and_the_default_rules_send_no_disagreement(engine: Any) -> None:
    with WebhookReceiver() as receiver:
        seed_sources(engine)
        other = webhook_config(receiver.url, extra='[[alerts.rules]]\non = ["price_change"]')
        assert delivery_pass(engine, other, now=T0 + timedelta(hours=3))[1].sent == 0
        assert receiver.requests == []
    assert "sources_disagree" in RULE_KINDS and "sources_disagree" not in DEFAULT_RULE_KINDS
    assert CHANGE_RULE_KINDS["sources_agree"] == "sources_disagree"
    (default,) = parse_config("").alerts.effective_rules()
    assert "sources_disagree" not in default.on


@pytest.mark.parametrize(
    ("values", "field", "text"),
    [
        ("modelsdev 1.4, deepinfra 1.05", "input", "modelsdev says 1.40, deepinfra says 1.05"),
        ("litellm 0.0833333333333333, own 2", "output", "litellm says 0.0833333333333333, own says 2.00"),
        ("a 0, b 0.5", "cache_read", "a says 0.00, b says 0.50"),  # 0 is free, as the source says
        ("deepinfra 131072, litellm 64000", "context_length", "deepinfra says 131,072, litellm says 64,000"),
        ("odd", "input", "odd"),
        (None, "input", "?"),
    ],
)
def test_says(values: str | None, field: str, text: str) -> None:
    assert says(values, field) == text
