"""Why drafting leaves a numeral out: one table of ids (their labels are in the i18n table)."""

from __future__ import annotations

from dataclasses import dataclass

from ruraldash.language.i18n import t_choice


@dataclass(frozen=True)
class SkipReason:
    """One reason: its id (in the skipped-numerals file); its label is the i18n table's
    skip_<id>, the summary's counted words ("3 dates", 日期 3 个) draft_skipped_<id>_one / _many."""

    id: str

    def label(self, lang: str) -> str:
        """Return the reason in the reader's language."""
        return t_choice("skip", self.id, lang)


# In the order the summaries list them.
SKIP_REASONS: dict[str, SkipReason] = {
    reason.id: reason
    for reason in (
        SkipReason("date"),
        SkipReason("ordinal"),
        SkipReason("name"),
        SkipReason("furniture"),
        SkipReason("threshold"),
        SkipReason("lone_one"),
        SkipReason("period"),
        SkipReason("size_class"),
        SkipReason("range"),
        SkipReason("vague"),
        SkipReason("months"),
        SkipReason("other_unit"),
        SkipReason("no_measure_word"),
    )
}
