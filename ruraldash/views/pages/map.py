"""What the map page shows for one selection: its choices, the figure, the table and the clicks.

Like every module in views/pages/: the connection first and only hashable values after it, so
the app makes each result once per process and state of the data (ui.cached).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd
import plotly.graph_objects as go

from ruraldash.compare import coverage, like_for_like, pickers
from ruraldash.compare.figures import FigureFilter, load_figures, localised
from ruraldash.language.formatting import format_count
from ruraldash.language.i18n import t, t_choice, t_count
from ruraldash.language.punctuation import punctuation
from ruraldash.store import boundaries
from ruraldash.store.db import run_query
from ruraldash.views.export.provenance import ShownTable, figure_sources, file_stem, shown_table
from ruraldash.views.maps import choropleth
from ruraldash.views.maps import places as map_places

STATUSES = ("actual", "plan")
ALL_PERIODS = "all"
NAMED_REGIONS = 10
PROFILE_PAGE = "pages/region_profile.py"


@dataclass(frozen=True)
class MapChoices:
    """The metrics with figures, the statuses and the places one can look under."""

    metrics: dict[str, str]
    default_metric: str
    statuses: dict[str, str]
    places: dict[str, str]


@dataclass(frozen=True)
class MapView:
    """One map: the figure, what it reports, its notes, its table and where a click leads."""

    figure: go.Figure
    summary: str
    notes: list[str]
    caption: str
    table: ShownTable
    # Per admin code, where a click leads: (page script, its selection) for a region's
    # report; (None, {"place": …, "level": …}) to draw the units one level down.
    targets: dict[str, tuple[str | None, dict[str, str]]]


def map_choices(con: duckdb.DuckDBPyConnection, lang: str) -> MapChoices:
    """Return every metric with figures (category · metric), the statuses and the places."""
    catalogue = coverage.used_metrics(run_query(con, "metric_catalogue"))
    named = [
        f"{category} · {metric}"
        for category, metric in zip(
            localised(catalogue, "category", lang),
            localised(catalogue, "metric", lang),
            strict=True,
        )
    ]
    return MapChoices(
        dict(zip(catalogue["metric_id"], named, strict=True)),
        pickers.widest_metric(catalogue)["metric_id"],
        {status: t(f"status_{status}", lang) for status in STATUSES},
        map_places.place_choices(boundaries.boundary_units(), lang),
    )


def level_options(lang: str, place: str) -> tuple[dict[str, str], str]:
    """Return the levels one can draw under a place and the one to start from."""
    units = boundaries.boundary_units()
    return map_places.level_choices(units, place, lang), map_places.default_level(units, place)


def period_options(
    con: duckdb.DuckDBPyConnection, lang: str, metric: str, status: str
) -> tuple[dict[str, str], str]:
    """Return the periods a map can colour (those with like-for-like figures of two regions or
    more, latest first) after "every period", and the one to open on: the latest of them."""
    figures = load_figures(con, FigureFilter(metrics=(metric,), statuses=(status,)))
    found = like_for_like.periods(_as_units(figures), status)
    options = {ALL_PERIODS: t("map_all_periods", lang)} | found.periods
    return options, found.default or ALL_PERIODS


def _as_units(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures with the region as the unit a like-for-like selection counts once."""
    return figures.assign(admin_code=figures["region_id"])


def _in_period(
    figures: pd.DataFrame, period: str, status: str, lang: str
) -> tuple[pd.DataFrame, str]:
    """Return the figures a map of `period` colours (like for like: one period, status and
    label, one per region) and the line counting the others; all of them for every period."""
    if period == ALL_PERIODS:
        return figures, ""
    selection = like_for_like.select(_as_units(figures), period, None, status)
    line = like_for_like.left_out_line(selection, lang)
    return selection.ranked.drop(columns=["admin_code"]), line


def _names(regions: pd.DataFrame, region_ids: list[str], lang: str) -> str:
    """Name a few regions, or count many (a note must stay a line)."""
    if len(region_ids) > NAMED_REGIONS:
        count = len(region_ids)
        return t_count("map_regions_count", count, lang).format(count=format_count(count))
    chosen = regions[regions["region_id"].isin(region_ids)]
    return punctuation(lang).enumerate(list(localised(chosen, "region", lang)))


