"""One-page briefings (简报) of a comparison view: what the page shows, ready for a document.

A page's results (views/pages/) become a View: its table as shown, the columns a briefing prints,
its chart, its caveats and its selection. make_briefing turns any View into a Briefing: title,
date, selection, chart, the table's values as written with a numbered source for every row,
the caveats and the source clauses. The writers (docx, pdf) only lay it out;
briefing.pages makes the pages' views, and a new page (the map) needs only a function there.

Over 300 lines as one job: a briefing's content, which both writers (DOCX, PDF) lay out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ruraldash.language.formatting import is_missing, today
from ruraldash.language.i18n import t
from ruraldash.language.punctuation import punctuation
from ruraldash.views.briefing.lead import drafts_note, lead, written
from ruraldash.views.export.provenance import ShownTable, named_stem

SOURCE_COLUMN = "source_ref"  # the column of clause numbers a briefing adds to its table
# English words do not break where Chinese characters do: its short columns need more room.
ENGLISH_WEIGHTS = {
    "region": 16,
    "map_unit": 23,  # "Administrative unit" over unit names kept in Chinese
    "map_region": 14,
    "metric": 24,
    "label": 34,
    "period": 30,
    "scope": 15,
    "status": 11,
}
UNIFORM_FOLDS = ("scope", "status")  # said once when every figure has the same
LONG_TABLE = 25  # rows; past it, regions without a figure are named under the table
# A briefing is one page: at national scale it names some regions and prints some rows, says
# how many there are in all, and leaves them to the page's CSV/XLSX, which holds every one.
BRIEFING_NAMES = 12  # regions named in a line (no figure, reported …)
BRIEFING_ROWS = 60  # table rows at most
NAME_KEYS = ("region", "map_unit")  # the column naming a row's place: a region, a map's unit
# How wide each kind of column prints, relative to the others: the clause of what is counted
# gets the most room, a status or a source number the least.
COLUMN_WEIGHTS = {
    "region": 13,
    "category": 14,
    "metric": 17,
    "program": 22,
    "label": 38,
    "value_text": 17,
    "unit": 9,
    "per_10k": 15,
    "per_10k_note": 20,
    "period": 34,
    "scope": 10,
    "status": 10,
    "rank": 20,
    "change": 22,
    "reported_by": 16,
    SOURCE_COLUMN: 9,
}


@dataclass(frozen=True)
class View:
    """What a page shows that its briefing carries, in the page's language."""

    page: str  # "compare": the i18n keys page_<page> and briefing_title_<page>
    subject: str  # what is compared, e.g. 投入资金
    table: ShownTable
    columns: tuple[str, ...]  # the table's columns a briefing prints, as col_<name> keys
    chart: go.Figure | None
    caveats: tuple[str, ...]
    selection: tuple[tuple[str, str], ...]  # beyond the table's filters: levels, periods …
    lang: str
    file_subject: tuple[str, ...]  # what the file name says after the subject, in `lang`
    chart_caption: str = ""  # printed under the chart image (the map's boundary source)
    # The chart drawn at exactly (width, height) pixels, not the screen's rows closed up:
    # a map's zoom is fitted to its width, and its caption is printed under it instead.
    chart_px: tuple[int, int] | None = None
    # The figures the table prints, with the line that says which (a chart's extremes); None
    # for every figure. Rows without a figure are named under the table either way.
    kept_ids: frozenset[str] | None = None
    kept_note: str = ""
    # The table's figures as stored (ids, values, what makes them like for like): the lead
    # names a highest only from these; None names none.
    figures: pd.DataFrame | None = None
    drafts_left_out: int = 0  # unreviewed drafts of what the view shows, not in its table
    lead_text: str = ""  # a lead the page makes from its own table (a profile's); "" for lead()
    # One table per value of the first column (a category's metrics, each with its period)
    # instead of one table with that column.
    grouped: bool = False
    # Ranked per 10,000 residents: `figures` carry per_10k, and the lead names the highest
    # of those only.
    per_capita: bool = False


