"""The pages as briefing views: what Compare, Compare programs and Region profile show.

Each function takes the connection, the language and the page's selection, runs the page's own
results (views/pages/) and returns a briefing.View; the map page adds its own function here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import duckdb
import pandas as pd

from ruraldash.compare import honest, parts
from ruraldash.compare.figures import FigureFilter, load_figures, localised
from ruraldash.compare.series import with_periods
from ruraldash.language.i18n import t
from ruraldash.language.punctuation import punctuation
from ruraldash.store.db import run_query
from ruraldash.views import charts, national_list
from ruraldash.views.briefing.lead import profile_lead
from ruraldash.views.briefing.view import View, distinct, some_names, table_filters
from ruraldash.views.export.provenance import ShownTable
from ruraldash.views.maps import choropleth
from ruraldash.views.maps import places as map_places
from ruraldash.views.pages import compare as compare_page
from ruraldash.views.pages import compare_category as compare_category_page
from ruraldash.views.pages import map as map_page
from ruraldash.views.pages.compare_programs import program_comparison
from ruraldash.views.pages.region_profile import PlaceProfile, drafts_about, place_profile

# Of many regions, a briefing's chart and table show each metric's 5 largest and 5 smallest
# figures: ten bars still print legibly beside the table on one A4 page, thirty do not.
BRIEFING_EXTREMES = 5


def _stored(con: duckdb.DuckDBPyConnection, where: FigureFilter) -> pd.DataFrame:
    """Return the figures as stored, with their periods' kind and bounds: what a lead ranks."""
    return with_periods(load_figures(con, where))


def _drafts_left_out(
    con: duckdb.DuckDBPyConnection, metrics: tuple[str, ...], shown: ShownTable
) -> int:
    """Count the unreviewed drafts of the metrics that the table does not show (a reader's)."""
    drafts = run_query(con, "unreviewed_figures", metrics=list(metrics))
    listed = set(shown.shown[t("col_figure_id", shown.export.lang)].dropna().astype(str))
    return int((~drafts["figure_id"].isin(listed)).sum())


def _periods(shown: pd.DataFrame, lang: str) -> tuple[str, str]:
    return (
        t("briefing_periods", lang),
        some_names(distinct(shown[t("col_period", lang)]), lang, "；"),
    )


def _missing_line(compared: compare_page.Comparison, lang: str) -> str:
    """Name the units without a figure (missing is named, never drawn as 0): twelve, and a count;
    nothing when the table names them already (a ranking's rows of 无数据, or the line under a
    long table that folds them), so that each is named once."""
    names = list(compared.missing.shown.get(t("col_admin_unit", lang), []))
    shown = compared.table.shown
    unit, value = t("col_map_unit", lang), t("col_value_text", lang)
    if unit in shown and value in shown:
        listed = set(shown.loc[shown[value] == t("no_figure", lang), unit])
        names = [name for name in names if name not in listed]
    return t("warn_missing", lang).format(detail=some_names(names, lang)) if names else ""


