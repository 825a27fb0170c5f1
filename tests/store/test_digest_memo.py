"""A new process takes the digests of unchanged inputs from the memo beside the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruraldash import caches
from ruraldash.store.fingerprint import content_hash, digest_memo


def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process has read, as a newly started app would."""
    monkeypatch.setattr(caches, "FILE_READS", caches.FileReads())


def test_unchanged_inputs_are_not_read_again(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memo = digest_memo(mini / "db.duckdb")
    new_process(monkeypatch)
    first = content_hash(mini / "data", mini / "metrics", memo)
    assert memo.is_file() and caches.FILE_READS.reads > 0

    new_process(monkeypatch)
    assert content_hash(mini / "data", mini / "metrics", memo) == first
    assert caches.FILE_READS.reads == 0  # every digest came from the memo


def test_a_changed_file_is_read_again_and_changes_the_hash(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    memo = digest_memo(mini / "db.duckdb")
    new_process(monkeypatch)
    first = content_hash(mini / "data", mini / "metrics", memo)
    regions = mini / "data" / "regions.yaml"
    regions.write_text(regions.read_text(encoding="utf-8") + "\n", encoding="utf-8")

    new_process(monkeypatch)
    assert content_hash(mini / "data", mini / "metrics", memo) != first
    assert caches.FILE_READS.reads == 1
    # Without the memo the same inputs give the same hash: the memo only saves reading.
    new_process(monkeypatch)
    assert content_hash(mini / "data", mini / "metrics") == content_hash(
        mini / "data", mini / "metrics", memo
    )


def test_a_mangled_memo_costs_only_reading(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memo = digest_memo(mini / "db.duckdb")
    new_process(monkeypatch)
    first = content_hash(mini / "data", mini / "metrics", memo)
    memo.write_text('[["x", "_sha256", "a", 1, "zz"], 7, "junk"', encoding="utf-8")
    new_process(monkeypatch)
    assert content_hash(mini / "data", mini / "metrics", memo) == first
    assert caches.FILE_READS.reads > 0
