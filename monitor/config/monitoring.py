"""``[monitoring]``: how probe results become up/down/degraded, how long history is kept, how hard the
probes run, and the planned maintenance windows left out of uptime."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, Field, model_validator

from monitor.config.durations import Duration, check_weekly_window, weekly_window
from monitor.config.errors import KeyedError
from monitor.config.values import STRICT, Name, Text


class Maintenance(BaseModel):
    """A planned maintenance window: probes inside it are left out of uptime and outage detection.

    Either once (``start`` and ``end``, TOML datetimes with an offset) or every week (``weekly =
    "Sun 02:00-04:00"``, UTC). ``probes`` names the probes it covers; empty means all of them.
    """

    model_config = STRICT

    probes: list[Name] = Field(default_factory=list)
    start: AwareDatetime | None = None
    end: AwareDatetime | None = None
    weekly: Annotated[str, AfterValidator(check_weekly_window)] | None = None
    reason: Text | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Maintenance:
        if self.weekly is not None:
            if self.start is not None or self.end is not None:
                raise KeyedError(("weekly",), "give either weekly or start and end, not both")
            return self
        if self.start is None or self.end is None:
            raise KeyedError(("start" if self.start is None else "end",), "required (or give weekly)")
        if self.end <= self.start:
            raise KeyedError(("end",), "must be after start")
        return self

    def covers(self, probe: str, at: datetime) -> bool:
        """Whether `probe` is under maintenance at `at` (aware)."""
        if self.probes and probe not in self.probes:
            return False
        if self.weekly is None:
            assert self.start is not None and self.end is not None
            return self.start <= at < self.end
        day, start, end = weekly_window(self.weekly)
        at = at.astimezone(UTC)
        minute = at.weekday() * 1440 + at.hour * 60 + at.minute
        begin = day * 1440 + start
        finish = begin + ((end - start) % 1440 or 1440)
        week = 7 * 1440
        return any(begin <= minute + shift < finish for shift in (0, week))


class Monitoring(BaseModel):
    """How probe results become up/down/degraded, how long history is kept, how hard probes run."""

    model_config = STRICT

    down_after: int = Field(default=3, ge=1)  # consecutive failures
    up_after: int = Field(default=2, ge=1)  # consecutive successes
    degraded_window: int = Field(default=10, ge=1)  # recent ok samples for the TTFT p90
    concurrency: int = Field(default=50, ge=1)  # probes in flight at once
    raw_retention: Duration = timedelta(days=7)
    rollup_retention: Duration = timedelta(days=400)
    rollup_every: Duration = timedelta(minutes=5)
    maintenance: list[Maintenance] = Field(default_factory=list)
