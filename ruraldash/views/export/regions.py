"""The region table (id, names, level, code, parent) as an export, for `export regions`."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ruraldash.language.i18n import t
from ruraldash.store.db import run_query
from ruraldash.views.export.files import EXPORTERS, ExportTable

REGION_EXPORT_COLUMNS = (
    "region_id",
    "name_zh",
    "name_en",
    "level",
    "admin_code",
    "parent_id",
    "parent_zh",
    "parent_en",
    "reported",
)


def regions_export(con: duckdb.DuckDBPyConnection, lang: str = "zh") -> ExportTable:
    """Return every declared region with its level, code and parent, ordered by code."""
    table = run_query(con, "region_tree")[list(REGION_EXPORT_COLUMNS)]
    sources = run_query(con, "sources").drop(columns=["report_available"])
    notes = ((t("notes_filters", lang), t("no_filters", lang)),)
    return ExportTable(t("regions_title", lang), table, sources, notes, lang, printable=False)


def export_regions(con: duckdb.DuckDBPyConnection, fmt: str, out: Path, lang: str) -> int:
    """Write the region table to `out` as csv or xlsx; return the row count."""
    export = regions_export(con, lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(EXPORTERS[fmt](export))
    return len(export.table)
