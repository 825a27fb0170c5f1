"""How a figure table sits on a 1366-pixel screen: what must be seen first, and how wide."""

from __future__ import annotations

from collections.abc import Sequence

from ruraldash.language.i18n import t

# The columns a reader needs without scrolling sideways, in order, with their width in pixels:
# the value as written (qualifier and plan mark included), whose it is and what it counts,
# then its period, scope and source. Together they fit the ~900 pixels a wide page leaves
# beside the sidebar at 1366 pixels; every other column follows, to the right.
FIRST_COLUMNS: tuple[tuple[str, int], ...] = (
    ("col_map_unit", 96),  # the Compare page: the unit, its value, its position, then the rest
    ("col_level", 64),  # the side-by-side figures of the Compare page carry their level
    ("col_rank", 150),
    ("col_value_text", 118),
    ("col_region", 68),
    ("col_metric", 92),
    ("col_label", 170),
    ("col_period", 170),
    ("col_scope", 76),
    ("col_source", 150),
    ("col_program", 120),  # third in a program comparison, where there is no source column
)


def screen_widths(columns: Sequence[str], lang: str) -> dict[str, int]:
    """Return the widths (pixels) of a figure table's leading columns; {} for other tables.

    The tables put these columns first themselves (views.tables), so a download holds the
    columns in the order the screen shows them.
    """
    if t("col_value_text", lang) not in columns:
        return {}
    widths = {t(key, lang): width for key, width in FIRST_COLUMNS}
    return {column: widths[column] for column in columns if column in widths}
