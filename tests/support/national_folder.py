"""A small national folder (real codes, synthetic figures) written by benchmarks/national.py."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.store.build import ensure_database


def write_national_folder(
    root: Path,
    counties: int,
    notes: dict[str, str] | None = None,
    metrics: int = 4,
    years: int = 3,
) -> Path:
    """Write benchmarks/national.py's folder into `root`, add the given curation notes
    ({source id: Markdown}) and build its database (root/national.duckdb); return `root`."""
    generate_folder(root, counties, metrics, years)
    for source, text in (notes or {}).items():
        (root / "data" / "notes").mkdir(exist_ok=True)
        (root / "data" / "notes" / f"{source}.md").write_text(text, encoding="utf-8")
    ensure_database(root / "data", root / "metrics", root / "national.duckdb")
    return root


def generate_folder(root: Path, counties: int, metrics: int, years: int) -> Path:
    """Write benchmarks/national.py's folder (data/, metrics/) into `root`; build nothing."""
    spec = importlib.util.spec_from_file_location(
        "national", paths.REPO_ROOT / "benchmarks" / "national.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(root, counties=counties, metrics=metrics, years=years)
    return root


def serve_folder(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at a national folder written by write_national_folder; return `root`."""
    monkeypatch.setenv("RURALDASH_DATA", str(root / "data"))
    monkeypatch.setenv("RURALDASH_METRICS", str(root / "metrics"))
    monkeypatch.setenv("RURALDASH_DB", str(root / "national.duckdb"))
    return root


def serve_shipped_data(built_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at the shipped data/ (its real places) and its built database."""
    monkeypatch.setenv("RURALDASH_DATA", str(paths.DATA_DIR))
    monkeypatch.setenv("RURALDASH_DB", str(built_db))
    return built_db
