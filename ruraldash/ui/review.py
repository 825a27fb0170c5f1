"""The review page's widgets: the queue, a figure's clause beside its fields, a figure the draft
missed (its words selected in the report, or its clause pasted), and the saves.

Only the review page imports this module. Every save goes through draft.review.save, which
validates a private copy first and writes all or nothing; its outcome is shown on the next run.

Over 300 lines as one job: the widgets of one page's one task (review a report's figures), each
short; the fields and the save are shared by a draft and a figure added.
"""

from __future__ import annotations

import getpass
import os
import time
from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import streamlit as st

from ruraldash import paths
from ruraldash.draft import view
from ruraldash.draft.review import queue as review_queue
from ruraldash.draft.review.decisions import EDITABLE, Decision, DecisionError
from ruraldash.draft.review.save import SaveRefused, StaleFile, save
from ruraldash.draft.review.selection import drafted_from_clause, drafted_from_selection
from ruraldash.language.i18n import localised_column, t
from ruraldash.language.textnorm import as_written, normalise
from ruraldash.store.declarations import Catalogue
from ruraldash.ui import report_selection
from ruraldash.ui.drafting import catalogue
from ruraldash.ui.roles import may_curate, read_only_reason
from ruraldash.views.plain import markdown_text
from ruraldash.views.report_context import in_report, locate

ACCEPT_KEY = "Ctrl+Enter"  # works while a field has the focus, after a correction too
SKIP_KEY = "Ctrl+Down"
_FLASH = "_review_flash"  # the outcome of the last save: (kind, text, details)
_SEEN = "_review_seen"  # {source: digest of its figures file as the page last showed it}
_SKIPPED = "_review_skipped"  # {source: figures skipped so far}
_SELECTED = "_review_selected"  # {source: (start, end, SelectedFigures) of the words last selected}
# Fields picked from the catalogue; the others are typed.
_CHOSEN = ("metric", "unit", "qualifier", "status", "program")
_REASONS = (
    "review_reason_not_figure",
    "review_reason_date",
    "review_reason_threshold",
    "review_reason_duplicate",
    "review_reason_other_region",
    "review_reason_other",
)


def reviewer() -> str:
    """Return the name a review is recorded under: the signed-in user's e-mail or name (st.login),
    else $RURALDASH_REVIEWER, else the system user running the app."""
    signed_in = (
        (st.user.get("email") or st.user.get("name")) if st.user.get("is_logged_in") else None
    )
    return str(signed_in or os.environ.get("RURALDASH_REVIEWER") or getpass.getuser())


def curators_only(lang: str) -> None:
    """Stop the page with a note unless this session is a curator's."""
    if not may_curate():
        st.info(read_only_reason(lang, "review_curators_only"))
        st.stop()


def waiting(lang: str) -> list[review_queue.ReportQueue]:
    """Show the last save's outcome; return every report, those with drafts first, saying when
    none has any (a figure a draft missed can still be added to any report)."""
    flash = st.session_state.pop(_FLASH, None)
    if flash is not None:
        kind, text, details = flash
        {"success": st.success, "warning": st.warning, "error": st.error}[kind](text)
        if details:
            st.code("\n".join(details), language=None)
    reports, unreadable = review_queue.reports(paths.default_data_dir())
    if unreadable:
        st.warning(t("review_unreadable", lang).format(files=", ".join(unreadable)))
    if not any(report.drafts for report in reports):
        st.success(t("review_empty", lang))
    if not reports:
        st.stop()
    return sorted(reports, key=lambda report: not report.drafts)


def pick_report(reports: list[review_queue.ReportQueue], lang: str) -> review_queue.ReportQueue:
    """Choose the report to review (the first with drafts by default); remember the file as
    shown."""
    by_source = {report.source: report for report in reports}
    known = catalogue()

    def named(source: str) -> str:
        entry = known.sources.get(source) if known is not None else None
        title = getattr(entry, localised_column("title", lang), "") if entry else ""
        return t("review_report_choice", lang).format(
            title=title or source, source=source, count=len(by_source[source].drafts)
        )

    chosen = st.selectbox(
        t("review_report", lang), list(by_source), key="review_report", format_func=named
    )
    report = by_source[chosen]
    st.session_state.setdefault(_SEEN, {})[report.source] = report.file.digest
    return report


