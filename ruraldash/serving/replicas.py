"""N app replicas and nginx on one machine, started together and stopped cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ruraldash import paths
from ruraldash.serving.processes import require_free, stop, wait_until
from ruraldash.serving.proxy import start_proxy, stop_proxy

# The served entry: app.py inside an st.App that says /ready only once warm.
ENTRY = paths.REPO_ROOT / "serve.py"
READY_PATH = "/ready"


def streamlit_command(script: Path, port: int, options: tuple[str, ...] = ()) -> list[str]:
    """Return `streamlit run script` on 127.0.0.1:port, headless, no file watcher, `options` after.

    No file watcher: a process serves one state of the code; an edit elsewhere reruns nothing.
    """
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        *options,
    ]


def replica_command(port: int) -> list[str]:
    """Return the command of one replica on 127.0.0.1:port."""
    return streamlit_command(ENTRY, port)


def start_streamlit(
    script: Path,
    port: int,
    log: Path,
    env: dict[str, str] | None = None,
    ready_path: str = READY_PATH,
    options: tuple[str, ...] = (),
) -> subprocess.Popen:
    """Start `streamlit run script` on 127.0.0.1:port; return it once `ready_path` answers 200."""
    require_free(port)
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as out:
        process = subprocess.Popen(
            streamlit_command(script, port, options),
            cwd=paths.REPO_ROOT,
            env={**os.environ, **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until(process, f"http://127.0.0.1:{port}{ready_path}", log)
    except RuntimeError:
        stop(process)
        raise
    return process


def start_replica(
    port: int, log: Path, env: dict[str, str] | None = None, options: tuple[str, ...] = ()
) -> subprocess.Popen:
    """Start one replica; return it once it says it is ready (warm)."""
    return start_streamlit(ENTRY, port, log, env, READY_PATH, options)


@dataclass
class Deployment:
    """A running deployment: nginx on `port`, replica i on port + 1 + i, logs under `prefix`."""

    port: int
    prefix: Path
    env: dict[str, str]
    replicas: list[subprocess.Popen | None] = field(default_factory=list)
    proxy: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        """The address officials open (nginx)."""
        return f"http://127.0.0.1:{self.port}"

    def replica_port(self, index: int) -> int:
        """The local port of replica `index`."""
        return self.port + 1 + index

    def replica_log(self, index: int) -> Path:
        """The log of replica `index` (its structured page-view lines too)."""
        return self.prefix / "logs" / f"replica-{index}.log"

    def start_replica(self, index: int) -> None:
        """Start (or restart) replica `index` and wait until it is ready."""
        self.replicas[index] = start_replica(
            self.replica_port(index), self.replica_log(index), self.env
        )

    def stop_replica(self, index: int, kill: bool = False) -> None:
        """Stop replica `index`: terminate it, or kill it outright (a crash)."""
        process = self.replicas[index]
        if process is not None:
            if kill:
                process.kill()
                process.wait()
            else:
                stop(process)
        self.replicas[index] = None

    def stop(self) -> None:
        """Stop nginx first (no new requests), then every replica."""
        if self.proxy is not None:
            stop_proxy(self.proxy)
            self.proxy = None
        for index in range(len(self.replicas)):
            self.stop_replica(index)


def start(replicas: int, port: int, prefix: Path, env: dict[str, str] | None = None) -> Deployment:
    """Start `replicas` app processes and nginx over them; stop all if one fails to start."""
    require_free(port)
    deployment = Deployment(port, prefix, dict(env or {}), [None] * replicas)
    try:
        for index in range(replicas):
            deployment.start_replica(index)
        deployment.proxy = start_proxy(
            prefix,
            port,
            [f"127.0.0.1:{deployment.replica_port(index)}" for index in range(replicas)],
        )
    except BaseException:
        deployment.stop()
        raise
    return deployment
