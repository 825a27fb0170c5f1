"""Release, then serve: a release is the database and a manifest naming it; a served app opens
only a complete release, never builds, follows a renamed-in one, and shows readers no drafts."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ruraldash import paths
from ruraldash.cli import main
from ruraldash.store.db import DRAFT_MARK
from ruraldash.store.fingerprint import content_hash
from ruraldash.store.release import (
    FIELDS,
    IncompleteRelease,
    file_sha256,
    manifest_path,
    read_manifest,
    write_release,
)
from ruraldash.ui.database import release_manifest

PAGES = paths.REPO_ROOT / "pages"


@pytest.fixture(scope="module")
def shipped_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped data released once into a temp folder."""
    db_path = tmp_path_factory.mktemp("release") / "ruraldash.duckdb"
    write_release(paths.DATA_DIR, paths.METRICS_DIR, db_path)
    return db_path


def test_a_release_writes_a_manifest_that_names_its_database(shipped_release: Path) -> None:
    document = json.loads(manifest_path(shipped_release).read_text(encoding="utf-8"))
    assert set(document) == set(FIELDS)
    assert document["database_sha256"] == file_sha256(shipped_release)
    assert document["database_bytes"] == shipped_release.stat().st_size
    assert document["counts"]["figures"] == document["counts"]["figures_reviewed"] > 0
    assert document["code_version"] and document["built_at"].endswith("+00:00")
    assert read_manifest(shipped_release).data_digest == document["data_digest"]


def test_the_release_command_fails_on_invalid_data_and_writes_nothing(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    figures = data_copy / "figures" / "putian_2022.csv"
    lines = figures.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    row = next(csv.reader([lines[2]]))
    row[header.index("unit")] = "ren"
    lines[2] = ",".join(f'"{cell}"' if "," in cell else cell for cell in row)
    figures.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "out" / "ruraldash.duckdb"
    code = main(["release", "--data", str(data_copy), "--db", str(target), "--lang", "en"])
    error = capsys.readouterr().err
    assert code == 1
    assert "putian_2022.csv:3: column 'unit': 'ren'" in error
    assert not target.exists() and not manifest_path(target).exists()
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


def test_a_database_without_its_manifest_is_refused(shipped_release: Path, tmp_path: Path) -> None:
    lone = tmp_path / "ruraldash.duckdb"
    lone.write_bytes(shipped_release.read_bytes())
    with pytest.raises(IncompleteRelease, match="no manifest"):
        read_manifest(lone)
    manifest = json.loads(manifest_path(shipped_release).read_text(encoding="utf-8"))
    del manifest["code_version"]
    manifest_path(lone).write_text(json.dumps(manifest))
    with pytest.raises(IncompleteRelease, match="lacks code_version"):
        read_manifest(lone)
    manifest["code_version"] = "v1"
    manifest["database_sha256"] = "0" * 64
    manifest_path(lone).write_text(json.dumps(manifest))
    with pytest.raises(IncompleteRelease, match="names another database"):
        read_manifest(lone)


def test_a_half_swapped_release_keeps_the_last_complete_one(tmp_path: Path) -> None:
    """Between the database's rename and the manifest's, the last complete release is served."""
    db_path = tmp_path / "ruraldash.duckdb"
    first = write_release(paths.DATA_DIR, paths.METRICS_DIR, db_path)
    assert release_manifest(db_path) == first
    old_manifest = manifest_path(db_path).read_text(encoding="utf-8")
    second = write_release(paths.DATA_DIR, paths.METRICS_DIR, db_path)
    assert release_manifest(db_path) == second != first
    manifest_path(db_path).write_text(old_manifest, encoding="utf-8")  # a manifest not yet in
    assert release_manifest(db_path) == second


def served_page(page: str, release: Path, monkeypatch: pytest.MonkeyPatch, **query: str) -> AppTest:
    """Run a page as a served app on `release` (nothing to build: RURALDASH_DATA is nowhere)."""
    monkeypatch.setenv("RURALDASH_MODE", "served")
    monkeypatch.setenv("RURALDASH_RELEASE", str(release))
    monkeypatch.setenv("RURALDASH_DATA", "/nonexistent")
    at = AppTest.from_file(str(PAGES / page), default_timeout=60)
    at.query_params.update(query)
    at.run()
    return at


def test_a_served_app_refuses_an_incomplete_release_with_a_message(
    shipped_release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lone = tmp_path / "ruraldash.duckdb"
    lone.write_bytes(shipped_release.read_bytes())
    at = served_page("overview.py", lone, monkeypatch)
    assert not at.exception
    assert "发布的数据库不完整" in at.error[0].value and "no manifest" in at.error[0].value


def test_a_reader_of_a_served_app_never_sees_drafts_whatever_the_url_says(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    figures = data_copy / "figures" / "qingyuan_2019.csv"
    with figures.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("review")] = "draft"
    with figures.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    release = tmp_path / "release" / "ruraldash.duckdb"
    assert write_release(data_copy, paths.METRICS_DIR, release).counts["figures_draft"] == 1
    at = served_page("explore.py", release, monkeypatch, sources="qingyuan_2019", drafts="1")
    assert not at.exception and not at.error
    cells = [str(cell) for row in at.dataframe[0].value.itertuples(index=False) for cell in row]
    assert cells and not any(DRAFT_MARK in cell for cell in cells)
    assert "drafts" not in at.query_params
    assert not any(toggle.key == "drafts" for toggle in at.sidebar.toggle)


def test_the_data_digest_is_the_same_for_the_same_data_anywhere_and_changes_with_an_edit(
    shipped_release: Path, tmp_path: Path
) -> None:
    copies = []
    for where in ("one/place", "another/deeper/place"):
        data = shutil.copytree(paths.DATA_DIR, tmp_path / where / "data")
        metrics = shutil.copytree(paths.METRICS_DIR, tmp_path / where / "catalogue")
        copies.append((data, metrics))
    digests = [content_hash(data, metrics) for data, metrics in copies]
    assert digests[0] == digests[1] == read_manifest(shipped_release).data_digest
    data, metrics = copies[1]
    edited = data / "figures" / "putian_2022.csv"
    edited.write_text(edited.read_text(encoding="utf-8-sig") + "\n", encoding="utf-8")
    assert content_hash(data, metrics) != digests[0]
    renamed = copies[0][0] / "reports" / "renamed.txt"
    next((copies[0][0] / "reports").glob("*.txt")).rename(renamed)
    assert content_hash(*copies[0]) != digests[0]