def _names(lang: str, region: str) -> dict[str, dict[str, str]]:
    """Return {column: {code: name in lang}} for the chosen fields; programs of the region only."""
    known = catalogue()
    names = view.code_names(known, lang)
    if known is not None:
        names["program"] = {
            code: name
            for code, name in names["program"].items()
            if known.programs[code].region == region
        }
    names["program"] = {"": "—", **names.get("program", {})}
    return names


def _field(column: str, value: str, key: str, label: str, names: Mapping[str, str]) -> None:
    """Draw one field: a choice among the catalogue's codes (shown as names) or a text box."""
    if column in _CHOSEN:
        options = list(names)
        if value not in names:
            options.insert(0, value)
        st.selectbox(
            label,
            options,
            index=options.index(value),
            key=key,
            format_func=lambda code: names.get(code, code),
        )
    else:
        st.text_input(label, value=value, key=key)


def _fields(
    row: Mapping[str, str], header: tuple[str, ...], prefix: str, lang: str
) -> Callable[[], dict[str, str]]:
    """Draw the fields a curator may change; return a function reading back what changed."""
    columns = [column for column in EDITABLE if column in header]
    labels = view.column_labels(columns, lang)
    names = _names(lang, row.get("region", ""))
    keys = {column: f"{prefix}_{column}" for column in columns}
    left, right = st.columns(2)
    for number, column in enumerate(columns):
        with left if number % 2 == 0 else right:
            _field(column, row.get(column, ""), keys[column], labels[column], names.get(column, {}))

    def changed() -> dict[str, str]:
        return {
            column: str(st.session_state[key]).strip()
            for column, key in keys.items()
            if key in st.session_state and str(st.session_state[key]).strip() != row.get(column, "")
        }

    return changed


def _save(source: str, decisions: list[Decision], lang: str) -> bool:
    """Save decisions as this page last showed the file; keep the outcome for the next run.

    Return whether they were saved.
    """
    started = time.perf_counter()
    try:
        saved = save(
            paths.default_data_dir(),
            paths.default_metrics_dir(),
            source,
            decisions,
            st.session_state.get(_SEEN, {}).get(source, ""),
            reviewer(),
        )
    except StaleFile:
        st.session_state[_FLASH] = ("warning", t("review_stale", lang), [])
        return False
    except SaveRefused as refused:
        st.session_state[_FLASH] = ("error", t("review_refused", lang), refused.problems)
        return False
    except DecisionError as error:
        message = t("review_invalid_decision", lang).format(error=error)
        st.session_state[_FLASH] = ("error", message, [])
        return False
    text = t("review_saved", lang).format(
        accepted=saved.accepted,
        rejected=saved.rejected,
        added=len(saved.added),
        seconds=time.perf_counter() - started,
    )
    st.session_state[_FLASH] = ("success", text, [])
    return True


def _clause(report: review_queue.ReportQueue, row: Mapping[str, str], lang: str) -> None:
    """Show the report's paragraph with the figure's clause marked (escaped text, our marks)."""
    text = review_queue.report_text(catalogue(), report.source)
    found = in_report(normalise(text) if text is not None else None, row.get("quote", ""), "")
    if found.found:
        st.html(found.paragraph_html)
    else:
        st.warning(
            t("review_quote_missing", lang).format(quote=markdown_text(row.get("quote", "")))
        )


def _reject_reason(prefix: str, lang: str) -> str:
    """Ask why a figure is rejected: a common reason in one click, or one typed."""
    reason = st.pills(
        t("review_reject_reason", lang),
        list(_REASONS),
        key=f"{prefix}_reason",
        format_func=lambda key: t(key, lang),
    )
    if reason == "review_reason_other":
        return st.text_input(t("review_reason_text", lang), key=f"{prefix}_reason_text").strip()
    return t(reason, lang) if reason else ""


