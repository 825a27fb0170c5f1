"""Tables as shown and exported: names in the reader's language, values with qualifiers, headers."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from ruraldash.figures import localised
from ruraldash.formatting import (
    format_per_10k,
    format_period,
    format_report_date,
    format_value,
    is_missing,
    round_significant,
    year_text,
)
from ruraldash.i18n import t
from ruraldash.ratios import how_computed

Column = Callable[[pd.DataFrame, str], pd.Series]


def _name(base: str) -> Column:
    return lambda frame, lang: localised(frame, base, lang).fillna("")


def _raw(column: str) -> Column:
    return lambda frame, lang: frame[column]


def _row_wise(describe: Callable[[pd.Series, str], object]) -> Column:
    return lambda frame, lang: frame.apply(lambda row: describe(row, lang), axis=1)


def _value_text(row: pd.Series, lang: str) -> str:
    if row.get("missing", False) is True:
        return t("no_figure", lang)
    return format_value(row["value"], row["unit"], row["qualifier"], row["status"], lang)


def _period(row: pd.Series, lang: str) -> str:
    if row.get("missing", False) is True:
        return ""
    return format_period(row["period_text"], row["period_start"], row["period_end"], lang)


def _scope(row: pd.Series, lang: str) -> str:
    if row.get("missing", False) is True:
        return ""
    return t("scope_whole", lang) if is_missing(row["scope"]) else str(row["scope"])


def _source_date(row: pd.Series, lang: str) -> str:
    if is_missing(row["source_date"]):
        return ""
    return format_report_date(row["source_date"], row["source_date_basis"], lang)


def _per_10k_note(row: pd.Series, lang: str) -> str:
    reason = row["per_capita_reason"]
    if is_missing(reason):
        return t("per_10k_computed", lang).format(
            value=format_per_10k(row["per_10k"], lang), year=int(row["population_year"]))
    return t(reason, lang)


def _plain_text(column: str) -> Column:
    return lambda frame, lang: frame[column].fillna("")


# Every column a figure table can show: its header key is "col_<name>".
FIGURE_COLUMNS: dict[str, Column] = {
    "region": _name("region"),
    "category": _name("category"),
    "metric": _name("metric"),
    "label": _plain_text("label"),
    "value_text": _row_wise(_value_text),
    "value": _raw("value"),
    "qualifier": _name("qualifier"),
    "unit": _name("unit"),
    "period": _row_wise(_period),
    "scope": _row_wise(_scope),
    "status": _name("status"),
    "program": _name("program"),
    "quote": _plain_text("quote"),
    "source": _name("source_title"),
    "source_date": _row_wise(_source_date),
    "figure_id": _plain_text("figure_id"),
    "per_10k": lambda frame, lang: frame["per_10k"].map(
        lambda v: v if is_missing(v) else round_significant(v, 3)),
    "per_10k_note": _row_wise(_per_10k_note),
    "population": _raw("population"),
    "population_year": lambda frame, lang: frame["population_year"].map(year_text),
    "population_source": _plain_text("population_source"),
}

# The number in base units always stands beside its qualifier, so a spreadsheet keeps both.
EXPLORE_COLUMNS = ("region", "category", "metric", "label", "value_text", "value", "qualifier",
                   "unit", "period", "scope", "status", "program", "quote", "source", "figure_id")
COMPARE_COLUMNS = ("region", "metric", "label", "value_text", "value", "qualifier", "unit",
                   "period", "scope", "status", "program", "quote", "source", "source_date",
                   "figure_id")
PER_CAPITA_COLUMNS = ("per_10k", "per_10k_note", "population", "population_year",
                      "population_source")
PROFILE_COLUMNS = ("category", "metric", "label", "value_text", "value", "qualifier", "unit",
                   "period", "scope", "status", "program", "quote", "figure_id")
PROGRAM_FIGURE_COLUMNS = ("region", "program", "metric", "label", "value_text", "value",
                          "qualifier", "unit", "period", "scope", "status", "quote", "figure_id")


def figure_table(frame: pd.DataFrame, lang: str, columns: Sequence[str]) -> pd.DataFrame:
    """Return figures as a reader sees them: the chosen columns, translated headers, in order."""
    shown = {t(f"col_{name}", lang): FIGURE_COLUMNS[name](frame, lang) for name in columns}
    return pd.DataFrame(shown, index=frame.index).reset_index(drop=True)


def ratio_table(ratios: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return derived ratios with how each was computed and both source clauses."""
    def computed(row: pd.Series) -> str:
        return how_computed(row, lang)
    shown = {
        t("col_region", lang): localised(ratios, "region", lang),
        t("col_program", lang): localised(ratios, "program", lang).fillna(""),
        t("col_ratio", lang): ratios["rule"].map(lambda rule: t(f"ratio_{rule}", lang)),
        t("col_ratio_value", lang): ratios["ratio"].map(round_significant),
        t("col_how_computed", lang): ratios.apply(computed, axis=1),
        t("col_numerator", lang): ratios["label_num"],
        t("col_denominator", lang): ratios["label_den"],
        t("col_period", lang): ratios.apply(lambda row: format_period(
            row["period_text"], row["period_start"], row["period_end"], lang), axis=1),
        t("col_quote_numerator", lang): ratios["quote_num"],
        t("col_quote_denominator", lang): ratios["quote_den"],
        t("col_figure_ids", lang): ratios["figure_id_num"] + " ÷ " + ratios["figure_id_den"],
    }
    return pd.DataFrame(shown).reset_index(drop=True)
