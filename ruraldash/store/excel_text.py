"""Text as Excel on Chinese Windows reads and writes it: CSV in UTF-8 with a BOM and CRLF line
ends out; UTF-8 (BOM or not) or GB18030 in."""

from __future__ import annotations

import pandas as pd

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


def excel_csv(table: pd.DataFrame) -> bytes:
    """Return a table as CSV that Excel opens correctly: UTF-8 with a BOM, CRLF line ends."""
    text = table.to_csv(index=False, lineterminator="\r\n", date_format="%Y-%m-%d")
    return BOM + text.encode(UTF8)
