"""Source kind `openai_models`: providers' own OpenAI-style `/models` lists with prices.

The pure parser on the two real lists in ../shared/fixtures/providers (expected values computed here from
the fixture's own numbers), on the replica's file of every shape, on shape detection and on bad input;
then real Scrapy crawls of the replica into SQLite files: a clean crawl, the replica's faults (nothing
removed, no zero written, one problem naming the source and the key path), and an API key through the
CLI (the replica requires it; a wrong one is a clear problem; the key is in no output and no database byte).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, col, select

from crawler.extract.jsonfields import ExtractError
from crawler.extract.openai_models import SHAPES, ModelsList, detect_shape, parse_models_list
from crawler.source import SourceSpec
from db.engine import make_engine
from db.models import CrawlProblem, Endpoint, PricePeriod, Provider
from monitor.crawling.run import CrawlOutcome, crawl_in_child
from replica import faults
from replica.catalog import demo_catalog
from replica.keys import require_key
from replica.server import ReplicaServer
from replica.sources import DEFAULT_SOURCES_DIR
from tests.conftest import shared_path

BASE = "https://api.example.test/v1"


def parse(body: bytes | str, source: str, shape: str = "auto", provider: str = "P") -> ModelsList:
    return parse_models_list(
        body, source=source, provider=provider, base_url=BASE, url=f"{BASE}/models", shape=shape
    )


def replica_file(shape: str) -> bytes:
    return (DEFAULT_SOURCES_DIR / f"{shape}-models.json").read_bytes()


def g15(value: float | int) -> D:
    """A JSON number as its 15 significant digits: how a price with float noise is expected to read."""
    return D(format(value, ".15g"))


def by_model(result: ModelsList) -> dict[tuple[str, str], Any]:
    return {(e.provider, e.provider_model_id): e for e in result.endpoints}


# --- the real lists --------------------------------------------------------------------------------------


def test_deepinfra_real_list() -> None:
    raw = shared_path("fixtures", "providers", "deepinfra-openai-models-2026-02-23.json").read_bytes()
    entries = json.loads(raw)["data"]
    priced = [e for e in entries if e["metadata"] and e["metadata"].get("pricing")]
    assert (len(entries), len(priced)) == (142, 78)  # as the fixture's README says

    result = parse(raw, "deepinfra", provider="DeepInfra")
    assert result.shape == "deepinfra" and result.complete
    assert (result.entries, len(result.endpoints)) == (142, 78)
    assert result.skipped == {"without prices": 64}
    assert [p.message for p in result.problems] == ["deepinfra: skipped 64 of 142 entries: 64 without prices"]
    assert all(p.warning for p in result.problems)
    read = by_model(result)
    for entry in priced:
        meta, pricing = entry["metadata"], entry["metadata"]["pricing"]
        endpoint = read[("DeepInfra", entry["id"])]
        assert endpoint.url == f"{BASE}/chat/completions" and endpoint.model == entry["id"]
        assert endpoint.pricing.input == g15(pricing["input_tokens"])
        assert endpoint.pricing.output == g15(pricing["output_tokens"])
        cache = pricing.get("cache_read_tokens")
        assert endpoint.pricing.cache_read == (None if cache is None else g15(cache))
        assert (endpoint.context_length, endpoint.max_output_tokens) == (
            meta["context_length"],
            meta["max_tokens"],
        )
        assert ("reasoning_effort" in endpoint.parameters) == ("reasoning_effort" in meta["tags"])
    glm = read[("DeepInfra", "zai-org/GLM-4.7")].pricing
    assert (glm.input, glm.output, glm.cache_read) == (D("0.4"), D("1.75"), D("0.08"))  # 0.08000000000000002


def test_together_real_list() -> None:
    raw = shared_path("fixtures", "providers", "together-models-2026-01-23.json").read_bytes()
    entries = json.loads(raw)
    chat = [e for e in entries if e["type"] in ("chat", "language", "code")]
    zero = [e for e in chat if e["pricing"]["input"] == 0 and e["pricing"]["output"] == 0]
    assert zero and not any(e["id"].lower().endswith("-free") for e in zero)

    result = parse(raw, "together", provider="Together")
    assert result.shape == "together" and result.complete
    assert result.entries == len(entries) == 131
    assert len(result.endpoints) == len(chat) - len(zero)
    assert result.skipped == {"not chat models": len(entries) - len(chat), "without prices": len(zero)}
    read = by_model(result)
    for entry in chat:
        endpoint = read.get(("Together", entry["id"]))
        if entry in zero:
            assert endpoint is None  # 0/0: not priced per token, never stored as free
            continue
        assert endpoint is not None
        assert endpoint.pricing.input == g15(entry["pricing"]["input"])
        assert endpoint.pricing.output == g15(entry["pricing"]["output"])
        assert endpoint.context_length == (entry.get("context_length") or None)
        assert endpoint.max_output_tokens == entry["config"].get("max_output_length")


# --- the replica's files, one per shape ----------------------------------------------------------------

# shape -> (endpoints, skipped, a spot: (provider, model id) -> (input, output, cache_read))
REPLICA_ROWS: dict[str, tuple[int, dict[str, int], dict[tuple[str, str], tuple[str, str, str | None]]]] = {
    "deepinfra": (4, {"without prices": 2}, {("P", "zai-org/GLM-4.7"): ("0.4", "1.75", "0.08")}),
    "together": (
        5,
        {"not chat models": 2, "without prices": 1},
        {
            ("P", "meta-llama/Llama-4-Scout-17B-16E-Instruct"): ("0.18", "0.59", None),
            ("P", "meta-llama/Llama-3.3-70B-Instruct-Turbo-Free"): ("0", "0", None),  # free by its id
        },
    ),
    "novita": (
        5,
        {"not chat models": 1},
        {
            ("P", "zai-org/glm-4.7"): ("0.6", "2.2", "0.11"),
            ("P", "baidu/ernie-4.5-21B-a3b"): ("0.07", "0.28", None),  # 700/2800 in 1/10,000 USD
            ("P", "thudm/glm-4.1v-9b-thinking"): ("0", "0", None),  # Novita's free model: no pricing, 0/0
        },
    ),
    "chutes": (
        3,
        {"without prices": 1},
        {
            ("P", "deepseek-ai/DeepSeek-V3.1-Terminus"): ("0.23", "0.9", None),
            ("P", "Qwen/Qwen3-235B-A22B-Instruct-2507"): ("0.08", "0.55", None),  # price.*.usd only
        },
    ),
    "huggingface": (
        6,
        {"not live": 1, "without prices": 1},
        {
            ("Novita", "zai-org/GLM-4.7"): ("0.6", "2.2", None),
            ("Groq", "openai/gpt-oss-120b"): ("0.15", "0.75", None),
        },
    ),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_replica_file_of_each_shape(shape: str) -> None:
    count, skipped, spots = REPLICA_ROWS[shape]
    body = replica_file(shape)
    assert detect_shape(json.loads(body)) == shape
    result = parse(body, shape)
    assert parse(body, shape, shape=shape).endpoints == result.endpoints  # named or detected: the same
    assert (len(result.endpoints), dict(result.skipped), result.complete) == (count, skipped, True)
    assert all(p.warning for p in result.problems)
    read = by_model(result)
    for key, (inp, out, cache) in spots.items():
        pricing = read[key].pricing
        assert (pricing.input, pricing.output) == (D(inp), D(out))
        assert pricing.cache_read == (None if cache is None else D(cache))


def test_shape_details() -> None:
    chutes = by_model(parse(replica_file("chutes"), "chutes"))[("P", "deepseek-ai/DeepSeek-V3.1-Terminus")]
    assert chutes.quantization == "fp8" and {"tools", "response_format", "temperature"} <= set(
        chutes.parameters
    )
    novita = by_model(parse(replica_file("novita"), "novita"))
    tiers = novita[("P", "qwen/qwen3-coder-480b-a35b-instruct")].pricing.overrides
    assert tiers == [{"min_prompt_tokens": 128000, "input": "0.6", "output": "2.6"}]
    hf = parse(replica_file("huggingface"), "hf-router")
    endpoint = by_model(hf)[("Novita", "zai-org/GLM-4.7")]
    # behind the router, not the provider's direct endpoint: tagged like one behind OpenRouter
    assert endpoint.tag == "huggingface/novita" and endpoint.url == f"{BASE}/chat/completions"
    assert (
        endpoint.reported is not None and endpoint.reported.source == "hf-router"
    )  # labelled with the source
    assert (endpoint.reported.latency_30m, endpoint.reported.throughput_30m) == (
        {"value": 812},
        {"value": 41.5},
    )
    assert by_model(hf)[("Fireworks", "openai/gpt-oss-120b")].reported is None  # no figures given
    assert ("Cerebras", "zai-org/GLM-4.7") not in by_model(hf)  # staging, not live


def test_a_tag_that_names_a_quantization_is_read() -> None:
    body = json.loads(replica_file("deepinfra"))
    body["data"][0]["metadata"]["tags"] = ["FP8", "prompt_cache"]
    assert parse(json.dumps(body), "deepinfra").endpoints[0].quantization == "fp8"


# --- bad input, pure -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("<html>not json</html>", "deepinfra: the model list is not JSON"),
        (replica_file("deepinfra")[:300], "deepinfra: the model list is not JSON"),
        ('{"data": {}}', "cannot tell the shape"),
        ('{"models": []}', 'expected a bare array of models with "type"'),
    ],
)
def test_an_unreadable_body_is_one_error_saying_what_was_expected(body: str | bytes, says: str) -> None:
    with pytest.raises(ExtractError, match=says.replace("[", r"\[")):
        parse(body, "deepinfra")


def test_a_named_shape_that_does_not_fit_names_the_key() -> None:
    with pytest.raises(ExtractError, match=r"deepinfra: data: expected a list, got \{\}"):
        parse('{"data": {}}', "deepinfra", shape="deepinfra")
    with pytest.raises(ExtractError, match="expected a bare array"):
        parse(replica_file("deepinfra"), "together", shape="together")


@pytest.mark.parametrize("bad", ["abc", "-1", -0.5, None, True, {"usd": 1}])
def test_a_bad_price_leaves_that_entry_as_it_was_and_keeps_the_others(bad: Any) -> None:
    body = json.loads(replica_file("deepinfra"))
    body["data"][0]["metadata"]["pricing"]["input_tokens"] = bad
    result = parse(json.dumps(body), "deepinfra", provider="DeepInfra")
    assert [e.provider_model_id for e in result.endpoints] == [
        "deepseek-ai/DeepSeek-V3.1-Terminus",
        "openai/gpt-oss-120b",
        "meta-llama/Meta-Llama-3.1-8B-Instruct",
    ]
    errors = [p for p in result.problems if not p.warning]
    assert len(errors) == 1 and errors[0].parser
    what = {
        "abc": "'abc' is not a number",
        "-1": "'-1' is negative, not a price",
        -0.5: "-0.5 is negative, not a price",
        None: "no price (null or missing)",
        True: "True is not a number",
        str({"usd": 1}): "{'usd': 1} is not a number",
    }[bad if not isinstance(bad, dict) else str(bad)]
    assert errors[0].message.startswith(f"deepinfra: data[0].metadata.pricing.input_tokens: {what}")
    assert result.complete  # read whole: the problem (no warning) makes the run partial, removing nothing


def test_prices_as_numeric_strings_are_exact() -> None:
    body = json.loads(replica_file("deepinfra"))
    body["data"][0]["metadata"]["pricing"] = {"input_tokens": "0.40", "output_tokens": "1.75"}
    glm = parse(json.dumps(body), "deepinfra").endpoints[0].pricing
    assert glm is not None and (glm.input, glm.output, glm.cache_read) == (D("0.4"), D("1.75"), None)


def test_several_bad_entries_make_one_problem() -> None:
    body = json.loads(replica_file("novita"))
    for entry in body["data"][:4]:
        entry["pricing"] = {
            "prompt": {"price_per_m_decimal": "n/a"},
            "completion": {"price_per_m_decimal": "1"},
        }
    result = parse(json.dumps(body), "novita")
    errors = [p for p in result.problems if not p.warning]
    assert len(errors) == 1
    assert errors[0].message.startswith(
        "novita: data[0].pricing.prompt.price_per_m_decimal: 'n/a' is not a number"
    )
    assert "(and 1 more): 4 of 6 entries not read" in errors[0].message
    assert [e.provider_model_id for e in result.endpoints] == ["thudm/glm-4.1v-9b-thinking"]


def test_a_bad_price_behind_the_router_keeps_that_provider_only() -> None:
    body = json.loads(replica_file("huggingface"))
    body["data"][2]["providers"][1]["pricing"]["output"] = -0.75
    result = parse(json.dumps(body), "hf")
    assert ("Groq", "openai/gpt-oss-120b") not in by_model(result)
    assert ("Together", "openai/gpt-oss-120b") in by_model(result)
    message = "hf: data[2].providers[1].pricing.output: -0.75 is negative, not a price"
    assert message in result.problems[0].message


def test_an_empty_list_or_a_changed_shape_is_incomplete() -> None:
    empty = parse('{"object": "list", "data": []}', "deepinfra")
    assert not empty.complete and [p.kind for p in empty.problems] == ["empty_listing"]
    assert "deepinfra: the model list is empty" in empty.problems[0].message

    body = json.loads(replica_file("deepinfra"))
    for entry in body["data"]:
        if entry["metadata"]:
            entry["metadata"]["price"] = entry["metadata"].pop("pricing")
    changed = parse(json.dumps(body), "deepinfra")
    assert not changed.complete and not changed.endpoints
    problem = next(p for p in changed.problems if not p.warning)
    assert problem.parser and "data[].metadata.pricing.{input_tokens,output_tokens}" in problem.message


# --- real crawls of the replica ------------------------------------------------------------------------


def source(server: ReplicaServer, name: str) -> SourceSpec:
    """A DeepInfra-shaped source `name` (its provider named the same) at the replica's `name` path."""
    base_url = f"{server.url}/providers/{name}/v1/openai"
    return SourceSpec(name=name, kind="openai_models", provider=name, base_url=base_url, timeout_s=10)


