"""Ratios from two figures of one report and period (mentees per mentor, funds per project)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ruraldash.formatting import format_ratio, format_value, is_missing

_PAIR_KEYS = ("source_id", "status", "_scope", "_period")


@dataclass(frozen=True)
class RatioRule:
    """A ratio: a figure of one of `numerators` divided by a figure of one of `denominators`."""

    id: str
    numerators: tuple[str, ...]
    denominators: tuple[str, ...]


RATIO_RULES: tuple[RatioRule, ...] = (
    RatioRule("mentees_per_mentor", ("mentees",), ("mentors",)),
    RatioRule("trainees_per_session", ("trainee_person_times", "trainees"), ("training_sessions",)),
    RatioRule("funds_per_project", ("funds_invested", "fund_size"), ("projects",)),
    RatioRule("projects_per_cadre", ("projects",), ("cadres_dispatched",)),
)

RATIO_COLUMNS = (
    "rule", "region_id", "region_zh", "region_en", "program_id", "program_zh", "program_en",
    "ratio", "approximate", "period_text", "period_start", "period_end",
    "figure_id_num", "metric_id_num", "label_num", "value_num", "unit_num", "qualifier_num",
    "quote_num", "figure_id_den", "metric_id_den", "label_den", "value_den", "unit_den",
    "qualifier_den", "quote_den",
)


def _keyed(figures: pd.DataFrame) -> pd.DataFrame:
    """Add the columns two figures must share to be divided: the same scope and the same period."""
    def text(value: object) -> str:
        return "" if is_missing(value) else str(value)
    out = figures.copy()
    out["_scope"] = out["scope"].map(text)
    out["_period"] = [f"{text(words)}|{text(start)}|{text(end)}" for words, start, end in zip(
        out["period_text"], out["period_start"], out["period_end"], strict=True)]
    return out


def derived_ratios(figures: pd.DataFrame) -> pd.DataFrame:
    """Return every ratio of RATIO_RULES found in `figures` (columns RATIO_COLUMNS).

    Two figures are divided only when they come from the same report, period, scope and status
    and belong to the same program (or are stated in the same clause).
    """
    keyed = _keyed(figures)
    found = []
    for rule in RATIO_RULES:
        top = keyed[keyed["metric_id"].isin(rule.numerators)]
        bottom = keyed[keyed["metric_id"].isin(rule.denominators) & (keyed["value"] > 0)]
        pairs = top.merge(bottom, on=list(_PAIR_KEYS), suffixes=("_num", "_den"))
        same_program = pairs["program_id_num"].notna() & (
            pairs["program_id_num"] == pairs["program_id_den"])
        pairs = pairs[same_program | (pairs["quote_num"] == pairs["quote_den"])]
        if pairs.empty:
            continue
        pairs = pairs.assign(
            rule=rule.id,
            ratio=pairs["value_num"] / pairs["value_den"],
            approximate=(pairs["qualifier_num"] != "exact") | (pairs["qualifier_den"] != "exact"),
        )
        for column in ("region_id", "region_zh", "region_en", "program_id", "program_zh",
                       "program_en", "period_text", "period_start", "period_end"):
            pairs[column] = pairs[f"{column}_num"]
        found.append(pairs[list(RATIO_COLUMNS)])
    if not found:
        return pd.DataFrame(columns=list(RATIO_COLUMNS))
    return pd.concat(found, ignore_index=True)


def how_computed(row: pd.Series, lang: str) -> str:
    """Return the sum behind a ratio in words a reader can check: 1300多 ÷ 800多 = ≈1.63."""
    top = format_value(row["value_num"], row["unit_num"], row["qualifier_num"], "actual", lang)
    bottom = format_value(row["value_den"], row["unit_den"], row["qualifier_den"], "actual", lang)
    return f"{top} ÷ {bottom} = {format_ratio(row['ratio'], row['approximate'], lang)}"
