"""The page "Compare programs": one kind of program across regions, its ratios, the matrix.

The matrix of many regions groups them (a heatmap and a table, groups × types).
Like every module here: the connection first and only hashable values after it, so the app
makes each result once per process and state of the data (ui.cached) and every session draws
the same objects; nothing here may keep or change state.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd
import plotly.graph_objects as go

from ruraldash.compare import coverage, honest, pickers, program_groups, ratios
from ruraldash.compare.figures import FigureFilter, load_figures, localised
from ruraldash.compare.program_groups import GroupedMatrix
from ruraldash.language.formatting import format_number
from ruraldash.language.i18n import t
from ruraldash.language.punctuation import punctuation
from ruraldash.store.db import run_query
from ruraldash.views import charts, tables
from ruraldash.views.charts import FONT, HEATMAP_SCALE
from ruraldash.views.export.provenance import (
    ShownTable,
    figure_sources,
    file_stem,
    ratio_sources,
    report_sources,
    shown_table,
)
from ruraldash.views.pages.common import Charted
from ruraldash.views.plain import hover_text


def _cell(named: int, reported: int) -> str:
    """Write a cell as "named/reported" (12/84)."""
    return f"{named}/{reported}"


def grouped_chart(matrix: GroupedMatrix, type_names: list[str], lang: str) -> go.Figure:
    """Return groups × types (a row per group, as in the table: thirty-odd columns leave no
    room for "12/84"), coloured by the share of a group's reports that name a kind.

    A group where no report names a kind stays blank: not mentioned is not none.
    """
    named = matrix.named.T.to_numpy()
    reported = matrix.reported.to_numpy()
    share = pd.DataFrame(named / reported[:, None]).where(named > 0).to_numpy()
    text = [
        [_cell(count, of) if count else "" for count in row]
        for row, of in zip(named, reported, strict=True)
    ]
    hover = [
        [
            _hover(count, of, names, lang) if count else ""
            for count, names in zip(row, name_row, strict=True)
        ]
        for row, of, name_row in zip(named, reported, matrix.names.T.to_numpy(), strict=True)
    ]
    trace = go.Heatmap(
        z=share,
        x=[hover_text(name) for name in type_names],
        y=[hover_text(name) for name in matrix.group_names],
        text=text,
        texttemplate="%{text}",
        customdata=hover,
        hovertemplate="%{y} · %{x}<br>%{customdata}<extra></extra>",
        colorscale=HEATMAP_SCALE,
        zmin=0,
        zmax=1,
        showscale=False,
        hoverongaps=False,
        xgap=3,
        ygap=2,
    )
    return go.Figure(
        trace,
        {
            "height": 24 * len(matrix.group_names) + 180,
            "font": {"family": FONT, "size": 13},
            "plot_bgcolor": "white",
            "margin": {"l": 10, "r": 30, "t": 140, "b": 20},
            "hoverlabel": {"font": {"family": FONT}},
            "yaxis": {"autorange": "reversed", "automargin": True},
            "xaxis": {"side": "top", "tickangle": -30, "automargin": True},
        },
    )


def _hover(named: int, reported: int, names: object, lang: str) -> str:
    """Say how many of a group's reports name a kind, and name the first few regions."""
    shown = names if isinstance(names, list) else []
    listed = punctuation(lang).enumerate([hover_text(name) for name in shown])
    if named > len(shown):
        listed += t("programs_group_more", lang).format(count=named - len(shown))
    return t("programs_group_hover", lang).format(named=named, reported=reported) + "<br>" + listed


def grouped_table(matrix: GroupedMatrix, type_names: list[str], lang: str) -> pd.DataFrame:
    """Return one row per group (and one for all of them): its regions with a report, then per
    type how many of them name such a program ("12/84"), or that none of their reports does.

    A row per group, not a column: thirty-odd columns are neither readable nor printable.
    """
    reported = matrix.reported.to_list()
    named = matrix.named.T
    rows = [*matrix.group_names, t("programs_group_all", lang)]
    totals = [*reported, sum(reported)]
    table = pd.DataFrame(
        {
            t("col_region", lang): rows,
            t("col_admin_code", lang): [*matrix.group_codes, ""],
            t("col_regions_reported", lang): totals,
        }
    )
    for kind, name in zip(named.columns, type_names, strict=True):
        counts = [*named[kind], int(named[kind].sum())]
        table[name] = [
            _cell(count, of) if count else t("programs_group_none", lang)
            for count, of in zip(counts, totals, strict=True)
        ]
    return table


