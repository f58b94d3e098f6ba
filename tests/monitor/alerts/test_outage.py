"""An outage and its resolve, end to end: the replica's chat endpoint fails, the real probe client
measures it, the probe store opens and closes the incident, and the alert reaches a real webhook."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from db.probes.outage import OutagePolicy
from db.probes.store import record_samples
from db.probes.targets import TargetSpec, ensure_targets
from monitor.alerts.deliver import deliver
from monitor.alerts.evaluate import evaluate
from monitor.probes import run_round
from replica.chat.behaviour import ChatBehaviour
from tests.monitor.alerts.data import MODEL, T0, config
from tests.monitor.alerts.receivers import WebhookReceiver

POLICY = OutagePolicy(down_after=3, up_after=2)
FIVE = timedelta(minutes=5)


def test_the_replicas_failing_endpoint_raises_one_outage_and_one_resolve(engine: Any, replica: Any) -> None:
    replica.chat.set_behaviour(MODEL, ChatBehaviour(ttft_ms=0, output_tokens=2, failure=503))
    with WebhookReceiver() as receiver:
        cfg = config(
            f"""
[[probes]]
name = "replica-deepseek"
protocol = "openai"
url = "{replica.api_url}/chat/completions"
model = "{MODEL}"
timeout = "5s"

[alerts]
[[alerts.webhooks]]
name = "ops"
url = "{receiver.url}"
"""
        )
        probe = cfg.probes[0]
        ensure_targets(
            engine, [TargetSpec(name=probe.name, protocol=probe.protocol, url=probe.url, model=MODEL)]
        )
        at = T0

        def probe_round() -> None:
            nonlocal at
            samples = run_round(cfg.probes, clock=lambda: at)
            record_samples(engine, samples, policy=POLICY, now=at)
            evaluate(engine, cfg, now=at)
            deliver(engine, cfg, now=at)
            at += FIVE

        for _ in range(4):  # down at the 3rd failure; the 4th adds nothing
            probe_round()
        assert [r.json["kind"] for r in receiver.requests] == ["outage_start"]
        start = receiver.requests[0].json
        assert start["title"] == "modelwatch: DOWN: replica-deepseek"
        assert start["events"][0]["cause"] == "http_5xx" and start["events"][0]["started"] == T0.isoformat()

        replica.chat.set_behaviour(MODEL, ChatBehaviour(ttft_ms=0, output_tokens=2))
        for _ in range(3):  # up again at the 2nd success
            probe_round()
    assert [r.json["kind"] for r in receiver.requests] == ["outage_start", "outage_resolve"]
    resolve = receiver.requests[1].json
    assert resolve["events"][0]["ended"] == (T0 + 4 * FIVE).isoformat()
    assert "after 20m down" in resolve["text"]
    assert len({r.key for r in receiver.requests}) == 2 and receiver.duplicates == 0
