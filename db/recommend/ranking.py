"""The recommender: which endpoints can do a job, cheapest first, and why the others can not.

Pure ranking over `EndpointState` rows (no I/O): `recommend(endpoints, job)` returns the capable
endpoints ranked by what one request of the job's workload costs, and every other endpoint of the model
with the reasons it was left out.

- **Cost of a request**: `db.recommend.cost.request_cost` (input, output, cache prices, request fee,
  price tiers).
- **Ranking**: cost per request, ties broken by TTFT p90 (lower first), then uptime (higher first);
  endpoints without figures sort after measured ones in a tie and are marked. Offers in another currency
  than the job's (EigenAI's credits against USD) are ranked after all the others, with a note.
- **Figures**: our probes' (TTFT p90, 7-day uptime) where they exist, else the aggregator's (OpenRouter's
  30-minute latency p90 and 1-day uptime), each labelled with where it came from; never mixed.
- **Exclusions**: down now (our probes), no token price, another currency when one is required, free
  (rate-limited) unless free endpoints count, context, output or prompt limits, missing parameters,
  quantization (allowed list, `min_quantization`), quality indices (`min_intelligence`, `min_coding`,
  `min_agentic`), providers (`only_providers`, `exclude_providers`), TTFT and uptime limits
  (`db.recommend.constraints`). Every reason that applies is given, its code naming the constraint.
- **Currencies**: an offer in another currency with a configured rate (`Job.rates`), or else a rate its
  provider's page states (`Prices.usd_rate`), is converted to USD and ranked with the others, saying so
  ("credits at 1.0 USD", "..., as the provider's page states"); without a rate it is ranked apart.
- **Explained**: each ranked endpoint carries its model's quality facts and why it ranks before the next
  (`db.recommend.explain`); `db.recommend.frontier` gives the Pareto view (cost against quality or TTFT).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import partial
from operator import itemgetter
from typing import Any

from db.catalog.quality import Quality
from db.catalog.state import EndpointState
from db.recommend.constraints import (
    QUALITY_PARAMETERS,
    QUANTIZATION_RANK,
    Rates,
    provider_keys,
    provider_of,
    quantization_rank,
)
from db.recommend.cost import Cost, PreparedPrices, Workload, in_usd

FREE_SUFFIX = ":free"
DEFAULT_CURRENCY = "USD"
_INF = float("inf")

#: A required parameter is met by any of these names: providers document reasoning differently
#: (OpenRouter's `reasoning`, a `reasoning_effort` knob, a chat template's `thinking` switch).
PARAMETER_SYNONYMS: dict[str, frozenset[str]] = {
    "reasoning": frozenset(
        {"reasoning", "include_reasoning", "reasoning_effort", "thinking", "chat_template_kwargs.thinking"}
    ),
}


@dataclass(frozen=True)
class Job:
    """What the endpoint must do. `model` is a canonical id (resolved by the caller); None: any model."""

    model: str | None = None
    min_context: int | None = None
    parameters: tuple[str, ...] = ()
    workload: Workload = field(default_factory=Workload)
    max_ttft_ms: float | None = None
    min_uptime: float | None = None  # percent over 7 days
    quantizations: tuple[str, ...] = ()  # allowed; empty: any
    include_free: bool = False
    currency: str | None = None  # required currency; None: any, the default one ranked first
    min_intelligence: float | None = None  # Artificial Analysis indices, 0 to 100
    min_coding: float | None = None
    min_agentic: float | None = None
    include_unrated: bool = False  # keep (and mark) models without an index a minimum asks for
    min_quantization: str | None = None  # fp8: fp8 or better (`constraints.QUANTIZATION_RANK`)
    only_providers: tuple[str, ...] = ()  # any spelling
    exclude_providers: tuple[str, ...] = ()
    rates: Rates = field(default_factory=Rates)  # currency -> USD (`[currencies]`)

    def quality_minimums(self) -> list[tuple[str, str, str, float]]:
        """(parameter, index name, words, minimum) of each quality constraint set."""
        return [
            (parameter, index, words, getattr(self, parameter))
            for parameter, (index, words) in QUALITY_PARAMETERS.items()
            if getattr(self, parameter) is not None
        ]


@dataclass(frozen=True)
class Figures:
    """The TTFT and uptime an endpoint is judged on, each with where it came from."""

    ttft_p90_ms: float | None = None
    ttft_source: str | None = None  # "probe" or the aggregator's name
    uptime: float | None = None
    uptime_window: str | None = None  # "7d" (probe) or "1d" (aggregator)
    uptime_source: str | None = None

    @property
    def measured(self) -> bool:
        return self.ttft_p90_ms is not None or self.uptime is not None


@dataclass(frozen=True)
class Ranked:
    endpoint: EndpointState
    cost: Cost  # in USD where a rate converted it (`cost.rate`)
    figures: Figures
    notes: tuple[str, ...] = ()
    quality: Mapping[str, Quality] = field(default_factory=dict, compare=False)  # its model's facts
    unrated: tuple[str, ...] = ()  # indices a minimum asked for that its model lacks (include_unrated)
    why: str | None = None  # why it ranks before the next (`db.recommend.explain`)


@dataclass(frozen=True)
class Reason:
    code: str  # down, unpriced, currency, free, context, max_output, max_prompt, parameters, ...
    message: str


class Excluded:
    """An endpoint left out, and every reason why. `reasons` may be made when first read (a ranking over a
    whole catalog leaves thousands out; a caller shows a few): the same reasons either way."""

    __slots__ = ("endpoint", "_reasons", "_make")

    def __init__(
        self,
        endpoint: EndpointState,
        reasons: Iterable[Reason] | None = None,
        *,
        make: Callable[[], Iterable[Reason]] | None = None,
    ) -> None:
        if (reasons is None) == (make is None):
            raise ValueError("give the reasons or how to make them, not both")
        self.endpoint = endpoint
        self._reasons = tuple(reasons) if reasons is not None else None
        self._make = make  # kept: two threads reading at once both make the same reasons

    @property
    def reasons(self) -> tuple[Reason, ...]:
        found = self._reasons
        if found is None:
            assert self._make is not None
            found = self._reasons = tuple(self._make())
        return found

    @property
    def reason(self) -> str:
        return "; ".join(r.message for r in self.reasons)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Excluded):
            return NotImplemented
        return self.endpoint == other.endpoint and self.reasons == other.reasons

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Excluded(endpoint={self.endpoint!r}, reasons={self.reasons!r})"


@dataclass(frozen=True)
class Recommendation:
    job: Job
    ranked: list[Ranked]
    excluded: list[Excluded]


#: A model's quality facts by canonical id (`CatalogSnapshot.model(...).quality`).
QualityOf = Callable[[str], Mapping[str, Quality]]
_NO_QUALITY: Mapping[str, Quality] = {}


def recommend(
    endpoints: Iterable[EndpointState],
    job: Job,
    quality: QualityOf | None = None,
    *,
    explain_all: bool = True,
    prepared: Prepared | None = None,
) -> Recommendation:
    """Rank the endpoints able to do `job`; list the others of the model with their reasons.
    `quality` gives a model's quality facts (none known without it: a quality minimum excludes all).
    `explain_all=False` leaves every `why` to `explained` (a caller that shows a few of thousands).
    `prepared`: what does not depend on the job, made once for these endpoints (`prepare`, with the same
    `quality`; `recommend_in` keeps one per snapshot); made here without it."""

    pool = list(endpoints)
    if prepared is None or not prepared.covers(pool):
        prepared = prepare(pool, quality)
    ranked: list[tuple[bool, Any, int, Ranked]] = []
    excluded: list[Excluded] = []
    preferred = job.currency or DEFAULT_CURRENCY
    context = _Context(job)
    workload = job.workload
    facts_of = prepared.facts
    for endpoint in pool:
        if job.model is not None and not _same_model(endpoint.model, job.model):
            continue
        facts = facts_of[endpoint.id]
        if facts.prices is None or _rejected(facts, job, context):
            # left out: its cost is never asked, its reasons are made when read
            make = partial(_reason_list, endpoint, job, facts.figures, context, facts.quality)
            excluded.append(Excluded(endpoint, make=make))
            continue
        cost = facts.prices.cost(workload)
        if cost is None:  # no cost means no token price: already a reason
            make = partial(_reason_list, endpoint, job, facts.figures, context, facts.quality)
            excluded.append(Excluded(endpoint, make=make))
            continue
        if cost.currency != preferred and preferred == "USD":
            rate = job.rates.of(cost.currency, endpoint.provider, _stated(endpoint))
            if rate is not None:
                cost = in_usd(cost, rate)
        unrated = context.unrated(facts.quality)
        notes = _notes(endpoint, facts.figures, cost, preferred, job, unrated)
        item = Ranked(endpoint, cost, facts.figures, notes, facts.quality, unrated)
        ranked.append((cost.currency != preferred, cost.per_request, facts.order, item))
    ranked.sort(key=_RANK)  # as `_rank_key`: `order` stands for its figures, label and id
    excluded.sort(key=lambda e: facts_of[e.endpoint.id].label_key)
    result = Recommendation(job=job, ranked=[r[3] for r in ranked], excluded=excluded)
    return explained(result, range(len(ranked))) if explain_all else result


_RANK = itemgetter(0, 1, 2)


def _stated(endpoint: EndpointState) -> Decimal | None:
    """The rate of its currency to USD `endpoint`'s page states (None: none, or no prices)."""
    return endpoint.prices.usd_rate if endpoint.prices is not None else None


