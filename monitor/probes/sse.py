"""An incremental server-sent events decoder: bytes in as they arrive, complete events out.

Follows the WHATWG rules that matter for LLM streams: lines end with LF, CRLF or CR; a line starting
with ``:`` is a comment (``: OPENROUTER PROCESSING`` keep-alives), never an event; ``data:`` lines
accumulate until a blank line dispatches the event; unknown fields are ignored.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    """One dispatched event: its ``event:`` type (``"message"`` by default) and its joined ``data:``."""

    data: str
    event: str = "message"


class SSEDecoder:
    """Feed it chunks of the body; it returns the events each chunk completes."""

    def __init__(self) -> None:
        self._tail = b""
        self._data: list[str] = []
        self._event = ""
        self.comments = 0

    def feed(self, chunk: bytes) -> list[Event]:
        """The events completed by ``chunk`` (an incomplete last line waits for the next chunk)."""
        buffer = self._tail + chunk
        if b"\r" in buffer:
            # A lone CR at the very end may be the first half of CRLF: keep it for the next chunk.
            keep_cr = buffer.endswith(b"\r")
            buffer = buffer.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            if keep_cr:
                buffer = buffer[:-1] + b"\r"
        lines = buffer.split(b"\n")
        self._tail = lines.pop()
        events: list[Event] = []
        for line in lines:
            event = self._line(line)
            if event is not None:
                events.append(event)
        return events

    def close(self) -> list[Event]:
        """At the end of the body: an event left without its blank line is dispatched anyway."""
        events = self.feed(b"\n") if self._tail else []
        if self._data:
            events.append(self._dispatch())
        return events

    def _line(self, raw: bytes) -> Event | None:
        if not raw:
            return self._dispatch() if self._data else None
        if raw[:1] == b":":
            self.comments += 1
            return None
        line = raw.decode("utf-8", errors="replace")
        name, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        return None

    def _dispatch(self) -> Event:
        event = Event(data="\n".join(self._data), event=self._event or "message")
        self._data = []
        self._event = ""
        return event
