"""The chat routes: read the request, pick the endpoint's behaviour, check the key, answer, record."""

from __future__ import annotations

import asyncio
import hmac
import json
import time
from collections.abc import Callable

from aiohttp import web

from replica.chat import answers
from replica.chat.behaviour import ChatFailure
from replica.chat.plan import Plan
from replica.chat.protocol import (
    CHAT_PATH,
    GENERATE_PATH,
    GENERATE_STREAM_PATH,
    error_response,
    prompt_tokens,
    provider_tag,
)
from replica.chat.table import ChatRecord, ChatTable


def chat_extension(table: ChatTable) -> Callable[[web.Application], None]:
    """A replica extension serving the chat routes from ``table``."""

    def extend(app: web.Application) -> None:
        routes = _ChatRoutes(table)
        app.router.add_post(CHAT_PATH, routes.chat)
        app.router.add_post(GENERATE_PATH, routes.generate)
        app.router.add_post(GENERATE_STREAM_PATH, routes.generate_stream)
        app.on_shutdown.append(routes.release)

    return extend


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
            return error_response(400, "the request body is not JSON")
        if not isinstance(body, dict) or not isinstance(body.get("model"), str) or not body["model"]:
            return error_response(400, "model is required")
        stream = may_stream and body.get("stream", stream_default) is True
        model, tag = body["model"], provider_tag(body)
        behaviour, failure = self.table.take(model, tag)
        key = behaviour.api_key or self.table.api_key
        if key is not None and not hmac.compare_digest(
            request.headers.get("Authorization", "").encode(), f"Bearer {key}".encode()
        ):
            return error_response(401, "No auth credentials found")
        max_tokens = body.get("max_tokens")
        content_tokens = behaviour.output_tokens
        capped = False
        if type(max_tokens) is int and 0 < max_tokens < content_tokens:  # not a bool, not a float
            content_tokens, capped = max_tokens, True
        if failure is ChatFailure.EMPTY:
            content_tokens = 0
        plan = Plan(
            model=model,
            tag=tag,
            behaviour=behaviour,
            failure=failure,
            content_tokens=content_tokens,
            finish_reason="length" if capped else "stop",
            prompt_tokens=prompt_tokens(body.get("messages")),
            start=start,
        )
        progress = answers.Progress()
        status = 200
        try:
            if isinstance(failure, int):
                status = failure
                message = "Rate limit exceeded (simulated)" if failure == 429 else f"Simulated HTTP {failure}"
                return error_response(failure, message, behaviour.retry_after_s if failure == 429 else None)
            if failure in (ChatFailure.HANG, ChatFailure.RESET):
                status = 0  # no response at all
                if failure is ChatFailure.HANG:
                    await answers.wait_stopping(self.stopping, None)
                answers.reset(request)
                return web.Response(status=500)  # never reaches the client: the transport is gone
            if stream:
                return await answers.stream(request, plan, progress, self.stopping)
            return await answers.json_answer(request, plan, progress, self.stopping)
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