@dataclass(frozen=True)
class Clause:
    """A numbered source clause: the report, its date and the quote a table row refers to."""

    number: int
    region: str
    report: str
    date: str
    quote: str


@dataclass(frozen=True)
class Briefing:
    """Everything a one-page briefing shows, as text in one language, plus its chart."""

    lang: str
    title: str
    page_name: str
    made: date
    selection: tuple[tuple[str, str], ...]
    chart: go.Figure | None
    keys: tuple[str, ...]  # what each column holds: the view's col_<name> names, then source_ref
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caveats: tuple[str, ...]
    clauses: tuple[Clause, ...]
    stem: str
    absent: str = ""  # under a long table: the regions without a figure, named once
    table_note: str = ""  # under the table: which of the view's figures it lists, if not all
    chart_caption: str = ""
    chart_px: tuple[int, int] | None = None
    lead: str = ""  # one factual sentence made from the table
    drafts: str = ""  # how many unreviewed drafts are left out, when any are
    grouped: bool = False  # one table per value of the first column (View.grouped)

    def widths_mm(self, total: float, keys: Sequence[str] | None = None) -> tuple[float, ...]:
        """Return each column's width for a table `total` millimetres wide (of `keys`, if
        given: a block's columns)."""
        wider = ENGLISH_WEIGHTS if self.lang == "en" else {}
        chosen = self.keys if keys is None else keys
        weights = [wider.get(key, COLUMN_WEIGHTS.get(key, 14)) for key in chosen]
        return tuple(total * weight / sum(weights) for weight in weights)

    def blocks(self) -> list[TableBlock]:
        """Return the table as the writers print it: one block, or (grouped) one per value of
        the first column, headed by it, without that column; rows without one head "无数据"."""
        if not self.grouped:
            return [TableBlock("", self.keys, self.headers, self.rows)]
        groups: dict[str, list[tuple[str, ...]]] = {}
        for row in self.rows:
            groups.setdefault(row[0], []).append(row[1:])
        return [
            TableBlock(
                heading or t("no_figure", self.lang), self.keys[1:], self.headers[1:], tuple(rows)
            )
            for heading, rows in groups.items()
        ]

    def label(self, key: str) -> str:
        """Return a briefing's fixed text (headings, footer) in its language."""
        return t(key, self.lang)


@dataclass(frozen=True)
class TableBlock:
    """One printed table of a briefing: its heading (a metric and period, or none) and rows."""

    heading: str
    keys: tuple[str, ...]
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def table_filters(shown: ShownTable) -> list[tuple[str, str]]:
    """Return the filters the page noted on its export, as (name, value)."""
    lang = shown.export.lang
    pairs = []
    for item, text in shown.export.notes:
        if item == t("notes_filters", lang) and text != t("no_filters", lang):
            name, _, value = text.partition(": ")
            pairs.append((name, value))
    return pairs


def _cell(value: object) -> str:
    """Write a table cell as text: empty for missing, 126000 rather than 126000.0."""
    if is_missing(value):
        return ""
    if isinstance(value, float):
        return f"{value:.15g}"
    return str(value)


def _clauses(
    shown: ShownTable, lang: str, only: set[str] | None = None
) -> tuple[tuple[Clause, ...], dict[str, int]]:
    """Number the distinct source clauses of a table's rows (those of the figures `only`, if
    given); return them and figure id → number."""
    sources = shown.export.sources
    figure_id, region, report, when, quote = (
        t(key, lang)
        for key in ("col_figure_id", "col_region", "col_source", "col_source_date", "col_quote")
    )
    clauses: list[Clause] = []
    numbers: dict[tuple[str, str, str], int] = {}
    of_figure: dict[str, int] = {}
    for row in sources.to_dict("records"):
        if only is not None and _cell(row[figure_id]) not in only:
            continue
        key = (_cell(row[report]), _cell(row[when]), _cell(row[quote]))
        if key not in numbers:
            numbers[key] = len(clauses) + 1
            clauses.append(Clause(numbers[key], _cell(row[region]), *key))
        of_figure[_cell(row[figure_id])] = numbers[key]
    return tuple(clauses), of_figure


