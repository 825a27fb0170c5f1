"""Exports of the tables as shown: their sources sheet, notes on filters and caveats, file names."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from ruraldash.compare.figures import localised
from ruraldash.language.formatting import format_report_date, is_missing, today
from ruraldash.language.i18n import t
from ruraldash.views.export.files import ExportTable
from ruraldash.views.export.print_table import subject

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
# A file name a reader saves on Windows: words (Chinese characters too), digits, - and brackets;
# everything else (the reserved <>:"/\|?*, spaces, other punctuation) becomes one underscore.
_NOT_NAME = re.compile(r"[^\w\-()（）]+")
NAME_PART_CHARS = 40  # a part of a file name at most; Windows paths stop at 260 characters


@dataclass(frozen=True)
class ShownTable:
    """A table as shown, its export (with sources and notes) and the file name it downloads as."""

    shown: pd.DataFrame
    export: ExportTable
    stem: str  # which table this is, in ids (compare_regions_funds_invested_filtered_…)

    @property
    def name(self) -> str:
        """Return the name its files download as, in the page's language."""
        return export_name(self.export)


def file_stem(page: str, *subject: str, filtered: bool, day: date | None = None) -> str:
    """Return a file name that says what is inside: compare_regions_trainees_filtered_2026-11-21."""
    parts = [
        page,
        *(part for part in subject if part),
        "filtered" if filtered else "all",
        (day or today()).isoformat(),
    ]
    return "_".join(_UNSAFE.sub("-", part).strip("-") for part in parts)


def named_stem(parts: Sequence[str], lang: str, day: date | None = None) -> str:
    """Return a file name (no extension) from words in the reader's language and the date:
    投入资金_地区比较_2026-12-06, funds_invested_compare_regions_2026-12-06; safe on Windows."""
    cleaned = []
    for part in parts:
        text = _NOT_NAME.sub("_", part.lower() if lang == "en" else part).strip("_")
        if text:
            cleaned.append(text[:NAME_PART_CHARS].strip("_"))
    # The date ends every name, so none is a device name Windows reserves (CON, NUL, COM1 …).
    cleaned.append((day or today()).isoformat())
    return "_".join(cleaned)


def export_name(export: ExportTable) -> str:
    """Return the file name of an export: what it is of, its table's title and its date."""
    about = subject(export)
    parts = [export.title] if not about or about in export.title else [about, export.title]
    return named_stem(parts, export.lang, export.generated)


def figure_sources(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the sources sheet of a figure table: report, date and clause for every figure row."""
    present = rows[~rows["missing"]] if "missing" in rows else rows
    return pd.DataFrame(
        {
            t("col_figure_id", lang): present["figure_id"],
            t("col_region", lang): localised(present, "region", lang),
            t("col_source", lang): localised(present, "source_title", lang),
            t("col_source_date", lang): [
                "" if is_missing(value) else format_report_date(value, basis, lang)
                for value, basis in zip(
                    present["source_date"], present["source_date_basis"], strict=True
                )
            ],
            t("col_quote", lang): present["quote"],
            t("col_source_file", lang): present["source_file"],
        }
    ).reset_index(drop=True)


def ratio_sources(ratios: pd.DataFrame, figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the sources sheet of a ratio table: both figures of every ratio."""
    used = pd.concat([ratios["figure_id_num"], ratios["figure_id_den"]]).unique()
    return figure_sources(figures[figures["figure_id"].isin(used)], lang)


# Every column a table of reports can show, by the i18n key of its header ("col_<name>").
REPORT_COLUMNS: dict[str, Callable[[pd.DataFrame, str], object]] = {
    "source_id": lambda sources, lang: sources["source_id"],
    "region": lambda sources, lang: localised(sources, "region", lang),
    "source": lambda sources, lang: localised(sources, "title", lang),
    "publisher": lambda sources, lang: localised(sources, "publisher", lang),
    "source_date": lambda sources, lang: [
        format_report_date(value, basis, lang)
        for value, basis in zip(sources["date"], sources["date_basis"], strict=True)
    ],
    "date_note": lambda sources, lang: localised(sources, "date_note", lang).fillna(""),
    "figure_count": lambda sources, lang: sources["figure_count"],
    "source_file": lambda sources, lang: sources["file"],
    "file": lambda sources, lang: sources["file"],
}
# The sources sheet of an export that summarises reports.
SOURCES_SHEET = ("source_id", "region", "source", "source_date", "date_note", "source_file")


def report_table(sources: pd.DataFrame, lang: str, columns: Sequence[str]) -> pd.DataFrame:
    """Return the reports (rows of the `sources` query) with the named REPORT_COLUMNS."""
    return pd.DataFrame(
        {t(f"col_{name}", lang): REPORT_COLUMNS[name](sources, lang) for name in columns}
    ).reset_index(drop=True)


def report_sources(sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the sources sheet of a summary table: every report with its date."""
    return report_table(sources, lang, SOURCES_SHEET)


def notes(
    filters: Sequence[tuple[str, str]], caveats: Sequence[str], lang: str
) -> tuple[tuple[str, str], ...]:
    """Return the notes sheet rows: each filter as (filter, value) and each caveat shown."""
    described = [f"{name}: {value}" for name, value in filters if value]
    rows = [(t("notes_filters", lang), text) for text in described] or [
        (t("notes_filters", lang), t("no_filters", lang))
    ]
    rows += [(t("notes_caveat", lang), text) for text in caveats]
    rows.append((t("notes_language", lang), t("language_name", lang)))
    return tuple(rows)


def table_export(
    title: str,
    table: pd.DataFrame,
    sources: pd.DataFrame,
    filters: Sequence[tuple[str, str]],
    caveats: Sequence[str],
    lang: str,
) -> ExportTable:
    """Return the export of a table exactly as shown, with its sources and notes."""
    return ExportTable(title, table, sources, notes(filters, caveats, lang), lang)


def shown_table(
    title: str,
    table: pd.DataFrame,
    sources: pd.DataFrame,
    filters: Sequence[tuple[str, str]],
    caveats: Sequence[str],
    lang: str,
    stem: str,
) -> ShownTable:
    """Return a table with its export and file name, ready for the page to show and offer."""
    return ShownTable(table, table_export(title, table, sources, filters, caveats, lang), stem)
