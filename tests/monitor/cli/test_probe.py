"""`modelwatch probe` as a user runs it: a real process, a config file, the replica's chat endpoints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from replica.chat.behaviour import ChatBehaviour
from tests.monitor.cli.test_cli import modelwatch

PROBES = """
[[sources]]
name = "openrouter"
kind = "openrouter"
base_url = "{url}/api/v1"

[[sources]]
name = "eigenai"
kind = "pages"
provider = "EigenAI"
urls = ["{url}/deepseek.html"]

[[probes]]
name = "routed"
protocol = "openai"
url = "{url}/api/v1/chat/completions"
model = "deepseek/deepseek-v3.1-terminus"

[[probes]]
name = "eigen"
protocol = "eigenai"
url = "{url}/api/v1/generate/stream"
model = "deepseek-v31-terminus"

[[probes]]
name = "health"
protocol = "http"
url = "{url}/healthz"
every = "1m"

[models.aliases]
"deepseek-v31-terminus" = "deepseek/deepseek-v3.1-terminus"
"""

JSON_KEYS = {
    "endpoint",
    "ok",
    "status",
    "error_class",
    "ttft_ms",
    "total_ms",
    "output_tokens",
    "tokens_per_s",
}


def setup(tmp_path: Path, url: str) -> Path:
    (tmp_path / "modelwatch.toml").write_text(PROBES.format(url=url), encoding="utf-8")
    return tmp_path


def test_probe_json_follows_the_contract(replica: Any, tmp_path: Path) -> None:
    cwd = setup(tmp_path, replica.url)
    result = modelwatch("--db", f"sqlite:///{tmp_path / 'p.db'}", "probe", "--json", cwd=cwd)
    assert result.returncode == 0, result.stderr
    samples = json.loads(result.stdout)
    assert [s["endpoint"] for s in samples] == ["routed", "eigen", "health"]
    for sample in samples:
        assert set(sample) >= JSON_KEYS
        assert sample["ok"] is True and sample["error_class"] is None and sample["status"] == 200
    routed = samples[0]
    # the replica's default TTFT is 200 ms: in milliseconds, never early, and late only by a loaded
    # machine's delays (10x room)
    assert 150 <= routed["ttft_ms"] <= 2000
    assert routed["output_tokens"] == 16 and routed["tokens_per_s"] > 50
    assert samples[2]["ttft_ms"] is None and samples[2]["output_tokens"] is None  # plain GET


def test_probe_table_named_probes_and_errors(replica: Any, tmp_path: Path) -> None:
    cwd = setup(tmp_path, replica.url)
    db = f"sqlite:///{tmp_path / 'p.db'}"
    result = modelwatch("--db", db, "probe", "--endpoint", "health", cwd=cwd)
    assert result.returncode == 0, result.stderr
    assert "health" in result.stdout and "routed" not in result.stdout
    assert "1 probes, 1 ok" in result.stdout
    unknown = modelwatch("--db", db, "probe", "--endpoint", "nope", cwd=cwd)
    assert unknown.returncode == 2 and "unknown probe nope" in unknown.stderr
    replica.chat.set_default(ChatBehaviour(failure=500, ttft_ms=5))
    failing = modelwatch("--db", db, "probe", "--endpoint", "routed", "eigen", cwd=cwd)
    assert failing.returncode == 1  # every probe failed
    assert failing.stdout.count("http_5xx") >= 2


def test_probe_plan_prices_each_probe_from_the_catalog(replica: Any, tmp_path: Path) -> None:
    cwd = setup(tmp_path, replica.url)
    db = f"sqlite:///{tmp_path / 'p.db'}"
    before = modelwatch("--db", db, "probe", "--plan", cwd=cwd)
    assert before.returncode == 0 and "price unknown: no matching endpoint" in before.stdout
    assert modelwatch("--db", db, "crawl", cwd=cwd).returncode == 0
    plan = modelwatch("--db", db, "probe", "--plan", cwd=cwd)
    assert plan.returncode == 0, plan.stderr
    lines = {line.split()[0]: line for line in plan.stdout.splitlines() if line.strip()}
    # 288 runs a day x (18 tokens in x 0.27 + 16 out x 0.95) per 1M tokens = 0.0058 USD
    assert "288" in lines["routed"] and "0.0058" in lines["routed"] and "OpenRouter" in lines["routed"]
    # EigenAI's page prices in credits: 288 x (18 x 0.40 + 16 x 2.0) / 1M = 0.0113
    assert "0.0113" in lines["eigen"] and "EigenAI" in lines["eigen"]
    assert "1440" in lines["health"] and "plain GET" in lines["health"]
    assert "estimated total per day: 0.0058 USD, 0.0113 credits" in plan.stdout