def _with_unit(keys: list[str], body: list[list[str]], lang: str) -> tuple[list[str], list]:
    """Write each value with its unit, as reports do (近8亿元, 2亿元（计划）); drop the unit column.

    A row without a figure keeps 无数据 alone: it has no unit either.
    """
    unit, value = keys.index("unit"), keys.index("value_text")
    none = t("no_figure", lang)
    for cells in body:
        if cells[value] and cells[value] != none:
            cells[value] = written(cells[value], cells[unit], lang)
        cells.pop(unit)
    keys.pop(unit)
    return keys, body


def _fold_uniform(
    keys: list[str], body: list[list[str]], figured: list[bool], lang: str
) -> tuple[list[str], list[list[str]], list[tuple[str, str]]]:
    """Move a unit, scope or status that every figure shares from the table to the selection.

    The page has room for a column that says the same on every row; an A4 page has not, and
    the narrower table wraps fewer lines. What it said is kept, once, under the selection.
    """
    same: list[tuple[str, str]] = []
    for key in UNIFORM_FOLDS:
        if key not in keys:
            continue
        at = keys.index(key)
        values = {cells[at] for cells, has in zip(body, figured, strict=True) if has}
        if len(values) != 1:
            continue
        (value,) = values
        same.append((t(f"col_{key}", lang), t("briefing_every_row", lang).format(value=value)))
        keys.pop(at)
        for cells in body:
            cells.pop(at)
    return keys, body, same


def _fold_absent(
    rows: tuple[tuple[str, ...], ...], keys: list[str], lang: str
) -> tuple[tuple[tuple[str, ...], ...], str]:
    """In a long table, name the regions without a figure under it instead of a row each.

    A category's every metric × every region runs to pages of 无数据 rows; one line per metric
    (无数据：选派干部：乙县、丙市) says the same and leaves the figures on one or two pages.
    """
    named = next((key for key in NAME_KEYS if key in keys), None)
    if len(rows) <= LONG_TABLE or "value_text" not in keys or named is None:
        return rows, ""
    value, region = keys.index("value_text"), keys.index(named)
    metric = keys.index("metric") if "metric" in keys else None
    none = t("no_figure", lang)
    kept = tuple(row for row in rows if row[value] != none)
    if len(kept) == len(rows):
        return rows, ""
    absent: dict[str, list[str]] = {}
    for row in rows:
        if row[value] == none:
            absent.setdefault("" if metric is None else row[metric], []).append(row[region])
    colon = punctuation(lang).colon
    parts = [
        (f"{name}{colon}" if name else "") + some_names(distinct(regions), lang)
        for name, regions in absent.items()
    ]
    return kept, t("briefing_absent", lang) + colon + join_names(parts, lang, "；")


def briefing_stem(view: View, day: date | None = None) -> str:
    """Return the file name of a view's briefing, without its extension, in its language:
    投入资金_地区比较_简报_2026-12-06."""
    lang = view.lang
    words = (
        view.subject,
        *view.file_subject,
        t(f"page_{view.page}", lang),
        t("briefing_kind", lang),
    )
    return named_stem(words, lang, day)


