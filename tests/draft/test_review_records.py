"""A figures file read for review gives back its exact bytes, and a changed row is written in the
file's own dialect: the oracle is the csv module reading the result back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ruraldash.draft.review import records

HEADER = "id,label,quote,review"
ROWS = [
    'a-001,"含,逗号","一句""引号""，",draft',
    'a-002,"两行\r\n的格",普通,draft',
    "a-003,末行,没有换行,draft",
]


def _file(newline: str, bom: bool, last_newline: bool) -> bytes:
    text = newline.join([HEADER, *ROWS]) + (newline if last_newline else "")
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def test_every_layout_reads_back_to_its_exact_bytes() -> None:
    for newline in ("\r\n", "\n"):
        for bom in (True, False):
            for last in (True, False):
                data = _file(newline, bom, last)
                figures = records.parse(Path("a.csv"), data)
                assert figures.to_bytes() == data
                assert [record.cells["id"] for record in figures.records] == [
                    "a-001",
                    "a-002",
                    "a-003",
                ]
                assert figures.records[1].cells["label"] == "两行\r\n的格"
                assert figures.records[0].cells["quote"] == '一句"引号"，'


def test_a_changed_row_is_written_in_the_files_dialect() -> None:
    figures = records.parse(Path("a.csv"), _file("\n", False, True))
    cells = {**figures.records[0].cells, "label": '新,"标签"'}
    text = figures.row_text(cells)
    assert text.endswith("\n") and not text.endswith("\r\n")
    assert next(csv.reader(io.StringIO(text, newline=""))) == [
        "a-001",
        '新,"标签"',
        '一句"引号"，',
        "draft",
    ]


def test_added_columns_go_before_each_line_end() -> None:
    figures = records.parse(Path("a.csv"), _file("\r\n", True, False))
    wider = figures.with_columns(("reviewed_by", "reviewed_at"))
    assert wider.header_text == HEADER + ",reviewed_by,reviewed_at\r\n"
    assert wider.records[0].text == ROWS[0] + ",,\r\n"
    assert wider.records[2].text == ROWS[2] + ",,"
    back = list(csv.DictReader(io.StringIO(wider.to_bytes().decode("utf-8-sig"), newline="")))
    assert [row["reviewed_by"] for row in back] == ["", "", ""]
    assert back[1]["label"] == "两行\r\n的格"