def _click_targets(
    drawn: pd.DataFrame,
    regions: pd.DataFrame,
    sources: pd.DataFrame,
    units: pd.DataFrame,
    place: str,
) -> dict[str, tuple[str | None, dict[str, str]]]:
    """Return where a click on each drawn unit leads: its region's profile (a unit with a
    report), or one level down."""
    with_report = set(sources["region_id"])
    reported = {
        (region_level, code)
        for region, region_level, code in zip(
            regions["region_id"], regions["region_level"], regions["admin_code"], strict=True
        )
        if region in with_report
    }
    targets: dict[str, tuple[str | None, dict[str, str]]] = {}
    for code, unit_level in zip(drawn["code"], drawn["level"], strict=True):
        if (unit_level, code) in reported:
            targets[code] = (PROFILE_PAGE, {"region": code})
        elif map_places.next_level(unit_level) and code != place:
            targets[code] = (None, {"place": code, "level": map_places.default_level(units, code)})
    return targets


def map_view(
    con: duckdb.DuckDBPyConnection,
    lang: str,
    metric: str,
    status: str,
    place: str,
    level: str,
    period: str = ALL_PERIODS,
) -> MapView:
    """Return the map of one metric, status and period over the units of `level` in a place."""
    units = boundaries.boundary_units()
    regions, sources = run_query(con, "regions"), run_query(con, "sources")
    figures = load_figures(con, FigureFilter(metrics=(metric,)))
    chosen, left_out = _in_period(figures[figures["status"] == status], period, status, lang)
    drawn, rows, not_drawn = choropleth.map_rows(units, chosen, regions, place, level)
    # Every period at once: one colour scale over figures of different periods (or labels)
    # would rank them; the units with a figure are drawn "see the table" instead.
    mixed = period == ALL_PERIODS and not like_for_like.one_period(chosen)
    if mixed:
        drawn = choropleth.without_scale(drawn)
    catalogue = run_query(con, "metric_catalogue")
    about = catalogue[catalogue["metric_id"] == metric].iloc[0]
    unit_name, metric_name = localised(about, "unit", lang), localised(about, "metric", lang)
    version = boundaries.source_version()
    scale = "national" if place == map_places.COUNTRY else "regional"
    caption = t("map_caption", lang).format(version=version)
    figure = choropleth.map_figure(
        drawn,
        choropleth.hover_texts(drawn, rows, lang),
        {lv: boundaries.level_shapes(lv, scale).features for lv in set(drawn["level"])},
        {lv: boundaries.level_shapes(lv, scale).bounds for lv in set(drawn["level"])},
        boundaries.national_lines() if place == map_places.COUNTRY else None,
        status,
        about["unit"],
        f"{punctuation(lang).aside(metric_name, unit_name)}<br>{t_choice('status', status, lang)}",
        caption.replace("。示意图", "。<br>示意图").replace(" A schematic", "<br>A schematic"),
        lang,
    )
    notes = [t("map_periods_mixed", lang)] if mixed and (drawn["state"] != "none").any() else []
    if left_out:
        notes.append(left_out)
    finer = list(
        dict.fromkeys(rows.loc[(rows["drawn"] == "finer") & ~rows["missing"], "region_id"])
    )
    if finer:
        notes.append(t("map_finer", lang).format(regions=_names(regions, finer, lang)))
    if not_drawn:
        notes.append(t("map_not_drawn", lang).format(regions=_names(regions, not_drawn, lang)))
    other = [s for s in STATUSES if s != status and (figures["status"] == s).any()]
    if other:
        notes.append(t("map_other_status", lang).format(status=t(f"status_{other[0]}", lang)))
    base = drawn[drawn["drawn"] == "base"]
    summary = t("map_reported", lang).format(
        filled=int((base["state"] != "none").sum()),
        shown=len(base),
        status=t(f"status_{status}", lang),
    )
    targets = _click_targets(drawn, regions, sources, units, place)
    places = map_places.place_choices(units, lang)
    filters = [
        (t("map_metric", lang), metric_name),
        (t("map_status", lang), t(f"status_{status}", lang)),
        (t("map_place", lang), places.get(place, place)),
        (t("map_level", lang), t(f"map_level_{level}", lang)),
        (t("map_period", lang), period_options(con, lang, metric, status)[0].get(period, period)),
    ]
    return MapView(
        figure,
        summary,
        notes,
        caption,
        shown_table(
            t("map_table_title", lang),
            choropleth.map_table(rows, lang),
            figure_sources(rows, lang),
            filters,
            [summary, *notes, caption],
            lang,
            file_stem("map", metric, status, place, level, period, filtered=True),
        ),
        targets,
    )
