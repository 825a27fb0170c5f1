"""Why drafting leaves a numeral out: one table of ids and their labels."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SkipReason:
    """One reason: its id (in the skipped-numerals file) and labels; the summary's counted words
    ("3 dates", 日期 3 个) are the i18n table's draft_skipped_<id>_one / _many."""

    id: str
    label_zh: str
    label_en: str

    def label(self, lang: str) -> str:
        """Return the reason in the reader's language."""
        return self.label_en if lang == "en" else self.label_zh


# In the order the summaries list them.
SKIP_REASONS: dict[str, SkipReason] = {
    reason.id: reason
    for reason in (
        SkipReason("date", "日期", "date"),
        SkipReason("ordinal", "序数", "ordinal"),
        SkipReason("name", "名称的一部分", "part of a name"),
        SkipReason("furniture", "页面杂项", "page furniture"),
        SkipReason("threshold", "门槛", "threshold"),
        SkipReason("lone_one", "单独的“一”", "lone 一"),
        SkipReason("period", "用作时期的年数", "duration used as a period"),
        SkipReason("size_class", "规模等级", "size class"),
        SkipReason("range", "区间", "range"),
        SkipReason("vague", "模糊数", "vague amount"),
        SkipReason("months", "月数（无基本单位）", "months (no base unit)"),
        SkipReason("other_unit", "其他单位（无基本单位）", "other unit (no base unit)"),
        SkipReason("no_measure_word", "无量词", "no measure word"),
    )
}
