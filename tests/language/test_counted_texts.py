"""A counted text agrees with its count in English (1 figure, 2 figures); Chinese has one form."""

from __future__ import annotations

import re

import pytest

from ruraldash.language.i18n import TEXT, t_count

# Every counted key of the table: those with a text for one and one for many.
COUNTED = sorted(
    key.removesuffix("_one") for key in TEXT if key.endswith("_one") and f"{key[:-4]}_many" in TEXT
)


def test_one_and_many_pick_their_own_text() -> None:
    assert t_count("lead_figures", 1, "en").format(count=1) == "The table lists 1 figure."
    assert t_count("lead_figures", 2, "en").format(count=2) == "The table lists 2 figures."
    assert t_count("lead_figures", 0, "en").format(count=0) == "The table lists 0 figures."
    assert t_count("lfl_differ_status", 1, "en").format(plans="1") == (
        "1 figure is a plan, kept apart from actuals."
    )
    assert t_count("lead_figures", 1, "zh") == t_count("lead_figures", 5, "zh")


@pytest.mark.parametrize("key", COUNTED)
def test_no_english_text_for_one_speaks_of_many(key: str) -> None:
    """An independent oracle for the table: in the text for one, the noun after the count is
    singular and nothing hedges with "(s)"; the text for many differs from it."""
    one, many = TEXT[f"{key}_one"][1], TEXT[f"{key}_many"][1]
    assert "(s)" not in one and "(s)" not in many
    nouns = re.findall(r"\{\w+\}\s+(?:(?:other|more|unreviewed|draft|dated)\s+)*(\w+)", one)
    assert not set(nouns) & PLURALS, (key, one)
    assert one != many or key.startswith("draft_skipped_"), key


PLURALS = {"figures", "units", "metrics", "regions", "periods", "problems", "ones", "plans"}


def test_the_english_count_phrases_the_brief_named_are_singular_for_one() -> None:
    assert (
        t_count("lfl_differ_periods", 1, "en")
        .format(periods="1", kinds="x")
        .startswith("Periods differ: 1 dated period (")
    )
    assert t_count("lfl_left_out_reason", 1, "en").format(
        count="1", reason="of another period"
    ) == ("1 other figure is not ranked: of another period.")
