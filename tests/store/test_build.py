"""The build: typed tables, atomic replacement, rebuild only when the inputs change."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ruraldash.store import build as build_module
from ruraldash.store.build import build, ensure_database, stored_hash
from ruraldash.store.fingerprint import content_hash
from ruraldash.store.problems import InvalidData


def figure_count(db_path: Path) -> int:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute("SELECT count(*) FROM figures").fetchone()[0]


def break_a_value(root: Path) -> None:
    path = root / "data/figures/alpha_2021.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(",12000,", ",twelve,"), encoding="utf-8"
    )


def test_build_writes_typed_figures_and_catalogue_tables(mini: Path, tmp_path: Path) -> None:
    result = build(mini / "data", mini / "metrics", tmp_path / "db" / "out.duckdb")
    assert result.figure_count == 4
    with duckdb.connect(str(result.db_path), read_only=True) as con:
        types = dict(
            con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = 'figures'"
            ).fetchall()
        )
        assert types["value"] == "DOUBLE"
        assert types["period_start"] == "DATE"
        row = con.execute(
            "SELECT value, unit, qualifier, period_end, region_zh, metric_en, program_zh "
            "FROM figures_full WHERE figure_id = 'alpha_2021-001'"
        ).fetchone()
        assert row[:3] == (12000.0, "person_time", "more_than")
        assert str(row[3]) == "2021-12-31"
        assert row[4:] == ("甲市", "Trainees (person-times)", "甲市党员培训")
        tables = {name for (name,) in con.execute("SHOW TABLES").fetchall()}
        assert {
            "figures",
            "figures_full",
            "sources",
            "regions",
            "region_reference",
            "metrics",
            "categories",
            "units",
            "programs",
            "program_types",
            "build_info",
        } <= tables
        assert "raw" not in tables
        report = con.execute("SELECT report_text FROM sources WHERE id = 'alpha_2021'").fetchone()[
            0
        ]
        assert report.startswith("甲市坚持党建引领,举办培训班20期")


def test_a_failed_build_leaves_the_last_good_database(mini: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "out.duckdb"
    build(mini / "data", mini / "metrics", db_path)
    good_hash = stored_hash(db_path)
    break_a_value(mini)
    with pytest.raises(InvalidData) as error:
        build(mini / "data", mini / "metrics", db_path)
    assert [str(p) for p in error.value.problems][0].endswith(
        "column 'value': 'twelve' is not a number (write base units with digits only: "
        "126000, not 12.6万)"
    )
    assert figure_count(db_path) == 4
    assert stored_hash(db_path) == good_hash
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini", "out.duckdb"]


def test_a_build_that_dies_half_way_leaves_the_old_database(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "out.duckdb"
    build(mini / "data", mini / "metrics", db_path)
    good_hash = stored_hash(db_path)
    # New, valid data; then the write stops after the figures table, before it is finished.
    path = mini / "data/figures/beta_2020.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("10000000", "20000000"), encoding="utf-8"
    )
    real_write = build_module._write_figures

    def dies_half_way(con: duckdb.DuckDBPyConnection, input_hash: str) -> None:
        con.execute(build_module._FIGURES)
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(build_module, "_write_figures", dies_half_way)
    with pytest.raises(OSError, match="simulated"):
        build(mini / "data", mini / "metrics", db_path)
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert (
            con.execute("SELECT value FROM figures WHERE figure_id = 'beta_2020-001'").fetchone()[0]
            == 10000000
        )
    assert stored_hash(db_path) == good_hash
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini", "out.duckdb"]

    monkeypatch.setattr(build_module, "_write_figures", real_write)
    build(mini / "data", mini / "metrics", db_path)
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert (
            con.execute("SELECT value FROM figures WHERE figure_id = 'beta_2020-001'").fetchone()[0]
            == 20000000
        )


def test_an_open_reader_keeps_its_view_while_the_database_is_replaced(
    mini: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "out.duckdb"
    build(mini / "data", mini / "metrics", db_path)
    reader = duckdb.connect(str(db_path), read_only=True)
    path = mini / "data/figures/beta_2020.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("10000000", "20000000"), encoding="utf-8"
    )
    build(mini / "data", mini / "metrics", db_path)
    assert reader.execute("SELECT count(*) FROM figures").fetchone()[0] == 4
    reader.close()


def test_ensure_database_rebuilds_only_when_inputs_change(mini: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "out.duckdb"
    ensure_database(mini / "data", mini / "metrics", db_path)
    first = db_path.stat().st_mtime_ns
    ensure_database(mini / "data", mini / "metrics", db_path)
    assert db_path.stat().st_mtime_ns == first

    report = mini / "reports/beta.txt"
    report.write_text(report.read_text(encoding="utf-8") + "补充一句。\n", encoding="utf-8")
    assert stored_hash(db_path) != content_hash(mini / "data", mini / "metrics")
    ensure_database(mini / "data", mini / "metrics", db_path)
    assert db_path.stat().st_mtime_ns != first
    assert stored_hash(db_path) == content_hash(mini / "data", mini / "metrics")


def test_ensure_database_on_invalid_data_raises_and_keeps_the_old_file(
    mini: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "out.duckdb"
    ensure_database(mini / "data", mini / "metrics", db_path)
    break_a_value(mini)
    with pytest.raises(InvalidData):
        ensure_database(mini / "data", mini / "metrics", db_path)
    assert figure_count(db_path) == 4


def test_the_shipped_data_builds(built_db: Path) -> None:
    with duckdb.connect(str(built_db), read_only=True) as con:
        count = con.execute("SELECT count(*) FROM figures").fetchone()[0]
        joined = con.execute("SELECT count(*) FROM figures_full").fetchone()[0]
    assert count > 100
    assert joined == count
