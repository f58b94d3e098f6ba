#!/usr/bin/env python3
"""Make the upgrade tests' data: databases filled by the real modelwatch 0.1.0, as a user would.

    python3 tests/upgrade/make_v010_data.py [--venv DIR] [--out DIR] [--no-service] [--no-postgres]

Checks out the ``v0.1.0`` tag (a shallow clone of this repository) into a temporary folder, installs it
into its own virtualenv (``--venv DIR`` keeps that virtualenv and reuses it next time), then, with only
0.1.0's own commands (``modelwatch replica``, ``crawl``, ``probe``, ``alerts deliver``, ``run``), fills a
SQLite file and a PostgreSQL database with the same story:

1. the provider replica serves a small catalog (five models of its built-in demo catalog, plus its own
   EigenAI model page and broken-layout page) on a free port; ``crawl``; two ``probe`` rounds, all ok;
2. the replica stops: a ``crawl`` fails (source unreachable), three ``probe`` rounds fail (connect), so
   every probe goes down and an outage incident opens; ``alerts deliver`` tries the two channels, whose
   port is closed, so the alerts stay in the outbox with their attempts and errors;
3. the replica comes back with price change 1 (Novita's DeepSeek V3.1 Terminus output +20 %, Mistral
   Nemo's Novita input halved, an endpoint removed, a context change, the EigenAI page's input price
   0.40 -> 0.45); ``crawl``; two ``probe`` rounds close the outages (one probe stays degraded);
4. price change 2 (the Novita endpoint's output down again, a new model, a parameters change, the page's
   output price 2.0 -> 1.8); ``crawl``; one ``probe`` round; ``alerts deliver``;
5. once the probe samples are older than 0.1.0's rollup settle time (5 minutes), ``modelwatch run``
   (no API, no dashboard) runs for a while: its scheduler stores its jobs, beats, probes once, delivers
   and rolls the samples up into hourly/daily rollups and the window cache; then SIGTERM
   (``--no-service`` skips this step, and with it the wait).

Outputs (replaced on each run): ``<out>/modelwatch.db`` (SQLite, WAL checkpointed into the file) and
``<out>/modelwatch.pg.sql`` (``pg_dump --no-owner --no-privileges --column-inserts`` of a database
created for the purpose, ``mw_v010_gen``, dropped afterwards; psql's ``\\restrict`` lines are left out so
the file is plain SQL that any client can execute). Only the standard library is needed to run this.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
TAG = "v0.1.0"
DEFAULT_OUT = REPO / "tests" / "data" / "v0.1.0"
PG_DATABASE = "mw_v010_gen"
DEFAULT_PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"

#: The models of the replica's built-in demo catalog that the small catalog keeps (v3 adds the last one).
MODELS = (
    "deepseek/deepseek-v3.1-terminus",
    "deepseek/deepseek-chat-v3.1",
    "openai/gpt-4o-mini",
    "mistralai/mistral-nemo",
)
ADDED_IN_V3 = "google/gemma-4-31b-it:free"
#: Only the project's own pages (replica/pages of 0.1.0).
PAGES = ("deepseek.html", "broken-layout.html")
ROLLUP_SETTLE_S = 300  # db.probes.rollups.SETTLE of 0.1.0: rollups take samples older than this
SERVICE_SECONDS = 45
SERVICE_ROLLUP_EVERY = "15s"

STARTED = time.monotonic()


def say(text: str) -> None:
    elapsed = time.monotonic() - STARTED
    print(f"[{int(elapsed) // 60:02d}:{int(elapsed) % 60:02d}] {text}", flush=True)


def run(cmd: Sequence[str], *, ok: Sequence[int] = (0,), **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a command; fail loudly (with its output) when its exit code is not one of `ok`."""
    result = subprocess.run(list(cmd), capture_output=True, text=True, **kwargs)
    if result.returncode not in ok:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"failed ({result.returncode}): {' '.join(map(str, cmd))}")
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- 0.1.0 and its virtualenv ---------------------------------------------------------------------


def tag_commit() -> str:
    return run(["git", "-C", str(REPO), "rev-parse", f"{TAG}^{{commit}}"]).stdout.strip()


def checkout(work: Path) -> Path:
    """A shallow clone of the tag (the main working tree and its .git are left alone)."""
    src = work / "src"
    run(["git", "clone", "--quiet", "--depth", "1", "--branch", TAG, f"file://{REPO}", str(src)])
    say(f"checked out {TAG} ({tag_commit()[:12]}) into {src}")
    return src


