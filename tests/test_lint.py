"""Lint is part of the one test command: ruff with the project's short config."""

from __future__ import annotations

import subprocess
import sys

from ruraldash import paths


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."],
                            cwd=paths.REPO_ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
