"""The region profile at every level: parent chain, rank among like-for-like peers only, the
trend between comparable periods, figures scoped to it from a report above, a part no peer."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ruraldash import paths
from ruraldash.compare import profile
from ruraldash.store.build import ensure_database
from ruraldash.store.db import connect
from ruraldash.views.pages import region_profile

PLACES = Path(__file__).parent.parent / "fixtures" / "places"
WEIYUAN, DINGXI, GANSU = "621123", "621100", "620000"


@pytest.fixture(scope="module")
def places_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The places fixture built as the app builds it."""
    db = tmp_path_factory.mktemp("places") / "places.duckdb"
    return ensure_database(PLACES / "data", paths.METRICS_DIR, db)


def profile_of(db: Path, code: str, lang: str = "zh") -> region_profile.PlaceProfile:
    with connect(db) as con:
        return region_profile.place_profile(con, lang, code)


def test_a_county_names_its_parents_up_to_the_province(places_db: Path) -> None:
    facts = profile_of(places_db, WEIYUAN).facts
    assert facts["地区"] == "渭源县 · 县"
    assert facts["所属地区"] == "渭源县 · 定西市 · 甘肃省"
    assert profile_of(places_db, WEIYUAN, "en").facts["Within"] == "Weiyuan · Dingxi · Gansu"


def test_a_county_is_ranked_among_the_counties_of_its_prefecture(places_db: Path) -> None:
    standing = profile_of(places_db, WEIYUAN).standing.shown
    row = standing[standing["统计对象（原文）"] == "投入资金"].iloc[0]
    # 陇西 4亿, 渭源 3.2亿, 临洮 1亿 in 2021 (actual): 临洮's plan (5亿) and its cumulative total
    # (9亿 since 2019) are not its peers; 定西 has seven counties.
    assert row["位次（同口径）"] == "第2位 / 3个有数据（共7个县）"
    assert row["数据编号"] == "weiyuan_2021-001"


def test_the_trend_is_the_change_between_comparable_periods(places_db: Path) -> None:
    standing = profile_of(places_db, WEIYUAN).standing.shown
    assert list(standing["变化"]) == ["+7000万，+28.0%（2020年→2021年）"]
    lintao = profile_of(places_db, "621124").standing.shown
    rows = {
        value: (rank, change)
        for value, rank, change in zip(
            lintao["数值"], lintao["位次（同口径）"], lintao["变化"], strict=True
        )
    }
    # A plan and a cumulative total are series of their own: no change is made across them,
    # a plan is ranked among plans only, and a total since 2019 (no end) has no peers.
    assert rows == {
        "9000万": ("第1位 / 1个有数据（共7个县）", "只有一个时期"),
        "9亿": ("无同口径可比数字", "只有一个时期"),
        "1亿": ("第3位 / 3个有数据（共7个县）", "只有一个时期"),
        "5亿（计划）": ("第1位 / 1个有数据（共7个县）", "只有一个时期"),
    }


def test_a_part_is_never_a_peer_nor_ranked(places_db: Path) -> None:
    weiyuan = profile_of(places_db, WEIYUAN)
    assert "weiyuan_2021-002" not in set(weiyuan.standing.shown["数据编号"])
    lintao = profile_of(places_db, "621124").standing.shown
    own = lintao[lintao["数据编号"] == "lintao_2021-002"].iloc[0]
    # 渭源's 8500万 counts 县财政安排专项资金 too, but as a part of its 3.2亿: 临洮 stands alone.
    assert own["位次（同口径）"] == "第1位 / 1个有数据（共7个县）"


def test_a_figure_scoped_to_a_county_by_its_prefecture_is_counted_for_it(
    places_db: Path,
) -> None:
    weiyuan = profile_of(places_db, WEIYUAN)
    assert weiyuan.heading == "关于本地区的数值（4条，按类别）"
    assert weiyuan.headline == "本地区报告 3 条，上级地区报告中关于本地区 1 条"
    shown = weiyuan.figures.shown
    scoped = shown[shown["数据编号"] == "dingxi_2021-002"].iloc[0]
    assert (scoped["地区"], scoped["数值"]) == ("定西市", "260")
    # Not ranked: it is the prefecture's report, not one of the county's own figures.
    assert "dingxi_2021-002" not in set(weiyuan.standing.shown["数据编号"])


def test_the_part_is_listed_under_its_whole(places_db: Path) -> None:
    shown = profile_of(places_db, WEIYUAN).figures.shown
    ids = list(shown["数据编号"])
    assert ids.index("weiyuan_2021-002") == ids.index("weiyuan_2021-001") + 1
    assert shown.loc[ids.index("weiyuan_2021-002"), "统计对象（原文）"] == (
        "└ 其中：县财政安排专项资金"
    )


def test_a_prefecture_and_a_province_have_a_profile(places_db: Path) -> None:
    dingxi = profile_of(places_db, DINGXI)
    assert dingxi.facts["所属地区"] == "定西市 · 甘肃省"
    assert set(dingxi.figures.shown["数据编号"]) == {"dingxi_2021-001", "dingxi_2021-002"}
    gansu = profile_of(places_db, GANSU)
    assert gansu.facts["本地区的报告"] == "无（没有关于本地区的报告）"
    assert gansu.figures.shown.empty and gansu.standing.shown.empty


def test_scope_matches_the_region_by_id_or_name_and_places_in_it() -> None:
    figures = pd.DataFrame({"scope": ["渭源县", "weiyuan", "渭源县某镇", "陇西县", None]})
    assert list(profile.scoped_to(figures, ("weiyuan", "渭源县"))) == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_a_report_link_opens_its_region(places_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RURALDASH_DATA", str(PLACES / "data"))
    monkeypatch.setenv("RURALDASH_DB", str(places_db))
    at = AppTest.from_file("../../pages/region_profile.py", default_timeout=60)
    at.query_params.update({"report": "weiyuan_2021"})
    at.run()
    assert not at.exception
    assert at.query_params["region"] == WEIYUAN and "report" not in at.query_params
    assert any("渭源县 · 定西市 · 甘肃省" in element.value for element in at.markdown)
    assert "本地区报告 3 条，上级地区报告中关于本地区 1 条" in [
        caption.value for caption in at.caption
    ]


def test_a_region_the_hierarchy_does_not_know_is_ranked_among_none() -> None:
    own = pd.DataFrame(
        {
            "figure_id": ["x-1"],
            "region_id": ["x"],
            "metric_id": ["funds_invested"],
            "label": ["投入资金"],
            "status": ["actual"],
            "unit": ["yuan"],
            "value": [1.0],
            "scope": [None],
            "part_of": [None],
            "period_text": ["2021年"],
            "period_start": [None],
            "period_end": [None],
        }
    )
    found = profile.standing(own, own, "x", 0, "")
    assert list(found["figure_id"]) == ["x-1"] and found["rank"].iloc[0] is None


def test_the_figures_export_is_titled_for_the_region_not_one_report(places_db: Path) -> None:
    # 渭源县's own report and 定西市's figure scoped to it: the title speaks of the region.
    figures = profile_of(places_db, WEIYUAN).figures
    assert {"weiyuan_2021-001", "dingxi_2021-002"} <= set(figures.shown["数据编号"])
    assert figures.export.title == "地区档案：该地区的数值（本地报告及上级报告中划归该地区的）"
    english = profile_of(places_db, WEIYUAN, "en").figures.export.title
    assert (
        english
        == "Region profile: figures for the region (from its own reports and reports above it)"
    )
