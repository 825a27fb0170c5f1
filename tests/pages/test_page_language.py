"""What an official sees (issue #10): one language per page, values as written, empty states.

These pages read the shipped data (its five reports, their regions and values as written), not
the comparison-rules fixture the other page tests read.
"""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from ruraldash.language.i18n import t
from ruraldash.views.plain import markdown_text

TIMEOUT = 60
# Two English words in a row, once ids (more_than, putian_2022-001), URLs and `code` are gone.
ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,;:'’-]+[A-Za-z]{2,})+")
NOT_WORDS = re.compile(r"https?://\S+|`[^`]*`|[A-Za-z0-9./-]*[_\d][A-Za-z0-9_./-]*")
REPORT = "2021年以来，投入资金1400多万元，培训党员5万人次以上。近8亿元。"
# Reports the draft page can add (its region's reason, the date's, a review checklist of every
# kind) or cannot (no date), for the section "加入看板"; REPORT names no region at all.
ADDABLE = (
    "弥勒市：党建引领乡村振兴新画卷\n来源：红河州委组织部 日期：2023-07-26\n"
    "2022年以来，弥勒市坚持党建引领，投入衔接资金2.3亿元，带动农户2.1万户增收。\n"
    "全市培育200余亩的种植基地12个。\n到2025年底新建村级集体经济合作社50个。\n"
)
UNDATED = "霞浦县组织工作简报\n霞浦县委组织部\n霞浦县投入资金800万元，举办培训班12期。\n"
PASTED = {"": REPORT, "addable": ADDABLE, "undated": UNDATED}


# The app reads the shipped data/ and its built database.
pytestmark = pytest.mark.usefixtures("serve_shipped")


def page(name: str, **query: str) -> AppTest:
    """Run one page alone with ?query in the URL."""
    at = AppTest.from_file(f"../../pages/{name}.py", default_timeout=TIMEOUT)
    at.query_params.update(query)
    return at.run()


def keyed(at: AppTest, key: str) -> Block:
    """Return the container ui.table drew under `key`."""
    pending: list = [at.main]
    while pending:
        node = pending.pop()
        pending += list(getattr(node, "children", {}).values())
        if isinstance(node, Block) and getattr(node.proto, "id", "").endswith(f"-{key}"):
            return node
    raise KeyError(key)


def english_runs(text: str) -> list[str]:
    return ENGLISH_RUN.findall(NOT_WORDS.sub(" ", text))


def _visible_table(element) -> pd.DataFrame:
    """A table as the reader sees it: its shown columns, under their shown headers."""
    frame = element.value
    order = list(element.proto.column_order) or list(frame.columns)
    config = json_config(element.proto.columns)
    shown = frame[[c for c in order if c in frame.columns]]
    return shown.rename(columns={c: config.get(c, {}).get("label", c) for c in shown.columns})


def displayed_cells(element) -> pd.DataFrame:
    """A table's cells as they read on screen: a selectbox column shows its options' labels,
    and a missing value (in a selectbox column an empty one too) the table's placeholder,
    "None" unless one is set."""
    proto = element.proto
    missing = proto.placeholder if proto.HasField("placeholder") else "None"
    shown = _visible_table(element).map(lambda cell: missing if cell is None else cell)
    config = json_config(proto.columns)
    for column, settings in config.items():
        options = settings.get("type_config", {}).get("options") or []
        labels = {o["value"]: o["label"] for o in options if isinstance(o, dict)}
        header = settings.get("label", column)
        if labels and header in shown.columns:
            shown[header] = [labels.get(cell, cell) or missing for cell in shown[header]]
    return shown


# A backslash before ASCII punctuation is a Markdown escape: the reader sees the mark alone.
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def as_read(markdown: str) -> str:
    """What a reader sees of a Markdown text's escapes (markdown_text's output reads as input)."""
    return MARKDOWN_ESCAPE.sub(r"\1", markdown)


