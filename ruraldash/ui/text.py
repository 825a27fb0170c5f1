"""What a page says: headings, notes, warnings, facts, curated Markdown, a quote in its report."""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import streamlit as st

from ruraldash.language.formatting import format_count
from ruraldash.language.i18n import t
from ruraldash.ui.database import cached
from ruraldash.views import report_context
from ruraldash.views.plain import markdown_text, tame_markdown


def counts(items: Mapping[str, int]) -> None:
    """Show a row of headline counts, digits grouped (567,049)."""
    for column, (label, value) in zip(st.columns(len(items)), items.items(), strict=True):
        column.metric(label, format_count(value))


def heading(text: str) -> None:
    """Start a section of a page (the text is the app's own, never curated)."""
    st.subheader(text)


def paragraph(text: str) -> None:
    """Show a paragraph of Markdown text."""
    st.markdown(text)


def note(text: str) -> None:
    """Show a small explanatory line."""
    st.caption(text)


def caveats(lines: list[str], lang: str) -> None:
    """Show, in one warning box, why the figures side by side are not like for like."""
    if lines:
        # The lines name curated regions, labels and periods: shown as text, not Markdown.
        items = "\n".join(f"- {markdown_text(line)}" for line in lines)
        st.warning(t("warnings_title", lang) + "\n\n" + items)


def bullets(title: str, lines: list[str]) -> None:
    """Show a short title over a bulleted list (denominators, rules)."""
    items = "\n".join(f"- {markdown_text(line)}" for line in lines)
    st.markdown(f"**{markdown_text(title)}**\n\n" + items)


def markdown(text: str, title: str, expanded: bool = False) -> None:
    """Show a curated Markdown document folded under `title`; images, links and HTML inert."""
    with st.expander(markdown_text(title), expanded=expanded):
        st.markdown(tame_markdown(text))


def facts(items: Mapping[str, str]) -> None:
    """Show labelled facts, one per line (a report's title, date, region …)."""
    st.markdown(
        "\n".join(
            f"- **{markdown_text(label)}**: {markdown_text(value)}"
            for label, value in items.items()
            if value
        )
    )


def quote_in_report(
    con: duckdb.DuckDBPyConnection, lang: str, choices: Mapping[str, str], key: str
) -> None:
    """Fold out a figure's quote in its report's text, the clause marked (CSS st-key-<key>).

    The report is shown as escaped text with our own <mark> around the clause: never as
    Markdown, and never with any of its characters read as HTML.
    """
    if st.session_state.get(key) not in choices:
        st.session_state[key] = None  # the filters changed and the chosen figure is gone
    with st.container(key=key + "_box"), st.expander(t("quote_in_report", lang)):
        figure = st.selectbox(
            t("quote_pick", lang),
            list(choices),
            key=key,
            format_func=choices.__getitem__,
            index=None,
            placeholder=t("quote_pick_placeholder", lang),
        )
        if figure is None:
            return
        shown = cached(con, report_context.quote_in_report, lang, figure)
        st.caption(markdown_text(shown.title))
        if not shown.found:
            st.warning(t("quote_not_found", lang))
        else:
            st.markdown(f"**{t('quote_paragraph', lang)}**")
            st.html(shown.paragraph_html)
        st.markdown(f"**{t('quote_full_text', lang)}**")
        st.html(shown.report_html)
