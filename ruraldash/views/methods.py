"""Sources and methods: reports, metric definitions, vocabularies and curation notes as tables."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from ruraldash.compare.figures import localised
from ruraldash.language.bilingual import markdown_in_language
from ruraldash.language.citations import address_text, publication_text
from ruraldash.language.formatting import (
    format_number,
    format_value,
    year_text,
)
from ruraldash.language.i18n import TEXT, t
from ruraldash.store.folders import is_real_file
from ruraldash.views.export.provenance import report_table

# The reports as the Sources & methods page lists them, and in brief on the overview.
REPORTS_PAGE = (
    "region",
    "source",
    "publisher",
    "source_date",
    "date_note",
    "figure_count",
    "source_id",
    "file",
)
REPORTS_BRIEF = ("region", "source", "source_date", "figure_count")


def sources_table(sources: pd.DataFrame, lang: str, brief: bool = False) -> pd.DataFrame:
    """Return the reports: region, title, publisher, date (stated or inferred) and why.

    The brief form (for the overview) keeps region, title, date and the number of figures.
    """
    return report_table(sources, lang, REPORTS_BRIEF if brief else REPORTS_PAGE)


def metric_table(catalogue: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the metric definitions in both languages with unit, category and comparability."""

    def yes_no(flag: bool) -> str:
        return t("yes", lang) if flag else t("no", lang)

    return pd.DataFrame(
        {
            t("col_category", lang): localised(catalogue, "category", lang),
            t("col_metric_zh", lang): catalogue["metric_zh"],
            t("col_metric_en", lang): catalogue["metric_en"],
            t("col_unit", lang): localised(catalogue, "unit", lang),
            t("col_description_zh", lang): catalogue["description_zh"],
            t("col_description_en", lang): catalogue["description_en"],
            t("col_comparable", lang): catalogue["comparable"].map(yes_no),
            t("col_summable", lang): catalogue["summable"].map(yes_no),
            t("col_figure_count", lang): catalogue["figure_count"],
            t("col_metric_id", lang): catalogue["metric_id"],
        }
    ).reset_index(drop=True)


def vocabulary_table(vocabulary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return units, qualifiers and statuses with their ids, names and how values show them."""
    return pd.DataFrame(
        {
            t("col_kind", lang): vocabulary["kind"].map(lambda kind: t(f"kind_{kind}", lang)),
            t("col_id", lang): vocabulary["id"],
            t("col_name_zh", lang): vocabulary["name_zh"],
            t("col_name_en", lang): vocabulary["name_en"],
            t("col_shown_as", lang): [
                _example(kind, id_, lang)
                for kind, id_ in zip(vocabulary["kind"], vocabulary["id"], strict=True)
            ],
        }
    ).reset_index(drop=True)


def _example(kind: str, id_: str, lang: str) -> str:
    """Show how a value with this qualifier or status is written (800多, 2700（计划）)."""
    if kind == "qualifier":
        return format_value(800_000_000 if id_ == "nearly" else 800, "count", id_, "actual", lang)
    if kind == "status":
        return format_value(2700, "count", "exact", id_, lang)
    return ""


def _reference_unit(unit: str, lang: str) -> str:
    """Name a reference figure's unit (km2 is not a figure unit, so it has its own entry)."""
    key = f"reference_unit_{unit}"
    return t(key, lang) if key in TEXT else unit


def reference_table(reference: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the regions' reference figures (population, area …) with year, publication,
    address (or the reprint read) and note."""
    return pd.DataFrame(
        {
            t("col_region", lang): localised(reference, "region", lang),
            t("col_field", lang): reference["field"].map(lambda field: t(f"field_{field}", lang)),
            t("col_value_text", lang): [format_number(value, lang) for value in reference["value"]],
            t("col_value", lang): reference["value"],
            t("col_unit", lang): reference["unit"].map(lambda unit: _reference_unit(unit, lang)),
            t("col_year", lang): reference["year"].map(year_text),
            t("col_publication", lang): [
                publication_text(*cited, lang)
                for cited in zip(
                    reference["publication"],
                    reference["issuer"],
                    reference["published"],
                    strict=True,
                )
            ],
            t("col_reference_source", lang): [
                address_text(source, read_at, lang)
                for source, read_at in zip(reference["source"], reference["read_at"], strict=True)
            ],
            t("col_note", lang): localised(reference, "note", lang).fillna(""),
        }
    ).reset_index(drop=True)


def programs_table(programs: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return programs with their kinds, description and how many figures each has."""
    return pd.DataFrame(
        {
            t("col_program", lang): localised(programs, "program", lang),
            t("col_program_type", lang): localised(programs, "program_kinds", lang),
            t("col_description", lang): localised(programs, "description", lang),
            t("col_figure_count", lang): programs["figure_count"],
            t("col_program_id", lang): programs["program_id"],
        }
    ).reset_index(drop=True)


def curation_notes(data_dir: Path) -> str:
    """Return data/README.md, the curators' account of how figures are chosen and encoded."""
    path = data_dir / "README.md"
    return path.read_text(encoding="utf-8") if is_real_file(path) else ""


def report_notes(data_dir: Path, source_id: str, lang: str | None = None) -> str:
    """Return the curation notes of one report (data/notes/<source_id>.md), or ''.

    With `lang`, only its lines: the notes write each point in Chinese, then in English.
    """
    path = data_dir / "notes" / f"{source_id}.md"
    # A linked note is refused by the build and never read here, even from the last good data.
    text = path.read_text(encoding="utf-8") if is_real_file(path) else ""
    return markdown_in_language(text, lang) if lang else text


# Up to this many reports, each report's notes fold out under its title; past it, one list
# picks the report (2,850 folded sections are neither readable nor quick to draw).
NOTES_FOLDED = 12


def reports_with_notes(data_dir: Path) -> frozenset[str]:
    """Return the ids of the reports that have curation notes (data/notes/<id>.md), at one
    directory read; a link is not notes (the build refuses it)."""
    try:
        with os.scandir(data_dir / "notes") as entries:
            return frozenset(
                entry.name.removesuffix(".md")
                for entry in entries
                if entry.name.endswith(".md") and entry.is_file(follow_symlinks=False)
            )
    except (FileNotFoundError, NotADirectoryError):
        return frozenset()


def report_choices(sources: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return the reports as {source id: "region · title"}."""
    return {
        source: f"{region} · {title}"
        for source, region, title in zip(
            sources["source_id"],
            localised(sources, "region", lang),
            localised(sources, "title", lang),
            strict=True,
        )
    }


def by_category(
    rows: pd.DataFrame, table: pd.DataFrame, categories: pd.DataFrame, lang: str
) -> list[tuple[str, str, pd.DataFrame]]:
    """Split a shown table into (category id, name, part) for each category, in catalogue order.

    The parts leave out the category column: their heading names it.
    """
    row_categories = rows["category"].reset_index(drop=True)
    parts = table.drop(columns=t("col_category", lang), errors="ignore")
    return [
        (category, name, parts[row_categories == category].reset_index(drop=True))
        for category, name in zip(
            categories["category"], localised(categories, "category", lang), strict=True
        )
        if (row_categories == category).any()
    ]
