"""Figures a curator adds that the draft missed: from words selected in the report, or a clause.

The drafting engine reads them, so an added figure has the same value, unit, qualifier, period
and metric guess as any draft; its quote is the report's clause around the words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ruraldash.draft import sentences
from ruraldash.draft.dating import find_date
from ruraldash.draft.engine import DraftFigure, draft_report
from ruraldash.language.textnorm import normalise
from ruraldash.store.declarations import Metric


@dataclass(frozen=True)
class SelectedFigures:
    """What a selection of the report gives: its words, the clause around them, the figures."""

    words: str
    quote: str
    figures: tuple[dict[str, str], ...]


def enclosing_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the bounds in `text` of the clause (or clauses) holding [start, end)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", max(start, end - 1))
    line_end = len(text) if line_end == -1 else line_end
    line = text[line_start:line_end]
    low, high = sentences.clause_bounds(line, start - line_start, min(end, line_end) - line_start)
    return line_start + low, line_start + high


def _overlapping(figures: tuple[DraftFigure, ...], start: int, end: int) -> list[DraftFigure]:
    """Return the figures whose number as written overlaps [start, end)."""
    return [figure for figure in figures if figure.start < end and figure.end > start]


def drafted_from_selection(
    report: str,
    start: int,
    end: int,
    metrics: Mapping[str, Metric],
    source: str,
    region: str,
    date: str = "",
) -> SelectedFigures:
    """Return the figures the engine reads in the words at [start, end) of the normalised report.

    The report is read whole first, so the words keep their context (the report's date, a noun
    an earlier clause implies). A number it leaves out (a threshold, a date, a name) is read
    again from its line up to the selection's end (a period phrase before it still dates it),
    then from the words alone: the curator has said it is a figure. `date` is the report's, as
    its source declares it (else the date the report states). Offsets outside the report give
    no words and no figures.
    """
    text = normalise(report)
    if not 0 <= start < end <= len(text) or not text[start:end].strip():
        return SelectedFigures("", "", ())
    low, high = enclosing_clause(text, start, end)
    quote = text[low:high]
    if not date:
        stated = find_date(text)
        date = stated.date if stated is not None and stated.basis == "stated" else ""
    whole = draft_report(report, metrics, source, region, date)
    found = _overlapping(whole.figures, start, end)
    if not found:
        for begin in (text.rfind("\n", 0, start) + 1, start):
            alone = draft_report(text[begin:end], metrics, source, region, date)
            found = _overlapping(alone.figures, start - begin, end - begin)
            if found:
                break
    return SelectedFigures(
        text[start:end].strip(),
        quote,
        tuple({**figure.row(), "quote": quote} for figure in found),
    )


def drafted_from_clause(
    clause: str, metrics: Mapping[str, Metric], source: str, region: str
) -> list[dict[str, str]]:
    """Return the figures the engine reads in a clause a curator pasted or typed (the fallback
    to selecting its words, for keyboard and assistive use)."""
    return [figure.row() for figure in draft_report(clause, metrics, source, region).figures]
