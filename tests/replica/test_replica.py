"""The provider replica over real HTTP on a free loopback port: catalogs, pages, faults, lifecycle."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from aiohttp import web

from replica import faults
from replica.catalog import Catalog, demo_catalog, load_snapshot
from replica.faults import Fault, FaultKind, pattern_matches
from replica.server import ReplicaServer

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
OPENROUTER = SHARED / "fixtures" / "openrouter"
REPO = Path(__file__).resolve().parents[2]
TERMINUS = "deepseek/deepseek-v3.1-terminus"
PAGE_HTML = "<!DOCTYPE html><html><body><h1>DeepSeek V3.1 — €0.27/M</h1></body></html>"


@pytest.fixture(scope="module")
def demo() -> Catalog:
    return demo_catalog()


@pytest.fixture
def server(demo: Catalog, tmp_path: Path) -> Iterator[ReplicaServer]:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "deepseek.html").write_text(PAGE_HTML, encoding="utf-8")
    (tmp_path / "secret.html").write_text("secret", encoding="utf-8")
    with ReplicaServer(demo, pages_dir=pages) as running:
        yield running


@pytest.fixture
def client(server: ReplicaServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=5) as http:
        yield http


@pytest.fixture(scope="module")
def openrouter() -> Path:
    if not OPENROUTER.is_dir():
        pytest.skip(f"../shared/fixtures not found: {OPENROUTER}")
    return OPENROUTER


def endpoints_of(client: httpx.Client, model_id: str) -> list[dict]:
    response = client.get(f"/api/v1/models/{model_id}/endpoints")
    assert response.status_code == 200, response.text
    body = response.json()["data"]
    assert body["id"] == model_id
    return body["endpoints"]


# -- the demo catalog ------------------------------------------------------------------------------------


def test_demo_models_lists_text_models_unless_all_are_asked_for(client: httpx.Client) -> None:
    response = client.get("/api/v1/models")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    ids = [model["id"] for model in response.json()["data"]]
    assert 30 <= len(ids) <= 40
    assert TERMINUS in ids and "openai/text-embedding-3-small" not in ids
    every = [
        m["id"] for m in client.get("/api/v1/models", params={"output_modalities": "all"}).json()["data"]
    ]
    assert set(every) == {*ids, "openai/text-embedding-3-small"}
    embeddings = client.get("/api/v1/models", params={"output_modalities": "embeddings"}).json()["data"]
    assert [m["id"] for m in embeddings] == ["openai/text-embedding-3-small"]
    image = client.get("/api/v1/models", params={"output_modalities": "image"}).json()["data"]
    assert "google/gemini-2.5-flash-image" in [m["id"] for m in image]


def test_demo_terminus_endpoints_carry_the_published_offers(client: httpx.Client) -> None:
    offers = {
        e["tag"]: (
            e["provider_name"],
            e["pricing"]["prompt"],
            e["pricing"]["completion"],
            e["context_length"],
        )
        for e in endpoints_of(client, TERMINUS)
    }
    assert offers == {
        "deepinfra/fp4": ("DeepInfra", "0.00000027", "0.00000095", 163840),
        "novita/fp8": ("Novita", "0.00000027", "0.000001", 131072),
        "atlas-cloud/fp8": ("AtlasCloud", "0.0000003", "0.00000095", 131072),
        "siliconflow/fp8": ("SiliconFlow", "0.00000027", "0.000001", 163840),
    }
    for endpoint in endpoints_of(client, TERMINUS):
        assert set(endpoint["latency_last_30m"]) == {"p50", "p75", "p90", "p99"}
        for key in ("uptime_last_5m", "uptime_last_30m", "uptime_last_1d", "throughput_last_30m", "status"):
            assert key in endpoint
        assert (
            endpoint["quantization"]
            and endpoint["supported_parameters"]
            and endpoint["max_completion_tokens"]
        )


def test_demo_covers_free_cached_variable_and_both_shapes(client: httpx.Client) -> None:
    models = {m["id"]: m for m in client.get("/api/v1/models").json()["data"]}
    free = [mid for mid in models if mid.endswith(":free")]
    assert len(free) >= 3 and all(models[mid]["pricing"]["prompt"] == "0" for mid in free)
    assert models["openrouter/auto"]["pricing"]["prompt"] == "-1"
    assert any(
        "input_cache_read" in m["pricing"] and "input_cache_write" in m["pricing"] for m in models.values()
    )
    assert models[TERMINUS]["pricing"]["input_cache_read"] == "0.00000013"
    shape_2026 = [m for m in models.values() if "links" in m and "knowledge_cutoff" in m]
    shape_2025 = [m for m in models.values() if "links" not in m and m["pricing"].get("request") == "0"]
    assert shape_2026 and shape_2025
    providers = client.get("/api/v1/providers").json()["data"]
    assert 15 <= len(providers) <= 20 and all(p["slug"] and p["name"] for p in providers)


def test_demo_descriptions_are_our_own(demo: Catalog, openrouter: Path) -> None:
    recorded = set()
    for name in ("models-2025-12-02.json", "models-2026-05-22.json"):
        recorded |= {m["description"] for m in json.loads((openrouter / name).read_text())["data"]}
    assert not recorded & {m["description"] for m in demo.models}


@pytest.mark.parametrize(
    ("path", "model_id"),
    [
        ("deepseek/deepseek-chat-v3.1:free", "deepseek/deepseek-chat-v3.1:free"),
        ("deepseek/deepseek-chat-v3.1%3Afree", "deepseek/deepseek-chat-v3.1:free"),
        ("z-ai/glm-4.5-air:free", "z-ai/glm-4.5-air:free"),
        ("openai/text-embedding-3-small", "openai/text-embedding-3-small"),
    ],
)
def test_ids_with_slash_and_colon_route_to_their_endpoints(
    client: httpx.Client, path: str, model_id: str
) -> None:
    response = client.get(f"/api/v1/models/{path}/endpoints")
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["id"] == model_id and data["endpoints"]
    assert {e["model_id"] for e in data["endpoints"]} == {model_id}


def test_unknown_model_and_route_answer_openrouter_errors(client: httpx.Client) -> None:
    response = client.get("/api/v1/models/nobody/nothing:free/endpoints")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == 404
    assert client.get("/api/v1/nothing").json()["error"]["code"] == 404


# -- snapshots ---------------------------------------------------------------------------------------------


def test_snapshot_bodies_are_byte_faithful(openrouter: Path) -> None:
    catalog = load_snapshot(
        models=openrouter / "models-2026-05-22.json",
        endpoints=openrouter / "endpoints-2026-05-18.json",
        providers=openrouter / "providers-2026-05.json",
    )
    recorded = json.loads((openrouter / "endpoints-2026-05-18.json").read_text())
    with ReplicaServer(catalog) as server, httpx.Client(base_url=server.api_url, timeout=5) as http:
        assert http.get("/models").content == (openrouter / "models-2026-05-22.json").read_bytes()
        assert http.get("/providers").content == (openrouter / "providers-2026-05.json").read_bytes()
        for model_id in (TERMINUS, "z-ai/glm-4.5-air:free"):
            response = http.get(f"/models/{model_id}/endpoints")
            assert response.json() == recorded[model_id]
        # in the recording, but without endpoints: the real API's 404
        missing = next(mid for mid in catalog.model_ids if mid not in recorded)
        assert http.get(f"/models/{missing}/endpoints").status_code == 404


def test_snapshot_without_endpoints_answers_empty_lists(openrouter: Path) -> None:
    catalog = load_snapshot(models=openrouter / "models-2025-12-02.json")
    with ReplicaServer(catalog) as server, httpx.Client(base_url=server.api_url, timeout=5) as http:
        data = http.get(f"/models/{TERMINUS}/endpoints").json()["data"]
        assert data["endpoints"] == [] and data["name"] == "DeepSeek: DeepSeek V3.1 Terminus"
        assert set(data) == {"id", "name", "created", "description", "architecture", "endpoints"}
        assert http.get("/models/nobody/nothing/endpoints").status_code == 404
        assert http.get("/providers").json() == {"data": []}


def test_catalog_swap_serves_the_new_snapshot_on_the_same_port(openrouter: Path) -> None:
    old = load_snapshot(models=openrouter / "models-2025-12-02.json")
    new = load_snapshot(models=openrouter / "models-2026-05-22.json")
    with ReplicaServer(old) as server, httpx.Client(base_url=server.api_url, timeout=5) as http:
        url = server.url

        def terminus() -> dict:
            return next(m for m in http.get("/models").json()["data"] if m["id"] == TERMINUS)

        before = terminus()
        assert (before["pricing"]["prompt"], before["pricing"]["request"]) == ("0.00000021", "0")
        server.set_catalog(new)
        after = terminus()
        assert after["pricing"]["prompt"] == "0.00000027" and "request" not in after["pricing"]
        assert "links" in after and server.url == url and server.catalog is new


# -- pages, robots, health, counting, extensions -----------------------------------------------------------


def test_pages_are_served_as_utf8_html(client: httpx.Client, server: ReplicaServer) -> None:
    for path in ("/deepseek.html", "/pages/deepseek.html", "/pages/deepseek"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert response.text == PAGE_HTML
    for path in ("/missing.html", "/pages/../secret.html", "/pages/%2E%2E/secret.html"):
        assert client.get(path).status_code == 404, path
    with ReplicaServer(demo_catalog(), pages_dir=server.state.pages_dir / "absent") as bare:
        assert httpx.get(bare.url + "/deepseek.html").status_code == 404


def test_robots_health_and_request_counts(client: httpx.Client, server: ReplicaServer) -> None:
    assert "Disallow" not in client.get("/robots.txt").text
    server.robots_txt = "User-agent: *\nDisallow: /private/\n"
    assert client.get("/robots.txt").text == "User-agent: *\nDisallow: /private/\n"
    assert client.get("/healthz").json() == {"status": "ok"}
    client.get("/api/v1/models")
    client.get("/api/v1/models")
    client.get("/api/v1/models/deepseek/deepseek-chat-v3.1:free/endpoints")
    counts = server.requests
    assert counts["/api/v1/models"] == 2 and counts["/robots.txt"] == 2
    assert counts["/api/v1/models/deepseek/deepseek-chat-v3.1:free/endpoints"] == 1
    server.reset_requests()
    assert server.requests == {}


def test_extensions_add_routes_that_faults_also_reach(demo: Catalog) -> None:
    async def chat(request: web.Request) -> web.Response:
        return web.json_response({"model": request.match_info["model"]})

    def add_chat(app: web.Application) -> None:
        app.router.add_post("/v1/chat/{model:.+}", chat)

    with ReplicaServer(demo, extensions=[add_chat]) as server, httpx.Client(base_url=server.url) as http:
        assert http.post("/v1/chat/a/b:free").json() == {"model": "a/b:free"}
        server.set_fault("/v1/chat/", faults.status(503))
        assert http.post("/v1/chat/a/b").status_code == 503


# -- faults ------------------------------------------------------------------------------------------------


def test_status_faults_answer_with_error_bodies_and_retry_after(
    client: httpx.Client, server: ReplicaServer
) -> None:
    server.set_fault("/api/v1/models", faults.status(500))
    response = client.get("/api/v1/models")
    assert response.status_code == 500 and response.json()["error"]["code"] == 500
    server.set_fault("/api/v1/providers", faults.status(429, retry_after=7))
    response = client.get("/api/v1/providers")
    assert response.status_code == 429 and response.headers["retry-after"] == "7"
    server.set_fault("/deepseek.html", faults.status(404, body="gone"))
    assert (client.get("/deepseek.html").status_code, client.get("/deepseek.html").text) == (404, "gone")
    server.clear_faults()
    assert client.get("/api/v1/models").status_code == 200


def test_truncated_and_malformed_json_fail_to_parse(client: httpx.Client, server: ReplicaServer) -> None:
    whole = client.get("/api/v1/providers").content
    server.set_fault("/api/v1/providers", faults.truncated_json())
    cut = client.get("/api/v1/providers")
    assert cut.status_code == 200 and whole.startswith(cut.content) and 0 < len(cut.content) < len(whole)
    with pytest.raises(json.JSONDecodeError):
        json.loads(cut.content)
    server.set_fault("/api/v1/models", faults.malformed_json())
    garbage = client.get("/api/v1/models")
    assert garbage.status_code == 200 and garbage.headers["content-type"].startswith("application/json")
    with pytest.raises(ValueError):
        garbage.json()


def test_hang_times_out_the_client_and_slow_answers_late(client: httpx.Client, server: ReplicaServer) -> None:
    server.set_fault("/api/v1/models", faults.hang())
    with pytest.raises(httpx.ReadTimeout):
        client.get("/api/v1/models", timeout=0.3)
    server.set_fault("/api/v1/providers", faults.slow(0.3))
    started = time.monotonic()
    response = client.get("/api/v1/providers")
    assert time.monotonic() - started >= 0.3 and response.json()["data"]
    assert client.get("/healthz").status_code == 200


def test_oversized_bodies_stream_past_the_limit(client: httpx.Client, server: ReplicaServer) -> None:
    server.set_fault("/api/v1/models", faults.oversized(300_000))
    response = client.get("/api/v1/models")
    assert len(response.content) > 300_000 and "content-length" not in response.headers
    assert json.loads(response.content)["data"]
    server.set_fault("*.html", faults.oversized(50_000))
    page = client.get("/deepseek.html")
    assert len(page.content) > 50_000 and page.text.startswith("<!DOCTYPE html>")
    assert page.text.rstrip().endswith("</html>")


def test_reset_drops_the_connection_without_an_answer(client: httpx.Client, server: ReplicaServer) -> None:
    server.set_fault("/api/v1/models/*/endpoints", faults.reset())
    with pytest.raises(httpx.TransportError):
        client.get(f"/api/v1/models/{TERMINUS}/endpoints")
    assert client.get("/api/v1/models").status_code == 200


def test_html_fault_replaces_the_body(client: httpx.Client, server: ReplicaServer) -> None:
    server.set_fault("/api/v1/", faults.html("<html><body>Just a moment...</body></html>"))
    response = client.get("/api/v1/models")
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.text == "<html><body>Just a moment...</body></html>"


def test_faults_with_times_clear_themselves(client: httpx.Client, server: ReplicaServer) -> None:
    server.set_fault("/api/v1/models", faults.status(503, times=2))
    codes = [client.get("/api/v1/models").status_code for _ in range(3)]
    assert codes == [503, 503, 200]
    assert server.state.faults.active() == {}
    assert server.requests["/api/v1/models"] == 3


def test_glob_faults_match_whole_paths_and_newest_pattern_wins(
    client: httpx.Client, server: ReplicaServer
) -> None:
    server.set_fault("/api/v1/models/deepseek/*", faults.status(502))
    server.set_fault("/api/v1/models/deepseek/deepseek-chat-v3.1:free/*", faults.status(504))
    assert client.get(f"/api/v1/models/{TERMINUS}/endpoints").status_code == 502
    assert client.get("/api/v1/models/deepseek/deepseek-chat-v3.1:free/endpoints").status_code == 504
    assert client.get("/api/v1/models/z-ai/glm-4.5-air:free/endpoints").status_code == 200
    assert client.get("/api/v1/models").status_code == 200
    server.clear_faults("/api/v1/models/deepseek/*")
    assert client.get(f"/api/v1/models/{TERMINUS}/endpoints").status_code == 200


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("/api/v1/models", "/api/v1/models", True),
        ("/api/v1/models", "/api/v1/models/a/b/endpoints", True),
        ("/api/v1/models", "/api/v1/providers", False),
        ("*/endpoints", "/api/v1/models/a/b:free/endpoints", True),
        ("*.html", "/pages/x", False),
        ("/pages/[dx]*", "/pages/deepseek", True),
    ],
)
def test_pattern_matching(pattern: str, path: str, matches: bool) -> None:
    assert pattern_matches(pattern, path) is matches


def test_fault_times_must_be_positive() -> None:
    with pytest.raises(ValueError):
        Fault(FaultKind.HANG, times=0)


# -- lifecycle ---------------------------------------------------------------------------------------------


def test_stop_returns_promptly_with_a_hanging_request_open(demo: Catalog) -> None:
    server = ReplicaServer(demo).start()
    server.set_fault("/api/v1/models", faults.hang())
    errors: list[BaseException] = []

    def fetch() -> None:
        with httpx.Client(timeout=30) as http:
            try:
                http.get(server.api_url + "/models")
            except httpx.HTTPError as exc:
                errors.append(exc)

    worker = threading.Thread(target=fetch)
    worker.start()
    deadline = time.monotonic() + 5
    while server.requests["/api/v1/models"] == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.requests["/api/v1/models"] == 1
    started = time.monotonic()
    server.stop()
    # Promptly: the server gives requests in flight 0.5 s (its shutdown_timeout), then cuts them; the old
    # bound (1 s) is a quiet machine's, 4.5 s a loaded one's, still under the 5 s after which stop's own
    # waits give up.
    assert time.monotonic() - started < 4.5
    worker.join(timeout=5)
    assert not worker.is_alive() and errors
    server.stop()  # twice is harmless
    with pytest.raises(httpx.ConnectError), httpx.Client() as http:
        http.get(server.url + "/healthz")


def test_start_on_a_busy_port_raises_and_cleans_up(server: ReplicaServer, demo: Catalog) -> None:
    second = ReplicaServer(demo, port=server.port)
    with pytest.raises(OSError):
        second.start()
    second.stop()


def test_command_line_serves_until_sigterm(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-m", "replica", "--port", "0", "--demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        url = line.split(" at ", 1)[1].split()[0]
        assert httpx.get(url + "/api/v1/models", timeout=5).status_code == 200
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
        assert "stopped" in process.stdout.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def test_command_line_rejects_endpoints_without_models() -> None:
    from replica.__main__ import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--endpoints", "endpoints.json"])
    assert exit_info.value.code == 2
