"""Tests for report text normalisation: simplified characters, pinyin removed, furniture marked."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ruraldash.language.textnorm import (
    Line,
    furniture_reason,
    match_key,
    normalise,
    normalise_lines,
    render_normalised,
)

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"
TRADITIONAL = ("ningde_2021", "xinning_2021")
SIMPLIFIED = ("dingxi_2021", "qingyuan_2019", "putian_2022")

# The furniture lines of every report (line number -> reason); every other line is content.
FURNITURE = {
    "ningde_2021": {11: "photo credit", 12: "editor credit"},
    "dingxi_2021": {
        1: "site banner",
        5: "reading time",
        19: "view counter",
        20: "promotion",
        22: "promotion",
        24: "share prompt",
    },
    "xinning_2021": {10: "copyright notice", 11: "navigation link"},
    "qingyuan_2019": {
        3: "view counter",
        4: "copyright notice",
        8: "photo caption",
        62: "customer service",
    },
    "putian_2022": {5: "source credit"},
}


def report(source_id: str) -> str:
    """Return the raw text of a source's report, as it ships in data/reports/."""
    return (REPORTS / f"{source_id}.txt").read_text(encoding="utf-8")


def _is_latin_letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L") and "LATIN" in unicodedata.name(ch, "")


def _has_tone_mark(ch: str) -> bool:
    return any(unicodedata.combining(part) for part in unicodedata.normalize("NFD", ch))


@pytest.mark.parametrize(
    ("source_id", "phrase"),
    [
        ("ningde_2021", "坚持党建引领 凝聚发展力量"),
        ("ningde_2021", "宁德网消息(记者 郭晓红)8月以来"),
        ("ningde_2021", "新一届村(社区)“两委”换届选举工作"),
        ("ningde_2021", "成立中心村、连片村党委(党总支)68个"),
        ("ningde_2021", "受训党员12.6万多人次;"),
        ("ningde_2021", "每年按不低于投入10%的收益用于扶持集体经济(每年约5000万元)。"),
        ("ningde_2021", "年收入超过20万元以上的村达到27.5%"),
        ("ningde_2021", "“闽东时代乡村振兴基金”"),
        ("ningde_2021", "开展“千名专家下联百村、精准服务纾解民忧”服务乡村振兴行动"),
        ("ningde_2021", "(本版图片由市委组织部提供)"),
        ("ningde_2021", "责任编辑:陈秋凤"),
        ("xinning_2021", "看看新宁是如何通过党建引领乡村振兴的?"),
        ("xinning_2021", "村年均运转经费达到16.59万元"),
        ("xinning_2021", "57 项受理权限下放到村(社区)"),
        ("xinning_2021", "推行“党支部+合作社(公司)+农户”发展模式"),
        ("xinning_2021", "4665名党(村民)小组长担任三级网格长"),
        ("xinning_2021", "311名村(含农村社区)党组织书记"),
        ("xinning_2021", "销售农(副)产品5585吨"),
        ("xinning_2021", "召开民情恳谈会、院落会、屋场会1090余次"),
        ("xinning_2021", "发放党员干部联系卡13.5万余张"),
        ("xinning_2021", "全县脐橙种植面积达到50万亩"),
        ("xinning_2021", "【绿道案例】遵义游乐园——黔北最大的游乐园相关内容"),
    ],
)
def test_traditional_reports_read_as_simplified(source_id: str, phrase: str) -> None:
    assert phrase in normalise(report(source_id))


@pytest.mark.parametrize("source_id", TRADITIONAL)
def test_no_pinyin_left(source_id: str) -> None:
    text = normalise(report(source_id))
    assert not [ch for ch in text if _is_latin_letter(ch) and _has_tone_mark(ch)]
    # These two reports hold no Latin words at all, so any letter left is pinyin.
    assert not [ch for ch in text if _is_latin_letter(ch)]
    assert not re.search(r"\([a-z]+\)", text)