def crawl(db_url: str, specs: list[SourceSpec]) -> dict[str, Any]:
    """One crawl of `specs` side by side in a child process: the report of each source by name."""
    outcome: CrawlOutcome = crawl_in_child(db_url=db_url, sources=specs, aliases={}, timeout_s=120)
    assert not outcome.errors, outcome.errors
    return {report.source: report for report in outcome.reports}


def stored(db_url: str, provider: str) -> dict[str, tuple[Any, ...]]:
    """provider model id -> (removed?, open prices (input, output, cache_read), price rows)."""
    engine = make_engine(db_url)
    out: dict[str, tuple[Any, ...]] = {}
    with Session(engine) as s:
        query = select(Endpoint).join(Provider, col(Provider.id) == Endpoint.provider_id)
        for endpoint in s.exec(query.where(Provider.name == provider)):
            periods = list(s.exec(select(PricePeriod).where(PricePeriod.endpoint_id == endpoint.id)))
            current = [(p.input, p.output, p.cache_read) for p in periods if p.valid_to is None]
            out[endpoint.provider_model_id] = (endpoint.removed_at is not None, current, len(periods))
    engine.dispose()
    return out


def problems(db_url: str) -> list[str]:
    engine = make_engine(db_url)
    with Session(engine) as s:
        messages = [p.message for p in s.exec(select(CrawlProblem).order_by(col(CrawlProblem.id)))]
    engine.dispose()
    return messages


