"""The probe history store, write side: samples and the incidents they open (targets: `db.probes.targets`).

`record_samples` writes a round of samples in one transaction: the samples in bulk, then per target the
outage state machine (`db.probes.outage`) run from the state stored on `ProbeTarget`, the new state, and the
`Incident` rows it opened or closed. It returns the transitions, for the alert rules.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, bindparam, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db.bulk import insert_rows
from db.engine import session_scope
from db.models import Incident, ProbeSample, ProbeTarget, table
from db.probes import outage
from db.probes.samples import Sample
from db.probes.targets import UnknownProbeError
from db.types import utcnow

logger = logging.getLogger(__name__)

MESSAGE_MAX = 500
FUTURE_TOLERANCE = timedelta(minutes=5)
_CHUNK = 500


@dataclass(frozen=True)
class TargetTransition:
    """A status change of one target (with the incidents it opened or closed)."""

    target_id: int
    probe: str
    transition: outage.Transition


@dataclass
class RecordReport:
    samples: int = 0
    stale: int = 0  # samples older than their target's last one: stored, not fed to the state machine
    transitions: list[TargetTransition] = field(default_factory=list)
    incidents_opened: int = 0
    incidents_closed: int = 0


def record_samples(
    engine: Engine,
    samples: Sequence[Sample],
    *,
    policy: outage.OutagePolicy | Mapping[str, outage.OutagePolicy] = outage.DEFAULT_POLICY,
    maintenance: Iterable[outage.Maintenance] = (),
    now: datetime | None = None,
) -> RecordReport:
    """Store `samples` and advance each target's outage state, in one transaction.

    `policy` is one policy for every probe, or one per probe name (a name missing from the mapping gets
    the default `OutagePolicy()`). `maintenance` windows: anything with `covers(probe, at)`; a sample
    inside one is stored with `in_maintenance` and left out of uptime and of the state machine. A
    sample dated more than `FUTURE_TOLERANCE` after `now` (a clock gone wrong) is refused: it would
    make every later sample look stale. Raises `UnknownProbeError` for a probe without a target.
    """
    with session_scope(engine) as session:
        return write_samples(session, samples, policy=policy, maintenance=maintenance, now=now)


def write_samples(
    session: Session,
    samples: Sequence[Sample],
    *,
    policy: outage.OutagePolicy | Mapping[str, outage.OutagePolicy] = outage.DEFAULT_POLICY,
    maintenance: Iterable[outage.Maintenance] = (),
    now: datetime | None = None,
) -> RecordReport:
    """`record_samples` inside the caller's transaction (commit or roll back is the caller's)."""
    report = RecordReport(samples=len(samples))
    if not samples:
        return report
    t = table(ProbeTarget)
    names = sorted({sample.probe for sample in samples})
    targets: dict[str, Row[Any]] = {}
    for chunk in _chunks(names):
        targets.update((row.name, row) for row in session.execute(select(t).where(t.c.name.in_(chunk))))
    latest = (now or utcnow()) + FUTURE_TOLERANCE
    future = sorted({s.probe for s in samples if s.at > latest})
    if future:
        raise ValueError(f"samples of {', '.join(map(repr, future))} are dated after {latest.isoformat()}")
    missing = [name for name in names if name not in targets]
    if missing:
        raise UnknownProbeError(f"no probe target named {', '.join(map(repr, missing))}: call ensure_targets")
    windows = list(maintenance)
    flags = [outage.in_maintenance(s.probe, s.at, windows) for s in samples]
    insert_rows(
        session,
        table(ProbeSample),
        [_sample_row(s, targets[s.probe].id, m) for s, m in zip(samples, flags, strict=True)],
    )
    by_target: dict[str, list[tuple[Sample, bool]]] = {}
    for sample, flag in zip(samples, flags, strict=True):
        by_target.setdefault(sample.probe, []).append((sample, flag))
    open_rows = _open_incidents(session, [row.id for row in targets.values()])
    target_updates: list[dict[str, Any]] = []
    writer = _IncidentWriter(session)
    for name, items in by_target.items():
        row = targets[name]
        items.sort(key=lambda item: item[0].at)
        last = row.last_sample_at
        fresh = [item for item in items if last is None or item[0].at >= last]
        report.stale += len(items) - len(fresh)
        incident_row = open_rows.get(row.id)
        state = _state(row, incident_row)
        target_policy = _policy_for(policy, name)
        transitions: list[outage.Transition] = []
        for sample, flag in fresh:
            state, transition = outage.advance(state, sample, target_policy, maintenance=flag)
            if transition is not None:
                transitions.append(transition)
        writer.apply(row.id, incident_row, state, transitions, report)
        report.transitions.extend(TargetTransition(row.id, name, tr) for tr in transitions)
        newest = max(sample.at for sample, _ in items)
        target_updates.append(_target_values(row.id, state, max(newest, last) if last else newest))
    statement = (
        update(t).where(t.c.id == bindparam("k_id")).values({key: bindparam(key) for key in _STATE_KEYS})
    )
    session.execute(statement, target_updates)
    writer.flush()
    return report


_STATE_KEYS = (
    "status",
    "status_since",
    "fail_streak",
    "ok_streak",
    "streak_since",
    "recent_ttft_ms",
    "last_sample_at",
)


def _target_values(target_id: int, state: outage.TargetState, last_sample_at: datetime) -> dict[str, Any]:
    return {
        "k_id": target_id,
        "status": state.status,
        "status_since": state.status_since,
        "fail_streak": state.fail_streak,
        "ok_streak": state.ok_streak,
        "streak_since": state.streak_since,
        "recent_ttft_ms": list(state.recent_ttft_ms),
        "last_sample_at": last_sample_at,
    }


def _policy_for(
    policy: outage.OutagePolicy | Mapping[str, outage.OutagePolicy], name: str
) -> outage.OutagePolicy:
    if isinstance(policy, outage.OutagePolicy):
        return policy
    return policy.get(name) or outage.OutagePolicy()


def _sample_row(sample: Sample, target_id: int, maintenance: bool) -> dict[str, Any]:
    message = sample.message
    if message is not None and len(message) > MESSAGE_MAX:
        message = message[: MESSAGE_MAX - 1] + "…"
    return {
        "target_id": target_id,
        "at": sample.at,
        "ok": sample.ok,
        "status": sample.status,
        "error_class": sample.error_class,
        "connect_ms": sample.connect_ms,
        "ttft_ms": sample.ttft_ms,
        "total_ms": sample.total_ms,
        "output_tokens": sample.output_tokens,
        "tokens_per_s": sample.tokens_per_s,
        "in_maintenance": maintenance,
        "message": message,
    }


def _open_incidents(session: Session, target_ids: list[int]) -> dict[int, Row[Any]]:
    i = table(Incident)
    rows: dict[int, Row[Any]] = {}
    for chunk in _chunks(target_ids):
        query = select(i).where(i.c.target_id.in_(chunk), i.c.ended.is_(None)).order_by(i.c.started)
        rows.update((row.target_id, row) for row in session.execute(query))
    return rows


def _state(row: Row[Any], incident: Row[Any] | None) -> outage.TargetState:
    return outage.TargetState(
        status=row.status,
        status_since=row.status_since,
        fail_streak=row.fail_streak,
        ok_streak=row.ok_streak,
        streak_since=row.streak_since,
        recent_ttft_ms=tuple(row.recent_ttft_ms or ()),
        incident=None
        if incident is None
        else outage.OpenIncident(
            kind=incident.kind,
            started=incident.started,
            cause=incident.cause,
            message=incident.message,
            failures=incident.failures,
        ),
    )


class _IncidentWriter:
    """Turns a target's incident events into UPDATEs of its open row and INSERTs of new rows."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.updates: list[dict[str, Any]] = []
        self.inserts: list[dict[str, Any]] = []

    def apply(
        self,
        target_id: int,
        open_row: Row[Any] | None,
        state: outage.TargetState,
        transitions: list[outage.Transition],
        report: RecordReport,
    ) -> None:
        events = [event for transition in transitions for event in transition.events]
        stored_open = open_row  # the stored open incident, until an event closes it
        new: dict[str, Any] | None = None  # an incident opened in this batch, until closed
        for event in events:
            if event.action == outage.CLOSED:
                report.incidents_closed += 1
                if new is not None:
                    new.update(ended=event.ended, failures=event.failures)
                    self.inserts.append(new)
                    new = None
                elif stored_open is not None:
                    self.updates.append(
                        {"k_id": stored_open.id, "ended": event.ended, "failures": event.failures}
                    )
                    stored_open = None
                continue
            report.incidents_opened += 1
            new = {
                "target_id": target_id,
                "kind": event.kind,
                "started": event.started,
                "ended": None,
                "cause": event.cause[:100],
                "message": event.message[:MESSAGE_MAX] if event.message else None,
                "failures": event.failures,
            }
        if new is not None:
            if state.incident is not None:
                new["failures"] = state.incident.failures
            self.inserts.append(new)
        elif (
            stored_open is not None
            and state.incident is not None
            and state.incident.failures != stored_open.failures
        ):
            self.updates.append({"k_id": stored_open.id, "ended": None, "failures": state.incident.failures})

    def flush(self) -> None:
        i = table(Incident)
        if self.updates:
            statement = (
                update(i)
                .where(i.c.id == bindparam("k_id"))
                .values(ended=bindparam("ended"), failures=bindparam("failures"))
            )
            self.session.execute(statement, self.updates)
        insert_rows(self.session, i, self.inserts)


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    return (items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK))
