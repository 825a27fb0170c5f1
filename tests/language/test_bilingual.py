"""One language at a time: bilingual curated text is split, and a page shows its own language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.language.bilingual import markdown_in_language, split_bilingual
from ruraldash.store.catalogue import load_catalogue
from ruraldash.views import methods


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        (
            "每村每年的平均额 (average per village per year)",
            "每村每年的平均额",
            "average per village per year",
        ),
        (
            "弱村一方。Weaker side of the alliances. 期间取自开头“去年来”。Period from 去年来.",
            "弱村一方。期间取自开头“去年来”。",
            "Weaker side of the alliances. Period from 去年来.",
        ),
        (
            "1.8万人次 = 18000. 期间未写。Period not given.",
            "1.8万人次 = 18000. 期间未写。",
            "Period not given.",
        ),
        (
            "=81+103. “去年”=2021年。去年 = 2021, from the report year.",
            "=81+103. “去年”=2021年。",
            "=81+103. 去年 = 2021, from the report year.",
        ),
        (
            "7th national census (reprint of the city bulletin)",
            "",
            "7th national census (reprint of the city bulletin)",
        ),
        ("2451.70亿元", "2451.70亿元", ""),
        (
            "亦可归入demonstration_sites；按关键词归类。",
            "亦可归入demonstration_sites；按关键词归类。",
            "",
        ),
        ("", "", ""),
    ],
)
def test_a_bilingual_note_splits_into_its_two_languages(text: str, zh: str, en: str) -> None:
    assert split_bilingual(text) == (zh, en)


def test_a_split_note_splits_into_itself() -> None:
    zh, en = split_bilingual("弱村一方。Weaker side of the alliances.")
    assert split_bilingual(zh) == (zh, "") and split_bilingual(en) == ("", en)


def test_the_shipped_notes_are_split_into_zh_and_en() -> None:
    catalogue, problems = load_catalogue(paths.DATA_DIR, paths.METRICS_DIR)
    assert catalogue is not None and not problems
    english = re.compile(r"[A-Za-z]+ [A-Za-z]+")
    for source in catalogue.sources.values():
        assert source.date_note_zh or source.date_note_en
        assert not english.search(source.date_note_zh), source.id
    for region in catalogue.regions.values():
        for figure in region.reference:
            assert not english.search(figure.note_zh), (region.id, figure.field)


def test_the_figure_files_have_a_note_per_language() -> None:
    for path in sorted((paths.DATA_DIR / "figures").glob("*.csv")):
        header = path.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
        assert "note" not in header and {"note_zh", "note_en"} <= set(header), path.name


def test_curation_notes_show_the_lines_of_the_page_language(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "x_2021.md").write_text(
        "# x_2021 · 某报告\n\n## 报告日期 · Dating\n\n- 原文无日期，推定为2022年。\n"
        "  No date in the text; inferred as 2022.\n- 见 `sources.yaml`。\n",
        encoding="utf-8",
    )
    zh = methods.report_notes(tmp_path, "x_2021", "zh")
    en = methods.report_notes(tmp_path, "x_2021", "en")
    assert "## 报告日期\n" in zh and "No date" not in zh and "- 原文无日期" in zh
    assert "## Dating\n" in en and "原文无日期" not in en
    assert "- No date in the text; inferred as 2022." in en
    assert "`sources.yaml`" in zh


def test_markdown_keeps_code_blocks_whole() -> None:
    text = "说明。\nSome words here.\n```\npython -m ruraldash validate\n```\n"
    assert "python -m ruraldash validate" in markdown_in_language(text, "zh")
    assert "Some words" not in markdown_in_language(text, "zh")
