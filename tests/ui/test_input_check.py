"""The app checks its inputs for changes on every run, unless checking is slow (national scale)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ruraldash import caches
from ruraldash.ui import database


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """A monotonic clock the test moves by hand; the record of checks starts empty."""
    now = [1000.0]
    monkeypatch.setattr(database.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(caches, "INPUT_CHECKS", caches.Kept(16))
    return now


def counting_check(monkeypatch: pytest.MonkeyPatch, cost: float) -> list[int]:
    calls = [0]

    def check(data_dir: Path, metrics_dir: Path, memo: Path) -> str:
        calls[0] += 1
        time.sleep(cost)
        return f"hash{calls[0]}"

    monkeypatch.setattr(database, "content_hash", check)
    return calls


def test_a_quick_check_runs_on_every_run(
    clock: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    counting_check(monkeypatch, 0)
    folders = (Path("d"), Path("m"), Path("db"))
    assert [database._input_hash(*folders) for _ in range(3)] == ["hash1", "hash2", "hash3"]


def test_a_slow_check_is_trusted_for_two_seconds_then_made_again(
    clock: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = counting_check(monkeypatch, database.SLOW_CHECK + 0.01)
    folders = (Path("d"), Path("m"), Path("db"))
    assert database._input_hash(*folders) == "hash1"
    clock[0] += database.RECHECK_SECONDS - 0.5
    assert database._input_hash(*folders) == "hash1"
    assert calls[0] == 1
    clock[0] += 0.6
    assert database._input_hash(*folders) == "hash2"
    # Another data folder is checked on its own.
    assert database._input_hash(Path("other"), Path("m"), Path("db")) == "hash3"
