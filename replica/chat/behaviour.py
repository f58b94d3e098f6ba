"""What one simulated chat endpoint does: its timing, its answer's length, and how it fails."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


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


#: The failures that strike a stream after `after_tokens` tokens.
MID_STREAM = frozenset(
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
