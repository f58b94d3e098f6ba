"""`modelwatch extract URL ...`: fetch model pages and print what the page extractor finds (stores
nothing); `--json` prints the objects DESIGN.md's contract names; `--render` draws each page in the system
Chromium first, as a ``render = "browser"`` source does (`crawler.browser`)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from monitor.cli.context import Commands, Context


def add_commands(commands: Commands) -> None:
    extract = commands.add_parser(
        "extract",
        help="fetch model pages and print what the page extractor finds (stores nothing)",
        description="Fetch model pages and print what the page extractor finds; nothing is stored.",
    )
    extract.add_argument("urls", nargs="+", metavar="URL")
    extract.add_argument(
        "--json", action="store_true", help="print a JSON array, one object per endpoint found"
    )
    extract.add_argument(
        "--explain",
        action="store_true",
        help="also say where each value was read: the place on the page, the text, how it was read and "
        "how sure the extractor is (with --json: an `evidence` object per offer)",
    )
    extract.add_argument("--provider", help="the provider the pages belong to (default: inferred)")
    extract.add_argument(
        "--render",
        action="store_true",
        help="draw each page in the system Chromium (/usr/bin/chromium) and read what its JavaScript "
        'shows, as a render = "browser" source does; images, fonts and media are not loaded',
    )
    extract.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="seconds per page (default 30; with --render, 20 for the page to load and settle)",
    )
    extract.set_defaults(handler=cmd_extract)


def cmd_extract(args: argparse.Namespace, context: Context) -> int:
    from crawler.browser import SCRIPTED_HINT, looks_scripted
    from crawler.extract.page import extract_page, offer_to_json
    from monitor.crawling.fetch import FetchError, fetch_page

    urls: list[str] = args.urls
    found: list[dict[str, object]] = []
    failures = 0
    rendered = _render(urls, timeout_s=args.timeout) if args.render else None
    for url in urls:
        try:
            if rendered is not None:
                html = _html(rendered[url])
            else:
                html = fetch_page(url, timeout_s=args.timeout or 30)
        except FetchError as exc:
            print(f"error: {url}: {exc}", file=sys.stderr)
            failures += 1
            continue
        extraction = extract_page(html, url=url, provider=args.provider)
        for problem in extraction.problems:
            print(f"warning: {url}: {problem}", file=sys.stderr)
        if not args.render and not extraction.offers and looks_scripted(html):
            print(f"warning: {url}: {SCRIPTED_HINT}: try --render", file=sys.stderr)
        found.extend(offer_to_json(offer, explain=args.explain) for offer in extraction.offers)
    if args.json:
        print(json.dumps(found, indent=2, ensure_ascii=False, default=_json_default))
    else:
        for offer in found:
            print(offer_text(offer))
        if not found:
            print("no model offers found", file=sys.stderr)
    return 1 if failures == len(urls) else 0


def _render(urls: list[str], *, timeout_s: float | None) -> dict[str, Any]:
    """Each page as Chromium drew it (one browser for them all), by URL."""
    from crawler.browser import DEFAULT_TIMEOUT_S, BrowserMissing, render_pages
    from crawler.settings import USER_AGENT

    try:
        pages = render_pages(urls, timeout_s=timeout_s or DEFAULT_TIMEOUT_S, user_agent=USER_AGENT)
    except BrowserMissing as exc:
        raise SystemExit(f"error: {exc}") from None
    return dict(zip(urls, pages, strict=True))


def _html(page: Any) -> str:
    """A rendered page's HTML, or `FetchError` with the browser's reason (the page never settled, ...)."""
    from monitor.crawling.fetch import FetchError

    if page.html is None:
        raise FetchError(page.error or "not rendered")
    return str(page.html)


def _json_default(value: object) -> object:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return float(value)  # shortest repr: Decimal("0.27") prints 0.27
    return str(value)


def offer_text(offer: dict[str, Any]) -> str:
    """An extracted offer (the `extract --json` object) as readable lines."""
    pricing = offer.get("pricing")
    if pricing:
        unit = "credits" if offer.get("currency") == "credits" else "USD"
        price = ", ".join(f"{k} {v}" for k, v in pricing.items()) + f" {unit} per 1M tokens"
    else:
        price = "not shown"
    params = offer.get("parameters") or []
    lines = [
        f"{offer.get('provider') or '?'} · {offer.get('model') or '?'} ({offer.get('name') or 'no name'})",
        f"  page:       {offer.get('url')}",
        f"  context:    {offer.get('context_length') or 'not shown'}"
        f"   max output: {offer.get('max_output_tokens') or 'not shown'}",
        f"  price:      {price}",
        f"  parameters: {', '.join(params) if params else 'none documented'}",
        f"  endpoints:  {', '.join(offer.get('endpoints') or []) or 'none given'}",
        f"  released:   {offer.get('released') or 'not shown'}",
    ]
    lines += [f"  note:       {note}" for note in offer.get("notes") or []]
    evidence = offer.get("evidence")
    if evidence:
        lines.append("  read from:")
        for name, why in evidence.items():
            how = f"{why['method']}, {why['confidence']:.2f}"
            lines.append(f"    {name:<18} {why['where']} ({how}): {why['snippet']!r}")
    return "\n".join(lines)
