"""Command line of the provider replica: ``python -m replica [--demo | --models FILE ...]``.

The main ``modelwatch`` CLI calls :func:`main` with its own arguments.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from replica.catalog import Catalog, demo_catalog, load_snapshot
from replica.chat.behaviour import ChatBehaviour
from replica.chat.table import ChatTable
from replica.server import DEFAULT_PAGES_DIR, ReplicaServer, serve

logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m replica``."""
    parser = argparse.ArgumentParser(
        prog="python -m replica",
        description=(
            "Serve a recorded OpenRouter catalog (GET /api/v1/models, /api/v1/providers, "
            "/api/v1/models/{id}/endpoints) and static model pages on a local port, until SIGINT or SIGTERM."
        ),
        epilog=(
            "Without --models the built-in demo catalog is served. Example: python -m replica --port 8900 "
            "--models ../shared/fixtures/openrouter/models-2026-05-22.json "
            "--endpoints ../shared/fixtures/openrouter/endpoints-2026-05-18.json "
            "--providers ../shared/fixtures/openrouter/providers-2026-05.json"
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s)")
    parser.add_argument(
        "--port", type=int, default=8900, help="port to bind, 0 for any free one (default: %(default)s)"
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--demo", action="store_true", help="serve the built-in demo catalog (the default)")
    source.add_argument("--models", type=Path, metavar="FILE", help="a saved body of GET /api/v1/models")
    parser.add_argument(
        "--endpoints",
        type=Path,
        metavar="FILE",
        help="a JSON object: model id -> saved body of GET /api/v1/models/{id}/endpoints (needs --models)",
    )
    parser.add_argument(
        "--providers",
        type=Path,
        metavar="FILE",
        help="a saved body of GET /api/v1/providers (needs --models)",
    )
    parser.add_argument(
        "--pages-dir",
        type=Path,
        metavar="DIR",
        default=None,
        help=f"model pages served as /<page>.html and /pages/<page> (default: {DEFAULT_PAGES_DIR})",
    )
    chat = parser.add_argument_group(
        "simulated chat endpoints",
        "POST /api/v1/chat/completions, /api/v1/generate and /api/v1/generate/stream answer every model "
        "with this behaviour",
    )
    chat.add_argument(
        "--chat-ttft-ms", type=float, default=200.0, help="time to first token (default: %(default)s)"
    )
    chat.add_argument(
        "--chat-tokens-per-s", type=float, default=100.0, help="token rate (default: %(default)s)"
    )
    chat.add_argument(
        "--chat-output-tokens", type=int, default=16, help="tokens per answer (default: %(default)s)"
    )
    chat.add_argument(
        "--chat-api-key-env",
        metavar="NAME",
        help="require Authorization: Bearer <the value of this environment variable>",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG level")
    return parser


def chat_table(args: argparse.Namespace, parser: argparse.ArgumentParser) -> ChatTable:
    """The chat behaviour the arguments ask for; exits through ``parser.error`` on a bad value."""
    try:
        behaviour = ChatBehaviour(
            ttft_ms=args.chat_ttft_ms,
            tokens_per_s=args.chat_tokens_per_s,
            output_tokens=args.chat_output_tokens,
        )
    except ValueError as exc:
        parser.error(str(exc))
    api_key = None
    if args.chat_api_key_env:
        api_key = os.environ.get(args.chat_api_key_env)
        if not api_key:
            parser.error(f"--chat-api-key-env: environment variable {args.chat_api_key_env} is not set")
    return ChatTable(behaviour, api_key=api_key)


def load_catalog(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Catalog:
    """The catalog the arguments ask for; exits through ``parser.error`` on a bad combination or file."""
    if args.models is None:
        if args.endpoints is not None or args.providers is not None:
            parser.error("--endpoints and --providers need --models")
        return demo_catalog()
    for option, path in (
        ("--models", args.models),
        ("--endpoints", args.endpoints),
        ("--providers", args.providers),
    ):
        if path is not None and not path.is_file():
            parser.error(f"{option}: no such file: {path}")
    try:
        return load_snapshot(models=args.models, endpoints=args.endpoints, providers=args.providers)
    except (ValueError, KeyError, TypeError) as exc:
        parser.error(f"could not read the snapshot: {exc!r}")


def main(argv: list[str] | None = None) -> int:
    """Run the replica in the foreground; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    catalog = load_catalog(args, parser)
    chat = chat_table(args, parser)

    def announce(server: ReplicaServer) -> None:
        print(
            f"replica serving {catalog!r} at {server.url} (API: {server.api_url}); Ctrl-C to stop", flush=True
        )

    try:
        serve(args.host, args.port, catalog, args.pages_dir, on_ready=announce, chat=chat)
    except OSError as exc:
        print(f"replica: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    print("replica stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