@pytest.mark.parametrize("source_id", TRADITIONAL)
def test_every_real_parenthesis_stays(source_id: str) -> None:
    raw = report(source_id)
    pinyin = re.findall(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", raw)
    text = normalise(raw)
    assert text.count("(") == raw.count("(") - len(pinyin)
    assert text.count("(") == text.count(")")


@pytest.mark.parametrize("source_id", SIMPLIFIED)
def test_simplified_reports_are_left_as_they_are(source_id: str) -> None:
    # Quotes are copied from these reports as they stand, so normalising must not change them.
    text = report(source_id)
    assert normalise(text) == text


@pytest.mark.parametrize("source_id", TRADITIONAL + SIMPLIFIED)
def test_normalising_twice_changes_nothing(source_id: str) -> None:
    once = normalise(report(source_id))
    assert normalise(once) == once


@pytest.mark.parametrize("source_id", TRADITIONAL + SIMPLIFIED)
def test_every_clause_of_a_report_is_found_in_it(source_id: str) -> None:
    # A curator copies a clause from the normalised text; validation must find it again.
    raw = report(source_id)
    key = match_key(raw)
    clauses = [c for c in re.split(r"[,。;:、?!\n]", normalise(raw)) if c.strip()]
    assert clauses
    assert [clause for clause in clauses if match_key(clause) not in key] == []


@pytest.mark.parametrize("source_id", TRADITIONAL)
def test_quote_typed_in_traditional_matches(source_id: str) -> None:
    quotes = {"ningde_2021": "受訓黨員12.6萬多人次", "xinning_2021": "村年均運轉經費達到16.59萬元"}
    assert match_key(quotes[source_id]) in match_key(report(source_id))


@pytest.mark.parametrize("source_id", sorted(FURNITURE))
def test_furniture_is_found_on_the_known_lines_only(source_id: str) -> None:
    lines = normalise_lines(report(source_id))
    found = {line.number: line.furniture for line in lines if line.furniture}
    assert found == FURNITURE[source_id]


@pytest.mark.parametrize("source_id", sorted(FURNITURE))
def test_one_line_for_each_line_of_the_report(source_id: str) -> None:
    raw = report(source_id)
    lines = normalise_lines(raw)
    assert [line.number for line in lines] == list(range(1, len(raw.splitlines()) + 1))
    assert [line.text for line in lines] == normalise(raw).splitlines()
    assert len(render_normalised(raw).splitlines()) == len(lines)
    assert render_normalised(raw).endswith("\n")


def test_render_marks_furniture_and_keeps_the_date_visible() -> None:
    rendered = render_normalised(report("qingyuan_2019")).splitlines()
    assert rendered[0] == "清远智慧党建压舱石"
    assert rendered[2] == "# [furniture: view counter] 人气: 日期:2019-11-04"
    assert rendered[61] == "# [furniture: customer service] 在线客服"


def test_render_of_a_traditional_report() -> None:
    rendered = render_normalised(report("ningde_2021")).splitlines()
    assert rendered[0] == "坚持党建引领 凝聚发展力量"
    assert rendered[-2:] == [
        "# [furniture: photo credit] (本版图片由市委组织部提供)",
        "# [furniture: editor credit] 责任编辑:陈秋凤",
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("共计2620个字,预计阅读时长9分钟", "reading time"),
        ("221381", "view counter"),
        ("人气: 日期:2019-11-04", "view counter"),
        ("领取福利", "promotion"),
        ("微信扫码领取福利", "promotion"),
        ("微信扫码分享", "share prompt"),
        ("文似观山不喜平 — — 观山文库◆记住我,来上我~", "site banner"),
        ("admin 分享 时间: 加入收藏 共计2620个字,预计阅读时长9分钟", "reading time"),
        ("admin 分享 时间: 加入收藏", "share prompt"),
        ("责任编辑:陈秋凤", "editor credit"),
        ("(本版图片由市委组织部提供)", "photo credit"),
        ("赢得了村民的支持和赞誉。南方日报记者 曾亮超 摄", "photo caption"),
        ("本站新闻资讯内容部分抄摘互联网若有侵权行为请邮件通知", "copyright notice"),
        ("注:本图文来源于网络平台,仅供学习交流使用,不作商业用途。", "copyright notice"),
        ("在线客服", "customer service"),
        ("上一篇:田园综合体规划4个思路和6个要点下一篇:【绿道案例】", "navigation link"),
        ("(莆田市委组织部)", "source credit"),
        ("  在线客服  ", "customer service"),
    ],
)
def test_furniture_reasons(line: str, reason: str) -> None:
    assert furniture_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "",
        "定西市:谋深抓实基层党建 汇聚乡村振兴奋进之力",
        "宁德网消息(记者 郭晓红)8月以来,行走在广阔的闽东大地",
        "一、夯实党建基础,打造乡村振兴“主引擎”",
        "成立中心村、连片村党委(党总支)68个",
        "通过住村夜访、召开夜谈会等方式,收集民生问题620个",
        "帮助群众领取福利补贴",
    ],
)
def test_content_is_not_furniture(line: str) -> None:
    assert furniture_reason(line) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("１２个", "12个"),
        ("１２．６万", "12.6万"),
        ("甲，乙；丙：丁？", "甲,乙;丙:丁?"),
        ("（本版）", "(本版)"),
        ("２７．５％", "27.5%"),
        ("甲\u3000乙", "甲 乙"),
        ("堅(jiān)持", "坚持"),
        ("堅（jiān）持", "坚持"),
        ("堅(jia\u0304n)持", "坚持"),  # a tone mark written as a combining character
        ("村(社區(qū))", "村(社区)"),
        ("綠(lǜ)道", "绿道"),
        ("手機(app)", "手机(app)"),
        ("(GDP)增長", "(GDP)增长"),
        ("jiān", "jiān"),
        ("①②", "①②"),
        ("投资……", "投资……"),
        ("甲\r\n乙\r丙", "甲\n乙\n丙"),
        ("\ufeff党\u200b建\u00a0引领", "党建 引领"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_match_key_removes_all_white_space() -> None:
    assert match_key(" 57 项受理权限\n下放到\u3000村 ") == "57项受理权限下放到村"


def test_match_key_is_the_same_for_both_scripts() -> None:
    assert match_key("受訓黨員12.6萬多人次") == match_key("受训党员 12.6万多人次")


def test_lines_are_frozen_and_end_without_an_empty_line() -> None:
    lines = normalise_lines("領取福利\n黨建\n")
    assert lines == [Line(1, "领取福利", "promotion"), Line(2, "党建", None)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        lines[0].text = "x"  # type: ignore[misc]
    assert normalise_lines("") == []


FULL_WIDTH_ASCII = st.text(alphabet=st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E))


@given(FULL_WIDTH_ASCII)
def test_full_width_ascii_folds_to_ascii(text: str) -> None:
    assert normalise(text) == "".join(chr(ord(ch) - 0xFEE0) for ch in text)


@given(st.text())
def test_match_key_never_holds_white_space(text: str) -> None:
    assert not re.search(r"\s", match_key(text))