def test_crawl_of_the_replica_and_its_faults(sqlite_url: str) -> None:
    """Five sources crawl the replica side by side: a clean crawl, then each answers one kind of bad input."""
    good = replica_file("deepinfra").decode()
    bad_price = json.loads(good)
    bad_price["data"][0]["metadata"]["pricing"]["output_tokens"] = "-1"
    changed = json.loads(good)  # the prices moved out of metadata, with it gone
    for entry in changed["data"]:
        entry["pricing"] = (entry.pop("metadata") or {}).get("pricing")
    cases = {  # source -> (its fault on the second crawl, what its one problem says)
        "deepinfra": (faults.truncated_json(), "deepinfra: the model list is not JSON"),
        "empty": (faults.status(200, '{"object": "list", "data": []}'), "empty: the model list is empty"),
        "changed": (faults.status(200, json.dumps(changed)), "changed: cannot tell the shape"),
        "price": (
            faults.status(200, json.dumps(bad_price)),
            "price: data[0].metadata.pricing.output_tokens: '-1' is negative, not a price",
        ),
        "down": (faults.status(500), "down: model list (/models): HTTP 500"),
    }
    with ReplicaServer(demo_catalog()) as server:
        specs = [source(server, name) for name in cases]
        for name in cases:  # the others serve DeepInfra's list from their own paths
            if name != "deepinfra":
                server.state.faults.set(f"/providers/{name}/", faults.status(200, good))
        first = crawl(sqlite_url, specs)
        assert {name: report.status for name, report in first.items()} == dict.fromkeys(cases, "ok")
        before = {name: stored(sqlite_url, name) for name in cases}
        assert before["deepinfra"]["zai-org/GLM-4.7"] == (False, [(D("0.4"), D("1.75"), D("0.08"))], 1)
        assert all(len(endpoints) == 4 for endpoints in before.values())

        for name, (fault, _) in cases.items():
            server.state.faults.set(f"/providers/{name}/", fault)
        second = crawl(sqlite_url, specs)
        server.state.faults.clear()

    for name, (_, says) in cases.items():
        report = second[name]
        assert report.status in ("partial", "failed"), (name, report.status)
        assert len(report.problems) == 1 and says in report.problems[0], (name, report.problems)
        # nothing removed, no price (and no zero) written
        assert stored(sqlite_url, name) == before[name], name
    assert second["price"].endpoints_seen == 3  # the other entries of that list still read
    recorded = problems(sqlite_url)
    assert all(any(says in message for message in recorded) for _, says in cases.values())