def json_config(text: str) -> dict:
    import json

    return json.loads(text) if text else {}


# st.warning and its kin, as AppTest names their elements (it has no element "alert").
ALERTS = ("warning", "error", "info", "success", "toast")


def english_on_page(at: AppTest) -> list[tuple[str, str]]:
    """Every run of English a reader of Chinese would meet on the page, with where it was.

    Left out: code, and what sits in an expander whose label says it is English
    (英文原文), or a table column labelled as English (英文) — a glossary.
    """
    found: list[tuple[str, str]] = []
    pending: list = [at.main, at.sidebar]
    while pending:
        node = pending.pop()
        kind = getattr(node, "type", "")
        label = getattr(node, "label", "") or ""
        if kind == "expander" and "英文" in label:
            continue
        pending += list(getattr(node, "children", {}).values())
        texts: list[str] = []
        if kind == "text":
            texts.append(str(node.value))
        elif kind in ("markdown", "caption", "title", "subheader", "header", *ALERTS):
            texts.append(as_read(str(node.value)))
        elif kind in ("arrow_data_frame", "dataframe"):
            shown = _visible_table(node)
            for column in shown.columns:
                if "英文" in str(column):
                    continue
                texts.append(str(column))
                texts += [str(cell) for cell in shown[column].tolist()]
        texts.append(label)
        texts += [str(getattr(node, "help", "") or "")]
        texts += [str(option) for option in getattr(node, "options", []) or []]
        found += [(kind, run) for text in texts for run in english_runs(text)]
    return found


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("overview", {}),
        ("compare", {}),
        ("compare", {"category": "training", "metric": "trainees"}),
        ("compare", {"category": "funds", "metric": "funds_invested"}),
        ("compare_programs", {}),
        ("compare_programs", {"type": "funding"}),
        ("region_profile", {"report": "ningde_2021"}),
        ("region_profile", {"report": "dingxi_2021"}),
        ("region_profile", {"report": "xinning_2021"}),
        ("region_profile", {"report": "qingyuan_2019"}),
        ("region_profile", {"report": "putian_2022"}),
        ("explore", {}),
        ("sources", {}),
        ("draft", {}),
        ("draft", {"paste": "addable"}),
        ("draft", {"paste": "undated"}),
    ],
)
def test_a_chinese_page_shows_no_english_phrase(name: str, query: dict[str, str]) -> None:
    query = dict(query)
    pasted = PASTED[query.pop("paste", "")]  # what to paste into the draft page, not its URL
    at = page(name, **query)
    if name == "draft":
        at.text_area(key="draft_text").input(pasted).run()
    assert not at.exception
    assert english_on_page(at) == []


def _add_section(text: str, lang: str) -> str:
    """Everything the draft page writes once `text` is pasted, in `lang`, as one text."""
    at = page("draft", lang=lang)
    at.text_area(key="draft_text").input(text).run()
    assert not at.exception
    shown = [*at.caption, *at.warning, *at.markdown]
    return "\n".join([*(as_read(str(e.value)) for e in shown), *(str(e.value) for e in at.text)])


def test_the_add_section_speaks_the_page_language() -> None:
    # The same report in each language: the region's and the date's reasons, the checklist.
    chinese, english = _add_section(ADDABLE, "zh"), _add_section(ADDABLE, "en")
    assert "报告中出现最多的是弥勒市（得分" in chinese
    assert "（原文写明）：文中写明“日期:2023-07-26”。" in chinese
    assert "时期“2022年以来”取自句子前文" in chinese and "可能是门槛" in chinese
    assert "期限“到2025年底”：未说明何时开始" in chinese
    assert "弥勒市 is named most (score" in english
    assert "(stated): Stated in the text." in english
    assert "period 2022年以来 carried from earlier in the sentence" in english
    assert "possible threshold" in english and "when the work starts is not said" in english
    assert "报告既未写明日期，也未提到年份" in _add_section(UNDATED, "zh")
    assert "the report states no date and names no year" in _add_section(UNDATED, "en")


