"""A figure's quote in its report: the report's text (as it punctuates) with that clause marked."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

import duckdb
import pandas as pd

from ruraldash.compare.figures import FigureFilter, load_figures, localised, name_of
from ruraldash.language.i18n import t
from ruraldash.store.db import run_query
from ruraldash.views.plain import shown_quotes

# The same marks as the draft page's report text, so a clause looks the same everywhere.
MARK_STYLE = "background:#fde68a;border-radius:3px;padding:0 2px"
TEXT_STYLE = (
    "font-size:15px;line-height:1.9;padding:12px 16px;border:1px solid #e5e7eb;"
    "border-radius:6px;white-space:pre-wrap"
)
FULL_TEXT_STYLE = TEXT_STYLE + ";max-height:480px;overflow-y:auto"
CHOICE_QUOTE_CHARS = 60  # a choice shows the start of a long quote


@dataclass(frozen=True)
class QuoteInReport:
    """One figure's clause in its report: where it is from, its paragraph and the whole text."""

    title: str
    quote: str
    found: bool
    paragraph_html: str  # the line of the report holding the clause, the clause marked
    report_html: str  # the whole report (simplified, without pinyin), the clause marked


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Return where `quote` stands in `text`, white space in either ignored, or None.

    Quotes are checked the same way (white space removed), so a quote that passed validation
    is found here even when the report breaks its line inside the clause.
    """
    chars = [char for char in quote if not char.isspace()]
    if not chars:
        return None
    found = re.search(r"\s*".join(re.escape(char) for char in chars), text)
    return (found.start(), found.end()) if found else None


def marked_html(text: str, span: tuple[int, int] | None, style: str = TEXT_STYLE) -> str:
    """Return `text` as escaped HTML in a box, the characters in `span` marked.

    A report is untrusted text: every piece of it is escaped, and only our own tags are added.
    """
    if span is None:
        body = html.escape(text)
    else:
        start, end = span
        body = (
            f'{html.escape(text[:start])}<mark style="{MARK_STYLE}">'
            f"{html.escape(text[start:end])}</mark>{html.escape(text[end:])}"
        )
    return f'<div style="{style}">{body}</div>'


def paragraph_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Return the bounds of the lines that hold `span` (a report's paragraph is one line)."""
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    return start, len(text) if end == -1 else end


def marked_paragraphs(
    text: str, marked: Iterable[tuple[int, int]], chosen: tuple[int, int] | None = None
) -> list[dict[str, object]]:
    """Return `text` line by line as {"start": offset, "pieces": [[words, kind], ...]}.

    A piece's kind is "chosen" inside the `chosen` span, "clause" inside a `marked` span (a
    drafted clause), else "". The pieces of a line join to the line, so offsets read from them
    are offsets in `text`; empty lines are left out.
    """
    spans = [span for span in marked if span[0] < span[1]]
    cuts = {0, len(text)} | {at for span in spans for at in span}
    cuts |= {at for at, char in enumerate(text) if char == "\n"}
    cuts |= {at + 1 for at, char in enumerate(text) if char == "\n"}
    if chosen is not None:
        cuts |= set(chosen)
    paragraphs: list[dict[str, object]] = []
    pieces: list[list[str]] = []
    line_start = 0
    edges = sorted(cut for cut in cuts if 0 <= cut <= len(text))
    for low, high in zip(edges, edges[1:], strict=False):
        words = text[low:high]
        if words == "\n":
            if pieces:
                paragraphs.append({"start": line_start, "pieces": pieces})
            pieces, line_start = [], high
            continue
        if chosen is not None and chosen[0] <= low and high <= chosen[1]:
            kind = "chosen"
        elif any(start <= low and high <= end for start, end in spans):
            kind = "clause"
        else:
            kind = ""
        pieces.append([words, kind])
    if pieces:
        paragraphs.append({"start": line_start, "pieces": pieces})
    return paragraphs


def in_report(text: str | None, quote: str, title: str, shown: str | None = None) -> QuoteInReport:
    """Return the quote marked in its paragraph and in the whole report text.

    The clause is found in the normalised `text` and shown from `shown`, the same text with
    the report's own punctuation (textnorm.as_written, aligned with it), when there is one.
    """
    shown = shown if shown is not None and text is not None and len(shown) == len(text) else text
    span = locate(text, quote) if text else None
    if text is None or shown is None or span is None:
        whole = marked_html(shown or "", None, FULL_TEXT_STYLE)
        return QuoteInReport(title, quote, False, "", whole)
    start, end = paragraph_span(text, span)
    return QuoteInReport(
        title,
        shown[span[0] : span[1]],
        True,
        marked_html(shown[start:end], (span[0] - start, span[1] - start)),
        marked_html(shown, span, FULL_TEXT_STYLE),
    )


def quote_choices(
    con: duckdb.DuckDBPyConnection, lang: str, where: FigureFilter, first: int | None = None
) -> dict[str, str]:
    """Return the figures that pass `where` as {figure id: "「quote」 label · region"}.

    With `first`, only the first that many (the ones a long list shows): a choice among half a
    million figures would be megabytes sent on every rerun.
    """
    figures = load_figures(con, where)
    return figure_choices(figures if first is None else figures.head(first), lang)


def figure_choices(figures: pd.DataFrame, lang: str) -> dict[str, str]:
    """Return `figures` as {figure id: "「quote」 label · region"}, to pick one's clause."""
    return {
        figure: f"「{_shortened(quote)}」 {label} · {region}"
        for figure, quote, label, region in zip(
            figures["figure_id"],
            shown_quotes(figures),
            figures["label"],
            localised(figures, "region", lang),
            strict=True,
        )
    }


def _shortened(quote: str) -> str:
    return quote if len(quote) <= CHOICE_QUOTE_CHARS else quote[: CHOICE_QUOTE_CHARS - 1] + "…"


def quote_in_report(con: duckdb.DuckDBPyConnection, lang: str, figure: str) -> QuoteInReport:
    """Return one figure's clause in the normalised text of its report."""
    rows = run_query(con, "figure_in_report", figure=figure)
    if rows.empty:
        raise KeyError(f"no figure {figure!r}")
    row = rows.iloc[0]
    title = t("quote_source", lang).format(
        region=name_of(row, "region", lang),
        title=name_of(row, "source_title", lang),
        figure=figure,
    )
    text = row["report_text"] if isinstance(row["report_text"], str) else None
    shown = row["report_shown"] if isinstance(row["report_shown"], str) else None
    return in_report(text, row["quote"], title, shown)
