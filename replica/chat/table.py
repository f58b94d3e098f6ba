"""The behaviours of the simulated endpoints by (model, provider tag), with request counts and records."""

from __future__ import annotations

import threading
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from replica.chat.behaviour import ChatBehaviour, ChatFailure


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
