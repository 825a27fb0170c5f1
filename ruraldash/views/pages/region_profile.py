"""The page "Region profile": a region at any level — its parents, the figures about it (its
own reports' and those a report about a place above it gives for it), its rank among peers and
its trends; and the drafts about it that a reader's profile leaves out (for its briefing).

Like every module here: the connection first and only hashable values after it, so the app
makes each result once per process and state of the data (ui.cached) and every session draws
the same objects; nothing here may keep or change state.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from ruraldash.compare import parts
from ruraldash.compare import profile as place_rules
from ruraldash.compare.figures import FigureFilter, load_figures, localised, name_of
from ruraldash.language.formatting import (
    format_report_date,
    format_value,
    is_missing,
)
from ruraldash.language.i18n import t
from ruraldash.language.punctuation import punctuation
from ruraldash.store.db import run_query
from ruraldash.views import methods, national_list, report_context, tables
from ruraldash.views.export.provenance import (
    ShownTable,
    figure_sources,
    file_stem,
    report_sources,
    shown_table,
)


@dataclass(frozen=True)
class PlaceProfile:
    """A region at any level: facts, figures about it by category, standing, its reports."""

    facts: dict[str, str]
    heading: str  # how many figures are about it
    headline: str  # how many of them from its own reports and from reports above it
    by_category: list[tuple[str, str, pd.DataFrame]]
    figures: ShownTable
    standing: ShownTable  # per series: latest figure, rank among peers, change
    programs: ShownTable
    reports: tuple[str, ...]  # the reports about the region itself
    quotes: dict[str, str]  # {figure id: "「quote」 label · region"} of the figures shown
    from_above: frozenset[str]  # the ids of the figures a report about a place above gives


def report_places(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Return {report id: code of the region it is about}, for links that name a report."""
    sources = run_query(con, "sources")
    tree = run_query(con, "region_tree")
    codes = dict(zip(tree["region_id"], tree["admin_code"], strict=True))
    return {
        source: str(codes[region])
        for source, region in zip(sources["source_id"], sources["region_id"], strict=True)
        if not is_missing(codes.get(region))
    }


def default_place(con: duckdb.DuckDBPyConnection) -> str:
    """Return the code of the first report's region (the profile a bare link opens)."""
    return next(iter(report_places(con).values()), national_list.NATION)


def _peer_codes(places: national_list.Places, code: str) -> list[str]:
    """The units at `code`'s level under its parent (itself included)."""
    level, parent = places.level.get(code), places.parent.get(code, "")
    return [unit for unit in places.children.get(parent, ()) if places.level.get(unit) == level]


def _step_text(step: dict | None, unit: str, lang: str) -> str:
    """Say the change from the figure before (+7000万（+28.0%），2020年→2021年), or why none."""
    if step is None:
        return t("profile_one_point", lang)
    if isinstance(step["reason"], str):
        return t(step["reason"], lang)
    change = step["change"]
    percent = (
        ""
        if is_missing(step["change_percent"])
        else t("profile_change_percent", lang).format(percent=f"{step['change_percent']:+.1f}")
    )
    return t("profile_change", lang).format(
        sign="+" if change >= 0 else "−",
        size=format_value(abs(change), unit, "exact", "actual", lang),
        percent=percent,
        since=step["from_period"] or "",
        until=step["to_period"] or "",
    )