def make_briefing(view: View, day: date | None = None) -> Briefing:
    """Return the briefing of a view: its table's rows as written, each with its source number.

    At most BRIEFING_ROWS rows: the view's kept figures (a chart's extremes) if it names them,
    then the first rows, each cut said under the table.
    """
    lang, made = view.lang, day or today()
    shown = view.table.shown
    ids = shown[t("col_figure_id", lang)].map(_cell) if len(shown) else pd.Series(dtype=str)
    table_note = ""
    # Rows without a figure always stay: a long table names them, not prints them, under it.
    value = t("col_value_text", lang)
    figured = (
        (shown[value] != t("no_figure", lang)).to_numpy()
        if value in shown
        else np.ones(len(shown), dtype=bool)
    )
    if view.kept_ids is not None and len(shown):
        keep = ids.isin(view.kept_ids).to_numpy() | ~figured
        shown, ids, figured = shown[keep], ids[keep], figured[keep]
        table_note = view.kept_note
    if int(figured.sum()) > BRIEFING_ROWS:
        keep = ~figured | (np.cumsum(figured) <= BRIEFING_ROWS)
        first = t("briefing_first_rows", lang).format(
            kept=BRIEFING_ROWS, rows=f"{int(figured.sum()):,}"
        )
        table_note = f"{table_note} {first}" if table_note else first
        shown, ids = shown[keep], ids[keep]
    cut = len(ids) < len(view.table.shown)
    clauses, of_figure = _clauses(view.table, lang, set(ids) if cut else None)
    headers = [t(f"col_{name}", lang) for name in view.columns]
    body = [[_cell(value) for value in row] for row in shown[headers].itertuples(index=False)]
    keys = list(view.columns)
    if "unit" in keys and "value_text" in keys:
        keys, body = _with_unit(keys, body, lang)
    refs = [f"[{of_figure[i]}]" if i in of_figure else "" for i in ids]
    keys, body, same = _fold_uniform(keys, body, [bool(ref) for ref in refs], lang)
    rows = tuple((*cells, ref) for cells, ref in zip(body, refs, strict=True))
    rows, absent = _fold_absent(rows, keys, lang)
    selection = (
        (t("briefing_view", lang), t(f"page_{view.page}", lang)),
        *table_filters(view.table),
        *view.selection,
        *same,
    )
    return Briefing(
        lang=lang,
        title=t(f"briefing_title_{view.page}", lang).format(subject=view.subject),
        page_name=t(f"page_{view.page}", lang),
        made=made,
        selection=tuple(selection),
        chart=view.chart,
        keys=(*keys, SOURCE_COLUMN),
        headers=(*(t(f"col_{name}", lang) for name in keys), t("briefing_source_column", lang)),
        rows=rows,
        caveats=view.caveats,
        clauses=clauses,
        stem=briefing_stem(view, made),
        absent=absent,
        table_note=table_note,
        chart_caption=view.chart_caption,
        chart_px=view.chart_px,
        lead=view.lead_text or lead(view.table.shown, view.figures, lang, view.per_capita),
        drafts=drafts_note(view.drafts_left_out, lang),
        grouped=view.grouped,
    )


def report_heading(clause: Clause, lang: str) -> str:
    """Return the report a clause comes from: region · report (date)."""
    return punctuation(lang).aside(f"{clause.region} · {clause.report}", clause.date)


def clauses_by_report(briefing: Briefing) -> list[tuple[str, list[Clause]]]:
    """Return the source clauses grouped under their report, in the order they are numbered."""
    groups: dict[str, list[Clause]] = {}
    for clause in briefing.clauses:
        groups.setdefault(report_heading(clause, briefing.lang), []).append(clause)
    return list(groups.items())


def join_names(items: Sequence[str], lang: str, mark: str = "、") -> str:
    """Join names as the language lists them: 甲市、乙县 or Alpha, Beta; 时期 with "；"."""
    marks = punctuation(lang)
    return marks.join(items) if mark == "；" else marks.enumerate(items)


def some_names(items: Sequence[str], lang: str, mark: str = "、") -> str:
    """Join the first BRIEFING_NAMES names, and say how many there are in all if more."""
    if len(items) <= BRIEFING_NAMES:
        return join_names(items, lang, mark)
    more = t("briefing_more", lang).format(count=f"{len(items):,}")
    return join_names(items[:BRIEFING_NAMES], lang, mark) + more


def distinct(values: Sequence[str]) -> list[str]:
    """Return the non-empty values in the order they first appear."""
    return list(dict.fromkeys(value for value in values if value))
