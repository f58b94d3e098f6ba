"""`modelwatch api` and `modelwatch recommend` as a user runs them: the real `modelwatch` command in its
own process, a configuration file, a SQLite file. The API serves on a free loopback port, a crawl of the
provider replica and a probe round start through the admin routes, SIGTERM stops it cleanly. And the
hooks `modelwatch run` uses to serve the API beside its scheduler (monitor.service.api_server)."""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.engine import Engine

from db.engine import make_engine
from monitor.cli.api import run_command
from monitor.config import default_config
from tests.api.seed import seed
from tests.ports import free_port
from tests.replica_config import write_config

TOKEN = "serve-test-token-91"
TIMEOUT_S = 120


def modelwatch_argv(*args: str) -> list[str]:
    """The `modelwatch` console script of the environment running the tests (else `python -m monitor`)."""
    script = Path(sys.executable).with_name("modelwatch")
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "monitor", *args]


def modelwatch(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        modelwatch_argv(*args),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        env={**os.environ, **(env or {})},
    )


def wait_for(check: Callable[[], Any], *, timeout_s: float, what: str) -> Any:
    deadline = time.monotonic() + timeout_s
    last: Any = None
    while time.monotonic() < deadline:
        try:
            last = check()
            if last:
                return last
        except httpx.HTTPError as exc:
            last = exc
        time.sleep(0.2)
    raise AssertionError(f"{what}: not within {timeout_s} s (last: {last!r})")


def health_probe(replica_url: str) -> str:
    """One probe of the replica's health, as TOML for the replica's configuration."""
    return f"""
[[probes]]
name = "replica-health"
protocol = "http"
url = "{replica_url}/healthz"
every = "1h"
"""


@dataclass
class ApiProcess:
    """A running `modelwatch api`: a client of its port; its log (stderr) and exit status once stopped."""

    http: httpx.Client
    port: int
    log: Path
    returncode: int | None = None

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")


@contextmanager
def modelwatch_api(*options: str, cwd: Path, env: dict[str, str]) -> Iterator[ApiProcess]:
    """`modelwatch [options] api --host 127.0.0.1 --port <free>`, answering; stopped with SIGTERM at the
    end of the block."""
    port, log = free_port(), cwd / "api.log"
    argv = modelwatch_argv(*options, "api", "--host", "127.0.0.1", "--port", str(port))
    with log.open("w", encoding="utf-8") as stderr:  # a file: a full pipe nobody reads would stall it
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as http:
            api = ApiProcess(http=http, port=port, log=log)

            def answering() -> bool:
                if process.poll() is not None:
                    raise AssertionError(f"modelwatch api exited with {process.returncode}: {api.output()}")
                return http.get("/healthz").status_code == 200

            wait_for(answering, timeout_s=60, what="the API answering")
            yield api
        process.send_signal(signal.SIGTERM)
        api.returncode = process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
            print(log.read_text(encoding="utf-8"))  # shown with the failure


