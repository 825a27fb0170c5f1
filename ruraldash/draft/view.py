"""What the draft page shows: the report with its numbers marked, and the tables to edit."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from ruraldash.draft.engine import Draft, draft_report
from ruraldash.draft.files import SKIPPED_COLUMNS, decode_report, source_id_from_name
from ruraldash.draft.skip_reasons import SKIP_REASONS
from ruraldash.draft.stub import yaml_stub
from ruraldash.language.i18n import localised_column, t, t_choice
from ruraldash.language.punctuation import punctuation
from ruraldash.store.declarations import Catalogue
from ruraldash.store.figure_files import CSV_COLUMNS, REVIEW_STATES

# Marks in the report text: a drafted figure, a planned one, and a numeral left out.
FIGURE_STYLE = "background:#fde68a;border-radius:3px;padding:0 2px"
PLAN_STYLE = "background:#bfdbfe;border-radius:3px;padding:0 2px"
SKIPPED_STYLE = "color:#6b7280;text-decoration:underline dotted"
TEXT_STYLE = (
    "font-size:15px;line-height:1.9;max-height:560px;overflow-y:auto;"
    "padding:12px 16px;border:1px solid #e5e7eb;border-radius:6px;white-space:normal"
)


def reason_text(reason: str, lang: str) -> str:
    """Return a skip reason in the reader's language."""
    return SKIP_REASONS[reason].label(lang)


def summary(draft: Draft, lang: str) -> str:
    """Return the page's one-line account: figures found, numerals skipped and why."""
    counts = Counter(item.reason for item in draft.skipped)
    reasons = punctuation(lang).enumerate(
        [
            f"{reason_text(reason, lang)} {counts[reason]}"
            for reason in SKIP_REASONS
            if counts[reason]
        ]
    )
    return t("draft_summary", lang).format(
        figures=len(draft.figures),
        skipped=len(draft.skipped),
        reasons=t("draft_reasons", lang).format(reasons=reasons) if reasons else "",
    )


def highlight_html(
    draft: Draft, lang: str, names: Mapping[str, Mapping[str, str]] | None = None
) -> str:
    """Return the normalised report as HTML, each drafted figure and skipped numeral marked.

    A figure's tip names its metric, unit, qualifier and status as `names` (code_names) does,
    in the reader's language. Every piece of the report is escaped: a report is untrusted text.
    """
    names = names or {}

    def named(column: str, code: str) -> str:
        return names.get(column, {}).get(code, code)

    marks: list[tuple[int, int, str, str]] = []
    for figure in draft.figures:
        style = PLAN_STYLE if figure.status == "plan" else FIGURE_STYLE
        tip = (
            f"{figure.id} · {named('metric', figure.metric) if figure.metric else '?'} · "
            f"{figure.value} {named('unit', figure.unit)} · "
            f"{named('qualifier', figure.qualifier)} · {named('status', figure.status)}"
        )
        marks.append((figure.start, figure.end, style, tip))
    for item in draft.skipped:
        marks.append(
            (
                item.start,
                item.end,
                SKIPPED_STYLE,
                punctuation(lang).labelled(
                    t("draft_skipped_mark", lang), reason_text(item.reason, lang)
                ),
            )
        )
    pieces: list[str] = []
    at = 0
    for start, end, style, tip in sorted(marks):
        if start < at:
            continue  # marks never overlap; if one did, the first wins rather than nesting
        pieces.append(html.escape(draft.text[at:start]))
        tag = "mark" if style != SKIPPED_STYLE else "span"
        pieces.append(
            f'<{tag} style="{style}" title="{html.escape(tip)}">'
            f"{html.escape(draft.text[start:end])}</{tag}>"
        )
        at = end
    pieces.append(html.escape(draft.text[at:]))
    body = "".join(pieces).replace("\n", "<br>")
    return f'<div style="{TEXT_STYLE}">{body}</div>'


def legend_html(lang: str) -> str:
    """Return the key to the marks in the report text."""
    return (
        f'<mark style="{FIGURE_STYLE}">{html.escape(t("draft_legend_figure", lang))}</mark> '
        f'<mark style="{PLAN_STYLE}">{html.escape(t("draft_legend_plan", lang))}</mark> '
        f'<span style="{SKIPPED_STYLE}">{html.escape(t("draft_legend_skipped", lang))}'
        "</span>"
    )


def draft_table(draft: Draft) -> pd.DataFrame:
    """Return the drafted figures as text columns in the curated schema, for editing."""
    return pd.DataFrame(
        [figure.row() for figure in draft.figures], columns=list(CSV_COLUMNS), dtype=object
    ).fillna("")


# The draft tables' columns with a header in the i18n table (draft_header_<column>); the CSV
# keeps the curated schema's ids, and a column not listed (part_of) shows its id.
HEADED = (
    *("id", "region", "scope", "metric", "label", "program", "value", "unit", "qualifier"),
    *("status", "period_text", "period_start", "period_end", "quote", "note_zh", "note_en"),
    *("review", *SKIPPED_COLUMNS),
)
NOTES = ("note_zh", "note_en")  # a reader sees the note in their language only