def explained(result: Recommendation, positions: Iterable[int]) -> Recommendation:
    """`result` with the `why` of the ranked endpoints at `positions` (0-based) filled in."""
    from db.recommend.explain import explain  # explain reads Ranked: imported here, not at the top

    wanted = sorted({i for i in positions if 0 <= i < len(result.ranked) and result.ranked[i].why is None})
    if not wanted:
        return result
    preferred = result.job.currency or DEFAULT_CURRENCY
    whys = explain(result.ranked, result.excluded, result.job, preferred, wanted)
    ranked = list(result.ranked)
    for i, why in zip(wanted, whys, strict=True):
        ranked[i] = replace(ranked[i], why=why)
    return replace(result, ranked=ranked)


class _Context:
    """What a ranking computes once from its job: the providers' keys, the required parameters' names."""

    def __init__(self, job: Job) -> None:
        self.only = provider_keys(job.only_providers)
        self.exclude = provider_keys(job.exclude_providers)
        self.min_rank = QUANTIZATION_RANK[job.min_quantization.casefold()] if job.min_quantization else None
        self.minimums = job.quality_minimums()
        self.allowed = {q.casefold() for q in job.quantizations}
        self.required = [PARAMETER_SYNONYMS.get(p, frozenset({p})) for p in job.parameters]
        wants_free = job.model is not None and job.model.endswith(FREE_SUFFIX)
        self.reject_free = not job.include_free and not wants_free
        self.tokens = job.workload.input_tokens + job.workload.output_tokens

    def unrated(self, facts: Mapping[str, Quality]) -> tuple[str, ...]:
        """The indices a minimum asks for that `facts` lack (of an endpoint kept: include_unrated)."""
        if not self.minimums:
            return ()
        return tuple(index for _, index, _, _ in self.minimums if index not in facts)


