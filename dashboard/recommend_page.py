"""Recommend: the cheapest endpoints able to do a job, each with its monthly cost and why it ranks before
the next, its model's quality beside; the others with the constraints that left them out; and the Pareto
view, cost against quality (or TTFT p90), the endpoints no other beats on both joined
(`db.recommend`, as the API and CLI rank).

Currencies: the configuration's ``[currencies]`` reach the dashboard's process from `modelwatch run` and
`modelwatch dashboard` (`RATES_ENV`); the form shows a rate for each other currency the catalog prices in
(EigenAI's credits), the configured one first, and an offer in a currency without one is ranked apart, as
the API does without a configured rate.
"""

from __future__ import annotations

import os
from decimal import Decimal

import pandas as pd
import streamlit as st

from dashboard import charts, freshness
from dashboard.recommend_frames import (
    AXES,
    charted,
    excluded_rows,
    frontier_frame,
    model_quality_rows,
    ranked_rows,
)
from dashboard.text import md, number
from db.catalog.snapshot import CatalogSnapshot
from db.recommend.constraints import QUANTIZATIONS
from db.recommend.cost import RATES_ENV, Rate, rates_from_text
from db.recommend.job import JobError, build_job, recommend_in
from db.recommend.ranking import DEFAULT_CURRENCY, Job, Recommendation

ANY = "any model"
ANY_QUANTIZATION = "any"
COMMON_PARAMETERS = ("tools", "structured_outputs", "response_format", "reasoning", "logprobs", "seed")
#: Points the Pareto chart draws at most (the frontier's always).
CHART_LIMIT = 400
AXIS_LABELS = {"quality": "quality (intelligence index)", "ttft": "TTFT p90"}


def render() -> None:
    snap = freshness.page("Recommend")
    if snap is None:
        return
    try:
        job = job_form(snap)
    except JobError as exc:  # the form's bounds keep most out; the builder's word is final
        st.error(f"**{md(exc.parameter)}**: {md(exc)}")
        return
    result = run(snap, job)
    show(result)


def _rate_key(currency: str) -> str:
    return f"rate_{currency}"


