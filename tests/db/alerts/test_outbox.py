"""The alert outbox: idempotent enqueue, per-channel FIFO claims with leases, retries, channel health.

Every test runs on a real SQLite file and on the real PostgreSQL CI provides.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from db.alerts.channels import channel_states, record_channel_result
from db.alerts.cursors import get_cursor, set_cursor
from db.alerts.outbox import (
    NewDelivery,
    claim,
    count_deliveries,
    enqueue,
    list_deliveries,
    mark_failed,
    mark_sent,
    pending_channels,
    release,
)
from db.alerts.tables import FAILED, PENDING, SENT, AlertDelivery, idempotency_key
from db.engine import session_scope

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
LEASE = timedelta(minutes=2)


def new(event_key: str, channel_key: str = "webhook:ops", *, urgent: bool = False) -> NewDelivery:
    return NewDelivery(
        event_key=event_key,
        channel_key=channel_key,
        channel="ops (http://127.0.0.1)",
        kind="changes",
        event_at=T0,
        title=f"title {event_key}",
        body="body",
        payload={"event_key": event_key, "events": [{"percent": 28.57}]},
        urgent=urgent,
    )


def put(engine: Any, *deliveries: NewDelivery, now: datetime = T0) -> int:
    with session_scope(engine) as session:
        return enqueue(session, deliveries=list(deliveries), now=now)


def test_enqueue_is_idempotent_per_event_and_channel(engine: Any) -> None:
    assert put(engine, new("run:1:changes"), new("run:1:changes", "url:abc")) == 2
    assert put(engine, new("run:1:changes"), new("run:2:changes")) == 1  # the first is there already
    assert put(engine, new("run:1:changes"), new("run:1:changes")) == 0
    rows = list_deliveries(engine)
    assert sorted((r.event_key, r.channel_key) for r in rows) == [
        ("run:1:changes", "url:abc"),
        ("run:1:changes", "webhook:ops"),
        ("run:2:changes", "webhook:ops"),
    ]
    row = next(r for r in rows if r.channel_key == "webhook:ops" and r.event_key == "run:1:changes")
    assert (row.status, row.attempts, row.next_attempt, row.created) == (PENDING, 0, T0, T0)
    assert row.payload["events"] == [{"percent": 28.57}]
    assert row.idempotency_key == idempotency_key("run:1:changes", "webhook:ops")
    assert row.idempotency_key != idempotency_key("run:1:changes", "url:abc")


def test_concurrent_enqueues_of_the_same_event_store_it_once(engine: Any) -> None:
    barrier = threading.Barrier(4)
    results: list[int] = []

    def worker() -> None:
        barrier.wait()
        results.append(put(engine, new("incident:7:start"), new("incident:7:start", "url:abc")))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sum(results) == 2
    assert count_deliveries(engine) == {("webhook:ops", PENDING): 1, ("url:abc", PENDING): 1}


def test_claim_offers_each_channel_oldest_first_and_holds_a_lease(engine: Any) -> None:
    put(engine, new("a"), new("b"), new("c", "url:abc"))
    assert pending_channels(engine) == ["url:abc", "webhook:ops"]
    first = claim(engine, channel_key="webhook:ops", now=T0, lease=LEASE, owner="one")
    assert first is not None and first.event_key == "a" and first.attempts == 1
    assert first.lease_owner == "one" and first.lease_until == T0 + LEASE
    # the head is leased: nobody (not even its owner) gets "b" before "a" is settled
    assert claim(engine, channel_key="webhook:ops", now=T0, lease=LEASE, owner="two") is None
    other = claim(engine, channel_key="url:abc", now=T0, lease=LEASE, owner="two")
    assert other is not None and other.event_key == "c"
    mark_sent(engine, delivery_id=first.id or 0, now=T0)
    second = claim(engine, channel_key="webhook:ops", now=T0, lease=LEASE, owner="two")
    assert second is not None and second.event_key == "b"


def test_an_expired_lease_is_claimed_again_with_the_same_key(engine: Any) -> None:
    put(engine, new("a"))
    taken = claim(engine, channel_key="webhook:ops", now=T0, lease=LEASE, owner="died")
    assert taken is not None
    assert (
        claim(
            engine, channel_key="webhook:ops", now=T0 + LEASE - timedelta(seconds=1), lease=LEASE, owner="x"
        )
        is None
    )
    again = claim(engine, channel_key="webhook:ops", now=T0 + LEASE, lease=LEASE, owner="next")
    assert again is not None and again.id == taken.id and again.attempts == 2
    assert again.idempotency_key == taken.idempotency_key


def test_failure_backs_off_then_gives_up(engine: Any) -> None:
    put(engine, new("a"), new("b"))
    taken = claim(engine, channel_key="webhook:ops", now=T0, lease=LEASE, owner="me")
    assert taken is not None
    mark_failed(engine, delivery_id=taken.id or 0, error="HTTP 500", retry_at=T0 + timedelta(seconds=30))
    # the queue waits for the head's backoff: "b" does not overtake "a"
    assert (
        claim(engine, channel_key="webhook:ops", now=T0 + timedelta(seconds=29), lease=LEASE, owner="me")
        is None
    )
    retried = claim(
        engine, channel_key="webhook:ops", now=T0 + timedelta(seconds=30), lease=LEASE, owner="me"
    )
    assert retried is not None and retried.id == taken.id and retried.last_error == "HTTP 500"
    mark_failed(engine, delivery_id=retried.id or 0, error="HTTP 500", retry_at=None)
    after = claim(engine, channel_key="webhook:ops", now=T0 + timedelta(seconds=30), lease=LEASE, owner="me")
    assert after is not None and after.event_key == "b"
    assert [(d.event_key, d.status, d.attempts) for d in list_deliveries(engine, status=FAILED)] == [
        ("a", FAILED, 2)
    ]


def test_release_hands_a_claim_back_uncounted(engine: Any) -> None:
    put(engine, new("a"))
    taken = claim(engine, channel_key="webhook:ops", now=T0, lease=LEASE, owner="me")
    assert taken is not None
    release(engine, delivery_id=taken.id or 0)
    again = claim(engine, channel_key="webhook:ops", now=T0, lease=LEASE, owner="me")
    assert again is not None and again.attempts == 1


def test_urgent_only_claims_skip_held_messages(engine: Any) -> None:
    put(engine, new("price"), new("outage", urgent=True))
    taken = claim(engine, channel_key="webhook:ops", now=T0, lease=LEASE, owner="me", urgent_only=True)
    assert taken is not None and taken.event_key == "outage"
    mark_sent(engine, delivery_id=taken.id or 0, now=T0)
    assert claim(engine, channel_key="webhook:ops", now=T0, lease=LEASE, owner="me", urgent_only=True) is None
    held = claim(engine, channel_key="webhook:ops", now=T0, lease=LEASE, owner="me")
    assert held is not None and held.event_key == "price"


def test_sent_is_final_and_listed(engine: Any) -> None:
    put(engine, new("a"), new("b"))
    taken = claim(engine, channel_key="webhook:ops", now=T0, lease=LEASE, owner="me")
    assert taken is not None
    mark_sent(engine, delivery_id=taken.id or 0, now=T0 + timedelta(seconds=1))
    mark_failed(
        engine, delivery_id=taken.id or 0, error="late", retry_at=None
    )  # a late report changes nothing
    sent = list_deliveries(engine, status=SENT)
    assert [(d.event_key, d.sent_at, d.lease_until, d.last_error) for d in sent] == [
        ("a", T0 + timedelta(seconds=1), None, None)
    ]
    assert [d.event_key for d in list_deliveries(engine)] == ["b", "a"]  # newest first
    assert count_deliveries(engine) == {("webhook:ops", SENT): 1, ("webhook:ops", PENDING): 1}


def test_channel_health_turns_failing_and_back(engine: Any) -> None:
    def result(ok: bool, at: datetime) -> Any:
        return record_channel_result(
            engine,
            channel_key="webhook:ops",
            channel="ops",
            ok=ok,
            error=None if ok else "HTTP 500",
            now=at,
            failing_after=3,
        )

    assert result(False, T0).failing_since is None
    assert result(False, T0 + timedelta(minutes=1)).failing_since is None
    third = result(False, T0 + timedelta(minutes=2))
    assert (third.failures, third.failing_since, third.last_error) == (
        3,
        T0 + timedelta(minutes=2),
        "HTTP 500",
    )
    assert result(False, T0 + timedelta(minutes=3)).failing_since == T0 + timedelta(minutes=2)
    ok = result(True, T0 + timedelta(minutes=4))
    assert (ok.failures, ok.failing_since, ok.last_ok) == (0, None, T0 + timedelta(minutes=4))
    assert set(channel_states(engine)) == {"webhook:ops"}


def test_cursor_starts_unset_and_moves(engine: Any) -> None:
    with session_scope(engine) as session:
        assert get_cursor(session, name="runs") is None
        set_cursor(session, name="runs", position=4, now=T0)
    with session_scope(engine) as session:
        assert get_cursor(session, name="runs") == 4
        set_cursor(session, name="runs", position=9, now=T0)
    with session_scope(engine) as session:
        assert get_cursor(session, name="runs") == 9


def test_a_table_row_keeps_no_secret_columns() -> None:
    columns = set(AlertDelivery.__table__.columns.keys())  # type: ignore[attr-defined]
    assert not {"url", "secret", "token", "password"} & columns
