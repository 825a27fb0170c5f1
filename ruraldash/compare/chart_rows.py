"""What a chart of a comparison draws: panels with a value, and the extremes of many regions.

The table keeps every row; a chart leaves out what it cannot draw honestly and says how much.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ruraldash.compare.figures import localised
from ruraldash.compare.parts import is_part
from ruraldash.language.i18n import t
from ruraldash.language.punctuation import punctuation


def drawable_per_capita(rows: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, str]:
    """Return the rows of metrics with some per-10,000 value, and one line naming the others.

    A metric whose figures are not totals (or not of the whole region) has no value per
    resident: its panel would be blank, so it is left out of the chart and said so.
    """
    has_value = rows.groupby("metric_id", sort=False)["per_10k"].transform(
        lambda values: values.notna().any()
    )
    left_out = rows[~has_value.astype(bool)]
    if left_out.empty:
        return rows, ""
    by_reason: dict[str, list[str]] = {}
    for _, group in left_out.groupby("metric_id", sort=False):
        present = group[group["per_capita_reason"] != "reason_no_figure"]
        reason = (present if not present.empty else group)["per_capita_reason"].mode().iloc[0]
        by_reason.setdefault(reason, []).append(localised(group, "metric", lang).iloc[0])
    listed = [
        t("per_10k_not_drawn_reason", lang).format(
            metrics=punctuation(lang).enumerate(names), reason=t(reason, lang)
        )
        for reason, names in by_reason.items()
    ]
    line = t("per_10k_not_drawn", lang).format(metrics=punctuation(lang).join(listed))
    return rows[has_value.astype(bool)], line


CHART_EXTREMES = 15  # a panel of more figures than twice this draws its largest and smallest


@dataclass(frozen=True)
class Trimmed:
    """What a chart of many regions left out: figures not drawn and regions without a figure."""

    figures: int  # figures between the largest and smallest, in the table only
    drawn: int  # figures drawn
    missing: int  # regions with no figure for the metric, never drawn as 0


def chart_extremes(
    rows: pd.DataFrame, measure: str, keep: int = CHART_EXTREMES
) -> tuple[pd.DataFrame, Trimmed | None]:
    """Return the rows a chart can show: per metric, the `keep` largest and smallest figures.

    A panel with at most 2 × `keep` rows is drawn whole, as it is (None: nothing left out).
    A longer one is sorted by `measure`, largest first; its middle figures and its regions
    without a figure are left to the table and counted, so "no figure" is said, not drawn as 0.
    A part of a whole (其中) is never sorted among the figures: it stays with its whole.
    """
    sizes = rows.groupby("metric_id", sort=False)["metric_id"].transform("size")
    if rows.empty or int(sizes.max()) <= 2 * keep:
        return rows, None
    kept, figures, drawn, missing = [], 0, 0, 0
    for _, group in rows.groupby("metric_id", sort=False):
        if len(group) <= 2 * keep:
            kept.append(group)
            drawn += int(group[measure].notna().sum())
            continue
        absent = group["missing"].astype(bool)
        part = is_part(group) & ~absent
        ordered = group[group[measure].notna() & ~absent & ~part].sort_values(
            measure, ascending=False, kind="stable"
        )
        if len(ordered) > 2 * keep:
            ordered = pd.concat([ordered.head(keep), ordered.tail(keep)])
        missing += int(absent.sum())
        figures += len(group) - int(absent.sum()) - int(part.sum()) - len(ordered)
        drawn += len(ordered)
        kept += [ordered, group[part & group["part_of"].isin(ordered["figure_id"])]]
    return pd.concat(kept), Trimmed(figures, drawn, missing)
