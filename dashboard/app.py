"""The dashboard's entry script: ``streamlit run dashboard/app.py`` (or ``modelwatch dashboard``).

The database URL comes from the environment variable ``MODELWATCH_DB_URL`` (default
`db.engine.DEFAULT_DB_URL`, ``sqlite:///modelwatch.db``), read by `database_url` for `main` and for
`dashboard/serve.py` (which reads the catalog before the first visit) and nowhere else: a Streamlit script
is an entry point, like the CLI, and `monitor.service.dashboard_process.start_dashboard` sets the variable
for the child process.
The pages below this script take the URL from the session (`dashboard.context`).

Pages and their URLs (deep links):

- ``/`` (the catalog, the default page): every endpoint, searchable, with a CSV download
- ``/model?id=<canonical id>``: one model: offers, price history, TTFT and uptime, incidents
- ``/status``: uptime heatmap (endpoint by day) and the open incidents
- ``/recommend``: the cheapest capable endpoints for a job, and why the others were left out
- ``/changes``: price, parameter and context changes and incidents
- ``/disagreements``: where sources disagree about an endpoint (``?provider=<name>``)
- ``/unmatched``: provider model ids matched to no canonical model, with candidates and alias lines
  (``?provider=<name>``)
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from dashboard import context
from db.engine import DEFAULT_DB_URL

DB_URL_ENV = "MODELWATCH_DB_URL"
VIEWS = Path(__file__).resolve().parent / "views"
#: (file under views/, url path, title, icon); the first is the default page.
PAGES = (
    ("catalog.py", "catalog", "Catalog", ":material/table_chart:"),
    ("model.py", "model", "Model", ":material/search:"),
    ("status.py", "status", "Status", ":material/monitor_heart:"),
    ("recommend.py", "recommend", "Recommend", ":material/calculate:"),
    ("changes.py", "changes", "Changes", ":material/history:"),
    ("disagreements.py", "disagreements", "Disagreements", ":material/compare_arrows:"),
    ("unmatched.py", "unmatched", "Unmatched models", ":material/link_off:"),
)


def database_url() -> str:
    """The dashboard's database: ``MODELWATCH_DB_URL``, or the default store."""
    return os.environ.get(DB_URL_ENV) or DEFAULT_DB_URL


def main() -> None:
    st.set_page_config(page_title="modelwatch", page_icon=":material/radar:", layout="wide")
    context.use_database(database_url())
    pages = [
        st.Page(VIEWS / name, url_path=path, title=title, icon=icon, default=index == 0)
        for index, (name, path, title, icon) in enumerate(PAGES)
    ]
    st.navigation(pages).run()


if __name__ == "__main__":
    main()
