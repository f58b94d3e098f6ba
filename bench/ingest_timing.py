"""In-process ingest timing: the replica's bodies, parsed by the real extractors, into a store.

`catalog_bodies` reads the exact bytes the replica serves; `parse_result` turns them into the
`CrawlResult` a crawl would hand to `db.catalog.ingest` (through `crawler.extract.openrouter`, as the spider
does); `timed_ingest` runs `start_run` + `ingest_run` on it and times that alone. Also: row counts per
history table, and a throwaway PostgreSQL schema.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, func, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from crawler.extract.openrouter import parse_endpoints, parse_models, parse_providers
from db.catalog.crawled import CrawlResult
from db.catalog.ingest import ingest_run
from db.catalog.report import IngestReport
from db.catalog.runs import start_run
from db.engine import normalise_url
from db.models import Change, CrawlProblem, Endpoint, EndpointRevision, PricePeriod, ReportedStat
from db.types import utcnow
from replica.catalog import Catalog

SOURCE = "openrouter"
# The tables an unchanged re-crawl must not grow (Endpoint only changes in place).
COUNTED_TABLES: dict[str, Any] = {
    "Endpoint": Endpoint,
    "PricePeriod": PricePeriod,
    "EndpointRevision": EndpointRevision,
    "ReportedStat": ReportedStat,
    "Change": Change,
    "CrawlProblem": CrawlProblem,
}


@dataclass(frozen=True)
class Bodies:
    """What the replica answers to one full crawl: `/models?output_modalities=all`, `/providers`, and
    each model's `/endpoints` body (models answered with 404, router aliases, have none)."""

    models: bytes
    providers: bytes
    endpoints: dict[str, bytes]


@dataclass(frozen=True)
class IngestTiming:
    seconds: float
    report: IngestReport

    @property
    def rate(self) -> float:
        """Endpoints ingested per second (OpenRouter's routed offers plus the provider endpoints)."""
        return self.report.endpoints_seen / self.seconds


def catalog_bodies(catalog: Catalog) -> Bodies:
    endpoints = {}
    for model_id in catalog.model_ids:
        status, body = catalog.endpoints_response(model_id)
        if status == 200:
            endpoints[model_id] = body
    return Bodies(
        models=catalog.models_body(output_modalities="all"),
        providers=catalog.providers_body(),
        endpoints=endpoints,
    )


def parse_result(bodies: Bodies, *, base_url: str) -> CrawlResult:
    """The `CrawlResult` of a clean crawl of `bodies`, built as the spider and pipeline build it."""
    base = base_url.rstrip("/")
    result = CrawlResult(source=SOURCE, started=utcnow())
    models, endpoints, problems = parse_models(bodies.models, base_url=base)
    result.models.extend(models)
    result.endpoints.extend(endpoints)
    result.problems.extend(problems)
    result.providers.extend(parse_providers(bodies.providers))
    result.parsed_ok += [f"{base}/models?output_modalities=all", f"{base}/providers"]
    for model_id, body in bodies.endpoints.items():
        _model, found, problems = parse_endpoints(body, model_id=model_id, base_url=base)
        result.endpoints.extend(found)
        result.problems.extend(problems)
        result.parsed_ok.append(f"{base}/models/{quote(model_id, safe='/:')}/endpoints")
    result.pages = 2 + len(models)
    result.finished = utcnow()
    return result


def timed_ingest(engine: Engine, result: CrawlResult) -> IngestTiming:
    """`start_run` + `ingest_run` of `result` (one transaction, as the pipeline does), timed."""
    started = time.perf_counter()
    run_id = start_run(engine=engine, source=result.source, started=result.started)
    report = ingest_run(engine=engine, run_id=run_id, result=result)
    return IngestTiming(seconds=time.perf_counter() - started, report=report)


def row_counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            name: session.exec(select(func.count()).select_from(table)).one()
            for name, table in COUNTED_TABLES.items()
        }


@contextmanager
def postgres_schema(base_url: str) -> Iterator[str]:
    """A fresh schema on the server at `base_url`, dropped afterwards; yields a URL that selects it."""
    base = normalise_url(base_url)
    schema = f"mw_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        separator = "&" if "?" in base else "?"
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def postgres_answers(url: str) -> str | None:
    """None when PostgreSQL at `url` answers `select 1`, else why not."""
    try:
        engine = create_engine(normalise_url(url), connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:
        return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    return None
