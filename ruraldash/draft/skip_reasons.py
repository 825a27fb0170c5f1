"""Why drafting leaves a numeral out: one table of ids, their labels and the summary's words."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SkipReason:
    """One reason: its id (in the skipped-numerals file), labels, and the CLI summary's words."""

    id: str
    label_zh: str
    label_en: str
    singular: str  # "3 dates" in `python -m ruraldash draft`'s one-line summary
    plural: str

    def label(self, lang: str) -> str:
        """Return the reason in the reader's language."""
        return self.label_en if lang == "en" else self.label_zh

    def counted(self, count: int) -> str:
        """Return `count` numerals skipped for this reason, in English: 1 date, 3 dates."""
        return f"{count} {self.singular if count == 1 else self.plural}"


# In the order the summaries list them.
SKIP_REASONS: dict[str, SkipReason] = {
    reason.id: reason
    for reason in (
        SkipReason("date", "日期", "date", "date", "dates"),
        SkipReason("ordinal", "序数", "ordinal", "ordinal", "ordinals"),
        SkipReason("name", "名称的一部分", "part of a name", "part of a name", "parts of names"),
        SkipReason(
            "furniture", "页面杂项", "page furniture", "in page furniture", "in page furniture"
        ),
        SkipReason("threshold", "门槛", "threshold", "threshold", "thresholds"),
        SkipReason("lone_one", "单独的“一”", "lone 一", "lone 一", "lone 一"),
        SkipReason(
            "period",
            "用作时期的年数",
            "duration used as a period",
            "duration used as a period",
            "durations used as periods",
        ),
        SkipReason("size_class", "规模等级", "size class", "size class", "size classes"),
        SkipReason("range", "区间", "range", "range", "ranges"),
        SkipReason("vague", "模糊数", "vague amount", "vague amount", "vague amounts"),
        SkipReason(
            "months",
            "月数（无基本单位）",
            "months (no base unit)",
            "count of months",
            "counts of months",
        ),
        SkipReason(
            "other_unit",
            "其他单位（无基本单位）",
            "other unit (no base unit)",
            "unit without a base unit",
            "units without a base unit",
        ),
        SkipReason(
            "no_measure_word",
            "无量词",
            "no measure word",
            "without a measure word",
            "without a measure word",
        ),
    )
}
