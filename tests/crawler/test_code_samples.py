"""Request bodies in code samples: one row per sample, in the shapes real providers' pages print them
(Together's and Gemini's curl, DeepInfra's and Hugging Face's OpenAI SDK calls, OpenRouter's fetch, the
OpenAI JavaScript SDK, Anthropic's SDK, requests with a payload dict), and samples that hold no request
(a response, a transformers snippet, a client constructor)."""

from __future__ import annotations

import pytest

from crawler.extract.code_samples import read_request_bodies
from crawler.extract.vocabulary import parse_vocabulary, vocabulary

TOGETHER_CURL = """curl -X POST "https://api.together.xyz/v1/chat/completions" \\
  -H "Authorization: Bearer $TOGETHER_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{
    "model": "meta-llama/Llama-3.3-70B-Instruct-Turbo",
    "messages": [{"role": "user", "content": "What are some fun things to do in New York?"}],
    "max_tokens": 512,
    "temperature": 0.7,
    "top_p": 0.7,
    "top_k": 50,
    "repetition_penalty": 1,
    "stop": ["<|eot_id|>", "<|eom_id|>"],
    "stream": true
  }'"""

DEEPINFRA_SDK = """from openai import OpenAI

openai = OpenAI(
    api_key="$DEEPINFRA_TOKEN",
    base_url="https://api.deepinfra.com/v1/openai",
)

chat_completion = openai.chat.completions.create(
    model="deepseek-ai/DeepSeek-V3.2",
    messages=[{"role": "user", "content": "Hello"}],
    temperature=0.6,
    top_p=0.95,
    max_tokens=4096,
    extra_body={"chat_template_kwargs": {"thinking": True}},
)

print(chat_completion.choices[0].message.content)
print(chat_completion.usage.prompt_tokens, chat_completion.usage.completion_tokens)"""

OPENROUTER_FETCH = """fetch("https://openrouter.ai/api/v1/chat/completions", {
  method: "POST",
  headers: {
    "Authorization": "Bearer <OPENROUTER_API_KEY>",
    "HTTP-Referer": "<YOUR_SITE_URL>",
    "Content-Type": "application/json"
  },
  body: JSON.stringify({
    "model": "deepseek/deepseek-r1",
    "messages": [{"role": "user", "content": "What is the meaning of life?"}],
    "reasoning": {"effort": "high"},
    "provider": {"order": ["deepinfra/fp4"], "allow_fallbacks": false}
  })
});"""

OPENAI_JS = """import OpenAI from "openai";
const openai = new OpenAI({ baseURL: "https://api.fireworks.ai/inference/v1", apiKey: process.env.KEY });

const completion = await openai.chat.completions.create({
  model: "accounts/fireworks/models/kimi-k2-instruct", // the model's id
  messages: [{ role: "user", content: `Say hi to ${name}` }],
  temperature: 0.6,
  /* nucleus sampling */
  top_p: 0.95,
  max_tokens: maxTokens,
  response_format: { type: "json_object" },
});"""

EIGEN_REQUESTS = """import json
import requests
url = "https://app.eigenai.com/api/v1/generate"
headers = {
    "Authorization": "Bearer YOUR_API_KEY",
    "Content-Type": "application/json"
}
payload = {
    "model": "deepseek-v31-terminus",
    "messages": [{"role": "user", "content": "What is the value of N?"}],
    "max_tokens": 4096,
    "chat_template_kwargs": {"thinking": True},
    "temperature": 0,
    "top_p": 0.95,
    "top_k": 1
}
response = requests.post(url, headers=headers, json=payload)"""

ANTHROPIC_SDK = """import anthropic
client = anthropic.Anthropic()
message = client.messages.create(
    model="claude-sonnet-4-5",
    max_tokens=16000,
    system="You are a world-class poet.",
    thinking={"type": "enabled", "budget_tokens": 10000},
    messages=[{"role": "user", "content": "Are there an infinite number of prime numbers?"}],
)"""

GEMINI_CURL = """curl \\
  "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent" \\
  -H "x-goog-api-key: $GEMINI_API_KEY" -H 'Content-Type: application/json' -X POST \\
  -d '{
    "contents": [{"parts": [{"text": "Explain how AI works"}]}],
    "generationConfig": {"temperature": 1.0, "maxOutputTokens": 8192, "thinkingConfig": {"thinkingBudget": 0}}
  }'"""

