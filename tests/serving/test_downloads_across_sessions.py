"""A table's file made on click is still there for its GET after other sessions' runs
(a served replica on 127.0.0.1, two sessions speaking the browser's protocol)."""

from __future__ import annotations

import asyncio
import socket
import urllib.error
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg

from ruraldash import paths
from ruraldash.serving import replicas
from ruraldash.serving.processes import stop
from ruraldash.store.release import write_release
from ruraldash.ui.stream_client import Session

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def _made_url(session: Session, file_id: str) -> str:
    """Press a download button: the file is made; return its URL without fetching it yet."""
    message = BackMsg()
    request_id = uuid.uuid4().hex
    message.backend_operation_request.request_id = request_id
    message.backend_operation_request.session_id = session.session_id
    message.backend_operation_request.deferred_file.file_id = file_id
    await session._socket.send(message.SerializeToString())
    while True:
        reply = await session._receive()
        response = reply.backend_operation_response
        if reply.WhichOneof("type") == "backend_operation_response":
            if response.request_id == request_id:
                assert not response.error_msg, response.error_msg
                return response.deferred_file.url


async def _download_after_other_runs(base: str) -> bytes:
    clicking, other = Session(base), Session(base)
    try:
        page = await clicking.open("compare")
        await other.open("")
        url = await _made_url(clicking, page.downloads["compare_csv"])
        for _ in range(3):  # each run's end sweeps the files no session references
            await other.rerun()
        return await asyncio.to_thread(clicking._get_bytes, url)
    finally:
        await clicking.close()
        await other.close()


def test_a_file_made_on_click_outlives_other_sessions_runs(tmp_path: Path) -> None:
    release = tmp_path / "release" / "ruraldash.duckdb"
    write_release(paths.DATA_DIR, paths.METRICS_DIR, release)
    port = _free_port()
    env = {"RURALDASH_MODE": "served", "RURALDASH_RELEASE": str(release)}
    process = replicas.start_replica(port, tmp_path / "replica.log", env)
    try:
        # In its own thread: a browser test earlier in the same pytest process can leave
        # Playwright's event loop current in this one, where asyncio.run() refuses to start.
        with ThreadPoolExecutor(1) as thread:
            body = thread.submit(
                asyncio.run, _download_after_other_runs(f"http://127.0.0.1:{port}")
            ).result()
    except urllib.error.HTTPError as error:
        pytest.fail(f"the made file was gone before its GET: HTTP {error.code}")
    finally:
        stop(process)
    assert body.startswith(b"\xef\xbb\xbf") and len(body.splitlines()) > 2