def current_figure(report: review_queue.ReportQueue, lang: str) -> None:
    """Show the next figure waiting: its clause in the report beside its fields and actions."""
    if not report.drafts:
        st.info(t("review_report_done", lang))
        return
    skipped = st.session_state.setdefault(_SKIPPED, {}).get(report.source, 0)
    number = skipped % len(report.drafts)
    row = report.drafts[number]
    figure = row.get("id", "")
    prefix = f"review_{figure}"
    st.caption(
        t("review_position", lang).format(
            number=number + 1, count=len(report.drafts), figure=figure
        )
    )
    text_side, fields_side = st.columns([3, 2], gap="large")
    with text_side:
        _clause(report, row, lang)
        note = row.get(localised_column("note", lang), "")
        if note:  # the drafting's own remark: its metric guess, confidence and alternatives
            st.caption(t("review_draft_note", lang).format(note=markdown_text(note)))
        reason = _reject_reason(prefix, lang)
        st.button(
            t("review_reject", lang),
            key=f"{prefix}_reject",
            disabled=not reason,
            help=None if reason else t("review_reason_needed", lang),
            on_click=lambda: _save(
                report.source, [Decision("reject", figure, reason=reason)], lang
            ),
        )
    with fields_side:
        changed = _fields(row, report.file.header, prefix, lang)
        with st.container(horizontal=True):
            st.button(
                t("review_accept", lang),
                key=f"{prefix}_accept",
                type="primary",
                shortcut=ACCEPT_KEY,
                help=t("review_accept_help", lang).format(key=ACCEPT_KEY),
                on_click=lambda: _save(
                    report.source, [Decision("accept", figure, changed())], lang
                ),
            )
            st.button(
                t("review_skip", lang),
                key=f"{prefix}_skip",
                shortcut=SKIP_KEY,
                on_click=lambda: st.session_state[_SKIPPED].update({report.source: skipped + 1}),
            )


def _queue_table(report: review_queue.ReportQueue, lang: str) -> pd.DataFrame:
    """Return the report's drafts as a table of names, in the file's order."""
    columns = ["id", "metric", "label", "value", "unit", "qualifier", "status", "quote"]
    names = view.code_names(catalogue(), lang)
    table = pd.DataFrame(
        [[row.get(column, "") for column in columns] for row in report.drafts], columns=columns
    )
    for column in ("metric", "unit", "qualifier", "status"):
        table[column] = table[column].map(lambda code, c=column: names[c].get(code, code))
    return table.rename(columns=view.column_labels(columns, lang))


def bulk(report: review_queue.ReportQueue, lang: str) -> None:
    """List the report's drafts; accept the rows selected at once, unchanged."""
    if not report.drafts:
        return
    st.subheader(t("review_table", lang))
    st.caption(t("review_table_help", lang))
    key = f"review_table_{report.source}_{report.file.digest[:12]}"
    shown = st.dataframe(
        _queue_table(report, lang),
        key=key,
        hide_index=True,
        on_select="rerun",
        selection_mode="multi-row",
    )
    rows = shown.selection.rows
    ids = [report.drafts[row]["id"] for row in rows]
    st.button(
        t("review_accept_selected", lang).format(count=len(ids)),
        key="review_accept_selected",
        disabled=not ids,
        on_click=lambda: _save(report.source, [Decision("accept", i) for i in ids], lang),
    )


def _region(known: Catalogue | None, report: review_queue.ReportQueue) -> str:
    """Return the region of the report's source (from its figures if the catalogue lacks it)."""
    if known is not None and report.source in known.sources:
        return known.sources[report.source].region
    return report.file.records[0].cells.get("region", "") if report.file.records else ""


