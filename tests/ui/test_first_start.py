"""The first start: the app builds its database and says so, step by step, with counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ruraldash import paths
from ruraldash.store.build import validate


def first_start(data_dir: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """Open Explore on a server that has no database yet."""
    monkeypatch.setenv("RURALDASH_DATA", str(data_dir))
    monkeypatch.setenv("RURALDASH_DB", str(db_path))
    at = AppTest.from_file("../../pages/explore.py", default_timeout=60)
    return at.run()


def test_the_first_start_shows_its_steps_and_counts(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "fresh" / "ruraldash.duckdb"
    at = first_start(data_copy, db_path, monkeypatch)
    assert not at.exception
    assert db_path.is_file()
    (status,) = at.status
    assert status.state == "complete"
    assert status.label.startswith("数据库已建好（用时 ") and status.label.endswith(" 秒）")
    checked = validate(data_copy, paths.METRICS_DIR)
    files = len(list((data_copy / "figures").glob("*.csv")))
    assert [item.value for item in status.markdown] == [
        f"已读取：{files} 个数据文件（{checked.figure_count} 条数据）、"
        f"{len(checked.catalogue.sources)} 份报告",
        f"已校验：{checked.figure_count} 条数据，发现 0 个问题",
        f"已写入：{checked.figure_count} 条数据",
    ]
    assert at.dataframe, "the page goes on to show its figures"
    assert not at.run().status, "a rerun finds the database built and says nothing"


def test_a_built_database_starts_without_a_status(app_db: Path) -> None:
    at = AppTest.from_file("../../pages/explore.py", default_timeout=30).run()
    assert not at.exception
    assert not at.status


def test_a_first_start_on_invalid_data_ends_in_an_error_state(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_copy / "reports" / "qingyuan_2019.txt").unlink()
    at = first_start(data_copy, tmp_path / "ruraldash.duckdb", monkeypatch)
    assert not at.exception
    (status,) = at.status
    assert (status.state, status.label) == ("error", "整理数据有误，未能建立数据库")
    assert status.markdown[-1].value.startswith("已校验：")
    assert "report of source 'qingyuan_2019' not found: expected " in at.code[0].value
    assert not (tmp_path / "ruraldash.duckdb").exists()
