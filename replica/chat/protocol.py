"""The chat protocols' wire shapes: the request fields the replica reads, SSE chunks, completion and
error bodies (OpenRouter's, which are OpenAI's; EigenAI's generate answers in the same shapes)."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

from aiohttp import web

from replica.catalog import dump_json, error_body
from replica.chat.plan import Plan

CHAT_PATH = "/api/v1/chat/completions"
GENERATE_PATH = "/api/v1/generate"
GENERATE_STREAM_PATH = "/api/v1/generate/stream"
SSE_HEADERS = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
#: OpenRouter's keep-alive comment.
PROCESSING = b": OPENROUTER PROCESSING\n\n"
DONE = b"data: [DONE]\n\n"
#: What a malformed stream sends (a malformed JSON answer: the same without ``data: ``).
GARBAGE = b'data: {"choices": [{"delta": {"content": "tr\x00\xff<html>\ndata: }}}not json\n\n'


def provider_tag(body: dict[str, Any]) -> str | None:
    """The provider a request pins (``"provider": {"order": ["<tag>"]}``), or None."""
    provider = body.get("provider")
    order = provider.get("order") if isinstance(provider, dict) else None
    return order[0] if isinstance(order, list) and order and isinstance(order[0], str) else None


def prompt_tokens(messages: Any) -> int:
    """A rough count of the request's prompt tokens (four characters a token)."""
    if not isinstance(messages, list):
        return 1
    text = " ".join(str(m.get("content", "")) for m in messages if isinstance(m, dict))
    return max(1, len(text) // 4)


def error_response(status: int, message: str, retry_after: float | str | None = None) -> web.Response:
    """An error answer in OpenRouter's shape, with a Retry-After header when given."""
    headers = None
    if retry_after is not None:
        headers = {"Retry-After": retry_after if isinstance(retry_after, str) else f"{retry_after:g}"}
    return web.Response(
        status=status, body=error_body(status, message), headers=headers, content_type="application/json"
    )


def completion(plan: Plan, tokens: list[tuple[str, str]], finish: str) -> bytes:
    """A whole ``chat.completion`` body of `tokens` ((field, text) pairs: content and reasoning)."""
    behaviour = plan.behaviour
    message: dict[str, Any] = {
        "role": "assistant",
        "content": "".join(t for f, t in tokens if f == "content"),
    }
    reasoning = "".join(t for f, t in tokens if f != "content")
    if reasoning:
        message[behaviour.reasoning_field] = reasoning
    body = {
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
        body["usage"] = plan.usage(len(tokens))
    return dump_json(body)


class Chunks:
    """The bytes of one answer's SSE chunks; the per-token ones are built by splicing, not by json.dumps."""

    def __init__(self, plan: Plan) -> None:
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
