"""Position among peers (位次): a unit's rank only among like-for-like figures, never a score.

Like for like means: the same metric (declared comparable), the same label (what is counted),
the same status (actual or plan), the same unit, and the same kind of period with the same
bounds (two 2021 totals; two cumulative totals up to the same date). A figure whose period is
not stated, or has no known end, has no peers, and neither has a part of a whole (其中): it is
no peer of any figure. Ties share a position; a qualified value
(800多) keeps its qualifier in the table beside the rank, and a rank that rests on one is marked.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ruraldash.compare.parts import is_part
from ruraldash.compare.series import UNSTATED, with_periods
from ruraldash.language.formatting import format_count
from ruraldash.language.i18n import t

PEER_KEY = ("metric_id", "label", "status", "unit", "period_kind", "period_from", "period_to")


@dataclass(frozen=True)
class Rank:
    """A position among the units that reported a like-for-like figure."""

    position: int
    reported: int
    total: int | None
    level: str
    approximate: bool
    # Per 10,000 residents: how many units have a figure, of which `reported` are divided by an
    # official population and ranked (None: every unit with a figure is ranked).
    with_figures: int | None = None

    def text(self, lang: str) -> str:
        """Return "3 / 17 reported (of 84 counties)" or its Chinese form; per 10,000 residents
        "1 / 2 with an official population (3 reported)"."""
        of = (
            ""
            if self.total is None
            else t("rank_of_total", lang).format(
                total=format_count(self.total), level=t(f"levels_{self.level}", lang)
            )
        )
        mark = t("rank_approximate", lang) if self.approximate else ""
        counted = {
            "position": format_count(self.position),
            "reported": format_count(self.reported),
            "of": of,
        }
        if self.with_figures is None:
            return t("rank_text", lang).format(**counted) + mark
        figures = format_count(self.with_figures)
        return t("rank_text_per_10k", lang).format(**counted, figures=figures) + mark


def peers(figures: pd.DataFrame, figure_id: str) -> pd.DataFrame:
    """Return the figures like for like with `figure_id` (itself included), one per region."""
    figures = figures if "period_kind" in figures else with_periods(figures)
    own = figures[figures["figure_id"] == figure_id]
    if own.empty:
        raise KeyError(figure_id)
    if bool(is_part(own).iloc[0]):
        return figures.iloc[0:0]
    figures = figures[~is_part(figures)]
    mine = own.iloc[0]
    # Without a known end, a period (今年以来 of an undated report) has no like-for-like peers.
    if (
        mine["period_kind"] == UNSTATED
        or pd.isna(mine["period_to"])
        or not bool(mine.get("comparable", True))
    ):
        return figures.iloc[0:0]
    same = pd.Series(True, index=figures.index)
    for column in PEER_KEY:
        value = mine[column]
        same &= figures[column].isna() if pd.isna(value) else figures[column] == value
    return figures[same]


def rank_of(
    figures: pd.DataFrame, figure_id: str, total: int | None = None, level: str = "county"
) -> Rank | None:
    """Return the rank of a figure among its peers (largest first), or None without peers.

    `total` is how many units at `level` could have reported (84 counties), for the "of" part.
    A region with two like-for-like figures (it should not) counts once, with its largest.
    """
    alike = peers(figures, figure_id)
    if alike.empty:
        return None
    best = alike.sort_values("value", ascending=False).drop_duplicates("region_id")
    mine = alike[alike["figure_id"] == figure_id].iloc[0]
    position = int((best["value"] > mine["value"]).sum()) + 1
    approximate = bool((best["qualifier"] != "exact").any())
    return Rank(position, len(best), total, level, approximate)
