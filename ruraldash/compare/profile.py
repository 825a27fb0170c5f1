"""A region's profile at any level: the figures about it, its rank among peers, its trends.

Pure functions of DataFrames (figures as compare.figures.load_figures returns them). A region's
figures are its own reports' and the figures a report about a place above it gives for it
(`scope` names it: 定西's 渭源县选派驻村干部260人 is about 渭源县). Its standing is read from
its own whole-region figures only: per series (metric, label, status, kind of period) the
latest one, its rank among the like-for-like figures of its peers (the units at its level
under its parent) and the change from the one before, where the periods allow.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ruraldash.compare import rank, series
from ruraldash.compare.parts import is_part

STANDING_COLUMNS = ("figure_id", "metric_id", "label", "status", "rank", "step")


def scoped_to(figures: pd.DataFrame, names: Iterable[str]) -> pd.Series:
    """Return, per figure, whether its scope names the region (by id or name) or a place in it
    (渭源县 or 渭源县某镇 for 渭源县)."""
    wanted = tuple(name for name in names if name)
    if not wanted or figures.empty:
        return pd.Series(False, index=figures.index)
    scopes = figures["scope"].fillna("").astype(str)
    return scopes.map(lambda scope: bool(scope) and scope.startswith(wanted))


def standing(
    own: pd.DataFrame, peers: pd.DataFrame, region_id: str, total: int, level: str
) -> pd.DataFrame:
    """Return one row per series of the region's whole-region figures: its latest figure, that
    figure's rank among `peers` (None without like-for-like peers) and the step from the
    figure before it (compare.series.changes; None for a series of one figure).

    `peers` holds the figures of the units at the region's level under its parent (the region's
    own included); `total` is how many such units there are; without a `level` (a region the
    hierarchy does not know) nothing is ranked.
    """
    whole = own[own["scope"].isna() & ~is_part(own)]
    pool = pd.concat([peers[peers["scope"].isna()], whole]).drop_duplicates("figure_id")
    pool = series.with_periods(pool)
    rows = []
    for metric in dict.fromkeys(whole["metric_id"]):
        for (label, status, _), found in series.series_of(whole, region_id, metric).items():
            latest = found.iloc[-1]
            steps = series.changes(found)
            rows.append(
                {
                    "figure_id": latest["figure_id"],
                    "metric_id": metric,
                    "label": label,
                    "status": status,
                    # A region outside the hierarchy (no level) has no peers to be ranked among.
                    "rank": rank.rank_of(pool, latest["figure_id"], total, level)
                    if level
                    else None,
                    "step": None if steps.empty else steps.iloc[-1].to_dict(),
                }
            )
    return pd.DataFrame(rows, columns=list(STANDING_COLUMNS))
