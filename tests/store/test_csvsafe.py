"""No exported cell can become a formula: every CSV the product writes, and the XLSX."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from ruraldash.cli import main
from ruraldash.draft.files import figures_csv, skipped_csv
from ruraldash.store.csvsafe import neutralise
from ruraldash.store.figure_files import CSV_COLUMNS
from ruraldash.views.export.files import EXPORTERS, ExportTable, to_csv, to_xlsx
from ruraldash.views.export.provenance import shown_table

ATTACK = '=HYPERLINK("https://example.invalid/x","点此")'


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        (ATTACK, "'" + ATTACK),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+9)*cmd|' /C calc'!A0", "'@SUM(1+9)*cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-5", "-5"),
        ("+27.5", "+27.5"),
        ("-1.5e3", "-1.5e3"),
        ("受训党员 = 12000", "受训党员 = 12000"),
        ("", ""),
    ],
)
def test_neutralise_quotes_formula_starts_and_keeps_plain_numbers(cell: str, written: str) -> None:
    assert neutralise(cell) == written


def export_of(table: pd.DataFrame) -> ExportTable:
    return ExportTable("t", table, pd.DataFrame({"source": ["=1+1"]}))


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def test_the_csv_export_neutralises_text_and_keeps_negative_numbers_numeric() -> None:
    table = pd.DataFrame(
        {
            "label": [ATTACK, "@cmd", "-5", "plain"],
            "change": [-5.0, 12000.0, -0.5, 3.0],
            "count": [-2, 1, 2, 3],
            "=header": ["a", "b", "c", "d"],
        }
    )
    rows = csv_rows(to_csv(export_of(table)))
    assert rows == [
        ["label", "change", "count", "'=header"],
        ["'" + ATTACK, "-5", "-2", "a"],
        ["'@cmd", "12000", "1", "b"],
        ["-5", "-0.5", "2", "c"],
        ["plain", "3", "3", "d"],
    ]


def test_every_page_download_goes_through_the_safe_csv() -> None:
    shown = shown_table(
        "title",
        pd.DataFrame({"项目": ["+SUM(A1:A9)"], "数值": [-3.0]}),
        pd.DataFrame({"来源": ["@evil"]}),
        filters=[("地区", "=1+1")],
        caveats=[],
        lang="zh",
        stem="x",
    )
    assert csv_rows(EXPORTERS["csv"](shown.export)) == [["项目", "数值"], ["'+SUM(A1:A9)", "-3"]]


def test_the_xlsx_keeps_such_text_as_text_cells() -> None:
    table = pd.DataFrame({"label": [ATTACK, "-5"], "value": [-5.0, 1.0]})
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(export_of(table))))
    printed, data, sources = book.worksheets[:3]
    attack, minus_text = data["A2"], data["A3"]
    assert (attack.value, attack.data_type) == (ATTACK, "s")
    assert (minus_text.value, minus_text.data_type) == ("-5", "s")
    assert (data["B2"].value, data["B2"].data_type) == (-5, "n")
    assert (sources["A2"].value, sources["A2"].data_type) == ("=1+1", "s")
    # The print-ready sheet writes every cell as text: the attack is shown, never run.
    cells = [cell for row in printed.iter_rows() for cell in row if cell.value is not None]
    assert ATTACK in [cell.value for cell in cells]
    assert all(cell.data_type == "s" for cell in cells)


def test_draft_csvs_are_neutralised() -> None:
    row = dict.fromkeys(CSV_COLUMNS, "")
    row.update(id="x-001", label="=1+1", value="12000", quote="-2+3")
    rows = csv_rows(figures_csv([row]))
    assert rows[1][CSV_COLUMNS.index("label")] == "'=1+1"
    assert rows[1][CSV_COLUMNS.index("value")] == "12000"
    assert rows[1][CSV_COLUMNS.index("quote")] == "'-2+3"


def test_the_skipped_sidecar_is_neutralised() -> None:
    class Item:
        def row(self) -> dict[str, str]:
            return {"line": "3", "raw": "@1", "reason": "date", "context": "=A1"}

    assert csv_rows(skipped_csv([Item()]))[1] == ["3", "'@1", "date", "'=A1"]


def test_the_canonical_export_of_a_curated_formula_is_neutralised(
    mini: Path, tmp_path: Path
) -> None:
    root = mini
    path = root / "data/figures/alpha_2021.csv"
    text = path.read_text(encoding="utf-8").replace(",投入资金,", ',"=HYPERLINK(""x"")",', 1)
    path.write_text(text, encoding="utf-8")
    common = ["--data", "data", "--metrics", "metrics", "--db", str(tmp_path / "m.duckdb")]
    assert main(["export", "figures", "--format", "csv", "--out", "out.csv", *common]) == 0
    rows = csv_rows((root / "out.csv").read_bytes())
    labels = [row[rows[0].index("label")] for row in rows[1:]]
    assert '\'=HYPERLINK("x")' in labels
    assert main(["export", "figures", "--format", "xlsx", "--out", "out.xlsx", *common]) == 0
    data = openpyxl.load_workbook(root / "out.xlsx").worksheets[0]
    label_column = [cell.value for cell in data[1]].index("label") + 1
    cells = [data.cell(row, label_column) for row in range(2, data.max_row + 1)]
    assert ('=HYPERLINK("x")', "s") in [(cell.value, cell.data_type) for cell in cells]
