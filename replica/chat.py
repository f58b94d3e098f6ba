"""Simulated chat endpoints of the provider replica, with set latency, token rate and failures.

Routes (added by :func:`chat_extension`; `ReplicaServer` always serves them, behaviours in ``server.chat``):

- ``POST /api/v1/chat/completions``: OpenRouter's (OpenAI's) chat completions. ``"stream": true`` answers
  server-sent events: the comment ``: OPENROUTER PROCESSING`` and a role-only delta at once, content
  chunks ``data: {"choices": [{"delta": {"content": "..."}}]}`` from the first token on, a last chunk with
  ``finish_reason`` and ``usage``, then ``data: [DONE]``. Otherwise one ``chat.completion`` JSON with
  ``usage``. A provider is pinned the way OpenRouter's body does it:
  ``"provider": {"order": ["<tag>"], "allow_fallbacks": false}``.
- ``POST /api/v1/generate`` (JSON) and ``POST /api/v1/generate/stream`` (SSE; JSON when the body says
  ``"stream": false``): EigenAI's API. Its page documents the request (``model``, ``messages``,
  ``max_tokens``, ...) but not the response, so the replica answers in the OpenAI shapes above
  (``choices[0].message.content`` and ``usage``; stream chunks with ``choices[0].delta.content``).

What each endpoint does is a :class:`ChatBehaviour` in a :class:`ChatTable`, looked up by (model,
provider tag), then by model, then the table's default. Timing is real: the first token is written
``ttft_ms`` after the request arrived, token *i* at ``ttft + i / tokens_per_s`` on one monotonic schedule
(sleeps never accumulate error). A response is never longer than the request's ``max_tokens``.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import socket
import struct
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from aiohttp import web

from replica.catalog import dump_json, error_body

CHAT_PATH = "/api/v1/chat/completions"
GENERATE_PATH = "/api/v1/generate"
GENERATE_STREAM_PATH = "/api/v1/generate/stream"
_WORDS = ("OK", ".", " The", " replica", " says", " hello", " from", " a", " simulated", " endpoint")
_SSE_HEADERS = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
_PROCESSING = b": OPENROUTER PROCESSING\n\n"
_DONE = b"data: [DONE]\n\n"
_GARBAGE = b'data: {"choices": [{"delta": {"content": "tr\x00\xff<html>\ndata: }}}not json\n\n'


class ChatFailure(StrEnum):
    """How an answer goes wrong (an HTTP status is given as an int instead, e.g. ``failure=500``)."""

    HANG = "hang"  # accept the request, never answer (released when the server stops)
    RESET = "reset"  # TCP reset before any response
    ERROR_CHUNK = "error_chunk"  # HTTP 200, `after_tokens` tokens, then {"error": {...}}
    FINISH_ERROR = "finish_error"  # HTTP 200, tokens, then a chunk with finish_reason "error"
    RESET_MID_STREAM = "reset_mid_stream"  # HTTP 200, tokens, then TCP reset
    MALFORMED = "malformed"  # HTTP 200, tokens, then garbage data lines (JSON: a garbage body)
    ENDLESS = "endless"  # HTTP 200, tokens forever
    STALL = "stall"  # HTTP 200, tokens, then only keep-alive comments, forever
    OVERSIZED = "oversized"  # HTTP 200, a body larger than `oversized_bytes`
    EMPTY = "empty"  # HTTP 200, a well-formed answer without any content


_MID_STREAM = frozenset(
    {
        ChatFailure.ERROR_CHUNK,
        ChatFailure.FINISH_ERROR,
        ChatFailure.RESET_MID_STREAM,
        ChatFailure.MALFORMED,
        ChatFailure.STALL,
    }
)


@dataclass(frozen=True)
class ChatBehaviour:
    """What one simulated endpoint does. Immutable: replace it with ``ChatTable.set_behaviour``.

    ``failure`` is a :class:`ChatFailure` (or its value), an HTTP status (``500``, ``429``, ``401``...), or
    ``None``. It applies to every request unless ``fail_every`` (every Nth request of this endpoint) or
    ``fail_when`` (a function of the table clock's UTC time) narrows it; with both, both must agree.
    ``retry_after_s`` is a 429's Retry-After: seconds, or a string sent as it is (an HTTP-date).
    ``api_key`` (else the table's) makes requests without ``Authorization: Bearer <key>`` get 401.
    """

    ttft_ms: float = 200.0
    tokens_per_s: float = 100.0
    output_tokens: int = 16
    failure: ChatFailure | int | None = None
    retry_after_s: float | str | None = None
    after_tokens: int = 2
    oversized_bytes: int = 2 * 1024 * 1024
    reasoning_tokens: int = 0  # sent before the content, as delta[reasoning_field]
    reasoning_field: str = "reasoning"
    keepalive_s: float = 1.0  # ": OPENROUTER PROCESSING" comments while waiting (and when stalled)
    usage: bool = True  # send `usage` (the last chunk's, or the completion's)
    api_key: str | None = None
    fail_every: int | None = None
    fail_when: Callable[[datetime], bool] | None = None
    provider: str = "Replica"

    def __post_init__(self) -> None:
        if isinstance(self.failure, str) and not isinstance(self.failure, ChatFailure):
            object.__setattr__(self, "failure", ChatFailure(self.failure))
        if isinstance(self.failure, int) and not 400 <= self.failure <= 599:
            raise ValueError(f"failure status must be 400..599, got {self.failure}")
        if self.ttft_ms < 0 or self.tokens_per_s <= 0 or self.output_tokens < 0 or self.keepalive_s <= 0:
            raise ValueError("ttft_ms >= 0, tokens_per_s > 0, output_tokens >= 0 and keepalive_s > 0")
        if self.fail_every is not None and self.fail_every < 1:
            raise ValueError(f"fail_every must be at least 1, got {self.fail_every}")


@dataclass(frozen=True)
class ChatRecord:
    """One answered request, as the server saw it (``time.perf_counter`` instants, comparable across
    processes on Linux)."""

    model: str
    tag: str | None
    path: str
    stream: bool
    status: int
    failure: str | None
    received: float
    first_token: float | None
    tokens: int

    @property
    def ttft_ms(self) -> float | None:
        """When the first token was written, after the request arrived."""
        return None if self.first_token is None else (self.first_token - self.received) * 1000


class ChatTable:
    """Behaviours by (model, provider tag); thread-safe, so tests and the demo change them while serving."""

    def __init__(
        self,
        default: ChatBehaviour | None = None,
        *,
        api_key: str | None = None,
        clock: Callable[[], datetime] | None = None,
        max_records: int = 10_000,
    ) -> None:
        self._lock = threading.Lock()
        self._default = default or ChatBehaviour()
        self._behaviours: dict[tuple[str, str | None], ChatBehaviour] = {}
        self._counts: Counter[tuple[str, str | None]] = Counter()
        self._records: deque[ChatRecord] = deque(maxlen=max_records)
        self._clock = clock or (lambda: datetime.now(UTC))
        self.api_key = api_key

    def set_behaviour(self, model: str, behaviour: ChatBehaviour, tag: str | None = None) -> None:
        """What ``model`` does from the next request on; with ``tag``, only when pinned to that provider."""
        with self._lock:
            self._behaviours[(model, tag)] = behaviour

    def set_default(self, behaviour: ChatBehaviour) -> None:
        """What every endpoint without a behaviour of its own does."""
        with self._lock:
            self._default = behaviour

    def clear(self, model: str | None = None, tag: str | None = None) -> None:
        """Forget one endpoint's behaviour, or (no arguments) all of them; the default stays."""
        with self._lock:
            if model is None:
                self._behaviours.clear()
            else:
                self._behaviours.pop((model, tag), None)

    def behaviour(self, model: str, tag: str | None = None) -> ChatBehaviour:
        """The behaviour a request for ``model`` pinned to ``tag`` gets."""
        with self._lock:
            return self._lookup(model, tag)

    def _lookup(self, model: str, tag: str | None) -> ChatBehaviour:
        found = self._behaviours.get((model, tag))
        if found is None and tag is not None:
            found = self._behaviours.get((model, None))
        return found or self._default

    def take(self, model: str, tag: str | None) -> tuple[ChatBehaviour, ChatFailure | int | None]:
        """Count one request and decide its failure (after ``fail_every`` and ``fail_when``)."""
        with self._lock:
            behaviour = self._lookup(model, tag)
            self._counts[(model, tag)] += 1
            n = self._counts[(model, tag)]
        failure = behaviour.failure
        if failure is not None and behaviour.fail_every is not None and n % behaviour.fail_every:
            failure = None
        if failure is not None and behaviour.fail_when is not None and not behaviour.fail_when(self._clock()):
            failure = None
        return behaviour, failure

    def request_count(self, model: str, tag: str | None = None) -> int:
        """How many requests reached (model, tag)."""
        with self._lock:
            return self._counts[(model, tag)]

    def record(self, record: ChatRecord) -> None:
        """Keep one answered request (the handlers call this)."""
        with self._lock:
            self._records.append(record)

    def records(self) -> list[ChatRecord]:
        """The most recent answered requests (up to ``max_records``), oldest first."""
        with self._lock:
            return list(self._records)

    def clear_records(self) -> None:
        """Forget the records and the request counts (behaviours stay)."""
        with self._lock:
            self._records.clear()
            self._counts.clear()


def chat_extension(table: ChatTable) -> Callable[[web.Application], None]:
    """A replica extension serving the chat routes from ``table``."""

    def extend(app: web.Application) -> None:
        routes = _ChatRoutes(table)
        app.router.add_post(CHAT_PATH, routes.chat)
        app.router.add_post(GENERATE_PATH, routes.generate)
        app.router.add_post(GENERATE_STREAM_PATH, routes.generate_stream)
        app.on_shutdown.append(routes.release)

    return extend


def _provider_tag(body: dict[str, Any]) -> str | None:
    provider = body.get("provider")
    order = provider.get("order") if isinstance(provider, dict) else None
    return order[0] if isinstance(order, list) and order and isinstance(order[0], str) else None


def _prompt_tokens(messages: Any) -> int:
    if not isinstance(messages, list):
        return 1
    text = " ".join(str(m.get("content", "")) for m in messages if isinstance(m, dict))
    return max(1, len(text) // 4)


def _error(status: int, message: str, retry_after: float | str | None = None) -> web.Response:
    headers = None
    if retry_after is not None:
        headers = {"Retry-After": retry_after if isinstance(retry_after, str) else f"{retry_after:g}"}
    return web.Response(
        status=status, body=error_body(status, message), headers=headers, content_type="application/json"
    )


def _reset(request: web.Request) -> None:
    """Close the client connection with a TCP reset."""
    transport = request.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


@dataclass
class _Plan:
    """One request's answer: who asked for what, and what the behaviour makes of it."""

    model: str
    tag: str | None
    behaviour: ChatBehaviour
    failure: ChatFailure | int | None
    content_tokens: int
    finish_reason: str
    prompt_tokens: int
    start: float  # loop.time() when the request arrived

    @property
    def first_at(self) -> float:
        return self.start + self.behaviour.ttft_ms / 1000

    def token_at(self, i: int) -> float:
        return self.first_at + i / self.behaviour.tokens_per_s

    def tokens(self) -> list[tuple[str, str]]:
        """(field, text) of every token: reasoning first, then content."""
        field = self.behaviour.reasoning_field
        reasoning = [(field, f" think{i}") for i in range(self.behaviour.reasoning_tokens)]
        content = [("content", _WORDS[i % len(_WORDS)]) for i in range(self.content_tokens)]
        return reasoning + content

    def usage(self, tokens: int) -> dict[str, int]:
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": tokens,
            "total_tokens": self.prompt_tokens + tokens,
        }


class _Chunks:
    """The bytes of one answer's SSE chunks; the per-token ones are built by splicing, not by json.dumps."""

    def __init__(self, plan: _Plan) -> None:
        self.plan = plan
        self.head = {
            "id": f"gen-{uuid.uuid4().hex[:24]}",
            "provider": plan.tag or plan.behaviour.provider,
            "model": plan.model,
            "object": "chat.completion.chunk",
            "created": int(time.time()),
        }
        prefix = b"data: " + dump_json(self.head)[:-1] + b',"choices":[{"index":0,"delta":{"'
        self._prefix = prefix
        self._suffix = b'},"finish_reason":null,"native_finish_reason":null,"logprobs":null}]}\n\n'

    def token(self, field: str, text: str) -> bytes:
        return self._prefix + field.encode() + b'":' + json.dumps(text).encode() + self._suffix

    def role(self) -> bytes:
        return self._prefix + b'role":"assistant","content":""' + self._suffix

    def _event(self, **fields: Any) -> bytes:
        return b"data: " + dump_json({**self.head, **fields}) + b"\n\n"

    def finish(self, reason: str, tokens: int) -> bytes:
        choice = {
            "index": 0,
            "delta": {"content": ""},
            "finish_reason": reason,
            "native_finish_reason": reason,
        }
        if not self.plan.behaviour.usage:
            return self._event(choices=[choice])
        return self._event(choices=[choice], usage=self.plan.usage(tokens))

    def error(self, *, finish: bool) -> bytes:
        if finish:
            choice = {"index": 0, "delta": {"content": ""}, "finish_reason": "error"}
            return self._event(choices=[choice])
        return self._event(error={"code": 502, "message": "Provider returned error (simulated)"})


class _ChatRoutes:
    """The handlers over one table; ``stopping`` releases hanging and endless answers."""

    def __init__(self, table: ChatTable) -> None:
        self.table = table
        self.stopping = asyncio.Event()

    async def release(self, app: web.Application) -> None:
        self.stopping.set()

    async def chat(self, request: web.Request) -> web.StreamResponse:
        return await self._answer(request, stream_default=False, may_stream=True)

    async def generate(self, request: web.Request) -> web.StreamResponse:
        return await self._answer(request, stream_default=False, may_stream=False)

    async def generate_stream(self, request: web.Request) -> web.StreamResponse:
        return await self._answer(request, stream_default=True, may_stream=True)

    async def _answer(
        self, request: web.Request, *, stream_default: bool, may_stream: bool
    ) -> web.StreamResponse:
        start, received = asyncio.get_running_loop().time(), time.perf_counter()
        try:
            body = json.loads(await request.read())
        except ValueError:
            return _error(400, "the request body is not JSON")
        if not isinstance(body, dict) or not isinstance(body.get("model"), str) or not body["model"]:
            return _error(400, "model is required")
        stream = may_stream and body.get("stream", stream_default) is True
        model, tag = body["model"], _provider_tag(body)
        behaviour, failure = self.table.take(model, tag)
        key = behaviour.api_key or self.table.api_key
        if key is not None and not hmac.compare_digest(
            request.headers.get("Authorization", "").encode(), f"Bearer {key}".encode()
        ):
            return _error(401, "No auth credentials found")
        max_tokens = body.get("max_tokens")
        content_tokens = behaviour.output_tokens
        capped = False
        if type(max_tokens) is int and 0 < max_tokens < content_tokens:  # not a bool, not a float
            content_tokens, capped = max_tokens, True
        if failure is ChatFailure.EMPTY:
            content_tokens = 0
        plan = _Plan(
            model=model,
            tag=tag,
            behaviour=behaviour,
            failure=failure,
            content_tokens=content_tokens,
            finish_reason="length" if capped else "stop",
            prompt_tokens=_prompt_tokens(body.get("messages")),
            start=start,
        )
        progress = _Progress()
        status = 200
        try:
            if isinstance(failure, int):
                status = failure
                message = "Rate limit exceeded (simulated)" if failure == 429 else f"Simulated HTTP {failure}"
                return _error(failure, message, behaviour.retry_after_s if failure == 429 else None)
            if failure in (ChatFailure.HANG, ChatFailure.RESET):
                status = 0  # no response at all
                if failure is ChatFailure.HANG:
                    await self._wait_stopping(None)
                _reset(request)
                return web.Response(status=500)  # never reaches the client: the transport is gone
            if stream:
                return await self._stream(request, plan, progress)
            return await self._json(request, plan, progress)
        finally:
            self.table.record(
                ChatRecord(
                    model=model,
                    tag=tag,
                    path=request.path,
                    stream=stream,
                    status=status,
                    failure=None if failure is None else str(failure),
                    received=received,
                    first_token=progress.first_token,
                    tokens=progress.tokens,
                )
            )

    async def _sleep_until(self, when: float) -> None:
        delay = when - asyncio.get_running_loop().time()
        if delay > 0:
            await asyncio.sleep(delay)

    async def _wait_stopping(self, seconds: float | None) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stopping.wait(), timeout=seconds)

    async def _stream(self, request: web.Request, plan: _Plan, progress: _Progress) -> web.StreamResponse:
        behaviour, failure = plan.behaviour, plan.failure
        response = web.StreamResponse(headers=_SSE_HEADERS)
        await response.prepare(request)
        chunks = _Chunks(plan)
        loop = asyncio.get_running_loop()
        try:
            await response.write(_PROCESSING + chunks.role())
            ping = loop.time() + behaviour.keepalive_s
            while ping < plan.first_at and not self.stopping.is_set():
                await self._sleep_until(ping)
                await response.write(_PROCESSING)
                ping += behaviour.keepalive_s
            await self._sleep_until(plan.first_at)  # also the time of an empty answer's finish
            if failure is ChatFailure.OVERSIZED:
                piece = chunks.token("content", "x" * 65_536)
                sent = 0
                while sent <= behaviour.oversized_bytes and not self.stopping.is_set():
                    await response.write(piece)
                    progress.token()
                    sent += len(piece)
            else:
                tokens = plan.tokens()
                stop_at = min(behaviour.after_tokens, len(tokens)) if failure in _MID_STREAM else None
                count = (
                    None if failure is ChatFailure.ENDLESS else len(tokens) if stop_at is None else stop_at
                )
                i = 0
                while (count is None or i < count) and not self.stopping.is_set():
                    await self._sleep_until(plan.token_at(i))
                    field, text = tokens[i] if i < len(tokens) else ("content", _WORDS[i % len(_WORDS)])
                    await response.write(chunks.token(field, text))
                    progress.token()
                    i += 1
                if stop_at is not None:
                    await self._fail_mid_stream(request, response, chunks, plan)
                    return response
            await response.write(chunks.finish(plan.finish_reason, progress.tokens) + _DONE)
            await response.write_eof()
        except ConnectionError:
            pass  # the client went away
        return response

    async def _fail_mid_stream(
        self, request: web.Request, response: web.StreamResponse, chunks: _Chunks, plan: _Plan
    ) -> None:
        failure = plan.failure
        if failure is ChatFailure.RESET_MID_STREAM:
            _reset(request)
        elif failure is ChatFailure.MALFORMED:
            await response.write(_GARBAGE)
        elif failure is ChatFailure.STALL:
            while not self.stopping.is_set():
                await self._wait_stopping(plan.behaviour.keepalive_s)
                await response.write(_PROCESSING)
        else:
            await response.write(chunks.error(finish=failure is ChatFailure.FINISH_ERROR))

    async def _json(self, request: web.Request, plan: _Plan, progress: _Progress) -> web.StreamResponse:
        behaviour, failure = plan.behaviour, plan.failure
        tokens = plan.tokens()
        if failure is ChatFailure.STALL or failure is ChatFailure.ENDLESS:
            return await self._json_forever(request, plan, progress)
        if failure is ChatFailure.OVERSIZED:
            tokens = [("content", "x" * behaviour.oversized_bytes)]
        await self._sleep_until(plan.token_at(max(0, len(tokens) - 1)))
        if tokens:
            progress.first_token = time.perf_counter()
        progress.tokens = len(tokens)
        if failure is ChatFailure.MALFORMED:
            return web.Response(body=_GARBAGE[6:], content_type="application/json")
        if failure is ChatFailure.ERROR_CHUNK:
            return web.Response(
                body=error_body(502, "Provider returned error (simulated)"), content_type="application/json"
            )
        finish = "error" if failure is ChatFailure.FINISH_ERROR else plan.finish_reason
        message: dict[str, Any] = {
            "role": "assistant",
            "content": "".join(t for f, t in tokens if f == "content"),
        }
        reasoning = "".join(t for f, t in tokens if f != "content")
        if reasoning:
            message[behaviour.reasoning_field] = reasoning
        completion = {
            "id": f"gen-{uuid.uuid4().hex[:24]}",
            "provider": plan.tag or behaviour.provider,
            "model": plan.model,
            "object": "chat.completion",
            "created": int(time.time()),
            "choices": [
                {"index": 0, "message": message, "finish_reason": finish, "native_finish_reason": finish}
            ],
        }
        if behaviour.usage:
            completion["usage"] = plan.usage(len(tokens))
        body = dump_json(completion)
        if failure is not ChatFailure.RESET_MID_STREAM:
            return web.Response(body=body, content_type="application/json")
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        response.content_length = len(body)
        await response.prepare(request)
        with contextlib.suppress(ConnectionError):
            await response.write(body[: len(body) // 2])
        await asyncio.sleep(0.01)  # let the half body reach the client before the reset
        _reset(request)
        return response

    async def _json_forever(
        self, request: web.Request, plan: _Plan, progress: _Progress
    ) -> web.StreamResponse:
        """A JSON answer that never completes: a trickle of content (endless) or nothing after a space."""
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        await response.prepare(request)
        try:
            if plan.failure is ChatFailure.STALL:
                await response.write(b" ")
                await self._wait_stopping(None)
                return response
            await response.write(
                b'{"id":"gen-endless","object":"chat.completion","choices":[{"message":{"content":"'
            )
            i = 0
            while not self.stopping.is_set():
                await self._sleep_until(plan.token_at(i))
                await response.write(_WORDS[i % len(_WORDS)].encode())
                progress.token()
                i += 1
        except ConnectionError:
            pass
        return response


class _Progress:
    """What an answer has sent so far, for its :class:`ChatRecord`."""

    __slots__ = ("first_token", "tokens")

    def __init__(self) -> None:
        self.first_token: float | None = None
        self.tokens = 0

    def token(self) -> None:
        if self.first_token is None:
            self.first_token = time.perf_counter()
        self.tokens += 1
