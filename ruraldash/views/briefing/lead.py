"""A briefing's lead: one factual sentence made from its table, and nothing the table does not show.

"5 个地区中 3 个有数据；最高为甲市近8亿元（2021年）。" names a highest only when the figures
are like for like — one metric, label, status, unit and period (compare/rank.py's PEER_KEY), one
level and one scope; otherwise it says what differs and ranks nothing. No adjectives. A part of
a whole (其中) is no figure of its own here. Per 10,000 residents, it says so and names the
highest among the figures with an official denominator only.
"""

from __future__ import annotations

import pandas as pd

from ruraldash.compare.parts import without_parts
from ruraldash.compare.rank import PEER_KEY
from ruraldash.compare.series import UNSTATED
from ruraldash.language.formatting import format_per_10k, is_missing
from ruraldash.language.i18n import t, t_count
from ruraldash.language.punctuation import punctuation

# Beyond PEER_KEY: a city's figure is no peer of a county's, a village's of its county's.
LIKE_FOR_LIKE = (*PEER_KEY, "region_level", "scope")
# Which aspect each column stands for when it differs, in the order a sentence names them.
ASPECTS = {
    "metric_id": "metric",
    "label": "label",
    "status": "status",
    "unit": "unit",
    "period_kind": "period",
    "period_from": "period",
    "period_to": "period",
    "region_level": "level",
    "scope": "scope",
}
# A comparison's table names its unit (map_unit) besides the region whose report it is.
NAME_KEYS = ("map_unit", "region")


def differences(figures: pd.DataFrame) -> list[str]:
    """Return the aspects in which the figures differ (period, status, level …), in order.

    A figure whose period is not stated is comparable with none: its period counts as differing.
    """
    found: list[str] = []
    for column, aspect in ASPECTS.items():
        if column in figures and figures[column].nunique(dropna=False) > 1:
            found.append(aspect)
    if "period_kind" in figures and (figures["period_kind"] == UNSTATED).any():
        found.append("period")
    return list(dict.fromkeys(found))


def _cell(table: pd.DataFrame, key: str, lang: str) -> pd.Series:
    header = t(f"col_{key}", lang)
    if header not in table:
        return pd.Series([""] * len(table), index=table.index, dtype=object)
    return table[header].fillna("").astype(str)


def written(value: str, unit: str, lang: str) -> str:
    """Write a value with its unit as the report did: 近8亿元, 2亿元（计划）; a value that
    already ends in its unit (27.5%) keeps it once."""
    plan = t("plan_mark", lang)
    planned = value.endswith(plan)
    number = value[: -len(plan)] if planned else value
    if unit and not number.endswith(unit):
        number = t("value_with_unit", lang).format(value=number, unit=unit)
    return number + (plan if planned else "")


def _written(table: pd.DataFrame, lang: str) -> pd.Series:
    """Each row's value with its unit as the report wrote it: 近8亿元, 2亿元（计划）."""
    joined = [
        written(value, unit, lang)
        for value, unit in zip(
            _cell(table, "value_text", lang), _cell(table, "unit", lang), strict=True
        )
    ]
    return pd.Series(joined, index=table.index, dtype=object)


