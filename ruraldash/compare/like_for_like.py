"""The like-for-like rule, in one place: which figures a ranking may hold and why others stay out.

A chart sorted by value, a rank (位次), a top/bottom list and a map's colour scale are rankings.
Each holds figures of one metric with one level, one status (plans apart from actuals), one
period (the same kind and bounds: calendar year 2021, in-period to the same date, cumulative up
to the same date; rank.PEER_KEY), one label and one figure per unit. Every other figure is left
out *with its reason*, counted and listed, never dropped silently; a part of a whole (其中,
compare.parts) is never a peer: it is left out as "part" and shown under its whole. A period is
a comparison only when at least MIN_UNITS units report it; the default is the latest such
period. With no such period, a handful of figures stands side by side in region order, unsorted
and unranked.

Pure functions of DataFrames of figures (the columns of unit_figures.sql or load_figures) with
`admin_code` (the unit a figure is about) and `unit_level` (its level) where levels matter.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ruraldash.compare.parts import is_part, without_parts
from ruraldash.compare.series import CUMULATIVE, UNSTATED, with_periods
from ruraldash.language.i18n import t, t_count
from ruraldash.language.punctuation import punctuation

MIN_UNITS = 2  # a ranking of one unit is no comparison
HANDFUL = 30  # at most this many figures without a comparable pair are drawn side by side
# Why a figure is not in a ranking, in the order the reasons are tried (the first applies).
REASONS = ("part", "scope", "level", "status", "period", "label", "several")
NO_PERIOD = ""  # the key of a period that is not stated or has no known end


def period_key(kind: str, start: object, end: object) -> str:
    """Return a period's key for a URL (in_period|2021-01-01|2021-12-31), '' without an end."""

    def day(value: object) -> str:
        return "" if value is None or pd.isna(value) else str(value)[:10]

    if kind == UNSTATED or not day(end):
        return NO_PERIOD
    return f"{kind}|{day(start)}|{day(end)}"


def with_keys(figures: pd.DataFrame) -> pd.DataFrame:
    """Return `figures` with their period's kind, bounds and key (column `period_key`)."""
    rows = figures if "period_kind" in figures else with_periods(figures)
    keys = [
        period_key(kind, start, end)
        for kind, start, end in zip(
            rows["period_kind"], rows["period_from"], rows["period_to"], strict=True
        )
    ]
    return rows.assign(period_key=pd.Series(keys, index=rows.index, dtype=object))


@dataclass(frozen=True)
class Periods:
    """The periods a ranking can hold ({key: as written}, latest first), their labels, default."""

    periods: dict[str, str]
    labels: dict[str, list[str]]  # per period, the labels MIN_UNITS units report, busiest first
    default: str | None  # the latest of them


def _groups(rows: pd.DataFrame) -> pd.DataFrame:
    """Units per (period key, label): the like-for-like groups of one level and status."""
    dated = rows[rows["period_key"] != NO_PERIOD]
    if dated.empty:
        return pd.DataFrame(columns=["period_key", "label", "units", "end", "kind", "written"])
    groups = dated.groupby(["period_key", "label"], sort=False).agg(
        units=("admin_code", "nunique"),
        end=("period_to", "first"),
        kind=("period_kind", "first"),
        written=("period_text", _written),
    )
    return groups.reset_index()


def _written(texts: pd.Series) -> str:
    present = texts.dropna().astype(str)
    return str(present.mode().iloc[0]) if not present.empty else ""


def periods(figures: pd.DataFrame, status: str = "actual", level: str | None = None) -> Periods:
    """Return the periods in which at least MIN_UNITS units report like-for-like figures of
    `status` (and `level`), latest end first (in-period before cumulative on the same end),
    their labels, and the default: the latest."""
    rows = _at(with_keys(figures), status, level)
    groups = _groups(rows)
    if groups.empty:
        return Periods({}, {}, None)
    groups["cumulative"] = groups["kind"] == CUMULATIVE
    groups["end_order"] = [day.toordinal() for day in groups["end"]]
    groups = groups.sort_values(
        ["end_order", "cumulative", "units"], ascending=[False, True, False], kind="stable"
    )
    # A period with one unit per label is no comparison: it is not offered (its figures are
    # counted among those left out of the rankings that are).
    groups = groups[groups["units"] >= MIN_UNITS]
    written: dict[str, str] = {}
    labels: dict[str, list[str]] = {}
    for key, label, text in zip(
        groups["period_key"], groups["label"], groups["written"], strict=True
    ):
        written.setdefault(key, text or key)
        labels.setdefault(key, []).append(label)
    return Periods(written, labels, next(iter(written), None))


