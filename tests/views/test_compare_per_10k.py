"""Compare per 10,000 residents: only official populations divide, and a unit without one is
named, not ranked."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.language.i18n import t
from ruraldash.store.build import ensure_database
from ruraldash.store.db import connect
from ruraldash.views.pages import compare

PLACES = Path(__file__).parent.parent / "fixtures" / "places"
YEAR_2021 = "in_period|2021-01-01|2021-12-31"


@pytest.fixture(scope="module")
def places_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The places fixture (no region has an official population) built as the app builds it."""
    db = tmp_path_factory.mktemp("places") / "places.duckdb"
    return ensure_database(PLACES / "data", paths.METRICS_DIR, db)


def test_a_unit_without_an_official_population_is_named_and_not_ranked(places_db: Path) -> None:
    with connect(places_db) as con:
        compared = compare.comparison(
            con,
            "zh",
            "621100",
            "county",
            "funds_invested",
            "actual",
            YEAR_2021,
            "投入资金",
            False,
            compare.TOP_N,
            True,
        )
    assert compared.denominators == [
        t("denominator_missing", "zh").format(region=name)
        for name in ("临洮县", "陇西县", "渭源县")
    ]
    assert compared.rank_texts == {}
    shown = compared.table.shown
    notes = dict(
        zip(shown[t("col_value_text", "zh")], shown[t("col_per_10k_note", "zh")], strict=True)
    )
    # Each figure stays in the table as written, with why it has no value per 10,000.
    assert notes["4亿"] == notes["3.2亿"] == t("reason_no_population", "zh")
    assert notes["8500万"] == t("reason_not_total", "zh")
    assert t("per_10k_no_total", "zh") in compared.notes
    # They have figures: counted as reporting, never listed among the units without one.
    assert compared.headline == "7个县中3个有数据，4个无数据"
    missing = set(compared.missing.shown[t("col_admin_unit", "zh")])
    assert not missing & {"临洮县", "陇西县", "渭源县"} and len(missing) == 4
