"""Model ids as pages show them: a token shaped like an id (``gpt-4o``, ``glm-4.6``,
``meta-llama/Llama-3.3-70B-Instruct``), and the id a link to a model's own page gives.

A link gives the path after its last ``/models/`` (``/model/``, ``/library/``, ``/llm/``) segment, e.g.
``https://console.groq.com/docs/model/openai/gpt-oss-120b`` -> ``openai/gpt-oss-120b``, or an
``org/model`` path of two segments (``/deepseek-ai/DeepSeek-V3.2``). Paths of providers, users,
categories, docs and account pages give none.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_ID = re.compile(r"^[A-Za-z0-9][\w.:@+-]*(?:/[A-Za-z0-9][\w.:@+-]*){0,3}$")

_COUNT = re.compile(r"^\d+(?:\.\d+)?[kKmMbB]$")  # "128k", "1.2M": a count, not an id
_MARKERS = frozenset(
    {
        "models",
        "model",
        "library",
        "llm",
        "llms",
        "text-generation",
        "chat",
        "catalog",
        "m",
        "chute",
        "chutes",
    }
)

_NOT_MODEL_SEGMENTS = frozenset(
    {
        "provider",
        "providers",
        "org",
        "orgs",
        "organization",
        "organizations",
        "user",
        "users",
        "author",
        "authors",
        "company",
        "blog",
        "news",
        # task categories of model hubs, not models
        "text-generation",
        "text-to-image",
        "image-to-text",
        "text-to-speech",
        "speech-to-text",
        "text-to-video",
        "image-generation",
        "automatic-speech-recognition",
        "embeddings",
        "featured",
        "trending",
        "pricing",
        "login",
        "signin",
        "signup",
        "register",
        "category",
        "categories",
        "tag",
        "tags",
        "collections",
        "spaces",
        "datasets",
        "search",
        "compare",
        "rankings",
        "settings",
        "billing",
        "account",
        "docs",
    }
)


def is_model_id(text: str) -> bool:
    """True for text shaped like a model id: one token of letters, digits and ``.-_:/``, with a digit, a
    hyphen or a slash (``gpt-4o``, ``glm-4.6``, ``meta-llama/Llama-3.3-70B-Instruct``)."""
    if not text or len(text) > 120 or "://" in text or not _ID.match(text) or _COUNT.match(text):
        return False
    return bool(re.search(r"[A-Za-z]", text) and re.search(r"[\d/-]", text))


def model_id_from_href(href: str) -> str | None:
    """The model id a link to a model's own page gives: the path after ``/models/`` (or ``/model/``,
    ``/library/``), else an ``org/model`` path of two segments, else None."""
    try:
        path = urlsplit(href).path
    except ValueError:
        return None
    segments = [s for s in path.split("/") if s]
    if not segments:
        return None
    segments[-1] = segments[-1].removesuffix(".html")
    marker = max((i for i, s in enumerate(segments) if s.lower() in _MARKERS), default=None)
    if marker is not None:
        tail = segments[marker + 1 :]
    elif len(segments) <= 2:
        tail = segments
    else:
        return None
    if not tail or len(tail) > 3 or any(s.lower() in _NOT_MODEL_SEGMENTS for s in tail):
        return None
    candidate = "/".join(tail)
    return candidate if is_model_id(candidate) else None