def test_the_scan_finds_english_where_there_is_some() -> None:
    # The same scan on the English page finds plenty: the test above can fail.
    assert len(english_on_page(page("sources", lang="en"))) > 20


def test_the_draft_page_speaks_the_page_language() -> None:
    at = page("draft")
    uploader = at.get("file_uploader")[0]
    assert uploader.proto.label == t("draft_upload", "zh")
    at.text_area(key="draft_text").input(REPORT).run()
    table = _visible_table(at.dataframe[0])
    assert list(table.columns[:4]) == ["编号", "地区", "范围", "指标"]
    assert "备注" in table.columns and "备注（英文）" not in table.columns
    # a guess is said as such; an unsure one is flagged first (指标存疑)
    assert table["备注"].str.match(r"(指标存疑：)?指标推测").all()
    english = page("draft", lang="en")
    english.text_area(key="draft_text").input(REPORT).run()
    notes = _visible_table(english.dataframe[0])["Note"]
    assert notes.str.match(r"(metric uncertain: )?metric guess").all()


# A draft holding codes of every kind: metrics one English word long (mentors) with
# alternatives, units, qualifiers (exact, more_than, nearly), a plan, the review state.
CODES = "结对导师120名，帮带村干部300人。到2025年，计划新建示范点50个。近8亿元。"
# Code spans, paths and ids (they hold `, /, _ or a digit) go first; acronyms (CSV, BOM) and
# the one product named (Excel) are how Chinese names a file format. Any other Latin word is
# English on a Chinese page.
CODE_OR_ID = re.compile(r"`[^`]*`|[A-Za-z0-9./*-]*[_\d/][A-Za-z0-9_./*-]*")
LATIN_WORD = re.compile(r"\b(?![A-Z]+\b|Excel\b)[A-Za-z]{2,}")


def latin_words(text: str) -> list[str]:
    return LATIN_WORD.findall(CODE_OR_ID.sub(" ", text))


@pytest.mark.parametrize("pasted", [REPORT, ADDABLE, UNDATED, CODES])
def test_the_chinese_draft_shows_names_not_codes(pasted: str) -> None:
    # Single words count here (yuan, exact, actual, draft, note 列): the scan above needs two.
    at = page("draft")
    at.text_area(key="draft_text").input(pasted).run()
    assert not at.exception
    cells = [
        (column, word)
        for table in map(displayed_cells, at.dataframe)
        for column in table.columns
        for cell in table[column]
        for word in latin_words(str(cell))
    ]
    assert cells == []
    assert [word for c in at.caption for word in latin_words(as_read(c.value))] == []
    tips = re.findall(r'title="([^"]*)"', at.get("html")[0].proto.body)
    assert tips and [word for tip in tips for word in latin_words(html.unescape(tip))] == []
    # The cells keep the curated codes the CSV download is written from.
    codes = at.dataframe[0].value
    assert set(codes["review"]) == {"draft"} and set(codes["status"]) <= {"actual", "plan"}


def test_the_draft_names_its_codes_in_the_page_language() -> None:
    chinese, english = page("draft"), page("draft", lang="en")
    for at in (chinese, english):
        at.text_area(key="draft_text").input(CODES).run()
    zh, en = displayed_cells(chinese.dataframe[0]), displayed_cells(english.dataframe[0])
    assert list(zh["指标"][:2]) == ["帮带导师", "村干部队伍"]
    assert list(zh["单位"]) == ["人", "人", "个", "元"]
    assert list(zh["限定词"]) == ["确数", "确数", "确数", "近"]
    assert list(zh["状态"]) == ["实际", "实际", "计划/目标", "实际"]
    assert set(zh["审核"]) == {"未审核"}
    assert zh["备注"].iloc[0].startswith("指标推测 帮带导师（")
    assert list(en["Unit"]) == ["persons", "persons", "count", "yuan"]
    assert list(en["Qualifier"]) == ["exact", "exact", "exact", "nearly"]
    assert en["Note"].iloc[0].startswith("metric guess mentors (")


