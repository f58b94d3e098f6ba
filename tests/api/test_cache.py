"""Freshness: the catalog reader's version checks and background rebuilds, and the API's answer cache."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from db.catalog.reader import CatalogReader
from tests.api.client import TestClient
from tests.api.conftest import make_client
from tests.api.seed import NOW, T0, catalog_offers, ingest, probe


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def cheap_input(reader: CatalogReader) -> float:
    snapshot = reader.snapshot()
    cheap = next(e for e in snapshot.active if e.provider == "Cheap")
    assert cheap.prices is not None and cheap.prices.input is not None
    return float(cheap.prices.input)


def test_reader_checks_the_version_once_per_refresh(seeded: Engine) -> None:
    clock = FakeClock()
    reader = CatalogReader(seeded, refresh_s=5, clock=clock, now=lambda: NOW)
    first = reader.snapshot()
    assert reader.fresh() is first and cheap_input(reader) == 0.1
    ingest(seeded, catalog_offers(cheap_input="0.12"), at=T0.replace(hour=18))
    clock.now += 4
    assert reader.snapshot() is first  # not checked again yet
    clock.now += 2
    assert cheap_input(reader) == 0.12  # checked, changed, rebuilt
    again = reader.snapshot()
    clock.now += 10
    assert reader.snapshot() is again  # checked, unchanged: the same snapshot


def test_background_rebuild_serves_the_previous_snapshot_meanwhile(seeded: Engine) -> None:
    clock = FakeClock()
    reader = CatalogReader(seeded, refresh_s=1, background=True, clock=clock, now=lambda: NOW)
    first = reader.snapshot()  # the first one is built in the caller's thread
    ingest(seeded, catalog_offers(cheap_input="0.12"), at=T0.replace(hour=18))
    clock.now += 2
    assert reader.snapshot() is first  # stale, while a thread rebuilds it
    reader.wait(timeout_s=30)
    assert cheap_input(reader) == 0.12


def test_repeated_questions_come_from_the_answer_cache(seeded: Engine) -> None:
    with make_client(seeded, refresh_s=3600) as client:
        first = client.get("/api/v1/endpoints", params={"provider": "Cheap"})
        ingest(seeded, catalog_offers(cheap_input="0.12"), at=T0.replace(hour=18))
        again = client.get("/api/v1/endpoints", params={"provider": "Cheap"})
        # within refresh_s the store is not asked: the same bytes, the same headers
        assert again.content == first.content and again.headers["content-type"] == "application/json"
        assert again.headers["content-length"] == first.headers["content-length"]
        assert again.json()["data"][0]["pricing"]["input"] == 0.1
        invalid = client.get("/api/v1/endpoints", params={"limit": 0})
        assert invalid.status_code == 422  # errors are never cached
    with make_client(seeded, refresh_s=0) as client:
        assert (
            client.get("/api/v1/endpoints", params={"provider": "Cheap"}).json()["data"][0]["pricing"][
                "input"
            ]
            == 0.12
        )


def test_each_host_gets_its_own_feed(client: TestClient) -> None:
    one = client.get("/api/v1/changes.atom", headers={"Host": "one.example"})
    other = client.get("/api/v1/changes.atom", headers={"Host": "other.example"})
    assert b"one.example" in one.content and b"one.example" not in other.content


def test_probe_samples_alone_rebuild_at_most_once_per_probe_refresh(seeded: Engine) -> None:
    clock = FakeClock()
    reader = CatalogReader(seeded, refresh_s=1, probe_refresh_s=30, clock=clock, now=lambda: NOW)
    first = reader.snapshot()
    blind = next(e for e in first.active if e.provider == "TieBlind")
    assert blind.health is None
    probe(seeded, first, "TieBlind", ok=True, ttft=450.0)  # a new probe and its samples
    clock.now += 5
    assert reader.snapshot() is first  # only the probes moved: not yet
    clock.now += 30
    measured = next(e for e in reader.snapshot().active if e.provider == "TieBlind")
    assert measured.health is not None and measured.health.probe == "tieblind-probe"
    ingest(seeded, catalog_offers(cheap_input="0.12"), at=T0.replace(hour=18))
    clock.now += 2
    assert cheap_input(reader) == 0.12  # a crawl shows at once