def test_api_process_serves_crawls_and_probes_on_demand_and_stops_on_sigterm(
    replica: Any, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "modelwatch.toml", replica.url, extra=health_probe(replica.url))
    db_url = f"sqlite:///{tmp_path / 'modelwatch.db'}"
    # A writer command makes the database (`modelwatch api` only reads): a crawl of EigenAI's page alone.
    first = modelwatch("--config", str(config), "--db", db_url, "crawl", "--source", "eigenai", cwd=tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    env = {**os.environ, "MODELWATCH_ADMIN_TOKEN": TOKEN}
    admin = {"Authorization": f"Bearer {TOKEN}"}
    terminus = {"model": "deepseek-v31-terminus"}  # an alias from the configuration
    with modelwatch_api("--config", str(config), "--db", db_url, cwd=tmp_path, env=env) as api:
        http = api.http
        (eigenai,) = http.get("/api/v1/endpoints").json()["data"]
        assert eigenai["provider"] == "EigenAI" and eigenai["model"] == "deepseek/deepseek-v3.1-terminus"
        refused = http.post("/api/v1/crawl")
        assert refused.status_code == 401 and refused.headers["WWW-Authenticate"] == "Bearer"
        assert http.post("/api/v1/crawl", headers={"Authorization": "Bearer wrong"}).status_code == 401
        started = http.post("/api/v1/crawl", headers=admin)
        assert started.status_code == 202, started.text
        assert started.json()["detail"]["sources"] == ["openrouter", "eigenai"]
        wait_for(
            lambda: http.get("/api/v1/endpoints", params=terminus).json()["total"] > 1,
            timeout_s=TIMEOUT_S,
            what="the crawl's endpoints",
        )
        providers = {e["provider"] for e in http.get("/api/v1/endpoints", params=terminus).json()["data"]}
        assert {"EigenAI", "OpenRouter", "DeepInfra"} <= providers, providers
        best = http.get("/api/v1/recommend", params={"model": "deepseek/deepseek-v3.1-terminus"}).json()
        assert best["data"] and best["data"][0]["cost_per_request"] > 0
        # `modelwatch api` probes on demand too: one round of the configured probes, stored.
        assert http.post("/api/v1/probe").status_code == 401
        unknown = http.post("/api/v1/probe", headers=admin, json={"probes": ["nope"]})
        assert unknown.status_code == 422 and "unknown probe nope" in unknown.text
        probe = http.post("/api/v1/probe", headers=admin)
        assert probe.status_code == 202, probe.text
        assert probe.json()["detail"]["probes"] == ["replica-health"]
        up = 'modelwatch_probe_up{endpoint_id="",probe="replica-health"} 1.0'
        wait_for(lambda: up in http.get("/metrics").text, timeout_s=TIMEOUT_S, what="the probe's sample")
        assert (
            'modelwatch_crawl_last_run_status{source="openrouter",status="ok"} 1.0'
            in http.get("/metrics").text
        )
    assert api.returncode == 0, api.output()
    err = api.output()
    assert f"catalog API on http://127.0.0.1:{api.port}" in err and "admin routes on" in err
    assert "admin: crawl of everything started" in err and "admin: probe of everything started" in err
    assert "catalog API stopped" in err
    assert TOKEN not in err


def test_api_without_an_admin_token_keeps_the_admin_routes_off(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'modelwatch.db'}"
    make_engine(db_url).dispose()  # the schema, as a writer command leaves it
    env = {k: v for k, v in os.environ.items() if k != "MODELWATCH_ADMIN_TOKEN"}
    with modelwatch_api("--db", db_url, cwd=tmp_path, env=env) as api:
        assert api.http.get("/api/v1/endpoints").json()["total"] == 0
        for route in ("/api/v1/crawl", "/api/v1/probe"):
            off = api.http.post(route, headers={"Authorization": "Bearer anything"})
            assert off.status_code == 403 and "MODELWATCH_ADMIN_TOKEN" in off.json()["detail"], off.text
            anonymous = api.http.post(route)  # no credentials: 401 and the challenge, saying the same
            assert anonymous.status_code == 401 and anonymous.headers["WWW-Authenticate"] == "Bearer"
            assert "MODELWATCH_ADMIN_TOKEN" in anonymous.json()["detail"]
    assert api.returncode == 0, api.output()
    assert "admin routes off (MODELWATCH_ADMIN_TOKEN unset)" in api.output()


@pytest.fixture
def seeded_file(sqlite_url: str) -> str:
    engine: Engine = make_engine(sqlite_url)
    seed(engine)
    engine.dispose()
    return sqlite_url


def test_recommend_command_table_and_json(seeded_file: str, tmp_path: Path) -> None:
    def recommend(*argv: str) -> subprocess.CompletedProcess[str]:
        return modelwatch("--db", seeded_file, "recommend", *argv, cwd=tmp_path)

    ranked_table = recommend("--model", "acme/m1", "--min-context", "150000")
    assert ranked_table.returncode == 0, ranked_table.stderr
    lines = ranked_table.stdout.splitlines()
    assert (
        lines[0] == "acme/m1: 1000 input + 1000 output tokens a request, 1000 requests a day (30000 a month)"
    )
    rows = [line for line in lines[3:] if line[:3].strip().isdigit()]
    ranked = [line.split()[1] for line in rows]
    assert ranked == ["Tiered", "Wide"]
    assert "0.0006" in rows[0] and "18.00 USD" in rows[0]
    # Tiered 0.0006 a request x 30,000 = 18.00; Wide (0.20 + 0.60 per 1M) 0.0008 x 30,000 = 24.00
    assert lines[lines.index(rows[0]) + 1] == "     why: 6 USD a month cheaper than Wide [wide/bf16]"
    assert "  Cheap [cheap/fp8] (acme/m1): context 32768 < 150000 required" in lines
    as_json = recommend("--model", "acme/m1", "--param", "tools", "structured_outputs", "--json")
    assert as_json.returncode == 0, as_json.stderr
    body = json.loads(as_json.stdout)
    assert [r["provider"] for r in body["data"]] == ["Wide"] and body["data"][0]["rank"] == 1
    nothing = recommend("--model", "acme/m1", "--min-context", "5000000")
    assert nothing.returncode == 1 and "no endpoint can do this job" in nothing.stdout
    unknown = recommend("--model", "nobody/nothing")
    assert unknown.returncode == 2 and "no model 'nobody/nothing'" in unknown.stderr
    bad = recommend("--input-tokens", "10", "--cached-input-tokens", "20")
    assert bad.returncode == 2 and bad.stderr.startswith("error: "), bad.stderr


def test_other_commands_are_not_ours() -> None:
    assert (
        run_command(argparse.Namespace(command="crawl"), config=default_config(), db_url="sqlite://") is None
    )


def test_api_thread_for_the_service(seeded_file: str) -> None:
    """`modelwatch run` serves the API on a thread beside its scheduler: /healthz then expects a heartbeat."""
    from pydantic import SecretStr

    from monitor.service.api_server import ApiThread, make_app
    from monitor.settings import Settings

    settings = Settings(admin_token=SecretStr(TOKEN))
    app = make_app(config=default_config(), db_url=seeded_file, settings=settings, expect_scheduler=True)
    server = ApiThread(app, host="127.0.0.1", port=free_port())
    server.start()
    try:
        base = f"http://127.0.0.1:{server.server.config.port}"
        health = httpx.get(f"{base}/healthz", timeout=10)
        assert health.status_code == 503 and health.json()["scheduler"]["expected"] is True  # no beat yet
        listing = httpx.get(f"{base}/api/v1/endpoints", params={"provider": "Cheap"}, timeout=10)
        assert listing.json()["total"] == 1
        probe = httpx.post(f"{base}/api/v1/probe", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)
        assert probe.status_code == 503  # no probe function handed in
    finally:
        server.stop()
    assert not server._thread.is_alive()
