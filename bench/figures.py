"""Benchmark figures: many measurements of one quantity, summarised by median, min and max.

The machine is shared and noisy, so a figure is reported as the median of its runs, with the range.
A goal is shown beside the figure it applies to; it informs, it never fails anything.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Figure:
    name: str
    unit: str
    values: list[float] = field(default_factory=list)
    goal: str | None = None  # e.g. "< 10", "> 5000", "== 0"

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def met(self) -> bool | None:
        if self.goal is None or not self.values:
            return None
        op, _, number = self.goal.partition(" ")
        target = float(number)
        return {"<": self.median < target, ">": self.median > target, "==": self.median == target}[op]

    def as_json(self) -> dict[str, Any]:
        summary: dict[str, Any] = {"unit": self.unit, "values": self.values, "goal": self.goal}
        if self.values:
            summary |= {
                "median": self.median,
                "min": min(self.values),
                "max": max(self.values),
                "goal_met": self.met(),
            }
        return summary


def _number(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f}"
    if value == int(value) and abs(value) < 1e6:
        return f"{int(value)}"
    return f"{value:,.0f}"


_LEFT = (0, 4, 5)  # text columns; the numbers are right-aligned


def render_table(figures: list[Figure]) -> str:
    """A plain-text table: figure, median, min, max, unit, goal."""
    header = ("figure", "median", "min", "max", "unit", "goal")
    rows = [header]
    for fig in figures:
        if not fig.values:
            continue
        goal = "" if fig.goal is None else f"{fig.goal} ({'met' if fig.met() else 'MISSED'})"
        rows.append(
            (
                fig.name,
                _number(fig.median, fig.unit),
                _number(min(fig.values), fig.unit),
                _number(max(fig.values), fig.unit),
                fig.unit,
                goal,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        pairs = enumerate(zip(row, widths, strict=True))
        cells = [cell.ljust(w) if i in _LEFT else cell.rjust(w) for i, (cell, w) in pairs]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
