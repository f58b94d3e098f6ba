"""Pricing tables that list several models (crawler/extract/tables.py, table_columns.py, table_prices.py):
one row per layout, each a snippet in the shape a real provider's page has, and the offers it must give.

A row gives the page's HTML (inside ``<main>``), and per offer, in page order, the fields that must come
out (prices as text, per 1M tokens) and words each of its notes must hold; ``[]`` notes means none.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from crawler.extract.page import extract_page

URL = "https://provider.example/pricing"


def page(body: str, *, title: str = "Pricing") -> str:
    return f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>"


CASES: dict[str, tuple[str, list[dict[str, Any]]]] = {
    "rows-name-and-code-id": (
        # Together: display name over the API string, prices per 1M in the header
        """<table><thead><tr><th>Model</th><th>Context length</th><th>Input price (per 1M tokens)</th>
        <th>Output price (per 1M tokens)</th></tr></thead><tbody>
        <tr><td><strong>DeepSeek-V3.1</strong><br><code>deepseek-ai/DeepSeek-V3.1</code></td><td>128K</td>
        <td>$0.60</td><td>$1.70</td></tr>
        <tr><td><strong>Llama 3.3 70B</strong><br><code>meta-llama/Llama-3.3-70B-Instruct-Turbo</code></td>
        <td>131,072</td><td>$0.88</td><td>$0.88</td></tr></tbody></table>""",
        [
            {"model": "deepseek-ai/DeepSeek-V3.1", "name": "DeepSeek-V3.1", "context_length": 128000}
            | {"pricing": {"input": "0.6", "output": "1.7"}, "notes": []},
            {"model": "meta-llama/Llama-3.3-70B-Instruct-Turbo", "name": "Llama 3.3 70B"}
            | {"context_length": 131072, "pricing": {"input": "0.88", "output": "0.88"}},
        ],
    ),
    "rows-per-1k-bedrock": (
        # AWS Bedrock: "<vendor> models" column, prices per 1,000 tokens
        """<table><tr><th>Anthropic models</th><th>Price per 1,000 input tokens</th>
        <th>Price per 1,000 output tokens</th></tr>
        <tr><td>claude-3-5-haiku</td><td>$0.0008</td><td>$0.004</td></tr>
        <tr><td>claude-3-7-sonnet</td><td>$0.003</td><td>$0.015</td></tr></table>""",
        [
            {"model": "claude-3-5-haiku", "pricing": {"input": "0.8", "output": "4"}},
            {"model": "claude-3-7-sonnet", "pricing": {"input": "3", "output": "15"}},
        ],
    ),
    "rows-grouped-standard-batch": (
        # OpenAI: Standard and Batch API groups over Input | Cached input | Output; "-" is no price
        """<table><thead><tr><th rowspan="2">Model</th><th colspan="3">Standard</th>
        <th colspan="3">Batch API</th></tr><tr><th>Input</th><th>Cached input</th><th>Output</th>
        <th>Input</th><th>Cached input</th><th>Output</th></tr></thead><tbody>
        <tr><td><div>gpt-4.1</div><div>gpt-4.1-2025-04-14</div></td><td>$2.00</td><td>$0.50</td>
        <td>$8.00</td><td>$1.00</td><td>-</td><td>$4.00</td></tr>
        <tr><td><div>o1-pro</div><div>o1-pro-2025-03-19</div></td><td>$150.00</td><td>-</td>
        <td>$600.00</td><td>$75.00</td><td>-</td><td>$300.00</td></tr></tbody></table>""",
        [
            {"model": "gpt-4.1", "name": "gpt-4.1"}
            | {"pricing": {"input": "2", "cache_read": "0.5", "output": "8"}, "notes": [["batch", "1", "4"]]},
            {
                "model": "o1-pro",
                "pricing": {"input": "150", "output": "600"},
                "notes": [["batch", "75", "300"]],
            },
        ],
    ),
    "rows-model-spanning-tier-rows": (
        # Zhipu: the model cell spans two prompt-length tiers; the second is noted
        """<table><thead><tr><th>Model</th><th>Context</th><th>Input length (K tokens)</th>
        <th>Input ($/1M tokens)</th><th>Output ($/1M tokens)</th></tr></thead><tbody>
        <tr><td rowspan="2"><div>GLM-4.6</div><div class="model-code">glm-4.6</div></td>
        <td rowspan="2">200K</td><td>[0, 32]</td><td>0.6</td><td>2.2</td></tr>
        <tr><td>(32, 200]</td><td>1.2</td><td>4.4</td></tr>
        <tr><td><div>GLM-4-Flash</div><div class="model-code">glm-4-flash</div></td><td>128K</td>
        <td>-</td><td>Free</td><td>Free</td></tr></tbody></table>""",
        [
            {"model": "glm-4.6", "name": "GLM-4.6", "context_length": 200000}
            | {"pricing": {"input": "0.6", "output": "2.2"}, "notes": [["32", "1.2", "4.4"]]},
            {"model": "glm-4-flash", "pricing": {"input": "0", "output": "0"}, "notes": []},
        ],
    ),
    "rows-unit-column-and-cache-hit": (
        # Moonshot: a Unit column, cache hit and miss input prices
        """<table><thead><tr><th>Model</th><th>Unit</th><th>Input Price (Cache Hit)</th>
        <th>Input Price (Cache Miss)</th><th>Output Price</th><th>Context Window</th></tr></thead><tbody>
        <tr><td>kimi-k2-0905-preview</td><td>1M tokens</td><td>$0.15</td><td>$0.60</td><td>$2.50</td>
        <td>262,144 tokens</td></tr>
        <tr><td>kimi-k2-turbo-preview</td><td>1M tokens</td><td>$0.60</td><td>$2.40</td><td>$10.00</td>
        <td>262,144 tokens</td></tr></tbody></table>""",
        [
            {"model": "kimi-k2-0905-preview", "context_length": 262144}
            | {"pricing": {"cache_read": "0.15", "input": "0.6", "output": "2.5"}},
            {
                "model": "kimi-k2-turbo-preview",
                "pricing": {"cache_read": "0.6", "input": "2.4", "output": "10"},
            },
        ],
    ),
    "rows-id-from-link-and-context-beside-name": (
        # Groq: the id only in the link to the model's docs, '128k' printed beside the name
        """<table><thead><tr><th>AI Model</th><th>Current Speed</th><th>Input Token Price<br>
        (Per Million Tokens)</th><th>Output Token Price<br>(Per Million Tokens)</th></tr></thead><tbody>
        <tr><td><a href="https://console.groq.com/docs/model/openai/gpt-oss-120b">GPT OSS 120B</a>
        <span>128k</span></td><td>500 TPS</td><td>$0.15 <span>(6.67M / $1)</span></td>
        <td>$0.75 <span>(1.33M / $1)</span></td></tr>
        <tr><td><a href="https://console.groq.com/docs/model/llama-3.1-8b-instant">Llama 3.1 8B Instant</a>
        <span>128k</span></td><td>840 TPS</td><td>$0.05</td><td>$0.08</td></tr></tbody></table>""",
        [
            {"model": "openai/gpt-oss-120b", "name": "GPT OSS 120B", "context_length": 128000}
            | {"pricing": {"input": "0.15", "output": "0.75"}},
            {"model": "llama-3.1-8b-instant", "name": "Llama 3.1 8B Instant", "context_length": 128000},
        ],
    ),
    "rows-two-currencies-and-api-name-column": (
        # Mistral: display name and API name columns; each price in USD then EUR
        """<table><thead><tr><th>Model</th><th>API name</th><th>Input (/M tokens)</th>
        <th>Output (/M tokens)</th></tr></thead><tbody>
        <tr><td>Mistral Medium 3.1</td><td><code>mistral-medium-2508</code></td>
        <td><div>$0.4</div><div>€0.37</div></td><td><div>$2</div><div>€1.85</div></td></tr>
        <tr><td>Codestral 25.08</td><td><code>codestral-2508</code></td>
        <td><div>$0.3</div><div>€0.28</div></td><td><div>$0.9</div><div>€0.85</div></td></tr></tbody>
        </table>""",
        [
            {"model": "mistral-medium-2508", "name": "Mistral Medium 3.1", "currency": "USD"}
            | {"pricing": {"input": "0.4", "output": "2"}, "notes": [["EUR", "0.37", "1.85"]]},
            {"model": "codestral-2508", "pricing": {"input": "0.3", "output": "0.9"}},
        ],
    ),
    "rows-yuan-under-chinese-headers": (
        # SiliconFlow: ¥ prices, 免费 (free) in the price columns and as a badge beside the id
        """<table><thead><tr><th>模型名称</th><th>上下文长度</th><th>输入价格（¥/M Tokens）</th>
        <th>输出价格（¥/M Tokens）</th></tr></thead><tbody>
        <tr><td><span>deepseek-ai/DeepSeek-V3.1</span></td><td>160K</td><td>¥4</td><td>¥12</td></tr>
        <tr><td><span>Qwen/Qwen3-8B</span> <span class="badge">免费</span></td><td>128K</td><td>免费</td>
        <td>免费</td></tr></tbody></table>""",
        [
            {"model": "deepseek-ai/DeepSeek-V3.1", "currency": "CNY", "context_length": 160000}
            | {"pricing": {"input": "4", "output": "12"}},
            {"model": "Qwen/Qwen3-8B", "name": "Qwen/Qwen3-8B", "pricing": {"input": "0", "output": "0"}},
        ],
    ),
    "rows-unlabelled-model-column-and-section-row": (
        # a pricing table whose model column has no header, with a section row spanning it
        """<table><tr><th></th><th>Input</th><th>Output</th></tr>
        <tr><td colspan="3">Open models</td></tr>
        <tr><td>llama-3.1-8b-instruct</td><td>$0.02 / 1M tokens</td><td>$0.05 / 1M tokens</td></tr>
        <tr><td>qwen3-32b</td><td>$0.10 / 1M tokens</td><td>$0.30 / 1M tokens</td></tr></table>""",
        [
            {"model": "llama-3.1-8b-instruct", "pricing": {"input": "0.02", "output": "0.05"}},
            {"model": "qwen3-32b", "pricing": {"input": "0.1", "output": "0.3"}},
        ],
    ),
    "rows-variant-column-noted-and-batch-table-folded": (
        # Anthropic: 5-minute then 1-hour cache writes; a batch table of the same models becomes notes
        """<table><thead><tr><th>Model</th><th>Base Input Tokens</th><th>5m Cache Writes</th>
        <th>1h Cache Writes</th><th>Cache Hits &amp; Refreshes</th><th>Output Tokens</th></tr></thead><tbody>
        <tr><td>Claude Opus 4.1</td><td>$15 / MTok</td><td>$18.75 / MTok</td><td>$30 / MTok</td>
        <td>$1.50 / MTok</td><td>$75 / MTok</td></tr>
        <tr><td>Claude Haiku 3</td><td>$0.25 / MTok</td><td>$0.30 / MTok</td><td>$0.50 / MTok</td>
        <td>$0.03 / MTok</td><td>$1.25 / MTok</td></tr></tbody></table>
        <h2>Batch processing</h2><table><thead><tr><th>Model</th><th>Batch input</th><th>Batch output</th>
        </tr></thead><tbody><tr><td>Claude Opus 4.1</td><td>$7.50 / MTok</td><td>$37.50 / MTok</td></tr>
        <tr><td>Claude Haiku 3</td><td>$0.125 / MTok</td><td>$0.625 / MTok</td></tr></tbody></table>""",
        [
            {"model": None, "name": "Claude Opus 4.1"}
            | {"pricing": {"input": "15", "cache_write": "18.75", "cache_read": "1.5", "output": "75"}}
            | {"notes": [["1h", "30"], ["batch", "7.5", "37.5"]]},
            {"model": None, "name": "Claude Haiku 3", "notes": [["1h", "0.5"], ["batch", "0.125", "0.625"]]},
        ],
    ),
    "columns-spans-groups-struck": (
        # DeepSeek: models as columns, a value spanning both, grouped standard / discount rows, an old price
        """<table><thead><tr><th colspan="2">MODEL<sup>(1)</sup></th><th>deepseek-chat</th>
        <th>deepseek-reasoner</th></tr></thead><tbody>
        <tr><td colspan="2">MODEL VERSION</td><td>DeepSeek-V3</td><td>DeepSeek-R1</td></tr>
        <tr><td colspan="2">CONTEXT LENGTH</td><td colspan="2">64K</td></tr>
        <tr><td colspan="2">MAX COT TOKENS</td><td>-</td><td>32K</td></tr>
        <tr><td colspan="2">MAX OUTPUT TOKENS</td><td colspan="2">8K</td></tr>
        <tr><td rowspan="2">STANDARD PRICE</td><td>1M INPUT TOKENS (CACHE MISS)</td>
        <td><del>$0.14</del> $0.27<sup>(5)</sup></td><td>$0.55</td></tr>
        <tr><td>1M OUTPUT TOKENS</td><td>$1.10</td><td>$2.19</td></tr>
        <tr><td rowspan="2">DISCOUNT PRICE<br>(UTC 16:30-00:30)</td><td>1M INPUT TOKENS (CACHE MISS)</td>
        <td>$0.135<br>(50% OFF)</td><td>$0.135<br>(75% OFF)</td></tr>
        <tr><td>1M OUTPUT TOKENS</td><td>$0.550</td><td>$0.550</td></tr></tbody></table>""",
        [
            {"model": "deepseek-chat", "name": "DeepSeek-V3", "context_length": 64000}
            | {"max_output_tokens": 8000, "pricing": {"input": "0.27", "output": "1.1"}}
            | {"notes": [["old", "0.14"], ["discount", "0.135", "0.55"]]},
            {"model": "deepseek-reasoner", "name": "DeepSeek-R1", "context_length": 64000}
            | {"max_output_tokens": 8000, "pricing": {"input": "0.55", "output": "2.19"}}
            | {"notes": [["discount", "0.135", "0.55"]]},
        ],
    ),
    "columns-comparison-with-id-row-and-pricing-cell": (
        # Anthropic's models comparison: names as columns, an API model name row, one Pricing row whose
        # cells say which price is which
        """<table><thead><tr><th>Feature</th><th>Claude Opus 4.1</th><th>Claude Sonnet 4.5</th></tr></thead>
        <tbody><tr><td>Claude API model name</td><td>claude-opus-4-1-20250805</td>
        <td>claude-sonnet-4-5-20250929</td></tr>
        <tr><td>Pricing</td><td>Input: $15 / MTok<br>Output: $75 / MTok</td>
        <td>Input: $3 / MTok<br>Output: $15 / MTok</td></tr>
        <tr><td>Context window</td><td>200K</td><td>200K</td></tr>
        <tr><td>Max output</td><td>32000 tokens</td><td>64000 tokens</td></tr></tbody></table>""",
        [
            {"model": "claude-opus-4-1-20250805", "name": "Claude Opus 4.1", "context_length": 200000}
            | {"max_output_tokens": 32000, "pricing": {"input": "15", "output": "75"}},
            {"model": "claude-sonnet-4-5-20250929", "max_output_tokens": 64000}
            | {"pricing": {"input": "3", "output": "15"}},
        ],
    ),
    "one-table-per-model-free-and-paid-tiers": (
        # Gemini: a heading and code id per model, Free Tier / Paid Tier columns, tiers by prompt length
        """<h2>Gemini 2.5 Pro</h2><p><code>gemini-2.5-pro</code></p><table>
        <tr><th></th><th>Free Tier</th><th>Paid Tier, per 1M tokens in USD</th></tr>
        <tr><td>Input price</td><td>Free of charge</td><td>$1.25, prompts &lt;= 200k tokens<br>
        $2.50, prompts &gt; 200k tokens</td></tr>
        <tr><td>Output price</td><td>Free of charge</td><td>$10.00, prompts &lt;= 200k tokens<br>
        $15.00, prompts &gt; 200k</td></tr></table>
        <h2>Gemini 2.5 Flash</h2><p><code>gemini-2.5-flash</code></p>
        <p>Our hybrid reasoning model, with a 1M token context window.</p><table>
        <tr><th></th><th>Free Tier</th><th>Paid Tier, per 1M tokens in USD</th></tr>
        <tr><td>Input price</td><td>Free of charge</td>
        <td>$0.30 (text / image / video)<br>$1.00 (audio)</td></tr>
        <tr><td>Output price</td><td>Free of charge</td><td>$2.50</td></tr>
        <tr><td>Context caching price</td><td>Not available</td><td>$0.03<br>
        $1.00 / 1,000,000 tokens per hour (storage price)</td></tr></table>""",
        [
            {"model": "gemini-2.5-pro", "name": "Gemini 2.5 Pro", "context_length": None}
            | {"pricing": {"input": "1.25", "output": "10"}, "notes": [["free", "0"], ["200K", "2.5", "15"]]},
            {"model": "gemini-2.5-flash", "context_length": 1000000}
            | {"pricing": {"input": "0.3", "output": "2.5", "cache_read": "0.03"}}
            | {"notes": [["free", "0"], ["audio", "1"]]},
        ],
    ),
    "tier-table-noted-on-the-models-it-names": (
        # Anthropic's long-context table: no model column; the paragraph above names the models
        """<table><thead><tr><th>Model</th><th>Input</th><th>Output</th></tr></thead><tbody>
        <tr><td>Claude Sonnet 4.5</td><td>$3 / MTok</td><td>$15 / MTok</td></tr>
        <tr><td>Claude Sonnet 4</td><td>$3 / MTok</td><td>$15 / MTok</td></tr>
        <tr><td>Claude Opus 4</td><td>$15 / MTok</td><td>$75 / MTok</td></tr></tbody></table>
        <h2>Long context pricing</h2><p>With Claude Sonnet 4.5 and Sonnet 4, requests that exceed 200K input
        tokens are charged at long context rates:</p><table><thead><tr><th>≤ 200K input tokens</th>
        <th>&gt; 200K input tokens</th></tr></thead><tbody><tr><td>Input: $3 / MTok</td>
        <td>Input: $6 / MTok</td></tr><tr><td>Output: $15 / MTok</td><td>Output: $22.50 / MTok</td></tr>
        </tbody></table>""",
        [
            {"name": "Claude Sonnet 4.5", "notes": [["200K", "6", "22.5"]]},
            {"name": "Claude Sonnet 4", "notes": [["200K", "6", "22.5"]]},
            {"name": "Claude Opus 4", "notes": []},
        ],
    ),
    "rows-one-price-column-input-then-output": (
        # a single "Price (input / output)" column: the pair reads input then output
        """<table><tr><th>Model</th><th>Price per 1M tokens (input / output)</th></tr>
        <tr><td>sonar</td><td>$1 / $1</td></tr><tr><td>sonar-pro</td><td>$3 / $15</td></tr></table>""",
        [
            {"model": "sonar", "pricing": {"input": "1", "output": "1"}},
            {"model": "sonar-pro", "pricing": {"input": "3", "output": "15"}},
        ],
    ),
    "rows-context-only-no-price": (
        # a models table with context windows and no price: offers without prices, never 0
        """<table><tr><th>Model</th><th>Context window</th><th>Released</th></tr>
        <tr><td>mistral-large-2411</td><td>128k</td><td>2024-11</td></tr>
        <tr><td>ministral-8b-2410</td><td>128k</td><td>2024-10</td></tr></table>""",
        [
            {"model": "mistral-large-2411", "context_length": 128000, "pricing": None},
            {"model": "ministral-8b-2410", "context_length": 128000, "pricing": None},
        ],
    ),
    "rows-batch-section-by-its-heading": (
        # a second table of the same models under a "Batch API" heading: its prices are batch notes
        """<h2>Serverless</h2><table><tr><th>Model</th><th>Input</th><th>Output</th></tr>
        <tr><td>qwen3-32b</td><td>$0.10</td><td>$0.30</td></tr><tr><td>glm-4.6</td><td>$0.60</td>
        <td>$2.20</td></tr>
        </table><h2>Batch API</h2><table><tr><th>Model</th><th>Input</th><th>Output</th></tr>
        <tr><td>qwen3-32b</td><td>$0.05</td><td>$0.15</td></tr><tr><td>glm-4.6</td><td>$0.30</td>
        <td>$1.10</td></tr>
        </table>""",
        [
            {"model": "qwen3-32b", "pricing": {"input": "0.1", "output": "0.3"}}
            | {"notes": [["batch", "0.05", "0.15"]]},
            {
                "model": "glm-4.6",
                "pricing": {"input": "0.6", "output": "2.2"},
                "notes": [["batch", "0.3", "1.1"]],
            },
        ],
    ),
    "rows-one-price-column-named-by-its-unit": (
        # Fireworks: one "$/1M tokens" column, the same price for input and output
        """<table><tr><th>Model</th><th>$/1M tokens</th></tr>
        <tr><td><a href="/models/fireworks/deepseek-v3">deepseek-v3</a></td><td>$0.90</td></tr>
        <tr><td><a href="/models/fireworks/qwen3-235b-a22b">qwen3-235b-a22b</a></td><td>$0.22</td></tr>
        </table>""",
        [
            {"model": "deepseek-v3", "pricing": {"input": "0.9", "output": "0.9"}},
            {"model": "qwen3-235b-a22b", "pricing": {"input": "0.22", "output": "0.22"}},
        ],
    ),
    "aria-grid": (
        # a React data grid: role=table / row / columnheader / cell, no <table>
        """<div role="table" aria-label="Serverless pricing"><div role="rowgroup"><div role="row">
        <span role="columnheader">Model</span><span role="columnheader">Input / 1M tokens</span>
        <span role="columnheader">Output / 1M tokens</span></div></div><div role="rowgroup"><div role="row">
        <span role="cell">qwen3-235b-a22b</span><span role="cell">$0.20</span><span role="cell">$0.60</span>
        </div><div role="row"><span role="cell">kimi-k2-instruct</span><span role="cell">$1.00</span>
        <span role="cell">$3.00</span></div></div></div>""",
        [
            {"model": "qwen3-235b-a22b", "pricing": {"input": "0.2", "output": "0.6"}},
            {"model": "kimi-k2-instruct", "pricing": {"input": "1", "output": "3"}},
        ],
    ),
    "div-table-under-a-header-row": (
        # a Webflow pricing grid: rows of div cells under a header row of the same shape
        """<div class="pricing-grid"><div class="pricing-head"><div>Model</div><div>Input</div>
        <div>Output</div></div><div class="pricing-row"><div>Llama 4 Maverick<br>
        <code>meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8</code></div><div>$0.27</div><div>$0.85</div>
        </div><div class="pricing-row"><div>Llama 4 Scout<br>
        <code>meta-llama/Llama-4-Scout-17B-16E-Instruct</code>
        </div><div>$0.18</div><div>$0.59</div></div></div>""",
        [
            {"model": "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8", "name": "Llama 4 Maverick"}
            | {"pricing": {"input": "0.27", "output": "0.85"}},
            {
                "model": "meta-llama/Llama-4-Scout-17B-16E-Instruct",
                "pricing": {"input": "0.18", "output": "0.59"},
            },
        ],
    ),
}

NOT_OFFERS = {
    "fireworks-parameter-size-tiers": """<table><tr><th>Base model parameter count</th>
        <th>$/1M tokens</th></tr><tr><td>Less than 4B parameters</td><td>$0.10</td></tr>
        <tr><td>4B - 16B parameters</td><td>$0.20</td></tr><tr><td>More than 16B parameters</td>
        <td>$0.90</td></tr></table>""",
    "gpu-hours": """<h2>Dedicated Endpoints</h2><table><tr><th>Hardware type</th><th>Price per minute</th>
        <th>Price per hour</th></tr><tr><td>1x H100 80GB</td><td>$0.056</td><td>$3.36</td></tr>
        <tr><td>1x H200 141GB</td><td>$0.083</td><td>$4.99</td></tr></table>""",
    "fine-tuning-table": """<h2>Fine-tuning</h2><table><tr><th>Model</th><th>Training</th><th>Input</th>
        <th>Output</th></tr><tr><td>gpt-4.1-mini-2025-04-14</td><td>$5.00 / 1M tokens</td><td>$0.80</td>
        <td>$3.20</td></tr><tr><td>gpt-4o-2024-08-06</td><td>$25.00 / 1M tokens</td><td>$3.75</td>
        <td>$15.00</td></tr></table>""",
    "speech-per-hour": """<h2>Automatic Speech Recognition (ASR) Models</h2><table><tr><th>AI Model</th>
        <th>Speed Factor</th><th>Price Per Hour Transcribed</th></tr><tr><td>whisper-large-v3</td>
        <td>217x</td><td>$0.111</td></tr><tr><td>whisper-large-v3-turbo</td><td>228x</td><td>$0.04</td></tr>
        </table>""",
    "div-grid-of-plans": """<div class="plans"><div class="row head"><div>Plan</div><div>Price</div></div>
        <div class="row"><div>Free</div><div>$0 / month</div></div><div class="row"><div>Pro</div>
        <div>$20 / month</div></div><div class="row"><div>Team</div><div>$30 / month</div></div></div>""",
    "plans-as-columns": """<table><tr><th>Feature</th><th>Free</th><th>Pro</th><th>Enterprise</th></tr>
        <tr><td>Input price</td><td>$0</td><td>$1 / 1M tokens</td><td>Contact us</td></tr>
        <tr><td>Output price</td><td>$0</td><td>$2 / 1M tokens</td><td>Contact us</td></tr></table>""",
}


def offers_of(body: str) -> tuple[list[dict[str, Any]], list[str]]:
    result = extract_page(page(body), url=URL)
    found = []
    for offer in result.offers:
        found.append(
            {
                "model": offer.model,
                "name": offer.name,
                "context_length": offer.context_length,
                "max_output_tokens": offer.max_output_tokens,
                "pricing": None if offer.pricing is None else {k: str(v) for k, v in offer.pricing.items()},
                "currency": offer.currency,
                "notes": list(offer.notes),
                "evidence": offer.evidence,
            }
        )
    return found, result.problems


def assert_offers(found: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    assert len(found) == len(expected), [(f["model"], f["name"]) for f in found]
    for got, want in zip(found, expected, strict=True):
        for key, value in want.items():
            if key == "notes":
                assert len(got["notes"]) == len(value), got["notes"]
                for words in value:
                    assert any(all(w.lower() in n.lower() for w in words) for n in got["notes"]), (
                        words,
                        got["notes"],
                    )
            elif key == "pricing" and value is None:
                assert got["pricing"] is None
            elif key == "pricing":
                assert got["pricing"] == {k: str(Decimal(v).normalize()) for k, v in value.items()} or {
                    k: Decimal(v) for k, v in (got["pricing"] or {}).items()
                } == {k: Decimal(v) for k, v in value.items()}, (got["pricing"], value)
            else:
                assert got[key] == value, (key, got[key], value)


@pytest.mark.parametrize("name", sorted(CASES))
def test_pricing_table(name: str) -> None:
    body, expected = CASES[name]
    found, _problems = offers_of(body)
    assert_offers(found, expected)


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_value_read_from_a_table_has_its_evidence(name: str) -> None:
    found, _problems = offers_of(CASES[name][0])
    for offer in found:
        for field in ("model", "name", "context_length", "max_output_tokens", "pricing"):
            if offer[field] not in (None, {}):
                why = offer["evidence"][field]
                assert why.method in ("table", "text") and why.where and why.snippet, (field, why)
        if offer["pricing"]:
            assert offer["evidence"]["pricing"].where.startswith("table ")


@pytest.mark.parametrize("name", sorted(NOT_OFFERS))
def test_tables_that_are_not_model_offers(name: str) -> None:
    found, _problems = offers_of(NOT_OFFERS[name])
    assert len(found) <= 1  # read as one page at most, never as one offer per row or plan
    for offer in found:
        assert offer["model"] not in ("Less than 4B parameters", "1x H100 80GB", "whisper-large-v3", "Pro")


def test_names_without_ids_are_one_problem() -> None:
    body, _ = CASES["rows-variant-column-noted-and-batch-table-folded"]
    _found, problems = offers_of(body)
    assert [p for p in problems if p.startswith("no model id found")] == [
        "no model id found for 'Claude Opus 4.1', 'Claude Haiku 3'"
    ]


def test_pricing_evidence_names_table_row_and_columns() -> None:
    found, _ = offers_of(CASES["rows-name-and-code-id"][0])
    why = found[0]["evidence"]["pricing"]
    assert why.where == (
        "table 1, row 'DeepSeek-V3.1', column 'Input price (per 1M tokens)'; "
        "table 1, row 'DeepSeek-V3.1', column 'Output price (per 1M tokens)'"
    )
    assert "$0.60" in why.snippet and "$1.70" in why.snippet


def test_release_dates_from_a_released_column() -> None:
    body = """<table><tr><th>Model</th><th>Input</th><th>Output</th><th>Released</th></tr>
    <tr><td>glm-4.6</td><td>$0.60</td><td>$2.20</td><td>Sep 30, 2025</td></tr>
    <tr><td>glm-4.5-air</td><td>$0.20</td><td>$1.10</td><td>2025-07-28</td></tr></table>"""
    result = extract_page(page(body), url=URL)
    assert [(o.model, o.released) for o in result.offers] == [
        ("glm-4.6", date(2025, 9, 30)),
        ("glm-4.5-air", date(2025, 7, 28)),
    ]
    assert result.offers[0].evidence["released"].where == "table 1, row 'glm-4.6', column 'Released'"


def test_one_model_in_two_tables_with_two_prices_is_ambiguous() -> None:
    table = """<table><tr><th>Model</th><th>Input</th><th>Output</th></tr>
    <tr><td>qwen3-32b</td><td>{}</td><td>$0.30</td></tr><tr><td>glm-4.6</td><td>$0.60</td><td>$2.20</td></tr>
    </table>"""
    body = "<h2>Models</h2>" + table.format("$0.10") + "<h2>All models</h2>" + table.format("$0.12")
    result = extract_page(page(body), url=URL)
    assert [o.model for o in result.offers] == ["qwen3-32b", "glm-4.6"]
    assert result.offers[0].pricing == {"input": Decimal("0.10"), "output": Decimal("0.30")}
    assert [p for p in result.problems if p.startswith("ambiguous pricing")] != []


def test_a_table_wins_over_a_card_of_the_same_model() -> None:
    body = """<table><tr><th>Model</th><th>Input</th><th>Output</th></tr>
    <tr><td>qwen3-32b</td><td>$0.10</td><td>$0.30</td></tr><tr><td>glm-4.6</td><td>$0.60</td>
    <td>$2.20</td></tr>
    </table><div class="cards"><div class="card"><h3>Qwen3 32B</h3><code>qwen3-32b</code>
    <p>Input $0.09 / 1M</p>
    </div><div class="card"><h3>GLM 4.6</h3><code>glm-4.6</code><p>Input $0.60 / 1M</p></div></div>"""
    result = extract_page(page(body), url=URL)
    assert [o.model for o in result.offers] == ["qwen3-32b", "glm-4.6"]
    assert result.offers[0].pricing == {"input": Decimal("0.10"), "output": Decimal("0.30")}
    assert not [p for p in result.problems if p.startswith("ambiguous")]


def test_a_related_models_table_on_a_model_page_is_not_its_offers() -> None:
    body = """<p>Model ID: glm-4.6</p><p>Input $0.60 / 1M tokens · Output $2.20 / 1M tokens</p>
    <h2>Related models</h2><table><tr><th>Model</th><th>Input</th><th>Output</th></tr>
    <tr><td>glm-4.5-air</td><td>$0.20</td><td>$1.10</td></tr><tr><td>glm-4.5</td><td>$0.60</td><td>$2.20</td></tr>
    </table>"""
    result = extract_page(page(body, title="GLM 4.6"), url="https://provider.example/models/glm-4.6")
    assert [o.model for o in result.offers] == ["glm-4.6"]
    assert result.offers[0].pricing == {"input": Decimal("0.60"), "output": Decimal("2.20")}
