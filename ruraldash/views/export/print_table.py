"""The print-ready table of an export: what an official prints for a meeting, on A4.

A title that says what is compared, the selection and the date, at most seven columns with
values as the report wrote them (近8亿元, never 800000000), the caveats and the numbered source
clauses under the table. The XLSX's first sheet (printing.write_print_sheet) and the PDF
(export.pdf) lay out this one content.

Over 300 lines as one job: one printed table's content and widths, shared by XLSX and PDF.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from ruraldash.language.formatting import format_scope, is_missing
from ruraldash.language.i18n import t
from ruraldash.language.punctuation import punctuation

if TYPE_CHECKING:  # files.to_xlsx imports this module: the table's type only, for annotations
    from ruraldash.views.export.files import ExportTable

MOST_COLUMNS = 7
# A print is for a meeting: past this many rows it prints the first ones, says so, and leaves
# the rest to the full table on its own sheet.
PRINT_ROWS = 200
NAME_KEYS = ("region", "map_unit", "admin_unit")  # the column naming a row's place
PRINT_KEYS = ("name", "metric", "value", "period", "counted", "status", "ref")
# How wide each printed column is relative to the others, per language: the clause of what is
# counted gets the most room, a status or a source number the least.
WEIGHTS = {
    "zh": {
        "name": 10,
        "metric": 12,
        "value": 13,
        "period": 24,
        "counted": 40,
        "status": 6,
        "ref": 6,
    },
    "en": {
        "name": 14,
        "metric": 16,
        "value": 14,
        "period": 26,
        "counted": 38,
        "status": 8,
        "ref": 7,
    },
}
OTHER_WEIGHT = 16  # a column of a table that is not a figure table


@dataclass(frozen=True)
class PrintTable:
    """One print-ready table as text: title, selection line, columns, rows, notes, sources."""

    lang: str
    title: str
    selection: str
    keys: tuple[str, ...]  # what each column holds (PRINT_KEYS), or "other"
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    table_note: str  # which rows are printed, when not all
    caveats: tuple[str, ...]
    sources: tuple[str, ...]  # one numbered line per source clause or report

    def weights(self) -> list[int]:
        """Return each column's relative width."""
        table = WEIGHTS["en" if self.lang == "en" else "zh"]
        return [table.get(key, OTHER_WEIGHT) for key in self.keys]


def written_date(day: date, lang: str) -> str:
    """Return a date as a document writes it: 2026年12月6日, or 6 December 2026."""
    if lang == "en":
        return f"{day.day} {day:%B} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def _text(value: object) -> str:
    """Write a cell as text: empty for missing, 126000 rather than 126000.0."""
    if is_missing(value):
        return ""
    if isinstance(value, float) and math.isfinite(value):
        return f"{value:.15g}"
    return str(value)


def _column(table: pd.DataFrame, key: str, lang: str) -> pd.Series | None:
    """Return the shown table's column of i18n key col_<key>, if it has one."""
    header = t(f"col_{key}", lang)
    return table[header].map(_text) if header in table else None


def _filters(export: ExportTable) -> list[tuple[str, str]]:
    """Return the filters the page noted on its export, as (name, value)."""
    lang = export.lang
    pairs = []
    for item, text in export.notes:
        if item == t("notes_filters", lang) and text != t("no_filters", lang):
            name, _, value = text.partition(": ")
            pairs.append((name, value))
    return pairs


def subject(export: ExportTable) -> str:
    """Return what a table is of: its one metric (a column or a filter), else the category chosen,
    else nothing."""
    lang = export.lang
    metrics = _column(export.table, "metric", lang)
    if metrics is not None:
        named = [name for name in dict.fromkeys(metrics) if name]
        if len(named) == 1:
            return named[0]
    chosen = dict(_filters(export))
    # A category chosen names what is compared; without one (Compare), the metric filter does.
    return chosen.get(t("pick_category", lang)) or chosen.get(t("col_metric", lang), "")


def print_title(export: ExportTable) -> str:
    """Return the title a print carries: 投入资金：地区比较, or the table's own title."""
    about = subject(export)
    if not about or about in export.title:
        return export.title
    return punctuation(export.lang).labelled(about, export.title)


def _numbered_clauses(export: ExportTable) -> tuple[list[str], dict[str, int]]:
    """Number the distinct source clauses of a figure table; return the lines and id → number."""
    lang = export.lang
    marks = punctuation(lang)
    sources = export.sources
    figure_id, region, report, when, quote = (
        t(key, lang)
        for key in ("col_figure_id", "col_region", "col_source", "col_source_date", "col_quote")
    )
    numbers: dict[tuple[str, str, str], int] = {}
    lines: list[str] = []
    of_figure: dict[str, int] = {}
    for row in sources.to_dict("records"):
        key = (_text(row[report]), _text(row[when]), _text(row[quote]))
        if key not in numbers:
            numbers[key] = len(lines) + 1
            heading = marks.aside(f"{_text(row[region])} · {key[0]}", key[1])
            lines.append(f"[{numbers[key]}] {marks.labelled(heading, '“' + key[2] + '”')}")
        of_figure[_text(row[figure_id])] = numbers[key]
    return lines, of_figure


def _is_figure_table(export: ExportTable) -> bool:
    """Whether a table lists figures: a value as written, and sources by figure."""
    lang = export.lang
    table, sources = export.table, export.sources
    return (
        t("col_value_text", lang) in table
        and t("col_figure_id", lang) in table
        and all(
            t(key, lang) in sources
            for key in ("col_figure_id", "col_region", "col_source", "col_quote")
        )
    )


