"""`python -m ruraldash`: the command line."""

import sys

from ruraldash.cli import main

sys.exit(main())
