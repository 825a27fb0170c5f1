"""Tables as shown and exported: names in the reader's language, values with qualifiers, headers."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from ruraldash.compare.figures import localised
from ruraldash.compare.parts import is_part
from ruraldash.compare.ratios import how_computed
from ruraldash.language.citations import citation_text
from ruraldash.language.formatting import (
    format_per_10k,
    format_period,
    format_report_date,
    format_scope,
    format_value,
    is_missing,
    round_significant,
    written_unit,
    year_text,
)
from ruraldash.language.i18n import t
from ruraldash.views.plain import shown_quotes

Column = Callable[[pd.DataFrame, str], pd.Series | list[str]]


def _name(base: str) -> Column:
    return lambda frame, lang: localised(frame, base, lang).fillna("")


def _written_units(frame: pd.DataFrame, lang: str) -> list[str]:
    """Each figure's unit in the word its report wrote (期 or 场, not 期/场/次)."""
    quotes = frame["quote"] if "quote" in frame else [None] * len(frame)
    return [
        "" if is_missing(name) else written_unit(quote, value, unit, name, lang)
        for quote, value, unit, name in zip(
            quotes, frame["value"], frame["unit"], localised(frame, "unit", lang), strict=True
        )
    ]


def _raw(column: str) -> Column:
    return lambda frame, lang: frame[column]


def _absent(frame: pd.DataFrame) -> list[bool]:
    """Return, per row, whether it stands for "no figure" (compare pages add such rows)."""
    if "missing" not in frame:
        return [False] * len(frame)
    return list(frame["missing"].eq(True))


def _unmentioned(frame: pd.DataFrame) -> list[bool]:
    """Return, per row, whether it stands for "the report names no such program"."""
    if "not_mentioned" not in frame:
        return [False] * len(frame)
    return list(frame["not_mentioned"].eq(True))


def _value_text(frame: pd.DataFrame, lang: str) -> list[str]:
    return [
        t("not_mentioned", lang)
        if unnamed
        else t("no_figure", lang)
        if absent
        else format_value(value, unit, qualifier, status, lang, quote)
        for unnamed, absent, value, unit, qualifier, status, quote in zip(
            _unmentioned(frame),
            _absent(frame),
            frame["value"],
            frame["unit"],
            frame["qualifier"],
            frame["status"],
            frame["quote"] if "quote" in frame else [None] * len(frame),
            strict=True,
        )
    ]


def _period(frame: pd.DataFrame, lang: str) -> list[str]:
    return [
        "" if absent else format_period(text, start, end, lang)
        for absent, text, start, end in zip(
            _absent(frame),
            frame["period_text"],
            frame["period_start"],
            frame["period_end"],
            strict=True,
        )
    ]


def _scope(frame: pd.DataFrame, lang: str) -> list[str]:
    return [
        "" if absent else format_scope(scope, lang)
        for absent, scope in zip(_absent(frame), frame["scope"], strict=True)
    ]


def _source_date(frame: pd.DataFrame, lang: str) -> list[str]:
    return [
        "" if is_missing(value) else format_report_date(value, basis, lang)
        for value, basis in zip(frame["source_date"], frame["source_date_basis"], strict=True)
    ]


def _per_10k_note(frame: pd.DataFrame, lang: str) -> list[str]:
    return [
        t("per_10k_computed", lang).format(value=format_per_10k(value, lang), year=int(year))
        if is_missing(reason)
        else t(reason, lang)
        for reason, value, year in zip(
            frame["per_capita_reason"], frame["per_10k"], frame["population_year"], strict=True
        )
    ]


def _population_source(frame: pd.DataFrame, lang: str) -> list[str]:
    """The denominator's official publication and its address (or the reprint read)."""
    columns = ("publication", "issuer", "published", "source", "read_at")
    return [
        citation_text(*cited, lang)
        for cited in zip(*(frame[f"population_{name}"] for name in columns), strict=True)
    ]


def _plain_text(column: str) -> Column:
    return lambda frame, lang: frame[column].fillna("")


def _label(frame: pd.DataFrame, lang: str) -> list[str]:
    """What is counted; a part of a whole (其中) marked as one, under its whole."""
    return [
        t("part_label", lang).format(label=label) if part else label
        for part, label in zip(is_part(frame), frame["label"].fillna(""), strict=True)
    ]


