"""A recommendation as the tables and chart data the Recommend page shows (pure: no Streamlit, no I/O).

- `ranked_rows(result)`: each ranked endpoint with its monthly cost, why it ranks before the next, its
  model's quality indices, the price tier and the notes (a conversion, an unknown quantization, unrated).
- `excluded_rows(result)`: each endpoint left out, with the constraints that excluded it and the reasons.
- `frontier_frame(result, axis)`: cost against quality (or TTFT p90) per ranked endpoint, on the Pareto
  frontier or not (`db.recommend.frontier.frontier_points`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.quality_frames import SHORT_NAMES, index_value, quality_summary
from dashboard.text import number
from db.catalog.quality import INDICES, INTELLIGENCE
from db.recommend.frontier import frontier_points
from db.recommend.ranking import DEFAULT_CURRENCY, Recommendation

#: The chart's axes: (the back end's axis, the value's column title, higher is better).
AXES: dict[str, tuple[str, str, bool]] = {
    "quality": ("quality", "intelligence index", True),
    "ttft": ("ttft", "TTFT p90 ms", False),
}
FRONTIER_COLUMNS = ["endpoint", "provider", "model", "per month", "value", "frontier", "position"]
EXCLUDED_COLUMNS = ["endpoint", "model", "constraints", "reasons"]


def ranked_rows(result: Recommendation) -> pd.DataFrame:
    """One row per ranked endpoint, in the ranking's order."""
    rows: list[dict[str, Any]] = []
    for rank, row in enumerate(result.ranked, start=1):
        e, cost, fig = row.endpoint, row.cost, row.figures
        over = f"{fig.uptime_window} ({fig.uptime_source})" if fig.uptime is not None else None
        rows.append(
            {
                "#": rank,
                "endpoint": e.label,
                "model": e.model,
                "per month": number(cost.per_month),
                "currency": cost.currency,
                **{SHORT_NAMES[name]: index_value(row.quality, name) for name in INDICES},
                "quantization": e.quantization,
                "why": row.why,
                "per request": number(cost.per_request),
                "input /1M": number(e.prices.input) if e.prices else None,
                "output /1M": number(e.prices.output) if e.prices else None,
                "price tier": f"prompts of {cost.tier:,}+ tokens" if cost.tier is not None else None,
                "context": e.context_length,
                "TTFT p90 ms": fig.ttft_p90_ms,
                "TTFT from": fig.ttft_source,
                "uptime %": fig.uptime,
                "uptime over": over,
                "notes": "; ".join(row.notes),
            }
        )
    return pd.DataFrame(rows)


def excluded_rows(result: Recommendation) -> pd.DataFrame:
    """One row per endpoint left out: the constraints that excluded it (the job's parameter names, as
    the API gives them) and the reasons in words."""
    rows = [
        {
            "endpoint": x.endpoint.label,
            "model": x.endpoint.model,
            "constraints": ", ".join(dict.fromkeys(r.code for r in x.reasons)),
            "reasons": x.reason,
        }
        for x in result.excluded
    ]
    return pd.DataFrame(rows, columns=EXCLUDED_COLUMNS)


def model_quality_rows(result: Recommendation) -> pd.DataFrame:
    """The ranked endpoints' models with their indices, in the order they first rank."""
    rows: dict[str, dict[str, Any]] = {}
    for item in result.ranked:
        model = item.endpoint.model
        if model in rows:
            continue
        facts = item.quality
        rows[model] = {
            "model": model,
            **{SHORT_NAMES[name]: index_value(facts, name) for name in INDICES},
            "indices": quality_summary(facts) or "unrated",
            "since": min((facts[n].since for n in INDICES if n in facts), default=None),
        }
    return pd.DataFrame(list(rows.values()), columns=["model", *SHORT_NAMES.values(), "indices", "since"])


def frontier_frame(result: Recommendation, axis: str = "quality") -> pd.DataFrame:
    """Every ranked endpoint priced in the ranking's currency with a value on `axis`: its monthly cost,
    its value (the model's intelligence index, or the TTFT p90 in ms), on the frontier or not."""
    currency = result.job.currency or DEFAULT_CURRENCY
    rows = [
        {
            "endpoint": point.ranked.endpoint.label,
            "provider": point.ranked.endpoint.provider,
            "model": point.ranked.endpoint.model,
            "per month": number(point.cost),
            "value": point.value,
            "frontier": point.frontier,
            "position": position,
        }
        for position, point in enumerate(frontier_points(result, AXES[axis][0], index=INTELLIGENCE), start=1)
        if point.value is not None and point.ranked.cost.currency == currency
    ]
    return pd.DataFrame(rows, columns=FRONTIER_COLUMNS)


def charted(frame: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The points a chart draws: every frontier point, then the cheapest others up to `limit` in all
    (a chart of thousands of points says no more and weighs the page)."""
    on = frame[frame["frontier"]]
    others = frame[~frame["frontier"]].head(max(0, limit - len(on)))
    return pd.concat([on, others]).sort_values("position")
