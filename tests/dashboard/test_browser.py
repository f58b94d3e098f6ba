"""End to end: `modelwatch dashboard` on a free port over the seeded database, driven by the system
Chromium through Playwright: every page shows its key text, a hostile model name stays text, and the
command stops cleanly on SIGTERM. A screenshot of each page goes to the test's temp dir."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from monitor.service.dashboard_process import wait_until_ready
from tests.dashboard.browser import CHROMIUM, PAGES, chromium, visit
from tests.dashboard.seed import HOSTILE_MODEL
from tests.ports import free_port


def dashboard_command(db_url: str, port: int) -> list[str]:
    """`modelwatch --db URL dashboard --port P`."""
    return [sys.executable, "-m", "monitor", "--db", db_url, "dashboard", "--port", str(port)]


@pytest.fixture(scope="module")
def served(seeded_url: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium; .ci/run does)"
        )
    port = free_port()
    process = subprocess.Popen(dashboard_command(seeded_url, port), cwd=Path(__file__).resolve().parents[2])
    try:
        if not wait_until_ready("127.0.0.1", port, process=process, timeout_s=60):
            pytest.fail(f"the dashboard did not answer on port {port} (exit code {process.poll()})")
        yield f"http://127.0.0.1:{port}", process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_every_page_in_chromium(served: tuple[str, subprocess.Popen[bytes]], tmp_path: Path) -> None:
    base, _process = served
    dialogs: list[str] = []
    with chromium() as page:

        def on_dialog(dialog: Any) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        for check in PAGES:
            visit(page, base, check, tmp_path / f"{check.name}.png")
            assert (tmp_path / f"{check.name}.png").stat().st_size > 10_000
        # A model page is its own URL, and a model named in HTML shows that HTML as text.
        page.goto(f"{base}/model?id={quote(HOSTILE_MODEL, safe='')}")
        page.get_by_role("heading", name=HOSTILE_MODEL).wait_for(state="visible", timeout=30000)
        page.wait_for_timeout(500)
        assert page.locator('img[src="x"]').count() == 0
        assert page.locator('a[href^="javascript"]').count() == 0
    assert dialogs == []


def test_stops_cleanly_on_sigterm(served: tuple[str, subprocess.Popen[bytes]]) -> None:
    _base, process = served
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0
