"""What a configuration that can not be used raises, and the error a section's validator raises about a key
below it."""

from __future__ import annotations


class ConfigError(Exception):
    """The configuration can not be used; ``str(e)`` names the file and the key path of each error."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}: {problem}" for problem in problems))


class KeyedError(ValueError):
    """A validation error about a key below the one being validated (e.g. a cross-field rule)."""

    def __init__(self, key: tuple[str | int, ...], message: str) -> None:
        self.key = key
        super().__init__(message)
