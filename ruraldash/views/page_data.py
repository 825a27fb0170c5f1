"""What each page shows for one choice of language and selection: choices, charts and tables.

Each function takes the connection first and only hashable values after it, so the app can make
its result once per process and state of the data (ui.cached) and every session draws the same
objects; nothing here may keep or change state. Pure pieces live in compare, charts, coverage,
methods and tables; these functions only run the queries and put those pieces together.
Over 300 lines because it holds one short section per page, in the order of app.PAGES.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import plotly.graph_objects as go

from ruraldash.compare import chart_rows, coverage, honest, pickers, program_groups, ratios
from ruraldash.compare.figures import FigureFilter, filter_options, load_figures, localised
from ruraldash.language.formatting import format_number
from ruraldash.language.i18n import t
from ruraldash.store.db import run_query
from ruraldash.views import charts, methods, tables
from ruraldash.views import program_matrix as program_matrix_view
from ruraldash.views.export import ExportTable
from ruraldash.views.provenance import (
    ShownTable,
    figure_sources,
    file_stem,
    ratio_sources,
    report_sources,
    shown_table,
)


@dataclass(frozen=True)
class Charted:
    """A chart and the table beside it."""

    chart: go.Figure
    table: ShownTable


# --- overview ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    """The overview's headline counts, its reports and the figures per category."""

    counts: dict[str, int]
    reports: ShownTable
    categories: Charted


def overview(con: duckdb.DuckDBPyConnection, lang: str) -> Overview:
    """Return what the overview shows above its coverage matrix."""
    sources, regions, programs, categories = (
        run_query(con, name) for name in ("sources", "regions", "programs", "categories")
    )
    reported = report_sources(sources, lang)
    reports = methods.sources_table(sources, lang, brief=True)
    per_category = coverage.category_table(categories, lang)
    return Overview(
        coverage.headline(sources, regions, programs, lang),
        shown_table(
            t("overview_reports", lang),
            reports,
            reported,
            [],
            [],
            lang,
            file_stem("overview_reports", filtered=False),
        ),
        Charted(
            charts.category_bars(categories, lang),
            shown_table(
                t("overview_categories", lang),
                per_category,
                reported,
                [],
                [],
                lang,
                file_stem("overview_categories", filtered=False),
            ),
        ),
    )


def coverage_view(con: duckdb.DuckDBPyConnection, lang: str, view: str) -> Charted:
    """Return the coverage matrix by "category" or by "metric": a heatmap and its table."""
    regions, found = run_query(con, "regions"), run_query(con, "coverage")
    if view == "category":
        matrix = coverage.coverage_matrix(
            found, regions, run_query(con, "categories"), "category", lang
        )
        shown = coverage.category_coverage_table(matrix, lang)
    else:
        catalogue = coverage.used_metrics(run_query(con, "metric_catalogue"))
        matrix = coverage.coverage_matrix(found, regions, catalogue, "metric_id", lang)
        shown = coverage.metric_coverage_table(matrix, catalogue, lang)
    return Charted(
        charts.heatmap(matrix, lang),
        shown_table(
            t("overview_coverage", lang),
            shown,
            report_sources(run_query(con, "sources"), lang),
            [(t("coverage_view", lang), t(f"by_{view}", lang))],
            [t("coverage_note", lang)],
            lang,
            file_stem("overview_coverage", f"by-{view}", filtered=False),
        ),
    )


# --- compare regions -----------------------------------------------------------------------


@dataclass(frozen=True)
class RegionChoices:
    """The categories and metrics one can compare, and which to start from."""

    categories: dict[str, str]
    default_category: str
    metrics: dict[str, dict[str, str]]  # per category: "all" and then each metric
    default_metrics: dict[str, str]


@dataclass(frozen=True)
class RegionComparison:
    """One metric (or a category) across regions: caveats, chart, denominators and table."""

    caveats: list[str]
    chart: go.Figure | None  # None when no metric has a value to draw
    denominators: list[str]
    table: ShownTable
    not_drawn: str = ""  # one line: which metrics have no chart, and why
    trimmed: str = ""  # one line: what a chart of many regions left to the table
    # The figures a chart of many regions draws (its largest and smallest), when it leaves some
    # out; None when it draws every figure. A briefing's table prints these.
    drawn_ids: frozenset[str] | None = None


def region_choices(con: duckdb.DuckDBPyConnection, lang: str) -> RegionChoices:
    """Return the categories with figures, their metrics and the widest metric of each."""
    catalogue = coverage.used_metrics(run_query(con, "metric_catalogue"))
    categories = pickers.category_choices(catalogue, lang)
    return RegionChoices(
        categories,
        pickers.widest_metric(catalogue)["category"],
        {category: pickers.metric_choices(catalogue, category, lang) for category in categories},
        {
            category: pickers.widest_metric(catalogue, category)["metric_id"]
            for category in categories
        },
    )


