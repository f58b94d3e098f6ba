"""The recommend page (a Streamlit page script: see dashboard/app.py)."""

from dashboard import recommend_page

recommend_page.render()