def _at(rows: pd.DataFrame, status: str, level: str | None) -> pd.DataFrame:
    chosen = (rows["status"] == status) & ~is_part(rows)
    if "scope" in rows:
        chosen &= rows["scope"].isna()
    if level is not None and "unit_level" in rows:
        chosen &= rows["unit_level"] == level
    return rows[chosen]


@dataclass(frozen=True)
class Selection:
    """A ranking's figures, one per unit, and every other figure with why it is left out."""

    ranked: pd.DataFrame
    left_out: pd.DataFrame  # the other figures, with a column `reason` (one of REASONS)

    def counts(self) -> dict[str, int]:
        """Return how many figures are left out for each reason, in the order of REASONS."""
        found = self.left_out["reason"].value_counts()
        return {reason: int(found[reason]) for reason in REASONS if reason in found}


def select(
    figures: pd.DataFrame,
    period: str,
    label: str | None,
    status: str = "actual",
    level: str | None = None,
) -> Selection:
    """Return the like-for-like figures of one period key, label, status (and level), one per
    unit (the first), and every other figure with its reason (REASONS: the first that applies).
    `label` None takes the period's label that most units report."""
    rows = with_keys(figures)
    reason = pd.Series("", index=rows.index, dtype=object)
    reason[is_part(rows)] = "part"
    if "scope" in rows:
        reason[(reason == "") & rows["scope"].notna()] = "scope"
    if level is not None and "unit_level" in rows:
        reason[(reason == "") & (rows["unit_level"] != level)] = "level"
    reason[(reason == "") & (rows["status"] != status)] = "status"
    reason[(reason == "") & (rows["period_key"] != period)] = "period"
    if label is None:
        label = busiest_label(rows[reason == ""])
    reason[(reason == "") & (rows["label"] != label)] = "label"
    # A unit's second like-for-like figure is listed, not ranked a second time.
    first_of_unit = rows[reason == ""].drop_duplicates("admin_code").index
    reason[(reason == "") & ~rows.index.isin(first_of_unit)] = "several"
    ranked = rows[reason == ""]
    left_out = rows[reason != ""].assign(reason=reason[reason != ""])
    return Selection(ranked, left_out)


def busiest_label(figures: pd.DataFrame) -> str:
    """Return the label most units report among `figures` ('' when there are none)."""
    counted = figures.groupby("label", sort=False)["admin_code"].nunique()
    return str(counted.sort_values(ascending=False, kind="stable").index[0]) if len(counted) else ""


def is_comparison(selection: Selection) -> bool:
    """Whether a selection is a ranking at all: at least MIN_UNITS units."""
    return selection.ranked["admin_code"].nunique() >= MIN_UNITS


def side_by_side(figures: pd.DataFrame, region_order: list[str]) -> pd.DataFrame | None:
    """Return a handful of figures in region order (then period end), or None when they are
    too many to stand side by side (past HANDFUL)."""
    if figures.empty or len(figures) > HANDFUL:
        return None
    order = {region: n for n, region in enumerate(region_order)}
    rows = with_keys(figures)
    rows = rows.assign(
        _region=rows["region_id"].map(order).fillna(len(order)),
        _end=[str(day) if day is not None else "" for day in rows["period_to"]],
    )
    rows = rows.sort_values(["_region", "_end"], kind="stable")
    return rows.drop(columns=["_region", "_end"]).reset_index(drop=True)


def one_period(figures: pd.DataFrame) -> bool:
    """Whether figures share one dated period, one status and one label: a colour scale or a
    sort over them is like for like (given one level and one figure per unit)."""
    rows = with_keys(figures)
    return (
        not rows.empty
        and rows["period_key"].nunique() == 1
        and (rows["period_key"] != NO_PERIOD).all()
        and rows["status"].nunique() == 1
        and rows["label"].nunique() == 1
    )


