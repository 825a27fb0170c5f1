"""nginx in front of the replicas: its configuration rendered from deploy/, run unprivileged."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ruraldash import paths
from ruraldash.serving.processes import stop, wait_until

TEMPLATE = paths.REPO_ROOT / "deploy" / "nginx.conf.template"
AFFINITY_COOKIE = "ruraldash_replica"
# Passive health checks: after MAX_FAILS failed requests a replica rests FAIL_TIMEOUT.
MAX_FAILS, FAIL_TIMEOUT = 2, "10s"
TEMP_FOLDERS = ("body", "proxy", "fastcgi", "uwsgi", "scgi")


def nginx_binary() -> str:
    """Return Debian's nginx (/usr/sbin is not on an unprivileged user's PATH)."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found is None:
        raise FileNotFoundError("nginx not found (apt-get install -y nginx)")
    return found


def render(prefix: Path, listen: str, upstreams: list[str]) -> str:
    """Return nginx.conf for a proxy on `listen` (host:port) over the replicas at `upstreams`."""
    servers = "\n".join(
        f"        server {address} max_fails={MAX_FAILS} fail_timeout={FAIL_TIMEOUT};"
        for address in upstreams
    )
    text = TEMPLATE.read_text(encoding="utf-8")
    for field, value in {
        "@PREFIX@": str(prefix),
        "@LISTEN@": listen,
        "@COOKIE@": AFFINITY_COOKIE,
        "@SERVERS@": servers,
    }.items():
        text = text.replace(field, value)
    return text


def write_config(prefix: Path, listen: str, upstreams: list[str]) -> Path:
    """Lay out the prefix folder (logs, temp) and write its nginx.conf; return its path."""
    for folder in ("logs", *(f"temp/{name}" for name in TEMP_FOLDERS)):
        (prefix / folder).mkdir(parents=True, exist_ok=True)
    config = prefix / "nginx.conf"
    config.write_text(render(prefix, listen, upstreams), encoding="utf-8")
    return config


def _command(prefix: Path, config: Path) -> list[str]:
    return [
        nginx_binary(),
        "-p",
        str(prefix),
        "-c",
        str(config),
        "-e",
        str(prefix / "logs/error.log"),
    ]


def check_config(prefix: Path, config: Path) -> None:
    """Run `nginx -t` on the configuration; raise with nginx's words if it is wrong."""
    result = subprocess.run([*_command(prefix, config), "-t"], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"nginx -t failed:\n{result.stderr}")


def start_proxy(
    prefix: Path, port: int, upstreams: list[str], host: str = "127.0.0.1"
) -> subprocess.Popen:
    """Start nginx in the foreground (daemon off) from `prefix`; return once it answers."""
    config = write_config(prefix, f"{host}:{port}", upstreams)
    check_config(prefix, config)
    process = subprocess.Popen(
        [*_command(prefix, config), "-g", "daemon off;"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=(prefix / "logs" / "nginx.out").open("wb"),
    )
    wait_until(process, f"http://127.0.0.1:{port}/_stcore/health", prefix / "logs/error.log")
    return process


def stop_proxy(process: subprocess.Popen) -> None:
    """Stop nginx: SIGQUIT lets open requests finish, then it goes."""
    stop(process, graceful="quit")
