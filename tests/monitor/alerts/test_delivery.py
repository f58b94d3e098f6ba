"""Delivery to real receivers on loopback: retries with backoff, a hanging receiver, HMAC signatures,
e-mail through Apprise's mailto:// into a real SMTP server, digests, quiet hours, and a deliverer
killed between the send and its acknowledgement."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import Message
from pathlib import Path
from typing import Any

import pytest

from db.alerts.channels import channel_states
from db.alerts.outbox import list_deliveries
from db.alerts.tables import FAILED, PENDING, SENT
from monitor.alerts.deliver import deliver, lease_for
from monitor.alerts.evaluate import evaluate
from monitor.alerts.webhook import SIGNATURE_HEADER
from monitor.config import Config
from tests.monitor.alerts.data import T0, config, crawl, endpoint, many, probe_target, samples, webhook_config
from tests.monitor.alerts.receivers import SmtpReceiver, WebhookReceiver
from tests.ports import free_port

REPO = Path(__file__).resolve().parents[3]
SECOND = timedelta(seconds=1)


def price_change(engine: Any, cfg: Config, *, n: int = 1) -> Any:
    """A crawl that moves `n` prices, evaluated: the outbox holds one digest per channel."""
    crawl(engine, many(n, input="0.27"), at=T0 - timedelta(hours=6))
    crawl(engine, many(n, input="0.30"), at=T0)
    return evaluate(engine, cfg, now=T0)


def test_a_receiver_failing_three_times_gets_the_message_on_the_fourth_with_backoff(engine: Any) -> None:
    with WebhookReceiver(fail_first=3) as receiver:
        cfg = webhook_config(receiver.url)
        assert price_change(engine, cfg).enqueued == 1
        passes = []
        for seconds in (0, 29, 30, 89, 90, 209, 210):  # backoff 30 s, 60 s, 120 s
            report = deliver(engine, cfg, now=T0 + seconds * SECOND)
            passes.append((seconds, report.sent, report.retrying, len(receiver.requests)))
        assert passes == [
            (0, 0, 1, 1),
            (29, 0, 0, 1),
            (30, 0, 1, 2),
            (89, 0, 0, 2),
            (90, 0, 1, 3),
            (209, 0, 0, 3),
            (210, 1, 0, 4),
        ]
    keys = {r.key for r in receiver.requests}
    assert len(keys) == 1  # every attempt carried the same idempotency key...
    (key,) = keys
    assert key is not None
    assert receiver.accepted[key]["idempotency_key"] == key  # ...in the header and in the payload
    assert receiver.duplicates == 0
    (row,) = list_deliveries(engine)
    assert (row.status, row.attempts, row.sent_at, row.idempotency_key) == (SENT, 4, T0 + 210 * SECOND, key)
    state = channel_states(engine)["webhook:hook"]
    assert (state.failures, state.failing_since, state.last_ok) == (0, None, T0 + 210 * SECOND)


def test_the_json_payload_is_documented_and_signed(engine: Any) -> None:
    secret = "s3cret-signing-key"
    with WebhookReceiver(secret=secret, now=T0) as receiver:
        cfg = webhook_config(receiver.url, secret_env="HOOK_SECRET")
        price_change(engine, cfg, n=2)
        report = deliver(engine, cfg, now=T0, environ={"HOOK_SECRET": secret})
        assert report.sent == 1 and receiver.signatures == [True]
    request = receiver.requests[0]
    assert request.headers[SIGNATURE_HEADER].startswith("sha256=")
    assert request.headers["X-Modelwatch-Event"] == "changes"
    assert request.headers["Content-Type"] == "application/json"
    payload = request.json
    assert set(payload) == {
        "version",
        "idempotency_key",
        "event_key",
        "kind",
        "title",
        "text",
        "at",
        "link",
        "count",
        "events",
        "counts",
        "flood",
    }
    assert (payload["version"], payload["kind"], payload["count"], payload["at"]) == (
        1,
        "changes",
        2,
        "2026-05-01T12:00:00+00:00",
    )
    assert (payload["counts"], payload["flood"]) == ({"price_change": 2}, False)
    assert payload["idempotency_key"] == request.key
    event = payload["events"][0]
    assert {k: event[k] for k in ("rule", "kind", "field", "old", "new", "percent", "model")} == {
        "rule": "price_change",
        "kind": "price_up",
        "field": "input",
        "old": "0.27",
        "new": "0.3",
        "percent": 11.11,
        "model": "deepseek/deepseek-v3.1-terminus",
    }
    assert secret not in request.body.decode()


def test_a_wrong_signature_is_refused_and_the_channel_marked_failing(engine: Any) -> None:
    with WebhookReceiver(secret="the-right-one", now=T0) as receiver:
        cfg = webhook_config(
            receiver.url, secret_env="HOOK_SECRET", extra='failing_after = 2\nretry_min = "1s"'
        )
        price_change(engine, cfg)
        for seconds in (0, 1, 3):
            deliver(engine, cfg, now=T0 + seconds * SECOND, environ={"HOOK_SECRET": "a-wrong-one"})
    assert receiver.signatures == [False, False, False] and receiver.accepted == {}
    state = channel_states(engine)["webhook:hook"]
    assert (state.failures, state.failing_since, state.last_error) == (
        3,
        T0 + SECOND,
        "HTTP 401 Unauthorized",
    )


def test_a_hanging_receiver_is_cut_off_and_the_other_channels_go_on(engine: Any) -> None:
    with WebhookReceiver(hang=True) as hanging, WebhookReceiver() as good:
        cfg = config(
            f"""
