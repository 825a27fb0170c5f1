"""Drafting a part of a whole: where a sentence says 其中 or 含, the part names the figure of
the same unit before it in that sentence, and a 含 that defines what is counted names none."""

from __future__ import annotations

import pytest

from ruraldash.draft.engine import draft_report
from ruraldash.store.catalogue import Catalogue


def drafted(text: str, catalogue: Catalogue) -> list[tuple[str, str, str]]:
    """Return (label, value, part_of) of each figure drafted from `text`."""
    draft = draft_report(text, catalogue.metrics, source="t_2021", region="t")
    return [(figure.label, figure.value, figure.part_of) for figure in draft.figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "投入资金3.2亿元，其中县财政安排专项资金8500万元。",
            [("资金", "320000000", ""), ("县财政安排专项资金", "85000000", "t_2021-001")],
        ),
        (
            # Every part after one 其中 belongs to the whole before it.
            "全县有村干部5000人，其中女性1200人，大专以上学历800人。",
            [
                ("有村干部", "5000", ""),
                ("女性", "1200", "t_2021-001"),
                ("大专以上学历", "800", "t_2021-001"),
            ],
        ),
        (
            "共投入资金3.2亿元(含中央资金1亿元)，培训党员2000人。",
            [
                ("资金", "320000000", ""),
                ("中央资金", "100000000", "t_2021-001"),
                ("培训党员", "2000", ""),
            ],
        ),
        (
            "投入资金3亿多元，含省级资金1.5亿元。",
            [("资金", "300000000", ""), ("省级资金", "150000000", "t_2021-001")],
        ),
    ],
)
def test_a_part_names_its_whole(
    text: str, expected: list[tuple[str, str, str]], catalogue: Catalogue
) -> None:
    assert drafted(text, catalogue) == expected


def test_a_part_in_another_unit_names_no_whole(catalogue: Catalogue) -> None:
    # 1.2万人次 (person-times) is not the whole of 3000人 (persons); 85个 is part of 120个.
    rows = drafted(
        "建成合作社120个，其中党组织领办85个；培训1.2万人次，其中党员3000人。", catalogue
    )
    assert [part for _, _, part in rows] == ["", "t_2021-001", "", ""]


def test_a_whole_stays_within_its_sentence(catalogue: Catalogue) -> None:
    rows = drafted("投入资金3.2亿元。其中县财政安排专项资金8500万元。", catalogue)
    assert [part for _, _, part in rows] == ["", ""]


def test_a_part_larger_than_an_exact_whole_names_none(catalogue: Catalogue) -> None:
    rows = drafted("投入资金3.2亿元，其中县财政资金4亿元。", catalogue)
    assert [part for _, _, part in rows] == ["", ""]


def test_a_defining_han_is_no_part(catalogue: Catalogue) -> None:
    text = "311名村(含农村社区)党组织书记担任一级网格长、1837名村“两委”干部担任二级网格长。"
    assert [part for _, _, part in drafted(text, catalogue)] == ["", ""]
