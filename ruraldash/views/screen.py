"""How a figure table sits on a 1366-pixel screen: what must be seen first, and how wide."""

from __future__ import annotations

from collections.abc import Sequence

from ruraldash.language.i18n import t

# The columns a reader needs without scrolling sideways, in order, with their width in pixels:
# the value as written (qualifier and plan mark included), whose it is and what it counts,
# then its period, scope and source. Together they fit the ~900 pixels a wide page leaves
# beside the sidebar at 1366 pixels; every other column follows, to the right.
FIRST_COLUMNS: tuple[tuple[str, int], ...] = (
    ("col_value_text", 118),
    ("col_region", 68),
    ("col_metric", 92),
    ("col_label", 170),
    ("col_period", 170),
    ("col_scope", 76),
    ("col_source", 150),
)


def screen_layout(columns: Sequence[str], lang: str) -> tuple[list[str], dict[str, int]]:
    """Return a table's columns in screen order and the widths of the first ones.

    A table without a value-as-written column (a summary, a matrix) keeps its order.
    """
    headers = {t(key, lang): width for key, width in FIRST_COLUMNS}
    if t("col_value_text", lang) not in columns:
        return list(columns), {}
    first = [header for header in headers if header in columns]
    return first + [c for c in columns if c not in first], {h: headers[h] for h in first}
