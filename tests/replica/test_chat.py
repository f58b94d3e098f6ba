"""The replica's simulated chat endpoints over real HTTP on a free loopback port."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from replica.catalog import demo_catalog
from replica.chat.behaviour import ChatBehaviour, ChatFailure
from replica.chat.table import ChatRecord, ChatTable
from replica.server import ReplicaServer

REPO = Path(__file__).resolve().parents[2]
MODEL = "deepseek/deepseek-v3.1-terminus"
MESSAGES = [{"role": "user", "content": "Say OK."}]


@pytest.fixture
def server() -> Iterator[ReplicaServer]:
    with ReplicaServer(demo_catalog()) as running:
        running.chat.set_default(ChatBehaviour(ttft_ms=30, tokens_per_s=500, output_tokens=5))
        yield running


@pytest.fixture
def http(server: ReplicaServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.api_url, timeout=5) as client:
        yield client


def chat(http: httpx.Client, *, stream: bool, **body: object) -> httpx.Response:
    return http.post(
        "/chat/completions", json={"model": MODEL, "messages": MESSAGES, "stream": stream, **body}
    )


def sse_lines(response: httpx.Response) -> list[str]:
    return [line for line in response.text.split("\n") if line]


def answered(server: ReplicaServer, count: int = 1, timeout_s: float = 10.0) -> list[ChatRecord]:
    """The replica's records once `count` answers are recorded: a handler records its answer after the
    last byte is written, so a client that read to the end may ask a moment before it is there."""
    deadline = time.monotonic() + timeout_s
    while len(records := server.chat.records()) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(records) >= count, f"{len(records)} answers recorded, {count} expected"
    return records


def data_of(lines: list[str]) -> list[dict]:
    return [json.loads(line[6:]) for line in lines if line.startswith("data: {")]


def deltas(chunks: list[dict]) -> list[dict]:
    return [c["choices"][0]["delta"] for c in chunks if c.get("choices")]


# -- shapes --------------------------------------------------------------------------------------------


def test_stream_opens_like_openrouter_and_ends_with_usage_and_done(http: httpx.Client) -> None:
    response = chat(http, stream=True)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/event-stream"
    lines = sse_lines(response)
    assert lines[0] == ": OPENROUTER PROCESSING"
    chunks = data_of(lines)
    assert deltas(chunks)[0] == {"role": "assistant", "content": ""}
    contents = [d["content"] for d in deltas(chunks)[1:] if d.get("content")]
    assert len(contents) == 5
    last = chunks[-1]
    assert last["choices"][0]["finish_reason"] == "stop"
    assert last["usage"]["completion_tokens"] == 5 and last["usage"]["prompt_tokens"] >= 1
    assert lines[-1] == "data: [DONE]"
    assert {c["model"] for c in chunks} == {MODEL} and {c["object"] for c in chunks} == {
        "chat.completion.chunk"
    }


def test_json_completion_carries_the_text_and_usage(http: httpx.Client) -> None:
    response = chat(http, stream=False)
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["object"] == "chat.completion"
    assert body["choices"][0]["message"]["content"] == "OK. The replica says"
    assert body["choices"][0]["finish_reason"] == "stop"
    assert body["usage"]["completion_tokens"] == 5


def test_max_tokens_cuts_the_answer_with_finish_reason_length(http: httpx.Client) -> None:
    chunks = data_of(sse_lines(chat(http, stream=True, max_tokens=2)))
    assert chunks[-1]["choices"][0]["finish_reason"] == "length"
    assert chunks[-1]["usage"]["completion_tokens"] == 2
    assert chat(http, stream=False, max_tokens=3).json()["usage"]["completion_tokens"] == 3


def test_eigenai_generate_answers_json_and_generate_stream_answers_sse(http: httpx.Client) -> None:
    body = {"model": "deepseek-v31-terminus", "messages": MESSAGES, "max_tokens": 4}
    plain = http.post("/generate", json={**body, "stream": True})  # /generate is always JSON
    assert plain.headers["content-type"].startswith("application/json")
    assert plain.json()["usage"]["completion_tokens"] == 4
    streamed = http.post("/generate/stream", json=body)
    assert streamed.headers["content-type"] == "text/event-stream"
    assert sse_lines(streamed)[-1] == "data: [DONE]"
    as_json = http.post("/generate/stream", json={**body, "stream": False})
    assert as_json.json()["choices"][0]["message"]["content"]


def test_reasoning_tokens_come_first_in_their_own_field(server: ReplicaServer, http: httpx.Client) -> None:
    server.chat.set_behaviour(MODEL, ChatBehaviour(ttft_ms=0, output_tokens=2, reasoning_tokens=3))
    found = [
        d
        for d in deltas(data_of(sse_lines(chat(http, stream=True))))
        if d.get("reasoning") or d.get("content")
    ]
    assert [("reasoning" in d, "content" in d) for d in found] == [(True, False)] * 3 + [(False, True)] * 2
    server.chat.set_behaviour(
        MODEL,
        ChatBehaviour(ttft_ms=0, output_tokens=1, reasoning_tokens=1, reasoning_field="reasoning_content"),
    )
    assert chat(http, stream=False).json()["choices"][0]["message"]["reasoning_content"]


def test_bad_requests_answer_400(http: httpx.Client) -> None:
    response = http.post("/chat/completions", content=b"{not json")
    assert response.status_code == 400 and response.json()["error"]["code"] == 400
    assert http.post("/chat/completions", json={"messages": MESSAGES}).status_code == 400
    assert http.post("/generate", json=["model"]).status_code == 400


# -- timing --------------------------------------------------------------------------------------------


def test_first_token_and_pace_follow_the_behaviour(server: ReplicaServer, http: httpx.Client) -> None:
    # Tokens 100 ms apart, so that pacing (5 gaps: 500 ms) tells from a burst (0 ms) with room to spare for
    # a loaded machine, which delays what it writes and reads by tens, at times hundreds, of milliseconds.
    server.chat.set_behaviour(MODEL, ChatBehaviour(ttft_ms=150, tokens_per_s=10, output_tokens=6))
    arrivals: list[float] = []
    started = time.perf_counter()
    with http.stream(
        "POST", "/chat/completions", json={"model": MODEL, "messages": MESSAGES, "stream": True}
    ) as r:
        for line in r.iter_lines():
            if '"content":"' in line and '"content":""' not in line:
                arrivals.append((time.perf_counter() - started) * 1000)
    record = answered(server)[-1]
    assert record.tokens == 6 and record.ttft_ms is not None and len(arrivals) == 6
    # Written no earlier than asked (a delay only makes things later), and not much later.
    assert 150 <= record.ttft_ms < 150 + 300
    assert arrivals[0] >= 150 and arrivals[-1] >= 150 + 500  # the sixth token is not sent before its time
    assert 500 - 300 < arrivals[-1] - arrivals[0] < 500 + 300  # 5 gaps of 100 ms on one schedule


def test_json_answer_arrives_after_the_whole_generation(server: ReplicaServer, http: httpx.Client) -> None:
    server.chat.set_behaviour(MODEL, ChatBehaviour(ttft_ms=100, tokens_per_s=50, output_tokens=6))
    started = time.perf_counter()
    chat(http, stream=False)
    assert time.perf_counter() - started >= 0.1 + 5 / 50


def test_keepalive_comments_while_waiting_for_a_slow_first_token(
    server: ReplicaServer, http: httpx.Client
) -> None:
    server.chat.set_behaviour(MODEL, ChatBehaviour(ttft_ms=260, keepalive_s=0.05, output_tokens=1))
    lines = sse_lines(chat(http, stream=True))
    first_data = next(
        i for i, line in enumerate(lines) if line.startswith("data: {") and '"content":"OK"' in line
    )
    assert lines[:first_data].count(": OPENROUTER PROCESSING") >= 5


# -- lookup, keys, schedules ---------------------------------------------------------------------------


def test_provider_pinning_picks_the_tagged_behaviour(server: ReplicaServer, http: httpx.Client) -> None:
    server.chat.set_behaviour(MODEL, ChatBehaviour(ttft_ms=0, failure=503))
    server.chat.set_behaviour(MODEL, ChatBehaviour(ttft_ms=0, output_tokens=2), tag="deepinfra/fp4")

    def pinned(tag: str) -> int:
        return chat(http, stream=False, provider={"order": [tag], "allow_fallbacks": False}).status_code

    assert pinned("deepinfra/fp4") == 200
    assert pinned("novita/fp8") == 503  # no behaviour of its own: the model's
    assert chat(http, stream=False).status_code == 503
    assert (
        http.post("/chat/completions", json={"model": "other/model", "messages": MESSAGES}).status_code == 200
    )
    assert server.chat.request_count(MODEL, "deepinfra/fp4") == 1
    assert answered(server)[0].tag == "deepinfra/fp4"
    server.chat.clear(MODEL)
    assert chat(http, stream=False).status_code == 200


def test_api_key_is_checked_when_set(server: ReplicaServer, http: httpx.Client) -> None:
    server.chat.api_key = "sk-table"
    assert chat(http, stream=False).status_code == 401
    assert chat(http, stream=False).json()["error"]["code"] == 401
    assert (
        http.post(
            "/chat/completions", json={"model": MODEL}, headers={"Authorization": "Bearer sk-wrong"}
        ).status_code
        == 401
    )
    assert (
        http.post(
            "/chat/completions", json={"model": MODEL}, headers={"Authorization": "Bearer sk-table"}
        ).status_code
        == 200
    )
    server.chat.set_behaviour(MODEL, ChatBehaviour(ttft_ms=0, api_key="sk-own"))
    assert (
        http.post("/generate", json={"model": MODEL}, headers={"Authorization": "Bearer sk-own"}).status_code
        == 200
    )


def test_fail_every_and_fail_when_schedule_failures() -> None:
    now = [datetime(2026, 1, 1, 10, 0, tzinfo=UTC)]
    table = ChatTable(ChatBehaviour(ttft_ms=0, output_tokens=1), clock=lambda: now[0])
    table.set_behaviour("every", ChatBehaviour(ttft_ms=0, output_tokens=1, failure=500, fail_every=3))
    window = ChatBehaviour(ttft_ms=0, output_tokens=1, failure=503, fail_when=lambda t: t.minute < 5)
    table.set_behaviour("window", window)
    with ReplicaServer(demo_catalog(), chat=table) as server, httpx.Client(base_url=server.api_url) as http:
        assert server.chat is table
        codes = [http.post("/generate", json={"model": "every"}).status_code for _ in range(6)]
        assert codes == [200, 200, 500, 200, 200, 500]
        assert http.post("/generate", json={"model": "window"}).status_code == 503
        now[0] = now[0].replace(minute=7)
        assert http.post("/generate", json={"model": "window"}).status_code == 200


def test_behaviours_validate_their_values() -> None:
    assert ChatBehaviour(failure="hang").failure is ChatFailure.HANG  # type: ignore[arg-type]
    for bad in ({"failure": 200}, {"fail_every": 0}, {"tokens_per_s": 0}, {"ttft_ms": -1}):
        with pytest.raises(ValueError):
            ChatBehaviour(**bad)  # type: ignore[arg-type]


# -- failures ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", [500, 502, 400, 401, 402])
def test_status_failures_answer_openrouter_errors(
    server: ReplicaServer, http: httpx.Client, code: int
) -> None:
    server.chat.set_behaviour(MODEL, ChatBehaviour(failure=code))
    for stream in (True, False):
        response = chat(http, stream=stream)
        assert response.status_code == code and response.json()["error"]["code"] == code
        assert "retry-after" not in response.headers


def test_429_sends_retry_after_in_seconds_or_as_a_date(server: ReplicaServer, http: httpx.Client) -> None:
    server.chat.set_behaviour(MODEL, ChatBehaviour(failure=429, retry_after_s=2))
    response = chat(http, stream=True)
    assert (response.status_code, response.headers["retry-after"]) == (429, "2")
    server.chat.set_behaviour(
        MODEL, ChatBehaviour(failure=429, retry_after_s="Wed, 21 Oct 2026 07:28:00 GMT")
    )
    assert chat(http, stream=False).headers["retry-after"] == "Wed, 21 Oct 2026 07:28:00 GMT"


def test_reset_drops_the_connection_before_any_answer(server: ReplicaServer, http: httpx.Client) -> None:
    server.chat.set_behaviour(MODEL, ChatBehaviour(failure=ChatFailure.RESET))
    with pytest.raises(httpx.TransportError):
        chat(http, stream=True)


def test_hang_is_released_when_the_server_stops() -> None:
    server = ReplicaServer(demo_catalog()).start()
    server.chat.set_default(ChatBehaviour(failure=ChatFailure.HANG))
    errors: list[BaseException] = []

    def ask() -> None:
        with httpx.Client(timeout=30) as client:
            try:
                client.post(server.api_url + "/chat/completions", json={"model": MODEL, "stream": True})
            except httpx.HTTPError as exc:
                errors.append(exc)

    worker = threading.Thread(target=ask)
    worker.start()
    deadline = time.monotonic() + 5
    while server.chat.request_count(MODEL) == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    server.stop()
    # Promptly: the server gives requests in flight 0.5 s (its shutdown_timeout), then cuts them; the old
    # bound (1.5 s) is a quiet machine's, 4.5 s a loaded one's, still under the 5 s after which stop's own
    # waits give up.
    assert time.monotonic() - started < 4.5
    worker.join(timeout=5)
    assert not worker.is_alive() and errors


def test_mid_stream_errors_come_after_some_tokens(server: ReplicaServer, http: httpx.Client) -> None:
    server.chat.set_behaviour(
        MODEL, ChatBehaviour(failure=ChatFailure.ERROR_CHUNK, after_tokens=2, ttft_ms=0)
    )
    chunks = data_of(sse_lines(chat(http, stream=True)))
    assert len([d for d in deltas(chunks) if d.get("content")]) == 2
    assert chunks[-1]["error"]["code"] == 502 and "choices" not in chunks[-1]
    assert chat(http, stream=False).json()["error"]["code"] == 502

    server.chat.set_behaviour(
        MODEL, ChatBehaviour(failure=ChatFailure.FINISH_ERROR, after_tokens=1, ttft_ms=0)
    )
    chunks = data_of(sse_lines(chat(http, stream=True)))
    assert chunks[-1]["choices"][0]["finish_reason"] == "error" and "error" not in chunks[-1]
    assert chat(http, stream=False).json()["choices"][0]["finish_reason"] == "error"


def test_reset_mid_stream_breaks_the_body_after_http_200(server: ReplicaServer, http: httpx.Client) -> None:
    behaviour = ChatBehaviour(failure=ChatFailure.RESET_MID_STREAM, after_tokens=2, ttft_ms=0)
    server.chat.set_behaviour(MODEL, behaviour)
    for stream in (True, False):
        statuses: list[int] = []
        received = b""
        body = {"model": MODEL, "stream": stream}
        with (
            pytest.raises(httpx.TransportError),
            http.stream("POST", "/chat/completions", json=body) as response,
        ):
            statuses.append(response.status_code)
            for chunk in response.iter_bytes():
                received += chunk
        assert statuses == [200]
        assert received.count(b'"content":"') >= (3 if stream else 0)  # the role delta and two tokens


def test_malformed_stream_and_body(server: ReplicaServer, http: httpx.Client) -> None:
    server.chat.set_behaviour(MODEL, ChatBehaviour(failure=ChatFailure.MALFORMED, after_tokens=1, ttft_ms=0))
    lines = sse_lines(chat(http, stream=True))
    with pytest.raises(ValueError):
        [json.loads(line[6:]) for line in lines if line.startswith("data: ")]
    with pytest.raises(ValueError):
        chat(http, stream=False).json()


def test_endless_and_stalled_streams_never_finish(server: ReplicaServer) -> None:
    async def read_for(
        seconds: float, model: str, stream: bool, enough: bytes = b"", times: int = 0
    ) -> bytes:
        """What arrives within `seconds`, or until `enough` has come `times` times (a loaded machine is
        slow: the checks count what arrived, not how fast)."""
        received = b""
        async with httpx.AsyncClient(base_url=server.api_url) as client:
            try:
                async with asyncio.timeout(seconds):
                    body = {"model": model, "stream": stream}
                    async with client.stream("POST", "/chat/completions", json=body) as response:
                        async for chunk in response.aiter_bytes():
                            received += chunk
                            if times and received.count(enough) >= times:
                                return received
            except TimeoutError:
                return received
        raise AssertionError("the answer finished")

    server.chat.set_behaviour(
        "endless", ChatBehaviour(failure=ChatFailure.ENDLESS, ttft_ms=0, output_tokens=2)
    )
    server.chat.set_behaviour(
        "stall", ChatBehaviour(failure="stall", ttft_ms=0, after_tokens=1, keepalive_s=0.05)
    )  # type: ignore[arg-type]
    # far more tokens than output_tokens=2, and no end
    endless = asyncio.run(read_for(10, "endless", True, b'"content":"', 12))
    assert endless.count(b'"content":"') >= 12 and b"[DONE]" not in endless
    stalled = asyncio.run(read_for(10, "stall", True, b": OPENROUTER PROCESSING", 5))
    assert (
        stalled.count(b'"content":"') == 2 and stalled.count(b": OPENROUTER PROCESSING") >= 5
    )  # role + 1 token, then only keep-alives
    assert b"[DONE]" not in stalled
    assert asyncio.run(read_for(1.0, "endless", False)).startswith(b'{"id":"gen-endless"')
    assert asyncio.run(read_for(1.0, "stall", False)) == b" "


def test_oversized_and_empty_answers(server: ReplicaServer, http: httpx.Client) -> None:
    server.chat.set_behaviour(
        MODEL, ChatBehaviour(failure=ChatFailure.OVERSIZED, oversized_bytes=300_000, ttft_ms=0)
    )
    assert len(chat(http, stream=True).content) > 300_000
    assert len(chat(http, stream=False).content) > 300_000
    server.chat.set_behaviour(MODEL, ChatBehaviour(failure=ChatFailure.EMPTY, ttft_ms=0))
    chunks = data_of(sse_lines(chat(http, stream=True)))
    assert (
        not [d for d in deltas(chunks) if d.get("content")] and chunks[-1]["usage"]["completion_tokens"] == 0
    )
    assert chat(http, stream=False).json()["choices"][0]["message"]["content"] == ""


def test_usage_can_be_left_out(server: ReplicaServer, http: httpx.Client) -> None:
    server.chat.set_behaviour(MODEL, ChatBehaviour(ttft_ms=0, usage=False))
    assert "usage" not in data_of(sse_lines(chat(http, stream=True)))[-1]
    assert "usage" not in chat(http, stream=False).json()


# -- load ----------------------------------------------------------------------------------------------


def test_many_distinct_endpoints_at_once(server: ReplicaServer) -> None:
    server.chat.set_default(ChatBehaviour(ttft_ms=50, tokens_per_s=200, output_tokens=5))

    async def ask_all() -> list[int]:
        # 100 at once through 10 clients: one httpx pool of 100 connections costs seconds of CPU itself.
        clients = [httpx.AsyncClient(base_url=server.api_url, timeout=10) for _ in range(10)]
        gates = [asyncio.Semaphore(10) for _ in clients]

        async def one(i: int) -> int:
            async with gates[i % 10]:
                body = {"model": f"bench/model-{i}", "stream": True, "messages": MESSAGES}
                response = await clients[i % 10].post("/chat/completions", json=body)
                return response.status_code if response.text.endswith("data: [DONE]\n\n") else -1

        try:
            return await asyncio.gather(*(one(i) for i in range(300)))
        finally:
            await asyncio.gather(*(client.aclose() for client in clients))

    assert asyncio.run(ask_all()) == [200] * 300
    records = answered(server, 300)
    assert len({r.model for r in records}) == 300 and all(r.tokens == 5 for r in records)


def test_command_line_sets_the_default_behaviour_and_key(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "MW_REPLICA_KEY": "sk-cli"}
    command = [
        sys.executable,
        "-m",
        "replica",
        "--port",
        "0",
        "--chat-ttft-ms",
        "0",
        "--chat-output-tokens",
        "3",
    ]
    process = subprocess.Popen(
        [*command, "--chat-api-key-env", "MW_REPLICA_KEY"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().split(" at ", 1)[1].split()[0]
        with httpx.Client(base_url=url + "/api/v1", timeout=5) as client:
            assert client.post("/generate", json={"model": "any/model"}).status_code == 401
            headers = {"Authorization": "Bearer sk-cli"}
            answer = client.post("/generate", json={"model": "any/model"}, headers=headers).json()
            assert answer["usage"]["completion_tokens"] == 3
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()
