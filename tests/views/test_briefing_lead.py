"""A briefing opens as a document: a 简报's head, and a lead that states only what its table shows
— the highest named only among like-for-like figures — and the drafts it leaves out."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from docx import Document

from ruraldash.language.i18n import t
from ruraldash.store.build import build
from ruraldash.store.db import connect
from ruraldash.views.briefing import pages
from ruraldash.views.briefing.docx import to_docx
from ruraldash.views.briefing.lead import differences, lead
from ruraldash.views.briefing.view import make_briefing

FIXTURE = Path(__file__).parents[1] / "fixtures" / "briefing"
COLUMNS = ("region", "value_text", "unit", "period", "figure_id")


def _table(rows: list[tuple[str, str, str, str, str]], lang: str = "zh") -> pd.DataFrame:
    """A table as a page shows it: region, value as written, unit, period, figure id."""
    return pd.DataFrame(rows, columns=[t(f"col_{key}", lang) for key in COLUMNS])


def _stored(**columns) -> pd.DataFrame:
    """Figures as stored: alike in every way unless a column says otherwise."""
    count = len(columns["figure_id"])
    alike = {
        "metric_id": "funds_invested",
        "label": "投入资金",
        "status": "actual",
        "unit": "yuan",
        "period_kind": "in_period",
        "period_from": "2021-01-01",
        "period_to": "2021-12-31",
        "region_level": "prefecture",
        "scope": None,
    }
    return pd.DataFrame({**{key: [value] * count for key, value in alike.items()}, **columns})


TABLE = _table(
    [
        ("甲市", "近8亿", "元", "2021年", "a-1"),
        ("乙市", "3亿多", "元", "2021年", "b-1"),
        ("丙市", "无数据", "", "", ""),
    ]
)


def test_like_for_like_figures_name_the_highest_with_its_period() -> None:
    figures = _stored(figure_id=["a-1", "b-1"], value=[8e8, 3e8])
    assert lead(TABLE, figures, "zh") == "3 个地区中 2 个有数据；最高为甲市近8亿元（2021年）。"
    english = _table(
        [
            ("Alpha", "<800 million", "yuan", "2021", "a-1"),
            ("Beta", "300+ million", "yuan", "2021", "b-1"),
            ("Gamma", "no figure", "", "", ""),
        ],
        "en",
    )
    assert (
        lead(english, figures, "en")
        == "2 of 3 regions report a figure; the highest is Alpha, <800 million yuan (2021)."
    )


@pytest.mark.parametrize(
    ("differing", "aspect"),
    [
        ({"period_kind": ["in_period", "cumulative"]}, "时期"),
        ({"period_to": ["2021-12-31", "2020-12-31"]}, "时期"),
        ({"status": ["actual", "plan"]}, "状态（实际或计划）"),
        ({"region_level": ["prefecture", "county"]}, "地区层级"),
        ({"label": ["投入资金", "筹措资金"]}, "统计对象"),
        ({"scope": [None, "石门村"]}, "范围"),
        ({"period_kind": ["unstated", "unstated"]}, "时期"),
    ],
)
def test_figures_not_like_for_like_name_no_highest(differing: dict, aspect: str) -> None:
    figures = _stored(figure_id=["a-1", "b-1"], value=[8e8, 3e8], **differing)
    said = lead(TABLE, figures, "zh")
    assert said == f"3 个地区中 2 个有数据；各数字的{aspect}不同，不能直接比较，未排高低。"
    assert "最高" not in said and "甲市" not in said


def test_without_stored_figures_the_lead_only_counts() -> None:
    assert lead(TABLE, None, "zh") == "3 个地区中 2 个有数据。"


def test_one_figure_is_stated_and_none_is_no_highest() -> None:
    one = _table([("甲市", "近8亿", "元", "2021年", "a-1"), ("乙市", "无数据", "", "", "")])
    figures = _stored(figure_id=["a-1"], value=[8e8], period_kind=["unstated"])
    assert lead(one, figures, "zh") == "2 个地区中 1 个有数据：甲市近8亿元（2021年）。"
    none = _table([("甲市", "无数据", "", "", ""), ("乙市", "无数据", "", "", "")])
    assert lead(none, figures, "zh") == "2 个地区均无数据。"


def test_every_aspect_that_differs_is_named_once_in_order() -> None:
    figures = _stored(
        figure_id=["a-1", "b-1"],
        value=[1.0, 2.0],
        status=["plan", "actual"],
        period_from=["2021-01-01", "2019-01-01"],
        period_to=["2021-12-31", "2019-12-31"],
    )
    assert differences(figures) == ["status", "period"]


@pytest.fixture(scope="module")
def shipped_views(built_db: Path) -> dict[str, object]:
    with connect(built_db) as con:
        return {
            "funds": make_briefing(pages.compare(con, "zh", metric="funds_invested")),
            "english": make_briefing(pages.compare(con, "en", metric="funds_invested")),
        }


def test_the_shipped_funds_briefing_ranks_none_of_its_unlike_figures(shipped_views) -> None:
    funds = shipped_views["funds"]
    assert funds.lead == (
        "3 个地区中 3 个有数据；各数字的统计对象、时期、地区层级不同，不能直接比较，未排高低。"
    )
    assert funds.drafts == ""  # the shipped data has no drafts
    assert shipped_views["english"].lead == (
        "3 of 3 regions report a figure; their labels, periods, region levels differ, so they "
        "are not compared and none is named the highest."
    )


def test_the_docx_reads_as_a_briefing_head_title_lead(shipped_views) -> None:
    funds = shipped_views["funds"]
    paragraphs = [p.text for p in Document(io.BytesIO(to_docx(funds))).paragraphs]
    assert paragraphs[0] == "乡村振兴数据简报"
    assert paragraphs[1].endswith("数据来源：各地公开报告，经整理")
    assert paragraphs[1].startswith(f"{funds.made.year}年{funds.made.month}月{funds.made.day}日")
    assert paragraphs[2] == "投入资金：各地区比较"
    assert paragraphs[3] == funds.lead
    assert not any("简报 ·" in text or "生成日期" in text for text in paragraphs)


def test_unreviewed_drafts_left_out_are_counted(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "briefing")  # its reports beside its data
    data = tmp_path / "briefing" / "data"
    path = data / "figures" / "alpha_2021.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][0] == "alpha_2021-001"
    rows[1][rows[0].index("review")] = "draft"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    db = build(data, FIXTURE / "metrics", tmp_path / "drafts.duckdb").db_path
    with connect(db) as con:
        reader = make_briefing(pages.compare(con, "zh", metric="funds_invested"))
    with connect(db, drafts=True) as con:
        curator = make_briefing(pages.compare(con, "zh", metric="funds_invested"))
    assert reader.drafts == "另有 1 项未审核数字未列入。"
    paragraphs = [p.text for p in Document(io.BytesIO(to_docx(reader))).paragraphs]
    assert paragraphs[4] == "另有 1 项未审核数字未列入。"
    assert curator.drafts == ""  # shown to a curator, marked, the draft is in the table
