"""An exact count is grouped and never rounded: 567,049 in either language."""

from __future__ import annotations

from ruraldash.language.formatting import format_count


def test_count_is_grouped_and_never_rounded() -> None:
    assert format_count(567049) == "567,049"
    assert format_count(164) == "164"
    assert format_count(0) == "0"