def lead(
    table: pd.DataFrame, figures: pd.DataFrame | None, lang: str, per_capita: bool = False
) -> str:
    """Return the lead of a briefing's table (the page's table as shown, localised headers).

    `figures` are its figures as stored (figure_id, value and the LIKE_FOR_LIKE columns): the
    lead names a highest only from them, and only when they are like for like; None names none.
    `per_capita`: the highest per 10,000 residents (their column per_10k), of those that have
    an official denominator.
    """
    marks = punctuation(lang)
    value = _cell(table, "value_text", lang)
    figured = ~value.isin({"", t("no_figure", lang), t("not_mentioned", lang)})
    named = next((key for key in NAME_KEYS if t(f"col_{key}", lang) in table), None)
    if named is None:
        return t_count("lead_figures", int(figured.sum()), lang).format(count=int(figured.sum()))
    names = _cell(table, named, lang)
    # Units are counted by their code where the table has one: two may share a name.
    units = _cell(table, "admin_code", lang) if t("col_admin_code", lang) in table else names
    total, count = units.nunique(), units[figured].nunique()
    if count == 0:
        return t("lead_none", lang).format(total=total)
    said = t("lead_reported", lang).format(total=total, count=count)
    ids = _cell(table, "figure_id", lang)
    mine = (
        without_parts(figures[figures["figure_id"].astype(str).isin(set(ids[figured]))])
        if figures is not None
        else ids.iloc[0:0]
    )
    measure = "value"
    if per_capita and not mine.empty:
        mine = mine[mine["per_10k"].notna()]
        if mine.empty:
            return said + t("lead_per_10k_none", lang)
        measure = "per_10k"
    if mine.empty:  # nothing stored to tell whether they are like for like: no ranking
        return said + t("lead_end", lang)
    if len(mine) > 1:
        differ = differences(mine)
        if differ:
            aspects = marks.enumerate([t(f"lead_aspect_{aspect}", lang) for aspect in differ])
            return said + t("lead_not_comparable", lang).format(aspects=aspects)
        if count == 1 and not per_capita:  # one region's several figures: none ranked
            return said + t("lead_end", lang)
    top = mine[mine[measure] == mine[measure].max()]
    rows = table[ids.isin(set(top["figure_id"].astype(str)))]
    values = _written(rows, lang) if not per_capita else _per_10k_written(rows, top, lang)
    periods = _cell(rows, "period", lang)
    highest = marks.enumerate(
        [
            t("lead_figure", lang).format(name=name, value=text, period=period)
            for name, text, period in zip(names[rows.index], values, periods, strict=True)
        ]
    )
    if per_capita:
        key = "lead_per_10k_only" if len(mine) == 1 else "lead_per_10k_highest"
        return said + t(key, lang).format(count=len(mine), figures=highest)
    key = "lead_only" if count == 1 else "lead_highest"
    return said + t(key, lang).format(figures=highest)


# A profile's lead names at most this many ranked figures; the table lists every one.
PROFILE_RANKS_NAMED = 3


def profile_lead(table: pd.DataFrame, place: str, lang: str) -> str:
    """Return the lead of a region profile's briefing (its table as shown, localised headers):
    how many figures it lists, how many of them a report above gives, and the ranked ones with
    their rank among like-for-like peers (the table's own words; a rank is never made here)."""
    value = _cell(table, "value_text", lang)
    figured = table[~value.isin({"", t("no_figure", lang)})]
    if figured.empty:
        return t("lead_profile_none", lang).format(place=place)
    said = t_count("lead_profile", len(figured), lang).format(place=place, count=len(figured))
    above = int((_cell(figured, "reported_by", lang) != t("profile_own_report", lang)).sum())
    if above:
        said += t("lead_profile_above", lang).format(count=above)
    ranks = _cell(figured, "rank", lang)
    ranked = figured[~ranks.isin({"", t("profile_no_peers", lang)})]
    if not ranked.empty:
        named = ranked.head(PROFILE_RANKS_NAMED)
        figures = punctuation(lang).enumerate(
            [
                t("lead_profile_rank", lang).format(
                    label=label, value=value, period=period, rank=rank
                )
                for label, value, period, rank in zip(
                    _cell(named, "label", lang),
                    _written(named, lang),
                    _cell(named, "period", lang),
                    _cell(named, "rank", lang),
                    strict=True,
                )
            ]
        )
        more = t("lead_profile_more", lang) if len(ranked) > len(named) else ""
        said += t("lead_profile_ranked", lang).format(count=len(ranked), figures=figures + more)
    return said + t("lead_end", lang)


def _per_10k_written(rows: pd.DataFrame, top: pd.DataFrame, lang: str) -> list[str]:
    """Each row's value per 10,000 residents with its unit, as its table writes it: 222万元."""
    per_10k = dict(zip(top["figure_id"].astype(str), top["per_10k"], strict=True))
    return [
        t("value_with_unit", lang).format(value=format_per_10k(per_10k[figure], lang), unit=unit)
        if unit and not is_missing(unit)
        else format_per_10k(per_10k[figure], lang)
        for figure, unit in zip(
            _cell(rows, "figure_id", lang), _cell(rows, "unit", lang), strict=True
        )
    ]


def drafts_note(left_out: int, lang: str) -> str:
    """Say how many unreviewed drafts the briefing leaves out, or nothing when none."""
    return t_count("lead_drafts", left_out, lang).format(count=left_out) if left_out else ""
