"""Write the dashboard screenshots committed under docs/ (opt-in; not a test):

    .venv/bin/python -m tests.dashboard.screenshots [--out docs]

Seeds a fresh database in a temp dir as the tests do, but without the hostile source (`seed_database`
with ``hostile=False``), serves it with `start_dashboard` on a free port, and saves one full-page
screenshot per page from the system Chromium as ``<out>/dashboard-<page>.png``.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
from pathlib import Path

from monitor.service.dashboard_process import start_dashboard, stop_dashboard, wait_until_ready
from tests.dashboard.browser import CHROMIUM, PAGES, chromium, visit
from tests.dashboard.seed import seed_database

REPO = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    parser.add_argument("--width", type=int, default=1680, help="window width in pixels (1680)")
    parser.add_argument("--height", type=int, default=1800, help="window height in pixels (1800)")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"error: {CHROMIUM} not found (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'screenshots.db'}"
        seed_database(url, hostile=False)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        process = start_dashboard(url, port=port)
        try:
            if not wait_until_ready("127.0.0.1", port, process=process):
                print("error: the dashboard did not start", file=sys.stderr)
                return 1
            with chromium(width=args.width, height=args.height) as page:
                for check in PAGES:
                    path = args.out / f"dashboard-{check.name}.png"
                    visit(page, f"http://127.0.0.1:{port}", check, path)
                    print(path)
        finally:
            stop_dashboard(process)
    return 0


if __name__ == "__main__":
    sys.exit(main())
