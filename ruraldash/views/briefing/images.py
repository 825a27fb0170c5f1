"""Chart images and PDF pages from one headless Chromium per process (kaleido), offline.

Starting Chromium takes seconds; a chart or a page on a running one takes a fraction of one.
So the first call starts one kaleido browser on an event loop in a daemon thread, and every
later call, from any thread, hands its work to that loop. Kaleido's own sync server
(kaleido.start_sync_server) is not safe to call from several threads at once — its result
queue is shared — and it offers no PDF printing, so this module keeps its own loop around the
same kaleido.Kaleido browser: kaleido renders the charts; a second tab prints HTML to PDF.
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import hashlib
import os
import shutil
import threading
from pathlib import Path

import plotly.graph_objects as go

from ruraldash import caches

CHROMIUM_ENV = "RURALDASH_CHROMIUM"
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
START_TIMEOUT = 60.0  # seconds; Chromium's first start on a busy machine
RENDER_TIMEOUT = 60.0


class ImagesUnavailable(RuntimeError):
    """Chromium is missing or failed: no chart image or PDF can be made."""


def chromium_path() -> Path | None:
    """Return the Chromium to use ($RURALDASH_CHROMIUM, /usr/bin/chromium, or on PATH), if any."""
    wanted = os.environ.get(CHROMIUM_ENV)
    if wanted:
        return Path(wanted) if Path(wanted).is_file() else None
    if DEFAULT_CHROMIUM.is_file():
        return DEFAULT_CHROMIUM
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return Path(found) if found else None


class _Browser:
    """One kaleido browser on its own event loop; calls from any thread run on that loop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido = None
        self._pdf_tab = None
        self._pdf_lock: asyncio.Lock | None = None

    def _run(self, coroutine, timeout: float = RENDER_TIMEOUT):
        """Run a coroutine on the browser's loop and wait for its result.

        A drawing or print that does not finish in time is given up with ImagesUnavailable,
        which the page and the command line report, rather than a bare TimeoutError.
        """
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(timeout)
        except concurrent.futures.TimeoutError as error:
            future.cancel()
            raise ImagesUnavailable(
                f"Chromium did not finish within {timeout:.0f} s (the machine may be busy)"
            ) from error

    def start(self) -> None:
        """Start Chromium once per process (later calls return at once)."""
        with self._lock:
            if self._kaleido is not None:
                return
            path = chromium_path()
            if path is None:
                raise ImagesUnavailable(
                    "Chromium not found (apt-get install -y chromium fonts-noto-cjk, "
                    f"or set {CHROMIUM_ENV})"
                )
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="chromium", daemon=True)
            thread.start()
            self._loop = loop
            try:
                self._kaleido = self._run(self._open(path), START_TIMEOUT)
            except Exception as error:  # any failure to start means no images at all
                loop.call_soon_threadsafe(loop.stop)
                self._loop = None
                raise ImagesUnavailable(f"Chromium at {path} did not start: {error}") from error

    async def _open(self, path: Path):
        import kaleido

        # mathjax=False: kaleido would otherwise load MathJax from the network.
        browser = kaleido.Kaleido(n=1, mathjax=False, path=str(path))
        await browser.open()
        self._pdf_lock = asyncio.Lock()
        return browser

    def png(self, figure: go.Figure, width: int, height: int, scale: float) -> bytes:
        """Return the figure as PNG: width × height CSS pixels, each drawn scale × scale."""
        self.start()
        opts = {"format": "png", "width": width, "height": height, "scale": scale}
        return self._run(self._kaleido.calc_fig(figure, opts=opts))

    def pdf(self, html: str, footer: str = "", scale: float = 1.0) -> bytes:
        """Return an HTML document printed to PDF (page size and margins from its @page rule),
        its content drawn at `scale` (1.0 as written)."""
        self.start()
        return self._run(self._print(html, footer, scale))

    async def _print(self, html: str, footer: str, scale: float) -> bytes:
        # One tab prints, one document at a time: its content is replaced for every print.
        async with self._pdf_lock:
            if self._pdf_tab is None:
                # In a window of its own: a second tab in kaleido's window would send kaleido's
                # tab to the background, where Chromium stops animation frames, and a map
                # (maplibre draws on an animation frame) would then never finish drawing.
                self._pdf_tab = await self._kaleido.create_tab("about:blank", window=True)
                await self._pdf_tab.send_command("Page.enable")
            tab = self._pdf_tab
            tree = await tab.send_command("Page.getFrameTree")
            frame = tree["result"]["frameTree"]["frame"]["id"]
            _check(
                await tab.send_command(
                    "Page.setDocumentContent", params={"frameId": frame, "html": html}
                )
            )
            # Print only once the fonts are loaded and every image is decoded.
            _check(
                await tab.send_command(
                    "Runtime.evaluate",
                    params={
                        "expression": "Promise.all([document.fonts.ready, ...Array.from("
                        "document.images, i => i.decode().catch(() => null))]).then(() => true)",
                        "awaitPromise": True,
                    },
                )
            )
            printed = _check(
                await tab.send_command(
                    "Page.printToPDF",
                    params={
                        "preferCSSPageSize": True,
                        "printBackground": True,
                        "scale": scale,
                        "displayHeaderFooter": bool(footer),
                        "headerTemplate": "<span></span>",
                        "footerTemplate": footer or "<span></span>",
                    },
                )
            )
            return base64.b64decode(printed["result"]["data"])


def _check(response: dict) -> dict:
    """Raise if a DevTools command answered with an error."""
    if "error" in response:
        raise ImagesUnavailable(f"Chromium refused a command: {response['error']}")
    return response


_BROWSER = _Browser()


def start() -> None:
    """Start this process's Chromium now (e.g. ahead of the first click); raise if it cannot."""
    _BROWSER.start()


def chart_png(figure: go.Figure, width: int, height: int, scale: float = 2.5) -> bytes:
    """Return a plotly figure as PNG from this process's Chromium (started on first use)."""
    key = (hashlib.sha256(figure.to_json().encode()).hexdigest(), width, height, scale)
    # Kept in caches.CHART_PNGS: the DOCX and the PDF of one briefing draw the same chart.
    held = caches.CHART_PNGS.get(key)
    if held is not None:
        return held
    return caches.CHART_PNGS.put(key, _BROWSER.png(figure, width, height, scale))


def forget_charts() -> None:
    """Drop the PNGs kept in memory (a benchmark measures drawing a chart afresh)."""
    caches.CHART_PNGS.clear()


def html_pdf(html: str, footer: str = "", scale: float = 1.0) -> bytes:
    """Return a self-contained HTML document printed to PDF by this process's Chromium.

    `footer` is HTML drawn in every page's bottom margin (Chromium fills in the elements of
    class pageNumber and totalPages); `scale` shrinks the content (not the page or footer).
    """
    return _BROWSER.pdf(html, footer, scale)
