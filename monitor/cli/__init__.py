"""The `modelwatch` command line: `modelwatch [--config PATH] [--db URL] COMMAND`.

Settings are read here, once, and handed down as arguments.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from db.engine import DatabaseError, make_engine, safe_url
from monitor import alert_commands, api_commands, dashboard_commands, db_commands
from monitor.config import Config, ConfigError, default_config, load_config
from monitor.settings import Settings

logger = logging.getLogger("modelwatch")

DEFAULT_CONFIG = Path("modelwatch.toml")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="modelwatch",
        description="A self-hosted catalog and monitor of LLM API endpoints: who serves a model, "
        "at what price, how fast and how reliably, with the whole history.",
        epilog="Run 'modelwatch COMMAND --help' for a command's options.",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help="configuration file (default: ./modelwatch.toml when present, else the built-in "
        "default: the live OpenRouter API and EigenAI's DeepSeek page)",
    )
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help="database URL (default: $MODELWATCH_DB_URL, else sqlite:///modelwatch.db); "
        "PostgreSQL as postgresql://user@host/db",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more (debug level)")
    parser.add_argument("--version", action="version", version=f"modelwatch {package_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    crawl = commands.add_parser(
        "crawl",
        help="crawl the configured sources once now and print a summary",
        description="Crawl the configured sources once now. Exit 1 if every source failed.",
    )
    crawl.add_argument(
        "--source",
        action="extend",
        nargs="+",
        metavar="NAME",
        help="only these sources (names from the config)",
    )

    extract = commands.add_parser(
        "extract",
        help="fetch model pages and print what the page extractor finds (stores nothing)",
        description="Fetch model pages and print what the page extractor finds; nothing is stored.",
    )
    extract.add_argument("urls", nargs="+", metavar="URL")
    extract.add_argument(
        "--json", action="store_true", help="print a JSON array, one object per endpoint found"
    )
    extract.add_argument("--provider", help="the provider the pages belong to (default: inferred)")
    extract.add_argument("--timeout", type=float, default=30.0, help="seconds per page (default 30)")

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

    run = commands.add_parser(
        "run",
        help="the service: crawls, probes, rollups and retention on schedule until SIGINT/SIGTERM",
        description="Run the service: each enabled source is crawled on its `every` schedule, probes run "
        "in rounds per interval, samples are rolled up hourly and daily, and old raw samples are dropped. "
        "The schedule is kept in the database and resumed on restart. The catalog API "
        "($MODELWATCH_API_PORT, default 8000) and the dashboard ($MODELWATCH_DASHBOARD_PORT, default 8501) "
        "run beside it. Stops cleanly on SIGINT/SIGTERM.",
    )
    run.add_argument("--no-api", action="store_true", help="do not serve the catalog API")
    run.add_argument("--no-dashboard", action="store_true", help="do not start the dashboard")

    demo = commands.add_parser(
        "demo",
        help="the whole product offline, on the provider replica",
        description="Start the provider replica (a built-in demo catalog and model "
        "pages), crawl it into a fresh SQLite file and print what was found.",
    )
    demo.add_argument(
        "--db-file",
        type=Path,
        default=Path("modelwatch-demo.db"),
        help="SQLite file to (re)create (default: modelwatch-demo.db)",
    )
    demo.add_argument("--port", type=int, default=0, help="replica port (default: a free one)")
    demo.add_argument(
        "--serve",
        action="store_true",
        help="then keep crawling and probing the replica on schedule, with the API and the dashboard "
        "(Ctrl-C stops)",
    )

    alert_commands.add_commands(commands)
    api_commands.add_commands(commands)
    dashboard_commands.add_commands(commands)
    db_commands.add_commands(commands)

    replica = commands.add_parser(
        "replica", help="run the provider replica alone (for demos, tests, benchmarks)", add_help=False
    )
    replica.add_argument("replica_args", nargs=argparse.REMAINDER)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    at = command_index(argv)
    if at is not None and argv[at] == "replica":
        # everything after `replica` belongs to the replica's own parser, options included
        args = parser.parse_args(argv[: at + 1])
        args.replica_args = argv[at + 1 :]
    else:
        args = parser.parse_args(argv)
    settings = Settings()
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else getattr(logging, settings.log_level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not args.verbose:
        # The scheduler's per-job lines repeat what our own log says; keep its warnings.
        logging.getLogger("apscheduler").setLevel(logging.WARNING)
        # one line per HTTP request (probes): the service's own summary says what matters
        logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # Alembic says "Context impl ..." on every open; `db.schema` reports what was really done.
    logging.getLogger("alembic").setLevel(logging.DEBUG if args.verbose else logging.WARNING)
    if args.command == "replica":
        from replica.__main__ import main as replica_main

        return replica_main(args.replica_args)
    try:
        config = read_config(args.config)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    db_url = args.db or settings.db_url
    try:
        handled = db_commands.run_command(args, db_url=db_url)
        if handled is not None:
            return handled
        if writes(args):
            db_commands.upgrade_at_start(db_url)
        if args.command == "crawl":
            return cmd_crawl(config, db_url, args.source)
        if args.command == "extract":
            return cmd_extract(args.urls, as_json=args.json, provider=args.provider, timeout_s=args.timeout)
        for hooks in (alert_commands, dashboard_commands):
            handled = hooks.run_command(args, config=config, db_url=db_url)
            if handled is not None:
                return handled
        handled = api_commands.run_command(
            args, config=config, db_url=db_url, settings=settings, run_probes=_probe_work(config, db_url)
        )
        if handled is not None:
            return handled
        if args.command == "probe":
            return cmd_probe(config, db_url, args.endpoint, as_json=args.json, plan=args.plan)
        if args.command == "run":
            return cmd_run(config, db_url, settings, api=not args.no_api, dashboard=not args.no_dashboard)
        if args.command == "demo":
            return cmd_demo(args.db_file, port=args.port, serve=args.serve, settings=settings)
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    parser.error(f"unknown command {args.command}")
    return 2


#: Top-level options that take a value (`command_index` skips the value too).
_VALUED_OPTIONS = ("--config", "--db")


def command_index(argv: Sequence[str]) -> int | None:
    """Where the command word is in `argv` (after the top-level options), or None."""
    at = 0
    while at < len(argv):
        word = argv[at]
        if word in _VALUED_OPTIONS:
            at += 2
        elif word.startswith("-"):
            at += 1
        else:
            return at
    return None


def writes(args: argparse.Namespace) -> bool:
    """Does this command write the store (so it upgrades the schema at start)? `demo` makes its own
    fresh file; the readers (api, dashboard, recommend, alerts list) never migrate."""
    if args.command in ("run", "crawl"):
        return True
    if args.command == "probe":
        return not args.plan
    return args.command == "alerts" and getattr(args, "alerts_command", None) == "deliver"


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("modelwatch")
    except PackageNotFoundError:  # running from a tree that was never installed
        return "unknown (not installed)"


def read_config(path: Path | None) -> Config:
    """The configuration: the given file, else ./modelwatch.toml when present, else the default."""
    if path is not None:
        return load_config(path)
    if DEFAULT_CONFIG.exists():
        return load_config(DEFAULT_CONFIG)
    return default_config()


def cmd_crawl(config: Config, db_url: str, names: list[str] | None) -> int:
    from monitor.crawl import CrawlError, crawl_here, source_specs
    from monitor.report import ProgressLine, crawl_summary

    try:
        specs = source_specs(config, names=names)
    except CrawlError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not specs:
        print("nothing to crawl: no enabled sources in the configuration", file=sys.stderr)
        return 1
    make_engine(db_url).dispose()  # fail fast, with a clear message, on a bad database
    print(f"crawling {', '.join(s.name for s in specs)} into {safe_url(db_url)}", file=sys.stderr)
    progress = ProgressLine()
    started = time.monotonic()
    try:
        outcome = crawl_here(db_url=db_url, sources=specs, aliases=config.models.aliases, progress=progress)
    finally:
        progress.close()
    print(crawl_summary(outcome.reports, outcome.errors, time.monotonic() - started))
    fill_outbox(config, db_url)
    return 1 if outcome.all_failed else 0


def fill_outbox(config: Config, db_url: str) -> None:
    """Apply the alert rules to what just happened (as the service's jobs do); sending is `alerts deliver`."""
    from monitor.alerts.evaluate import evaluate

    engine = make_engine(db_url)
    try:
        report = evaluate(engine, config)
    finally:
        engine.dispose()
    if report.enqueued:
        print(
            f"alerts: {report.enqueued} message(s) in the outbox; `modelwatch alerts deliver` (or the "
            "running service) sends them",
            file=sys.stderr,
        )


def cmd_extract(urls: list[str], *, as_json: bool, provider: str | None, timeout_s: float) -> int:
    from crawler.extract.page import extract_page, offer_to_json
    from monitor.fetch import FetchError, fetch_page
    from monitor.report import offer_text

    found: list[dict[str, object]] = []
    failures = 0
    for url in urls:
        try:
            html = fetch_page(url, timeout_s=timeout_s)
        except FetchError as exc:
            print(f"error: {url}: {exc}", file=sys.stderr)
            failures += 1
            continue
        extraction = extract_page(html, url=url, provider=provider)
        for problem in extraction.problems:
            print(f"warning: {url}: {problem}", file=sys.stderr)
        found.extend(offer_to_json(offer) for offer in extraction.offers)
    if as_json:
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


def cmd_probe(config: Config, db_url: str, names: list[str] | None, *, as_json: bool, plan: bool) -> int:
    from db.catalog.queries import current_offers
    from monitor.probing import ProbeRunner, format_plan, format_samples, probe_plan, round_summary

    engine = make_engine(db_url)
    try:
        if plan:
            print(format_plan(probe_plan(config, current_offers(engine=engine))))
            return 0
        runner = ProbeRunner(config, engine)
        try:
            probes = runner.select(names)
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
    if as_json:
        print(json.dumps([sample.to_json() for sample in result.samples], indent=2))
    else:
        print(format_samples(result.samples))
        print(round_summary(result))
    return 1 if result.samples and not any(s.ok for s in result.samples) else 0


def _probe_work(config: Config, db_url: str) -> Callable[[list[str] | None], None]:
    """What `POST /api/v1/probe` runs under `modelwatch api`: one probe round, stored, rules applied."""

    def work(names: list[str] | None) -> None:
        from monitor.probing import ProbeRunner

        engine = make_engine(db_url)
        try:
            runner = ProbeRunner(config, engine)
            runner.round(runner.select(names))
        finally:
            engine.dispose()
        fill_outbox(config, db_url)

    return work


def cmd_run(
    config: Config, db_url: str, settings: Settings, *, api: bool = True, dashboard: bool = True
) -> int:
    from monitor.service import Service

    make_engine(db_url).dispose()
    logger.info(
        "modelwatch service: database %s, %d sources, %d probes",
        safe_url(db_url),
        len(config.sources),
        len(config.probes),
    )
    service = Service(config=config, db_url=db_url)
    with companions(service, config, db_url, settings, api=api, dashboard=dashboard):
        return service.run_forever()


@contextmanager
def companions(
    service: Any, config: Config, db_url: str, settings: Settings, *, api: bool, dashboard: bool
) -> Iterator[None]:
    """The catalog API (a thread) and the dashboard (a child process) beside the service.

    One that cannot start (a port in use) is reported; the service runs on without it.
    """
    server = None
    if api:
        app = api_commands.make_app(
            config=config,
            db_url=db_url,
            settings=settings,
            engine=service.engine,
            run_crawl=service.trigger_crawl,
            run_probes=service.trigger_probes,
            expect_scheduler=True,
        )
        server = api_commands.ApiThread(app, host=settings.api_host, port=settings.api_port)
        try:
            server.start()
            logger.info("catalog API on http://%s:%d/api/v1", settings.api_host, settings.api_port)
        except RuntimeError as exc:
            logger.error("%s: port %d; the service runs on without the API", exc, settings.api_port)
            server = None
    child = None
    if dashboard:
        child = dashboard_commands.start_dashboard(
            db_url, port=settings.dashboard_port, host=settings.dashboard_host
        )
        logger.info("dashboard on http://%s:%d", settings.dashboard_host, settings.dashboard_port)
    try:
        yield
    finally:
        if server is not None:
            server.stop()
        if child is not None:
            dashboard_commands.stop_dashboard(child)


def cmd_demo(db_file: Path, *, port: int, serve: bool, settings: Settings) -> int:
    from monitor.crawl import crawl_in_child, source_specs
    from monitor.demo import (
        demo_config,
        demo_highlights,
        fresh_sqlite,
        probe_highlights,
        probe_rounds,
        schedule_failures,
        start_replica,
    )
    from monitor.report import crawl_summary

    db_url = fresh_sqlite(db_file)
    replica = start_replica(port)
    try:
        print(f"provider replica at {replica.url} (demo catalog, model pages, simulated chat endpoints)")
        config = demo_config(replica.url)
        print(f"crawling it into {db_file} …")
        started = time.monotonic()
        outcome = crawl_in_child(db_url=db_url, sources=source_specs(config), aliases=config.models.aliases)
        print(crawl_summary(outcome.reports, outcome.errors, time.monotonic() - started))
        print(demo_highlights(db_url))
        print("probing the simulated endpoints (one goes down and comes back, one is slow) …")
        probe_rounds(replica, config, db_url)
        print(probe_highlights(db_url))
        if serve:
            from monitor.service import Service

            schedule_failures(replica)
            print(
                f"serving: replica at {replica.url}; crawls every 10 min, probes every "
                f"{config.probes[0].every.total_seconds():.0f} s into {db_file}\n"
                f"  dashboard  http://{settings.dashboard_host}:{settings.dashboard_port}\n"
                f"  API        http://{settings.api_host}:{settings.api_port}/api/v1/endpoints\n"
                "Ctrl-C to stop"
            )
            service = Service(config=config, db_url=db_url)
            with companions(service, config, db_url, settings, api=True, dashboard=True):
                service.run_forever()
    finally:
        replica.stop()
    return 1 if outcome.all_failed else 0


if __name__ == "__main__":
    sys.exit(main())