class _Facts:
    """What the ranking reads of one endpoint whatever the job: made once per catalog (`prepare`)."""

    __slots__ = (
        "endpoint",
        "figures",
        "prices",
        "free",
        "down",
        "quantization",
        "rank",
        "provider",
        "quality",
        "label_key",
        "order",
    )

    def __init__(self, endpoint: EndpointState, quality: Mapping[str, Quality]) -> None:
        prices, health = endpoint.prices, endpoint.health
        self.endpoint = endpoint
        self.figures = figures_of(endpoint)
        priced = prices is not None and prices.input is not None and prices.output is not None
        self.prices = PreparedPrices(prices) if priced and prices is not None else None
        self.free = is_free(endpoint)
        self.down = health is not None and health.status == "down"
        quantization = endpoint.quantization
        self.quantization = quantization.casefold() if quantization is not None else None
        self.rank = quantization_rank(quantization)
        self.provider = provider_of(endpoint.provider)
        self.quality = quality
        self.label_key = (endpoint.label.casefold(), endpoint.id)
        self.order = 0  # its place by TTFT, uptime, label and id among the prepared (`prepare`)


class Prepared:
    """The `_Facts` of many endpoints by id (`prepare`)."""

    def __init__(self, facts: dict[int, _Facts]) -> None:
        self.facts = facts

    def covers(self, endpoints: Iterable[EndpointState]) -> bool:
        """Whether every one of `endpoints` was prepared here (the same row, not one of another catalog)."""
        facts = self.facts
        for endpoint in endpoints:
            found = facts.get(endpoint.id)
            if found is None or found.endpoint is not endpoint:
                return False
        return True


