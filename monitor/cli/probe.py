"""`modelwatch probe`: one probe round now, stored, the alert rules applied; `--plan` prices probing
instead. And `probe_work`, the round ``POST /api/v1/probe`` starts under `modelwatch api`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from monitor.cli.context import Commands, Context

if TYPE_CHECKING:
    from monitor.config import Config


def add_commands(commands: Commands) -> None:
    probe = commands.add_parser(
        "probe",
        help="probe the configured endpoints once now (TTFT, throughput, errors) and store the samples",
        description="One probe round now: each enabled probe (or those named) is called once; the samples "
        "are stored and advance each endpoint's up/down state, as the scheduled rounds do. Exit 1 if "
        "every probe failed. API keys come from the environment variables the probes name.",
    )
    probe.add_argument(
        "--endpoint",
        action="extend",
        nargs="+",
        metavar="NAME",
        help="only these probes (names from the config's [[probes]])",
    )
    probe.add_argument("--json", action="store_true", help="print a JSON array of the samples")
    probe.add_argument(
        "--plan",
        action="store_true",
        help="probe nothing: show each probe's runs per day and estimated cost at the catalog's prices",
    )
    probe.set_defaults(handler=cmd_probe)


def cmd_probe(args: argparse.Namespace, context: Context) -> int:
    from db.catalog.queries import current_offers
    from db.engine import make_engine
    from monitor.cli.alerts import fill_outbox
    from monitor.probes.plan import format_plan, probe_plan
    from monitor.probes.runner import ProbeRunner, format_samples, round_summary

    config, db_url = context.config, context.db_url
    engine = make_engine(db_url)
    try:
        if args.plan:
            print(format_plan(probe_plan(config, current_offers(engine=engine))))
            return 0
        runner = ProbeRunner(config, engine)
        try:
            probes = runner.select(args.endpoint)
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if not probes:
            print("no probes to run (add [[probes]] to the configuration, or enable one)", file=sys.stderr)
            return 0
        result = runner.round(probes)
    finally:
        engine.dispose()
    fill_outbox(config, db_url)
    if args.json:
        print(json.dumps([sample.to_json() for sample in result.samples], indent=2))
    else:
        print(format_samples(result.samples))
        print(round_summary(result))
    return 1 if result.samples and not any(s.ok for s in result.samples) else 0


def probe_work(config: Config, db_url: str) -> Callable[[list[str] | None], None]:
    """What `POST /api/v1/probe` runs under `modelwatch api`: one probe round, stored, rules applied."""

    def work(names: list[str] | None) -> None:
        from db.engine import make_engine
        from monitor.cli.alerts import fill_outbox
        from monitor.probes.runner import ProbeRunner

        engine = make_engine(db_url)
        try:
            runner = ProbeRunner(config, engine)
            runner.round(runner.select(names))
        finally:
            engine.dispose()
        fill_outbox(config, db_url)

    return work