def _standing_table(shown: pd.DataFrame, figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The standing rows as a reader sees them: metric, label, latest value, rank, change, and
    then the period (rank and change first: a long period must not push them off the screen)."""
    latest = figures.set_index("figure_id").loc[list(shown["figure_id"])].reset_index()
    written = tables.figure_table(latest, lang, ("value_text", "period"))
    return pd.DataFrame(
        {
            t("col_metric", lang): localised(latest, "metric", lang),
            t("col_label", lang): latest["label"],
            t("col_value_text", lang): written[t("col_value_text", lang)],
            t("col_rank", lang): [
                t("profile_no_peers", lang) if found is None else found.text(lang)
                for found in shown["rank"]
            ],
            t("col_change", lang): [
                _step_text(step, unit, lang)
                for step, unit in zip(shown["step"], latest["unit"], strict=True)
            ],
            t("col_period", lang): written[t("col_period", lang)],
            t("col_figure_id", lang): latest["figure_id"],
        }
    )


def _declared(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Return {admin code: region id} of the regions the curated data declares."""
    tree = run_query(con, "region_tree")
    return dict(zip(tree["admin_code"], tree["region_id"], strict=True))


def _above_ids(places: national_list.Places, declared: dict[str, str], code: str) -> tuple:
    """The region ids of the declared places above `code` (its parent, theirs …)."""
    return tuple(declared[unit] for unit in places.chain(code)[:-1] if unit in declared)


def drafts_about(con: duckdb.DuckDBPyConnection, code: str) -> frozenset[str]:
    """Return the ids of the unreviewed drafts about a region: its own reports' and those a
    report about a place above it gives for it (what a reader's profile leaves out)."""
    places, declared = national_list.places(con), _declared(con)
    region = declared.get(code, "")
    above = _above_ids(places, declared, code)
    drafts = run_query(con, "unreviewed_figures_of_regions", regions=[region, *above])
    scoped = place_rules.scoped_to(drafts, (region, places.names_zh.get(code, "")))
    about = (drafts["region_id"] == region) & (region != "") | scoped
    return frozenset(drafts.loc[about, "figure_id"].astype(str))


def place_profile(con: duckdb.DuckDBPyConnection, lang: str, code: str) -> PlaceProfile:
    """Return a region at any level: its parents, the figures about it, its standing."""
    places = national_list.places(con)
    declared = _declared(con)
    chain = places.chain(code)
    region = declared.get(code)
    level = places.level.get(code, "")
    name_zh = places.names_zh.get(code, "")
    own = load_figures(con, FigureFilter(regions=(region,))) if region else None
    above_ids = _above_ids(places, declared, code)
    above = load_figures(con, FigureFilter(regions=above_ids)) if above_ids else None
    if above is not None:
        above = above[place_rules.scoped_to(above, (region or "", name_zh))]
    frames = [frame for frame in (own, above) if frame is not None]
    figures = (
        parts.nested(pd.concat(frames, ignore_index=True))
        if frames
        else load_figures(con, FigureFilter(regions=("",)))
    )
    own_count = 0 if own is None else len(own)
    peer_codes = _peer_codes(places, code)
    peer_ids = tuple(declared[unit] for unit in peer_codes if unit in declared)
    metrics = tuple(dict.fromkeys(own["metric_id"])) if own is not None else ()
    peers = (
        load_figures(con, FigureFilter(regions=peer_ids, metrics=metrics))
        if own is not None and len(own) and peer_ids
        else figures.iloc[0:0]
    )
    standing = place_rules.standing(
        own if own is not None else figures.iloc[0:0], peers, region or "", len(peer_codes), level
    )
    sources = run_query(con, "sources")
    reports = tuple(sources.loc[sources["region_id"] == region, "source_id"]) if region else ()
    shown = tables.figure_table(figures, lang, tables.PLACE_PROFILE_COLUMNS)
    place_name = places.name(code, lang)
    filters = [(t("col_region", lang), place_name)]
    programs = run_query(con, "programs")
    listed = methods.programs_table(programs[programs["source_id"].isin(reports)], lang)
    return PlaceProfile(
        _place_facts(places, code, chain, sources, reports, lang),
        t("profile_place_heading", lang).format(count=len(figures)),
        t("profile_place_figures", lang).format(own=own_count, above=len(figures) - own_count),
        methods.by_category(figures, shown, run_query(con, "categories"), lang),
        shown_table(
            t("profile_figures_title", lang),
            shown,
            figure_sources(figures, lang),
            filters,
            [],
            lang,
            file_stem("region_profile", code, filtered=True),
        ),
        shown_table(
            t("profile_standing_title", lang),
            _standing_table(standing, figures, lang),
            figure_sources(figures, lang),
            filters,
            [t("profile_standing_note", lang)],
            lang,
            file_stem("region_profile_standing", code, filtered=True),
        ),
        shown_table(
            t("profile_programs_title", lang),
            listed,
            report_sources(sources[sources["source_id"].isin(reports)], lang),
            filters,
            [],
            lang,
            file_stem("region_profile_programs", code, filtered=True),
        ),
        reports,
        report_context.figure_choices(figures, lang),
        frozenset() if above is None else frozenset(above["figure_id"].astype(str)),
    )


def _place_facts(
    places: national_list.Places,
    code: str,
    chain: list[str],
    sources: pd.DataFrame,
    reports: tuple[str, ...],
    lang: str,
) -> dict[str, str]:
    """The region's name and level, its parents up to the province, and its reports (each
    by its title, publisher and date)."""
    level = places.level.get(code, "")
    titles = sources[sources["source_id"].isin(reports)]
    named = [
        punctuation(lang).aside(
            name_of(row, "title", lang),
            punctuation(lang).join(
                [
                    text
                    for text in (
                        name_of(row, "publisher", lang),
                        format_report_date(row["date"], row["date_basis"], lang),
                    )
                    if not is_missing(text) and text
                ]
            ),
        )
        for _, row in titles.iterrows()
    ]
    return {
        t("col_region", lang): f"{places.name(code, lang)} · {t('level_' + level, lang)}"
        if level
        else places.name(code, lang),
        t("col_parents", lang): " · ".join(places.name(unit, lang) for unit in reversed(chain)),
        t("col_admin_code", lang): code,
        t("col_reports", lang): punctuation(lang).join(named)
        if named
        else t("profile_no_reports", lang),
    }