def virtualenv(src: Path, venv: Path) -> Path:
    """0.1.0 installed into `venv` (reused when it already holds this commit); returns its bin folder.

    A plain (not editable) install, so that a kept virtualenv does not depend on the temporary clone.
    """
    stamp = venv / ".modelwatch-v010"
    commit = tag_commit()
    bin_dir = venv / "bin"
    if stamp.is_file() and stamp.read_text().strip() == commit and (bin_dir / "modelwatch").exists():
        say(f"reusing the virtualenv {venv} (modelwatch {TAG} already installed)")
        return bin_dir
    if venv.exists():
        if not stamp.is_file() and any(venv.iterdir()):
            raise SystemExit(
                f"--venv {venv}: not a virtualenv this script made (no {stamp.name}); not touching it"
            )
        shutil.rmtree(venv)
    say(f"creating the virtualenv {venv} and installing modelwatch {TAG} (a few minutes the first time)")
    run([sys.executable, "-m", "venv", str(venv)])
    run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(src)])
    version = run(
        [str(bin_dir / "python"), "-c", "import importlib.metadata as m; print(m.version('modelwatch'))"]
    )
    stamp.write_text(commit + "\n")
    say(f"installed modelwatch {version.stdout.strip()} into {venv}")
    return bin_dir


# -- the replica's catalog and pages --------------------------------------------------------------


def endpoint(endpoints: list[dict[str, Any]], tag: str) -> dict[str, Any]:
    found = [e for e in endpoints if e.get("tag") == tag]
    if len(found) != 1:
        raise SystemExit(f"the demo catalog changed: expected one endpoint tagged {tag!r}")
    return found[0]


def catalog_versions(src: Path) -> list[dict[str, Any]]:
    """Three states of a small catalog taken from 0.1.0's built-in demo catalog: as is, change 1, change 2."""
    demo = json.loads((src / "replica" / "data" / "demo_catalog.json").read_text(encoding="utf-8"))
    by_id = {model["id"]: model for model in demo["models"]}
    v1 = {
        "models": [copy.deepcopy(by_id[m]) for m in MODELS],
        "endpoints": {m: copy.deepcopy(demo["endpoints"][m]) for m in MODELS},
        "providers": demo["providers"],
    }
    # change 1: a price up, a price down, an endpoint removed, a context change
    v2 = copy.deepcopy(v1)
    terminus = v2["endpoints"]["deepseek/deepseek-v3.1-terminus"]
    endpoint(terminus, "novita/fp8")["pricing"]["completion"] = "0.0000012"  # 1.00 -> 1.20 per 1M
    nemo = v2["endpoints"]["mistralai/mistral-nemo"]
    endpoint(nemo, "novita/fp8")["pricing"]["prompt"] = "0.00000002"  # 0.04 -> 0.02 per 1M
    chat = v2["endpoints"]["deepseek/deepseek-chat-v3.1"]
    chat.remove(endpoint(chat, "siliconflow/fp8"))
    endpoint(v2["endpoints"]["openai/gpt-4o-mini"], "openai")["context_length"] = 200000
    # change 2: the same endpoint's price down again, a new model, a parameters change
    v3 = copy.deepcopy(v2)
    terminus = v3["endpoints"]["deepseek/deepseek-v3.1-terminus"]
    endpoint(terminus, "novita/fp8")["pricing"]["completion"] = "0.0000011"  # 1.20 -> 1.10 per 1M
    deepinfra = endpoint(terminus, "deepinfra/fp4")
    deepinfra["supported_parameters"] = [p for p in deepinfra["supported_parameters"] if p != "seed"]
    v3["models"].append(copy.deepcopy(by_id[ADDED_IN_V3]))
    v3["endpoints"][ADDED_IN_V3] = copy.deepcopy(demo["endpoints"][ADDED_IN_V3])
    return [v1, v2, v3]


#: The EigenAI page's prices in each state: (input, output) as the page writes them.
PAGE_PRICES = [("0.40", "2.0"), ("0.45", "2.0"), ("0.45", "1.8")]