def _drafted_form(
    report: review_queue.ReportQueue,
    drafted: Sequence[Mapping[str, str]],
    keys: tuple[str, str, str],
    lang: str,
    saved: Callable[[], object] = lambda: None,
) -> None:
    """Offer the figures drafted from a curator's words, one at a time, corrected then added.

    `keys` are the choice's, the fields' prefix and the add button's; `saved` runs once the
    figure is saved.
    """
    pick_key, prefix, add_key = keys
    units = view.code_names(catalogue(), lang)["unit"]
    picked = st.selectbox(
        t("review_missed_pick", lang),
        range(len(drafted)),
        key=pick_key,
        format_func=lambda n: (
            f"{drafted[n]['value']} {units.get(drafted[n]['unit'], drafted[n]['unit'])} · "
            f"{drafted[n]['label']}"
        ),
    )
    row = drafted[picked]
    st.caption(t("review_missed_quote", lang).format(quote=markdown_text(row["quote"])))
    changed = _fields(row, report.file.header, f"{prefix}_{picked}", lang)

    def add() -> None:
        if _save(report.source, [Decision("add", fields={**row, **changed()})], lang):
            saved()

    st.button(t("review_add", lang), key=add_key, type="primary", on_click=add)


def _marked_clauses(report: review_queue.ReportQueue, text: str) -> list[tuple[int, int]]:
    """Return where the clauses of the report's figures (drafted or reviewed) stand in its text."""
    quotes = {record.cells.get("quote", "") for record in report.file.records}
    return [span for quote in quotes if (span := locate(text, quote)) is not None]


def selected_figure(report: review_queue.ReportQueue, lang: str) -> None:
    """Add a figure the draft missed by selecting its words in the report's text."""
    st.subheader(t("review_missed", lang))
    known = catalogue()
    raw = review_queue.report_text(known, report.source)
    if known is None or raw is None:
        st.info(t("review_missed_no_text", lang))
        return
    st.caption(t("review_missed_help", lang))
    text, shown = normalise(raw), as_written(raw)
    chosen = st.session_state.setdefault(_SELECTED, {}).get(report.source)
    source = known.sources[report.source]

    def select(selection: report_selection.Selection) -> None:
        st.session_state[_SELECTED][report.source] = (
            selection.start,
            selection.end,
            drafted_from_selection(
                raw,
                selection.start,
                selection.end,
                known.metrics,
                report.source,
                source.region,
                source.date,
            ),
        )

    report_selection.report_text(
        shown if len(shown) == len(text) else text,
        _marked_clauses(report, text),
        chosen[:2] if chosen else None,
        key=f"review_select_{report.source}",
        label=t("review_missed_text", lang),
        on_select=select,
    )
    if chosen is None:
        return
    start, end, selected = chosen
    if not selected.words:
        st.info(t("review_selection_empty", lang))
    elif not selected.figures:
        st.info(t("review_selection_none", lang).format(words=markdown_text(selected.words)))
    else:
        _drafted_form(
            report,
            selected.figures,
            (
                f"review_selected_pick_{start}_{end}",
                f"review_selected_{start}_{end}",
                "review_selected_add",
            ),
            lang,
            lambda: st.session_state[_SELECTED].pop(report.source, None),
        )


def pasted_figure(report: review_queue.ReportQueue, lang: str) -> None:
    """Add a figure the draft missed from its clause, pasted or typed (the keyboard's way)."""
    known = catalogue()
    with st.expander(t("review_missed_paste", lang)):
        st.caption(t("review_missed_paste_help", lang))
        clause = st.text_input(t("review_missed_clause", lang), key="review_missed_clause")
        if not clause.strip() or known is None:
            return
        drafted = drafted_from_clause(clause, known.metrics, report.source, _region(known, report))
        if not drafted:
            st.info(t("review_missed_none", lang))
            return
        keys = ("review_missed_pick", f"review_new_{abs(hash(clause))}", "review_add")
        _drafted_form(report, drafted, keys, lang)
