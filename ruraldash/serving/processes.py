"""Child processes of a deployment: wait until one answers, stop it cleanly."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

START_SECONDS = 120
STOP_SECONDS = 15


def require_free(port: int) -> None:
    """Raise if something already listens on 127.0.0.1:port (it would answer in our stead)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise RuntimeError(f"port {port} is already in use on 127.0.0.1")


def answers(url: str, timeout: float = 2) -> bool:
    """Return whether GET url answers 200."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def wait_until(
    process: subprocess.Popen, url: str, log: Path, timeout: float = START_SECONDS
) -> None:
    """Wait until `url` answers 200; raise with the log if the process exits or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}:\n{_tail(log)}")
        if answers(url):
            return
        time.sleep(0.2)
    stop(process)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s:\n{_tail(log)}")


def _tail(log: Path, lines: int = 40) -> str:
    if not log.is_file():
        return ""
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def stop(process: subprocess.Popen, graceful: str = "term") -> None:
    """Stop a child: SIGTERM (or SIGQUIT), then SIGKILL if it has not gone in STOP_SECONDS."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGQUIT if graceful == "quit" else signal.SIGTERM)
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_SECONDS)
