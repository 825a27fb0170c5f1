"""A quote is shown with the report's own punctuation, found through the normalised text."""

from __future__ import annotations

from ruraldash.language.textnorm import as_written, normalise
from ruraldash.views.report_context import in_report

# Full-width commas and colon, a no-break space, traditional characters with pinyin, CRLF.
REPORT = "堅(jiān)持黨建引領。\r\n2015年以來，各級投入資金１２億元：“好”。\n第二段。"
QUOTE = "2015年以来,各级投入资金12亿元"  # as curated: normalised, half-width


def test_as_written_is_aligned_with_the_normalised_text() -> None:
    normalised, written = normalise(REPORT), as_written(REPORT)
    assert len(written) == len(normalised)
    assert normalised.startswith("坚持党建引领。\n2015年以来,各级投入资金12亿元:")
    assert written.startswith("坚持党建引领。\n2015年以来，各级投入资金１２亿元：")


def test_the_clause_is_shown_as_the_report_punctuates_it() -> None:
    shown = in_report(normalise(REPORT), QUOTE, "t", as_written(REPORT))
    assert shown.found
    assert shown.quote == "2015年以来，各级投入资金１２亿元"
    assert "2015年以来，各级投入资金１２亿元</mark>：“好”。" in shown.paragraph_html


def test_a_quote_not_in_the_report_falls_back_to_the_stored_quote() -> None:
    shown = in_report(normalise(REPORT), "不在报告中", "t", as_written(REPORT))
    assert not shown.found and shown.quote == "不在报告中"


def test_a_report_without_full_width_marks_reads_as_normalised() -> None:
    plain = "堅(jiān)持黨建,投入12億元\u200b。"
    assert as_written(plain) == normalise(plain) == "坚持党建,投入12亿元。"
