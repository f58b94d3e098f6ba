"""Starlette's TestClient, imported without its warning about `httpx` (it prefers `httpx2`, which this
project does not install; `httpx` works the same for these tests)."""

from __future__ import annotations

import warnings

with warnings.catch_warnings():
    warnings.filterwarnings(
        "ignore", message="Using `httpx` with `starlette.testclient`", category=UserWarning
    )
    from starlette.testclient import TestClient

__all__ = ["TestClient"]
