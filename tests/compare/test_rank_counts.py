"""A rank writes its counts grouped: 第1,234位 / 2,850."""

from __future__ import annotations

from ruraldash.compare.rank import Rank


def test_rank_text_groups_its_counts() -> None:
    rank = Rank(position=1234, reported=2850, total=2850, level="county", approximate=False)
    assert "1,234" in rank.text("zh") and "2,850" in rank.text("zh")