def prepare(endpoints: Iterable[EndpointState], quality: QualityOf | None = None) -> Prepared:
    """What `recommend` reads of `endpoints` whatever the job: figures, prices read for costing, whether
    free or down, quantization, provider key, the model's quality facts (a `:free` variant has its
    model's), and each one's place in the ranking's tie-breaks (TTFT, uptime, label, id)."""
    by_model: dict[str, Mapping[str, Quality]] = {}
    facts: dict[int, _Facts] = {}
    for endpoint in endpoints:
        model = endpoint.model
        found = by_model.get(model)
        if found is None:
            found = by_model[model] = _quality_of(quality, model)
        facts[endpoint.id] = _Facts(endpoint, found)
    ordered = sorted(facts.values(), key=_tie_key)
    for place, item in enumerate(ordered):
        item.order = place
    return Prepared(facts)


def _quality_of(quality: QualityOf | None, model: str) -> Mapping[str, Quality]:
    """The model's facts; a `:free` variant has its model's."""
    if quality is None:
        return _NO_QUALITY
    found = quality(model)
    if not found and model.endswith(FREE_SUFFIX):
        found = quality(model.removesuffix(FREE_SUFFIX))
    return found


def _tie_key(facts: _Facts) -> tuple[Any, ...]:
    """`_rank_key` after the currency and the cost."""
    figures = facts.figures
    return (
        figures.ttft_p90_ms if figures.ttft_p90_ms is not None else _INF,
        -figures.uptime if figures.uptime is not None else _INF,
        facts.label_key,
    )


def _rejected(facts: _Facts, job: Job, context: _Context) -> bool:
    """Whether `_reasons` gives the endpoint any reason (without writing them), for a priced one."""
    endpoint = facts.endpoint
    if facts.down:
        return True
    currency = facts.prices.currency if facts.prices is not None else None
    wanted = job.currency
    if (
        wanted is not None
        and currency is not None
        and currency != wanted
        and not (wanted == "USD" and job.rates.of(currency, endpoint.provider, _stated(endpoint)) is not None)
    ):
        return True
    if context.reject_free and facts.free:
        return True
    length = endpoint.context_length
    if job.min_context is not None and (length is None or length < job.min_context):
        return True
    if length is not None and context.tokens > length:
        return True
    load = job.workload
    if endpoint.max_output_tokens is not None and endpoint.max_output_tokens < load.output_tokens:
        return True
    if endpoint.max_prompt_tokens is not None and endpoint.max_prompt_tokens < load.input_tokens:
        return True
    for names in context.required:
        if names.isdisjoint(endpoint.parameters):
            return True
    if job.quantizations and (facts.quantization is None or facts.quantization not in context.allowed):
        return True
    if context.min_rank is not None and facts.rank is not None and facts.rank < context.min_rank:
        return True
    if context.only and facts.provider not in context.only:
        return True
    if facts.provider in context.exclude:
        return True
    for _, index, _, minimum in context.minimums:
        fact = facts.quality.get(index)
        if fact is None:
            if not job.include_unrated:
                return True
        elif fact.value < minimum:
            return True
    figures = facts.figures
    ttft, uptime = figures.ttft_p90_ms, figures.uptime
    if job.max_ttft_ms is not None and ttft is not None and ttft > job.max_ttft_ms:
        return True
    return job.min_uptime is not None and uptime is not None and uptime < job.min_uptime


