"""Which model a page is about, under what display name, and which provider serves it.

Model id, in order: a ``Model: <id>`` label, an id standing alone on a line (``deepseek/deepseek-v3.2``
under the title), the ``model`` field most used by the page's code examples, then the URL path on hosts
whose paths are model ids. Name: the page's ``<h1>``, else the line above the id line, else the
``<title>``, else the first line that reads like a heading. A heading or title that shows the
``org/name`` id itself (a model repository's header: ``Qwen / Qwen3-Next-80B-A3B-Instruct`` with its
like button) names the model by the id's last part, as written there.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

_ID = r"[A-Za-z0-9][\w.:@/-]*[\w]"
_LABELLED = re.compile(rf"^model(?:\s*(?:id|name|string|slug))?\s*[:=]?\s*`?({_ID})`?$", re.I)
_ID_LINE = re.compile(r"^[A-Za-z0-9][\w.-]*(?:/[A-Za-z0-9][\w.:-]*){1,3}$")
_CODE_MODEL = (
    re.compile(r"[\"']model[\"']\s*:\s*[\"']([^\"'\s<>{}]+)[\"']"),
    re.compile(r"\bmodel\s*=\s*[\"']([^\"'\s<>{}]+)[\"']"),
    re.compile(r"(?<![\"'\w])model\s*:\s*[\"']([^\"'\s<>{}]+)[\"']"),
    re.compile(r"--model[= ][\"']?([^\"'\s<>{}]+)"),
)
_PLACEHOLDER = re.compile(r"your|model[_-]?(?:name|id)|^model$|example|\.\.\.|\$", re.I)
_NOISE = re.compile(r"^(?:skip to|no models found|menu|sign in|log in|search|toggle|home|close)\b", re.I)
_TITLE_SPLIT = re.compile(r"\s+[|–—·]\s+|\s+-\s+")
_PATH_ID_HOSTS = ("openrouter.ai", "huggingface.co")
KNOWN_HOSTS = {
    "openrouter.ai": "OpenRouter",
    "eigenai.com": "EigenAI",
    "together.ai": "Together AI",
    "together.xyz": "Together AI",
    "fireworks.ai": "Fireworks AI",
    "deepinfra.com": "DeepInfra",
    "groq.com": "Groq",
    "anthropic.com": "Anthropic",
    "claude.com": "Anthropic",
    "openai.com": "OpenAI",
    "huggingface.co": "Hugging Face",
    "mistral.ai": "Mistral AI",
    "cohere.com": "Cohere",
    "deepseek.com": "DeepSeek",
    "x.ai": "xAI",
    "ai.google.dev": "Google",
    "cloud.google.com": "Google",
    "replicate.com": "Replicate",
    "novita.ai": "Novita AI",
    "hyperbolic.xyz": "Hyperbolic",
    "cerebras.ai": "Cerebras",
    "sambanova.ai": "SambaNova",
    "perplexity.ai": "Perplexity",
    "nebius.com": "Nebius",
    "baseten.co": "Baseten",
    "chutes.ai": "Chutes",
    "siliconflow.com": "SiliconFlow",
    "lambda.ai": "Lambda",
    "parasail.io": "Parasail",
}
_COPYRIGHT = re.compile(r"©\s*(?:\d{4}\s*[–-]\s*)?\d{4}\s+([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)")


def find_model_id(lines: list[str], *, url: str) -> str | None:
    """The provider's model id as the page gives it, or None."""
    for line in lines:
        match = _LABELLED.match(line.replace("\t", " ").strip())
        if match and _looks_like_id(match.group(1)):
            return match.group(1)
    for line in lines[:400]:
        if _ID_LINE.match(line) and re.search(r"[\d-]", line.rsplit("/", 1)[1]) and "://" not in line:
            return line
    counts: Counter[str] = Counter()
    for line in lines:
        for pattern in _CODE_MODEL:
            for match in pattern.finditer(line):
                value = match.group(1)
                if not _PLACEHOLDER.search(value) and _looks_like_id(value):
                    counts[value] += 1
    if counts:
        return counts.most_common(1)[0][0]
    return _id_from_url(url)


def find_name(lines: list[str], *, h1: str | None, title: str | None, model: str | None) -> str | None:
    """The model's display name, or None."""
    if h1:
        return _name_in_id(h1, model) or h1
    if model and model in lines:
        index = lines.index(model)
        if index > 0 and len(lines[index - 1]) <= 100:
            return lines[index - 1]
    if title:
        head = _TITLE_SPLIT.split(title)[0].strip()
        if head:
            return _name_in_id(head, model) or head
    for line in lines[:50]:
        if len(line) <= 80 and re.search(r"[A-Za-z]", line) and not _NOISE.match(line) and "\t" not in line:
            return line
    return None


def find_provider(lines: list[str], *, url: str, site_name: str | None) -> str | None:
    """The serving provider: a known host, else the page's site name or copyright line, else the host."""
    host = (urlsplit(url).hostname or "").lower()
    for known, name in KNOWN_HOSTS.items():
        if host == known or host.endswith("." + known):
            return name
    if site_name:
        return site_name
    for line in lines[:60] + lines[-60:]:
        match = _COPYRIGHT.search(line)
        if match:
            return match.group(1).rstrip(",.")
    parts = [p for p in host.split(".") if p]
    if len(parts) >= 2 and not parts[-1].isdigit() and host != "localhost":
        label = parts[-2] if parts[-2] not in ("co", "com") or len(parts) < 3 else parts[-3]
        return label.capitalize()
    return None


def _name_in_id(heading: str, model: str | None) -> str | None:
    """The last part of the ``org/name`` id `model` where `heading` shows the id (spaces around the
    slash allowed, words beside it such as a like count ignored), as the heading writes it; else None."""
    if not model or "/" not in model:
        return None
    owner, _, name = model.rpartition("/")
    shown = re.search(rf"(?<![\w.-]){re.escape(owner)}\s*/\s*({re.escape(name)})(?![\w.-])", heading, re.I)
    return shown.group(1) if shown else None


def _looks_like_id(value: str) -> bool:
    if len(value) > 120 or " " in value or value.startswith(("http", "/")):
        return False
    return bool(re.search(r"\d", value) or "/" in value or "-" in value)


def _id_from_url(url: str) -> str | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not any(host == h or host.endswith("." + h) for h in _PATH_ID_HOSTS):
        return None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) >= 2 and segments[0] not in ("api", "docs", "models", "spaces", "datasets"):
        candidate = "/".join(segments[:2])
        return candidate if _looks_like_id(candidate) else None
    return None
