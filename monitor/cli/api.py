"""`modelwatch api` (the catalog API alone, served by uvicorn until SIGINT/SIGTERM) and `modelwatch
recommend` (the recommender's ranking as a table or as the API's JSON).

Settings (`MODELWATCH_API_HOST`, `MODELWATCH_API_PORT`, `MODELWATCH_ADMIN_TOKEN`) come from the context
and reach `api.create_app` as arguments (`monitor.service.api_server.make_app`).
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from monitor.cli.context import Commands, Context, run_handler

if TYPE_CHECKING:  # FastAPI, the API and the recommender load only for the commands that use them
    from db.recommend.ranking import Recommendation
    from monitor.config import Config
    from monitor.settings import Settings

logger = logging.getLogger(__name__)


def add_commands(commands: Commands) -> None:
    """Add ``api`` and ``recommend`` to the CLI's subcommands."""
    api = commands.add_parser(
        "api",
        help="the catalog API alone (JSON, OpenAPI at /docs, /metrics, /healthz)",
        description="Serve the catalog API over the database until SIGINT/SIGTERM. POST /api/v1/crawl "
        "needs MODELWATCH_ADMIN_TOKEN set (off otherwise).",
    )
    api.add_argument("--host", help="address to listen on (default: $MODELWATCH_API_HOST, else 127.0.0.1)")
    api.add_argument("--port", type=int, help="port (default: $MODELWATCH_API_PORT, else 8000)")
    api.set_defaults(handler=cmd_api)
    rec = commands.add_parser(
        "recommend",
        help="the cheapest capable endpoints for a job, ranked and explained",
        description="Rank the endpoints able to do a job by what a request costs (ties: TTFT, then "
        "uptime) and say why the others were left out.",
    )
    rec.add_argument("--model", help="canonical id, a provider's model id or an alias (default: any model)")
    rec.add_argument("--min-context", type=int, metavar="TOKENS", help="context length at least")
    rec.add_argument(
        "--param",
        action="extend",
        nargs="+",
        default=[],
        metavar="NAME",
        help="required request parameters: tools, structured_outputs, reasoning, ...",
    )
    rec.add_argument("--input-tokens", type=int, default=1000, help="prompt tokens per request (1000)")
    rec.add_argument("--output-tokens", type=int, default=1000, help="output tokens per request (1000)")
    rec.add_argument("--requests-per-day", type=int, default=1000, help="requests per day (1000)")
    rec.add_argument("--cached-input-tokens", type=int, default=0, help="of the input, read from cache (0)")
    rec.add_argument("--cache-write-tokens", type=int, default=0, help="of the input, written to cache (0)")
    rec.add_argument("--max-ttft-ms", type=float, help="TTFT p90 at most, milliseconds")
    rec.add_argument("--min-uptime", type=float, metavar="PERCENT", help="uptime over 7 days at least")
    rec.add_argument("--quantization", action="extend", nargs="+", default=[], metavar="Q", help="allowed")
    rec.add_argument("--include-free", action="store_true", help="count free (rate-limited) endpoints")
    rec.add_argument("--currency", help="only prices in this currency (e.g. USD)")
    rec.add_argument(
        "--requests-per-month", type=int, help="requests a month (default: requests per day x 30)"
    )
    for index in ("intelligence", "coding", "agentic"):
        rec.add_argument(
            f"--min-{index}",
            type=float,
            metavar="INDEX",
            help=f"Artificial Analysis {index} index at least (0-100)",
        )
    rec.add_argument(
        "--include-unrated", action="store_true", help="keep (and mark) models without an index asked for"
    )
    rec.add_argument(
        "--min-quantization",
        metavar="Q",
        help="fp32 > bf16 = fp16 > fp8 > int8 > fp6 > fp4 = int4 (unknown ones allowed and marked)",
    )
    rec.add_argument(
        "--only-provider", action="extend", nargs="+", default=[], metavar="NAME", help="only these providers"
    )
    rec.add_argument(
        "--exclude-provider",
        action="extend",
        nargs="+",
        default=[],
        metavar="NAME",
        help="not these providers",
    )
    rec.add_argument(
        "--frontier",
        nargs="?",
        const="quality",
        choices=("quality", "ttft"),
        help="only the endpoints no other beats on both cost and quality (default) or TTFT p90",
    )
    rec.add_argument("--limit", type=int, default=10, help="ranked endpoints shown (10)")
    rec.add_argument("--json", action="store_true", help="print the API's JSON answer")
    rec.set_defaults(handler=cmd_recommend)


def run_command(
    args: argparse.Namespace, *, config: Config, db_url: str, settings: Settings | None = None
) -> int | None:
    """Run ``api`` or ``recommend``; None when `args` is another command."""
    return run_handler(args, (cmd_api, cmd_recommend), config=config, db_url=db_url, settings=settings)


def cmd_api(args: argparse.Namespace, context: Context) -> int:
    import uvicorn  # only where a server really runs

    from db.engine import make_engine, safe_url
    from monitor.cli.probe import probe_work
    from monitor.service.api_server import make_app

    config, db_url, settings = context.config, context.db_url, context.settings
    host = args.host or settings.api_host
    port = args.port if args.port is not None else settings.api_port
    engine = make_engine(db_url, create=False)  # a reader: never creates nor migrates the schema
    app = make_app(
        config=config, db_url=db_url, settings=settings, engine=engine, run_probes=probe_work(config, db_url)
    )
    admin = "admin routes on" if settings.admin_token else "admin routes off (MODELWATCH_ADMIN_TOKEN unset)"
    logger.info("catalog API on http://%s:%d over %s; %s", host, port, safe_url(db_url), admin)
    try:
        with _stop_quietly():
            uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
    finally:
        engine.dispose()
    logger.info("catalog API stopped")
    return 0


