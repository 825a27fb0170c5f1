"""The tables of the Compare page: the ranking, the figures left out of it, the missing units,
and a handful of figures side by side; each as shown and exported, with sources and notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from ruraldash.compare import like_for_like, parts
from ruraldash.language.formatting import format_number, is_missing
from ruraldash.language.i18n import t
from ruraldash.store.hierarchy import LEVEL_RANK
from ruraldash.views.export.provenance import ShownTable, figure_sources, file_stem, shown_table
from ruraldash.views.national_list import unit_names
from ruraldash.views.tables import PER_CAPITA_COLUMNS, figure_table

# After the unit's name: what a reader compares, then where it comes from (a briefing's clause).
# Value, period, scope and source first: at 1366 pixels a reader sees them beside the unit and
# its position without scrolling sideways (views/screen.py holds their widths).
# Per 10,000 residents: a unit whose figure has no official denominator has a figure, and
# no position (its basis); it is no unit "without a figure".
NO_DENOMINATOR = "no_denominator"
FIGURE_COLUMNS = (
    "value_text",
    "period",
    "scope",
    "source",
    "label",
    "status",
    "region",
    "source_date",
    "quote",
    "value",
    "qualifier",
    "unit",
    "figure_id",
)


@dataclass(frozen=True)
class Context:
    """What every table of one comparison shares: language, selection and the metric's unit."""

    lang: str
    place: str
    level: str
    metric: str
    metric_name: str
    unit: str
    summable: bool
    place_name: str  # the place as a reader knows it: 渭源县 · 定西市 · 甘肃省, never its code

    def filters(
        self, status: str | None, period: str | None, label: str | None
    ) -> list[tuple[str, str]]:
        """Return the selection as (name, value) for an export's notes."""
        lang = self.lang
        chosen = [
            (t("col_place", lang), self.place_name),
            (t("col_level", lang), t(f"levels_{self.level}", lang)),
            (t("col_metric", lang), self.metric_name),
        ]
        if status:
            chosen.append((t("pick_status", lang), t(f"status_{status}", lang)))
        if period:
            chosen.append((t("col_period", lang), period))
        if label:
            chosen.append((t("col_label", lang), label))
        return chosen

    def title(self) -> str:
        """Return the title of the comparison's table: the page's (its file name adds the
        metric from the filters)."""
        return t("page_compare", self.lang)

    def stem(self, part: str) -> str:
        """Return the file name of one of the comparison's tables."""
        return file_stem(part, self.place or "nation", self.level, self.metric, filtered=True)


def _figures(
    rows: pd.DataFrame, lang: str, columns: tuple[str, ...] = FIGURE_COLUMNS
) -> pd.DataFrame:
    """The unit's name, then the figure's columns (FIGURE_COLUMNS)."""
    named = pd.DataFrame({t("col_map_unit", lang): unit_names(rows, lang).fillna("")})
    return pd.concat([named.reset_index(drop=True), figure_table(rows, lang, columns)], axis=1)


def ranked_table(
    rows: pd.DataFrame,
    selection: like_for_like.Selection,
    rank_texts: dict[str, str],
    context: Context,
    filters: Sequence[tuple[str, str]],
    notes: Sequence[str],
) -> ShownTable:
    """Return every unit at the level: its like-for-like figure and position (largest first),
    then the units without one ("no figure", never 0); above the county, its counties' sum.
    A part of a ranked figure (其中) stands right under it, marked, without a position."""
    lang = context.lang
    ranked = selection.ranked
    per_capita = "per_10k" in ranked
    figures = ranked.drop(columns=["name_zh", "name_en"], errors="ignore")
    # The units in their ranking's order (its value: per 10,000 residents when asked), each
    # with its figure as written.
    merged = (
        rows[
            ["admin_code", "name_zh", "name_en", "basis", "value", "county_sum", "counties"]
            + ["counties_reported"]
        ]
        .rename(columns={"value": "_order"})
        .merge(figures, on="admin_code", how="left", suffixes=("", "_figure"))
    )
    merged["missing"] = merged["figure_id"].isna()
    merged = merged.assign(_ranked=merged["basis"] == "reported").sort_values(
        ["_ranked", "missing", "_order"], ascending=[False, True, False], kind="stable"
    )
    if per_capita:
        merged["per_capita_reason"] = merged["per_capita_reason"].where(
            ~merged["missing"], "reason_no_figure"
        )
    merged = _with_parts(merged, selection.left_out)
    columns = FIGURE_COLUMNS + (PER_CAPITA_COLUMNS if per_capita else ())
    table = _figures(merged, lang, columns)
    positions = [
        "" if part else rank_texts.get(code, "")
        for part, code in zip(parts.is_part(merged), merged["admin_code"], strict=True)
    ]
    table.insert(2, t("col_rank", lang), positions)
    after_source = list(table.columns).index(t("col_source", lang)) + 1
    table.insert(after_source, t("col_admin_code", lang), list(merged["admin_code"]))
    if LEVEL_RANK[context.level] < LEVEL_RANK["county"]:
        table.insert(after_source + 1, t("col_county_sum", lang), _county_sums(merged, context))
    return shown_table(
        context.title(),
        table,
        figure_sources(ranked, lang),
        filters,
        [note for note in notes if note],
        lang,
        context.stem("compare"),
    )


