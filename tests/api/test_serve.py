"""`modelwatch api` as a user runs it: uvicorn on a free loopback port in its own process, over a SQLite
file; a crawl of the provider replica started through the admin route; SIGTERM stops it cleanly.
And `modelwatch recommend`, table and JSON."""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.engine import Engine

from db.engine import make_engine
from monitor.api_commands import add_commands, run_command
from monitor.config import default_config
from tests.api.seed import seed

REPO = Path(__file__).resolve().parents[2]
TOKEN = "serve-test-token-91"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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


LAUNCHER = textwrap.dedent(
    """
    import argparse, logging, sys
    from monitor.api_commands import add_commands, run_command
    from monitor.demo import demo_config

    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"))
    replica_url, db_url, port = sys.argv[1:4]
    args = parser.parse_args(["api", "--port", port])
    sys.exit(run_command(args, config=demo_config(replica_url), db_url=db_url))
    """
)


def test_api_process_serves_crawls_on_demand_and_stops_on_sigterm(replica: Any, tmp_path: Path) -> None:
    port = free_port()
    db_url = f"sqlite:///{tmp_path / 'modelwatch.db'}"
    env = {**os.environ, "MODELWATCH_ADMIN_TOKEN": TOKEN, "MODELWATCH_API_HOST": "127.0.0.1"}
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, replica.url, db_url, str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=10) as http:
            wait_for(lambda: http.get("/healthz").status_code == 200, timeout_s=30, what="the API answering")
            assert http.get("/api/v1/endpoints").json()["total"] == 0
            assert http.post("/api/v1/crawl").status_code == 401
            started = http.post("/api/v1/crawl", headers={"Authorization": f"Bearer {TOKEN}"})
            assert started.status_code == 202, started.text
            assert started.json()["detail"]["sources"] == ["openrouter", "eigenai"]
            listed = wait_for(
                lambda: http.get("/api/v1/endpoints", params={"model": "deepseek-v31-terminus"}).json()[
                    "total"
                ],
                timeout_s=90,
                what="the crawl's endpoints",
            )
            assert listed
            best = http.get("/api/v1/recommend", params={"model": "deepseek/deepseek-v3.1-terminus"}).json()
            assert best["data"] and best["data"][0]["cost_per_request"] > 0
            probe = http.post("/api/v1/probe", headers={"Authorization": f"Bearer {TOKEN}"})
            assert probe.status_code == 503  # `modelwatch api` alone does not probe
            assert "modelwatch_crawl_last_run_status" in http.get("/metrics").text
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "admin: crawl of everything started" in err
    assert TOKEN not in err


@pytest.fixture
def seeded_file(sqlite_url: str) -> str:
    engine: Engine = make_engine(sqlite_url)
    seed(engine)
    engine.dispose()
    return sqlite_url


def recommend_cli(db_url: str, *argv: str) -> int | None:
    parser = argparse.ArgumentParser()
    add_commands(parser.add_subparsers(dest="command"))
    return run_command(parser.parse_args(["recommend", *argv]), config=default_config(), db_url=db_url)


def test_recommend_command_table_and_json(seeded_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert recommend_cli(seeded_file, "--model", "acme/m1", "--min-context", "150000") == 0
    table = capsys.readouterr().out
    lines = table.splitlines()
    assert lines[0] == "acme/m1: 1000 input + 1000 output tokens a request, 1000 requests a day"
    ranked = [line.split()[1] for line in lines[3:5]]
    assert ranked == ["Tiered", "Wide"]
    assert "0.0006" in lines[3] and "18.00 USD" in lines[3]
    assert "  Cheap [cheap/fp8] (acme/m1): context 32768 < 150000 required" in lines
    assert (
        recommend_cli(seeded_file, "--model", "acme/m1", "--param", "tools", "structured_outputs", "--json")
        == 0
    )
    body = json.loads(capsys.readouterr().out)
    assert [r["provider"] for r in body["data"]] == ["Wide"] and body["data"][0]["rank"] == 1
    assert recommend_cli(seeded_file, "--model", "acme/m1", "--min-context", "5000000") == 1
    assert "no endpoint can do this job" in capsys.readouterr().out
    assert recommend_cli(seeded_file, "--model", "nobody/nothing") == 2
    assert "no model 'nobody/nothing'" in capsys.readouterr().err
    assert recommend_cli(seeded_file, "--input-tokens", "10", "--cached-input-tokens", "20") == 2


def test_other_commands_are_not_ours() -> None:
    assert (
        run_command(argparse.Namespace(command="crawl"), config=default_config(), db_url="sqlite://") is None
    )


def test_api_thread_for_the_service(seeded_file: str) -> None:
    """`modelwatch run` serves the API on a thread beside its scheduler: /healthz then expects a heartbeat."""
    from pydantic import SecretStr

    from monitor.api_commands import ApiThread, make_app
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
