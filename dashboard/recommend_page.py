"""Recommend: the cheapest endpoints able to do a job, ranked with their monthly cost, the others with
the reasons they were left out, and cost against TTFT (`db.recommend.ranking`, as the API and CLI rank)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, freshness
from dashboard.text import md, number
from db.catalog.snapshot import CatalogSnapshot
from db.recommend.job import build_job, recommend_in
from db.recommend.ranking import Job, Recommendation

ANY = "any model"
COMMON_PARAMETERS = ("tools", "structured_outputs", "response_format", "reasoning", "logprobs", "seed")


def render() -> None:
    snap = freshness.page("Recommend")
    if snap is None:
        return
    job = job_form(snap)
    result = run(snap, job)
    show(result)


def job_form(snap: CatalogSnapshot) -> Job:
    """The form; its values (the defaults until submitted) as a `Job`."""
    models = [ANY, *sorted(m.canonical_id for m in snap.models if m.endpoints)]
    given = st.query_params.get("model")
    index = models.index(given) if given in models else 0
    with st.form("job"):
        a, b, c = st.columns(3)
        model = a.selectbox("Model", models, index=index)
        min_context = b.number_input("Minimum context (tokens)", min_value=0, value=0, step=8192)
        params = c.multiselect("Required parameters", list(COMMON_PARAMETERS))
        a, b, c = st.columns(3)
        input_tokens = a.number_input("Input tokens per request", min_value=0, value=1000, step=100)
        output_tokens = b.number_input("Output tokens per request", min_value=0, value=1000, step=100)
        per_day = c.number_input("Requests per day", min_value=0, value=1000, step=100)
        a, b, c = st.columns(3)
        max_ttft = a.number_input("Maximum TTFT p90 (ms, 0: any)", min_value=0, value=0, step=100)
        min_uptime = b.number_input("Minimum uptime (%, 0: any)", min_value=0.0, max_value=100.0, value=0.0)
        include_free = c.checkbox("Count free (rate-limited) endpoints")
        st.form_submit_button("Recommend", type="primary")
    return build_job(
        model=None if model == ANY else model,
        min_context=int(min_context) or None,
        parameters=params,
        input_tokens=int(input_tokens),
        output_tokens=int(output_tokens),
        requests_per_day=int(per_day),
        max_ttft_ms=float(max_ttft) or None,
        min_uptime=float(min_uptime) or None,
        include_free=include_free,
    )


def run(snap: CatalogSnapshot, job: Job) -> Recommendation:
    return recommend_in(snap, job)


def ranked_rows(result: Recommendation) -> pd.DataFrame:
    rows = []
    for rank, row in enumerate(result.ranked, start=1):
        e, cost, fig = row.endpoint, row.cost, row.figures
        rows.append(
            {
                "#": rank,
                "endpoint": e.label,
                "model": e.model,
                "per request": number(cost.per_request),
                "per month": number(cost.per_month),
                "currency": cost.currency,
                "input /1M": number(e.prices.input) if e.prices else None,
                "output /1M": number(e.prices.output) if e.prices else None,
                "context": e.context_length,
                "TTFT p90 ms": fig.ttft_p90_ms,
                "TTFT from": fig.ttft_source,
                "uptime %": fig.uptime,
                "uptime over": f"{fig.uptime_window} ({fig.uptime_source})"
                if fig.uptime is not None
                else None,
                "notes": "; ".join(row.notes),
            }
        )
    return pd.DataFrame(rows)


def show(result: Recommendation) -> None:
    load = result.job.workload
    st.markdown(
        f"**{md(result.job.model or ANY)}**: {load.input_tokens:,} input + {load.output_tokens:,} output "
        f"tokens a request, {load.requests_per_day:,} requests a day (a month is 30 days)"
    )
    ranked = ranked_rows(result)
    st.subheader(f"Ranked ({len(ranked)})")
    if ranked.empty:
        st.warning("No endpoint can do this job; see why below.")
    else:
        best = result.ranked[0]
        st.success(
            f"Use **{md(best.endpoint.label)}** for {md(best.endpoint.model)}: "
            f"{number(best.cost.per_month):,.2f} {md(best.cost.currency)} a month "
            f"({number(best.cost.per_request):.6f} a request).",
            icon=":material/thumb_up:",
        )
        st.dataframe(
            ranked,
            hide_index=True,
            width="stretch",
            column_config={
                "per request": st.column_config.NumberColumn(format="%.6f"),
                "per month": st.column_config.NumberColumn(format="%.2f"),
                "uptime %": st.column_config.NumberColumn(format="%.2f"),
                "TTFT p90 ms": st.column_config.NumberColumn(format="%.0f"),
            },
        )
        currency = str(ranked["currency"].iloc[0])
        plotted = ranked[(ranked["currency"] == currency) & ranked["TTFT p90 ms"].notna()]
        if plotted.empty:
            st.caption("No ranked endpoint has a TTFT figure to plot.")
        else:
            st.altair_chart(charts.cost_vs_ttft(plotted.head(200), currency), width="stretch")
            st.caption("TTFT p90 from our probes (7 days) where measured, else the aggregator's (30 min).")
    st.subheader(f"Left out ({len(result.excluded)})")
    st.dataframe(
        pd.DataFrame(
            [
                {"endpoint": x.endpoint.label, "model": x.endpoint.model, "reasons": x.reason}
                for x in result.excluded
            ],
            columns=["endpoint", "model", "reasons"],
        ),
        hide_index=True,
        width="stretch",
    )
