"""Reading a chat answer (SSE chunks or one JSON body) into what a probe measures. Pure: no I/O.

A *token* is a chunk whose ``delta`` carries non-empty ``content``, ``reasoning`` or
``reasoning_content``. Keep-alive comments, role-only deltas and empty deltas are not tokens, so they do
not stop the time-to-first-token clock.

Outcomes, in the classes of `db.probes.samples`:

- ``stream_error``: a chunk (or a JSON body, after HTTP 200) with ``error``, or ``finish_reason: "error"``;
  a stream that ends before ``[DONE]`` and before any ``finish_reason``.
- ``bad_response``: data that is not a JSON object, a chunk without ``choices`` (or ``usage``), a body
  without content.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from db.probes.samples import BAD_RESPONSE, STREAM_ERROR

_TEXT_FIELDS = ("content", "reasoning", "reasoning_content")
#: Where a non-OpenAI JSON answer (EigenAI's shape is undocumented) may put its text.
_FALLBACK_TEXT_KEYS = ("content", "response", "text", "output")


class ProbeFailure(Exception):
    """The answer is not a good one: ``error_class`` from `db.probes.samples`, a secret-free ``message``."""

    def __init__(self, error_class: str, message: str) -> None:
        super().__init__(message)
        self.error_class = error_class
        self.message = message


@dataclass
class Reading:
    """What an answer has shown so far. Instants are ``time.perf_counter()`` seconds."""

    first_token_at: float | None = None
    token_chunks: int = 0
    usage_tokens: int | None = None
    finish_reason: str | None = None
    done: bool = False
    done_at: float | None = None  # when [DONE] (or the whole JSON body) arrived

    @property
    def output_tokens(self) -> int | None:
        """``usage.completion_tokens`` when the answer gave it, else the token chunks received."""
        if self.usage_tokens is not None:
            return self.usage_tokens
        return self.token_chunks or None

    def token(self, now: float) -> None:
        if self.first_token_at is None:
            self.first_token_at = now
        self.token_chunks += 1


def _has_text(container: Any) -> bool:
    if not isinstance(container, dict):
        return False
    for field in _TEXT_FIELDS:
        text = container.get(field)
        if text and isinstance(text, str):
            return True
    return False


def _error_message(error: Any, *, tokens: int) -> str:
    code = error.get("code") if isinstance(error, dict) else None
    where = f"after {tokens} tokens" if tokens else "before any token"
    suffix = f" (code {code})" if isinstance(code, int) and not isinstance(code, bool) else ""
    return f"error in the answer {where}{suffix}"


def _usage(reading: Reading, body: dict[str, Any]) -> None:
    usage = body.get("usage")
    if isinstance(usage, dict):
        tokens = usage.get("completion_tokens")
        if isinstance(tokens, int) and not isinstance(tokens, bool) and tokens >= 0:
            reading.usage_tokens = tokens


def read_event(reading: Reading, data: str, now: float) -> None:
    """Take one SSE event's data into ``reading``; raises `ProbeFailure` on an error or malformed chunk."""
    if reading.done:
        return
    try:
        chunk = json.loads(data)
    except ValueError:
        if data.strip() == "[DONE]":
            reading.done = True
            reading.done_at = now
            return
        raise ProbeFailure(BAD_RESPONSE, "malformed SSE data (not JSON)") from None
    if not isinstance(chunk, dict):
        raise ProbeFailure(BAD_RESPONSE, "malformed SSE data (not a JSON object)")
    if chunk.get("error") is not None:
        raise ProbeFailure(STREAM_ERROR, _error_message(chunk["error"], tokens=reading.token_chunks))
    choices = chunk.get("choices")
    if not isinstance(choices, list):
        if "usage" in chunk and choices is None:
            _usage(reading, chunk)
            return
        raise ProbeFailure(BAD_RESPONSE, "a stream chunk without choices")
    for choice in choices:
        if not isinstance(choice, dict):
            raise ProbeFailure(BAD_RESPONSE, "a stream chunk whose choice is not an object")
        delta = choice.get("delta")
        if delta is not None and not isinstance(delta, dict):
            raise ProbeFailure(BAD_RESPONSE, "a stream chunk whose delta is not an object")
        if _has_text(delta):
            reading.token(now)
        if choice.get("finish_reason") == "error":
            raise ProbeFailure(
                STREAM_ERROR, _error_message(None, tokens=reading.token_chunks) + ": finish_reason error"
            )
        if isinstance(choice.get("finish_reason"), str):
            reading.finish_reason = choice["finish_reason"]
    _usage(reading, chunk)


def finish_stream(reading: Reading) -> None:
    """At the end of a stream: raises `ProbeFailure` unless it ended properly with some content."""
    if not reading.done and reading.finish_reason is None:
        raise ProbeFailure(
            STREAM_ERROR, f"the stream ended without [DONE] after {reading.token_chunks} tokens"
        )
    if reading.first_token_at is None:
        raise ProbeFailure(BAD_RESPONSE, "no content in the answer")


def read_body(reading: Reading, body: bytes, now: float) -> None:
    """Take a whole JSON answer (non-streaming) into ``reading``: its one "token" arrives at ``now``."""
    try:
        answer = json.loads(body)
    except ValueError:
        raise ProbeFailure(BAD_RESPONSE, "the answer is not JSON") from None
    if not isinstance(answer, dict):
        raise ProbeFailure(BAD_RESPONSE, "the answer is not a JSON object")
    if answer.get("error") is not None:
        raise ProbeFailure(STREAM_ERROR, _error_message(answer["error"], tokens=0))
    choices = answer.get("choices")
    has_text = False
    if isinstance(choices, list) and choices and isinstance(choices[0], dict):
        choice = choices[0]
        if choice.get("finish_reason") == "error":
            raise ProbeFailure(STREAM_ERROR, "the answer has finish_reason error")
        reading.finish_reason = (
            choice.get("finish_reason") if isinstance(choice.get("finish_reason"), str) else None
        )
        text = choice.get("text")
        has_text = _has_text(choice.get("message")) or (isinstance(text, str) and bool(text))
    elif choices is not None:
        raise ProbeFailure(BAD_RESPONSE, "the answer's choices are not a list of objects")
    else:
        has_text = any(isinstance(answer.get(key), str) and answer[key] for key in _FALLBACK_TEXT_KEYS)
    if not has_text:
        raise ProbeFailure(BAD_RESPONSE, "no content in the answer")
    reading.token(now)
    reading.token_chunks = 0  # one body is not one token: output_tokens comes from usage only
    reading.done = True
    reading.done_at = now
    _usage(reading, answer)
