"""Pages drawn by JavaScript, read without a browser: the data their scripts carry for the framework.

One row per way a framework ships its data (Next.js pages and app router, Nuxt 2 and 3, Apollo, plain
assignments, JSON.parse), each as a whole page through `extract_page`: the offer it gives and where the
evidence says it was read. Then list pages (several records: several offers), and garbage (no exception).
"""

from __future__ import annotations

import json
from decimal import Decimal as D
from typing import Any

import pytest

from crawler.extract.embedded import read_next_f, read_scripts
from crawler.extract.page import extract_page, offer_to_json
from crawler.extract.structured import read_json_records

MODEL = {
    "id": "acme/llama-3.3-70b",
    "displayName": "Llama 3.3 70B",
    "contextLength": 131072,
    "maxOutputTokens": 8192,
    "pricing": {"inputPerMillion": "0.59", "outputPerMillion": "0.79"},
    "supportedParameters": ["temperature", "top_p", "max_tokens"],
    "releaseDate": "2024-12-06",
}


def page(*scripts: str, body: str = '<div id="root"></div>') -> str:
    return f"<html><head><title>Acme</title></head><body>{body}{''.join(scripts)}</body></html>"


def next_f(rsc: str, *, pieces: int = 3) -> str:
    """An app-router payload as Next.js sends it: string chunks pushed by several scripts."""
    size = max(1, len(rsc) // pieces + 1)
    chunks = [rsc[i : i + size] for i in range(0, len(rsc), size)]
    pushes = [f"<script>self.__next_f.push([1,{json.dumps(c)}])</script>" for c in chunks]
    return "<script>(self.__next_f=self.__next_f||[]).push([0])</script>" + "".join(pushes)


def js_object(value: Any) -> str:
    """`value` as a minified JavaScript object literal: keys unquoted where they can be, !0/!1 for
    booleans."""
    if isinstance(value, dict):
        keys = {k: k if k.isidentifier() else json.dumps(k) for k in value}
        return "{" + ",".join(f"{keys[k]}:{js_object(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(js_object(v) for v in value) + "]"
    if value is True or value is False:
        return "!0" if value else "!1"
    return json.dumps(value)


RSC_ROWS = (
    '0:{"P":null,"b":"x1","c":["","models","acme","llama-3.3-70b"]}\n'
    '1:I[4242,["static/chunks/page.js"],"ModelPage"]\n'
    '2:T33,{"looks": "like json but is a text row"}ünïcödé\n'
    f'3:["$","$L1",null,{{"model":{json.dumps(MODEL)},"related":[]}}]\n'
)
NUXT_IIFE = (
    '<script>window.__NUXT__=(function(a,b,c){return {layout:"default",data:[{model:{id:"acme/llama-3.3-70b",'
    'displayName:"Llama 3.3 70B",contextLength:131072,maxOutputTokens:8192,inputPrice:.59,outputPrice:.79,'
    'priceUnit:"per 1M tokens",currency:c,supportedParams:["temperature","top_p","max_tokens"],'
    'releaseDate:"2024-12-06",deprecated:b,note:"a, b and c stay text"}}],error:a,serverRendered:!0}}'
    '(null,false,"USD"));</script>'
)
NUXT_DATA = [
    ["ShallowReactive", 1],
    {"data": 2, "state": 9},
    ["ShallowReactive", 3],
    {"model-page": 4},
    {"model": 5},
    {"id": 6, "displayName": 7, "contextLength": 8, "pricing": 10, "releaseDate": 14},
    "acme/llama-3.3-70b",
    "Llama 3.3 70B",
    131072,
    {},
    {"inputPerMillion": 11, "outputPerMillion": 12, "unit": 13},
    0.59,
    0.79,
    "USD",
    ["Date", "2024-12-06T00:00:00.000Z"],
]
CASES = {
    "next.js pages router": (
        f'<script id="__NEXT_DATA__" type="application/json">'
        f"{json.dumps({'props': {'pageProps': {'model': MODEL}}})}</script>",
        "script#__NEXT_DATA__: props.pageProps.model",
    ),
    "next.js app router": (next_f(RSC_ROWS), "next_f payload, row 3: [3].model"),
    "nuxt 2 function": (NUXT_IIFE, "window.__NUXT__: data[0].model"),
    "nuxt 3 devalue": (
        f'<script type="application/json" id="__NUXT_DATA__">{json.dumps(NUXT_DATA)}</script>',
        "script#__NUXT_DATA__: data.model-page.model",
    ),
    "apollo state": (
        f"<script>window.__APOLLO_STATE__ = {js_object({'Model:1': MODEL, 'ROOT_QUERY': {}})};</script>",
        "window.__APOLLO_STATE__: Model:1",
    ),
    "apollo state with links": (
        "<script>window.__APOLLO_STATE__ = "
        + js_object(
            {
                "ROOT_QUERY": {"__typename": "Query", "model": {"__ref": "Model:1"}},
                "Model:1": {"__typename": "Model", **MODEL, "pricing": {"__ref": "Pricing:1"}},
                "Pricing:1": {"__typename": "Pricing", **MODEL["pricing"]},
            }
        )
        + ";</script>",
        "window.__APOLLO_STATE__: Model:1",  # its pricing read through its link
    ),
    "a data block of its own type": (
        f'<script type="text/x-magento-init">{json.dumps({"*": {"catalog": {"model": MODEL}}})}</script>',
        "script text/x-magento-init: *.catalog.model",
    ),
    "initial state object literal": (
        f"<script>\n  // state\n  window.__INITIAL_STATE__ = {js_object({'catalog': {'current': MODEL}})};\n"
        "  window.dataLayer = window.dataLayer || [];\n</script>",
        "window.__INITIAL_STATE__: catalog.current",
    ),
    "json.parse": (
        f"<script>window.__DATA__ = JSON.parse({json.dumps(json.dumps({'model': MODEL}))});</script>",
        "window.__DATA__: model",
    ),
    "application/json script": (
        f'<script type="application/json" data-island="model">{json.dumps([{"model": MODEL}])}</script>',
        "script application/json: [0].model",
    ),
    "json inside a fetched body": (
        f'<script type="application/json" data-sveltekit-fetched>'
        f"{json.dumps({'status': 200, 'body': json.dumps({'data': MODEL})})}</script>",
        "script application/json: body.(json).data",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_embedded_model_becomes_the_offer(name: str) -> None:
    script, where = CASES[name]
    url = "https://acme.example/models/acme/llama-3.3-70b"
    extraction = extract_page(page(script), url=url, provider="Acme")
    assert [o.model for o in extraction.offers] == ["acme/llama-3.3-70b"], extraction.problems
    offer = extraction.offers[0]
    assert offer.name == "Llama 3.3 70B"
    assert offer.context_length == 131072
    assert offer.pricing == {"input": D("0.59"), "output": D("0.79")}
    assert offer.currency == "USD"
    assert offer.released is not None and offer.released.isoformat() == "2024-12-06"
    assert offer.evidence["pricing"].method == "embedded"
    assert offer.evidence["pricing"].where == where
    assert offer.evidence["context_length"].where == where
    assert not extraction.problems


def test_nuxt_function_arguments_fill_the_values_and_minified_booleans_read() -> None:
    found = read_scripts([("", "", NUXT_IIFE.removeprefix("<script>").removesuffix("</script>"))])
    value = found.embedded[0].value
    model = value["data"][0]["model"]
    assert model["currency"] == "USD" and model["deprecated"] is False and value["error"] is None
    assert value["serverRendered"] is True
    assert model["note"] == "a, b and c stay text"  # identifiers inside strings are text
    assert model["inputPrice"] == 0.59  # a leading-dot number


def test_next_f_text_rows_are_text_and_import_rows_are_skipped() -> None:
    rows = read_next_f(RSC_ROWS)
    assert [r.label for r in rows] == [
        "next_f payload, row 0",
        "next_f payload, text row 2",
        "next_f payload, row 3",
    ]
    assert rows[1].value == '{"looks": "like json but is a text row"}ünïcödé'


def test_a_list_page_gives_one_offer_per_model_in_its_embedded_list() -> None:
    models = [
        {"slug": f"acme/model-{i}b", "name": f"Model {i}B", "context_length": 32768 * i,
         "pricing": {"prompt": f"0.000000{i}", "completion": f"0.00000{i}"}}
        for i in range(1, 5)
    ]  # fmt: skip
    script = f"<script>const models = {json.dumps(models)};</script>"
    extraction = extract_page(page(script), url="https://acme.example/models", provider="Acme")
    assert [o.model for o in extraction.offers] == [f"acme/model-{i}b" for i in range(1, 5)]
    assert extraction.offers[2].pricing == {"input": D("0.3"), "output": D("3")}
    assert extraction.offers[3].context_length == 131072
    assert extraction.offers[0].evidence["pricing"].where == "const models: [0]"
    assert extraction.offers[3].evidence["model"].where == "const models: [3]"


def test_a_model_page_picks_its_own_model_among_related_ones() -> None:
    related = {**MODEL, "id": "acme/qwen3-32b", "displayName": "Qwen3 32B"}
    data = {
        "props": {"pageProps": {"related": [related, related | {"id": "acme/mistral-7b"}], "model": MODEL}}
    }
    script = f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'
    extraction = extract_page(page(script), url="https://acme.example/m/llama-3.3-70b", provider="Acme")
    assert [o.model for o in extraction.offers] == ["acme/llama-3.3-70b"]


def test_records_are_read_with_their_unit_and_currency() -> None:
    records = read_json_records(
        [
            {"model_id": "m-1b", "input_price": 2, "output_price": 8, "price_unit": "per 1K tokens",
             "currency": "eur", "context_window": "32K", "request_price": 0, "endpoint": "https://api.x.ai/v1/chat/completions"},
            {"id": "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "contextLength": 8192},  # a UUID is no model id
        ]
    )  # fmt: skip
    assert len(records) == 1
    record = records[0]
    assert record.pricing == {"input": D("2000"), "output": D("8000")}  # per 1K -> per 1M; no request fee
    assert (record.currency, record.context_length) == ("EUR", 32000)
    assert record.endpoints == ["https://api.x.ai/v1/chat/completions"]


GARBAGE = [
    "<script>window.__NUXT__=(function(a){return {x:a</script>",  # never closed
    "<script>window.__STATE__ = {a: [1, 2, {b: }</script>",
    "<script>const models = [" + "[" * 5000 + "]" * 5000 + "];</script>",
    '<script>self.__next_f.push([1,"4:{not json\\n5:T99,short"])</script>',
    '<script type="application/json" id="__NUXT_DATA__">[["Reactive",0],{"a":0}]</script>',  # a cycle
    '<script type="application/json" id="__NUXT_DATA__">[{"a":99},[-1,-2]]</script>',
    "<script>var x = JSON.parse('{\\'bad');</script>",
    "<script>window.a = function(){ return {}; };</script>",
]


@pytest.mark.parametrize("script", GARBAGE, ids=range(len(GARBAGE)))
def test_garbage_in_scripts_is_no_exception(script: str) -> None:
    extraction = extract_page(
        page(script, body="<h1>Acme</h1><p>Nothing here.</p>"), url="https://acme.example/"
    )
    assert extraction.offers == [] and extraction.problems


def test_a_bundle_of_megabytes_before_the_data_is_skipped_over() -> None:
    bundle = "".join(
        f"function r{n}(e,t){{var a=t.map(function(o){{return o.k}});return a}}\n" for n in range(40_000)
    )
    script = f"<script>{bundle}window.__STATE__ = {js_object({'model': MODEL})};</script>"
    assert len(script) > 2_500_000
    extraction = extract_page(page(script), url="https://acme.example/models/acme/llama-3.3-70b")
    assert [o.model for o in extraction.offers] == ["acme/llama-3.3-70b"]


def test_explain_prints_where_the_embedded_value_was_read() -> None:
    extraction = extract_page(page(next_f(RSC_ROWS)), url="https://acme.example/models/acme/llama-3.3-70b")
    shown = offer_to_json(extraction.offers[0], explain=True)["evidence"]["max_output_tokens"]
    assert shown == {
        "where": "next_f payload, row 3: [3].model",
        "snippet": "max_output_tokens: 8192",
        "method": "embedded",
        "confidence": 0.9,
    }