NOTEBOOK = """!pip install openai
from openai import OpenAI
client = OpenAI(base_url="https://api.studio.nebius.com/v1/", api_key=os.environ.get("NEBIUS_API_KEY"))
response = client.chat.completions.create(model="meta-llama/Llama-3.3-70B-Instruct", temperature=t,
    seed=42, messages=[{"role": "user", "content": "Hi"}], logit_bias={"50256": -100})"""

RESPONSE = """{
  "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
  "object": "chat.completion",
  "created": 1741569952,
  "model": "gpt-4.1-2025-04-14",
  "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello!"}, "finish_reason": "stop"}],
  "usage": {"prompt_tokens": 19, "completion_tokens": 10, "total_tokens": 29}
}"""

TRANSFORMERS = """from transformers import AutoModelForCausalLM, AutoTokenizer
model_name = "Qwen/Qwen3-Next-80B-A3B-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_name)
model = AutoModelForCausalLM.from_pretrained(model_name, dtype="auto", device_map="auto")
messages = [{"role": "user", "content": prompt}]
generated_ids = model.generate(**model_inputs, max_new_tokens=16384)"""

CONFIG_JSON = """{
    ...,
    "rope_scaling": {"rope_type": "yarn", "factor": 4.0, "original_max_position_embeddings": 262144}
}"""

STREAM_OPTIONS = """curl https://api.groq.com/openai/v1/chat/completions -s \\
-H "Content-Type: application/json" -H "Authorization: Bearer $GROQ_API_KEY" \\
--data-raw '{"model": "llama-3.3-70b-versatile", "messages": [{"role": "user", "content": "Hi"}],
  "stream": true, "stream_options": {"include_usage": true}, "response_format": {"type": "json_schema",
  "json_schema": {"name": "x", "schema": {}}}, "seed": 7}'"""

JS_NOT_PYTHON = """const base = { temperature: 0.2 };
const stream = await client.chat.completions.create({
  ...base,
  model,
  messages,
  top_p: opts.topP ?? 0.9,
  stream: !0,
  user: session?.user?.id,
  onChunk: (chunk) => process.stdout.write(chunk),
  seed: 1234,
});"""

LANGCHAIN = """from langchain_nvidia_ai_endpoints import ChatNVIDIA
client = ChatNVIDIA(
  model="deepseek-ai/deepseek-v3.1",
  api_key="$API_KEY_REQUIRED_IF_EXECUTING_OUTSIDE_NGC",
  temperature=0.2,
  top_p=0.7,
  max_tokens=8192,
  timeout=None,
  chat_template_kwargs={"thinking": True},
)
hf = InferenceClient(model="deepseek-ai/DeepSeek-V3.1", token="hf_xxx")"""

GENAI_SDK = """from google import genai
from google.genai import types
client = genai.Client()
response = client.models.generate_content(
    model="gemini-2.5-flash",
    contents="How does AI work?",
    config=types.GenerateContentConfig(
        temperature=0.1,
        thinking_config=types.ThinkingConfig(thinking_budget=0),
    ),
)"""

REPLICATE = """import replicate
output = replicate.run(
    "meta/meta-llama-3-70b-instruct",
    input={"prompt": "Tell me a joke", "max_new_tokens": 512, "temperature": 0.7, "top_k": 50},
)"""