@pytest.mark.parametrize(
    ("field", "typed"),
    [("draft_add_date", "**x** <b>y</b> [a](http://z)"), ("draft_region", "_x_ `y` #z")],
)
def test_what_the_user_typed_is_shown_as_typed(field: str, typed: str) -> None:
    # The add section's warning quotes the typed date or region: as text, never as Markdown.
    at = page("draft")
    at.text_area(key="draft_text").input(ADDABLE).run()
    at.text_input(key=field).input(typed).run()
    assert not at.exception
    warning = next(w.value for w in at.warning if w.value.startswith("还不能加入"))
    assert typed not in warning and markdown_text(typed) in warning
    assert f"“{typed}”" in as_read(warning)


def test_values_are_written_as_the_report_wrote_them() -> None:
    at = page("region_profile", report="xinning_2021")
    funds = _visible_table(keyed(at, "profile_funds").dataframe[0])
    assert "1400多万" in set(funds["数值"])
    explore = page("explore", q="近8亿")
    assert "近8亿" in set(_visible_table(keyed(explore, "explore_table").dataframe[0])["数值"])
    plans = page("explore", q="5万人次以上")
    assert "5万以上（计划）" in set(
        _visible_table(keyed(plans, "explore_table").dataframe[0])["数值"]
    )
    english = page("explore", lang="en", q="1400多万")
    assert "14+ million" in set(
        _visible_table(keyed(english, "explore_table").dataframe[0])["Value"]
    )


def test_the_value_as_written_comes_first_then_period_scope_and_source() -> None:
    at = page("compare", category="training", metric="trainees")
    element = keyed(at, "compare_table").dataframe[0]
    order = list(element.value.columns)  # the download holds the same order
    assert order[0] == "行政单位" and order.index("数值") <= 2
    # What a reader checks (period, scope, source) before the number in base units.
    assert max(order.index(name) for name in ("时期", "范围", "来源报告")) < order.index(
        "数值（基本单位）"
    )


def test_english_periods_and_scopes_read_in_english_beside_the_source_text() -> None:
    at = page("compare", lang="en", category="training", metric="trainees")
    shown = _visible_table(keyed(at, "compare_table").dataframe[0])
    assert "since last year (去年来; from 2021-01-01)" in set(shown["Period"])
    assert "Chengxiang District (城厢区)" in set(shown["Scope"])


def test_a_program_type_without_ratios_says_so_in_one_line() -> None:
    at = page("compare_programs", type="funding")
    ratios = keyed(at, "programs_ratios")
    assert not ratios.dataframe
    assert [info.value for info in ratios.info] == [t("ratios_none", "zh")]


def test_explore_search_finds_figures_by_category_metric_and_program_names() -> None:
    at = page("explore")
    everything = _visible_table(keyed(at, "explore_table").dataframe[0])
    training = everything[everything["类别"] == "教育培训"]
    at.text_input(key="q").input("培训").run()
    found = _visible_table(keyed(at, "explore_table").dataframe[0])
    assert set(training["数据编号"]) <= set(found["数据编号"])
    mentoring = everything[everything["类别"] == "导师帮带"]
    at.text_input(key="q").input("导师").run()
    found = _visible_table(keyed(at, "explore_table").dataframe[0])
    assert set(mentoring["数据编号"]) <= set(found["数据编号"])
    english = page("explore", lang="en", q="Mentoring")
    shown = _visible_table(keyed(english, "explore_table").dataframe[0])
    assert len(shown) >= len(mentoring) and set(shown["Category"]) == {"Mentoring"}


def test_download_all_names_the_command_in_code() -> None:
    at = page("explore")
    hint = [c.value for c in at.caption if "python -m ruraldash export figures" in c.value]
    assert hint and "`python -m ruraldash export figures`" in hint[0]