def compare(
    con: duckdb.DuckDBPyConnection,
    lang: str,
    place: str = national_list.NATION,
    level: str | None = None,
    metric: str | None = None,
    status: str = "actual",
    period: str = "",
    label: str = "",
    per_capita: bool = False,
) -> View:
    """Return the Compare page as a view: its ranking of one period's like-for-like figures
    (the page's default period and label where none is given), or its figures side by side.
    `per_capita` ranks them per 10,000 residents, as the page's switch does: official
    populations only, each cited; a unit without one is named and not ranked."""
    level = level or compare_page.busiest_level(con, place)
    metric = metric or compare_page.default_metric(con, place, level) or ""
    found = compare_page.period_choices(con, place, level, metric, status)
    if period not in found.periods:
        period = found.default or ""
    if label not in found.labels.get(period, []):
        label = next(iter(found.labels.get(period, [])), "")
    compared = compare_page.comparison(
        con,
        lang,
        place,
        level,
        metric,
        status,
        period,
        label,
        top=BRIEFING_EXTREMES,
        per_capita=per_capita,
    )
    # The page divides only a ranking (one period's like-for-like figures).
    per_capita = per_capita and compared.ranked
    catalogue = run_query(con, "metric_catalogue")
    about = catalogue[catalogue["metric_id"] == metric]
    columns = (
        ("map_unit", "value_text", "unit", "rank", "label", "period", "status")
        if compared.ranked
        else ("map_unit", "level", "label", "value_text", "unit", "period", "scope", "status")
    )
    if per_capita:
        columns = ("map_unit", "value_text", "unit", "per_10k_note", *columns[3:])
    period_text = found.periods.get(period, t("lfl_periods_differ", lang))
    stored = _stored(con, FigureFilter(metrics=(metric,)))
    listed = set(compared.table.shown[t("col_figure_id", lang)].dropna().astype(str))
    # The lead names the highest only among the figures the table ranks (one period).
    figures = stored[stored["figure_id"].isin(listed)]
    extremes: dict[str, object] = {}
    if compared.ranked:
        measure = "per_10k" if per_capita else "value"
        extremes = _extremes(compared.table, lang, "briefing_kept_ranked", measure)
    denominators: tuple[str, ...] = ()
    subject = str(localised(about, "metric", lang).iloc[0]) if len(about) else metric
    if per_capita:
        figures = honest.add_per_capita(figures.assign(missing=False), run_query(con, "regions"))
        denominators = _denominators(figures, extremes.get("kept_ids"), lang)
        subject = punctuation(lang).aside(subject, t("per_10k_axis", lang))
    return View(
        page="compare",
        subject=subject,
        table=compared.table,
        columns=columns,
        chart=compared.chart,
        caveats=tuple(
            line
            for line in (
                *compared.differences,
                compared.left_out_line,
                _missing_line(compared, lang),
                *denominators,
            )
            if line
        ),
        **extremes,
        selection=(
            (t("briefing_reported", lang), compared.headline),
            # A ranking's period is among its table's filters already.
            *(() if compared.ranked else ((t("col_period", lang), period_text),)),
            *((t("briefing_note", lang), note) for note in compared.notes),
        ),
        lang=lang,
        file_subject=(found.periods.get(period, ""),),
        figures=figures,
        drafts_left_out=_drafts_left_out(con, (metric,), compared.table),
        per_capita=per_capita,
    )


def compare_category(
    con: duckdb.DuckDBPyConnection,
    lang: str,
    place: str = national_list.NATION,
    level: str | None = None,
    category: str = "",
    status: str = "actual",
) -> View:
    """Return the Compare page's category view as a view: each metric's own like-for-like
    figures in a block of their own, each saying its period; its lead ranks no metric against
    another."""
    level = level or compare_page.busiest_level(con, place)
    compared = compare_category_page.category_comparison(
        con, lang, place, level, category, status, top=BRIEFING_EXTREMES
    )
    kept: set[str] = set()
    for column in compared.columns:
        ordered = list(column.figures.sort_values("value", ascending=False)["figure_id"])
        if len(ordered) > 2 * BRIEFING_EXTREMES:
            ordered = ordered[:BRIEFING_EXTREMES] + ordered[-BRIEFING_EXTREMES:]
        kept.update(map(str, ordered))
    trimmed = len(kept) < len(compared.figures)
    note = t("category_briefing_kept", lang).format(
        keep=BRIEFING_EXTREMES, kept=f"{len(kept):,}", left=f"{len(compared.figures) - len(kept):,}"
    )
    metrics = tuple(column.metric for column in compared.columns)
    stored = _stored(con, FigureFilter(metrics=metrics)) if metrics else None
    return View(
        page="compare",
        subject=dict(table_filters(compared.by_metric)).get(t("pick_category", lang), category),
        table=compared.by_metric,
        columns=("metric", "map_unit", "value_text", "unit", "rank", "label", "status"),
        grouped=True,
        chart=compared.chart,
        caveats=tuple(line for line in (*compared.notes, compared.left_out_line) if line),
        selection=(
            (t("briefing_reported", lang), compared.headline),
            *(
                (column.name, f"{column.period_text} · {column.label}")
                for column in compared.columns
            ),
        ),
        lang=lang,
        file_subject=(),
        kept_ids=frozenset(kept) if trimmed else None,
        kept_note=note if trimmed else "",
        # Several metrics: the lead says so and names no highest.
        figures=None
        if stored is None
        else stored[stored["figure_id"].isin(compared.figures["figure_id"])],
        drafts_left_out=_drafts_left_out(con, metrics, compared.by_metric) if metrics else 0,
    )


def _denominators(figures: pd.DataFrame, kept: frozenset[str] | None, lang: str) -> tuple[str, ...]:
    """Cite the denominator of each figure the briefing prints (publication, year, address),
    after the rule; name the units without an official population in one line, never ranked."""
    wholes = parts.without_parts(figures)
    printed = wholes if kept is None else wholes[wholes["figure_id"].isin(kept)]
    cited = honest.denominator_lines(printed[printed["population"].notna()], lang)
    absent = wholes[wholes["per_capita_reason"] == "reason_no_population"]
    names = distinct(list(localised(absent, "region", lang)))
    unnamed = (
        t("per_10k_no_population", lang).format(regions=some_names(names, lang)) if names else ""
    )
    return (t("per_10k_caption", lang), *cited, unnamed)


