"""Charts and maps as a page draws them: a shared cached figure, sent without copying it."""

from __future__ import annotations

from collections.abc import Callable

import orjson
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from ruraldash import caches

CONFIG = {"displaylogo": False}


def chart(figure: go.Figure | None, key: str) -> None:
    """Draw a plotly figure under a stable key (CSS class st-key-<key>); None draws nothing.

    The figure is a shared cached result: its dict is made once, not deep-copied per rerun.
    Its JSON is still written on every rerun: for a chart that costs at most about 1 ms (a
    coverage heatmap; a bar chart 0.05 ms), against 12-18 ms for a map (bench_pages.py --json).
    """
    if figure is not None:
        st.plotly_chart(_sent(figure, caches.SENT_CHARTS, _SentFigure), key=key, config=CONFIG)


class _SentFigure(go.Figure):
    """A figure whose dict is made once: Streamlit asks for it on every rerun.

    It is a copy of a shared cached figure, held in caches while that figure lives; the dict
    it returns is shared too, so nothing may change it.
    """

    _made: dict | None = None

    def to_dict(self) -> dict:
        """Return the figure as a dict, made on the first call; never change the result."""
        if self._made is None:
            self._made = self._prepared(super().to_dict())
        return self._made

    @staticmethod
    def _prepared(made: dict) -> dict:
        return made


class _WrittenFigure(dict):
    """A figure's dict that carries its JSON, written once.

    Streamlit writes the figure with plotly.io.to_json on every rerun; plotly's orjson engine
    asks an object for to_plotly_json() first, and orjson copies a Fragment as it is. Without
    orjson, plotly writes the dict itself: the same JSON, only slower.
    """

    def __init__(self, figure: dict) -> None:
        super().__init__(figure)
        # What Streamlit's own call would write (uids dropped, <, > and / escaped): the
        # escaping finds nothing left to escape on the next pass.
        self._json = orjson.Fragment(pio.to_json(self, validate=False))

    def to_plotly_json(self) -> orjson.Fragment:
        """Return the figure's JSON, written when the dict was made."""
        return self._json


class _SentMap(_SentFigure):
    """A map whose dict and JSON are made once: a map is megabytes of outlines, which plotly
    would otherwise write out on every rerun (a prefecture map 12-18 ms; written once 0.3 ms)."""

    @staticmethod
    def _prepared(made: dict) -> dict:
        return _WrittenFigure(made)


def _sent(figure: go.Figure, kept: caches.ByObject, kind: type[_SentFigure]) -> _SentFigure:
    """Return the figure as sent, made once per figure and kept while the figure lives."""
    held = kept.get(figure)
    return held if held is not None else kept.put(figure, kind(figure))


def map_chart(figure: go.Figure, key: str, on_click: Callable[[str], None] | None = None) -> None:
    """Draw a map under a stable key; a click on a unit calls on_click(its admin code).

    Its dict and JSON are made once per figure, not per rerun (the figure is a shared cached
    result, so it must not change; see ui.cached).
    """
    sent = _sent(figure, caches.SENT_MAPS, _SentMap)

    def clicked() -> None:
        points = st.session_state[key].selection.points
        if points and on_click is not None:
            point = points[0]
            trace = sent.data[point["curve_number"]]
            locations = getattr(trace, "locations", None)
            if locations is not None:
                on_click(str(locations[point["point_index"]]))

    st.plotly_chart(
        sent,
        key=key,
        config=CONFIG,
        on_select=clicked,
        selection_mode="points",
    )