def _reason_list(
    endpoint: EndpointState, job: Job, figures: Figures, context: _Context, facts: Mapping[str, Quality]
) -> list[Reason]:
    return _reasons(endpoint, job, figures, context, facts)[0]


def figures_of(endpoint: EndpointState) -> Figures:
    """Our probes' TTFT p90 and 7-day uptime, else the aggregator's, each labelled."""
    ttft: float | None = None
    ttft_source: str | None = None
    uptime: float | None = None
    window: str | None = None
    uptime_source: str | None = None
    health, reported = endpoint.health, endpoint.reported
    if health is not None and health.ttft_p90_ms is not None:
        ttft, ttft_source = health.ttft_p90_ms, "probe"
    elif reported is not None and reported.latency_30m and reported.latency_30m.get("p90") is not None:
        ttft, ttft_source = float(reported.latency_30m["p90"]), reported.source
    if health is not None and health.uptime.get("7d") is not None:
        uptime, window, uptime_source = health.uptime["7d"], "7d", "probe"
    elif reported is not None and reported.uptime_1d is not None:
        uptime, window, uptime_source = reported.uptime_1d, "1d", reported.source
    return Figures(ttft, ttft_source, uptime, window, uptime_source)


def is_free(endpoint: EndpointState) -> bool:
    """A free (rate-limited) offer: a `:free` model variant, or token prices of zero and no fee."""
    if endpoint.model.endswith(FREE_SUFFIX):
        return True
    prices = endpoint.prices
    if prices is None or prices.input is None or prices.output is None:
        return False
    return prices.input == 0 and prices.output == 0 and not prices.request


def missing_parameters(endpoint: EndpointState, required: Iterable[str]) -> list[str]:
    """The required parameters the endpoint does not document (synonyms count)."""
    have = endpoint.parameters
    return [p for p in required if PARAMETER_SYNONYMS.get(p, frozenset({p})).isdisjoint(have)]


def _same_model(model: str, wanted: str) -> bool:
    return model == wanted or (not wanted.endswith(FREE_SUFFIX) and model == wanted + FREE_SUFFIX)


def _reasons(
    endpoint: EndpointState, job: Job, figures: Figures, context: _Context, facts: Mapping[str, Quality]
) -> tuple[list[Reason], tuple[str, ...]]:
    """Every reason `endpoint` can not do `job`, and the indices it is kept without (include_unrated)."""
    reasons: list[Reason] = []
    health, prices = endpoint.health, endpoint.prices
    if health is not None and health.status == "down":
        by = f" (probe {health.probe})" if health.probe else ""
        reasons.append(Reason("down", f"down now{by}"))
    if prices is None or prices.input is None or prices.output is None:
        reasons.append(Reason("unpriced", "no token price published"))
    elif job.currency is not None and prices.currency != job.currency:
        rate = job.rates.of(prices.currency, endpoint.provider, prices.usd_rate)
        convertible = job.currency == "USD" and rate is not None
        if not convertible:
            reasons.append(Reason("currency", f"priced in {prices.currency}, not {job.currency}"))
    wants_free = job.model is not None and job.model.endswith(FREE_SUFFIX)
    if not job.include_free and not wants_free and is_free(endpoint):
        reasons.append(Reason("free", "free (rate-limited) endpoint; free endpoints do not count"))
    reasons.extend(_limit_reasons(endpoint, job))
    missing = missing_parameters(endpoint, job.parameters)
    if missing:
        reasons.append(Reason("parameters", f"does not support {', '.join(missing)}"))
    if job.quantizations:
        allowed = ", ".join(job.quantizations)
        if endpoint.quantization is None:
            reasons.append(Reason("quantization", f"quantization not published (allowed: {allowed})"))
        elif endpoint.quantization.casefold() not in context.allowed:
            message = f"quantization {endpoint.quantization} not allowed (allowed: {allowed})"
            reasons.append(Reason("quantization", message))
    if context.min_rank is not None:
        rank = quantization_rank(endpoint.quantization)
        if rank is not None and rank < context.min_rank:
            message = f"quantization {endpoint.quantization} below {job.min_quantization}"
            reasons.append(Reason("min_quantization", message))
    if context.only or context.exclude:
        key = provider_of(endpoint.provider)
        if context.only and key not in context.only:
            message = f"provider {endpoint.provider} not among {', '.join(job.only_providers)}"
            reasons.append(Reason("only_providers", message))
        if key in context.exclude:
            reasons.append(Reason("exclude_providers", f"provider {endpoint.provider} excluded"))
    unrated: list[str] = []
    for parameter, index, words, minimum in context.minimums:
        fact = facts.get(index)
        if fact is None:
            if job.include_unrated:
                unrated.append(index)
            else:
                reasons.append(Reason(parameter, f"no {words} published for {endpoint.model}"))
        elif fact.value < minimum:
            message = f"{words} {fact.value:g} < {minimum:g} ({fact.publisher.replace('_', ' ')})"
            reasons.append(Reason(parameter, message))
    ttft = figures.ttft_p90_ms
    if job.max_ttft_ms is not None and ttft is not None and ttft > job.max_ttft_ms:
        message = f"TTFT p90 {figures.ttft_p90_ms:.0f} ms > {job.max_ttft_ms:g} ms ({figures.ttft_source})"
        reasons.append(Reason("ttft", message))
    if job.min_uptime is not None and figures.uptime is not None and figures.uptime < job.min_uptime:
        message = (
            f"uptime {figures.uptime:.2f}% over {figures.uptime_window} < {job.min_uptime:g}% "
            f"({figures.uptime_source})"
        )
        reasons.append(Reason("uptime", message))
    return reasons, tuple(unrated)


