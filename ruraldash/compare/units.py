"""The units under a place at one level, on one metric: who reported, sums up the tree, ranks.

Pure functions of DataFrames: `units` as the query units_below returns them (admin_code,
name_zh, name_en, level, parent_code, region_id) and `figures` as unit_figures returns them.
One comparison fixes the metric, the label, the status and the period (kind and bounds), so
every value in it is like for like; a unit without such a figure is missing, never 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ruraldash.compare.parts import without_parts
from ruraldash.compare.series import IN_PERIOD, UNSTATED, with_periods
from ruraldash.store.hierarchy import LEVEL_RANK

SUM_COMPLETE, SUM_PARTIAL = "sum_complete", "sum_partial"


def period_key(kind: str, start: object, end: object) -> str:
    """Return a period's key for a URL: in_period|2021-01-01|2021-12-31."""

    def day(value: object) -> str:
        return "" if value is None or pd.isna(value) else str(value)[:10]

    return f"{kind}|{day(start)}|{day(end)}"


@dataclass(frozen=True)
class Options:
    """What can be compared: periods {key: as written}, labels, and the defaults to start from."""

    periods: dict[str, str]
    labels: dict[str, list[str]]
    default_period: str | None


def options(figures: pd.DataFrame, status: str = "actual") -> Options:
    """Return the periods with figures of `status` (calendar periods newest first, then
    cumulative ones), the labels of each, and a default: the newest period that at least half
    as many units report as the busiest. A part of a whole (其中) is no period's figure."""
    figures = without_parts(figures)
    figures = figures[figures["status"] == status]
    if figures.empty:
        return Options({}, {}, None)
    rows = with_periods(figures)
    # A period without an end (今年以来 in a report of unknown year, 2019年6月以来) is not like
    # for like with another report's: only periods whose end is known are offered.
    rows = rows[(rows["period_kind"] != UNSTATED) & rows["period_to"].notna()]
    if rows.empty:
        return Options({}, {}, None)
    rows = rows.assign(
        key=[
            period_key(kind, start, end)
            for kind, start, end in zip(
                rows["period_kind"], rows["period_from"], rows["period_to"], strict=True
            )
        ]
    )
    stats = rows.groupby("key").agg(
        written=("period_text", lambda texts: texts.mode().iloc[0] if texts.notna().any() else ""),
        units=("admin_code", "nunique"),
        kind=("period_kind", "first"),
    )
    # Calendar years first (newest first), then cumulative totals.
    stats = stats.assign(is_year=stats["kind"] == IN_PERIOD).sort_index(ascending=False)
    stats = stats.sort_values("is_year", ascending=False, kind="stable")
    labels = {key: list(group["label"].value_counts().index) for key, group in rows.groupby("key")}
    busiest = stats["units"].max()
    default = next(key for key, units in stats["units"].items() if units >= busiest * 0.5)
    return Options(dict(stats["written"].astype(str)), labels, default)


def chosen(figures: pd.DataFrame, period: str, label: str, status: str = "actual") -> pd.DataFrame:
    """Return the figures of one period (key), label and status, one per unit (the first);
    never a part of a whole (其中), which is no unit's figure to rank or to add up."""
    figures = without_parts(figures)
    if figures.empty:
        return figures.assign(period_kind=[], period_from=[], period_to=[])
    rows = with_periods(figures)
    keys = [
        period_key(kind, start, end)
        for kind, start, end in zip(
            rows["period_kind"], rows["period_from"], rows["period_to"], strict=True
        )
    ]
    picked = rows[(pd.Series(keys, index=rows.index) == period) & (rows["label"] == label)]
    picked = picked[picked["status"] == status]
    return picked.drop_duplicates("admin_code")