def _extremes(
    table: ShownTable, lang: str, note: str = "briefing_kept_extremes", measure: str = "value"
) -> dict[str, object]:
    """Of a map's many figures, keep the largest and smallest for its briefing's table (the
    map itself draws all): View's kept_ids and kept_note, or nothing when they are few. Of a
    ranking, only its ranked figures, by the value it ranks (`measure`: value or per_10k):
    a part (其中) or a figure without a denominator has no position, so it is no extreme."""
    shown = table.shown
    figured = shown[shown[t("col_value_text", lang)] != t("no_figure", lang)]
    if t("col_rank", lang) in figured:
        figured = figured[figured[t("col_rank", lang)] != ""]
    if len(figured) <= 2 * BRIEFING_EXTREMES:
        return {}
    ordered = figured.sort_values(t(f"col_{measure}", lang), ascending=False, kind="stable")
    ids = list(ordered[t("col_figure_id", lang)].astype(str))
    kept = frozenset(ids[:BRIEFING_EXTREMES] + ids[-BRIEFING_EXTREMES:])
    note = t(note, lang).format(
        keep=BRIEFING_EXTREMES, kept=f"{len(kept):,}", left=f"{len(figured) - len(kept):,}"
    )
    return {"kept_ids": kept, "kept_note": note}


def compare_programs(con: duckdb.DuckDBPyConnection, lang: str, kind: str) -> View:
    """Return one kind of program across regions as a view, its figures drawn as bars."""
    compared = program_comparison(con, lang, kind)
    types = run_query(con, "program_types")
    subject = str(localised(types[types["program_type"] == kind], "program_type", lang).iloc[0])
    # The page charts only the matrix of all kinds; the briefing draws this kind's figures.
    figures = load_figures(con, FigureFilter(program_types=(kind,))).assign(missing=False)
    shown = compared.figures.shown
    regions = distinct(list(shown[t("col_region", lang)]))
    return View(
        page="compare_programs",
        subject=subject,
        table=compared.figures,
        columns=(
            "region",
            "program",
            "metric",
            "label",
            "value_text",
            "unit",
            "period",
            "scope",
            "status",
        ),
        chart=charts.region_bars(figures, lang) if len(figures) else None,
        caveats=tuple(compared.figures.export.notes[n][1] for n in _caveat_rows(compared.figures)),
        selection=((t("col_region", lang), some_names(regions, lang)), _periods(shown, lang)),
        lang=lang,
        file_subject=(),
        figures=with_periods(figures),
    )


def _caveat_rows(shown: ShownTable) -> list[int]:
    """Return the positions of the caveats among a table's export notes."""
    caveat = t("notes_caveat", shown.export.lang)
    return [n for n, (item, _) in enumerate(shown.export.notes) if item == caveat]


def _with_standing(profile: PlaceProfile, lang: str) -> pd.DataFrame:
    """The profile's figures per metric, each series' latest with its rank among like-for-like
    peers and its change (as the page's standing shows them), and who reported each figure."""
    figure_id, rank, change = (t(key, lang) for key in ("col_figure_id", "col_rank", "col_change"))
    # On paper a cell says a rank or a change, or stays blank (a caveat says why): "no
    # like-for-like figure" and "one period only" on most rows would bury the few that have one.
    standing = profile.standing.shown[[figure_id, rank, change]].replace(
        {rank: {t("profile_no_peers", lang): ""}, change: {t("profile_one_point", lang): ""}}
    )
    shown = profile.figures.shown.merge(standing, on=figure_id, how="left").fillna(
        {rank: "", change: ""}
    )
    shown[t("col_reported_by", lang)] = [
        t("profile_above_report", lang).format(region=region)
        if str(figure) in profile.from_above
        else t("profile_own_report", lang)
        for figure, region in zip(shown[figure_id], shown[t("col_region", lang)], strict=True)
    ]
    # Per metric, in the order the metrics first appear; a part stays under its whole.
    metric = shown[t("col_metric", lang)]
    order = {name: n for n, name in enumerate(dict.fromkeys(metric))}
    return shown.sort_values(
        t("col_metric", lang), key=lambda names: names.map(order), kind="stable"
    ).reset_index(drop=True)


