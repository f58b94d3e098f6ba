"""The outage state machine, table-driven: one row per case, the clock is the samples' own times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from db.probes import outage
from db.probes.outage import MaintenanceWindow, OutagePolicy, TargetState
from db.probes.samples import Sample

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
CLASSES = {
    "5xx": ("http_5xx", 503),
    "timeout": ("timeout", None),
    "connect": ("connect", None),
    "stream": ("stream_error", 200),
    "bad": ("bad_response", 200),
    "429": ("rate_limited", 429),
    "401": ("client_error", 401),
}


def at(i: int) -> datetime:
    """The injected clock: sample i is taken i minutes after T0."""
    return T0 + timedelta(minutes=i)


def parse(spec: str, i: int) -> tuple[Sample, bool]:
    """``"ok"``, ``"ok:800"`` (TTFT ms), ``"5xx"``, ``"429"``...; a ``"m:"`` prefix: inside maintenance."""
    maintenance = spec.startswith("m:")
    spec = spec.removeprefix("m:")
    if spec.startswith("ok"):
        ttft = float(spec.split(":")[1]) if ":" in spec else 300.0
        return Sample("p", at(i), True, 200, ttft_ms=ttft, total_ms=ttft + 500), maintenance
    error_class, status = CLASSES[spec]
    return Sample("p", at(i), False, status, error_class, message=f"{spec} at {i}"), maintenance


@dataclass(frozen=True)
class Case:
    name: str
    samples: str  # space-separated specs, sample i at minute i
    status: str  # final status
    transitions: list[tuple[int, str, str]]  # (sample index, old, new)
    # (action, kind, started index, ended index or None, cause, failures)
    events: list[tuple[str, str, int, int | None, str, int]]
    policy: OutagePolicy = OutagePolicy()


SLOW = OutagePolicy(degraded_window=5, degraded_ttft_ms=1000)
CAUSE = "ttft p90 above 1000 ms"
CASES = [
    Case("first ok makes an unknown target up", "ok", "up", [(0, "unknown", "up")], []),
    Case(
        "down after three consecutive failures, from the first one",
        "ok 5xx timeout 5xx",
        "down",
        [(0, "unknown", "up"), (3, "up", "down")],
        [("opened", "down", 1, None, "http_5xx", 3)],
    ),
    Case("two failures are not an outage", "ok 5xx 5xx ok 5xx 5xx ok", "up", [(0, "unknown", "up")], []),
    Case(
        "up again after two successes, ended at the first",
        "ok connect connect connect ok ok",
        "up",
        [(0, "unknown", "up"), (3, "up", "down"), (5, "down", "up")],
        [("opened", "down", 1, None, "connect", 3), ("closed", "down", 1, 4, "connect", 3)],
    ),
    Case(
        "one success between failures is not a recovery; failures are counted",
        "ok 5xx 5xx 5xx ok 5xx ok",
        "down",
        [(0, "unknown", "up"), (3, "up", "down")],
        [("opened", "down", 1, None, "http_5xx", 3)],
    ),
    Case(
        "429 and client errors neither advance nor reset a failure streak",
        "ok 5xx 429 5xx 401 5xx",
        "down",
        [(0, "unknown", "up"), (5, "up", "down")],
        [("opened", "down", 1, None, "http_5xx", 3)],
    ),
    Case(
        "429 does not break a recovery streak",
        "ok bad bad bad ok 429 401 ok",
        "up",
        [(0, "unknown", "up"), (3, "up", "down"), (7, "down", "up")],
        [("opened", "down", 1, None, "bad_response", 3), ("closed", "down", 1, 4, "bad_response", 3)],
    ),
    Case("only rate limits: still unknown", "429 429 429 429 401", "unknown", [], []),
    Case(
        "failures inside maintenance are ignored",
        "ok m:5xx m:5xx m:5xx 5xx 5xx",
        "up",
        [(0, "unknown", "up")],
        [],
    ),
    Case(
        "maintenance neither advances nor resets a streak",
        "ok 5xx 5xx m:ok m:ok 5xx",
        "down",
        [(0, "unknown", "up"), (5, "up", "down")],
        [("opened", "down", 1, None, "http_5xx", 3)],
    ),
    Case(
        "an unknown target can go straight down; the cause is the deciding failure's class",
        "timeout timeout stream",
        "down",
        [(2, "unknown", "down")],
        [("opened", "down", 0, None, "stream_error", 3)],
    ),
    Case(
        "custom policy: down after 1, up after 1",
        "ok 5xx ok",
        "up",
        [(0, "unknown", "up"), (1, "up", "down"), (2, "down", "up")],
        [("opened", "down", 1, None, "http_5xx", 1), ("closed", "down", 1, 2, "http_5xx", 1)],
        OutagePolicy(down_after=1, up_after=1),
    ),
    Case(
        "degraded when the TTFT p90 of a full window passes the threshold",
        "ok:100 ok:100 ok:100 ok:100 ok:2000",
        "degraded",
        [(0, "unknown", "up"), (4, "up", "degraded")],
        [("opened", "degraded", 4, None, CAUSE, 0)],
        SLOW,
    ),
    Case(
        "not degraded before the window is full",
        "ok:5000 ok:5000 ok:5000 ok:5000",
        "up",
        [(0, "unknown", "up")],
        [],
        SLOW,
    ),
    Case(
        "a p90 at the threshold is not degraded",
        "ok:100 ok:100 ok:100 ok:100 ok:1000",
        "up",
        [(0, "unknown", "up")],
        [],
        SLOW,
    ),
    Case(
        "up again once the slow answer leaves the window",
        "ok:100 ok:100 ok:100 ok:100 ok:2000 ok:100 ok:100 ok:100 ok:100 ok:100",
        "up",
        [(0, "unknown", "up"), (4, "up", "degraded"), (9, "degraded", "up")],
        [("opened", "degraded", 4, None, CAUSE, 0), ("closed", "degraded", 4, 9, CAUSE, 0)],
        SLOW,
    ),
    Case(
        "a failure during a slow spell is counted in its incident",
        "ok:2000 ok:2000 ok:2000 ok:2000 ok:2000 5xx ok:100 ok:100 ok:100 ok:100 ok:100",
        "up",
        [(0, "unknown", "up"), (4, "up", "degraded"), (10, "degraded", "up")],
        [("opened", "degraded", 4, None, CAUSE, 0), ("closed", "degraded", 4, 10, CAUSE, 1)],
        SLOW,
    ),
    Case(
        "degraded then down: the slow spell ends where the outage starts",
        "ok:2000 ok:2000 ok:2000 ok:2000 ok:2000 5xx 5xx 5xx",
        "down",
        [(0, "unknown", "up"), (4, "up", "degraded"), (7, "degraded", "down")],
        [
            ("opened", "degraded", 4, None, CAUSE, 0),
            ("closed", "degraded", 4, 5, CAUSE, 0),  # the streak's failures belong to the outage
            ("opened", "down", 5, None, "http_5xx", 3),
        ],
        SLOW,
    ),
    Case(
        "back from down but still slow: degraded from the recovery",
        "ok:2000 ok:2000 ok:2000 ok:2000 5xx 5xx 5xx ok:2000 ok:2000",
        "degraded",
        [(0, "unknown", "up"), (6, "up", "down"), (8, "down", "degraded")],
        [
            ("opened", "down", 4, None, "http_5xx", 3),
            ("closed", "down", 4, 7, "http_5xx", 3),
            ("opened", "degraded", 7, None, CAUSE, 0),
        ],
        SLOW,
    ),
    Case(
        "no threshold, never degraded",
        "ok:90000 ok:90000 ok:90000 ok:90000 ok:90000 ok:90000 ok:90000 ok:90000 ok:90000 ok:90000 ok:90000",
        "up",
        [(0, "unknown", "up")],
        [],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_state_machine(case: Case) -> None:
    state = TargetState()
    transitions: list[outage.Transition] = []
    for i, spec in enumerate(case.samples.split()):
        sample, maintenance = parse(spec, i)
        state, transition = outage.advance(state, sample, case.policy, maintenance=maintenance)
        if transition is not None:
            transitions.append(transition)
    assert state.status == case.status
    index = {at(i): i for i in range(len(case.samples.split()))}
    assert [(index[tr.at], tr.old, tr.new) for tr in transitions] == case.transitions
    events = [
        (e.action, e.kind, index[e.started], None if e.ended is None else index[e.ended], e.cause, e.failures)
        for tr in transitions
        for e in tr.events
    ]
    assert events == case.events
    # the open incident in the state is the last one opened and not closed
    open_kinds = [e[1] for e in case.events if e[0] == "opened"]
    closed = [e for e in case.events if e[0] == "closed"]
    if len(open_kinds) > len(closed):
        assert state.incident is not None and state.incident.kind == open_kinds[-1]
    else:
        assert state.incident is None


def test_status_since_and_streaks() -> None:
    state = TargetState()
    for i, spec in enumerate(["ok", "5xx", "5xx", "5xx", "ok"]):
        state, _ = outage.advance(state, parse(spec, i)[0], OutagePolicy())
    assert (state.status, state.status_since) == ("down", at(1))
    assert (state.ok_streak, state.fail_streak, state.streak_since) == (1, 0, at(4))
    assert state.incident is not None and state.incident.failures == 3
    assert state.incident.message == "5xx at 3"


def test_recent_ttft_window_keeps_the_last_ok_samples() -> None:
    state = TargetState()
    policy = OutagePolicy(degraded_window=3)
    for i, spec in enumerate(["ok:1", "ok:2", "5xx", "ok:3", "429", "ok:4"]):
        state, _ = outage.advance(state, parse(spec, i)[0], policy)
    assert state.recent_ttft_ms == (2.0, 3.0, 4.0)


def test_run_applies_maintenance_windows_by_probe_name() -> None:
    samples = [parse(spec, i)[0] for i, spec in enumerate(["ok", "5xx", "5xx", "5xx", "5xx"])]
    everyone = [MaintenanceWindow(start=at(1), end=at(4))]
    state, transitions = outage.run(TargetState(), samples, OutagePolicy(), maintenance=everyone)
    assert state.status == "up" and state.fail_streak == 1
    other = [MaintenanceWindow(start=at(1), end=at(4), probes=frozenset({"other"}))]
    state, transitions = outage.run(TargetState(), samples, OutagePolicy(), maintenance=other)
    assert state.status == "down" and [t.new for t in transitions] == ["up", "down"]


def test_maintenance_window_is_half_open() -> None:
    window = MaintenanceWindow(start=at(0), end=at(10))
    assert window.covers("p", at(0)) and window.covers("p", at(9))
    assert not window.covers("p", at(10)) and not window.covers("p", at(-1))


def test_policy_rejects_zero_counts() -> None:
    with pytest.raises(ValueError, match="down_after"):
        OutagePolicy(down_after=0)


def test_ttft_p90_is_nearest_rank() -> None:
    assert outage.ttft_p90([float(v) for v in range(1, 11)]) == 9.0
    assert outage.ttft_p90([100, 100, 100, 100, 2000]) == 2000
    assert outage.ttft_p90([5.0]) == 5.0
