"""Ratios from two figures of one report and period (mentees per mentor, funds per project)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ruraldash.compare.parts import without_parts
from ruraldash.language.formatting import format_ratio, format_value, is_missing


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

# What pairing reads from a figure; the rest of a figures frame is never copied.
_READ_COLUMNS = (
    "figure_id",
    "source_id",
    "status",
    "scope",
    "metric_id",
    "label",
    "value",
    "unit",
    "qualifier",
    "quote",
    "program_id",
    "program_zh",
    "program_en",
    "region_id",
    "region_zh",
    "region_en",
    "period_text",
    "period_start",
    "period_end",
)
RATIO_COLUMNS = (
    "rule",
    "region_id",
    "region_zh",
    "region_en",
    "program_id",
    "program_zh",
    "program_en",
    "ratio",
    "approximate",
    "period_text",
    "period_start",
    "period_end",
    "figure_id_num",
    "metric_id_num",
    "label_num",
    "value_num",
    "unit_num",
    "qualifier_num",
    "quote_num",
    "figure_id_den",
    "metric_id_den",
    "label_den",
    "value_den",
    "unit_den",
    "qualifier_den",
    "quote_den",
)


def _text(value: object) -> str:
    return "" if is_missing(value) else str(value)


def _pair_key(figure: dict) -> tuple[object, ...]:
    """What two figures must share to be divided: report, status, scope and period."""
    return (
        figure["source_id"],
        figure["status"],
        _text(figure["scope"]),
        _text(figure["period_text"]),
        _text(figure["period_start"]),
        _text(figure["period_end"]),
    )


def _divisible(top: dict, bottom: dict) -> bool:
    """Two figures of one key belong together: the same program, or the same clause."""
    same_program = not is_missing(top["program_id"]) and top["program_id"] == bottom["program_id"]
    return same_program or (not is_missing(top["quote"]) and top["quote"] == bottom["quote"])


def _ratio(rule: RatioRule, top: dict, bottom: dict) -> dict[str, object]:
    """One row of RATIO_COLUMNS: the numerator's region, program and period, both figures."""
    row = {
        column: top[column]
        for column in (
            "region_id",
            "region_zh",
            "region_en",
            "program_id",
            "program_zh",
            "program_en",
            "period_text",
            "period_start",
            "period_end",
        )
    }
    for side, figure in (("num", top), ("den", bottom)):
        for column in ("figure_id", "metric_id", "label", "value", "unit", "qualifier", "quote"):
            row[f"{column}_{side}"] = figure[column]
    row.update(
        rule=rule.id,
        ratio=top["value"] / bottom["value"],
        approximate=top["qualifier"] != "exact" or bottom["qualifier"] != "exact",
    )
    return row


def derived_ratios(figures: pd.DataFrame) -> pd.DataFrame:
    """Return every ratio of RATIO_RULES found in `figures` (columns RATIO_COLUMNS).

    Two figures are divided only when they come from the same report, period, scope and status
    and belong to the same program (or are stated in the same clause). A part of a whole
    (其中) is divided by nothing: 8500万 其中 over all the projects is no ratio.
    """
    figures = without_parts(figures)
    present = set(figures["metric_id"])
    rules = [
        rule
        for rule in RATIO_RULES
        if present.intersection(rule.numerators) and present.intersection(rule.denominators)
    ]
    # A few hundred figures at most: plain loops over records beat four merges of wide frames.
    records = figures[list(_READ_COLUMNS)].to_dict("records") if rules else []
    found = []
    for rule in rules:
        bottoms: dict[tuple[object, ...], list[dict]] = {}
        for figure in records:
            if figure["metric_id"] in rule.denominators and figure["value"] > 0:
                bottoms.setdefault(_pair_key(figure), []).append(figure)
        found += [
            _ratio(rule, top, bottom)
            for top in records
            if top["metric_id"] in rule.numerators
            for bottom in bottoms.get(_pair_key(top), [])
            if _divisible(top, bottom)
        ]
    return pd.DataFrame(found, columns=list(RATIO_COLUMNS))


def how_computed(ratios: pd.DataFrame, lang: str) -> list[str]:
    """Return the sum behind each ratio in words a reader can check: 1300多 ÷ 800多 = ≈1.63."""
    columns = ["value_num", "unit_num", "qualifier_num", "value_den", "unit_den", "qualifier_den"]
    return [
        f"{format_value(top, top_unit, top_qualifier, 'actual', lang)} ÷ "
        f"{format_value(bottom, bottom_unit, bottom_qualifier, 'actual', lang)} = "
        f"{format_ratio(ratio, approximate, lang)}"
        for (
            top,
            top_unit,
            top_qualifier,
            bottom,
            bottom_unit,
            bottom_qualifier,
        ), ratio, approximate in zip(
            ratios[columns].itertuples(index=False, name=None),
            ratios["ratio"],
            ratios["approximate"],
            strict=True,
        )
    ]
