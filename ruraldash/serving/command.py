"""The serving command's options and run: `python -m ruraldash serve` and `python -m
ruraldash.serving` are the same command."""

from __future__ import annotations

import argparse
import signal
import tempfile
from pathlib import Path

from ruraldash.serving.proxy import start_proxy
from ruraldash.serving.replicas import Deployment, start

DESCRIPTION = "Start N replicas and nginx in front of them; serve until Ctrl-C or SIGTERM."


def add_options(parser: argparse.ArgumentParser) -> None:
    """Add the serving options (replicas, port, prefix, upstreams, host) to `parser`."""
    parser.add_argument("--replicas", type=int, default=2, help="app processes (default 2)")
    parser.add_argument("--port", type=int, default=8700, help="nginx's port; replicas follow")
    parser.add_argument(
        "--prefix", type=Path, help="nginx's folder: config, pid, logs, temp (default: a temp one)"
    )
    parser.add_argument(
        "--upstream",
        action="append",
        metavar="HOST:PORT",
        help="only nginx, over replicas started elsewhere (compose); repeat for each",
    )
    parser.add_argument("--host", default="127.0.0.1", help="nginx's address (default local)")


def run(args: argparse.Namespace) -> int:
    """Start the deployment, print where it answers, stop it cleanly on SIGINT or SIGTERM."""
    prefix = (args.prefix or Path(tempfile.mkdtemp(prefix="ruraldash-serve-"))).resolve()
    if args.upstream:
        deployment = Deployment(args.port, prefix, {})
        deployment.proxy = start_proxy(prefix, args.port, args.upstream, args.host)
        print(f"nginx on {args.host}:{args.port} over {', '.join(args.upstream)}", flush=True)
    else:
        deployment = start(args.replicas, args.port, prefix)
        print(
            f"serving {deployment.url} over {args.replicas} replica(s) on ports "
            f"{deployment.replica_port(0)}-{deployment.replica_port(args.replicas - 1)}; "
            f"logs in {prefix / 'logs'}; Ctrl-C stops",
            flush=True,
        )

    def finish(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # Both set explicitly: a process started in the background inherits SIGINT ignored.
    signal.signal(signal.SIGINT, finish)
    signal.signal(signal.SIGTERM, finish)
    try:
        signal.pause()
    except KeyboardInterrupt:
        pass
    finally:
        # A second Ctrl-C (or a group's signal) must not cut the stopping short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        deployment.stop()
    print("stopped", flush=True)
    return 0