@contextmanager
def _stop_quietly() -> Iterator[None]:
    """uvicorn stops cleanly on SIGINT/SIGTERM and then raises the signal again for the handler it found:
    give it one that does nothing, so a requested stop ends the command with status 0, not a signal."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = (signal.SIGINT, signal.SIGTERM)
    previous = {sig: signal.signal(sig, lambda _sig, _frame: None) for sig in wanted}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def cmd_recommend(args: argparse.Namespace, context: Context) -> int:
    from dataclasses import replace

    from api.render import recommendation as recommendation_json
    from db.catalog.snapshot import load_snapshot
    from db.engine import make_engine
    from db.recommend.job import JobError, build_job, recommend_in

    config, db_url = context.config, context.db_url

    try:  # checked before the catalog is read: the model is resolved against it below
        job = build_job(
            min_context=args.min_context,
            parameters=args.param,
            input_tokens=args.input_tokens,
            output_tokens=args.output_tokens,
            requests_per_day=args.requests_per_day,
            cached_input_tokens=args.cached_input_tokens,
            cache_write_tokens=args.cache_write_tokens,
            max_ttft_ms=args.max_ttft_ms,
            min_uptime=args.min_uptime,
            quantizations=args.quantization,
            include_free=args.include_free,
            currency=args.currency,
            requests_per_month=args.requests_per_month,
            min_intelligence=args.min_intelligence,
            min_coding=args.min_coding,
            min_agentic=args.min_agentic,
            include_unrated=args.include_unrated,
            min_quantization=args.min_quantization,
            only_providers=args.only_provider,
            exclude_providers=args.exclude_provider,
            rates=config.currencies.to_rates(),
        )
    except JobError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    engine = make_engine(db_url, create=False)  # a reader: never creates nor migrates the schema
    try:
        snapshot = load_snapshot(engine=engine, aliases=config.models.aliases)
    finally:
        engine.dispose()
    canonical = snapshot.resolve_model(args.model) if args.model else None
    if args.model and canonical is None:
        print(
            f"error: no model {args.model!r} in the catalog (crawl first, or check the id)", file=sys.stderr
        )
        return 2
    result = recommend_in(snapshot, replace(job, model=canonical))
    if args.json:
        body = recommendation_json(result, limit=args.limit, frontier=args.frontier)
        print(json.dumps(body, indent=2, ensure_ascii=False))
    else:
        print(recommendation_table(result, limit=args.limit, frontier=args.frontier))
    return 0 if result.ranked else 1


def _money(value: Any) -> str:
    """A cost, with enough digits to tell small ones apart (0.00122, 36.6)."""
    number = float(value)
    return f"{number:.6f}".rstrip("0").rstrip(".") if number < 1 else f"{number:,.2f}"


def recommendation_table(result: Recommendation, *, limit: int, frontier: str | None = None) -> str:
    """The ranking as a readable table (each row with why it ranks before the next, its model's quality),
    then the endpoints left out and why. `frontier` (an axis): only the rows on the Pareto frontier."""
    from db.recommend.frontier import frontier_points

    job, load = result.job, result.job.workload
    lines = [
        f"{job.model or 'any model'}: {load.input_tokens} input + {load.output_tokens} output tokens "
        f"a request, "
        + (
            f"{load.requests_per_month} requests a month"
            if load.requests_per_month is not None
            else f"{load.requests_per_day} requests a day ({load.monthly_requests} a month)"
        )
    ]
    rows = list(enumerate(result.ranked, start=1))
    if frontier is not None:
        points = frontier_points(result, frontier)
        rows = [(rank, row) for (rank, row), point in zip(rows, points, strict=True) if point.frontier]
        lines.append(f"the Pareto frontier of cost against {frontier}: {len(rows)} of {len(result.ranked)}")
    if not result.ranked:
        lines.append("no endpoint can do this job")
    else:
        header = (
            f"{'#':>3}  {'endpoint':<34} {'per request':>12} {'per month':>11} {'':<7} "
            f"{'in / out per 1M':>17} {'context':>8}  {'TTFT p90':<20} {'uptime':<18}"
        )
        lines += [header, "-" * len(header.rstrip())]
        for rank, row in rows[:limit]:
            e, cost, figures = row.endpoint, row.cost, row.figures
            prices = e.prices
            per_1m = f"{prices.input} / {prices.output}" if prices is not None else "?"
            ttft = (
                f"{figures.ttft_p90_ms:.0f} ms ({figures.ttft_source})"
                if figures.ttft_p90_ms is not None
                else "-"
            )
            uptime = (
                f"{figures.uptime:.2f}% {figures.uptime_window} ({figures.uptime_source})"
                if figures.uptime is not None
                else "-"
            )
            label = e.label if len(e.label) <= 34 else e.label[:33] + "…"
            lines.append(
                f"{rank:>3}  {label:<34} {_money(cost.per_request):>12} {_money(cost.per_month):>11} "
                f"{cost.currency:<7} {per_1m:>17} {e.context_length or '?':>8}  {ttft:<20} {uptime:<18}"
            )
            if row.why:
                lines.append(f"{'':>5}why: {row.why}")
            if row.quality:
                facts = ", ".join(f"{name} {fact.value:g}" for name, fact in sorted(row.quality.items()))
                lines.append(f"{'':>5}quality: {facts}")
            for note in row.notes:
                lines.append(f"{'':>5}note: {note}")
        if len(rows) > limit:
            lines.append(f"… and {len(rows) - limit} more (--limit)")
    if result.excluded:
        lines.append(f"left out ({len(result.excluded)}):")
        lines += [f"  {x.endpoint.label} ({x.endpoint.model}): {x.reason}" for x in result.excluded]
    return "\n".join(line.rstrip() for line in lines)
