"""The Compare briefing per 10,000 residents: ranked like for like over official populations
only, each denominator cited, a unit without one named and not ranked, and a lead that says so.

The fixture (tests/fixtures/per_10k) ranks 宁德 before 清远 per 10,000 residents though 清远's
value is larger, gives 莆田 (the largest value) no official population, a cumulative figure of
清远 that no 2021 ranking holds, and a part (其中) of 宁德's figure.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from ruraldash import paths
from ruraldash.language.i18n import t
from ruraldash.store.build import ensure_database
from ruraldash.store.db import connect
from ruraldash.views.briefing import pages as briefing_pages
from ruraldash.views.briefing import view as briefing_view
from ruraldash.views.pages import compare as compare_page

FIXTURE = Path(__file__).parents[1] / "fixtures" / "per_10k"
DAY = date(2026, 12, 7)
YEAR_2021 = "in_period|2021-01-01|2021-12-31"


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    db = tmp_path_factory.mktemp("per_10k") / "db.duckdb"
    with connect(ensure_database(FIXTURE / "data", paths.METRICS_DIR, db)) as connection:
        yield connection


def _briefing(
    con: duckdb.DuckDBPyConnection, lang: str = "zh", per_capita: bool = True
) -> briefing_view.Briefing:
    view = briefing_pages.compare(
        con, lang, "", "prefecture", "funds_invested", per_capita=per_capita
    )
    return briefing_view.make_briefing(view, DAY)


def _column(made: briefing_view.Briefing, key: str) -> list[str]:
    return [row[made.keys.index(key)] for row in made.rows]


def test_per_10k_ranks_only_like_for_like_figures_over_official_populations(
    con: duckdb.DuckDBPyConnection,
) -> None:
    made = _briefing(con)
    units = _column(made, "map_unit")
    ranks = dict(zip(_column(made, "value_text"), _column(made, "rank"), strict=True))
    # 宁德's 7亿 over 3,146,789 residents before 清远's 8亿 over 3,969,473.
    # Ranked among the 2 with an official population, of the 3 with a figure (the lead's count).
    assert ranks["7亿元"].startswith("第1位 / 2个有官方常住人口数（3个有数据）")
    assert ranks["8亿元"].startswith("第2位 / 2个有官方常住人口数（3个有数据）")
    # 莆田's 9亿, the largest value, has no official population: listed, not ranked.
    assert ranks["9亿元"] == ""
    assert units.index("莆田市") > units.index("清远市")
    # The cumulative 20亿 since 2019 is no figure of 2021's ranking; the part has no position.
    assert "20亿元" not in ranks
    assert ranks["1亿元"] == ""
    notes = dict(zip(_column(made, "value_text"), _column(made, "per_10k_note"), strict=True))
    assert notes["7亿元"] == "222万（人口为2020年数）"
    assert notes["8亿元"] == "202万（人口为2020年数）"
    assert notes["9亿元"] == t("reason_no_population", "zh")
    assert made.title == "投入资金（每万常住人口）：各地区比较"
    assert ("按每万常住人口计算", "是") in made.selection


def test_the_lead_says_per_10k_and_names_the_highest_of_those_ranked(
    con: duckdb.DuckDBPyConnection,
) -> None:
    assert _briefing(con).lead == (
        "336 个地区中 3 个有数据；其中 2 个有官方常住人口数，"
        "按每万常住人口计，最高为宁德市222万元（2021年）。"
    )
    english = _briefing(con, "en").lead
    assert english.startswith("3 of 336 regions report a figure; 2 of them have an official")
    assert "per 10,000 residents the highest is Ningde, 2.22 million yuan" in english
    # Without the switch the same selection ranks the values: 莆田's 9亿 is the highest.
    assert _briefing(con, per_capita=False).lead == (
        "336 个地区中 3 个有数据；最高为莆田市9亿元（2021年）。"
    )


def test_each_denominator_is_cited_and_a_unit_without_one_is_named(
    con: duckdb.DuckDBPyConnection,
) -> None:
    made = _briefing(con)
    caveats = list(made.caveats)
    assert t("per_10k_caption", "zh") in caveats
    ningde = next(line for line in caveats if line.startswith("宁德市：常住人口"))
    assert "3,146,789 人（2020年" in ningde
    assert "《宁德市第七次全国人口普查公报》（宁德市统计局" in ningde
    qingyuan = next(line for line in caveats if line.startswith("清远市：常住人口"))
    assert "《清远市第七次全国人口普查公报（第二号）》" in qingyuan and "2020年" in qingyuan
    assert caveats[-1] == t("per_10k_no_population", "zh").format(regions="莆田市")
    # 莆田 has a figure: it is not among the units "without a figure", named once under the
    # table (their rows folded into one line), not again in the caveats.
    assert made.absent.startswith("无数据") and "莆田市" not in made.absent
    assert not [line for line in caveats if line.startswith("无数据")]


def test_the_chart_draws_the_values_per_10k_of_the_ranked_only(
    con: duckdb.DuckDBPyConnection,
) -> None:
    made = _briefing(con)
    bars = {
        label: value
        for trace in made.chart.data
        for label, value in zip(trace.y, trace.x, strict=True)
    }
    assert list(bars) == ["宁德市 350900", "清远市 441800"]
    # 宁德's part (其中 1亿) is divided by nothing: no mark inside its whole's bar either.
    assert [trace.legendgroup for trace in made.chart.data] == [None]
    assert round(bars["宁德市 350900"]) == round(7e8 / 3_146_789 * 10_000)
    assert "每万常住人口" in made.chart.layout.title.text
    # Written as the table writes them, to three significant digits.
    assert list(made.chart.data[0].text) == ["222万", "202万"]


def test_the_rank_and_the_headline_count_the_units_with_a_figure_alike(
    con: duckdb.DuckDBPyConnection,
) -> None:
    compared = compare_page.comparison(
        con,
        "en",
        "",
        "prefecture",
        "funds_invested",
        "actual",
        YEAR_2021,
        "投入资金",
        per_capita=True,
    )
    assert compared.headline.startswith("3 of ")
    assert set(compared.rank_texts.values()) >= {
        "1 / 2 with an official resident population (3 reported) (of 336 prefectures)",
        "2 / 2 with an official resident population (3 reported) (of 336 prefectures)",
    }
    made = _briefing(con, "en")
    assert made.lead.startswith("3 of 336 regions report a figure; 2 of them have an official")
    ranked = [rank for rank in _column(made, "rank") if rank]
    assert ranked and all(
        "2 with an official resident population (3 reported)" in rank for rank in ranked
    )
