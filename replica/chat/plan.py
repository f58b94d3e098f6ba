"""One request's answer: who asked for what, what the behaviour makes of it, and when each token is due."""

from __future__ import annotations

from dataclasses import dataclass

from replica.chat.behaviour import ChatBehaviour, ChatFailure

#: The content tokens, in turn.
WORDS = ("OK", ".", " The", " replica", " says", " hello", " from", " a", " simulated", " endpoint")


@dataclass
class Plan:
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
        content = [("content", WORDS[i % len(WORDS)]) for i in range(self.content_tokens)]
        return reasoning + content

    def usage(self, tokens: int) -> dict[str, int]:
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": tokens,
            "total_tokens": self.prompt_tokens + tokens,
        }
