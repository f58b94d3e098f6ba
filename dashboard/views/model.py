"""The model page (a Streamlit page script: see dashboard/app.py)."""

from dashboard import model_page

model_page.render()
