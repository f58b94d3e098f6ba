"""The disagreements page (a Streamlit page script: see dashboard/app.py)."""

from dashboard import disagreements_page

disagreements_page.render()