SECRET = "sk-mwtest-openai-models-RIGHT-4c1e9b"
WRONG = "sk-mwtest-openai-models-WRONG-77d0a2"


def run_crawl_cli(tmp_path: Path, url: str, keys: dict[str, str], env: dict[str, str]) -> str:
    """`modelwatch -v crawl` of one DeepInfra source per name in `keys` (name -> its api_key_env)."""
    config = tmp_path / "modelwatch.toml"
    config.write_text(
        "".join(
            f"""
[[sources]]
name = "{name}"
kind = "openai_models"
provider = "DeepInfra"
base_url = "{url}/providers/deepinfra/v1/openai"
api_key_env = "{env_name}"
shape = "deepinfra"
every = "6h"
"""
            for name, env_name in keys.items()
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "-v", "--config", str(config), "crawl"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    return f"exit {done.returncode}\n{done.stdout}{done.stderr}"


def test_api_key_is_sent_and_never_kept(tmp_path: Path) -> None:
    db = tmp_path / "keys.db"
    env = {**os.environ, "MW_DI_RIGHT": SECRET, "MW_DI_WRONG": WRONG, "MODELWATCH_DB_URL": f"sqlite:///{db}"}
    env.pop("MW_DI_UNSET", None)
    with ReplicaServer(demo_catalog(), extensions=[require_key("/providers/deepinfra/", SECRET)]) as server:
        right = run_crawl_cli(tmp_path, server.url, {"deepinfra": "MW_DI_RIGHT"}, env)
        before = stored(f"sqlite:///{db}", "DeepInfra")
        refused = run_crawl_cli(
            tmp_path, server.url, {"deepinfra": "MW_DI_WRONG", "keyless": "MW_DI_UNSET"}, env
        )
    # the replica answered only to the right Bearer header
    assert right.startswith("exit 0"), right
    assert before["zai-org/GLM-4.7"] == (False, [(D("0.4"), D("1.75"), D("0.08"))], 1)
    assert refused.startswith("exit 1"), refused  # every source failed
    assert "HTTP 403" in refused and "the key in the environment variable MW_DI_WRONG was refused" in refused
    assert "HTTP 401" in refused and "set the environment variable MW_DI_UNSET (it is not set)" in refused
    assert stored(f"sqlite:///{db}", "DeepInfra") == before  # the refused crawl removed nothing

    files = [path.read_bytes() for path in tmp_path.iterdir() if path.name.startswith("keys.db")]
    assert files
    for key in (SECRET, WRONG):
        assert key not in right and key not in refused
        assert not any(key.encode() in data for data in files)