def column_labels(columns: list[str] | tuple[str, ...], lang: str) -> dict[str, str]:
    """Return {column id: header in `lang`} for a draft table (ids not listed keep their id)."""
    return {c: t_choice("draft_header", c, lang) if c in HEADED else c for c in columns}


def code_names(
    catalogue: Catalogue | None, lang: str, table: pd.DataFrame | None = None
) -> dict[str, dict[str, str]]:
    """Return {column: {code: name in `lang`}} for the draft's columns that hold codes.

    Each lists every code the catalogue declares for the column, then any other code found in
    `table` (a region typed but not declared yet, a code no catalogue knows), named by itself,
    so that a table showing names still shows every value it holds.
    """
    name = localised_column("name", lang)
    # A review state reads by name (draft_review_<state>); the CSV keeps its id.
    names: dict[str, dict[str, str]] = {
        "review": {state: t_choice("draft_review", state, lang) for state in REVIEW_STATES}
    }
    if catalogue is not None:
        vocabularies = {
            "region": catalogue.regions,
            "metric": catalogue.metrics,
            "program": catalogue.programs,
            "unit": catalogue.units,
            "qualifier": catalogue.qualifiers,
            "status": catalogue.statuses,
        }
        for column, entries in vocabularies.items():
            names[column] = {code: getattr(entry, name) or code for code, entry in entries.items()}
    if table is not None:
        for column, named in names.items():
            if column in table.columns:
                for code in table[column].tolist():
                    if isinstance(code, str) and code and code not in named:
                        named[code] = code
    return names


def shown_columns(columns: list[str] | tuple[str, ...], lang: str) -> list[str]:
    """Return the columns a reader of `lang` sees: the note in the other language is hidden."""
    shown = localised_column("note", lang)
    return [c for c in columns if c == shown or c not in NOTES]


def skipped_table(draft: Draft, lang: str) -> pd.DataFrame:
    """Return the skipped numerals with their reasons in the reader's language."""
    rows = [{**item.row(), "reason": reason_text(item.reason, lang)} for item in draft.skipped]
    return pd.DataFrame(rows, columns=list(SKIPPED_COLUMNS), dtype=object)


@dataclass(frozen=True)
class Report:
    """A report as the draft page was given it: its text, file name and the ids typed for it."""

    text: str
    file_name: str  # the uploaded file's name, "" for pasted text
    source: str  # the source id typed, else one made from the file name
    region: str  # the region id typed, "" if none
    typed_source: str | None  # the source id as typed, None when left to the default

    @classmethod
    def given(
        cls, upload: bytes | None, file_name: str, pasted: str, source: str, region: str
    ) -> Report:
        """Return the report uploaded (its bytes decoded) or else pasted, with the typed ids."""
        text = decode_report(upload) if upload is not None else pasted
        typed = source.strip()
        return cls(
            text, file_name, typed or default_source(file_name), region.strip(), typed or None
        )

    @property
    def identity(self) -> int:
        """Which draft edits belong to: a new text, source or region starts a new draft."""
        return hash((self.text, self.source, self.region))


def default_source(file_name: str) -> str:
    """Return the source id a report gets when none is typed: made from its file name."""
    return source_id_from_name(file_name or "draft")


@dataclass(frozen=True, eq=False)
class Drafted:
    """A drafted report as the page shows it, codes named in the reader's language."""

    draft: Draft
    summary: str  # figures found, numerals skipped and why, in one line
    marked: str  # the key to the marks, then the report with every number marked (HTML)
    table: pd.DataFrame  # the figures to edit: text columns in the curated schema, as codes
    names: dict[str, dict[str, str]]  # {column: {code: name}} for the columns holding codes
    labels: dict[str, str]  # {column: header} of the figures
    shown: list[str]  # the figures' columns a reader of the language sees
    skipped: pd.DataFrame  # the numerals left out, with their reasons in the language
    skipped_labels: dict[str, str]  # {column: header} of the numerals left out
    stub: str  # sources.yaml and regions.yaml entries to fill in


def drafted(report: Report, catalogue: Catalogue | None, lang: str) -> Drafted:
    """Draft a report, its metrics guessed from the catalogue's keywords, and lay it out."""
    draft = draft_report(
        report.text, catalogue.metrics if catalogue else {}, report.source, report.region
    )
    table = draft_table(draft)
    names = code_names(catalogue, lang, table)
    skipped = skipped_table(draft, lang)
    return Drafted(
        draft=draft,
        summary=summary(draft, lang),
        marked=legend_html(lang) + highlight_html(draft, lang, names),
        table=table,
        names=names,
        labels=column_labels(list(table.columns), lang),
        shown=shown_columns(list(table.columns), lang),
        skipped=skipped,
        skipped_labels=column_labels(list(skipped.columns), lang),
        stub=yaml_stub(
            draft, report.text, report.file_name, catalogue.regions if catalogue else {}
        ),
    )
