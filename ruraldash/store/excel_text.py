"""Text as Excel on Chinese Windows reads and writes it: CSV in UTF-8 with a BOM and CRLF line
ends out; UTF-8 (BOM or not) or GB18030 in."""

from __future__ import annotations

import pandas as pd

from ruraldash.store.csvsafe import FORMULA_STARTS, neutralise

BOM = b"\xef\xbb\xbf"
UTF8, GB18030 = "utf-8", "gb18030"


def decode_text(data: bytes, errors: str = "strict") -> tuple[str, str]:
    """Return (text, encoding): UTF-8 (BOM or not), else GB18030 as Excel on Chinese Windows saves.

    With errors="strict", bytes that are neither raise the UTF-8 UnicodeDecodeError, which says
    where the text first stops being UTF-8.
    """
    try:
        return data.decode("utf-8-sig"), UTF8
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode(GB18030, errors=errors), GB18030
        except UnicodeDecodeError:
            raise utf8_error from None


def _starts_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def _safe_column(values: pd.Series) -> pd.Series:
    """Text from reports and curators must never run as a formula in Excel: neutralise the
    few cells that start like one (found at once, column-wide) and leave the rest as they are."""
    if values.dtype == object:
        suspect = values.map(_starts_like_formula).astype(bool)
    elif pd.api.types.is_string_dtype(values.dtype):
        suspect = values.str.startswith(FORMULA_STARTS).fillna(False).astype(bool)
    else:
        return values  # numbers, dates and booleans are written as values, never as formulas
    if not suspect.any():
        return values
    values = values.astype(object)
    values[suspect] = values[suspect].map(neutralise)
    return values


def excel_csv(table: pd.DataFrame) -> bytes:
    """Return a table as CSV that Excel opens correctly: UTF-8 with a BOM, CRLF line ends, and
    no cell (nor header) that a spreadsheet would run as a formula."""
    # By position, so that two columns of the same name are each made safe.
    columns = [_safe_column(table.iloc[:, col]) for col in range(table.shape[1])]
    safe = pd.concat(columns, axis=1, ignore_index=True) if columns else table.copy()
    safe.columns = [neutralise(str(column)) for column in table.columns]
    table = safe
    text = table.to_csv(index=False, lineterminator="\r\n", date_format="%Y-%m-%d")
    return BOM + text.encode(UTF8)
