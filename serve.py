"""The served app: app.py inside an st.App that answers /ready only once warm (ui.warm).

RURALDASH_MODE=served RURALDASH_RELEASE=/srv/ruraldash/ruraldash.duckdb streamlit run serve.py
"""

import streamlit as st

from ruraldash.ui import warm

app = st.App("app.py", lifespan=warm.lifespan, routes=warm.routes())
