"""The serve command: N app replicas over a release, and nginx in front of them."""

from __future__ import annotations

import argparse

from ruraldash.serving.command import DESCRIPTION, add_options, run


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Add serve to the command line's commands."""
    serve = commands.add_parser(
        "serve",
        help="start N replicas (RURALDASH_MODE=served) and nginx in front of them",
        description=DESCRIPTION,
    )
    add_options(serve)
    serve.set_defaults(run=run)
