"""The answers played over time: an SSE stream or a JSON body on the plan's schedule, failing as the
behaviour says (mid-stream errors, resets, garbage, stalls, endless or oversized answers).

Every wait ends when ``stopping`` is set (the server stops), so hanging and endless answers let it stop.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import time

from aiohttp import web

from replica.catalog import error_body
from replica.chat.behaviour import MID_STREAM, ChatFailure
from replica.chat.plan import WORDS, Plan
from replica.chat.protocol import DONE, GARBAGE, PROCESSING, SSE_HEADERS, Chunks, completion


class Progress:
    """What an answer has sent so far, for its :class:`~replica.chat.table.ChatRecord`."""

    __slots__ = ("first_token", "tokens")

    def __init__(self) -> None:
        self.first_token: float | None = None
        self.tokens = 0

    def token(self) -> None:
        if self.first_token is None:
            self.first_token = time.perf_counter()
        self.tokens += 1


def reset(request: web.Request) -> None:
    """Close the client connection with a TCP reset."""
    transport = request.transport
    if transport is None:
        return
    sock = transport.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()


async def wait_stopping(stopping: asyncio.Event, seconds: float | None) -> None:
    """Wait until the server stops, or `seconds` (None: no limit)."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stopping.wait(), timeout=seconds)


async def _sleep_until(when: float) -> None:
    delay = when - asyncio.get_running_loop().time()
    if delay > 0:
        await asyncio.sleep(delay)


async def stream(
    request: web.Request, plan: Plan, progress: Progress, stopping: asyncio.Event
) -> web.StreamResponse:
    """Answer with server-sent events: keep-alives until the first token, then tokens on schedule."""
    behaviour, failure = plan.behaviour, plan.failure
    response = web.StreamResponse(headers=SSE_HEADERS)
    await response.prepare(request)
    chunks = Chunks(plan)
    loop = asyncio.get_running_loop()
    try:
        await response.write(PROCESSING + chunks.role())
        ping = loop.time() + behaviour.keepalive_s
        while ping < plan.first_at and not stopping.is_set():
            await _sleep_until(ping)
            await response.write(PROCESSING)
            ping += behaviour.keepalive_s
        await _sleep_until(plan.first_at)  # also the time of an empty answer's finish
        if failure is ChatFailure.OVERSIZED:
            piece = chunks.token("content", "x" * 65_536)
            sent = 0
            while sent <= behaviour.oversized_bytes and not stopping.is_set():
                await response.write(piece)
                progress.token()
                sent += len(piece)
        else:
            tokens = plan.tokens()
            stop_at = min(behaviour.after_tokens, len(tokens)) if failure in MID_STREAM else None
            count = None if failure is ChatFailure.ENDLESS else len(tokens) if stop_at is None else stop_at
            i = 0
            while (count is None or i < count) and not stopping.is_set():
                await _sleep_until(plan.token_at(i))
                field, text = tokens[i] if i < len(tokens) else ("content", WORDS[i % len(WORDS)])
                await response.write(chunks.token(field, text))
                progress.token()
                i += 1
            if stop_at is not None:
                await _fail_mid_stream(request, response, chunks, plan, stopping)
                return response
        await response.write(chunks.finish(plan.finish_reason, progress.tokens) + DONE)
        await response.write_eof()
    except ConnectionError:
        pass  # the client went away
    return response


async def _fail_mid_stream(
    request: web.Request, response: web.StreamResponse, chunks: Chunks, plan: Plan, stopping: asyncio.Event
) -> None:
    failure = plan.failure
    if failure is ChatFailure.RESET_MID_STREAM:
        reset(request)
    elif failure is ChatFailure.MALFORMED:
        await response.write(GARBAGE)
    elif failure is ChatFailure.STALL:
        while not stopping.is_set():
            await wait_stopping(stopping, plan.behaviour.keepalive_s)
            await response.write(PROCESSING)
    else:
        await response.write(chunks.error(finish=failure is ChatFailure.FINISH_ERROR))


async def json_answer(
    request: web.Request, plan: Plan, progress: Progress, stopping: asyncio.Event
) -> web.StreamResponse:
    """Answer with one JSON body when its last token is due."""
    behaviour, failure = plan.behaviour, plan.failure
    tokens = plan.tokens()
    if failure is ChatFailure.STALL or failure is ChatFailure.ENDLESS:
        return await _json_forever(request, plan, progress, stopping)
    if failure is ChatFailure.OVERSIZED:
        tokens = [("content", "x" * behaviour.oversized_bytes)]
    await _sleep_until(plan.token_at(max(0, len(tokens) - 1)))
    if tokens:
        progress.first_token = time.perf_counter()
    progress.tokens = len(tokens)
    if failure is ChatFailure.MALFORMED:
        return web.Response(body=GARBAGE[6:], content_type="application/json")
    if failure is ChatFailure.ERROR_CHUNK:
        return web.Response(
            body=error_body(502, "Provider returned error (simulated)"), content_type="application/json"
        )
    finish = "error" if failure is ChatFailure.FINISH_ERROR else plan.finish_reason
    body = completion(plan, tokens, finish)
    if failure is not ChatFailure.RESET_MID_STREAM:
        return web.Response(body=body, content_type="application/json")
    response = web.StreamResponse(headers={"Content-Type": "application/json"})
    response.content_length = len(body)
    await response.prepare(request)
    with contextlib.suppress(ConnectionError):
        await response.write(body[: len(body) // 2])
    await asyncio.sleep(0.01)  # let the half body reach the client before the reset
    reset(request)
    return response


async def _json_forever(
    request: web.Request, plan: Plan, progress: Progress, stopping: asyncio.Event
) -> web.StreamResponse:
    """A JSON answer that never completes: a trickle of content (endless) or nothing after a space."""
    response = web.StreamResponse(headers={"Content-Type": "application/json"})
    await response.prepare(request)
    try:
        if plan.failure is ChatFailure.STALL:
            await response.write(b" ")
            await wait_stopping(stopping, None)
            return response
        await response.write(
            b'{"id":"gen-endless","object":"chat.completion","choices":[{"message":{"content":"'
        )
        i = 0
        while not stopping.is_set():
            await _sleep_until(plan.token_at(i))
            await response.write(WORDS[i % len(WORDS)].encode())
            progress.token()
            i += 1
    except ConnectionError:
        pass
    return response
