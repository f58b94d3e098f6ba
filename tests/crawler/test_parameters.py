"""Request parameters wherever a model page documents them: one row per case, each a snippet in the
layout of a real provider's page (Chutes' chips, Fireworks' and Together's docs lists, SambaNova's prose,
Hyperbolic's playground, DeepInfra's code tabs, Hugging Face's card, OpenRouter's saved model list), put
on a minimal model page and read by the page extractor as a crawl reads it."""

from __future__ import annotations

import pytest

from crawler.extract.page import extract_page

PAGE = (
    "<!DOCTYPE html><html><head><title>Test Model</title></head><body><main><h1>Test Model</h1>"
    "<p>Model ID: test-model-1</p><p>Input: $0.20 / 1M tokens · Output: $0.60 / 1M tokens</p>"
    "{snippet}</main></body></html>"
)

CHIPS = """<div class="card"><h2>Sampling parameters</h2>
<p class="muted">Passed through to the engine as they are; anything else in the request is ignored.</p>
<div class="chips" role="list"><span class="chip">temperature</span> <span class="chip">top_p</span>
<span class="chip">top_k</span> <span class="chip">min_p</span> <span class="chip">seed</span>
<span class="chip">stop</span> <span class="chip">max_tokens</span></div></div>
<div class="card"><h2>Endpoint</h2><ul><li>8 × H200 141GB</li>
<li>Node selector: gpu_count 8, min_vram_gb_per_gpu 140</li></ul></div>"""

UL_CODE = """<h3>Supported parameters</h3>
<ul><li><code>temperature</code></li><li><code>top_p</code></li><li><code>frequency_penalty</code></li>
<li><code>separate_reasoning</code></li><li><code>stream</code></li></ul><h3>Rate limits</h3>
<ul><li>60 requests per minute</li><li>Tokens per day: 1,000,000</li></ul>"""

UL_DESCRIBED = """<h2>Request parameters</h2><ul>
<li><code>max_tokens</code> — the most tokens to generate (default 2048)</li>
<li><code>temperature</code>: 0 to 2, default 1</li>
<li><code>reasoning_effort</code> (string): low, medium or high</li></ul>"""

DEFINITION_LIST = """<h2>Parameters</h2><dl>
<dt>temperature</dt><dd>Sampling temperature between 0 and 2.</dd>
<dt>top_k</dt><dd>Only sample from the top K options for each token.</dd>
<dt>repetition_penalty</dt><dd>Penalises repeated tokens.</dd></dl>
<h2>Pricing notes</h2><p>Billed per token.</p>"""

WORDS_LIST = """<h4>Sampling parameters</h4><ul><li>Temperature</li><li>Top P</li><li>Max tokens</li>
<li>Stop words</li><li>Frequency penalty</li></ul>"""

INLINE = "<p>Supported parameters: temperature, top_p, top_k, max_tokens, stop, seed.</p>"

PROSE = """<p>Supports temperature, top_p and max_tokens. Streaming responses are supported.</p>
<p>We recommend a lower temperature for coding tasks and enabling thinking for math problems.</p>"""

PROSE_NEGATED = """<p>The top_k parameter is not supported on this endpoint; logit_bias is ignored.</p>
<p>Set <code>reasoning_effort</code> to low, medium or high.</p>"""

PROSE_PLAIN_WORDS = """<p>Use the seed and temperature parameters for reproducible output.</p>
<p>This model has 671B parameters and supports tools and JSON mode.</p>"""

NO_PARAMETERS = """<ul><li>Number of Parameters: 80B in total and 3B activated</li>
<li>Context Length: 262,144 natively</li></ul>
<div class="tags"><span>LLM</span> <span>Reasoning</span> <span>Tool calling</span> <span>FP8</span></div>
<h2>Response</h2><p>Python</p><p>Model parameters are stored in BF16.</p>"""

PLAYGROUND = """<aside class="settings"><h2>Settings</h2><form>
<div class="field"><label for="system-prompt">System Prompt</label>
<textarea id="system-prompt"></textarea></div>
<div class="field"><label for="max-tokens">Max Tokens</label>
<input id="max-tokens" type="range" min="1" max="8192" value="512"></div>
<div class="field"><label for="temperature">Temperature</label>
<input id="temperature" type="range" min="0" max="2" step="0.01" value="0.1"></div>
<div class="field"><label>Top P</label><input type="range" value="0.9"></div>
<div class="field"><input type="number" aria-label="Top K" value="40"></div>
<div class="field toggle"><label for="stream">Stream</label><input id="stream" type="checkbox" checked></div>
</form></aside>"""

FILTERS = """<aside aria-label="Filters"><button>Supported Parameters</button><ul>
<li><label><input type="checkbox"> tools</label></li>
<li><label><input type="checkbox"> temperature</label></li>
<li><label><input type="checkbox"> top_p</label></li>
<li><label><input type="checkbox"> max_tokens</label></li>
</ul></aside>"""

