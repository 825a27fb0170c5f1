"""A Streamlit session without a browser: the websocket protocol a browser tab speaks.

Used to warm a replica before it says it is ready and by benchmarks/bench_serve.py to simulate
officials. It speaks what Streamlit's frontend does: GET the page (nginx's affinity cookie comes
back), open /_stcore/stream with the "streamlit" subprotocol, send a rerun_script BackMsg with
the page's name and query string, read ForwardMsgs until the script finishes; then widget
states for a changed selection, and a download: a deferred_file backend operation whose answer
is a media URL, fetched over HTTP with the same cookie.
"""

from __future__ import annotations

import asyncio
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

FINISHED = {
    ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
    ForwardMsg.ScriptFinishedStatus.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}
COMPILE_ERROR = ForwardMsg.ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR


class VisitFailed(Exception):
    """A page view that did not finish cleanly: an exception shown, an error, a dropped socket."""


@dataclass
class Run:
    """What one script run sent: its widgets by key, download buttons, exceptions, duration."""

    seconds: float
    widgets: dict[str, tuple[str, str]] = field(default_factory=dict)
    downloads: dict[str, str] = field(default_factory=dict)
    exceptions: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


class Session:
    """One tab: a websocket to the app (through nginx or straight to a replica)."""

    def __init__(self, base: str, timeout: float = 60) -> None:
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.cookie = ""
        self.page_script_hash = ""
        self.session_id = ""
        self.widget_states: dict[str, WidgetState] = {}
        self._socket: websockets.ClientConnection | None = None

    async def open(self, page: str = "", query: str = "") -> Run:
        """Load the page's HTML (taking the proxy's cookie), connect and run the page."""
        await asyncio.to_thread(self._get_page, page)
        headers = {"Origin": self.base}
        if self.cookie:
            headers["Cookie"] = self.cookie
        self._socket = await websockets.connect(
            self.base.replace("http", "ws", 1) + "/_stcore/stream",
            subprotocols=["streamlit"],
            additional_headers=headers,
            max_size=None,
            open_timeout=self.timeout,
        )
        return await self.rerun(page_name=page, query=query)

    def _get_page(self, page: str) -> None:
        request = urllib.request.Request(f"{self.base}/{page}")
        if self.cookie:
            request.add_header("Cookie", self.cookie)
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            response.read()
            jar = SimpleCookie()
            for header in response.headers.get_all("Set-Cookie") or []:
                jar.load(header)
        if jar:
            self.cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in jar.items())

    async def rerun(self, page_name: str = "", query: str = "") -> Run:
        """Send a rerun with the session's widget states; return the run once it has finished."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = query
        state.page_script_hash = self.page_script_hash
        state.page_name = page_name
        state.widget_states.widgets.extend(self.widget_states.values())
        started = time.perf_counter()
        await self._socket.send(message.SerializeToString())
        return await self._until_finished(started)

    async def set_widget(self, run: Run, key: str, value: object) -> Run:
        """Set the widget under `key` (a toggle's bool, a select box's option) and rerun."""
        if key not in run.widgets:
            raise VisitFailed(f"no widget with key {key!r} on the page: {sorted(run.widgets)}")
        widget_id, kind = run.widgets[key]
        state = WidgetState(id=widget_id)
        if kind == "checkbox":
            state.bool_value = bool(value)
        else:
            state.string_value = str(value)
        self.widget_states[widget_id] = state
        return await self.rerun()

    async def download(self, run: Run, key: str) -> bytes:
        """Press the download button under `key`: the file is made on request, then fetched."""
        if key not in run.downloads:
            raise VisitFailed(f"no download button {key!r} on the page: {sorted(run.downloads)}")
        message = BackMsg()
        request_id = uuid.uuid4().hex
        message.backend_operation_request.request_id = request_id
        message.backend_operation_request.session_id = self.session_id
        message.backend_operation_request.deferred_file.file_id = run.downloads[key]
        await self._socket.send(message.SerializeToString())
        while True:
            reply = await self._receive()
            if reply.WhichOneof("type") != "backend_operation_response":
                continue
            response = reply.backend_operation_response
            if response.request_id != request_id:
                continue
            if response.error_msg:
                raise VisitFailed(f"download {key}: {response.error_msg}")
            return await asyncio.to_thread(self._get_bytes, response.deferred_file.url)

    def _get_bytes(self, path: str) -> bytes:
        request = urllib.request.Request(f"{self.base}{path}")
        if self.cookie:
            request.add_header("Cookie", self.cookie)
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            body = response.read()
        if not body:
            raise VisitFailed(f"download {path}: empty")
        return body

    async def _receive(self) -> ForwardMsg:
        raw = await asyncio.wait_for(self._socket.recv(), self.timeout)
        message = ForwardMsg()
        message.ParseFromString(raw)
        return message

    async def _until_finished(self, started: float) -> Run:
        run = Run(0.0)
        while True:
            message = await self._receive()
            kind = message.WhichOneof("type")
            if kind == "new_session":
                self.page_script_hash = message.new_session.page_script_hash
                self.session_id = message.new_session.initialize.session_id
            elif kind == "navigation" and message.navigation.page_script_hash:
                self.page_script_hash = message.navigation.page_script_hash
            elif kind == "delta":
                _read_element(message, run)
            elif kind == "script_finished":
                status = message.script_finished
                if status == COMPILE_ERROR:
                    raise VisitFailed("the script did not compile")
                if status in FINISHED:
                    run.seconds = time.perf_counter() - started
                    if run.exceptions:
                        raise VisitFailed("; ".join(run.exceptions))
                    return run
                run = Run(0.0)  # finished early for a rerun: the next run is the page

    async def close(self) -> None:
        """Close the websocket (the session ends on the server)."""
        if self._socket is not None:
            await self._socket.close()
            self._socket = None


def _read_element(message: ForwardMsg, run: Run) -> None:
    """Note the widgets, download buttons, exceptions and titles a delta draws."""
    if message.delta.WhichOneof("type") != "new_element":
        return
    element = message.delta.new_element
    kind = element.WhichOneof("type")
    if kind == "exception":
        run.exceptions.append(f"{element.exception.type}: {element.exception.message}")
    elif kind == "heading":
        run.texts.append(element.heading.body)
    elif kind == "download_button":
        run.downloads[_key(element.download_button.id)] = element.download_button.deferred_file_id
    elif kind in {"checkbox", "selectbox", "radio", "multiselect"}:
        widget_id = getattr(element, kind).id
        run.widgets[_key(widget_id)] = (widget_id, kind)


def _key(widget_id: str) -> str:
    """The user key in a widget id ("$$ID-<hash>-<key>"), else the id itself."""
    parts = widget_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[0] == "$$ID" else widget_id
