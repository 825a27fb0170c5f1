"""One structured log line per page view in a served app: page, seconds, rows, a session hash.

The line is JSON on stderr (logger "ruraldash.pageviews"), e.g.
{"event": "page_view", "page": "compare_regions", "seconds": 0.412, "rows": 10,
 "session": "3f9c0a1b2c4d", "outcome": "ok"}. The session hash is a salted digest of
Streamlit's session id, the salt new in every process: it tells one session's views apart and
names nobody. No address, user name or selection is written.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from ruraldash import paths

_ROWS = "_ruraldash_rows_shown"
_SALT = secrets.token_bytes(16)
_logger = logging.getLogger("ruraldash.pageviews")
if not _logger.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(message)s"))
    _logger.addHandler(_handler)
    _logger.setLevel(logging.INFO)
    _logger.propagate = False


def rows_shown(count: int) -> None:
    """Add `count` to the rows this page view has shown (called by ui.table)."""
    st.session_state[_ROWS] = st.session_state.get(_ROWS, 0) + count


def session_hash() -> str:
    """A salted digest of this session's id: stable within the process, names nobody."""
    context = get_script_run_ctx()
    session_id = context.session_id if context is not None else ""
    return hashlib.sha256(_SALT + session_id.encode()).hexdigest()[:12]


@contextmanager
def page_view(page: str) -> Iterator[None]:
    """Time the page's run and log its line (in a served app): ok, stopped, rerun or error."""
    if paths.served_release() is None:
        yield
        return
    st.session_state[_ROWS] = 0
    started, outcome = time.perf_counter(), "ok"
    try:
        yield
    except BaseException as error:
        outcome = {"StopException": "stopped", "RerunException": "rerun"}.get(
            type(error).__name__, "error"
        )
        raise
    finally:
        _logger.info(
            json.dumps(
                {
                    "event": "page_view",
                    "page": page or "overview",
                    "seconds": round(time.perf_counter() - started, 3),
                    "rows": st.session_state.get(_ROWS, 0),
                    "session": session_hash(),
                    "outcome": outcome,
                }
            )
        )