[alerts]
channels = ["json://127.0.0.1:{good.port}/apprise"]

[[alerts.webhooks]]
name = "hangs"
url = "{hanging.url}"
timeout = "0.5s"

[[alerts.webhooks]]
name = "good"
url = "{good.url}"
"""
        )
        price_change(engine, cfg)
        started = time.monotonic()
        report = deliver(engine, cfg, now=T0)
        elapsed = time.monotonic() - started
        assert (report.sent, report.retrying) == (2, 1)
        # The hang is cut by its own 0.5 s timeout (the message below names it, not the default 10 s):
        # 20x that is a loaded machine's room, and a hang nothing cut would last until the receiver closes.
        assert elapsed < 10
        assert sorted(r.path for r in good.requests) == ["/apprise", "/hook"]
    hung = next(d for d in list_deliveries(engine) if d.channel_key == "webhook:hangs")
    assert (hung.status, hung.last_error) == (PENDING, "no answer within 0.5s")


def test_apprise_json_carries_the_idempotency_key(engine: Any) -> None:
    with WebhookReceiver() as receiver:
        cfg = config(f'[alerts]\nchannels = ["json://127.0.0.1:{receiver.port}/notify"]')
        price_change(engine, cfg, n=3)
        assert deliver(engine, cfg, now=T0).sent == 1
    (request,) = receiver.requests
    (row,) = list_deliveries(engine)
    assert request.key == row.idempotency_key
    body = request.json
    assert body["title"] == "modelwatch: 3 changes from openrouter (3 price changes)"
    assert "input price up 0.27 -> 0.3 per 1M tokens (+11.11%)" in body["message"]
    assert "Dashboard: http://localhost:8501/changes?run=" in body["message"]


@pytest.mark.filterwarnings("ignore:Session.login_data is deprecated:DeprecationWarning")
def test_mail_through_apprise_mailto_reaches_a_real_smtp_server(engine: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("SMTP_PASSWORD", "pw-from-env")
    with SmtpReceiver(login=("alerts", "pw-from-env")) as smtp:
        url = (
            f"mailto://alerts:${{SMTP_PASSWORD}}@127.0.0.1:{smtp.port}"
            "?mode=insecure&from=modelwatch@example.com&to=ops@example.com"
        )
        cfg = config(f'[alerts]\nchannels = ["{url}"]')
        crawl(engine, [endpoint()], at=T0 - timedelta(hours=1))
        crawl(engine, [endpoint(), endpoint("Novita")], at=T0)
        evaluate(engine, cfg, now=T0)
        report = deliver(engine, cfg, now=T0)
        assert report.sent == 1
        for _ in range(100):  # the server hands the message to its handler just after the reply
            if smtp.messages:
                break
            time.sleep(0.02)
    assert smtp.logins == [("alerts", "pw-from-env")]  # ${SMTP_PASSWORD} expanded at send time
    (envelope,) = smtp.messages
    assert envelope.mail_from == "modelwatch@example.com" and envelope.rcpt_tos == ["ops@example.com"]
    mail = message_from_bytes(envelope.original_content or b"", policy=policy.default)
    assert mail["Subject"].startswith("modelwatch: Novita · deepseek/deepseek-v3.1-terminus [novita/fp8]")
    text = _text(mail)
    assert "endpoint listed" in text and "Dashboard: http://localhost:8501/changes?run=" in text
    (row,) = list_deliveries(engine)
    assert row.channel == "mailto://127.0.0.1:" + str(smtp.port)  # redacted: no user, no password
    assert "pw-from-env" not in repr(row.model_dump())


def _text(mail: Message) -> str:
    for part in mail.walk():
        if part.get_content_type() == "text/plain":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return payload.decode()
    raise AssertionError("no text/plain part")


def test_quiet_hours_hold_all_but_urgent_messages(engine: Any) -> None:
    with WebhookReceiver() as receiver:
        cfg = webhook_config(
            receiver.url,
            extra="""quiet_hours = "11:00-13:30"

[[alerts.rules]]
on = ["price_change"]