def ancestor_at(units: pd.DataFrame, level: str) -> dict[str, str]:
    """Return {unit code: code of its ancestor (or itself) at `level`} for units at or below it."""
    parent = dict(zip(units["admin_code"], units["parent_code"], strict=True))
    level_of = dict(zip(units["admin_code"], units["level"], strict=True))
    found = {}
    for code in units["admin_code"]:
        current = code
        while current and level_of.get(current) != level:
            current = parent.get(current, "")
        if current:
            found[code] = current
    return found


def compare_units(
    units: pd.DataFrame, picked: pd.DataFrame, level: str, summable: bool
) -> pd.DataFrame:
    """Return one row per unit at `level`: its own figure (or missing) and, above the county,
    the sum of its counties' figures with how many of them reported.

    `basis` says what the chart may draw: reported (its own figure), sum_complete (no own
    figure, summable, every county reported) or sum_partial / missing (not drawn).
    """
    at_level = units[units["level"] == level][["admin_code", "name_zh", "name_en", "parent_code"]]
    own = picked[["admin_code", "figure_id", "value", "qualifier", "status"]]
    rows = at_level.merge(own, on="admin_code", how="left")
    rows["missing"] = rows["figure_id"].isna()
    rows["basis"] = rows["missing"].map({False: "reported", True: "missing"})
    rows["counties"] = pd.array([pd.NA] * len(rows), dtype="Int64")
    rows["counties_reported"] = pd.array([pd.NA] * len(rows), dtype="Int64")
    rows["county_sum"] = float("nan")
    if LEVEL_RANK.get(level, 99) < LEVEL_RANK["county"]:
        owner = ancestor_at(units, level)
        counties = units[units["level"] == "county"][["admin_code"]].copy()
        counties["owner"] = counties["admin_code"].map(owner)
        counties = counties.merge(own[["admin_code", "value"]], on="admin_code", how="left")
        totals = counties.groupby("owner").agg(
            counties=("admin_code", "size"),
            counties_reported=("value", "count"),
            county_sum=("value", "sum"),
        )
        rows = rows.drop(columns=["counties", "counties_reported", "county_sum"]).merge(
            totals, left_on="admin_code", right_index=True, how="left"
        )
        rows["counties"] = rows["counties"].fillna(0).astype("Int64")
        rows["counties_reported"] = rows["counties_reported"].fillna(0).astype("Int64")
        rows.loc[rows["counties_reported"] == 0, "county_sum"] = float("nan")
        complete = (
            summable & (rows["counties"] > 0) & (rows["counties_reported"] == rows["counties"])
        )
        partial = summable & (rows["counties_reported"] > 0) & ~complete
        rows.loc[rows["missing"] & complete, "basis"] = SUM_COMPLETE
        rows.loc[rows["missing"] & partial, "basis"] = SUM_PARTIAL
        if not summable:
            rows["county_sum"] = float("nan")
    return rows.reset_index(drop=True)


def positions(rows: pd.DataFrame) -> pd.Series:
    """Return each reported unit's position (largest first, ties share), <NA> for the others.

    Only own figures are ranked: a sum of counties is not a figure the unit reported.
    """
    reported = rows["basis"] == "reported"
    ranks = rows.loc[reported, "value"].rank(method="min", ascending=False)
    return ranks.reindex(rows.index).astype("Int64")


@dataclass(frozen=True)
class Coverage:
    """How many of the units reported: n of N, and how many are missing."""

    reported: int
    total: int

    @property
    def missing(self) -> int:
        return self.total - self.reported


def coverage(rows: pd.DataFrame) -> Coverage:
    """Return how many units reported a figure of their own, of all units at the level."""
    return Coverage(int((rows["basis"] == "reported").sum()), len(rows))


def total_for_place(rows: pd.DataFrame, summable: bool) -> tuple[float | None, bool]:
    """Return the sum of the units' own figures and whether it is complete (every unit reported
    exactly); None when the metric is not summable or nobody reported."""
    reported = rows[rows["basis"] == "reported"]
    if not summable or reported.empty:
        return None, False
    complete = len(reported) == len(rows) and (reported["qualifier"] == "exact").all()
    return float(reported["value"].sum()), bool(complete)