def profile_and_briefing(
    con: duckdb.DuckDBPyConnection, lang: str, region: str
) -> tuple[PlaceProfile, View]:
    """Return the Region profile page's profile and its briefing view, made from one profile:
    the page caches the pair, so a fresh session computes the profile once, not twice."""
    profile = place_profile(con, lang, region)
    return profile, region_profile(con, lang, region, profile)


def region_profile(
    con: duckdb.DuckDBPyConnection, lang: str, region: str, profile: PlaceProfile | None = None
) -> View:
    """Return the Region profile of a region at any level as a view: its parent chain, per
    metric its figures with rank among like-for-like peers and trend, and the figures a report
    about a place above it gives for it (marked), with its figures counted per category.
    `profile`: the region's profile when already made (else made here)."""
    profile = profile or place_profile(con, lang, region)
    counts = pd.DataFrame(
        {
            "category_zh": [name for _, name, _ in profile.by_category],
            "category_en": [name for _, name, _ in profile.by_category],
            "figure_count": [len(rows) for _, _, rows in profile.by_category],
        }
    )
    table = replace(profile.figures, shown=_with_standing(profile, lang))
    place = national_list.places(con).name(region, lang)
    facts = profile.facts
    head = (t("col_parents", lang), t("col_reports", lang))  # the filter names the region
    listed = set(table.shown[t("col_figure_id", lang)].astype(str))
    return View(
        page="region_profile",
        subject=place,
        table=table,
        columns=(
            "metric",
            "label",
            "value_text",
            "unit",
            "period",
            "rank",
            "change",
            "scope",
            "reported_by",
        ),
        chart=charts.category_bars(counts, lang) if len(counts) else None,
        caveats=(
            t("briefing_profile_caveat", lang),
            t("profile_standing_note", lang),
            t("briefing_profile_blank", lang),
        ),
        selection=tuple((label, facts[label]) for label in head if facts.get(label)),
        lang=lang,
        file_subject=(),
        lead_text=profile_lead(table.shown, place, lang),
        drafts_left_out=len(drafts_about(con, region) - listed),
    )


# The map printed at the width its zoom is fitted to, without the room kept for its caption
# (the briefing prints the caption as text under the image).
MAP_PRINT_PX = (choropleth.ASSUMED_WIDTH, choropleth.HEIGHT - 60)


def map_briefing(
    shown: map_page.MapView,
    lang: str,
    metric: str,
    status: str,
    place: str,
    level: str,
    period: str = map_page.ALL_PERIODS,
) -> View:
    """Return the map page's view (map_page.map_view's result) as a briefing view; cheap.

    The page passes the map it already made; the figure is read, never changed.
    """
    chosen = dict(table_filters(shown.table))
    subject = t("briefing_map_subject", lang).format(
        metric=chosen.get(t("map_metric", lang), metric),
        place=chosen.get(t("map_place", lang), place),
        level=t(f"map_unit_{level}", lang),
        status=t(f"status_{status}", lang),
    )
    return View(
        page="map",
        subject=subject,
        table=shown.table,
        columns=(
            "map_unit",
            "map_region",
            "label",
            "value_text",
            "unit",
            "period",
            "scope",
            "status",
        ),
        chart=shown.figure,
        # The page's notes: figures of a finer unit drawn over one, figures not drawn at
        # this level, plan figures on their own map.
        caveats=tuple(shown.notes),
        # A top and bottom list is a ranking: only of one period's like-for-like figures.
        **(_extremes(shown.table, lang) if period != map_page.ALL_PERIODS else {}),
        selection=((t("briefing_map_reported", lang), shown.summary),),
        lang=lang,
        file_subject=(chosen.get(t("map_period", lang), ""),),
        chart_caption=shown.caption,
        chart_px=MAP_PRINT_PX,
    )


def map_view(
    con: duckdb.DuckDBPyConnection,
    lang: str,
    metric: str,
    status: str = "actual",
    place: str = map_places.COUNTRY,
    level: str | None = None,
    period: str | None = None,
) -> View:
    """Return the map of one metric over the units under a place as a view (the command line);
    without a period, the page's: the latest with like-for-like figures."""
    level = level or map_page.level_options(lang, place)[1]
    period = period or map_page.period_options(con, lang, metric, status)[1]
    shown = map_page.map_view(con, lang, metric, status, place, level, period)
    return replace(
        map_briefing(shown, lang, metric, status, place, level, period),
        figures=_stored(con, FigureFilter(metrics=(metric,))),
        drafts_left_out=_drafts_left_out(con, (metric,), shown.table),
    )


VIEWS: dict[str, Callable[..., View]] = {
    "compare-regions": compare,
    "compare-programs": compare_programs,
    "region-profile": region_profile,
    "map": map_view,
}
