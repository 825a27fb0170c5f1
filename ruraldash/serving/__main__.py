"""`python -m ruraldash.serving`: start N replicas and nginx, serve until Ctrl-C or SIGTERM."""

from __future__ import annotations

import argparse
import sys

from ruraldash.serving.command import DESCRIPTION, add_options, run


def main() -> int:
    """Parse the serving options and serve (the same as `python -m ruraldash serve`)."""
    parser = argparse.ArgumentParser(prog="python -m ruraldash.serving", description=DESCRIPTION)
    add_options(parser)
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
