"""The extraction corpus: model and pricing pages in the layouts of real providers, served as their servers
send them (``replica/pages/corpus/``, described in its README).

Each page has the URL of the real page it imitates (:data:`PAGES`); the replica serves it at
``/corpus/<name>.html`` and at ``/corpus/<host><path>`` of that URL (e.g.
``/corpus/www.together.ai/pricing``). Two hostile pages are too big to commit whole and are generated from
a small template when served (:func:`page_body`): ~10 MB of HTML, and a pricing block nested thousands of
``<div>``s deep. One page is sent without a charset in its Content-Type, so that only its (wrong) ``<meta
charset>`` declares the encoding.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web

CORPUS_DIR = Path(__file__).parent / "pages" / "corpus"
HUGE_BYTES = 10 * 1024 * 1024
NESTING_DEPTH = 5000
_FILLER_MARK = "<!-- filler -->"
_NEST_MARK = "<!-- nest -->"


@dataclass(frozen=True)
class CorpusPage:
    """One corpus page: the URL of the page it imitates and the Content-Type it is served with."""

    name: str
    url: str
    content_type: str = "text/html; charset=utf-8"

    @property
    def path(self) -> str:
        """The replica path built from the imitated URL: ``/corpus/<host><path>``."""
        parts = urlsplit(self.url)
        return f"/corpus/{parts.hostname}{parts.path.rstrip('/') or '/'}"


def _pages(*entries: tuple[str, str] | tuple[str, str, str]) -> dict[str, CorpusPage]:
    return {entry[0]: CorpusPage(*entry) for entry in entries}


#: name -> page, in the order of the corpus README.
PAGES: dict[str, CorpusPage] = _pages(
    ("together-pricing", "https://www.together.ai/pricing"),
    ("fireworks-kimi-k2-instruct-0905", "https://fireworks.ai/models/fireworks/kimi-k2-instruct-0905"),
    ("deepinfra-deepseek-v3.2", "https://deepinfra.com/deepseek-ai/DeepSeek-V3.2"),
    ("groq-pricing", "https://groq.com/pricing"),
    ("novita-model-cards", "https://novita.ai/models/llm"),
    ("siliconflow-pricing-cny", "https://siliconflow.cn/pricing"),
    ("hyperbolic-playground", "https://app.hyperbolic.xyz/models/deepseek-v3-0324"),
    ("cerebras-pricing", "https://www.cerebras.ai/pricing"),
    ("mistral-pricing-usd-eur", "https://mistral.ai/pricing"),
    ("anthropic-pricing", "https://docs.claude.com/en/docs/about-claude/pricing"),
    ("openai-pricing", "https://platform.openai.com/docs/pricing"),
    ("gemini-pricing-tiers", "https://ai.google.dev/gemini-api/docs/pricing"),
    ("deepseek-pricing-columns", "https://api-docs.deepseek.com/quick_start/pricing"),
    ("moonshot-pricing", "https://platform.moonshot.ai/docs/pricing/chat"),
    ("zhipu-pricing-cny", "https://bigmodel.cn/pricing"),
    ("huggingface-model-card", "https://huggingface.co/Qwen/Qwen3-Next-80B-A3B-Instruct"),
    ("replicate-pricing", "https://replicate.com/pricing"),
    ("openrouter-model-nextjs", "https://openrouter.ai/z-ai/glm-4.6"),
    ("openrouter-models-list-saved", "https://openrouter.ai/models?fmt=cards&order=newest"),
    ("baseten-model-cards", "https://www.baseten.co/library/"),
    ("deepinfra-models-list-links", "https://deepinfra.com/models/text-generation"),
    ("chutes-sampling-chips", "https://chutes.ai/app/chute/deepseek-ai/DeepSeek-V3.1-Terminus"),
    ("sambanova-params-prose", "https://cloud.sambanova.ai/models/DeepSeek-V3.1"),
    ("scaleway-jsonld-eur", "https://www.scaleway.com/en/generative-apis/llama-3-3-70b-instruct/"),
    ("atlascloud-nuxt", "https://www.atlascloud.ai/models/deepseek-ai/DeepSeek-V3.1"),
    ("parasail-js-only", "https://www.parasail.io/pricing"),
    ("hostile-huge-10mb", "https://studio.nebius.com/models/meta-llama/Llama-3.3-70B-Instruct"),
    ("hostile-deep-nesting", "https://inference.net/models/llama-3.1-8b-instruct"),
    ("hostile-wrong-encoding", "https://nordhavn.ai/pricing", "text/html"),
    ("hostile-image-prices", "https://docs.x.ai/docs/models/grok-3-mini"),
    ("hostile-never-finishes", "https://lambda.ai/inference"),
    ("ambiguous-context-lengths", "https://kestrel.example/models/meta-llama/Llama-3.1-70B-Instruct"),
    (
        "ovhcloud-microdata-eur",
        "https://endpoints.ai.cloud.ovh.net/models/mistral-small-3-2-24b-instruct-2506",
    ),
    ("ionos-rdfa-eur", "https://cloud.ionos.com/managed/ai-model-hub"),
)
_BY_PATH = {page.path: page for page in PAGES.values()}


def page_body(name: str) -> bytes:
    """The bytes the replica serves for page ``name`` (the hostile giants generated from their templates)."""
    return _generated(name) if name in _GENERATORS else (CORPUS_DIR / f"{name}.html").read_bytes()


def find_page(path: str) -> CorpusPage | None:
    """The page served at replica path ``/corpus/...`` (by file name or by the imitated URL), or None."""
    if path.startswith("/corpus/") and path.endswith(".html"):
        return PAGES.get(path.removeprefix("/corpus/").removesuffix(".html"))
    return _BY_PATH.get(path.rstrip("/") or "/")


async def corpus_handler(request: web.Request) -> web.Response:
    """aiohttp handler of ``/corpus/{path}``."""
    page = find_page(request.path)
    if page is None:
        raise web.HTTPNotFound(text=f"no corpus page at {request.path!r}")
    return web.Response(body=page_body(page.name), headers={"Content-Type": page.content_type})


def huge_page(template: str, size: int = HUGE_BYTES) -> str:
    """``template`` with its filler mark replaced by changelog entries and a bundled script up to ``size``."""
    head, _, tail = template.partition(_FILLER_MARK)
    room = size - len(head.encode()) - len(tail.encode())
    script_part = room * 3 // 10
    chunk = (
        "function r{n}(e,t){{var a=t.map(function(o){{return o.k+':'+o.v}});"
        "return e.dispatch({{type:'ui/{n}',payload:a.join(';')}})}}\n"
    )
    parts = ['<script id="__bundle_vendors">\n']
    written = 0
    n = 0
    while written < script_part:
        piece = chunk.format(n=n)
        parts.append(piece)
        written += len(piece)
        n += 1
    parts.append("</script>\n")
    entry = (
        '<div class="changelog-entry" id="entry-{n}"><h4>Platform update {n}</h4>'
        "<p>Improved dashboard rendering for workspace {n}; batch jobs list now sorts by status. "
        "Fixed a layout glitch in the API keys table for team members.</p>"
        '<ul class="tags"><li>dashboard</li><li>ui</li></ul></div>\n'
    )
    n = 0
    while written < room - 400:
        piece = entry.format(n=n)
        parts.append(piece)
        written += len(piece)
        n += 1
    return head + "".join(parts) + tail


def deep_page(template: str, depth: int = NESTING_DEPTH) -> str:
    """``template`` whose nesting mark wraps the part between two marks in ``depth`` nested ``<div>``s."""
    head, inner, tail = template.split(_NEST_MARK)
    return head + '<div class="wrap">' * depth + inner + "</div>" * depth + tail


_GENERATORS = {"hostile-huge-10mb": huge_page, "hostile-deep-nesting": deep_page}


@functools.cache
def _generated(name: str) -> bytes:
    template = (CORPUS_DIR / f"{name}.html").read_text(encoding="utf-8")
    return _GENERATORS[name](template).encode("utf-8")
