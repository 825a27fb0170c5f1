"""A figure's unit is shown in the word its report wrote (期, 场), never as 期/场/次."""

from __future__ import annotations

import pandas as pd

from ruraldash.language.formatting import written_unit
from ruraldash.views.tables import figure_table

SESSIONS = "期/场/次"


def test_the_measure_word_of_the_quote_is_the_unit_shown() -> None:
    assert written_unit("举办培训班46期", 46, "session", SESSIONS, "zh") == "期"
    assert written_unit("召开会议300余场,培训46期", 300, "session", SESSIONS, "zh") == "场"
    assert written_unit("召开会议300余场,培训46期", 46, "session", SESSIONS, "zh") == "期"


def test_without_a_word_of_its_own_the_catalogue_name_stays() -> None:
    assert written_unit("共计46", 46, "session", SESSIONS, "zh") == SESSIONS
    assert written_unit(None, 46, "session", SESSIONS, "zh") == SESSIONS
    assert written_unit("举办培训班46期", 46, "session", "sessions", "en") == "sessions"
    assert written_unit("培训1.2万多人次", 12000, "person_time", "人次", "zh") == "人次"


def test_the_table_unit_column_writes_each_figures_word() -> None:
    frame = pd.DataFrame(
        {
            "value": [46.0, 300.0],
            "unit": ["session", "session"],
            "unit_zh": [SESSIONS, SESSIONS],
            "unit_en": ["sessions", "sessions"],
            "quote": ["举办培训班46期", "召开会议300余场"],
        }
    )
    assert list(figure_table(frame, "zh", ["unit"])["单位"]) == ["期", "场"]
    assert list(figure_table(frame, "en", ["unit"])["Unit"]) == ["sessions", "sessions"]
