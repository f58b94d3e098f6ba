"""How long canonical matching takes: every provider model id of the real catalogs against OpenRouter's
models plus generated ones (median of 5).

    .venv/bin/python bench/match_ids.py

The ids matched: models.dev's 2026-06-11 provider models, LiteLLM's 2026-07-24 keys and DeepInfra's own
list (about 8,300), then again with a `:v2` suffix (about 16,600 in all, none of which may match
wrongly, so the misses walk every rule). The known ids: OpenRouter's 356 models of 2026-05-22 with their
Hugging Face ids, and 4,644 generated `vendor/model-N` ids (5,000). Matching a round must take well
under a second; building the matcher and the candidates of 1,000 misses are printed beside it.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from db.catalog.crawled import ModelIn
from db.catalog.matching import ModelMatcher

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures"
RUNS = 5
KNOWN = 5_000


def median_s(work: Callable[[], Any]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    if not SHARED.is_dir():
        print(f"{SHARED} not found", file=sys.stderr)
        return 1
    raw = json.loads((SHARED / "openrouter" / "models-2026-05-22.json").read_text())["data"]
    known = [
        ModelIn(
            id=m["id"], hugging_face_id=m.get("hugging_face_id") or None, meta={"canonical_slug": m["id"]}
        )
        for m in raw
    ]
    vendors = sorted({m.id.split("/")[0] for m in known})
    known += [ModelIn(id=f"{vendors[i % len(vendors)]}/model-{i}") for i in range(KNOWN - len(known))]
    modelsdev = json.loads((SHARED / "modelsdev" / "api-2026-06-11.json").read_text())
    ids = [(p["name"], model_id) for p in modelsdev.values() for model_id in p["models"]]
    litellm = json.loads((SHARED / "litellm" / "model_prices-2026-07-24.json").read_text())
    litellm = {k: e for k, e in litellm.items() if isinstance(e, dict)}
    ids += [
        (e["litellm_provider"], k)
        for k, e in litellm.items()
        if isinstance(e, dict) and "litellm_provider" in e
    ]
    deepinfra = json.loads((SHARED / "providers" / "deepinfra-openai-models-2026-02-23.json").read_text())
    ids += [("DeepInfra", e["id"]) for e in deepinfra["data"]]
    ids += [(provider, f"{model_id}:v2") for provider, model_id in ids]
    build = median_s(lambda: ModelMatcher(known_ids=known))
    matcher = ModelMatcher(known_ids=known)
    matched = median_s(lambda: [matcher.match(m, provider=p) for p, m in ids])
    misses = [m for p, m in ids if matcher.match(m, provider=p).rule == "own"][:1000]
    near = median_s(lambda: [matcher.candidates(m) for m in misses])
    print(f"build the matcher over {len(known):,} known ids: median {build * 1000:.0f} ms")
    print(f"match {len(ids):,} ids: median {matched * 1000:.0f} ms")
    print(f"candidates of {len(misses):,} unmatched ids: median {near * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