CODE_TABS = """<div role="tablist"><button>cURL</button><button>Python</button></div>
<div role="tabpanel"><pre><code class="language-bash">curl https://api.example.com/v1/chat/completions \\
  -H "Authorization: Bearer $KEY" -d '{"model": "test-model-1", "stream": false,
  "messages": [{"role": "user", "content": "Hello!"}],
  "max_tokens": 1024, "temperature": 0.7}'</code></pre></div>
<div role="tabpanel" hidden><pre><code class="language-python">from openai import OpenAI
client = OpenAI(api_key="KEY", base_url="https://api.example.com/v1")
r = client.chat.completions.create(
    model="test-model-1",
    messages=[{"role": "user", "content": "Hello"}],
    temperature=0.6,
    top_p=0.95,
    extra_body={"chat_template_kwargs": {"thinking": True}},
)
print(r.usage.prompt_tokens)</code></pre></div>
<p>Thinking is off by default; enable it with <code>chat_template_kwargs</code> as above.</p>"""

HIGHLIGHTED = """<pre><code class="language-python"><span class="hljs-keyword">from</span> huggingface_hub \
<span class="hljs-keyword">import</span> InferenceClient
client = InferenceClient(provider=<span class="hljs-string">"auto"</span>,
    api_key=os.environ[<span>"HF_TOKEN"</span>])
completion = client.chat.completions.create(
    model=<span class="hljs-string">"Qwen/Qwen3-Next-80B-A3B-Instruct"</span>,
    messages=[{<span class="hljs-string">"role"</span>: <span class="hljs-string">"user"</span>,
        "content": "Hi"}],
    max_tokens=<span class="hljs-number">1024</span>,
)</code></pre>
<pre><code class="language-python">generated_ids = model.generate(
    **model_inputs, max_new_tokens=16384)</code></pre>"""

LINE_PER_DIV_CODE = """<div>Request (JavaScript)</div><div>const payload = {</div>
<div>model: 'test-model-1',</div><div>messages: [{ role: 'user', content: 'Hi' }],</div>
<div>top_k: 1,</div><div>min_p: 0.05</div><div>};</div>"""

TABLE_AND_CODE = """<h2>API Parameters</h2><table><tr><th>Name</th><th>Type</th><th>Description</th></tr>
<tr><td>temperature</td><td>number</td><td>Randomness.</td></tr>
<tr><td>top_p</td><td>number</td><td>Nucleus sampling.</td></tr></table>
<pre>curl https://api.example.com/v1/chat/completions -d '{"model": "m", "messages": [], "seed": 3}'</pre>"""

FORM_AND_PROSE = PLAYGROUND + "<p>The endpoint supports top_p and max_tokens.</p>"

INPUT_FIELDS = """<h2>Input fields</h2>
<div class="field"><div class="name">temperature</div><div class="type">number</div>
<p>What sampling temperature to use, between 0 and 2.</p><p>Default value: 0.7</p>
<p>Range: 0 ≤ temperature ≤ 2</p></div>
<div class="field"><div class="name">top_p</div><div class="type">number</div>
<p>An alternative to sampling with temperature.</p><p>Default value: 1</p></div>
<div class="field"><div class="name">max_new_tokens</div><div class="type">integer</div>
<p>Maximum length of the newly generated text.</p><p>Default value: 512</p></div>
<h2>Output fields</h2><div class="field"><div class="name">usage</div><div class="type">object</div></div>"""

BODY_PARAMS = """<h3>Body Params</h3>
<div>model string required</div><div>The name of the model to query.</div>
<div>max_tokens integer</div><div>The maximum number of tokens to generate.</div>
<div>repetition_penalty number</div><div>A number that controls the diversity of generated text.</div>
<div>logprobs integer</div><div>Determines the number of most likely tokens to return.</div>
<h3>Response fields</h3><div>id string</div><div>usage object</div><div>choices array</div>"""

RECOMMENDED = """<h2>Best Practices</h2><ul><li><strong>Sampling Parameters</strong>: For thinking mode, use
Temperature=0.6, TopP=0.95, TopK=20, and MinP=0. Do not use greedy decoding.</li></ul>"""

NOT_REQUEST_LISTS = """<h3>Path parameters</h3><ul><li><code>model_id</code></li></ul>
<h3>Response fields</h3><ul><li><code>usage</code></li><li><code>system_fingerprint</code></li></ul>
<h3>Deployment options</h3><ul><li>Serverless</li><li>On-demand</li></ul>
<h3>Processing options</h3><ul><li>Batch</li><li>Flex</li><li>Priority</li></ul>"""