def grouped_note(regions: int, level: str, lang: str, groups: int) -> str:
    """Say why the matrix has a column per group, and how to read a cell."""
    return t("programs_grouped", lang).format(
        regions=format_number(regions, lang), levels=t(f"levels_{level}", lang), groups=groups
    )


@dataclass(frozen=True)
class ProgramComparison:
    """One kind of program side by side, and the ratios derived from its figures."""

    figures: ShownTable
    ratios: ShownTable


@dataclass(frozen=True)
class ProgramMatrix(Charted):
    """The program matrix, and a line on how it is grouped ('' when a column is a region)."""

    note: str = ""


def program_matrix(con: duckdb.DuckDBPyConnection, lang: str) -> ProgramMatrix:
    """Return program types × regions: how many programs (heatmap) and which (table).

    With more regions than fit a column each, a column is a region above them (see
    program_groups) and a cell says how many of its reporting regions name such a program.
    """
    programs, types, sources = (
        run_query(con, name) for name in ("programs_by_kind", "program_types", "sources")
    )
    reports = report_sources(sources, lang)
    stem = file_stem("compare_programs_matrix", filtered=False)
    groups = run_query(con, "region_groups")
    level = program_groups.grouping(groups)
    if level is not None:
        grouped = program_groups.grouped_matrix(programs, groups, types, level, lang)
        type_names = list(localised(types, "program_type", lang))
        note = grouped_note(groups["region_id"].nunique(), level, lang, len(grouped.group_names))
        return ProgramMatrix(
            grouped_chart(grouped, type_names, lang),
            shown_table(
                t("programs_matrix", lang),
                grouped_table(grouped, type_names, lang),
                reports,
                [],
                [note],
                lang,
                stem,
            ),
            note,
        )
    regions = run_query(con, "regions")
    counts, listed = coverage.program_matrix(
        programs, regions, types, lang, set(sources["region_id"])
    )
    matrix = coverage.program_table(listed, counts, lang)
    return ProgramMatrix(
        charts.heatmap(counts, lang, hover_names=listed),
        shown_table(t("programs_matrix", lang), matrix, reports, [], [], lang, stem),
    )


def program_choices(con: duckdb.DuckDBPyConnection, lang: str) -> dict[str, str]:
    """Return the program types some region runs, as {id: name (regions)}."""
    return pickers.program_type_choices(run_query(con, "program_types"), lang)


def program_comparison(con: duckdb.DuckDBPyConnection, lang: str, kind: str) -> ProgramComparison:
    """Return the figures of one kind of program in every region, and their derived ratios."""
    programs, regions = run_query(con, "programs_by_kind"), run_query(con, "regions")
    reported = run_query(con, "sources")["region_id"]
    figures = load_figures(con, FigureFilter(program_types=(kind,)))
    rows = honest.program_rows(programs, figures, regions, kind, reported)
    filters = [(t("pick_program_type", lang), program_choices(con, lang)[kind])]
    found = ratios.derived_ratios(figures)
    return ProgramComparison(
        shown_table(
            t("programs_side_by_side", lang),
            tables.figure_table(rows, lang, tables.PROGRAM_FIGURE_COLUMNS),
            figure_sources(rows, lang),
            filters,
            [t("warn_programs", lang)],
            lang,
            file_stem("compare_programs", kind, filtered=True),
        ),
        shown_table(
            t("programs_ratios", lang),
            tables.ratio_table(found, lang),
            ratio_sources(found, figures, lang),
            filters,
            [t("ratios_rule", lang)],
            lang,
            file_stem("compare_programs_ratios", kind, filtered=True),
        ),
    )
