"""API keys never reach the database, a log line, an error message or an answer.

Probes run with known keys (a right one, and a wrong one the replica refuses), through the CLI as a user
runs it, at debug level, in one-shot rounds and in the service; then every byte of output, of the
database files and of the catalog API's answers is searched for the keys.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from replica.catalog import demo_catalog
from replica.chat.behaviour import ChatBehaviour, ChatFailure
from replica.chat.table import ChatTable
from replica.server import ReplicaServer
from tests.monitor.cli.test_cli import service_env

RIGHT_KEY = "sk-mwtest-RIGHT-5f0c2a9e7d1b4c38a6e2"
WRONG_KEY = "sk-mwtest-WRONG-93b1d7c4e8a2f6051bd9"
TIMEOUT = 120


@pytest.fixture
def keyed_replica() -> Iterator[ReplicaServer]:
    table = ChatTable(api_key=RIGHT_KEY)
    table.set_behaviour("failing-model", ChatBehaviour(ttft_ms=10, failure=500))
    table.set_behaviour("broken-stream", ChatBehaviour(ttft_ms=10, failure=ChatFailure.ERROR_CHUNK))
    with ReplicaServer(demo_catalog(), chat=table) as server:
        yield server


def config(url: str) -> str:
    probes = [
        ("right-openai", "openai", "/api/v1/chat/completions", "deepseek/deepseek-v3.1-terminus", "MW_RIGHT"),
        ("right-eigenai", "eigenai", "/api/v1/generate/stream", "deepseek-v31-terminus", "MW_RIGHT"),
        ("wrong-key", "openai", "/api/v1/chat/completions", "deepseek/deepseek-v3.1-terminus", "MW_WRONG"),
        ("server-error", "openai", "/api/v1/chat/completions", "failing-model", "MW_RIGHT"),
        ("stream-error", "openai", "/api/v1/chat/completions", "broken-stream", "MW_RIGHT"),
    ]
    text = f"""
[[sources]]
name = "openrouter"
kind = "openrouter"
base_url = "{url}/api/v1"
every = "1h"
"""
    for name, protocol, path, model, env in probes:
        text += f"""
[[probes]]
name = "{name}"
protocol = "{protocol}"
url = "{url}{path}"
model = "{model}"
api_key_env = "{env}"
every = "1s"
timeout = "5s"
"""
    return text


def run_cli(*args: str, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=env,
    )
    return done.stdout + done.stderr


def test_keys_never_reach_the_database_logs_or_messages(keyed_replica: ReplicaServer, tmp_path: Path) -> None:
    (tmp_path / "modelwatch.toml").write_text(config(keyed_replica.url), encoding="utf-8")
    db = tmp_path / "secrets.db"
    env = {**os.environ, "MW_RIGHT": RIGHT_KEY, "MW_WRONG": WRONG_KEY, "MODELWATCH_DB_URL": f"sqlite:///{db}"}
    outputs = [
        run_cli("-v", "crawl", cwd=tmp_path, env=env),
        run_cli("-v", "probe", cwd=tmp_path, env=env),
        run_cli("-v", "probe", "--json", cwd=tmp_path, env=env),
    ]
    # the probes really ran with the keys: the right one passes, the wrong one is refused
    assert '"endpoint": "right-openai"' in outputs[2]
    assert outputs[2].count('"error_class": "client_error"') == 1  # wrong-key, refused with 401
    assert '"error_class": "http_5xx"' in outputs[2] and '"error_class": "stream_error"' in outputs[2]

    # and once as the service, at debug level, until two rounds have been logged
    with subprocess.Popen(
        [sys.executable, "-m", "monitor", "-v", "run"],
        cwd=tmp_path,
        env={**env, **{k: v for k, v in service_env().items() if k.endswith("_PORT")}},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as service:
        assert service.stdout is not None
        lines: list[str] = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and sum("probe round" in line for line in lines) < 2:
            line = service.stdout.readline()
            if not line:
                break
            lines.append(line)
        service.send_signal(signal.SIGTERM)
        rest, _ = service.communicate(timeout=60)
        outputs.append("".join(lines) + rest)
    assert sum("probe round" in line for line in lines) >= 2, "".join(lines)

    # every read route of the API over that database (and the metrics and the feed)
    outputs.append(api_answers(f"sqlite:///{db}"))

    for output in outputs:
        for key in (RIGHT_KEY, WRONG_KEY):
            assert key not in output
            assert key[-12:] not in output  # not even a tail of it
    files = [path for path in tmp_path.iterdir() if path.name.startswith("secrets.db")]
    assert files
    for path in files:
        data = path.read_bytes()
        for key in (RIGHT_KEY, WRONG_KEY):
            assert key.encode() not in data, path.name
            assert key[-12:].encode() not in data, path.name


def api_answers(db_url: str) -> str:
    """The text of every read answer of the catalog API over `db_url`, following the ids it lists."""
    from api import create_app
    from tests.api.client import TestClient

    answers = []
    with TestClient(create_app(db_url=db_url, background_refresh=False)) as client:
        paths = ["/api/v1/endpoints?limit=1000", "/api/v1/models?limit=1000", "/api/v1/changes?limit=1000"]
        paths += ["/api/v1/changes.atom", "/metrics", "/healthz", "/api/v1/recommend", "/openapi.json"]
        for path in paths:
            answer = client.get(path)
            assert answer.status_code == 200, (path, answer.text[:200])
            answers.append(answer.text)
        for endpoint in client.get("/api/v1/endpoints?limit=1000").json()["data"]:
            for tail in ("", "/prices", "/probes"):
                answer = client.get(f"/api/v1/endpoints/{endpoint['id']}{tail}")
                assert answer.status_code == 200
                answers.append(answer.text)
    return "\n".join(answers)