def _limit_reasons(endpoint: EndpointState, job: Job) -> list[Reason]:
    reasons: list[Reason] = []
    load, context = job.workload, endpoint.context_length
    if job.min_context is not None:
        if context is None:
            reasons.append(Reason("context", f"context length not published (need {job.min_context})"))
        elif context < job.min_context:
            reasons.append(Reason("context", f"context {context} < {job.min_context} required"))
    if context is not None and load.input_tokens + load.output_tokens > context:
        message = f"context {context} cannot hold {load.input_tokens} + {load.output_tokens} tokens"
        reasons.append(Reason("context", message))
    if endpoint.max_output_tokens is not None and endpoint.max_output_tokens < load.output_tokens:
        message = f"max output {endpoint.max_output_tokens} < {load.output_tokens} tokens"
        reasons.append(Reason("max_output", message))
    if endpoint.max_prompt_tokens is not None and endpoint.max_prompt_tokens < load.input_tokens:
        message = f"max prompt {endpoint.max_prompt_tokens} < {load.input_tokens} tokens"
        reasons.append(Reason("max_prompt", message))
    return reasons


def _notes(
    endpoint: EndpointState,
    figures: Figures,
    cost: Cost,
    preferred: str,
    job: Job,
    unrated: tuple[str, ...],
) -> tuple[str, ...]:
    notes = list(cost.notes)
    if cost.currency != preferred:
        notes.append(
            f"priced in {cost.currency}: not comparable with {preferred} (no rate configured); "
            "ranked after them"
        )
    if job.min_quantization and quantization_rank(endpoint.quantization) is None:
        shown = endpoint.quantization or "not published"
        notes.append(f"quantization {shown}: not known to be {job.min_quantization} or better")
    for index in unrated:
        notes.append(f"unrated: no {index.replace('_', ' ')} published (kept: include_unrated)")
    if not figures.measured:
        notes.append("no measurements: TTFT and uptime unknown")
    elif figures.ttft_p90_ms is None:
        notes.append("no TTFT measurement")
    elif figures.uptime is None:
        notes.append("no uptime measurement")
    if endpoint.health is not None and endpoint.health.status == "degraded":
        notes.append("degraded now")
    return tuple(notes)


def _rank_key(ranked: Ranked, preferred: str) -> tuple[Any, ...]:
    figures = ranked.figures
    return (
        ranked.cost.currency != preferred,
        ranked.cost.per_request,
        figures.ttft_p90_ms if figures.ttft_p90_ms is not None else _INF,
        -figures.uptime if figures.uptime is not None else _INF,
        ranked.endpoint.label.casefold(),
        ranked.endpoint.id,
    )