[[alerts.rules]]
on = ["outage"]
urgent = true
""",
        )
        price_change(engine, cfg)
        probe_target(engine)
        samples(engine, "replica-deepseek", ok=False, start=T0, n=3, every=timedelta(minutes=1))
        evaluate(engine, cfg, now=T0 + timedelta(minutes=3))
        held = deliver(engine, cfg, now=T0 + timedelta(minutes=3))
        assert held.sent == 1 and held.quiet_until == T0 + timedelta(minutes=90)
        assert [r.json["kind"] for r in receiver.requests] == ["outage_start"]
        assert deliver(engine, cfg, now=T0 + timedelta(minutes=89)).sent == 0
        assert deliver(engine, cfg, now=T0 + timedelta(minutes=90)).sent == 1
        assert [r.json["kind"] for r in receiver.requests] == ["outage_start", "changes"]


def test_a_channel_that_keeps_failing_is_given_up_after_retry_for(engine: Any) -> None:
    port = free_port()
    dead = f"http://127.0.0.1:{port}/hook"  # nothing listens there
    with WebhookReceiver() as good:
        cfg = config(
            f"""
[alerts]
retry_min = "1m"
retry_for = "5m"

[[alerts.webhooks]]
name = "dead"
url = "{dead}"

[[alerts.webhooks]]
name = "good"
url = "{good.url}"
"""
        )
        price_change(engine, cfg)
        reports = [deliver(engine, cfg, now=T0 + timedelta(minutes=m)) for m in (0, 1, 3, 7)]
        assert len(good.requests) == 1
    assert [(r.sent, r.retrying, r.failed) for r in reports] == [(1, 1, 0), (0, 1, 0), (0, 1, 0), (0, 0, 1)]
    assert reports[2].failing_channels == [f"dead (http://127.0.0.1:{port})"]  # the 3rd failure in a row
    dead_row = next(d for d in list_deliveries(engine) if d.channel_key == "webhook:dead")
    assert (dead_row.status, dead_row.attempts, dead_row.last_error) == (
        FAILED,
        4,
        "connection failed (ConnectError)",
    )


_CHILD = """
import sys
from datetime import datetime
from pathlib import Path
from db.engine import make_engine
from monitor.alerts.deliver import deliver
from monitor.config import parse_config
engine = make_engine(sys.argv[1])
deliver(engine, parse_config(Path(sys.argv[2]).read_text()), now=datetime.fromisoformat(sys.argv[3]))
print("the deliverer was not killed", flush=True)
"""


def test_a_deliverer_killed_between_send_and_ack_loses_nothing_and_duplicates_nothing(
    engine: Any, db_url: str, tmp_path: Path
) -> None:
    with WebhookReceiver(hold_first=True) as receiver:
        text = f'[alerts]\n[[alerts.webhooks]]\nname = "hook"\nurl = "{receiver.url}"\n'
        (tmp_path / "modelwatch.toml").write_text(text)
        cfg = config(text)
        price_change(engine, cfg, n=5)
        child = subprocess.Popen(
            [sys.executable, "-c", _CHILD, db_url, str(tmp_path / "modelwatch.toml"), T0.isoformat()],
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            assert receiver.holding.wait(timeout=60), "the child never sent"
        finally:
            child.kill()
            out, err = child.communicate(timeout=30)
        assert b"not killed" not in out
        receiver.release.set()
        (row,) = list_deliveries(engine)
        assert (row.status, row.attempts, row.sent_at) == (PENDING, 1, None)  # sent, never acknowledged
        # while the dead deliverer's lease lasts, nobody sends it again
        assert deliver(engine, cfg, now=T0 + lease_for(cfg.alerts) - SECOND).sent == 0
        assert len(receiver.requests) == 1
        report = deliver(engine, cfg, now=T0 + lease_for(cfg.alerts))
        assert report.sent == 1
    assert len(receiver.requests) == 2 and receiver.requests[0].key == receiver.requests[1].key
    assert len(receiver.accepted) == 1 and receiver.duplicates == 1  # the receiver saw it once
    (row,) = list_deliveries(engine)
    assert (row.status, row.attempts) == (SENT, 2)


def test_a_digest_of_80_price_changes_is_one_message_per_channel(engine: Any) -> None:
    with WebhookReceiver() as hook, WebhookReceiver() as apprise_hook:
        cfg = config(
            f"""
[alerts]
channels = ["json://127.0.0.1:{apprise_hook.port}/apprise"]

[[alerts.webhooks]]
name = "hook"
url = "{hook.url}"
"""
        )
        assert price_change(engine, cfg, n=80).enqueued == 2
        assert deliver(engine, cfg, now=T0).sent == 2
        assert deliver(engine, cfg, now=T0 + timedelta(minutes=5)).sent == 0
    assert len(hook.requests) == 1 and len(apprise_hook.requests) == 1
    assert hook.requests[0].json["count"] == 80 and len(hook.requests[0].json["events"]) == 80
    message = apprise_hook.requests[0].json["message"]
    assert message.count("• ") == 40 and "… and 40 more: 40 price changes; see the dashboard" in message
