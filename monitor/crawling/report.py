"""What a crawl says: its summary (the CLI, the service log, the admin route) and a progress line on a
terminal."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from typing import TextIO

from db.catalog.report import IngestReport


def crawl_summary(reports: Sequence[IngestReport], errors: Sequence[str], seconds: float) -> str:
    """A few lines per source: status, what was seen, what changed, the first problems."""
    lines = []
    for r in reports:
        lines.append(
            f"{r.source}: {r.status} — {r.endpoints_seen} endpoints of {r.models} models from "
            f"{r.providers} providers; {r.new_endpoints} new, {r.removed_endpoints} removed, "
            f"{r.changed_endpoints} changed; {r.history_rows} history rows, {r.change_rows} changes"
        )
        if r.disagreements_opened or r.disagreements_closed:
            lines.append(
                f"  sources disagree: {r.disagreements_opened} new disagreements, "
                f"{r.disagreements_closed} ended (GET /api/v1/disagreements)"
            )
        for problem in r.problems[:5]:
            lines.append(f"  problem: {problem}")
        if len(r.problems) > 5:
            lines.append(f"  … and {len(r.problems) - 5} more problems (see the crawlproblem table)")
        for warning in r.warnings[:3]:
            lines.append(f"  warning: {warning}")
    for error in errors:
        lines.append(f"error: {error}")
    lines.append(f"done in {seconds:.1f} s")
    return "\n".join(lines)


class ProgressLine:
    """Redraws one status line on a terminal; silent when the stream is not a terminal."""

    def __init__(self, stream: TextIO | None = None, *, min_interval_s: float = 0.1) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.min_interval_s = min_interval_s
        self._last = 0.0
        self._state: dict[str, tuple[int, int, int]] = {}

    def __call__(self, source: str, pages: int, expected: int, items: int) -> None:
        self._state[source] = (pages, expected, items)
        now = time.monotonic()
        if not self.enabled or now - self._last < self.min_interval_s:
            return
        self._last = now
        parts = [f"{name} {p}/{e} requests, {i} items" for name, (p, e, i) in self._state.items()]
        self.stream.write("\r\033[K crawling: " + " · ".join(parts))
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self._state:
            self.stream.write("\r\033[K")
            self.stream.flush()