def _part_of(frame: pd.DataFrame, lang: str) -> pd.Series | list[str]:
    """The id of the figure a part belongs to ('' for a whole, or a frame without parts)."""
    return frame["part_of"].fillna("") if "part_of" in frame else [""] * len(frame)


# Every column a figure table can show: its header key is "col_<name>".
COLUMN_FORMATTERS: dict[str, Column] = {
    "region": _name("region"),
    "category": _name("category"),
    "metric": _name("metric"),
    "label": _label,
    "value_text": _value_text,
    "value": _raw("value"),
    "qualifier": _name("qualifier"),
    "unit": lambda frame, lang: _written_units(frame, lang),
    "period": _period,
    "scope": _scope,
    "status": _name("status"),
    "program": _name("program"),
    "quote": lambda frame, lang: shown_quotes(frame).fillna(""),
    "source": _name("source_title"),
    "source_date": _source_date,
    "figure_id": _plain_text("figure_id"),
    "part_of": _part_of,
    "per_10k": lambda frame, lang: frame["per_10k"].map(
        lambda v: v if is_missing(v) else round_significant(v, 3)
    ),
    "per_10k_note": _per_10k_note,
    "population": _raw("population"),
    "population_year": lambda frame, lang: frame["population_year"].map(year_text),
    "population_source": _population_source,
}

# The value as written leads (what a reader looks for), then whose it is and what it counts,
# its period, scope and source: together they fit a 1366-pixel screen (views.screen). The
# number in base units, its qualifier and unit follow, so a spreadsheet keeps them all.
LOOKED_AT = ("value_text", "region", "metric", "label", "period", "scope", "source")
AS_STORED = ("value", "qualifier", "unit", "status", "program", "quote")
FIGURE_IDS = ("figure_id", "part_of")
EXPLORE_COLUMNS = (*LOOKED_AT, "category", *AS_STORED, *FIGURE_IDS)
COMPARE_COLUMNS = (*LOOKED_AT, *AS_STORED, "source_date", *FIGURE_IDS)
PER_CAPITA_COLUMNS = (
    "per_10k",
    "per_10k_note",
    "population",
    "population_year",
    "population_source",
)
# A region's profile holds its own reports' figures and those a report about a place above it
# gives for it: whose report (region, source) says which.
PLACE_PROFILE_COLUMNS = (
    "value_text",
    "metric",
    "label",
    "period",
    "scope",
    "region",
    "source",
    "category",
    *AS_STORED,
    *FIGURE_IDS,
)
# A program's figures name the program early, beside the region; it is not repeated after.
PROGRAM_FIGURE_COLUMNS = (
    "value_text",
    "region",
    "program",
    "metric",
    "label",
    "period",
    "scope",
    *(name for name in AS_STORED if name != "program"),
    *FIGURE_IDS,
)


def figure_table(frame: pd.DataFrame, lang: str, columns: Sequence[str]) -> pd.DataFrame:
    """Return figures as a reader sees them: the chosen columns, translated headers, in order."""
    shown = {t(f"col_{name}", lang): COLUMN_FORMATTERS[name](frame, lang) for name in columns}
    return pd.DataFrame(shown, index=frame.index).reset_index(drop=True)


def ratio_table(ratios: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return derived ratios with how each was computed and both source clauses."""
    shown = {
        t("col_region", lang): localised(ratios, "region", lang),
        t("col_program", lang): localised(ratios, "program", lang).fillna(""),
        t("col_ratio", lang): [t(f"ratio_{rule}", lang) for rule in ratios["rule"]],
        t("col_ratio_value", lang): [round_significant(ratio) for ratio in ratios["ratio"]],
        t("col_how_computed", lang): how_computed(ratios, lang),
        t("col_numerator", lang): ratios["label_num"],
        t("col_denominator", lang): ratios["label_den"],
        t("col_period", lang): [
            format_period(text, start, end, lang)
            for text, start, end in zip(
                ratios["period_text"], ratios["period_start"], ratios["period_end"], strict=True
            )
        ],
        t("col_quote_numerator", lang): ratios["quote_num"],
        t("col_quote_denominator", lang): ratios["quote_den"],
        t("col_figure_ids", lang): ratios["figure_id_num"] + " ÷ " + ratios["figure_id_den"],
    }
    return pd.DataFrame(shown, index=ratios.index).reset_index(drop=True)
