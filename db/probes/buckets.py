"""`Bucket`: the sums of a set of probe samples, the in-memory form of a `ProbeBucket` row.

Built from raw samples (`add_sample`, or `add_group` for a GROUP BY's sums), from rollup rows
(`of_values`, `add_row`) or from other buckets (`merge`, `subtract`); read as uptime, means and
`db.probes.histogram` percentiles, or written back as a row (`row`, `columns`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from operator import attrgetter
from typing import Any

from db.probes import histogram
from db.probes.samples import ERROR_CLASSES, EXCLUDED_CLASSES

QUANTILES = (0.5, 0.9, 0.99)
UNKNOWN = "unknown"  # a failure whose class is not one of `db.probes.samples.ERROR_CLASSES`
#: The rollup column counting each error class.
ERROR_COLUMNS = {name: f"err_{name}" for name in (*ERROR_CLASSES, UNKNOWN)}
_KNOWN = frozenset(ERROR_CLASSES)
#: The `ProbeBucket` columns in the order `Bucket.of_values` takes them: select them in this order and
#: hand over the row's values by position (a SQLAlchemy row's attributes cost ~1 us each).
SCALAR_COLUMNS = (
    "count",
    "ok",
    "failures",
    "excluded",
    "maintenance",
    "ttft_count",
    "ttft_sum",
    "ttft_min",
    "ttft_max",
    "total_count",
    "total_sum",
    "total_min",
    "total_max",
    "tps_count",
    "tps_sum",
)
VALUE_COLUMNS = (*SCALAR_COLUMNS, *ERROR_COLUMNS.values(), "ttft_hist", "total_hist")
_SCALARS = len(SCALAR_COLUMNS)
_ERRORS = len(ERROR_COLUMNS)
_values_of = attrgetter(*VALUE_COLUMNS)


def error_name(error_class: str | None) -> str:
    """The error class a failed sample is counted under."""
    return error_class if error_class is not None and error_class in _KNOWN else UNKNOWN


def mean(total: float, n: int) -> float | None:
    """`total` over `n` values, None without any."""
    return total / n if n else None


class Bucket:
    """The sums of a set of samples: built from samples, from rollup rows, or from other buckets."""

    __slots__ = (
        "count",
        "ok",
        "failures",
        "excluded",
        "maintenance",
        "errors",
        "ttft_count",
        "ttft_sum",
        "ttft_min",
        "ttft_max",
        "ttft_hist",
        "total_count",
        "total_sum",
        "total_min",
        "total_max",
        "total_hist",
        "tps_count",
        "tps_sum",
        "bounds_known",
    )

    def __init__(self) -> None:
        self.count = self.ok = self.failures = self.excluded = self.maintenance = 0
        self.errors: dict[str, int] = {}
        self.ttft_count = self.total_count = self.tps_count = 0
        self.ttft_sum = self.total_sum = self.tps_sum = 0.0
        self.ttft_min: float | None = None
        self.ttft_max: float | None = None
        self.total_min: float | None = None
        self.total_max: float | None = None
        self.ttft_hist = self.total_hist = 0  # packed `db.probes.histogram` counts
        # False once a part was subtracted: the minimum and maximum are then unknown, and stay None.
        self.bounds_known = True

    # -- filling ---------------------------------------------------------------------------------
    def add_sample(
        self,
        ok: bool,
        error_class: str | None,
        ttft_ms: float | None,
        total_ms: float | None,
        tokens_per_s: float | None,
        in_maintenance: bool,
    ) -> None:
        self.count += 1
        if in_maintenance:
            self.maintenance += 1
            return
        if not ok:
            name = error_class if error_class is not None and error_class in _KNOWN else UNKNOWN
            self.errors[name] = self.errors.get(name, 0) + 1
            if name in EXCLUDED_CLASSES:
                self.excluded += 1
            else:
                self.failures += 1
            return
        self.ok += 1
        if ttft_ms is not None:
            self.ttft_count += 1
            self.ttft_sum += ttft_ms
            if self.bounds_known:
                self.ttft_min = ttft_ms if self.ttft_min is None else min(self.ttft_min, ttft_ms)
                self.ttft_max = ttft_ms if self.ttft_max is None else max(self.ttft_max, ttft_ms)
            self.ttft_hist += histogram.unit(ttft_ms)
        if total_ms is not None:
            self.total_count += 1
            self.total_sum += total_ms
            if self.bounds_known:
                self.total_min = total_ms if self.total_min is None else min(self.total_min, total_ms)
                self.total_max = total_ms if self.total_max is None else max(self.total_max, total_ms)
            self.total_hist += histogram.unit(total_ms)
        if tokens_per_s is not None:
            self.tps_count += 1
            self.tps_sum += tokens_per_s

    def add_group(
        self,
        ok: bool,
        error_class: str | None,
        in_maintenance: bool,
        n: int,
        ttft_sum: float,
        ttft_count: int,
        total_sum: float,
        total_count: int,
        tps_sum: float,
        tps_count: int,
        ttft_min: float | None,
        ttft_max: float | None,
    ) -> None:
        """Add `n` samples that share `ok`, `error_class` and `in_maintenance`, given their sums (as a
        GROUP BY over raw samples gives them). The TTFT histogram is left to the caller."""
        self.count += n
        if in_maintenance:
            self.maintenance += n
            return
        if not ok:
            name = error_name(error_class)
            self.errors[name] = self.errors.get(name, 0) + n
            if name in EXCLUDED_CLASSES:
                self.excluded += n
            else:
                self.failures += n
            return
        self.ok += n
        self.ttft_count += ttft_count
        self.ttft_sum += ttft_sum
        if self.bounds_known:
            self.ttft_min = _least(self.ttft_min, ttft_min)
            self.ttft_max = _most(self.ttft_max, ttft_max)
        self.total_count += total_count
        self.total_sum += total_sum
        self.tps_count += tps_count
        self.tps_sum += tps_sum

    @classmethod
    def of_values(cls, values: Sequence[Any]) -> Bucket:
        """A bucket equal to one row's `VALUE_COLUMNS` (histograms as stored; None for a missing one)."""
        bucket = cls()
        (
            bucket.count,
            bucket.ok,
            bucket.failures,
            bucket.excluded,
            bucket.maintenance,
            bucket.ttft_count,
            bucket.ttft_sum,
            bucket.ttft_min,
            bucket.ttft_max,
            bucket.total_count,
            bucket.total_sum,
            bucket.total_min,
            bucket.total_max,
            bucket.tps_count,
            bucket.tps_sum,
        ) = values[:_SCALARS]
        errors = values[_SCALARS : _SCALARS + _ERRORS]
        bucket.errors = {name: n for name, n in zip(ERROR_COLUMNS, errors, strict=True) if n}
        bucket.ttft_hist = histogram.decode(values[-2])
        bucket.total_hist = histogram.decode(values[-1])
        return bucket

    def add_row(self, row: Any) -> None:
        """Add a `ProbeRollup` row (a Core row or anything with its column names as attributes)."""
        self.merge(Bucket.of_values(_values_of(row)))

    def _add_scalars(self, row: Any) -> None:
        self.count += row.count
        self.ok += row.ok
        self.failures += row.failures
        self.excluded += row.excluded
        self.maintenance += row.maintenance
        self.ttft_count += row.ttft_count
        self.ttft_sum += row.ttft_sum
        self.total_count += row.total_count
        self.total_sum += row.total_sum
        self.tps_count += row.tps_count
        self.tps_sum += row.tps_sum
        if self.bounds_known:
            self.ttft_min = _least(self.ttft_min, row.ttft_min)
            self.ttft_max = _most(self.ttft_max, row.ttft_max)
            self.total_min = _least(self.total_min, row.total_min)
            self.total_max = _most(self.total_max, row.total_max)

    def add_errors(self, errors: Mapping[str, int] | None) -> None:
        if errors:
            for name, n in errors.items():
                self.errors[name] = self.errors.get(name, 0) + n

    def merge(self, other: Bucket) -> None:
        if not other.bounds_known:
            self._forget_bounds()
        self._add_scalars(other)
        self.add_errors(other.errors)
        self.ttft_hist += other.ttft_hist
        self.total_hist += other.total_hist

    def subtract(self, other: Bucket) -> None:
        """Take out `other`, a part of this bucket. The minimum and maximum become unknown (None)."""
        for name in ("count", "ok", "failures", "excluded", "maintenance", "ttft_count", "ttft_sum"):
            setattr(self, name, getattr(self, name) - getattr(other, name))
        for name in ("total_count", "total_sum", "tps_count", "tps_sum", "ttft_hist", "total_hist"):
            setattr(self, name, getattr(self, name) - getattr(other, name))
        for name, n in other.errors.items():
            left = self.errors.get(name, 0) - n
            if left:
                self.errors[name] = left
            else:
                self.errors.pop(name, None)
        self._forget_bounds()

    def _forget_bounds(self) -> None:
        self.bounds_known = False
        self.ttft_min = self.ttft_max = self.total_min = self.total_max = None

    # -- reading ---------------------------------------------------------------------------------
    @property
    def counted(self) -> int:
        """Samples that count for uptime: neither excluded (429, client errors) nor in maintenance."""
        return self.count - self.excluded - self.maintenance

    @property
    def uptime(self) -> float | None:
        """Percent of the counted samples that were ok; None when none counted."""
        counted = self.counted
        return 100.0 * self.ok / counted if counted else None

    def ttft_quantiles(self, qs: tuple[float, ...] = QUANTILES) -> list[float | None]:
        return histogram.quantiles(self.ttft_hist, qs, low=self.ttft_min, high=self.ttft_max)

    def total_quantiles(self, qs: tuple[float, ...] = QUANTILES) -> list[float | None]:
        return histogram.quantiles(self.total_hist, qs, low=self.total_min, high=self.total_max)

    def row(self, target_id: int, period: str, start: datetime) -> dict[str, Any]:
        """The `ProbeRollup` row of this bucket."""
        return {"target_id": target_id, "period": period, "start": start, **self.columns()}

    def columns(self) -> dict[str, Any]:
        """The `ProbeBucket` columns of this bucket."""
        return {
            "count": self.count,
            "ok": self.ok,
            "failures": self.failures,
            "excluded": self.excluded,
            "maintenance": self.maintenance,
            **{column: self.errors.get(name, 0) for name, column in ERROR_COLUMNS.items()},
            "ttft_count": self.ttft_count,
            "ttft_sum": self.ttft_sum,
            "ttft_min": self.ttft_min,
            "ttft_max": self.ttft_max,
            "ttft_hist": histogram.encode(self.ttft_hist),
            "total_count": self.total_count,
            "total_sum": self.total_sum,
            "total_min": self.total_min,
            "total_max": self.total_max,
            "total_hist": histogram.encode(self.total_hist),
            "tps_count": self.tps_count,
            "tps_sum": self.tps_sum,
        }


def _least(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else min(a, b)


def _most(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else max(a, b)