def write_state(src: Path, folder: Path, version: dict[str, Any], prices: tuple[str, str]) -> list[str]:
    """The replica's snapshot files and pages of one state; returns the replica's catalog options."""
    folder.mkdir(parents=True)
    header_keys = ("id", "name", "created", "description", "architecture")  # replica.catalog's
    by_id = {model["id"]: model for model in version["models"]}
    endpoints = {
        model_id: {"data": {**{k: by_id[model_id].get(k) for k in header_keys}, "endpoints": items}}
        for model_id, items in version["endpoints"].items()
    }
    files = {
        "models": {"data": version["models"]},
        "endpoints": endpoints,
        "providers": {"data": version["providers"]},
    }
    for name, body in files.items():
        (folder / f"{name}.json").write_text(json.dumps(body, indent=1), encoding="utf-8")
    pages = folder / "pages"
    pages.mkdir()
    for page in PAGES:
        text = (src / "replica" / "pages" / page).read_text(encoding="utf-8")
        if page == "deepseek.html":
            old_in, old_out = PAGE_PRICES[0]
            new_in, new_out = prices
            text = text.replace(f"Input {old_in} /M", f"Input {new_in} /M")
            text = text.replace(f"Output {old_out} /M", f"Output {new_out} /M")
            text = text.replace(f"{old_in} credits / 1M input", f"{new_in} credits / 1M input")
            text = text.replace(f"{old_out} credits / 1M output", f"{new_out} credits / 1M output")
        (pages / page).write_text(text, encoding="utf-8")
    return [
        "--models", str(folder / "models.json"),
        "--endpoints", str(folder / "endpoints.json"),
        "--providers", str(folder / "providers.json"),
        "--pages-dir", str(pages),
    ]  # fmt: skip


