"""The `modelwatch` command line, run as a user runs it: a real process, a config file, the replica."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from crawler.browser import CHROMIUM
from replica import faults
from tests.ports import free_port
from tests.replica_config import write_config

TIMEOUT = 120


def modelwatch(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, **(env or {})},
    )


def service_env() -> dict[str, str]:
    """Free ports for the API and the dashboard that `modelwatch run` starts beside the service."""
    return {
        **os.environ,
        "MODELWATCH_API_PORT": str(free_port()),
        "MODELWATCH_DASHBOARD_PORT": str(free_port()),
    }


def test_help_lists_the_commands(tmp_path: Path) -> None:
    result = modelwatch("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("crawl", "extract", "run", "demo"):
        assert command in result.stdout


def test_crawl_prints_a_summary_and_a_recrawl_writes_no_history(replica: Any, tmp_path: Path) -> None:
    config = write_config(tmp_path / "modelwatch.toml", replica.url)
    first = modelwatch("--config", str(config), "crawl", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "openrouter: ok" in first.stdout and "eigenai: ok" in first.stdout
    second = modelwatch("crawl", "--source", "openrouter", cwd=tmp_path)  # ./modelwatch.toml by default
    assert second.returncode == 0, second.stderr
    assert "0 history rows, 0 changes" in second.stdout and "eigenai" not in second.stdout
    assert (tmp_path / "modelwatch.db").exists()


def test_crawl_exits_1_when_every_source_failed(tmp_path: Path) -> None:
    config = write_config(tmp_path / "c.toml", "http://127.0.0.1:9")
    result = modelwatch(
        "--config", str(config), "--db", f"sqlite:///{tmp_path / 'x.db'}", "crawl", cwd=tmp_path
    )
    assert result.returncode == 1
    assert "openrouter: failed" in result.stdout and "cannot connect" in result.stdout


def test_bad_configuration_names_the_file_and_the_key(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[[sources]]\nname = "x"\nkind = "openrouter"\nevery = "soon"\n', encoding="utf-8")
    result = modelwatch("--config", str(config), "crawl", cwd=tmp_path)
    assert result.returncode == 2
    assert f"{config}: sources[0].every" in result.stderr and "soon" in result.stderr


def test_unknown_source_is_refused(replica: Any, tmp_path: Path) -> None:
    config = write_config(tmp_path / "c.toml", replica.url)
    result = modelwatch("--config", str(config), "crawl", "--source", "nope", cwd=tmp_path)
    assert result.returncode == 2 and "unknown source nope" in result.stderr


def test_extract_json_follows_the_contract(replica: Any, tmp_path: Path) -> None:
    result = modelwatch("extract", f"{replica.url}/deepseek.html", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (offer,) = json.loads(result.stdout)
    assert {
        "url",
        "provider",
        "model",
        "name",
        "context_length",
        "max_output_tokens",
        "pricing",
        "currency",
        "parameters",
        "endpoints",
        "released",
    } <= set(offer)
    assert offer["model"] == "deepseek-v31-terminus" and offer["currency"] == "credits"
    assert offer["pricing"]["input"] == 0.4 and offer["pricing"]["output"] == 2.0
    assert offer["context_length"] is None
    assert not list(tmp_path.glob("*.db"))  # extract stores nothing


def test_extract_explain_says_where_each_value_was_read(replica: Any, tmp_path: Path) -> None:
    page = f"{replica.url}/deepseek.html"
    result = modelwatch("extract", page, "--json", "--explain", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (offer,) = json.loads(result.stdout)
    why = offer["evidence"]
    assert {"model", "pricing", "parameters"} <= set(why)
    assert "0.4" in why["pricing"]["snippet"] and why["pricing"]["where"]
    assert all(0 < w["confidence"] <= 1 and w["method"] for w in why.values())
    text = modelwatch("extract", page, "--explain", cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert "read from:" in text.stdout and "pricing" in text.stdout
    plain = modelwatch("extract", page, "--json", cwd=tmp_path)
    assert "evidence" not in json.loads(plain.stdout)[0]


def test_extract_reports_fetch_errors(replica: Any, tmp_path: Path) -> None:
    replica.set_fault("/deepseek.html", faults.status(503))
    result = modelwatch("extract", f"{replica.url}/deepseek.html", cwd=tmp_path)
    assert result.returncode == 1 and "HTTP 503" in result.stderr


def test_demo_crawls_the_replica_into_a_fresh_file(tmp_path: Path) -> None:
    result = modelwatch("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "openrouter: ok" in result.stdout and "eigenai: ok" in result.stdout
    if CHROMIUM.exists():  # the page drawn only by JavaScript, crawled in the browser
        assert "parasail: ok — 4 endpoints of 4 models" in result.stdout
    assert "DeepInfra [deepinfra/fp4]" in result.stdout and "EigenAI" in result.stdout
    assert (tmp_path / "modelwatch-demo.db").exists()
    # the simulated endpoints were probed: one went down and came back, one is slow
    health = {
        line.split()[0]: line.split()[1] for line in result.stdout.splitlines() if "-deepseek-v3.1 " in line
    }
    assert health["novita-deepseek-v3.1"] == "up" and health["atlascloud-deepseek-v3.1"] == "degraded"
    assert health["deepinfra-deepseek-v3.1"] == "up" and health["eigenai-deepseek-v3.1"] == "up"
    incidents = result.stdout.split("incidents:")[1]
    assert "novita-deepseek-v3.1: down from" in incidents and "(http_5xx)" in incidents
    assert "atlascloud-deepseek-v3.1: degraded from" in incidents and "ongoing" in incidents


def test_run_offline_says_sources_are_unreachable_and_keeps_running(tmp_path: Path) -> None:
    config = write_config(tmp_path / "c.toml", "http://127.0.0.1:9")
    lines: list[str] = []
    env = service_env()
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "monitor",
            "--config",
            str(config),
            "--db",
            f"sqlite:///{tmp_path / 'r.db'}",
            "run",
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline and sum("unreachable" in line for line in lines) < 2:
                line = process.stdout.readline()
                if not line:
                    break
                lines.append(line)
            assert sum("unreachable" in line for line in lines) == 2, "".join(lines)
            assert process.poll() is None  # still running
            # and it serves the catalog API beside the scheduler, which reports its heartbeat
            health_url = f"http://127.0.0.1:{env['MODELWATCH_API_PORT']}/healthz"
            with urllib.request.urlopen(health_url, timeout=10) as answer:
                health = json.loads(answer.read())
            assert health["database"]["ok"] and health["scheduler"]["ok"], health
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=30) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert any("source openrouter is unreachable" in line for line in lines)


@pytest.mark.parametrize("delay_s", [0.0, 0.15, 0.3, 0.45])
def test_sigkill_mid_crawl_leaves_the_database_consistent(
    replica: Any, tmp_path: Path, delay_s: float
) -> None:
    config = write_config(tmp_path / "c.toml", replica.url)
    db = tmp_path / "k.db"
    assert (
        modelwatch("--config", str(config), "--db", f"sqlite:///{db}", "crawl", cwd=tmp_path).returncode == 0
    )
    with sqlite3.connect(db) as c:
        before = _open_prices(c)
    replica.set_catalog(_cheaper(replica.catalog))
    with subprocess.Popen(
        [sys.executable, "-m", "monitor", "--config", str(config), "--db", f"sqlite:///{db}", "crawl"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as process:
        _wait_for_running_run(db, process)
        time.sleep(delay_s)
        process.send_signal(signal.SIGKILL)
        process.wait()
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert c.execute("PRAGMA foreign_key_check").fetchall() == []
        # Each endpoint has exactly one open price period.
        opens = c.execute(
            "select endpoint_id, count(*) from priceperiod where valid_to is null group by 1"
        ).fetchall()
        assert all(n == 1 for _, n in opens)
        killed = _open_prices(c)
        runs = c.execute("select status from crawlrun order by id").fetchall()
        openrouter_runs = [
            row[0] for row in c.execute("select status from crawlrun where source = 'openrouter' order by id")
        ]
    # The next crawl closes the killed run and completes.
    result = modelwatch("--config", str(config), "--db", f"sqlite:///{db}", "crawl", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    with sqlite3.connect(db) as c:
        statuses = [row[0] for row in c.execute("select status from crawlrun order by id")]
        assert "running" not in statuses
        terminus = c.execute(
            "select p.input from priceperiod p join endpoint e on e.id = p.endpoint_id "
            "where e.key = ? and p.valid_to is null",
            ("DeepInfra|deepseek/deepseek-v3.1-terminus|deepinfra/fp4|openai",),
        ).fetchone()
        after = _open_prices(c)
    assert terminus == ("0.135",)
    assert len(runs) >= 2
    # The killed crawl wrote all of the new prices or none of them, in the same transaction as the end
    # of its run: an unfinished (or not yet started) openrouter run left every price as it was, a
    # finished one left every price as a complete crawl leaves it.
    assert before != after and len(after) == len(before)
    first_run, *killed_run = openrouter_runs
    assert first_run == "ok" and killed_run in ([], ["running"], ["ok"]), openrouter_runs
    assert killed == (after if killed_run == ["ok"] else before)


def _open_prices(c: sqlite3.Connection) -> dict[int, tuple[Any, ...]]:
    """Every endpoint's open price period: its prices, by endpoint id."""
    rows = c.execute(
        "select endpoint_id, currency, input, output, cache_read, cache_write, request, image, web_search, "
        "internal_reasoning, audio, discount from priceperiod where valid_to is null"
    ).fetchall()
    return {row[0]: tuple(row[1:]) for row in rows}


