"""`modelwatch replica ...`: the provider replica alone (for demos, tests, benchmarks). A program of its own:
everything after the word ``replica`` goes to its parser (`replica.__main__`); it reads no configuration
and opens no database."""

from __future__ import annotations

import argparse

from monitor.cli.context import Commands, Context


def add_commands(commands: Commands) -> None:
    replica = commands.add_parser(
        "replica", help="run the provider replica alone (for demos, tests, benchmarks)", add_help=False
    )
    replica.add_argument("replica_args", nargs=argparse.REMAINDER)
    replica.set_defaults(handler=cmd_replica, standalone=True)


def cmd_replica(args: argparse.Namespace, context: Context) -> int:
    from replica.__main__ import main as replica_main

    return replica_main(args.replica_args)
