"""The Compare page's briefing follows its per-10,000-residents switch (tests/fixtures/per_10k)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ruraldash.views.briefing import pages as briefing_pages
from ruraldash.views.briefing.view import View

FIXTURE = Path(__file__).parents[1] / "fixtures" / "per_10k"


@pytest.mark.parametrize("switch", ["1", "0"])
def test_the_briefing_offered_is_per_10k_when_the_page_is(
    switch: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RURALDASH_DATA", str(FIXTURE / "data"))
    monkeypatch.setenv("RURALDASH_DB", str(tmp_path / "db.duckdb"))
    made: list[View] = []
    compare = briefing_pages.compare

    def offered(*args: object) -> View:
        """The page's briefing, kept (a name of its own: the page's cache never answers it)."""
        made.append(compare(*args))
        return made[-1]

    monkeypatch.setattr(briefing_pages, "compare", offered)
    at = AppTest.from_file("../../pages/compare.py", default_timeout=120)
    at.query_params.update(
        {"level": "prefecture", "category": "funds", "metric": "funds_invested", "per10k": switch}
    )
    at.run()
    assert not at.exception
    assert at.toggle(key="per10k").value is (switch == "1")
    (view,) = made
    assert view.per_capita is (switch == "1")
    assert view.subject == ("投入资金（每万常住人口）" if switch == "1" else "投入资金")