@dataclass(frozen=True)
class RegionChart:
    """What Compare regions shows above its table: caveats, the chart and what it leaves out."""

    caveats: list[str]
    chart: go.Figure | None  # None when no metric has a value to draw
    denominators: list[str]
    not_drawn: str = ""
    trimmed: str = ""
    drawn_ids: frozenset[str] | None = None


def _compared_rows(
    con: duckdb.DuckDBPyConnection, category: str, metric: str, per_capita: bool
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the used catalogue and every region's rows for the metric (or category)."""
    catalogue = coverage.used_metrics(run_query(con, "metric_catalogue"))
    regions = run_query(con, "regions")
    chosen = pickers.chosen_metrics(catalogue, category, metric)
    figures = load_figures(con, FigureFilter(metrics=tuple(chosen["metric_id"])))
    rows = honest.region_rows(figures, regions, chosen)
    if per_capita:
        rows = honest.add_per_capita(rows, regions)
    return catalogue, rows


def region_chart(
    con: duckdb.DuckDBPyConnection,
    lang: str,
    category: str,
    metric: str,
    per_capita: bool,
    show_all: bool = False,
) -> RegionChart:
    """Return the caveats and chart of every region for one metric (or a category's metrics).

    With many regions the chart draws each metric's largest and smallest figures unless
    `show_all`. Made apart from the table, so that the chart is drawn before the table is
    written out (a national metric's table is tens of thousands of rows).
    """
    _, rows = _compared_rows(con, category, metric, per_capita)
    return _chart_of(rows, lang, per_capita, show_all)


def region_table(
    con: duckdb.DuckDBPyConnection, lang: str, category: str, metric: str, per_capita: bool
) -> ShownTable:
    """Return every region's figures for one metric (or a category) as a table with its export."""
    catalogue, rows = _compared_rows(con, category, metric, per_capita)
    return _table_of(catalogue, rows, lang, category, metric, per_capita)


def region_comparison(
    con: duckdb.DuckDBPyConnection,
    lang: str,
    category: str,
    metric: str,
    per_capita: bool,
    show_all: bool = False,
    extremes: int = chart_rows.CHART_EXTREMES,
) -> RegionComparison:
    """Return every region for one metric (or every metric of a category), with or without one:
    region_chart and region_table together, from one reading of the figures. A chart of many
    regions draws each metric's `extremes` largest and smallest figures (a briefing, fewer)."""
    catalogue, rows = _compared_rows(con, category, metric, per_capita)
    drawn = _chart_of(rows, lang, per_capita, show_all, extremes)
    return RegionComparison(
        drawn.caveats,
        drawn.chart,
        drawn.denominators,
        _table_of(catalogue, rows, lang, category, metric, per_capita, drawn),
        drawn.not_drawn,
        drawn.trimmed,
        drawn.drawn_ids,
    )


def _chart_of(
    rows: pd.DataFrame,
    lang: str,
    per_capita: bool,
    show_all: bool,
    extremes: int = chart_rows.CHART_EXTREMES,
) -> RegionChart:
    drawn, not_drawn = chart_rows.drawable_per_capita(rows, lang) if per_capita else (rows, "")
    trimmed = None
    if not show_all:
        drawn, trimmed = chart_rows.chart_extremes(
            drawn, "per_10k" if per_capita else "value", extremes
        )
    return RegionChart(
        honest.caveats(rows, lang, per_capita),
        charts.region_bars(drawn, lang, per_capita) if not drawn.empty else None,
        honest.denominator_lines(rows, lang) if per_capita else [],
        not_drawn,
        _trimmed_line(trimmed, lang, extremes),
        None if trimmed is None else frozenset(drawn["figure_id"].dropna().astype(str)),
    )


def _table_of(
    catalogue: pd.DataFrame,
    rows: pd.DataFrame,
    lang: str,
    category: str,
    metric: str,
    per_capita: bool,
    drawn: RegionChart | None = None,
) -> ShownTable:
    """The table and its export; the export's notes are the chart's caveats and denominators
    (`drawn` when they are made already)."""
    if drawn is None:
        found = honest.caveats(rows, lang, per_capita)
        denominators = honest.denominator_lines(rows, lang) if per_capita else []
    else:
        found, denominators = drawn.caveats, drawn.denominators
    shown = tables.figure_table(
        rows, lang, tables.COMPARE_COLUMNS + (tables.PER_CAPITA_COLUMNS if per_capita else ())
    )
    filters = [
        (t("pick_category", lang), pickers.category_choices(catalogue, lang)[category]),
        (t("pick_metric", lang), pickers.metric_choices(catalogue, category, lang)[metric]),
        (t("per_10k_switch", lang), t("yes", lang) if per_capita else t("no", lang)),
    ]
    return shown_table(
        t("page_compare_regions", lang),
        shown,
        figure_sources(rows, lang),
        filters,
        found + denominators,
        lang,
        file_stem(
            "compare_regions",
            pickers.subject(category, metric),
            "per10k" if per_capita else "",
            filtered=True,
        ),
    )


def _trimmed_line(
    trimmed: chart_rows.Trimmed | None, lang: str, extremes: int = chart_rows.CHART_EXTREMES
) -> str:
    """Say what a chart of many regions left out: figures in between, regions without one."""
    if trimmed is None:
        return ""
    line = t("chart_extremes", lang).format(
        keep=extremes, drawn=f"{trimmed.drawn:,}", hidden=f"{trimmed.figures:,}"
    )
    if trimmed.missing:
        line += t("chart_extremes_missing", lang).format(missing=f"{trimmed.missing:,}")
    return line


def has_many_regions(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a chart of every region may be long enough to draw only its extremes."""
    return len(run_query(con, "regions")) > 2 * chart_rows.CHART_EXTREMES


# --- compare programs ----------------------------------------------------------------------


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
        note = program_matrix_view.grouped_note(
            groups["region_id"].nunique(), level, lang, len(grouped.group_names)
        )
        return ProgramMatrix(
            program_matrix_view.grouped_chart(grouped, type_names, lang),
            shown_table(
                t("programs_matrix", lang),
                program_matrix_view.grouped_table(grouped, type_names, lang),
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


# --- region profile ------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """One report and its region: facts, figures by category and programs."""

    facts: dict[str, str]
    figure_count: int
    by_category: list[tuple[str, str, pd.DataFrame]]  # (category id, name, its rows)
    figures: ShownTable
    programs: ShownTable


def report_choices(con: duckdb.DuckDBPyConnection, lang: str) -> dict[str, str]:
    """Return the reports as {source id: "region · title"}."""
    return methods.report_choices(run_query(con, "sources"), lang)


def profile(con: duckdb.DuckDBPyConnection, lang: str, report: str) -> Profile:
    """Return everything one report says about its region, by category, with its programs."""
    sources, regions = run_query(con, "sources"), run_query(con, "regions")
    source, region = methods.report_and_region(sources, regions, report)
    figures = load_figures(con, FigureFilter(sources=(report,)))
    shown = tables.figure_table(figures, lang, tables.PROFILE_COLUMNS)
    filters = [(t("pick_report", lang), methods.report_choices(sources, lang)[report])]
    listed = methods.programs_table(methods.of_report(run_query(con, "programs"), report), lang)
    return Profile(
        methods.report_facts(source, region, lang),
        len(figures),
        methods.by_category(figures, shown, run_query(con, "categories"), lang),
        shown_table(
            t("profile_figures_title", lang),
            shown,
            figure_sources(figures, lang),
            filters,
            [],
            lang,
            file_stem("region_profile", report, filtered=True),
        ),
        shown_table(
            t("profile_programs_title", lang),
            listed,
            report_sources(methods.of_report(sources, report), lang),
            filters,
            [],
            lang,
            file_stem("region_profile_programs", report, filtered=True),
        ),
    )


# --- explore -------------------------------------------------------------------------------


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


# --- sources and methods -------------------------------------------------------------------


@dataclass(frozen=True)
class Curation:
    """How the figures were curated: data/README.md and the reports whose notes can be read."""

    readme: str
    reports: dict[str, str]  # {source id: "region · title"}, in sources.yaml order
    with_notes: frozenset[str]

    @property
    def folded(self) -> bool:
        """True when the reports are few enough to fold out each one's notes under its title."""
        return len(self.reports) <= methods.NOTES_FOLDED

    def count_line(self, lang: str) -> str:
        """Say how many of the reports have notes, and how to pick one."""
        return t("curation_notes_count", lang).format(
            with_notes=format_number(len(self.with_notes), lang),
            total=format_number(len(self.reports), lang),
        )

    @property
    def first_with_notes(self) -> str | None:
        """Return the first report that has notes (the list starts there), or None."""
        return next((source for source in self.reports if source in self.with_notes), None)


def curation(con: duckdb.DuckDBPyConnection, lang: str, data_dir: str) -> Curation:
    """Return the curation rules and which reports have notes (files in `data_dir`, which the
    database's input hash covers: a changed note makes this afresh)."""
    folder = Path(data_dir)
    reports = methods.report_choices(run_query(con, "sources"), lang)
    return Curation(
        methods.curation_notes(folder),
        reports,
        frozenset(methods.reports_with_notes(folder) & reports.keys()),
    )


def sources_tables(con: duckdb.DuckDBPyConnection, lang: str) -> dict[str, ShownTable]:
    """Return the reference tables by i18n key: reports, metrics, vocabularies, references."""
    sources = run_query(con, "sources")
    reported = report_sources(sources, lang)
    made = {
        "sources_reports": methods.sources_table(sources, lang),
        "sources_metrics": methods.metric_table(run_query(con, "metric_catalogue"), lang),
        "sources_vocabulary": methods.vocabulary_table(run_query(con, "vocabulary"), lang),
        "sources_reference": methods.reference_table(run_query(con, "region_reference"), lang),
    }
    return {
        key: shown_table(
            t(key, lang), shown, reported, [], [], lang, file_stem(key, filtered=False)
        )
        for key, shown in made.items()
    }
