"""Endpoint probes: time to first token, throughput and failures of chat endpoints, over httpx.

- `probe_once` (client.py): one probe through a given ``httpx.AsyncClient``.
- `probe_round` / `run_round` (round.py): many probes at bounded concurrency, Retry-After honoured,
  through a `ClientPool` (pool.py) of small httpx clients.
- request.py builds requests, completion.py and sse.py read answers, status.py classifies statuses:
  all pure. network.py: the timestamping transport the clients read through.
- `ProbeRunner` (runner.py): rounds of the configured probes, stored, each endpoint's up/down state
  advanced; matching.py links a probe to the catalog endpoint it measures; plan.py prices probing
  (`probe --plan`).
"""

from monitor.probes.client import probe_once, redact
from monitor.probes.pool import ClientPool, make_client
from monitor.probes.round import DEFAULT_CONCURRENCY, probe_round, run_round

__all__ = [
    "ClientPool",
    "DEFAULT_CONCURRENCY",
    "make_client",
    "probe_once",
    "probe_round",
    "redact",
    "run_round",
]