def _with_parts(merged: pd.DataFrame, left_out: pd.DataFrame) -> pd.DataFrame:
    """Return the ranked rows with the parts of their figures, each right under its whole."""
    found = left_out[left_out["reason"] == "part"] if "reason" in left_out else left_out.iloc[0:0]
    found = found[found["part_of"].isin(merged["figure_id"])]
    if found.empty:
        return merged
    extra = found.drop(columns=["reason"]).assign(basis="part", missing=False)
    if "per_capita_reason" in merged:
        # A part is not divided by a population: only its whole is.
        extra = extra.assign(per_capita_reason="reason_not_total")
    return parts.nested(pd.concat([merged, extra], ignore_index=True))


def _county_sums(rows: pd.DataFrame, context: Context) -> list[str]:
    """Above the county: each unit's sum of its counties' figures, complete or partial."""
    return [
        ""
        if is_missing(total)
        else t(f"county_sum_{'complete' if done == of else 'partial'}", context.lang).format(
            total=format_number(total, context.lang, context.unit), reported=done, all=of
        )
        for total, done, of in zip(
            rows["county_sum"], rows["counties_reported"], rows["counties"], strict=True
        )
    ]


def left_out_table(
    left_out: pd.DataFrame,
    context: Context,
    filters: Sequence[tuple[str, str]],
    notes: Sequence[str],
    columns: tuple[str, ...] = FIGURE_COLUMNS,
) -> ShownTable:
    """Return the figures a ranking leaves out, each with why (like_for_like.REASONS); a
    category's with the metric of each (`columns`)."""
    lang = context.lang
    order = {reason: n for n, reason in enumerate(like_for_like.REASONS)}
    rows = left_out.assign(_order=left_out["reason"].map(order)).sort_values(
        ["_order", "admin_code"], kind="stable"
    )
    rows = parts.nested(rows)
    table = _figures(rows, lang, columns)
    table.insert(
        1, t("col_reason", lang), [t(f"lfl_reason_{reason}", lang) for reason in rows["reason"]]
    )
    return shown_table(
        t("lfl_left_out_title", lang).format(count=f"{len(rows):,}"),
        table,
        figure_sources(rows, lang),
        filters,
        [note for note in notes if note],
        lang,
        context.stem("compare_not_ranked"),
    )


def side_by_side_table(
    figures: pd.DataFrame,
    context: Context,
    filters: Sequence[tuple[str, str]],
    notes: Sequence[str],
) -> ShownTable:
    """Return figures that no ranking holds, in the order given (region order), unranked; a
    part of a whole (其中) right under its whole, marked."""
    lang = context.lang
    figures = parts.nested(figures)
    table = _figures(figures, lang)
    table.insert(
        1,
        t("col_level", lang),
        [t(f"level_{level}", lang) for level in figures["unit_level"]],
    )
    return shown_table(
        context.title(),
        table,
        figure_sources(figures, lang),
        filters,
        list(notes),
        lang,
        context.stem("compare_side_by_side"),
    )


def missing_table(
    rows: pd.DataFrame,
    context: Context,
    filters: Sequence[tuple[str, str]],
    notes: Sequence[str],
) -> ShownTable:
    """Return the units at the level without a like-for-like figure of their own."""
    lang = context.lang
    absent = rows[~rows["basis"].isin(["reported", NO_DENOMINATOR])]
    table = pd.DataFrame(
        {
            t("col_admin_unit", lang): list(absent["name"]),
            t("col_admin_code", lang): list(absent["admin_code"]),
            t("col_units_status", lang): [t(f"basis_{basis}", lang) for basis in absent["basis"]],
        }
    )
    return shown_table(
        t("units_missing_title", lang),
        table,
        pd.DataFrame(
            columns=[
                t(f"col_{name}", lang)
                for name in ("figure_id", "region", "source", "source_date", "quote", "source_file")
            ]
        ),
        filters,
        list(notes),
        lang,
        context.stem("compare_missing"),
    )
