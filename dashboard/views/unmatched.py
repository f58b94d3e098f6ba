"""The unmatched models page (a Streamlit page script: see dashboard/app.py)."""

from dashboard import unmatched_page

unmatched_page.render()
