"""`modelwatch extract URL ...`: fetch model pages and print what the page extractor finds (stores
nothing); `--json` prints the objects DESIGN.md's contract names."""

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
    extract.add_argument("--timeout", type=float, default=30.0, help="seconds per page (default 30)")
    extract.set_defaults(handler=cmd_extract)


def cmd_extract(args: argparse.Namespace, context: Context) -> int:
    from crawler.extract.page import extract_page, offer_to_json
    from monitor.crawling.fetch import FetchError, fetch_page

    urls: list[str] = args.urls
    found: list[dict[str, object]] = []
    failures = 0
    for url in urls:
        try:
            html = fetch_page(url, timeout_s=args.timeout)
        except FetchError as exc:
            print(f"error: {url}: {exc}", file=sys.stderr)
            failures += 1
            continue
        extraction = extract_page(html, url=url, provider=args.provider)
        for problem in extraction.problems:
            print(f"warning: {url}: {problem}", file=sys.stderr)
        found.extend(offer_to_json(offer, explain=args.explain) for offer in extraction.offers)
    if args.json:
        print(json.dumps(found, indent=2, ensure_ascii=False, default=_json_default))
    else:
        for offer in found:
            print(offer_text(offer))
        if not found:
            print("no model offers found", file=sys.stderr)
    return 1 if failures == len(urls) else 0


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
