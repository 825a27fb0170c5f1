"""Warm before ready: a replica says /ready only once it has run its default pages.

serve.py wraps app.py in st.App with `lifespan` and `routes()`. Once the server answers, the
lifespan opens WARM_PAGES as sessions of its own (ui.stream_client, the browser's protocol):
the package is imported, the release opened, the pages' results cached. Until then, and
whenever the served release is refused, /ready answers 503; /_stcore/health says only that
the process is up (the liveness probe).
"""

from __future__ import annotations

import asyncio
import logging
import time
import urllib.request
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from streamlit import config

from ruraldash import paths
from ruraldash.store.release import IncompleteRelease
from ruraldash.ui.database import release_manifest
from ruraldash.ui.stream_client import Session

# The default page and the page most links lead to.
WARM_PAGES = ("", "compare")
WARM_TIMEOUT = 300
_warmed = asyncio.Event()
_logger = logging.getLogger("ruraldash.warm")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


async def warm(base: str) -> None:
    """Wait for the server, then run every warm page once in a session of its own."""
    deadline = time.monotonic() + WARM_TIMEOUT
    while not await asyncio.to_thread(_answers, f"{base}/_stcore/health"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{base} did not answer within {WARM_TIMEOUT} s")
        await asyncio.sleep(0.2)
    started = time.perf_counter()
    for page in WARM_PAGES:
        session = Session(base, timeout=WARM_TIMEOUT)
        try:
            await session.open(page)
        finally:
            await session.close()
    _logger.warning("warm after %.1f s: %s", time.perf_counter() - started, WARM_PAGES)
    _warmed.set()


@asynccontextmanager
async def lifespan(app: object) -> AsyncIterator[None]:
    """Warm the replica in the background while the server starts; stop warming on shutdown."""
    base = f"http://127.0.0.1:{config.get_option('server.port')}"
    task = asyncio.create_task(warm(base))
    yield
    task.cancel()


def ready_now() -> tuple[bool, str]:
    """Whether this replica is ready, and why not."""
    if not _warmed.is_set():
        return False, "warming"
    release = paths.served_release()
    if release is not None:
        try:
            release_manifest(release)
        except IncompleteRelease as error:
            return False, str(error)
    return True, "ready"


async def _ready(request: Request) -> PlainTextResponse:
    ready, reason = ready_now()
    return PlainTextResponse(reason, status_code=200 if ready else 503)


def routes() -> list[Route]:
    """The route the readiness probe asks: /ready."""
    return [Route("/ready", _ready)]