class Replica:
    """`modelwatch replica` of 0.1.0 in a child process, on a fixed port across restarts."""

    def __init__(self, bin_dir: Path, port: int, work: Path) -> None:
        self.bin_dir = bin_dir
        self.port = port
        self.work = work
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self, options: list[str], what: str) -> None:
        self.starts += 1
        log = open(self.work / f"replica-{self.starts}.log", "wb")  # noqa: SIM115 (the child keeps it)
        self.process = subprocess.Popen(
            [str(self.bin_dir / "modelwatch"), "replica", "--port", str(self.port), *options],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.work,
            env=clean_env(),
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"the replica exited ({self.process.returncode}); see {log.name}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2):
                    say(f"replica up on port {self.port}: {what}")
                    return
            except OSError:
                time.sleep(0.2)
        raise SystemExit("the replica did not answer within 60 s")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
        say("replica stopped")


# -- configuration and the stores -----------------------------------------------------------------


def config_text(replica: str, closed_port: int) -> str:
    """modelwatch.toml for 0.1.0: both source kinds, probes of each protocol, two dead alert channels."""
    chat = f"{replica}/api/v1/chat/completions"
    return f"""\
# modelwatch 0.1.0 configuration of tests/upgrade/make_v010_data.py (a replica on a local port)
[[sources]]
name = "openrouter"
kind = "openrouter"
base_url = "{replica}/api/v1"
every = "1d"

[[sources]]
name = "eigenai"
kind = "pages"
provider = "EigenAI"
urls = ["{replica}/deepseek.html", "{replica}/broken-layout.html"]
every = "1d"

[models.aliases]
"deepseek-v31-terminus" = "deepseek/deepseek-v3.1-terminus"

[[probes]]
name = "novita-deepseek-v3.1"
protocol = "openai"
url = "{chat}"
model = "deepseek/deepseek-v3.1-terminus"
provider_tag = "novita/fp8"
every = "1h"
timeout = "10s"
max_tokens = 8

[[probes]]
name = "deepinfra-deepseek-v3.1"
protocol = "openai"
url = "{chat}"
model = "deepseek/deepseek-v3.1-terminus"
provider_tag = "deepinfra/fp4"
every = "1h"
timeout = "10s"
max_tokens = 8
degraded_ttft = "100ms"

[[probes]]
name = "openai-gpt-4o-mini"
protocol = "openai"
url = "{chat}"
model = "openai/gpt-4o-mini"
every = "1h"
timeout = "10s"
stream = false

[[probes]]
name = "eigenai-deepseek-v3.1"
protocol = "eigenai"
url = "{replica}/api/v1/generate/stream"
model = "deepseek-v31-terminus"
provider = "EigenAI"
every = "1h"
timeout = "10s"
max_tokens = 8

[[probes]]
name = "keyless"
protocol = "openai"
url = "{chat}"
model = "mistralai/mistral-nemo"
api_key_env = "MW_V010_UNSET_KEY"
every = "1h"

[[probes]]
name = "replica-health"
protocol = "http"
url = "{replica}/healthz"
expect_body = "ok"
every = "1h"

[monitoring]
down_after = 3
up_after = 2
degraded_window = 3
rollup_every = "{SERVICE_ROLLUP_EVERY}"

[[monitoring.maintenance]]
probes = ["replica-health"]
start = 2000-01-01T00:00:00Z
end = 2100-01-01T00:00:00Z
reason = "the health check is informative only"

[alerts]
channels = ["json://127.0.0.1:{closed_port}/hook"]
price_change_percent = 1.0
retry_min = "1s"
retry_max = "2s"

[[alerts.webhooks]]
name = "ops-webhook"
url = "http://127.0.0.1:{closed_port}/webhook"
timeout = "2s"
"""


def clean_env() -> dict[str, str]:
    """The environment of 0.1.0's commands: none of this machine's MODELWATCH_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODELWATCH_")}
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONPATH", None)
    return env


class Store:
    """One database the story is written into."""

    def __init__(self, name: str, url: str) -> None:
        self.name = name
        self.url = url


class Story:
    """The 0.1.0 commands, each run against every store."""

    def __init__(self, bin_dir: Path, config: Path, stores: list[Store], work: Path) -> None:
        self.bin_dir = bin_dir
        self.config = config
        self.stores = stores
        self.work = work
        self.last_probe = 0.0

    def modelwatch(
        self, *args: str, ok: Sequence[int] = (0,), summary: Callable[[str], str] | None = None
    ) -> None:
        for store in self.stores:
            cmd = [str(self.bin_dir / "modelwatch"), "--config", str(self.config), "--db", store.url, *args]
            result = run(cmd, ok=ok, cwd=self.work, env=clean_env())
            text = (summary or last_line)(result.stdout)
            say(f"  {store.name:<10} modelwatch {' '.join(args)} -> exit {result.returncode}: {text}")

    def probe(self, *, ok: Sequence[int] = (0,)) -> None:
        self.modelwatch("probe", ok=ok)
        self.last_probe = time.monotonic()

    def service(self, seconds: float) -> None:
        """`modelwatch run --no-api --no-dashboard` on every store at once, then SIGTERM."""
        children = []
        for store in self.stores:
            log = open(self.work / f"run-{store.name}.log", "wb")  # noqa: SIM115
            cmd = [str(self.bin_dir / "modelwatch"), "--config", str(self.config), "--db", store.url]
            child = subprocess.Popen(
                [*cmd, "run", "--no-api", "--no-dashboard"],
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.work,
                env=clean_env(),
            )
            children.append((store, child, log))
        time.sleep(seconds)
        for store, child, log in children:
            child.send_signal(signal.SIGTERM)
            code = child.wait(timeout=60)
            log.close()
            lines = Path(log.name).read_text(errors="replace").splitlines()
            if code != 0:
                sys.stderr.write("\n".join(lines) + "\n")
                raise SystemExit(f"modelwatch run on {store.name} exited {code}")
            jobs = sum(1 for line in lines if "next at" in line)
            say(f"  {store.name:<10} modelwatch run: {jobs} jobs scheduled, {len(lines)} log lines, exit 0")


def last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].strip() if lines else "(no output)"


def crawl_summary(text: str) -> str:
    """The first clause of each source's line: ``openrouter: ok — 17 endpoints of 4 models ...``."""
    return "; ".join(line.split(";")[0].strip() for line in text.splitlines() if " — " in line)


def psql(admin_url: str, sql: str) -> None:
    run(["psql", "--no-psqlrc", "--quiet", "-v", "ON_ERROR_STOP=1", "-d", admin_url, "-c", sql])


def pg_url(admin_url: str, database: str) -> str:
    base, _, _ = admin_url.rpartition("/")
    return f"{base}/{database}"


def shown(path: Path) -> Path:
    return path.relative_to(REPO) if path.is_relative_to(REPO) else path


def finish_sqlite(path: Path, out: Path) -> None:
    """Fold the WAL into the file (the journal mode stays WAL, as 0.1.0 left it) and copy it."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise SystemExit(f"integrity_check of {path}: {check}")
    finally:
        connection.close()
    target = out / "modelwatch.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(path, target)
    say(f"wrote {shown(target)} ({target.stat().st_size:,} bytes)")


def dump_postgres(url: str, out: Path) -> None:
    """A plain SQL dump, statements only: psql's \\restrict/\\unrestrict meta-commands are dropped."""
    result = run(["pg_dump", "--no-owner", "--no-privileges", "--column-inserts", "-d", url])
    meta = ("\\restrict", "\\unrestrict")
    lines = [line for line in result.stdout.splitlines() if not line.startswith(meta)]
    target = out / "modelwatch.pg.sql"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    say(f"wrote {shown(target)} ({target.stat().st_size:,} bytes)")


def sqlite_counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        query = "select name from sqlite_master where type = 'table' order by name"
        names = [row[0] for row in connection.execute(query)]
        return {name: connection.execute(f'select count(*) from "{name}"').fetchone()[0] for name in names}
    finally:
        connection.close()


# -- the story ------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--venv", type=Path, help="keep 0.1.0's virtualenv here and reuse it next time")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    parser.add_argument(
        "--pg-admin-url",
        default=DEFAULT_PG_ADMIN,
        help="a PostgreSQL URL allowed to create and drop databases (default: %(default)s)",
    )
    parser.add_argument("--no-postgres", action="store_true", help="write the SQLite file only")
    parser.add_argument("--no-sqlite", action="store_true", help="write the PostgreSQL dump only")
    parser.add_argument(
        "--no-service",
        action="store_true",
        help="skip `modelwatch run` (and the 5-minute wait for rollups): no rollups, jobs or heartbeat",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, config)")
    args = parser.parse_args(argv)

    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="mw-v010-"))
    say(f"working in {work}")
    pg_admin = args.pg_admin_url
    pg_created = False
    replica: Replica | None = None
    try:
        src = checkout(work)
        bin_dir = virtualenv(src, args.venv.resolve() if args.venv else work / "venv")
        versions = catalog_versions(src)
        states = [
            write_state(src, work / f"catalog-v{i + 1}", version, PAGE_PRICES[i])
            for i, version in enumerate(versions)
        ]

        stores = []
        if not args.no_sqlite:
            stores.append(Store("sqlite", f"sqlite:///{work / 'modelwatch.db'}"))
        if not args.no_postgres:
            psql(pg_admin, f'drop database if exists "{PG_DATABASE}"')
            psql(pg_admin, f'create database "{PG_DATABASE}"')
            pg_created = True
            stores.append(Store("postgresql", pg_url(pg_admin, PG_DATABASE)))
            say(f"created the PostgreSQL database {PG_DATABASE}")
        if not stores:
            raise SystemExit("nothing to do: both stores are turned off")

        port, closed_port = free_port(), free_port()
        config = work / "modelwatch.toml"
        config.write_text(config_text(f"http://127.0.0.1:{port}", closed_port), encoding="utf-8")
        say(f"wrote {config}: 2 sources, 6 probes, alerts to 127.0.0.1:{closed_port} (nothing listens there)")
        story = Story(bin_dir, config, stores, work)
        replica = Replica(bin_dir, port, work)

        say("1. the catalog as it was; a crawl; two probe rounds")
        replica.start(states[0], "catalog v1 (4 models, 13 endpoints, 2 pages)")
        story.modelwatch("crawl", summary=crawl_summary)
        for _ in range(2):
            story.probe()

        say("2. the replica stops: a failed crawl, three failed probe rounds (outage), a delivery attempt")
        replica.stop()
        story.modelwatch("crawl", ok=(1,), summary=crawl_summary)
        for _ in range(3):
            story.probe(ok=(1,))
        story.modelwatch("alerts", "deliver", ok=(0, 1))

        say("3. price change 1; a crawl; two probe rounds (the outages end)")
        replica.start(states[1], "catalog v2 (price change 1)")
        story.modelwatch("crawl", summary=crawl_summary)
        for _ in range(2):
            story.probe()

        say("4. price change 2; a crawl; a probe round; a delivery attempt")
        replica.stop()
        replica.start(states[2], "catalog v3 (price change 2)")
        story.modelwatch("crawl", summary=crawl_summary)
        story.probe()
        story.modelwatch("alerts", "deliver", ok=(0, 1))
        story.modelwatch("alerts", "list")

        if not args.no_service:
            wait = story.last_probe + ROLLUP_SETTLE_S + 10 - time.monotonic()
            if wait > 0:
                say(f"5. waiting {wait:.0f} s: 0.1.0 rolls up only samples older than {ROLLUP_SETTLE_S} s")
                time.sleep(wait)
            say(f"5. `modelwatch run --no-api --no-dashboard` for {SERVICE_SECONDS} s, then SIGTERM")
            story.service(SERVICE_SECONDS)
        replica.stop()
        replica = None

        if not args.no_sqlite:
            finish_sqlite(work / "modelwatch.db", out)
            counts = sqlite_counts(out / "modelwatch.db")
            say("rows per table (SQLite): " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        if not args.no_postgres:
            dump_postgres(pg_url(pg_admin, PG_DATABASE), out)
    finally:
        if replica is not None:
            replica.stop()
        if pg_created:
            psql(pg_admin, f'drop database if exists "{PG_DATABASE}"')
            say(f"dropped the PostgreSQL database {PG_DATABASE}")
        if args.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    say("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
