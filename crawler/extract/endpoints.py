"""API endpoint URLs a model page gives: absolute URLs in code examples, and paths after an HTTP verb.

A URL counts when its path ends in an API operation (``chat/completions``, ``messages``, ``generate``,
``generate/stream``, ``embeddings``, ...), or when it follows ``POST``/``GET``. Relative paths
(``/api/v1/generate``) are resolved against the page's origin. An OpenAI SDK example
(``base_url=".../api/v1"`` with ``chat.completions.create``) gives ``<base>/chat/completions``.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

_URL = re.compile(r"https?://[^\s\"'<>`()\[\]{}\\,]+")
_VERB = re.compile(r"\b(?:POST|GET|PUT)\s*(?P<target>https?://[^\s\"'<>`]+|/[\w./:{}-]+)")
_API_PATH = re.compile(r"/(?:api|v\d+(?:beta\d*|alpha\d*)?|inference|openai)(?:/|$)")
_OPERATION = re.compile(
    r"(?:chat/completions|/completions|/messages|/generate(?:/stream)?|/embeddings|/responses|/rerank|"
    r"/predictions|/infer|/invoke|:(?:stream)?generatecontent|/images/generations|/audio/\w+)$",
    re.I,
)
_RELATIVE = re.compile(r"(?<![\w/.:])/(?:api/)?v\d+(?:/[A-Za-z0-9_.-]+)+")
_GLUE = re.compile(r"(?<=[a-z])(?:with|for|and|to|using|via|or|in|on|endpoint)$")
_SEGMENTS = {"generate", "stream", "completions", "messages", "embeddings", "responses", "chat", "rerank"}
_BASE_URL = re.compile(r"base_?url\s*[=:]\s*[\"'](https?://[^\"'\s]+)[\"']", re.I)
_SDK_CHAT = re.compile(r"\.chat\.completions\.create\b")


def find_endpoints(lines: list[str], *, url: str) -> list[str]:
    """Absolute API URLs the page gives, in page order, without duplicates."""
    found: list[str] = []
    origin = _origin(url)
    for line in lines:
        for match in _VERB.finditer(line):
            _add(found, _absolute(_unglue(match.group("target")), origin))
        for match in _URL.finditer(line):
            candidate = match.group(0).rstrip(".;:")
            if _is_api_url(candidate):
                _add(found, candidate)
        for match in _RELATIVE.finditer(line):
            path = _unglue(match.group(0))
            if _OPERATION.search(path):
                _add(found, _absolute(path, origin))
    stated = {urlsplit(u).path for u in found if not u.startswith(origin or "//")}
    found = [u for u in found if not (origin and u.startswith(origin) and urlsplit(u).path in stated)]
    text = "\n".join(lines)
    if _SDK_CHAT.search(text):
        for match in _BASE_URL.finditer(text):
            _add(found, match.group(1).rstrip("/") + "/chat/completions")
    return found


def _is_api_url(candidate: str) -> bool:
    parts = urlsplit(candidate)
    api_host = (parts.hostname or "").startswith("api.")
    return bool((_API_PATH.search(parts.path) or api_host) and _OPERATION.search(parts.path))


def _unglue(path: str) -> str:
    """Drop an English word glued to a path by text rendering (``/generate/streamwith`` -> ``/stream``)."""
    head, _, last = path.rstrip(".,;:").rpartition("/")
    trimmed = _GLUE.sub("", last)
    if trimmed != last and trimmed in _SEGMENTS:
        return f"{head}/{trimmed}"
    return path.rstrip(".,;:")


def _absolute(target: str, origin: str | None) -> str | None:
    if target.startswith(("http://", "https://")):
        return target
    if origin is None or not _API_PATH.search(target):
        return None
    return urljoin(origin, target)


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}/"


def _add(found: list[str], candidate: str | None) -> None:
    if candidate and candidate not in found:
        found.append(candidate)
