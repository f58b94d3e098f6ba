"""The catalog page (a Streamlit page script: see dashboard/app.py)."""

from dashboard import catalog_page

catalog_page.render()
