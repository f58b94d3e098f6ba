"""Why each ranked endpoint comes before the next, in words (`Ranked.why`).

- Cheaper: "0.8 USD a month cheaper than Novita [novita/fp8]" (the job's monthly cost, in the currency
  the ranking compares in; with no model asked for, the other's model is named too).
- As cheap: the tie-break that decided it (a lower TTFT p90, a higher uptime, a figure at all).
- The only one: the constraint every other endpoint failed, when one did ("the only one with fp8 or
  better"), else how many were left out.
- The last comparable one: how many meet every constraint. One priced in a currency without a rate:
  ranked apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from db.recommend.ranking import Excluded, Job, Ranked

_CENT = Decimal("0.01")

#: A constraint every excluded endpoint failed, as "the only one ...": in the order they are preferred.
_ONLY: tuple[tuple[str, Callable[[Job], str]], ...] = (
    ("min_quantization", lambda j: f"with {j.min_quantization} or better"),
    ("quantization", lambda j: f"with an allowed quantization ({', '.join(j.quantizations)})"),
    ("min_intelligence", lambda j: f"with an intelligence index of {j.min_intelligence:g} or more"),
    ("min_coding", lambda j: f"with a coding index of {j.min_coding:g} or more"),
    ("min_agentic", lambda j: f"with an agentic index of {j.min_agentic:g} or more"),
    ("context", lambda j: "with the context the job needs"),
    ("max_prompt", lambda j: f"taking prompts of {j.workload.input_tokens} tokens"),
    ("max_output", lambda j: f"allowing {j.workload.output_tokens} output tokens"),
    ("parameters", lambda j: f"supporting {', '.join(j.parameters)}"),
    ("ttft", lambda j: f"with a TTFT p90 within {j.max_ttft_ms:g} ms"),
    ("uptime", lambda j: f"with an uptime of {j.min_uptime:g}% or more"),
    ("only_providers", lambda j: f"from {', '.join(j.only_providers)}"),
    ("exclude_providers", lambda j: f"not from {', '.join(j.exclude_providers)}"),
    ("currency", lambda j: f"priced in {j.currency}"),
    ("free", lambda j: "that is not a free (rate-limited) offer"),
    ("unpriced", lambda j: "with a published price"),
    ("down", lambda j: "up now"),
)


def explain(
    ranked: Sequence[Ranked],
    excluded: Sequence[Excluded],
    job: Job,
    preferred: str,
    positions: Iterable[int] | None = None,
) -> list[str]:
    """One sentence per ranked endpoint (in order), or per position of `positions`: why it comes before
    the next."""
    comparable = sum(1 for r in ranked if r.cost.currency == preferred)
    whys: list[str] = []
    for i in range(len(ranked)) if positions is None else positions:
        item = ranked[i]
        if item.cost.currency != preferred:
            whys.append(
                f"priced in {item.cost.currency} without a rate to {preferred}: ranked apart, after the "
                f"{comparable} priced in {preferred}"
            )
            continue
        following = ranked[i + 1] if i + 1 < len(ranked) else None
        if following is not None and following.cost.currency == preferred:
            whys.append(_over(item, following, job, preferred))
        elif comparable == 1:
            whys.append(_only(excluded, job))
        else:
            whys.append(f"the most expensive of the {comparable} that meet every constraint")
    return whys


def amount(value: Decimal) -> str:
    """Money as people write it: cents above a cent (0.8, 12.35, 1,200), two figures below (0.0012)."""
    rounded = value.quantize(_CENT, ROUND_HALF_UP) if abs(value) >= _CENT else Decimal(f"{value:.2g}")
    text = f"{rounded.normalize():,f}"
    return text


def _name(item: Ranked, job: Job) -> str:
    endpoint = item.endpoint
    return endpoint.label if job.model is not None else f"{endpoint.label} ({endpoint.model})"


def _over(item: Ranked, following: Ranked, job: Job, currency: str) -> str:
    other = _name(following, job)
    saved = following.cost.per_month - item.cost.per_month
    if saved > 0:
        return f"{amount(saved)} {currency} a month cheaper than {other}"
    if following.cost.per_request > item.cost.per_request:  # a month of zero requests: per request
        return f"cheaper per request than {other}"
    mine, theirs = item.figures, following.figures
    if mine.ttft_p90_ms is not None and theirs.ttft_p90_ms is None:
        return f"as cheap as {other}, and its TTFT is measured ({other}'s is not)"
    if (
        mine.ttft_p90_ms is not None
        and theirs.ttft_p90_ms is not None
        and mine.ttft_p90_ms < theirs.ttft_p90_ms
    ):
        return (
            f"as cheap as {other}, and faster: TTFT p90 {mine.ttft_p90_ms:.0f} ms against "
            f"{theirs.ttft_p90_ms:.0f} ms"
        )
    if mine.uptime is not None and (theirs.uptime is None or mine.uptime > theirs.uptime):
        against = f"{theirs.uptime:.2f}%" if theirs.uptime is not None else "none measured"
        return f"as cheap and as fast as {other}, with a higher uptime: {mine.uptime:.2f}% against {against}"
    return f"as cheap as {other}, with the same figures (ordered by name)"


def _only(excluded: Sequence[Excluded], job: Job) -> str:
    if not excluded:
        return "the only endpoint there is" + (f" for {job.model}" if job.model else "")
    common = set.intersection(*({r.code for r in x.reasons} for x in excluded))
    for code, words in _ONLY:
        if code in common:
            return f"the only one {words(job)}"
    others = len(excluded)
    counts = Counter(r.code for x in excluded for r in x.reasons)
    top, count = counts.most_common(1)[0] if counts else ("", 0)
    return f"the only one that meets every constraint ({others} others left out, {count} of them by {top})"
