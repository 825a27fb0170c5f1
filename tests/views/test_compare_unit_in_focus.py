"""Compare says of a unit in focus what it has: its position, its figures left unsorted when no
period compares, and "no figure" only when it has none.

On the places fixture (tests/fixtures/places) 临洮县 alone has a plan of 投入资金, so plans of
the counties of 定西市 have no comparable period and stand side by side; 渭源县 has three
figures there (two of 2021, one of 2020), 陇西县 one, 安定区 none.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ruraldash import paths
from ruraldash.store.build import ensure_database
from ruraldash.store.db import connect
from ruraldash.views.pages import compare

PLACES = Path(__file__).parents[1] / "fixtures" / "places"
DINGXI, WEIYUAN, LONGXI, ANDING = "621100", "621123", "621122", "621102"
YEAR_2021 = "in_period|2021-01-01|2021-12-31"


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    db = tmp_path_factory.mktemp("places") / "places.duckdb"
    with connect(ensure_database(PLACES / "data", paths.METRICS_DIR, db)) as connection:
        yield connection


def _compared(
    con: duckdb.DuckDBPyConnection, lang: str, status: str, period: str = "", label: str = ""
) -> compare.Comparison:
    return compare.comparison(con, lang, DINGXI, "county", "funds_invested", status, period, label)


def test_side_by_side_a_unit_with_figures_says_how_many_and_that_they_are_unsorted(
    con: duckdb.DuckDBPyConnection,
) -> None:
    compared = _compared(con, "zh", "plan")
    assert not compared.ranked
    assert compared.focus_texts[WEIYUAN] == "有 3 项数字，时期不同，未排序"
    assert compared.focus_texts[LONGXI] == "有 1 项数字，时期不同，未排序"
    # A unit without a figure has no text here: the page says "无数据" of it.
    assert ANDING not in compared.focus_texts
    english = _compared(con, "en", "plan")
    assert english.focus_texts[LONGXI] == "1 figure, of a period no other unit shares: not sorted"
    assert english.focus_texts[WEIYUAN].startswith("3 figures, ")


def test_ranked_a_unit_says_its_position_and_one_left_out_says_it_is_not_ranked(
    con: duckdb.DuckDBPyConnection,
) -> None:
    compared = _compared(con, "zh", "actual", YEAR_2021, "投入资金")
    assert compared.ranked
    assert compared.focus_texts[WEIYUAN] == compared.rank_texts[WEIYUAN]
    assert compared.focus_texts[WEIYUAN].startswith("第2位")
    assert ANDING not in compared.focus_texts
