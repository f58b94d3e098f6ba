"""A recommender job from plain parameters, and the endpoints it is ranked over: one builder for the three
places that ask (``modelwatch recommend``, ``GET /api/v1/recommend``, the dashboard's Recommend page).

- `build_job(...)`: the `Job` (with its `Workload`) from the options of a request, checked; an impossible
  one raises `JobError` naming the parameter to blame.
- `recommend_in(snapshot, job)`: the job ranked over the catalog's active endpoints of its model (and of
  the model's ``:free`` variant, counted when free endpoints count), or over every active endpoint.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from db.catalog.quality import Quality
from db.catalog.state import EndpointState
from db.recommend.constraints import INDEX_RANGE, QUALITY_PARAMETERS, QUANTIZATIONS, Rates
from db.recommend.cost import Rate, Workload
from db.recommend.ranking import FREE_SUFFIX, Job, Prepared, Recommendation, prepare, recommend

if TYPE_CHECKING:
    from db.catalog.snapshot import CatalogSnapshot

#: The workload's counts, in the order a negative one is blamed.
_COUNTS = ("input_tokens", "output_tokens", "requests_per_day", "cached_input_tokens", "cache_write_tokens")


class JobError(ValueError):
    """The job can not be: ``str(e)`` says why, `parameter` names the parameter to blame."""

    def __init__(self, parameter: str, message: str) -> None:
        self.parameter = parameter
        super().__init__(message)


def build_job(
    *,
    model: str | None = None,
    min_context: int | None = None,
    parameters: Iterable[str] = (),
    input_tokens: int,
    output_tokens: int,
    requests_per_day: int,
    cached_input_tokens: int = 0,
    cache_write_tokens: int = 0,
    max_ttft_ms: float | None = None,
    min_uptime: float | None = None,
    quantizations: Iterable[str] = (),
    include_free: bool = False,
    currency: str | None = None,
    requests_per_month: int | None = None,
    min_intelligence: float | None = None,
    min_coding: float | None = None,
    min_agentic: float | None = None,
    include_unrated: bool = False,
    min_quantization: str | None = None,
    only_providers: Iterable[str] = (),
    exclude_providers: Iterable[str] = (),
    rates: Iterable[Rate] = (),
) -> Job:
    """The job these parameters describe. `model` is a canonical id (the caller resolves what a user
    typed: `CatalogSnapshot.resolve_model`), None for any model. `requests_per_month`, when given, is
    the month's volume (else `requests_per_day` x 30). `rates` convert other currencies to USD (the
    configuration's ``[currencies]``). Raises `JobError` naming the parameter and what it allows."""
    counts = {
        "input_tokens": input_tokens,
        "output_tokens": output_tokens,
        "requests_per_day": requests_per_day,
        "cached_input_tokens": cached_input_tokens,
        "cache_write_tokens": cache_write_tokens,
    }
    if requests_per_month is not None and requests_per_month < 0:
        raise JobError(
            "requests_per_month", f"requests_per_month must be 0 or more, not {requests_per_month}"
        )
    try:
        workload = Workload(**counts, requests_per_month=requests_per_month)
    except ValueError as exc:
        raise JobError(_blamed(counts), str(exc)) from None
    minimums = {"min_intelligence": min_intelligence, "min_coding": min_coding, "min_agentic": min_agentic}
    low, high = INDEX_RANGE
    for parameter, minimum in minimums.items():
        if minimum is not None and not low <= minimum <= high:  # NaN fails too
            words = QUALITY_PARAMETERS[parameter][1]
            message = (
                f"{parameter} must be from {low:g} to {high:g} (an Artificial Analysis {words}), "
                f"not {minimum:g}"
            )
            raise JobError(parameter, message)
    quantization = min_quantization.strip().casefold() if min_quantization is not None else None
    if quantization is not None and quantization not in QUANTIZATIONS:
        message = (
            f"min_quantization must be one of {', '.join(QUANTIZATIONS)} "
            f"(fp32 > bf16 = fp16 > fp8 > int8 > fp6 > fp4 = int4), not {min_quantization!r}"
        )
        raise JobError("min_quantization", message)
    return Job(
        model=model,
        min_context=min_context,
        parameters=tuple(parameters),
        workload=workload,
        max_ttft_ms=max_ttft_ms,
        min_uptime=min_uptime,
        quantizations=tuple(quantizations),
        include_free=include_free,
        currency=currency,
        include_unrated=include_unrated,
        min_quantization=quantization,
        only_providers=_names(only_providers),
        exclude_providers=_names(exclude_providers),
        rates=Rates(tuple(rates)),
        **minimums,
    )


def _names(given: Iterable[str]) -> tuple[str, ...]:
    """Provider names as given, also comma-separated in one value (``only_providers=DeepInfra,Novita``)."""
    return tuple(part.strip() for name in given for part in name.split(",") if part.strip())


def _blamed(counts: dict[str, int]) -> str:
    """The parameter that made the workload impossible: a negative count, else the cache tokens (they are
    part of the input): the cached ones when they alone pass the input, else those written."""
    negative = [name for name in _COUNTS if counts[name] < 0]
    if negative:
        return negative[0]
    return (
        "cache_write_tokens"
        if counts["cached_input_tokens"] <= counts["input_tokens"]
        else "cached_input_tokens"
    )


def candidates(snapshot: CatalogSnapshot, model: str | None) -> list[EndpointState]:
    """The active endpoints a job for `model` is ranked over (every active one when `model` is None)."""
    pool = snapshot.endpoints_of(model) if model is not None else list(snapshot.endpoints)
    if model is not None and not model.endswith(FREE_SUFFIX):
        pool += snapshot.endpoints_of(model + FREE_SUFFIX)  # counted when free ones count
    return [e for e in pool if e.removed_at is None]


def recommend_in(snapshot: CatalogSnapshot, job: Job, *, explain_all: bool = True) -> Recommendation:
    """`job` ranked over the snapshot's `candidates`, with their models' quality facts (`explain_all`:
    see `recommend`). What does not depend on the job is prepared once per snapshot (`prepared_for`)."""
    pool = candidates(snapshot, job.model)
    return recommend(
        pool,
        job,
        quality=lambda model: _quality(snapshot, model),
        explain_all=explain_all,
        prepared=prepared_for(snapshot),
    )


def prepared_for(snapshot: CatalogSnapshot) -> Prepared:
    """The recommender's per-endpoint facts of the snapshot's active endpoints (`ranking.prepare`), made on
    first use and kept on it (a snapshot never changes; two threads at once both make the same)."""
    found = snapshot.derived.get(_PREPARED)
    if not isinstance(found, Prepared):
        found = prepare(snapshot.active, lambda model: _quality(snapshot, model))
        snapshot.derived[_PREPARED] = found
    return found


_PREPARED = "recommend.prepared"


def _quality(snapshot: CatalogSnapshot, model: str) -> Mapping[str, Quality]:
    state = snapshot.model(model)
    return state.quality if state is not None else {}
