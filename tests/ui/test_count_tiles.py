"""Headline tiles show exact counts with digit groups (567,049)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _tiles() -> None:
    from ruraldash import ui

    ui.counts({"数字": 567049, "报告": 5})


def test_metric_tiles_show_grouped_counts() -> None:
    app = AppTest.from_function(_tiles).run()
    assert not app.exception
    assert [metric.value for metric in app.metric] == ["567,049", "5"]
