"""The page "Sources and methods": reference tables and the curation notes.

Like every module here: the connection first and only hashable values after it, so the app
makes each result once per process and state of the data (ui.cached) and every session draws
the same objects; nothing here may keep or change state.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from ruraldash.language.formatting import format_number
from ruraldash.language.i18n import t
from ruraldash.store.db import run_query
from ruraldash.views import methods
from ruraldash.views.export.provenance import (
    ShownTable,
    file_stem,
    report_sources,
    shown_table,
)


@dataclass(frozen=True)
class Curation:
    """How the figures were curated: data/README.md and the reports whose notes can be read."""

    readme: str
    reports: dict[str, str]  # {source id: "region · title"}, in sources.yaml order
    with_notes: frozenset[str]

    @property
    def folded(self) -> bool:
        """True when the reports are few enough to fold out each one's notes under its title."""
        return len(self.reports) <= methods.NOTES_FOLDED

    def count_line(self, lang: str) -> str:
        """Say how many of the reports have notes, and how to pick one."""
        return t("curation_notes_count", lang).format(
            with_notes=format_number(len(self.with_notes), lang),
            total=format_number(len(self.reports), lang),
        )

    @property
    def first_with_notes(self) -> str | None:
        """Return the first report that has notes (the list starts there), or None."""
        return next((source for source in self.reports if source in self.with_notes), None)


def curation(con: duckdb.DuckDBPyConnection, lang: str, data_dir: str) -> Curation:
    """Return the curation rules and which reports have notes (files in `data_dir`, which the
    database's input hash covers: a changed note makes this afresh)."""
    folder = Path(data_dir)
    reports = methods.report_choices(run_query(con, "sources"), lang)
    return Curation(
        methods.curation_notes(folder),
        reports,
        frozenset(methods.reports_with_notes(folder) & reports.keys()),
    )


def sources_tables(con: duckdb.DuckDBPyConnection, lang: str) -> dict[str, ShownTable]:
    """Return the reference tables by i18n key: reports, metrics, vocabularies, references."""
    sources = run_query(con, "sources")
    reported = report_sources(sources, lang)
    made = {
        "sources_reports": methods.sources_table(sources, lang),
        "sources_metrics": methods.metric_table(run_query(con, "metric_catalogue"), lang),
        "sources_vocabulary": methods.vocabulary_table(run_query(con, "vocabulary"), lang),
        "sources_reference": methods.reference_table(run_query(con, "region_reference"), lang),
    }
    return {
        key: shown_table(
            t(key, lang), shown, reported, [], [], lang, file_stem(key, filtered=False)
        )
        for key, shown in made.items()
    }