def _value_column(table: pd.DataFrame, lang: str) -> list[str]:
    """The value with its unit as the report wrote it (近8亿元, 2亿元（计划）)."""
    values = _column(table, "value_text", lang)
    units = _column(table, "unit", lang)
    if units is None:
        return list(values)
    plan, none = t("plan_mark", lang), t("no_figure", lang)
    joined = []
    for written, unit in zip(values, units, strict=True):
        if written and written not in (none, t("not_mentioned", lang)) and unit:
            planned = written.endswith(plan)
            number = written[: -len(plan)] if planned else written
            written = t("value_with_unit", lang).format(value=number, unit=unit)
            written += plan if planned else ""
        joined.append(written)
    return joined


def _counted_column(table: pd.DataFrame, lang: str) -> tuple[str, list[str] | None, bool]:
    """What is counted and over what place: the report's label, a narrower scope after it.

    Returns the column's header, its cells, and whether every row covers the whole region
    (then the column holds labels only, and is headed as the table's label column is).
    """
    labels = _column(table, "label", lang)
    scopes = _column(table, "scope", lang)
    whole = format_scope(None, lang)
    everywhere = scopes is None or all(scope in ("", whole) for scope in scopes)
    if labels is None and everywhere:
        return "", None, everywhere
    labels = labels if labels is not None else pd.Series([""] * len(table))
    scopes = scopes if scopes is not None else pd.Series([""] * len(table))
    marks = punctuation(lang)
    cells = [
        label if scope in ("", whole) else (marks.aside(label, scope) if label else scope)
        for label, scope in zip(labels, scopes, strict=True)
    ]
    header = t("col_label" if everywhere else "col_counted_scope", lang)
    return header, cells, everywhere


def _figure_columns(
    export: ExportTable, of_figure: dict[str, int]
) -> tuple[list[str], list[str], list[list[str]]]:
    """The figure table's printed columns: keys, headers and cells (column by column), each
    row's source numbered as `of_figure` (figure id → clause number) says."""
    lang, table = export.lang, export.table
    # One region's figures (a region profile) have no column of places: their metric leads.
    name_key = next((key for key in NAME_KEYS if t(f"col_{key}", lang) in table), None)
    metrics = _column(table, "metric", lang)
    several = metrics is not None and (name_key is None or metrics.nunique() > 1)
    counted_header, counted, _ = _counted_column(table, lang)
    columns: list[tuple[str, str, list[str] | None]] = [
        (
            "name",
            "" if name_key is None else t(f"col_{name_key}", lang),
            None if name_key is None else list(_column(table, name_key, lang)),
        ),
        ("metric", t("col_metric", lang), list(metrics) if several else None),
        ("value", t("col_value_written", lang), _value_column(table, lang)),
        ("period", t("col_period", lang), _optional(_column(table, "period", lang))),
        ("counted", counted_header, counted),
        ("status", t("col_status", lang), _optional(_column(table, "status", lang))),
        (
            "ref",
            t("col_source_ref", lang),
            [
                f"[{of_figure[figure]}]" if figure in of_figure else ""
                for figure in _column(table, "figure_id", lang)
            ],
        ),
    ]
    kept = [(key, header, cells) for key, header, cells in columns if cells is not None]
    return [key for key, _, _ in kept], [h for _, h, _ in kept], [c for _, _, c in kept]


def _optional(column: pd.Series | None) -> list[str] | None:
    return None if column is None else list(column)


def _other_columns(export: ExportTable) -> tuple[list[str], list[str], list[list[str]]]:
    """Any other table prints its first MOST_COLUMNS columns as they are shown."""
    shown = list(export.table.columns[:MOST_COLUMNS])
    if not shown:  # a table without columns still prints its title, notes and sources
        return ["other"], [""], [[""] * len(export.table)]
    return (
        ["other"] * len(shown),
        [str(header) for header in shown],
        [[_text(value) for value in export.table[header]] for header in shown],
    )


def _report_lines(export: ExportTable) -> list[str]:
    """Any other table's sources: one numbered line per row of its sources sheet."""
    return [
        f"[{number}] " + " · ".join(text for text in map(_text, row) if text)
        for number, row in enumerate(export.sources.itertuples(index=False), start=1)
    ]


def print_table(export: ExportTable) -> PrintTable:
    """Return the print-ready table of an export (the first PRINT_ROWS rows)."""
    lang = export.lang
    marks = punctuation(lang)
    if _is_figure_table(export):
        sources, of_figure = _numbered_clauses(export)
        keys, headers, cells = _figure_columns(export, of_figure)
    else:
        keys, headers, cells = _other_columns(export)
        sources = _report_lines(export)
    rows = list(zip(*cells, strict=True)) if cells else []
    total = len(export.table)
    table_note = ""
    if total > PRINT_ROWS:
        rows = rows[:PRINT_ROWS]
        table_note = t("print_first_rows", lang).format(
            kept=f"{PRINT_ROWS:,}", rows=f"{total:,}", sheet=t("sheet_data", lang)
        )
    filters = _filters(export)
    if _is_figure_table(export) and _counted_column(export.table, lang)[2]:
        whole = t("briefing_every_row", lang).format(value=format_scope(None, lang))
        filters.append((t("col_scope", lang), whole))
    chosen = marks.join([marks.labelled(name, value) for name, value in filters])
    made = marks.labelled(t("print_made", lang), written_date(export.generated, lang))
    selection = marks.join([chosen, made]) if chosen else made
    caveats = tuple(text for item, text in export.notes if item == t("notes_caveat", lang))
    return PrintTable(
        lang=lang,
        title=print_title(export),
        selection=selection,
        keys=tuple(keys),
        headers=tuple(headers),
        rows=tuple(tuple(row) for row in rows),
        table_note=table_note,
        caveats=caveats,
        sources=tuple(sources),
    )
