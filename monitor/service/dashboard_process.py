"""The dashboard as a child process: `start_dashboard` runs ``streamlit run dashboard/app.py`` headless and
returns at once, `wait_until_ready` polls its health route, `stop_dashboard` ends it. Used by
`modelwatch dashboard`, and beside the service by `modelwatch run` and `modelwatch demo --serve`.

The database URL reaches the Streamlit script through the child's environment (``MODELWATCH_DB_URL``,
which `dashboard/app.py` reads in its entry function): Streamlit runs its script in a fresh process and
takes no arguments of ours.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from db.recommend.cost import RATES_ENV, Rate, rates_text
from monitor.settings import DEFAULT_DASHBOARD_HOST

logger = logging.getLogger(__name__)

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
DB_URL_ENV = "MODELWATCH_DB_URL"  # read by dashboard/app.py


def start_dashboard(
    db_url: str, *, port: int, host: str = DEFAULT_DASHBOARD_HOST, rates: Sequence[Rate] = ()
) -> subprocess.Popen[bytes]:
    """Start ``streamlit run dashboard/app.py`` headless on `host`:`port` over `db_url` (a child
    process; no file watcher, no usage statistics), with the configured currency `rates`. Returns at
    once: see `wait_until_ready`. Through ``python -m dashboard.serve``, which reads the catalog while
    Streamlit starts (before the first visit)."""
    command = [
        sys.executable,
        "-m",
        "dashboard.serve",
        "run",
        str(APP),
        "--server.headless=true",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
        "--server.runOnSave=false",
        f"--server.port={port}",
        f"--server.address={host}",
        "--global.developmentMode=false",
        "--client.toolbarMode=viewer",
        "--logger.level=warning",
    ]
    env = {**os.environ, DB_URL_ENV: db_url}
    if rates:  # the configuration's [currencies], for the Recommend page
        env[RATES_ENV] = rates_text(rates)
    logger.debug("starting the dashboard: %s", " ".join(command))
    # Streamlit's greeting ("You can now view your Streamlit app...") goes nowhere; its errors to ours.
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, cwd=APP.parents[1])


def wait_until_ready(
    host: str, port: int, *, process: subprocess.Popen[bytes] | None = None, timeout_s: float = 60
) -> bool:
    """Poll Streamlit's health route until it answers (True), the process ends or time runs out."""
    address = "127.0.0.1" if host in ("0.0.0.0", "", "::") else host
    url = f"http://{address}:{port}/_stcore/health"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    return False


def stop_dashboard(process: subprocess.Popen[bytes], *, timeout_s: float = 10) -> None:
    """Ask the dashboard to stop (SIGTERM), then kill it if it has not after `timeout_s`."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
