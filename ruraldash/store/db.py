"""Open the built database and run the declared queries (metrics/queries/*.sql) against it."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from ruraldash.paths import QUERIES_DIR, VIEWS_DIR

# Unreviewed drafts are left out unless asked for; asked for, each carries a mark on its label,
# the column every table, bar, hover and export row shows, so a draft is never seen unmarked.
DRAFT_MARK = "【未审核·draft】"
_FIGURES_PROXY = {
    False: "SELECT * FROM built.main.figures WHERE review = 'reviewed'",
    True: (
        "SELECT * REPLACE (CASE WHEN review = 'draft' THEN '" + DRAFT_MARK + "' || label "
        "ELSE label END AS label) FROM built.main.figures"
    ),
}


def connect(db_path: Path, drafts: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database read-only; use one per process and a cursor() per session or thread.

    DuckDB hands out one cached instance per file path while any connection to it is open, so
    a file replaced by a rebuild would still be read as the old one. A private in-memory
    database that attaches the file, with a view per table, always reads the file as it is now;
    its cursors see the views too. The figures are the reviewed ones only, or with `drafts` the
    unreviewed drafts as well, marked; the declared views (metrics/views) are made here again
    so that they read these figures.
    """
    con = duckdb.connect()
    path = str(db_path).replace("'", "''")
    con.execute(f"ATTACH '{path}' AS built (READ_ONLY)")
    names = con.execute(
        "SELECT table_name, table_type FROM information_schema.tables "
        "WHERE table_catalog = 'built' ORDER BY table_type, table_name"
    ).fetchall()
    declared = {view.stem for view in VIEWS_DIR.glob("*.sql")}
    for name, kind in names:
        if kind == "VIEW" and name in declared:
            continue
        quoted_name = '"' + name.replace('"', '""') + '"'
        select = (
            _FIGURES_PROXY[drafts]
            if name == "figures"
            else f"SELECT * FROM built.main.{quoted_name}"
        )
        con.execute(f"CREATE VIEW {quoted_name} AS {select}")
    for view in sorted(VIEWS_DIR.glob("*.sql")):
        if view.stem in {name for name, _ in names}:
            con.execute(view.read_text(encoding="utf-8"))
    return con


@cache
def query_text(name: str) -> str:
    """Return the SQL of the declared query `name` (the stem of a file in metrics/queries/)."""
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no query named {name!r} in {QUERIES_DIR}")
    return path.read_text(encoding="utf-8")


def run_query(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pd.DataFrame:
    """Run a declared query with values bound as $params; return its rows (fetched via Arrow)."""
    relation = con.sql(query_text(name), params=params or None)
    return relation.to_arrow_table().to_pandas()
