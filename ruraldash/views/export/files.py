"""Exports that open correctly in Excel on Chinese Windows: CSV with BOM, XLSX with provenance."""

from __future__ import annotations

import io
import math
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd

from ruraldash.language.i18n import t
from ruraldash.store.db import run_query
from ruraldash.store.excel_text import excel_csv
from ruraldash.views.export.print_table import print_table
from ruraldash.views.export.printing import row_height, set_up_printing, write_print_sheet

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook

FIGURE_EXPORT_COLUMNS = (
    "figure_id",
    "source_id",
    "region_id",
    "region_zh",
    "region_en",
    "scope",
    "metric_id",
    "metric_zh",
    "metric_en",
    "category",
    "program_id",
    "label",
    "value",
    "unit",
    "qualifier",
    "status",
    "period_text",
    "period_start",
    "period_end",
    "quote",
)


@dataclass(frozen=True)
class ExportTable:
    """A table as shown, with the sources behind it and notes on how it was made."""

    title: str
    table: pd.DataFrame
    sources: pd.DataFrame
    notes: tuple[tuple[str, str], ...] = ()
    lang: str = "zh"
    generated: date = field(default_factory=date.today)
    extra_sheets: tuple[tuple[str, pd.DataFrame], ...] = ()  # (sheet name, table) after notes
    # Whether its XLSX opens on a print-ready table: a page's table does; the whole dataset,
    # whose first sheet is a contract (columns a script reads), does not.
    printable: bool = True


def _plain_number(value: object) -> object:
    """Write 126000 rather than 126000.0, and 27.5 as 27.5."""
    if isinstance(value, float) and math.isfinite(value):
        return f"{value:.15g}"
    return value


def to_csv(export: ExportTable) -> bytes:
    """Return the table as CSV in UTF-8 with a BOM and CRLF line ends, as Excel expects."""
    table = export.table.copy()
    for column in table.columns:
        if pd.api.types.is_float_dtype(table[column]):
            table[column] = table[column].map(_plain_number).astype(object)
    # excel_csv neutralises text cells that start like a formula (the headers too).
    return excel_csv(table)


def _display_width(value: object) -> int:
    text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    # CJK characters take two columns in Excel's default fonts.
    return sum(2 if ord(char) > 0x2E80 else 1 for char in text)


Progress = Callable[[int, int], None]
PROGRESS_EVERY = 10_000  # rows between two progress reports of a large export


def _write_sheet(
    book: Workbook,
    name: str,
    frame: pd.DataFrame,
    title: str = "",
    lang: str = "zh",
    progress: Progress | None = None,
) -> None:
    """Write a sheet row by row, as constant-memory mode requires (it streams each finished
    row to disk), set up to print on A4; column widths come from the first 2000 rows."""
    sheet = book.add_worksheet(name)
    natural = [
        max([_display_width(column), *(_display_width(v) for v in frame[column].iloc[:2000])])
        for column in frame.columns
    ]
    set_up_printing(book, sheet, f"{title} · {name}" if title else name, natural, lang)
    header = book.add_format(
        {"bold": True, "bg_color": "#E8EEF4", "border": 1, "text_wrap": True, "valign": "top"}
    )
    formats = {
        "integer": book.add_format({"num_format": "#,##0", "valign": "top"}),
        "decimal": book.add_format({"num_format": "#,##0.0###", "valign": "top"}),
        "day": book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
    }
    for col, column in enumerate(frame.columns):
        sheet.write_string(0, col, str(column), header)
    total = len(frame)
    # A slice at a time: Python objects for every cell of a large table would cost more
    # memory than the workbook itself.
    for first in range(0, total, PROGRESS_EVERY):
        part = frame.iloc[first : first + PROGRESS_EVERY]
        columns = [part[column].tolist() for column in part.columns]
        for row, values in enumerate(zip(*columns, strict=True), start=first + 1):
            # A row's height is set before its cells: constant-memory mode writes rows in order.
            height = row_height([_display_width(value) for value in values], natural)
            if height:
                sheet.set_row(row, height)
            for col, value in enumerate(values):
                _write_cell(sheet, row, col, value, formats)
        if progress is not None:
            progress(first + len(part), total)
    sheet.freeze_panes(1, 0)
    if len(frame.columns):
        sheet.autofilter(0, 0, max(total, 1), len(frame.columns) - 1)


def _write_cell(sheet, row: int, col: int, value: object, formats: dict) -> None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return
    if isinstance(value, str):
        # Always a string cell, never a formula or a link, whatever the text starts with.
        sheet.write_string(row, col, value)
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, (int, float)) and math.isfinite(value):
        kind = "integer" if float(value).is_integer() else "decimal"
        sheet.write_number(row, col, value, formats[kind])
    elif isinstance(value, (date, datetime, pd.Timestamp)):
        sheet.write_datetime(row, col, pd.Timestamp(value).to_pydatetime(), formats["day"])
    else:
        sheet.write_string(row, col, str(value))


def to_xlsx(export: ExportTable, progress: Progress | None = None) -> bytes:
    """Return an XLSX workbook: the print-ready table first, then the full table (numeric
    cells, frozen header), sources and notes.

    Streamed: each sheet goes to a temporary file row by row (constant-memory mode), so a
    large table costs little more memory than its frame. `progress(rows, total)` is told how
    far the table sheet has got.
    """
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory(prefix="ruraldash-xlsx-") as scratch:
        import xlsxwriter  # 60 ms: imported when a workbook is written, not at start

        book = xlsxwriter.Workbook(
            buffer,
            {"constant_memory": True, "tmpdir": scratch, "strings_to_numbers": False},
        )
        title, lang = export.title, export.lang
        if export.printable:
            write_print_sheet(book, t("sheet_print", lang), print_table(export))
        _write_sheet(book, t("sheet_data", lang), export.table, title, lang, progress)
        _write_sheet(book, t("sheet_sources", lang), export.sources, title, lang)
        notes = pd.DataFrame(
            [
                (t("notes_title", lang), export.title),
                (t("notes_generated", lang), export.generated.isoformat()),
                (t("notes_rows", lang), str(len(export.table))),
                *export.notes,
            ],
            columns=[t("notes_item", lang), t("notes_value", lang)],
        )
        _write_sheet(book, t("sheet_notes", lang), notes, title, lang)
        for name, frame in export.extra_sheets:
            _write_sheet(book, name, frame, title, lang)
        book.close()
    return buffer.getvalue()


EXPORTERS: dict[str, Callable[[ExportTable], bytes]] = {"csv": to_csv, "xlsx": to_xlsx}
MIME_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def figures_export(con: duckdb.DuckDBPyConnection, lang: str = "zh") -> ExportTable:
    """Return the canonical flat form of the whole dataset with its sources and notes."""
    table = run_query(con, "figures_export")
    sources = run_query(con, "sources").drop(columns=["report_available"])
    notes = (
        (t("notes_filters", lang), t("no_filters", lang)),
        (t("notes_caveat", lang), t("caveat_units", lang)),
        (t("notes_caveat", lang), t("caveat_qualifier", lang)),
        (t("notes_caveat", lang), t("caveat_periods", lang)),
    )
    return ExportTable(
        t("figures_title", lang),
        table[list(FIGURE_EXPORT_COLUMNS)],
        sources,
        notes,
        lang,
        printable=False,
    )


def export_figures(con: duckdb.DuckDBPyConnection, fmt: str, out: Path, lang: str) -> int:
    """Write the canonical figures export to `out` as csv or xlsx; return the row count."""
    export = figures_export(con, lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(EXPORTERS[fmt](export))
    return len(export.table)