# (id, snippet, parameters in page order, defaults expected among parameter_defaults, evidence method)
CASES = [
    (
        "chutes-chips",
        CHIPS,
        ["temperature", "top_p", "top_k", "min_p", "seed", "stop", "max_tokens"],
        {},
        "list",
    ),
    ("ul-of-code", UL_CODE, ["temperature", "top_p", "frequency_penalty", "separate_reasoning"], {}, "list"),
    (
        "ul-described",
        UL_DESCRIBED,
        ["max_tokens", "temperature", "reasoning_effort"],
        {"max_tokens": "2048", "temperature": "1"},
        "list",
    ),
    ("definition-list", DEFINITION_LIST, ["temperature", "top_k", "repetition_penalty"], {}, "list"),
    (
        "list-in-words",
        WORDS_LIST,
        ["temperature", "top_p", "max_tokens", "stop", "frequency_penalty"],
        {},
        "list",
    ),
    ("inline-label", INLINE, ["temperature", "top_p", "top_k", "max_tokens", "stop", "seed"], {}, "list"),
    ("prose", PROSE, ["temperature", "top_p", "max_tokens"], {}, "prose"),
    ("prose-negated", PROSE_NEGATED, ["reasoning_effort"], {}, "prose"),
    ("prose-plain-words", PROSE_PLAIN_WORDS, ["seed", "temperature"], {}, "prose"),
    ("no-parameters", NO_PARAMETERS, [], {}, None),
    (
        "playground",
        PLAYGROUND,
        ["max_tokens", "temperature", "top_p", "top_k"],
        {"max_tokens": "512", "temperature": "0.1", "top_p": "0.9", "top_k": "40"},
        "form",
    ),
    ("filters-are-not-parameters", FILTERS, [], {}, None),
    (
        "code-tabs-hidden-too",
        CODE_TABS,
        ["max_tokens", "temperature", "top_p", "chat_template_kwargs.thinking"],
        {
            "max_tokens": "1024",
            "temperature": "0.7",
            "top_p": "0.95",
            "chat_template_kwargs.thinking": "true",
        },
        "code",
    ),
    ("highlighted-python", HIGHLIGHTED, ["max_tokens"], {"max_tokens": "1024"}, "code"),
    ("code-one-line-a-div", LINE_PER_DIV_CODE, ["top_k", "min_p"], {"top_k": "1", "min_p": "0.05"}, "code"),
    ("table-then-code", TABLE_AND_CODE, ["temperature", "top_p", "seed"], {"seed": "3"}, "table"),
    ("form-only-when-nothing-better", FORM_AND_PROSE, ["top_p", "max_tokens"], {}, "prose"),
    (
        "input-fields-with-defaults",
        INPUT_FIELDS,
        ["temperature", "top_p", "max_new_tokens"],
        {"temperature": "0.7", "top_p": "1", "max_new_tokens": "512"},
        "list",
    ),
    ("body-params", BODY_PARAMS, ["max_tokens", "repetition_penalty", "logprobs"], {}, "list"),
    ("recommended-settings", RECOMMENDED, ["temperature", "top_p", "top_k", "min_p"], {}, "prose"),
    ("not-request-lists", NOT_REQUEST_LISTS, [], {}, None),
]


@pytest.mark.parametrize(
    ("snippet", "names", "defaults", "method"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_parameters(snippet: str, names: list[str], defaults: dict[str, str], method: str | None) -> None:
    result = extract_page(PAGE.format(snippet=snippet), url="https://provider.example/models/test-model-1")
    offer = result.offers[0]
    assert list(offer.parameters) == names
    assert {k: offer.parameter_defaults.get(k) for k in defaults} == defaults
    assert set(offer.parameter_defaults) <= set(offer.parameters)
    if method is None:
        assert "parameters" not in offer.evidence
    else:
        why = offer.evidence["parameters"]
        assert why.method == method
        assert why.where and why.snippet


def test_rows_of_a_pricing_table_get_no_page_parameters() -> None:
    table = (
        "<table><tr><th>Model</th><th>Input</th><th>Output</th></tr>"
        "<tr><td>org/model-a-7b</td><td>$0.10</td><td>$0.20</td></tr>"
        "<tr><td>org/model-b-70b</td><td>$0.50</td><td>$0.90</td></tr></table>"
    )
    result = extract_page(
        f"<html><body>{table}{INLINE}</body></html>", url="https://provider.example/pricing"
    )
    assert len(result.offers) == 2
    assert all(offer.parameters == () for offer in result.offers)


@pytest.mark.parametrize(
    "snippet",
    [
        "<pre>" + "{" * 5000 + "</pre>",
        "<pre>curl -d '" + '{"model": "m", "a": ' * 2000 + "</pre>",
        "<pre>create(" + "model=1, " * 5000 + "</pre>",
        "<label>Temperature</label>" * 2000,
        "<h2>Parameters</h2>" + "<li>temperature</li>" * 3000,
    ],
    ids=["braces", "nested-json", "long-call", "many-labels", "long-list"],
)
def test_hostile_samples_give_no_exception(snippet: str) -> None:
    result = extract_page(PAGE.format(snippet=snippet), url="https://provider.example/models/test-model-1")
    assert len(result.offers) == 1
