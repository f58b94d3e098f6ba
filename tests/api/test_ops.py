"""`/healthz`, `/metrics` and the Atom feed."""

from __future__ import annotations

from datetime import timedelta
from xml.etree import ElementTree as ET

from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from db.heartbeat import beat
from tests.api.client import TestClient
from tests.api.conftest import make_client
from tests.api.seed import NOW, T0, catalog_offers, ingest

ATOM = "{http://www.w3.org/2005/Atom}"


def test_healthz_reports_database_scheduler_and_crawls(seeded: Engine) -> None:
    with make_client(seeded) as client:
        alone = client.get("/healthz")
        assert alone.status_code == 200
        body = alone.json()
        assert body["status"] == "ok" and body["database"] == {"ok": True}
        assert body["scheduler"]["expected"] is False and body["scheduler"]["last_beat"] is None
        assert body["catalog"]["sources"]["openrouter"]["status"] == "ok"
    with make_client(seeded, expect_scheduler=True, heartbeat_max_age_s=60) as client:
        assert client.get("/healthz").status_code == 503  # the service's scheduler never beat
        beat(seeded, started=T0, pid=1, now=NOW - timedelta(seconds=30))
        fresh = client.get("/healthz").json()
        assert fresh["status"] == "ok" and fresh["scheduler"]["age_s"] == 30.0 and fresh["scheduler"]["ok"]
        beat(seeded, started=T0, pid=1, now=NOW - timedelta(seconds=90))
        stale = client.get("/healthz")
        assert stale.status_code == 503 and stale.json()["scheduler"]["ok"] is False
    with make_client(seeded, heartbeat_max_age_s=60) as client:  # `modelwatch api` beside a stale service
        assert client.get("/healthz").json()["status"] == "degraded"


def test_healthz_and_reads_when_the_database_is_gone() -> None:
    gone = create_engine(
        "postgresql+psycopg://modelwatch:secret-pw@127.0.0.1:1/nothing", connect_args={"connect_timeout": 2}
    )
    with make_client(gone) as client:
        health = client.get("/healthz")
        assert health.status_code == 503
        assert health.json()["status"] == "fail" and health.json()["database"]["ok"] is False
        assert "secret-pw" not in health.text
        listing = client.get("/api/v1/endpoints")
        assert listing.status_code == 503 and "secret-pw" not in listing.text
    gone.dispose()


def metric_samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def find(
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str
) -> list[float]:
    return [v for (n, ls), v in samples.items() if n == name and set(labels.items()) <= set(ls)]


def test_metrics(client: TestClient, seeded: Engine) -> None:
    response = client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    samples = metric_samples(response.text)
    assert find(samples, "modelwatch_endpoint_price", provider="Cheap", price="input", currency="USD") == [
        0.1
    ]
    assert find(
        samples, "modelwatch_endpoint_price", provider="EigenAI", price="output", currency="credits"
    ) == [0.05]
    assert find(samples, "modelwatch_endpoint_up", provider="Down") == [0.0]
    assert find(samples, "modelwatch_endpoint_up", provider="Cheap") == [1.0]
    assert find(samples, "modelwatch_probe_up", probe="down-probe") == [0.0]
    assert find(samples, "modelwatch_probe_status", probe="down-probe", status="down") == [1.0]
    assert find(samples, "modelwatch_probe_uptime_percent", probe="cheap-probe", window="7d") == [100.0]
    # five samples of 300 ms: none at or below 0.25 s, all at or below 0.5 s
    assert find(samples, "modelwatch_probe_ttft_seconds_bucket", probe="cheap-probe", le="0.25") == [0.0]
    assert find(samples, "modelwatch_probe_ttft_seconds_bucket", probe="cheap-probe", le="0.5") == [5.0]
    assert find(samples, "modelwatch_probe_ttft_seconds_count", probe="cheap-probe") == [5.0]
    assert find(samples, "modelwatch_probe_ttft_seconds_sum", probe="cheap-probe") == [1.5]
    assert find(samples, "modelwatch_crawl_last_run_status", source="openrouter", status="ok") == [1.0]
    assert find(samples, "modelwatch_crawl_last_success_timestamp_seconds", source="eigenai") == [
        T0.timestamp()
    ]
    assert find(samples, "modelwatch_catalog_size", what="endpoints") == [13.0]
    assert find(samples, "modelwatch_scheduler_heartbeat_timestamp_seconds") == []
    beat(seeded, started=T0, now=NOW)
    again = metric_samples(client.get("/metrics").text)
    assert find(again, "modelwatch_scheduler_heartbeat_timestamp_seconds") == [NOW.timestamp()]


def test_atom_feed_of_changes(client: TestClient, seeded: Engine) -> None:
    ingest(
        seeded,
        [o for o in catalog_offers(cheap_input="0.12") if o.provider != "Short"],
        at=T0.replace(hour=18),
    )
    response = client.get("/api/v1/changes.atom")
    assert response.status_code == 200 and response.headers["content-type"] == "application/atom+xml"
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    titles = {entry.findtext(f"{ATOM}title") for entry in entries}
    assert titles == {
        "price up: Cheap acme/m1 input 0.1 -> 0.12 (+20.00%)",
        "endpoint removed: Short acme/m1 [short/fp8]",
    }
    assert feed.findtext(f"{ATOM}updated") == "2026-05-18T18:00:00Z"
    only = ET.fromstring(client.get("/api/v1/changes.atom", params={"kind": "price_up"}).content)
    assert len(only.findall(f"{ATOM}entry")) == 1
    link = only.find(f"{ATOM}link[@rel='self']")
    assert link is not None and link.get("href", "").endswith("/api/v1/changes.atom?kind=price_up")
