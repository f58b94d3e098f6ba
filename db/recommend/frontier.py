"""The Pareto view of a recommendation: the ranked endpoints no other beats on both the job's monthly cost
and a second axis, for `GET /api/v1/recommend?frontier=true` and the dashboard's chart.

Axes: ``quality`` (the model's intelligence index by default, higher better) and ``ttft`` (the TTFT p90
the ranking judged, lower better). An endpoint is on the frontier when no other costs at most as much
and is at least as good, and better in one of the two (equal points are all on it). Only endpoints
priced in the currency the ranking compares in, with a value on the axis, are charted; the others are
points without a value, never on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from db.catalog.quality import INTELLIGENCE
from db.recommend.ranking import DEFAULT_CURRENCY, Ranked, Recommendation

AXES: tuple[str, ...] = ("quality", "ttft")


@dataclass(frozen=True)
class FrontierPoint:
    """One ranked endpoint on the chart: its monthly cost, its value on the axis, whether on the frontier."""

    ranked: Ranked
    cost: Decimal  # the job's cost a month, in the ranking's currency
    value: float | None  # the axis' value: an index, or TTFT p90 in ms; None: not charted
    frontier: bool


def axis_value(item: Ranked, axis: str, index: str = INTELLIGENCE) -> float | None:
    """The value of `item` on `axis` (``quality``: its model's `index`; ``ttft``: its TTFT p90)."""
    if axis == "ttft":
        return item.figures.ttft_p90_ms
    if axis == "quality":
        fact = item.quality.get(index)
        return fact.value if fact is not None else None
    raise ValueError(f"axis must be one of {', '.join(AXES)}, not {axis!r}")


def frontier_points(
    result: Recommendation, axis: str = "quality", *, index: str = INTELLIGENCE
) -> list[FrontierPoint]:
    """Every ranked endpoint as a point of the chart, in the ranking's order, `frontier` set on those no
    other beats on both cost and the axis."""
    currency = result.job.currency or DEFAULT_CURRENCY
    better = -1.0 if axis == "ttft" else 1.0  # goodness: higher is better on both axes
    charted: list[tuple[Decimal, float, int]] = []
    values: list[float | None] = []
    for position, item in enumerate(result.ranked):
        value = axis_value(item, axis, index) if item.cost.currency == currency else None
        values.append(value)
        if value is not None:
            charted.append((item.cost.per_month, better * value, position))
    on = _pareto(charted)
    return [
        FrontierPoint(item, item.cost.per_month, values[position], position in on)
        for position, item in enumerate(result.ranked)
    ]


def on_frontier(result: Recommendation, axis: str = "quality", *, index: str = INTELLIGENCE) -> list[Ranked]:
    """The ranked endpoints on the frontier, cheapest first."""
    return [p.ranked for p in frontier_points(result, axis, index=index) if p.frontier]


def _pareto(points: Sequence[tuple[Decimal, float, int]]) -> set[int]:
    """The positions of the points no other dominates (cost lower-or-equal, goodness higher-or-equal,
    one of them strictly): by cost, a point is on when it is the best of its cost and better than every
    cheaper one."""
    on: set[int] = set()
    best_cheaper = -float("inf")
    ordered = sorted(points, key=lambda p: (p[0], -p[1]))
    i = 0
    while i < len(ordered):
        cost = ordered[i][0]
        group = []
        while i < len(ordered) and ordered[i][0] == cost:
            group.append(ordered[i])
            i += 1
        top = group[0][1]
        if top > best_cheaper:
            on.update(position for _, goodness, position in group if goodness == top)
            best_cheaper = top
    return on
