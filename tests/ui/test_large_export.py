"""A large table's XLSX is written on request, with its progress in rows, then downloaded."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from ruraldash.ui import exports
from ruraldash.views.briefing import images

# A page's table is offered as a print-ready PDF too, where Chromium can print one.
PDF = ["打印版 PDF"] if images.chromium_path() is not None else []

SCRIPT = """
import pandas as pd
import streamlit as st
from ruraldash import ui
from ruraldash.views.export.provenance import shown_table

rows = pd.DataFrame({"label": [f"=cmd{n}" for n in range(30)], "value": range(30)})
if "table" not in st.session_state:
    st.session_state["table"] = shown_table(
        "t", rows, pd.DataFrame({"s": ["x"]}), [], [], "zh", "big"
    )
ui.downloads(st.session_state["table"], key="big")
"""


@pytest.fixture
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    """30 rows count as large here: the rule, not the size, is under test."""
    monkeypatch.setattr(exports, "LARGE_EXPORT", 10)


def test_a_large_xlsx_is_prepared_with_progress_then_offered(small_threshold: None) -> None:
    at = AppTest.from_string(SCRIPT, default_timeout=30).run()
    assert not at.exception
    assert [button.label for button in at.button] == ["生成 Excel（30 行）"]
    at.button(key="big_xlsx_prepare").click().run()
    assert not at.exception
    assert [status.label for status in at.get("status")] == ["Excel 已生成（30 行）"]
    assert at.get("progress")[0].proto.text == "正在生成 Excel：30 / 30 行"
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == ["下载 CSV", "下载 Excel（XLSX）", *PDF]


def test_a_small_table_offers_both_downloads_at_once() -> None:
    at = AppTest.from_string(SCRIPT, default_timeout=30).run()
    assert not at.exception
    assert not at.button
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == ["下载 CSV", "下载 Excel（XLSX）", *PDF]
