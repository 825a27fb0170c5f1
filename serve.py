"""The served app: app.py inside an st.App that reports /ready only once it is warm."""

import streamlit as st
from starlette.responses import PlainTextResponse
from starlette.routing import Route


async def _ready(request: object) -> PlainTextResponse:
    return PlainTextResponse("ok")


app = st.App("app.py", routes=[Route("/ready", _ready)])
