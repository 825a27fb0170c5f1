"""A figure's quote one click away: its clause marked in the report's normalised text."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ruraldash.language.textnorm import normalise
from ruraldash.views.report_context import (
    MARK_STYLE,
    in_report,
    locate,
    marked_paragraphs,
    paragraph_span,
)

MARK_OPEN = f'<mark style="{MARK_STYLE}">'
# The pages read the comparison-rules fixture (tests/conftest.py), with its own report texts.
RULES = Path(__file__).parents[1] / "fixtures" / "rules"


def test_a_quote_is_found_across_a_line_break_and_spaces() -> None:
    text = "第一段。\n受训党员12.6\n万多人次;其余。"
    assert locate(text, "受训党员 12.6万多人次") == (5, 18)
    assert locate(text, "不在其中") is None
    assert locate(text, "   ") is None


def test_the_paragraph_is_the_line_holding_the_clause() -> None:
    text = "甲。\n乙句中有引文。\n丙。"
    span = locate(text, "引文")
    assert text[slice(*paragraph_span(text, span))] == "乙句中有引文。"


def test_report_text_is_escaped_and_only_the_clause_is_marked() -> None:
    text = "前文<script>alert(1)</script>。\n培训<b>党员</b>100人。\n后文 **粗体** & [链接](x)"
    shown = in_report(text, "培训<b>党员</b>100人", "title")
    assert shown.found
    assert "<script>" not in shown.report_html and "<b>" not in shown.report_html
    assert html.escape("<script>alert(1)</script>") in shown.report_html
    assert shown.report_html.count("<mark") == 1
    assert f"{MARK_OPEN}{html.escape('培训<b>党员</b>100人')}</mark>" in shown.report_html
    assert shown.paragraph_html.endswith(
        f"{MARK_OPEN}{html.escape('培训<b>党员</b>100人')}</mark>。</div>"
    )
    assert "**粗体** &amp; [链接](x)" in shown.report_html  # text, not Markdown


def test_a_quote_not_in_the_report_is_said_so_and_nothing_is_marked() -> None:
    shown = in_report("报告原文。", "别的句子", "title")
    assert not shown.found and shown.paragraph_html == ""
    assert "<mark" not in shown.report_html and "报告原文。" in shown.report_html


def _first_figure(source: str) -> dict[str, str]:
    with (RULES / "data" / "figures" / f"{source}.csv").open(encoding="utf-8-sig") as handle:
        return next(csv.DictReader(handle))


@pytest.mark.parametrize(
    ("page", "query", "key"),
    [
        ("region_profile", {"report": "alpha_2021"}, "profile_quote"),
        ("explore", {"regions": "alpha"}, "explore_quote"),
    ],
)
def test_a_figure_opens_its_report_with_the_clause_marked(
    app_db: Path, page: str, query: dict[str, str], key: str
) -> None:
    figure = _first_figure("alpha_2021")
    at = AppTest.from_file(f"../../pages/{page}.py", default_timeout=30)
    at.query_params.update(query)
    at.run()
    assert not at.exception
    assert not at.get("html"), "the report opens only when a figure is chosen"
    picker = at.selectbox(key=key)
    assert picker.options[0] == f"「{figure['quote']}」 {figure['label']} · 甲市"
    picker.set_value(figure["id"]).run()
    assert not at.exception
    (box,) = [item for item in at.expander if item.selectbox and item.selectbox[0].key == key]
    # The caption is curated text escaped for Markdown: a reader sees it without the escapes.
    shown = re.sub(r"\\(.)", r"\1", box.caption[0].value)
    assert shown == f"甲市 · 甲市党建引领乡村振兴（{figure['id']}）"
    paragraph, whole = (element.proto.body for element in box.get("html"))
    marked = f"{MARK_OPEN}{html.escape(figure['quote'])}</mark>"
    assert marked in paragraph and marked in whole
    report = normalise((RULES / "reports" / "alpha_2021.txt").read_text("utf-8"))
    assert html.escape(report.strip().split("\n")[-1]) in whole  # the whole report is there


def test_marked_paragraphs_rebuild_each_line_with_its_marks_and_offsets() -> None:
    text = "霞浦县:\n\n投入资金1.2亿多元,实施项目86个。\n建成中心126个"
    funds, project, number = text.index("投入"), text.index("86"), text.index("建成")
    marked = [
        (funds, funds + len("投入资金1.2亿多元")),
        (project + 2, project + 3),
        (number, number),
    ]
    paragraphs = marked_paragraphs(text, marked, (project, project + 2))
    lines = [line for line in text.split("\n") if line]
    assert ["".join(words for words, _ in p["pieces"]) for p in paragraphs] == lines
    assert [p["start"] for p in paragraphs] == [text.index(line) for line in lines]
    middle = paragraphs[1]["pieces"]
    assert middle == [
        ["投入资金1.2亿多元", "clause"],
        [",实施项目", ""],
        ["86", "chosen"],
        ["个", "clause"],  # a mark, and an empty one left out
        ["。", ""],
    ]
    assert marked_paragraphs("", [], None) == []
