"""The Compare briefing and exports on the places fixture (tests/fixtures/places): a unit
without a figure is named once, and the place is named as a reader knows it, never by its code.

Under 定西市 (621100) four of seven counties have no 投入资金: 安定区, 通渭县, 漳县, 岷县. The
2021 ranking lists them as rows of 无数据; plans (临洮县's alone) have no comparable period, so
the figures stand side by side and the units without one are named in the caveats.
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
from ruraldash.views.pages import compare, compare_category

PLACES = Path(__file__).parents[1] / "fixtures" / "places"
DINGXI = "621100"
WITHOUT = ("安定区", "通渭县", "漳县", "岷县")
YEAR_2021 = "in_period|2021-01-01|2021-12-31"


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    db = tmp_path_factory.mktemp("places") / "places.duckdb"
    with connect(ensure_database(PLACES / "data", paths.METRICS_DIR, db)) as connection:
        yield connection


def _briefing(
    con: duckdb.DuckDBPyConnection, status: str = "actual", lang: str = "zh"
) -> briefing_view.Briefing:
    view = briefing_pages.compare(con, lang, DINGXI, "county", "funds_invested", status)
    return briefing_view.make_briefing(view, date(2026, 12, 7))


def _times_named(made: briefing_view.Briefing, name: str) -> int:
    texts = [
        made.absent,
        made.table_note,
        *made.caveats,
        *(cell for row in made.rows for cell in row),
    ]
    return sum(text.count(name) for text in texts)


@pytest.mark.parametrize("status", ["actual", "plan"])
def test_each_unit_without_a_figure_is_named_once(
    con: duckdb.DuckDBPyConnection, status: str
) -> None:
    made = _briefing(con, status)
    assert {name: _times_named(made, name) for name in WITHOUT} == dict.fromkeys(WITHOUT, 1)


def test_the_ranking_names_them_in_its_rows_not_again_in_the_caveats(
    con: duckdb.DuckDBPyConnection,
) -> None:
    made = _briefing(con)
    none = t("no_figure", "zh")
    assert {row[0] for row in made.rows if none in row} == set(WITHOUT)
    assert not [line for line in made.caveats if "安定区" in line]


@pytest.mark.parametrize(("lang", "named"), [("zh", "定西市 · 甘肃省"), ("en", "Dingxi · Gansu")])
def test_the_selection_and_the_export_notes_name_the_place_and_its_parent(
    con: duckdb.DuckDBPyConnection, lang: str, named: str
) -> None:
    place = t("col_place", lang)
    assert (place, named) in _briefing(con, lang=lang).selection
    compared = compare.comparison(
        con, lang, DINGXI, "county", "funds_invested", "actual", YEAR_2021, "投入资金"
    )
    whole = compare_category.category_comparison(con, lang, DINGXI, "county", "funds", "actual")
    for table in (compared.table, compared.missing, whole.table):
        filters = [text for item, text in table.export.notes if item == t("notes_filters", lang)]
        assert f"{place}: {named}" in filters
        assert not [text for text in filters if DINGXI in text]
