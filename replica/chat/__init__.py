"""Simulated chat endpoints of the provider replica, with set latency, token rate and failures.

Routes (added by :func:`replica.chat.routes.chat_extension`; `ReplicaServer` always serves them,
behaviours in ``server.chat``):

- ``POST /api/v1/chat/completions``: OpenRouter's (OpenAI's) chat completions. ``"stream": true`` answers
  server-sent events: the comment ``: OPENROUTER PROCESSING`` and a role-only delta at once, content
  chunks ``data: {"choices": [{"delta": {"content": "..."}}]}`` from the first token on, a last chunk with
  ``finish_reason`` and ``usage``, then ``data: [DONE]``. Otherwise one ``chat.completion`` JSON with
  ``usage``. A provider is pinned the way OpenRouter's body does it:
  ``"provider": {"order": ["<tag>"], "allow_fallbacks": false}``.
- ``POST /api/v1/generate`` (JSON) and ``POST /api/v1/generate/stream`` (SSE; JSON when the body says
  ``"stream": false``): EigenAI's API. Its page documents the request (``model``, ``messages``,
  ``max_tokens``, ...) but not the response, so the replica answers in the OpenAI shapes above
  (``choices[0].message.content`` and ``usage``; stream chunks with ``choices[0].delta.content``).

What each endpoint does is a :class:`~replica.chat.behaviour.ChatBehaviour` in a
:class:`~replica.chat.table.ChatTable`, looked up by (model, provider tag), then by model, then the
table's default. Timing is real: the first token is written ``ttft_ms`` after the request arrived, token
*i* at ``ttft + i / tokens_per_s`` on one monotonic schedule (sleeps never accumulate error). A response
is never longer than the request's ``max_tokens``.

- ``behaviour``: what an endpoint does (:class:`ChatBehaviour`, :class:`ChatFailure`)
- ``table``: the behaviours by endpoint, request counts and records (:class:`ChatTable`)
- ``plan``: one request's answer: its tokens and their schedule
- ``protocol``: the wire shapes: request fields, SSE chunks, completion bodies, error bodies
- ``answers``: the answers played over time, failing as the behaviour says
- ``routes``: the handlers: read the request, pick the behaviour, answer, record
"""
