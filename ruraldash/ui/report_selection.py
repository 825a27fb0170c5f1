"""The report's text a curator selects words in (a Streamlit custom component, version 2).

The component's script and style are report_selection.js and .css beside this module, read
once: no build step, no network, no library. The script sets every piece of the report as
text (textContent), never as HTML, and sends the words selected with their offsets in the
report as a trigger value: for one rerun only, so the page keeps what it drafted from them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from ruraldash.views.report_context import marked_paragraphs

_HERE = Path(__file__).parent
_COMPONENT = st.components.v2.component(
    "ruraldash_report_selection",
    css=(_HERE / "report_selection.css").read_text(encoding="utf-8"),
    js=(_HERE / "report_selection.js").read_text(encoding="utf-8"),
    isolate_styles=False,  # a selection inside a shadow root is not the document's selection
)


@dataclass(frozen=True)
class Selection:
    """Words a curator selected: their offsets in the report's normalised text, as shown."""

    start: int
    end: int
    words: str


def selection_of(value: object, length: int) -> Selection | None:
    """Return the component's trigger value as a Selection, or None if it is not one in bounds."""
    if not isinstance(value, dict):
        return None
    start, end, words = value.get("start"), value.get("end"), value.get("text")
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(words, str)):
        return None
    if not 0 <= start < end <= length:
        return None
    return Selection(start, end, words)


def report_text(
    shown: str,
    marked: Iterable[tuple[int, int]],
    chosen: tuple[int, int] | None,
    key: str,
    label: str,
    on_select: Callable[[Selection], None],
) -> None:
    """Show `shown` (the report, aligned with its normalised text) with the drafted clauses
    `marked` and the words last `chosen` (marked, and selected again so the keyboard can extend
    them); call `on_select` with a new selection before the rerun it starts."""

    def selected() -> None:
        found = selection_of(st.session_state[key].get("selection"), len(shown))
        if found is not None:
            on_select(found)

    _COMPONENT(
        key=key,
        data={
            "paragraphs": marked_paragraphs(shown, marked, chosen),
            "chosen": list(chosen) if chosen else None,
            "length": len(shown),
            "label": label,
        },
        on_selection_change=selected,
    )