def job_form(snap: CatalogSnapshot) -> Job:
    """The form; its values (the defaults until submitted) as a `Job`. Raises `JobError`."""
    models = [ANY, *sorted(m.canonical_id for m in snap.models if m.endpoints)]
    providers = sorted({e.provider for e in snap.active}, key=str.casefold)
    currencies = sorted({e.currency for e in snap.active if e.currency != DEFAULT_CURRENCY}, key=str.casefold)
    given = st.query_params.get("model")
    index = models.index(given) if given in models else 0
    with st.form("job"):
        a, b, c = st.columns(3)
        model = a.selectbox("Model", models, index=index, key="rec_model")
        min_context = b.number_input(
            "Minimum context (tokens)", min_value=0, value=0, step=8192, key="rec_min_context"
        )
        params = c.multiselect("Required parameters", list(COMMON_PARAMETERS), key="rec_parameters")
        a, b, c = st.columns(3)
        input_tokens = a.number_input(
            "Input tokens per request", min_value=0, value=1000, step=100, key="rec_input"
        )
        output_tokens = b.number_input(
            "Output tokens per request", min_value=0, value=1000, step=100, key="rec_output"
        )
        per_day = c.number_input("Requests per day", min_value=0, value=1000, step=100, key="rec_per_day")
        a, b, c = st.columns(3)
        cached = a.number_input(
            "Of the input, read from cache",
            min_value=0,
            value=0,
            step=100,
            key="rec_cached",
            help="Tokens of each prompt the provider's prompt cache serves (priced at its cache-read price).",
        )
        written = b.number_input(
            "Of the input, written to cache", min_value=0, value=0, step=100, key="rec_cache_write"
        )
        per_month = c.number_input(
            "Requests per month (0: per day x 30)", min_value=0, value=0, step=1000, key="rec_per_month"
        )
        a, b, c = st.columns(3)
        max_ttft = a.number_input(
            "Maximum TTFT p90 (ms, 0: any)", min_value=0, value=0, step=100, key="rec_max_ttft"
        )
        min_uptime = b.number_input(
            "Minimum uptime (%, 0: any)", min_value=0.0, max_value=100.0, value=0.0, key="rec_min_uptime"
        )
        include_free = c.checkbox("Count free (rate-limited) endpoints", key="rec_free")
        st.markdown("**Quality** (Artificial Analysis indices, 0 to 100; empty: no minimum)")
        a, b, c, d = st.columns(4)
        minimums = {
            name: column.number_input(
                f"Minimum {name} index",
                min_value=0.0,
                max_value=100.0,
                value=None,
                step=5.0,
                key=f"rec_min_{name}",
            )
            for column, name in ((a, "intelligence"), (b, "coding"), (c, "agentic"))
        }
        include_unrated = d.checkbox(
            "Include unrated models",
            key="rec_unrated",
            help="Keep (and mark) models without the index a minimum asks for, instead of leaving them out.",
        )
        a, b, c = st.columns(3)
        min_quantization = a.selectbox(
            "Minimum quantization",
            [ANY_QUANTIZATION, *QUANTIZATIONS],
            key="rec_min_quantization",
            help="fp32 > bf16 = fp16 > fp8 > int8 > fp6 > fp4 = int4; an unpublished quantization is "
            "allowed and marked.",
        )
        only = b.multiselect("Only these providers", providers, key="rec_only")
        exclude = c.multiselect("Exclude these providers", providers, key="rec_exclude")
        rates = _rate_inputs(currencies)
        st.form_submit_button("Recommend", type="primary")
    return build_job(
        model=None if model == ANY else model,
        min_context=int(min_context) or None,
        parameters=params,
        input_tokens=int(input_tokens),
        output_tokens=int(output_tokens),
        requests_per_day=int(per_day),
        cached_input_tokens=int(cached),
        cache_write_tokens=int(written),
        requests_per_month=int(per_month) or None,
        max_ttft_ms=float(max_ttft) or None,
        min_uptime=float(min_uptime) or None,
        include_free=include_free,
        min_intelligence=minimums["intelligence"],
        min_coding=minimums["coding"],
        min_agentic=minimums["agentic"],
        include_unrated=include_unrated,
        min_quantization=None if min_quantization == ANY_QUANTIZATION else min_quantization,
        only_providers=only,
        exclude_providers=exclude,
        rates=rates,
    )


def _rate_inputs(currencies: list[str]) -> list[Rate]:
    """A rate to USD for each other currency the catalog prices in; empty: none (ranked apart)."""
    if not currencies:
        return []
    configured = rates_from_text(os.environ.get(RATES_ENV))
    st.markdown(
        "**Other currencies** (from `[currencies]` in modelwatch.toml where set; empty: ranked apart)"
    )
    rates: list[Rate] = []
    for column, currency in zip(st.columns(max(3, len(currencies))), currencies, strict=False):
        given = [r for r in configured if r.currency.casefold() == currency.casefold()]
        usd = column.number_input(
            f"USD per 1 {currency}",
            min_value=0.0,
            value=float(given[0].usd) if len(given) == 1 and given[0].provider is None else None,
            step=0.1,
            key=_rate_key(currency),
            help="; ".join(f"{r.text} ({r.provider or 'any provider'}, configured)" for r in given) or None,
        )
        if usd and not (len(given) == 1 and float(given[0].usd) == usd and given[0].provider is None):
            rates.append(Rate(currency=currency, usd=Decimal(str(usd))))  # entered here
        elif usd or any(r.provider for r in given):
            rates.extend(given)  # as configured (per provider where the configuration says)
    return rates


def run(snap: CatalogSnapshot, job: Job) -> Recommendation:
    return recommend_in(snap, job)


def _constraints(job: Job) -> list[str]:
    """The job's constraints beyond the workload, in words."""
    words = []
    for _parameter, _index, name, minimum in job.quality_minimums():
        words.append(f"{name} ≥ {minimum:g}")
    if job.include_unrated and job.quality_minimums():
        words.append("unrated models kept")
    if job.min_quantization:
        words.append(f"{job.min_quantization} or better")
    if job.only_providers:
        words.append("only " + ", ".join(job.only_providers))
    if job.exclude_providers:
        words.append("not " + ", ".join(job.exclude_providers))
    for rate in job.rates.rates:
        words.append(rate.text)
    return words


