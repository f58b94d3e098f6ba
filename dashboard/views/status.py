"""The status page (a Streamlit page script: see dashboard/app.py)."""

from dashboard import status_page

status_page.render()