# (id, sample, expected parameters in order, expected defaults)
CASES = [
    (
        "together-curl",
        TOGETHER_CURL,
        ["max_tokens", "temperature", "top_p", "top_k", "repetition_penalty", "stop"],
        {"max_tokens": "512", "temperature": "0.7", "top_p": "0.7", "top_k": "50", "repetition_penalty": "1"},
    ),
    (
        "deepinfra-openai-sdk-extra-body",
        DEEPINFRA_SDK,
        ["temperature", "top_p", "max_tokens", "chat_template_kwargs.thinking"],
        {
            "temperature": "0.6",
            "top_p": "0.95",
            "max_tokens": "4096",
            "chat_template_kwargs.thinking": "true",
        },
    ),
    ("openrouter-fetch", OPENROUTER_FETCH, ["reasoning", "provider"], {}),
    (
        "openai-js-sdk-comments",
        OPENAI_JS,
        ["temperature", "top_p", "max_tokens", "response_format"],
        {"temperature": "0.6", "top_p": "0.95"},
    ),
    (
        "requests-payload-not-headers",
        EIGEN_REQUESTS,
        ["max_tokens", "chat_template_kwargs.thinking", "temperature", "top_p", "top_k"],
        {"max_tokens": "4096", "chat_template_kwargs.thinking": "true"}
        | {"temperature": "0", "top_p": "0.95", "top_k": "1"},
    ),
    ("anthropic-sdk", ANTHROPIC_SDK, ["max_tokens", "thinking"], {"max_tokens": "16000"}),
    (
        "gemini-generation-config",
        GEMINI_CURL,
        [
            "generationConfig.temperature",
            "generationConfig.maxOutputTokens",
            "generationConfig.thinkingConfig.thinkingBudget",
        ],
        {"generationConfig.temperature": "1.0", "generationConfig.maxOutputTokens": "8192"}
        | {"generationConfig.thinkingConfig.thinkingBudget": "0"},
    ),
    ("notebook-cell", NOTEBOOK, ["temperature", "seed", "logit_bias"], {"seed": "42"}),
    ("js-spread-shorthand-arrow", JS_NOT_PYTHON, ["top_p", "user", "seed"], {"seed": "1234"}),
    (
        "langchain-constructor",
        LANGCHAIN,
        ["temperature", "top_p", "max_tokens", "chat_template_kwargs.thinking"],
        {"temperature": "0.2", "top_p": "0.7", "max_tokens": "8192", "chat_template_kwargs.thinking": "true"},
    ),
    (
        "genai-typed-config",
        GENAI_SDK,
        ["config.temperature", "config.thinking_config.thinking_budget"],
        {"config.temperature": "0.1", "config.thinking_config.thinking_budget": "0"},
    ),
    (
        "replicate-input",
        REPLICATE,
        ["max_new_tokens", "temperature", "top_k"],
        {"max_new_tokens": "512", "temperature": "0.7", "top_k": "50"},
    ),
    ("response-body", RESPONSE, [], {}),
    ("transformers-not-a-request", TRANSFORMERS, [], {}),
    ("config-json-not-a-request", CONFIG_JSON, [], {}),
    ("stream-options-left-out", STREAM_OPTIONS, ["response_format", "seed"], {"seed": "7"}),
    ("unbalanced", 'curl -d \'{"model": "x", "temperature": 0.5', [], {}),
    ("garbage", "{{{{ ((( '\" ``` }}} model= ))) \x00", [], {}),
]


@pytest.mark.parametrize(("sample", "names", "defaults"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_request_bodies(sample: str, names: list[str], defaults: dict[str, str]) -> None:
    bodies = read_request_bodies([("code sample 1", sample)])
    found = list(dict.fromkeys(name for body in bodies for name in body.fields))
    assert found == names
    shown = {k: v for body in bodies for k, v in body.fields.items() if v is not None}
    assert shown == defaults
    assert all(body.where == "code sample 1" and body.snippet for body in bodies)


def test_two_samples_keep_their_places() -> None:
    bodies = read_request_bodies([("code sample 1", TOGETHER_CURL), ("code sample 2", DEEPINFRA_SDK)])
    assert [b.where for b in bodies] == ["code sample 1", "code sample 2"]


def test_vocabulary_decides_what_is_left_out() -> None:
    vocab = parse_vocabulary("[parameters]\ntemperature\n[left out]\nmodel\nmessages\ntemperature_x\n")
    body = '-d \'{"model": "m", "messages": [], "temperature": 1, "temperature_x": 2, "top_p": 1}\''
    fields = read_request_bodies([("s", body)], vocab)[0].fields
    assert list(fields) == ["temperature", "top_p"]


def test_vocabulary_file_reads() -> None:
    vocab = vocabulary()
    assert {"temperature", "top_p", "max_tokens", "reasoning_effort", "min_p"} <= vocab.parameters
    assert {"model", "messages", "stream", "stream_options"} <= vocab.left_out
    assert not vocab.parameters & vocab.left_out
    assert vocab.from_label("Max Tokens") == "max_tokens"
    assert vocab.from_label("Top P") == "top_p"
    assert vocab.from_label("Stop words") == "stop"
    assert vocab.from_label("Stop sequences") == "stop_sequences"
    assert vocab.from_label("maxTokens") == "max_tokens"
    assert vocab.from_label("Stream") is None
    assert vocab.from_label("System Prompt") is None


def test_vocabulary_rejects_an_unknown_section() -> None:
    with pytest.raises(ValueError, match="unknown vocabulary section"):
        parse_vocabulary("[sampling]\ntemperature\n")
