"""`modelwatch extract --render`: the page drawn in the real headless Chromium (the system
/usr/bin/chromium) before the extractor reads it, against the replica's JS-only corpus page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crawler.browser import CHROMIUM
from tests.monitor.cli.test_cli import modelwatch

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"{CHROMIUM} not found: extract --render drives Debian's chromium (apt-get install chromium; "
    ".ci/run does)",
)

JS_ONLY = "/corpus/www.parasail.io/pricing"


def test_extract_render_prints_the_offers_the_script_draws(replica: Any, tmp_path: Path) -> None:
    page = replica.url + JS_ONLY
    result = modelwatch("extract", "--render", "--json", page, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    offers = json.loads(result.stdout)
    assert [(o["model"], o["pricing"], o["context_length"]) for o in offers] == [
        ("parasail-deepseek-v31", {"input": 0.45, "output": 1.7}, 164000),
        ("parasail-kimi-k2-instruct-0905", {"input": 0.99, "output": 2.99}, 256000),
        ("parasail-qwen3-235b-a22b-instruct-2507", {"input": 0.15, "output": 0.85}, 256000),
        ("parasail-gemma-3-27b-it", {"input": 0.1, "output": 0.4}, 128000),
    ]
    assert {o["provider"] for o in offers} == {"Parasail"}
    assert replica.requests[JS_ONLY] == 1

    unrendered = modelwatch("extract", "--json", page, cwd=tmp_path)
    assert json.loads(unrendered.stdout) == [] and "no model offer found" in unrendered.stderr
    assert "the page looks drawn by JavaScript: try --render" in unrendered.stderr


def test_extract_render_says_when_a_page_never_settles(replica: Any, tmp_path: Path) -> None:
    result = modelwatch(
        "extract", "--render", "--timeout", "3", replica.url + "/corpus/lambda.ai/inference", cwd=tmp_path
    )
    assert result.returncode == 1
    assert "page never settled within 3 s" in result.stderr