def show(result: Recommendation) -> None:
    job, load = result.job, result.job.workload
    cache = (
        f" ({load.cached_input_tokens:,} read from cache, {load.cache_write_tokens:,} written)"
        if load.cached_input_tokens or load.cache_write_tokens
        else ""
    )
    volume = (
        f"{load.monthly_requests:,} requests a month"
        if load.requests_per_month is not None
        else f"{load.requests_per_day:,} requests a day (a month is 30 days)"
    )
    constraints = _constraints(job)
    st.markdown(
        f"**{md(job.model or ANY)}**: {load.input_tokens:,} input{cache} + {load.output_tokens:,} output "
        f"tokens a request, {volume}" + (f"; {md('; '.join(constraints))}" if constraints else "")
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
            f"({number(best.cost.per_request):.6f} a request): {md(best.why or '')}.",
            icon=":material/thumb_up:",
        )
        st.dataframe(
            ranked,
            hide_index=True,
            width="stretch",
            column_config={
                "per request": st.column_config.NumberColumn(format="%.6f"),
                "per month": st.column_config.NumberColumn(format="%.2f"),
                "why": st.column_config.TextColumn("why before the next"),
                "uptime %": st.column_config.NumberColumn(format="%.2f"),
                "TTFT p90 ms": st.column_config.NumberColumn(format="%.0f"),
            },
        )
        _models_quality(result)
        _frontier(result)
    st.subheader(f"Left out ({len(result.excluded)})")
    st.caption("**constraints**: the job's parameters each endpoint fails (as the API names them).")
    st.dataframe(excluded_rows(result), hide_index=True, width="stretch")


def _models_quality(result: Recommendation) -> None:
    rows = model_quality_rows(result)
    rated = int((rows["indices"] != "unrated").sum())
    with st.expander(f"Quality of the ranked models ({rated} of {len(rows)} rated)"):
        st.caption(
            "Artificial Analysis' indices (0 to 100) as the sources publish them (OpenRouter's benchmarks); "
            "the model page labels and dates each."
        )
        st.dataframe(
            rows,
            hide_index=True,
            width="stretch",
            column_config={"since": st.column_config.DatetimeColumn(format="YYYY-MM-DD")},
        )


def _frontier(result: Recommendation) -> None:
    """The Pareto chart: cost against quality or TTFT p90, the frontier joined, the others faded."""
    st.subheader("Cost against quality: the frontier")
    axis = st.radio(
        "Against",
        list(AXES),
        format_func=AXIS_LABELS.__getitem__,
        horizontal=True,
        key="frontier_axis",
    )
    frame = frontier_frame(result, axis)
    _backend_axis, title, higher_better = AXES[axis]
    currency = result.job.currency or DEFAULT_CURRENCY
    if frame.empty:
        what = "an intelligence index" if axis == "quality" else "a TTFT figure"
        st.caption(f"No ranked endpoint priced in {currency} has {what} to plot.")
        return
    shown = charted(frame, CHART_LIMIT)
    st.altair_chart(charts.pareto(shown, title, currency, higher_better=higher_better), width="stretch")
    on, cut = frame[frame["frontier"]], len(shown) < len(frame)
    better = "a higher intelligence index" if higher_better else "a lower TTFT p90"
    st.caption(
        f"{len(on)} of the {len(frame)} ranked endpoints with a value are on the frontier: none other is "
        f"both cheaper and has {better}."
        + (f" Drawn: the frontier and the cheapest others, {len(shown)} points." if cut else "")
        + (
            " TTFT p90 from our probes (7 days) where measured, else the aggregator's (30 min)."
            if axis == "ttft"
            else ""
        )
    )
    st.dataframe(
        pd.DataFrame(on.drop(columns=["frontier", "position"])).rename(columns={"value": title}),
        hide_index=True,
        width="stretch",
        column_config={"per month": st.column_config.NumberColumn(format="%.2f")},
    )
