"""`modelwatch alerts test|list|deliver`: the alert channels and the outbox. And `fill_outbox`, the alert
rules applied after `crawl` and `probe` (sending is the service's job, or ``alerts deliver``)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from monitor.cli.context import Commands, Context, run_handler

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from monitor.config import Config


def add_commands(commands: Commands) -> None:
    """Add ``alerts`` (``test``, ``list``, ``deliver``) to the CLI's subcommands."""
    from db.alerts.tables import STATUSES

    alerts = commands.add_parser(
        "alerts",
        help="alert channels and the outbox: test, list, deliver",
        description="Alerts go through an outbox: every message is stored before it is sent, and "
        "retried until its channel accepts it.",
    )
    actions = alerts.add_subparsers(dest="alerts_command", metavar="ACTION", required=True)
    test = actions.add_parser(
        "test",
        help="send a test message to every channel and say which failed",
        description="Send a test message to every configured channel now (not through the outbox). "
        "Exit 1 if any channel failed.",
    )
    test.add_argument("--channel", action="append", metavar="NAME", help="only this channel (repeatable)")
    test.set_defaults(handler=cmd_test)
    listing = actions.add_parser(
        "list",
        help="show the channels and the pending, sent and failed deliveries",
        description="Show each channel's health and the outbox, newest first.",
    )
    listing.add_argument("--status", choices=STATUSES, help="only deliveries with this status")
    listing.add_argument("--limit", type=int, default=20, help="deliveries to show (default 20)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_list)
    run = actions.add_parser(
        "deliver",
        help="evaluate the rules and run one delivery pass now",
        description="Evaluate the alert rules over what happened since the last evaluation, then send "
        "what is due (what the service's delivery job runs). Exit 1 if a send failed.",
    )
    run.add_argument("--max-items", type=int, default=100, help="messages per channel at most (default 100)")
    run.set_defaults(handler=cmd_deliver)


def run_command(args: argparse.Namespace, *, config: Config, db_url: str) -> int | None:
    """Run ``alerts ...``; None when `args` is another command."""
    return run_handler(args, (cmd_test, cmd_list, cmd_deliver), config=config, db_url=db_url)


def fill_outbox(config: Config, db_url: str) -> None:
    """Apply the alert rules to what just happened (as the service's jobs do); sending is `alerts deliver`."""
    from db.engine import make_engine
    from monitor.alerts.evaluate import evaluate

    engine = make_engine(db_url)
    try:
        report = evaluate(engine, config)
    finally:
        engine.dispose()
    if report.enqueued:
        print(
            f"alerts: {report.enqueued} message(s) in the outbox; `modelwatch alerts deliver` (or the "
            "running service) sends them",
            file=sys.stderr,
        )


def cmd_test(args: argparse.Namespace, context: Context) -> int:
    import uuid

    from db.types import utcnow
    from monitor.alerts.channels import Outgoing, channels_of, send
    from monitor.alerts.messages import trial_message

    config, names = context.config, args.channel
    channels = channels_of(config.alerts)
    if names:
        unknown = sorted(set(names) - {channel.name for channel in channels})
        if unknown:
            known = ", ".join(channel.name for channel in channels) or "none"
            print(f"error: no channel named {', '.join(unknown)} (configured: {known})", file=sys.stderr)
            return 2
        channels = [channel for channel in channels if channel.name in names]
    if not channels:
        print("no alert channels configured ([alerts] channels, apprise or webhooks)", file=sys.stderr)
        return 1
    now = utcnow()
    message = trial_message(dashboard=config.alerts.dashboard_url, at_text=now.isoformat(timespec="seconds"))
    failed = 0
    for channel in channels:
        outgoing = Outgoing(
            message=message, idempotency_key=str(uuid.uuid4()), event_key=f"test:{now.isoformat()}"
        )
        error = send(channel, outgoing, alerts=config.alerts, now=now)
        if error is None:
            print(f"ok      {channel.name}: {channel.display}")
        else:
            failed += 1
            print(f"FAILED  {channel.name}: {channel.display}: {error}")
    print(f"{len(channels) - failed} of {len(channels)} channels reached")
    return 1 if failed else 0


def cmd_list(args: argparse.Namespace, context: Context) -> int:
    from db.alerts.outbox import list_deliveries
    from db.alerts.tables import STATUSES
    from db.engine import make_engine

    status: str | None = args.status
    limit: int = args.limit
    engine = make_engine(context.db_url)
    try:
        rows = channel_rows(engine, context.config)
        deliveries = list_deliveries(engine, status=status, limit=limit)
    finally:
        engine.dispose()
    if args.json:
        data = {"channels": rows, "deliveries": [_delivery_json(d) for d in deliveries]}
        print(json.dumps(data, indent=2, default=str))
        return 0
    print("channels:")
    if not rows:
        print("  (none configured)")
    for row in rows:
        counts = ", ".join(f"{row[s]} {s}" for s in STATUSES)
        health = row["health"]
        if row["failing_since"]:
            health = f"FAILING since {_short(row['failing_since'])} ({row['failures']} in a row)"
        line = f"  {row['name']:<16} {row['channel']:<40} {health:<10} {counts}"
        if row["last_error"]:
            line += f"\n  {'':<16} last error: {row['last_error']}"
        print(line)
    title = f"{status} deliveries" if status else "deliveries"
    print(f"{title} (newest first, at most {limit}):")
    if not deliveries:
        print("  (none)")
    for d in deliveries:
        extra = f"sent {_short(d.sent_at)}" if d.sent_at else f"attempts {d.attempts}"
        if d.status == "pending" and d.attempts:
            extra += f", next {_short(d.next_attempt)}"
        print(f"  #{d.id:<5} {d.status:<8} {d.channel:<32} {d.kind:<16} {extra}")
        print(f"         {d.title}")
        if d.last_error and d.status != "sent":
            print(f"         error: {d.last_error}")
    return 0


def channel_rows(engine: Engine, config: Config) -> list[dict[str, Any]]:
    """Each configured channel (and any unconfigured one the outbox still holds) with its health."""
    from db.alerts.channels import channel_states
    from db.alerts.outbox import count_deliveries
    from monitor.alerts.channels import channels_of

    states = channel_states(engine)
    counts = count_deliveries(engine)
    rows = []
    seen = set()
    for channel in channels_of(config.alerts):
        seen.add(channel.key)
        rows.append(_channel_row(channel.name, channel.display, channel.key, states.get(channel.key), counts))
    for key in sorted({key for key, _ in counts} - seen):
        state = states.get(key)
        display = state.channel if state is not None else key
        rows.append(_channel_row("(not configured)", display, key, state, counts))
    return rows


def _channel_row(
    name: str, display: str, key: str, state: Any, counts: dict[tuple[str, str], int]
) -> dict[str, Any]:
    from db.alerts.tables import STATUSES

    row: dict[str, Any] = {"name": name, "channel": display, "key": key}
    row.update({status: counts.get((key, status), 0) for status in STATUSES})
    row["failures"] = state.failures if state is not None else 0
    row["failing_since"] = state.failing_since if state is not None else None
    row["last_error"] = state.last_error if state is not None else None
    row["last_ok"] = state.last_ok if state is not None else None
    if row["failing_since"]:
        row["health"] = "failing"
    elif row["failures"]:
        row["health"] = "errors"  # failed lately, not yet failing_after times in a row
    else:
        row["health"] = "ok" if row["last_ok"] else "untried"
    return row


def _delivery_json(d: Any) -> dict[str, Any]:
    return {
        "id": d.id,
        "status": d.status,
        "channel": d.channel,
        "event_key": d.event_key,
        "idempotency_key": d.idempotency_key,
        "kind": d.kind,
        "title": d.title,
        "event_at": d.event_at,
        "created": d.created,
        "attempts": d.attempts,
        "next_attempt": d.next_attempt,
        "sent_at": d.sent_at,
        "last_error": d.last_error,
    }


def _short(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M:%S") if at else "-"


def cmd_deliver(args: argparse.Namespace, context: Context) -> int:
    from db.engine import make_engine
    from monitor.alerts.deliver import deliver_summary, delivery_pass
    from monitor.alerts.evaluate import evaluate_summary

    engine = make_engine(context.db_url)
    try:
        evaluated, delivered = delivery_pass(engine, context.config, max_items=args.max_items)
    finally:
        engine.dispose()
    print(evaluate_summary(evaluated))
    print(deliver_summary(delivered))
    return 1 if delivered.retrying or delivered.failed else 0
