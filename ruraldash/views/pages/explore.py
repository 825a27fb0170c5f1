"""The page "Explore": every figure that passes the filters, the first of them listed.

Like every module here: the connection first and only hashable values after it, so the app
makes each result once per process and state of the data (ui.cached) and every session draws
the same objects; nothing here may keep or change state.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from ruraldash.compare.figures import FigureFilter, filter_options, load_figures
from ruraldash.language.i18n import t
from ruraldash.store.db import run_query
from ruraldash.views import tables
from ruraldash.views.export.files import ExportTable
from ruraldash.views.export.provenance import (
    ShownTable,
    figure_sources,
    file_stem,
    shown_table,
)


@dataclass(frozen=True)
class Explored:
    """The figures that pass the filters, out of how many there are; the first of them listed."""

    shown: int  # figures that pass the filters
    total: int  # figures in the data
    table: ShownTable  # the first EXPLORE_ROWS of them; explore_export() has them all

    @property
    def complete(self) -> bool:
        """Whether the table holds every figure that passes the filters."""
        return len(self.table.shown) == self.shown


# Explore lists at most this many figures (a national folder has over half a million); its
# downloads hold every one, made when asked for.
EXPLORE_ROWS = 5_000


def explore_options(con: duckdb.DuckDBPyConnection, lang: str) -> dict[str, dict[str, str]]:
    """Return, for each Explore filter, its options as {id: name} in `lang`."""
    return filter_options(
        *(
            run_query(con, name)
            for name in ("regions", "metric_catalogue", "programs", "vocabulary")
        ),
        lang,
    )


def explore(con: duckdb.DuckDBPyConnection, lang: str, where: FigureFilter) -> Explored:
    """Return how many figures pass `where` and the first EXPLORE_ROWS as the Explore table."""
    figures = load_figures(con, where)
    return Explored(
        len(figures),
        int(run_query(con, "sources")["figure_count"].sum()),
        _explore_table(con, lang, where, figures.head(EXPLORE_ROWS)),
    )


def explore_export(con: duckdb.DuckDBPyConnection, lang: str, where: FigureFilter) -> ExportTable:
    """Return the export of every figure that passes `where`, as Explore's downloads hold it."""
    return _explore_table(con, lang, where, load_figures(con, where)).export


def _explore_table(
    con: duckdb.DuckDBPyConnection, lang: str, where: FigureFilter, figures: pd.DataFrame
) -> ShownTable:
    options = explore_options(con, lang)
    filters = [
        (
            t(f"filter_{name}", lang),
            ", ".join(options[name][value] for value in getattr(where, name)),
        )
        for name in options
    ] + [(t("search", lang), where.search)]
    return shown_table(
        t("page_explore", lang),
        tables.figure_table(figures, lang, tables.EXPLORE_COLUMNS),
        figure_sources(figures, lang),
        filters,
        [t("warn_explore", lang)],
        lang,
        file_stem("explore", filtered=where.is_active()),
    )