def left_out_line(selection: Selection, lang: str) -> str:
    """Return one line counting the figures left out of a ranking, by reason, or ''.

    "另有 N 项数字时期不同，未参与排序" for one reason; with several, each with its count.
    """
    counts = selection.counts()
    if not counts:
        return ""
    total = sum(counts.values())
    if len(counts) == 1:
        (reason,) = counts
        return t_count("lfl_left_out_reason", total, lang).format(
            count=f"{total:,}", reason=t(f"lfl_reason_{reason}", lang)
        )
    parts = [
        t("lfl_reason_count", lang).format(reason=t(f"lfl_reason_{reason}", lang), count=f"{n:,}")
        for reason, n in counts.items()
    ]
    return t("lfl_left_out_reasons", lang).format(
        count=f"{total:,}", reasons=punctuation(lang).join(parts)
    )


def differences(figures: pd.DataFrame, lang: str) -> list[str]:
    """Return what differs among figures, a few lines with counts: periods (of which kinds),
    statuses, levels and labels — never a list of the periods themselves. Parts of a whole
    are no figures of their own here (they are counted as left out)."""
    rows = with_keys(without_parts(figures))
    if rows.empty:
        return []
    lines = []
    dated = rows[rows["period_key"] != NO_PERIOD]
    undated = len(rows) - len(dated)
    if dated.empty:
        lines.append(t_count("lfl_all_undated", undated, lang).format(count=f"{undated:,}"))
    elif dated["period_key"].nunique() > 1 or undated:
        kinds = dated["period_kind"].value_counts()
        counted = [
            t("lfl_kind_count", lang).format(kind=t(f"kind_{kind}", lang), count=f"{int(n):,}")
            for kind, n in kinds.items()
        ]
        if undated:
            counted.append(t("lfl_undated_count", lang).format(count=f"{undated:,}"))
        dated_periods = dated["period_key"].nunique()
        lines.append(
            t_count("lfl_differ_periods", dated_periods, lang).format(
                periods=f"{dated_periods:,}",
                kinds=punctuation(lang).join(counted),
            )
        )
    plans = int((rows["status"] == "plan").sum())
    if plans and plans < len(rows):
        lines.append(t_count("lfl_differ_status", plans, lang).format(plans=f"{plans:,}"))
    if "unit_level" in rows and rows["unit_level"].nunique() > 1:
        lines.append(t("lfl_differ_levels", lang).format(levels=rows["unit_level"].nunique()))
    if rows["label"].nunique() > 1:
        lines.append(t("lfl_differ_labels", lang).format(labels=f"{rows['label'].nunique():,}"))
    return lines


@dataclass(frozen=True)
class MetricRanking:
    """One metric's own like-for-like selection in its own default period (a category view)."""

    metric: str
    period: str  # the period key
    period_text: str  # as written
    label: str
    selection: Selection


def per_metric(
    figures: pd.DataFrame, metrics: list[str], status: str = "actual", level: str | None = None
) -> tuple[list[MetricRanking], list[str]]:
    """Return, for each of `metrics` (in that order) with figures, its own like-for-like
    selection in its own latest comparable period and busiest label, and the metrics that have
    figures but no comparable period (or are declared not comparable). Each metric is ranked
    apart: no figure of one metric is ever ranked, summed or sorted with another's."""
    ranked: list[MetricRanking] = []
    without: list[str] = []
    figures = with_keys(figures)  # each period read once, not once per metric and step
    for metric in metrics:
        own = figures[figures["metric_id"] == metric]
        if level is not None and "unit_level" in own:
            at_level = own[own["unit_level"] == level]
        else:
            at_level = own
        if at_level.empty:
            continue
        declared = "comparable" not in own or bool(own["comparable"].iloc[0])
        found = periods(own, status, level) if declared else Periods({}, {}, None)
        if found.default is None:
            without.append(metric)
            continue
        label = found.labels[found.default][0]
        chosen = select(own, found.default, label, status, level)
        ranked.append(
            MetricRanking(metric, found.default, found.periods[found.default], label, chosen)
        )
    return ranked, without
