"""`modelwatch alerts test|list|deliver` through the CLI hooks, against real receivers."""

from __future__ import annotations

import argparse
import json
from datetime import timedelta
from typing import Any

import pytest

from db.engine import make_engine
from db.types import utcnow
from monitor.cli.alerts import add_commands, run_command
from monitor.config import Config
from tests.monitor.alerts.data import config, crawl, many
from tests.monitor.alerts.receivers import WebhookReceiver
from tests.ports import free_port


def run(argv: list[str], *, cfg: Config, db_url: str) -> int | None:
    parser = argparse.ArgumentParser(prog="modelwatch")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("crawl")
    add_commands(commands)
    return run_command(parser.parse_args(argv), config=cfg, db_url=db_url)


def two_channels(good: WebhookReceiver, dead_port: int) -> Config:
    return config(
        f"""
[alerts]
channels = ["json://127.0.0.1:{good.port}/apprise"]
timeout = "2s"

[[alerts.webhooks]]
name = "dead"
url = "http://127.0.0.1:{dead_port}/hook/s3cr3t-path-token"
"""
    )


def test_other_commands_are_not_ours(sqlite_url: str) -> None:
    assert run(["crawl"], cfg=config(""), db_url=sqlite_url) is None


def test_alerts_test_reaches_every_channel_and_names_the_failed_ones(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    port = free_port()
    with WebhookReceiver() as good:
        code = run(["alerts", "test"], cfg=two_channels(good, port), db_url=sqlite_url)
        assert [r.json["title"] for r in good.requests] == ["modelwatch: test alert"]
    out = capsys.readouterr().out
    assert code == 1
    assert f"ok      channels[0]: json://127.0.0.1:{good.port}" in out
    assert f"FAILED  dead: dead (http://127.0.0.1:{port}): connection failed (ConnectError)" in out
    assert "1 of 2 channels reached" in out and "s3cr3t" not in out


def test_alerts_test_without_channels(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["alerts", "test"], cfg=config(""), db_url=sqlite_url) == 1
    assert "no alert channels configured" in capsys.readouterr().err
    assert run(["alerts", "test", "--channel", "nope"], cfg=config(""), db_url=sqlite_url) == 2


def test_alerts_deliver_then_list_shows_sent_pending_and_the_failing_channel(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine: Any = make_engine(sqlite_url)
    now = utcnow()  # `alerts deliver` runs on the real clock: these changes must be fresh
    try:
        crawl(engine, many(3, input="0.27"), at=now - timedelta(hours=2))
        crawl(engine, many(3, input="0.30"), at=now - timedelta(minutes=1))
    finally:
        engine.dispose()
    port = free_port()
    with WebhookReceiver() as good:
        cfg = two_channels(good, port)
        assert run(["alerts", "deliver"], cfg=cfg, db_url=sqlite_url) == 1  # the dead channel failed
        assert len(good.requests) == 1 and good.requests[0].json["message"].count("• ") == 3
    out = capsys.readouterr().out
    assert "3 event(s) passed the rules; 2 new message(s) in the outbox" in out
    assert "delivery: 1 sent, 1 to retry, 0 given up" in out

    assert run(["alerts", "list"], cfg=cfg, db_url=sqlite_url) == 0
    listing = capsys.readouterr().out
    assert f"channels[0]      json://127.0.0.1:{good.port}" in listing
    assert "0 pending, 1 sent, 0 failed" in listing and "1 pending, 0 sent, 0 failed" in listing
    assert "last error: connection failed (ConnectError)" in listing
    assert "s3cr3t" not in listing

    assert run(["alerts", "list", "--json", "--status", "pending"], cfg=cfg, db_url=sqlite_url) == 0
    data = json.loads(capsys.readouterr().out)
    (pending,) = data["deliveries"]
    assert pending["channel"] == f"dead (http://127.0.0.1:{port})" and pending["attempts"] == 1
    health = {row["name"]: (row["health"], row["failures"]) for row in data["channels"]}
    assert health == {"channels[0]": ("ok", 0), "dead": ("errors", 1)}
