"""Keep CSV cells from running as spreadsheet formulas (OWASP's "CSV injection" advice)."""

from __future__ import annotations

import re

# Excel, LibreOffice and WPS start a formula at any of these first characters; tab and CR are
# dropped by some of them, so a formula behind them runs too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A plain number (a negative figure, a signed change) is data, not a formula: kept as it is
# so that the spreadsheet still reads it as a number.
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def neutralise(value: str) -> str:
    """Return a text cell that no spreadsheet runs: a leading ' before a formula's first
    character, the way OWASP describes; plain numbers and other text unchanged."""
    if value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value
