"""The changes page (a Streamlit page script: see dashboard/app.py)."""

from dashboard import changes_page

changes_page.render()
