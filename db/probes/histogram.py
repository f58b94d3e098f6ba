"""A fixed log-scale latency histogram whose merge is one big-integer addition.

Bins: field 0 holds values below 1 ms, fields 1..140 the log-scale bins [1.1^(i-1), 1.1^i) ms (1 ms to
~10.4 min), field 141 everything above. Every histogram has the same bins, so merging many of them
(an hour into a day, thirty days into a window) needs no alignment.

Encoding: the 142 counts are packed as little-endian 32-bit fields into one Python int, so
``merged = sum(decode(blob) for blob in blobs)`` merges N histograms with N big-integer additions (no
per-bin Python loop). Stored (`LargeBinary`, the same on SQLite and PostgreSQL) with the empty fields
at both ends trimmed: one byte saying how many low fields were dropped, then the remaining bytes without
the trailing zeros. An hour of a probe's samples spans a few bins, so a blob is tens of bytes, not 568.
A field overflows only past 2^32 - 1 samples in one bin of one merge (136 years of one probe a second).

Percentiles use the nearest-rank definition (the k-th smallest value, k = ceil(q * n)). The estimate
is taken inside the bin that holds that value, interpolated log-linearly between the bin's edges by
rank, then clamped to the observed [min, max]. Since the estimate and the true value share a bin,
**the relative error is below FACTOR - 1 = 10%** for values from 1 ms to 10 min; below 1 ms the
absolute error is below 1 ms; above 10 min the estimate lies between 10 min and the maximum.
"""

from __future__ import annotations

import math
import struct
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate

FACTOR = 1.1
#: The relative error bound of a percentile between LOW_MS and HIGH_MS (see the module docstring).
RELATIVE_ERROR = FACTOR - 1
LOW_MS = 1.0
HIGH_MS = 600_000.0
LOG_BINS = math.ceil(math.log(HIGH_MS / LOW_MS) / math.log(FACTOR))  # 140
FIELDS = LOG_BINS + 2  # underflow, the log bins, overflow
FIELD_BITS = 32
_FIELD_BYTES = FIELD_BITS // 8
_UNPACK = struct.Struct(f"<{FIELDS}I").unpack
_SPANS: dict[int, Callable[[bytes], tuple[int, ...]]] = {}
#: Lower edges of fields 1..FIELDS-1 (EDGES[i] is the lower edge of field i + 1).
EDGES: tuple[float, ...] = tuple(LOW_MS * FACTOR**i for i in range(LOG_BINS + 1))


def field_of(value_ms: float) -> int:
    """The field a value (milliseconds) falls in."""
    return bisect_right(EDGES, value_ms)


def bounds(field: int) -> tuple[float, float]:
    """The [low, high) edges of a field in milliseconds (the overflow field's high edge is infinity)."""
    if field == 0:
        return 0.0, LOW_MS
    if field == FIELDS - 1:
        return EDGES[-1], math.inf
    return EDGES[field - 1], EDGES[field]


def unit(value_ms: float) -> int:
    """The packed histogram of one value: add it to a packed histogram to count the value."""
    return 1 << (FIELD_BITS * field_of(value_ms))


def pack(counts: Sequence[int]) -> int:
    """The packed form of FIELDS counts."""
    if len(counts) != FIELDS:
        raise ValueError(f"a histogram has {FIELDS} fields, not {len(counts)}")
    return int.from_bytes(struct.pack(f"<{FIELDS}I", *counts), "little")


def counts(packed: int) -> tuple[int, ...]:
    """The FIELDS counts of a packed histogram."""
    return _UNPACK(packed.to_bytes(FIELDS * _FIELD_BYTES, "little"))


def encode(packed: int) -> bytes | None:
    """The stored form (None for an empty histogram): low empty fields and high zero bytes trimmed."""
    if packed == 0:
        return None
    low = ((packed & -packed).bit_length() - 1) // FIELD_BITS
    rest = packed >> (low * FIELD_BITS)
    return bytes((low,)) + rest.to_bytes((rest.bit_length() + 7) // 8, "little")


def decode(blob: bytes | None) -> int:
    """The packed histogram of a stored value (0 for None)."""
    if not blob:
        return 0
    value = int.from_bytes(blob, "little")  # the first byte is the low-order one: no slice to copy
    return (value >> 8) << ((value & 0xFF) * FIELD_BITS)


def merge(blobs: Iterable[bytes | None]) -> int:
    """The packed sum of stored histograms."""
    return sum(map(decode, blobs))


def rank(q: float, n: int) -> int:
    """The 1-based nearest rank of quantile `q` (0 < q <= 1) among `n` values."""
    return min(n, max(1, math.ceil(q * n - 1e-9)))


def quantiles(
    packed: int, qs: Sequence[float], *, low: float | None = None, high: float | None = None
) -> list[float | None]:
    """Estimates of the quantiles `qs` (each in (0, 1]) of a packed histogram.

    `low` and `high` are the observed minimum and maximum, when known: estimates are clamped to them
    (the true quantile lies between them), and `high` bounds the overflow field.
    """
    if packed == 0:
        return [None for _ in qs]
    # Only the span of fields in use is unpacked (an hour or a window of one endpoint spans a few).
    first = ((packed & -packed).bit_length() - 1) // FIELD_BITS
    span = (packed.bit_length() - 1) // FIELD_BITS - first + 1
    unpack = _SPANS.get(span) or _SPANS.setdefault(span, struct.Struct(f"<{span}I").unpack)
    fields = unpack((packed >> (first * FIELD_BITS)).to_bytes(span * _FIELD_BYTES, "little"))
    running = list(accumulate(fields))
    n = running[-1]
    out: list[float | None] = []
    for q in qs:
        k = rank(q, n)
        at = bisect_left(running, k)  # the first field whose running count reaches rank k
        seen = running[at] - fields[at]
        field = first + at
        lo, hi = bounds(field)
        within = (k - seen - 0.5) / fields[at]  # the rank's place inside the field, in (0, 1)
        if field == 0:
            value = lo + within * (hi - lo)
        elif field == FIELDS - 1:
            value = lo + within * ((high if high is not None and high > lo else lo) - lo)
        else:
            value = lo * FACTOR**within
        if low is not None:
            value = max(value, low)
        if high is not None:
            value = min(value, high)
        out.append(value)
    return out
