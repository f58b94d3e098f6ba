"""How long the models.dev and LiteLLM parsers take on the full real documents (median of 5).

    .venv/bin/python bench/parse_sources.py

Reads ../shared/fixtures (models.dev's api.json of 2026-06-11, 5,186 provider models; LiteLLM's map of
2026-07-24, 2,985 keys). Both must parse in well under a second.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from crawler.extract.listing import Listing
from crawler.extract.litellm import parse_litellm
from crawler.extract.modelsdev import parse_modelsdev

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures"
RUNS = 5


def bench(name: str, path: Path, parse: Callable[[bytes], Listing]) -> float:
    body = path.read_bytes()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        listing = parse(body)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    size = f"{len(body) / 1e6:.1f} MB"
    print(f"{name}: {size}, {len(listing.endpoints):,} endpoints, median {median * 1000:.0f} ms")
    return median


def main() -> int:
    if not SHARED.is_dir():
        print(f"{SHARED} not found", file=sys.stderr)
        return 1
    worst = max(
        bench("models.dev", SHARED / "modelsdev" / "api-2026-06-11.json", lambda b: parse_modelsdev(b)),
        bench("LiteLLM", SHARED / "litellm" / "model_prices-2026-07-24.json", lambda b: parse_litellm(b)),
    )
    return 0 if worst < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
