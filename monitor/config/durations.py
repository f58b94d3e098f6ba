"""Spans of time in the configuration: durations (``"5m"``), daily windows (``"22:00-07:00"``) and weekly
windows (``"Sun 02:00-04:00"``), each a parser and the pydantic type or validator that uses it."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated, Any

from pydantic import BeforeValidator

_DURATION_HINT = "use e.g. 30s, 5m, 6h, 1d"
_DURATION_PART = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*", re.IGNORECASE)
_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKLY = re.compile(
    r"\s*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", re.IGNORECASE
)
_CLOCK = re.compile(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*")


def parse_duration(text: str) -> timedelta:
    """Parse ``"30s"``, ``"5m"``, ``"6h"``, ``"1d"``, ``"1h30m"``, ``"500ms"`` or ``"2w"``.

    Raises `ValueError` (message ``invalid duration '...' (use e.g. ...)``) for anything else.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"invalid duration {text!r} ({_DURATION_HINT})")
    seconds = 0.0
    position = 0
    while position < len(text):
        match = _DURATION_PART.match(text, position)
        if match is None:
            raise ValueError(f"invalid duration {text!r} ({_DURATION_HINT})")
        seconds += float(match[1]) * _UNITS[match[2].lower()]
        position = match.end()
    return timedelta(seconds=seconds)


def _duration(value: Any) -> Any:
    duration = value if isinstance(value, timedelta) else parse_duration(value)
    if duration <= timedelta(0):
        raise ValueError(f"must be more than zero, got {value!r}")
    return duration


Duration = Annotated[timedelta, BeforeValidator(_duration)]


def weekly_window(text: str) -> tuple[int, int, int]:
    """``"Sun 02:00-04:00"`` -> (weekday 0-6 from Monday, start minute, end minute), UTC."""
    match = _WEEKLY.fullmatch(text)
    if match is None:
        raise ValueError(f"invalid weekly window {text!r} (use e.g. 'Sun 02:00-04:00', UTC)")
    day = _WEEKDAYS.index(match[1].lower())
    start_h, start_m, end_h, end_m = (int(match[i]) for i in range(2, 6))
    if start_h > 23 or end_h > 24 or start_m > 59 or end_m > 59:
        raise ValueError(f"invalid weekly window {text!r} (hours 00-23, minutes 00-59)")
    return day, start_h * 60 + start_m, end_h * 60 + end_m


def check_weekly_window(value: str) -> str:
    """A validator: `value` is a weekly window."""
    weekly_window(value)
    return value


def clock_window(text: str) -> tuple[int, int]:
    """``"22:00-07:00"`` -> (start minute, end minute) of the day; the window may cross midnight."""
    match = _CLOCK.fullmatch(text)
    if match is None:
        raise ValueError(f"invalid daily window {text!r} (use e.g. '22:00-07:00')")
    start_h, start_m, end_h, end_m = (int(match[i]) for i in range(1, 5))
    if start_h > 23 or end_h > 24 or start_m > 59 or end_m > 59 or (end_h == 24 and end_m):
        raise ValueError(f"invalid daily window {text!r} (hours 00-23, minutes 00-59)")
    if (start_h, start_m) == (end_h, end_m):
        raise ValueError(f"invalid daily window {text!r} (start and end are the same time)")
    return start_h * 60 + start_m, end_h * 60 + end_m


def check_clock_window(value: str) -> str:
    """A validator: `value` is a daily window."""
    clock_window(value)
    return value
