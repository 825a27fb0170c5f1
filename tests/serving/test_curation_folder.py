"""Where curators write: locally the data folder; in a served app only a curation folder that
RURALDASH_DATA names and the process may write, never the replica's own checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruraldash import paths


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A served app's environment (the release path need not exist for this question)."""
    monkeypatch.setenv("RURALDASH_MODE", "served")
    monkeypatch.setenv("RURALDASH_RELEASE", str(tmp_path / "release" / "ruraldash.duckdb"))
    monkeypatch.delenv("RURALDASH_DATA", raising=False)


def test_local_use_writes_to_the_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RURALDASH_MODE", raising=False)
    monkeypatch.delenv("RURALDASH_DATA", raising=False)
    assert paths.curation_dir() == paths.DATA_DIR


@pytest.mark.usefixtures("served")
def test_a_served_app_writes_nowhere_without_a_named_curation_folder() -> None:
    assert paths.default_data_dir() == paths.DATA_DIR  # what `release` would read by default
    assert paths.curation_dir() is None  # but the replica's checkout is never written


@pytest.mark.usefixtures("served")
def test_a_served_app_writes_only_to_a_curation_folder_that_exists_as_a_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RURALDASH_DATA", str(tmp_path / "missing"))
    assert paths.curation_dir() is None
    (tmp_path / "a_file").write_text("", encoding="utf-8")
    monkeypatch.setenv("RURALDASH_DATA", str(tmp_path / "a_file"))
    assert paths.curation_dir() is None
    monkeypatch.setenv("RURALDASH_DATA", str(tmp_path))
    assert paths.curation_dir() == tmp_path


@pytest.mark.usefixtures("served")
def test_a_served_app_never_writes_to_a_folder_it_may_not_write(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RURALDASH_DATA", str(tmp_path))
    monkeypatch.setattr(paths.os, "access", lambda path, mode: False)  # a read-only mount
    assert paths.curation_dir() is None