def _wait_for_running_run(db: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with sqlite3.connect(db, timeout=5) as c:
                if c.execute("select count(*) from crawlrun where status = 'running'").fetchone()[0]:
                    return
        except sqlite3.OperationalError:
            pass
        time.sleep(0.02)
    raise AssertionError("the crawl never started a run")


def _cheaper(catalog: Any) -> Any:
    """The same catalog with every price halved, so a finished re-crawl writes many new periods."""
    from decimal import Decimal

    from replica.catalog import Catalog

    def halve(pricing: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for key, value in pricing.items():
            try:
                number = Decimal(str(value))
                out[key] = str(number / 2) if number > 0 and key != "discount" else value
            except ArithmeticError:
                out[key] = value
        return out

    models = [
        {**m, "pricing": halve(m["pricing"])}
        for m in json.loads(catalog.models_body(output_modalities="all"))["data"]
    ]
    endpoints = {}
    for model_id in catalog.model_ids:
        status, body = catalog.endpoints_response(model_id)
        if status == 200:
            data = json.loads(body)
            for endpoint in data["data"]["endpoints"]:
                endpoint["pricing"] = halve(endpoint["pricing"])
            endpoints[model_id] = data
    providers = json.loads(catalog.providers_body())["data"]
    return Catalog(models=models, endpoints=endpoints, providers=providers)


def test_the_replica_command_is_found_by_position_not_by_any_word() -> None:
    """`replica` is the command only where the command word stands: `probe --endpoint replica --json`
    keeps its `--json`, and `--db replica ...` is a database URL."""
    from monitor.cli import build_parser, command_index

    assert command_index(["probe", "--endpoint", "replica", "--json"]) == 0
    assert command_index(["--db", "replica", "-v", "replica", "--port", "9"]) == 3
    assert command_index(["--config", "c.toml", "--version"]) is None
    args = build_parser().parse_args(["probe", "--endpoint", "replica", "--json"])
    assert args.command == "probe" and args.json and args.endpoint == ["replica"]
