"""The canonical figures export: exact columns, BOM, golden bytes, numeric XLSX cells."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import openpyxl
import pytest

from ruraldash.store.build import build
from ruraldash.store.db import connect
from ruraldash.views.export.files import FIGURE_EXPORT_COLUMNS, figures_export, to_csv, to_xlsx

MINI = Path(__file__).parents[1] / "fixtures" / "mini"
GOLDEN = MINI / "expected_figures.csv"


@pytest.fixture(scope="module")
def mini_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mini") / "mini"
    shutil.copytree(MINI, root)
    return build(root / "data", root / "metrics", root / "mini.duckdb").db_path


def test_csv_matches_the_golden_file_byte_for_byte(mini_db: Path) -> None:
    # To change the expected output deliberately: write to_csv(...) to GOLDEN and review it.
    with connect(mini_db) as con:
        produced = to_csv(figures_export(con, "zh"))
    assert produced == GOLDEN.read_bytes()


def test_csv_has_bom_crlf_and_exact_columns(mini_db: Path) -> None:
    with connect(mini_db) as con:
        produced = to_csv(figures_export(con, "en"))
    assert produced.startswith(b"\xef\xbb\xbf")
    header, first = produced[3:].decode("utf-8").split("\r\n")[:2]
    assert tuple(header.split(",")) == FIGURE_EXPORT_COLUMNS
    assert ",12000,person_time,more_than,actual,2021年,2021-01-01,2021-12-31," in first


def test_xlsx_has_numeric_values_sources_and_notes(mini_db: Path) -> None:
    with connect(mini_db) as con:
        produced = to_xlsx(figures_export(con, "en"))
    book = openpyxl.load_workbook(io.BytesIO(produced))
    assert book.sheetnames == ["Data", "Sources", "Notes"]
    data = book["Data"]
    assert tuple(cell.value for cell in data[1]) == FIGURE_EXPORT_COLUMNS
    value_column = FIGURE_EXPORT_COLUMNS.index("value") + 1
    values = [data.cell(row, value_column) for row in range(2, data.max_row + 1)]
    assert [cell.value for cell in values] == [12000, 300000000, 20, 10000000]
    assert all(cell.data_type == "n" for cell in values)
    assert data.freeze_panes == "A2"
    assert data.column_dimensions["L"].width >= 8
    sources = book["Sources"]
    assert [cell.value for cell in sources["A"]][1:] == ["alpha_2021", "beta_2020"]
    notes = [row[0].value for row in book["Notes"].iter_rows(min_row=2)]
    assert notes[:3] == ["Table", "Generated", "Rows"]


def test_xlsx_sheet_names_follow_the_language(mini_db: Path) -> None:
    with connect(mini_db) as con:
        produced = to_xlsx(figures_export(con, "zh"))
    assert openpyxl.load_workbook(io.BytesIO(produced)).sheetnames == ["数据", "来源", "说明"]


def test_the_shipped_export_has_every_figure(built_db: Path) -> None:
    with connect(built_db) as con:
        export = figures_export(con, "zh")
        count = con.execute("SELECT count(*) FROM figures").fetchone()[0]
    assert len(export.table) == count
    assert export.table["value"].notna().all()
    assert tuple(export.table.columns) == FIGURE_EXPORT_COLUMNS
