"""The outage state machine of one probed target: pure decisions over samples, no I/O, no clock.

The machine's clock is the samples' own time (`Sample.at`), so tests drive it with any times they like.

- **down** after `down_after` consecutive failures (timeout, connect, 5xx, stream error, bad response);
  the incident starts at the first failure of the streak.
- **up** again after `up_after` consecutive successes; the incident ends at the first success of the
  streak. From `unknown`, the first success makes the target up.
- **degraded** when the nearest-rank p90 of the time to first token of the last `degraded_window` ok
  samples passes `degraded_ttft_ms` (only with a full window, so one slow first answer is not an
  incident); up again when it falls back to or below the threshold.
- Rate-limited and client-error samples neither advance nor reset a streak; samples inside a
  maintenance window are ignored altogether.

Each change of status is a `Transition` carrying the incident events it causes (a degraded incident is
closed when the target goes down, and a down incident opened at the same time).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from db.probes.histogram import rank
from db.probes.samples import EXCLUDED_CLASSES, Sample

UNKNOWN = "unknown"
UP = "up"
DOWN = "down"
DEGRADED = "degraded"
STATUSES = (UNKNOWN, UP, DOWN, DEGRADED)
OPENED = "opened"
CLOSED = "closed"


@dataclass(frozen=True)
class OutagePolicy:
    """When a target counts as down, up again, or degraded (the `[monitoring]` settings of a probe)."""

    down_after: int = 3  # consecutive failures
    up_after: int = 2  # consecutive successes
    degraded_window: int = 10  # recent ok samples whose TTFT p90 is watched
    degraded_ttft_ms: float | None = None  # degraded above this p90; None: never degraded

    def __post_init__(self) -> None:
        for name in ("down_after", "up_after", "degraded_window"):
            if getattr(self, name) < 1:
                raise ValueError(f"OutagePolicy.{name} must be at least 1")


DEFAULT_POLICY = OutagePolicy()


class Maintenance(Protocol):
    """A maintenance window: anything that says whether a probe is under maintenance at a time."""

    def covers(self, probe: str, at: datetime) -> bool: ...


@dataclass(frozen=True)
class MaintenanceWindow:
    """A one-off maintenance window [start, end) for the named probes (all of them when None)."""

    start: datetime
    end: datetime
    probes: frozenset[str] | None = None

    def covers(self, probe: str, at: datetime) -> bool:
        return self.start <= at < self.end and (self.probes is None or probe in self.probes)


def in_maintenance(probe: str, at: datetime, windows: Iterable[Maintenance]) -> bool:
    return any(window.covers(probe, at) for window in windows)


@dataclass(frozen=True)
class OpenIncident:
    kind: str  # DOWN or DEGRADED
    started: datetime
    cause: str
    message: str | None = None
    failures: int = 0


@dataclass(frozen=True)
class TargetState:
    """What the machine remembers about one target between samples (stored on `ProbeTarget`)."""

    status: str = UNKNOWN
    status_since: datetime | None = None
    fail_streak: int = 0
    ok_streak: int = 0
    streak_since: datetime | None = None  # the first sample of the current streak
    recent_ttft_ms: tuple[float, ...] = ()  # the TTFT of the last `degraded_window` ok samples
    incident: OpenIncident | None = None


@dataclass(frozen=True)
class IncidentEvent:
    action: str  # OPENED or CLOSED
    kind: str  # DOWN or DEGRADED
    started: datetime
    ended: datetime | None
    cause: str
    message: str | None
    failures: int


@dataclass(frozen=True)
class Transition:
    """A change of status at the sample `at`, with the incidents it opened or closed."""

    at: datetime
    old: str
    new: str
    events: tuple[IncidentEvent, ...] = ()


def ttft_p90(values: Sequence[float]) -> float:
    """The nearest-rank p90 of `values`."""
    ordered = sorted(values)
    return ordered[rank(0.9, len(ordered)) - 1]


def degraded_cause(threshold_ms: float) -> str:
    return f"ttft p90 above {threshold_ms:g} ms"


def advance(
    state: TargetState, sample: Sample, policy: OutagePolicy, *, maintenance: bool = False
) -> tuple[TargetState, Transition | None]:
    """The state after `sample`, and the transition it caused (None when the status stayed)."""
    if maintenance or sample.error_class in EXCLUDED_CLASSES:
        return state, None
    if sample.ok:
        return _success(state, sample, policy)
    return _failure(state, sample, policy)


def run(
    state: TargetState,
    samples: Iterable[Sample],
    policy: OutagePolicy,
    *,
    maintenance: Iterable[Maintenance] = (),
) -> tuple[TargetState, list[Transition]]:
    """Feed `samples` (in time order) through the machine; the final state and every transition."""
    windows = list(maintenance)
    transitions: list[Transition] = []
    for sample in samples:
        state, transition = advance(
            state, sample, policy, maintenance=in_maintenance(sample.probe, sample.at, windows)
        )
        if transition is not None:
            transitions.append(transition)
    return state, transitions


def _failure(
    state: TargetState, sample: Sample, policy: OutagePolicy
) -> tuple[TargetState, Transition | None]:
    streak_since = state.streak_since if state.fail_streak else sample.at
    incident = state.incident
    if incident is not None:
        incident = replace(incident, failures=incident.failures + 1)
    state = replace(
        state, fail_streak=state.fail_streak + 1, ok_streak=0, streak_since=streak_since, incident=incident
    )
    if state.status == DOWN or state.fail_streak < policy.down_after:
        return state, None
    assert streak_since is not None
    events: list[IncidentEvent] = []
    if incident is not None:  # degraded, now down: the slow spell ends where the outage starts
        before = replace(incident, failures=incident.failures - state.fail_streak)
        events.append(_closed(before, streak_since))
    down = OpenIncident(
        kind=DOWN,
        started=streak_since,
        cause=sample.error_class or "failure",
        message=sample.message,
        failures=state.fail_streak,
    )
    events.append(_opened(down))
    transition = Transition(at=sample.at, old=state.status, new=DOWN, events=tuple(events))
    return replace(state, status=DOWN, status_since=streak_since, incident=down), transition


def _success(
    state: TargetState, sample: Sample, policy: OutagePolicy
) -> tuple[TargetState, Transition | None]:
    streak_since = state.streak_since if state.ok_streak else sample.at
    recent = state.recent_ttft_ms
    if sample.ttft_ms is not None:
        recent = (*recent, float(sample.ttft_ms))[-policy.degraded_window :]
    state = replace(
        state, ok_streak=state.ok_streak + 1, fail_streak=0, streak_since=streak_since, recent_ttft_ms=recent
    )
    if state.status == DOWN and state.ok_streak < policy.up_after:
        return state, None
    p90 = ttft_p90(recent) if len(recent) >= policy.degraded_window else None
    slow = policy.degraded_ttft_ms is not None and p90 is not None and p90 > policy.degraded_ttft_ms
    new = DEGRADED if slow else UP
    if new == state.status:
        return state, None
    assert streak_since is not None
    # Back from down: the outage ended with the first success of the streak.
    at = streak_since if state.status == DOWN else sample.at
    events: list[IncidentEvent] = []
    incident = state.incident
    if incident is not None:
        events.append(_closed(incident, at))
        incident = None
    if new == DEGRADED:
        assert policy.degraded_ttft_ms is not None
        incident = OpenIncident(
            kind=DEGRADED,
            started=at,
            cause=degraded_cause(policy.degraded_ttft_ms),
            message=f"ttft p90 {p90:.0f} ms over the last {len(recent)} ok samples",
        )
        events.append(_opened(incident))
    transition = Transition(at=sample.at, old=state.status, new=new, events=tuple(events))
    return replace(state, status=new, status_since=at, incident=incident), transition


def _opened(incident: OpenIncident) -> IncidentEvent:
    return IncidentEvent(
        action=OPENED,
        kind=incident.kind,
        started=incident.started,
        ended=None,
        cause=incident.cause,
        message=incident.message,
        failures=incident.failures,
    )


def _closed(incident: OpenIncident, ended: datetime) -> IncidentEvent:
    return IncidentEvent(
        action=CLOSED,
        kind=incident.kind,
        started=incident.started,
        ended=ended,
        cause=incident.cause,
        message=incident.message,
        failures=incident.failures,
    )
