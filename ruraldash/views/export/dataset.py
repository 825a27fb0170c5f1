"""The dashboard's "download all data": the canonical rows with headers and words in the reader's
language, and a sheet mapping each header to the canonical column id."""

from __future__ import annotations

import duckdb
import pandas as pd

from ruraldash.language.i18n import localised_column, t, t_choice
from ruraldash.store.db import run_query
from ruraldash.views.export.files import FIGURE_EXPORT_COLUMNS, ExportTable, figures_export
from ruraldash.views.export.provenance import report_sources

# Columns of codes shown as words in the reader's language: {column: vocabulary kind}.
WORDS = {"unit": "unit", "qualifier": "qualifier", "status": "status"}


def header(column: str, lang: str) -> str:
    """Return a canonical column's header in `lang`: the i18n table's dataset_header_<column>."""
    # Ids stay ids (a spreadsheet can join on them); the *_zh/*_en name columns say their language.
    return t_choice("dataset_header", column, lang)


def exported_rows(con: duckdb.DuckDBPyConnection) -> int:
    """Return how many rows the figures export has, without making it."""
    return int(run_query(con, "figures_export_rows")["rows"].iloc[0])


def _worded(codes: pd.Series, words: dict[str, str]) -> pd.Series:
    """Return each code's word, or the code itself where it has none."""
    # Through a plain array: element access on an Arrow-backed column costs microseconds each.
    return pd.Series(
        [words.get(code, code) for code in codes.to_numpy(dtype=object)],
        index=codes.index,
        dtype=codes.dtype,
    )


def localised_figures_export(con: duckdb.DuckDBPyConnection, lang: str) -> ExportTable:
    """Return the canonical export's rows with headers, units, qualifiers and statuses in `lang`.

    The command line's export stays canonical (its columns are a contract); this one is for a
    reader, and its last sheet maps every header back to the canonical column id.
    """
    canonical = figures_export(con, lang)
    name = localised_column("name", lang)
    vocabulary = run_query(con, "vocabulary")
    categories = run_query(con, "categories")
    table = canonical.table.copy()
    for column, kind in WORDS.items():
        words = vocabulary[vocabulary["kind"] == kind].set_index("id")[name]
        table[column] = _worded(table[column], dict(words.items()))
    category_names = categories.set_index("category")[localised_column("category", lang)]
    table["category"] = _worded(table["category"], dict(category_names.items()))
    table = table.rename(columns={column: header(column, lang) for column in table.columns})
    mapping = pd.DataFrame(
        {
            t("col_export_header", lang): [header(c, lang) for c in FIGURE_EXPORT_COLUMNS],
            t("col_export_column", lang): list(FIGURE_EXPORT_COLUMNS),
        }
    )
    return ExportTable(
        t("figures_title_localised", lang),
        table,
        report_sources(run_query(con, "sources"), lang),
        canonical.notes,
        lang,
        extra_sheets=((t("dataset_mapping_sheet", lang), mapping),),
        printable=False,
    )
