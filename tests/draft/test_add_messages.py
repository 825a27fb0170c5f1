"""What adding a report says, in Chinese and in English (issue #10: Chinese pages speak Chinese).

Every reason, review-checklist line and AddError that `ruraldash add` writes is a key of the i18n
table whose Chinese text has no English words in it (ids, numbers, paths and `code` aside), while
str() stays the English the command line prints. The reports here are written for these tests.
"""

from __future__ import annotations

import ast
import io
import re
import zipfile
from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.draft import add as add_module
from ruraldash.draft.add import AddError, prepare_add
from ruraldash.draft.dating import find_date
from ruraldash.draft.region_guess import guess_region
from ruraldash.language.i18n import TEXT, t
from ruraldash.language.messages import message

# Code spans, file names (report.txt), tokens with a digit, _ or / in them: ids (mile_2023-001,
# households_served), numbers, paths (data/), UTF-8. What is left must hold no Latin word.
CODE_OR_ID = re.compile(
    r"`[^`]*`|[A-Za-z0-9_-]+\.[A-Za-z0-9]+\b|[A-Za-z0-9./-]*[_\d/][A-Za-z0-9_./-]*"
)
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
HAN = re.compile(r"[\u4e00-\u9fff]")
DRAFT = Path(add_module.__file__).parent

ADDABLE = (
    "弥勒市：党建引领乡村振兴新画卷\n来源：红河州委组织部 日期：2023-07-26\n"
    "2022年以来，弥勒市坚持党建引领，投入衔接资金2.3亿元，带动农户2.1万户增收。\n"
    "全市培育200余亩的种植基地12个。\n到2025年底新建村级集体经济合作社50个。\n"
)
UNDATED = "霞浦县组织工作简报\n霞浦县委组织部\n霞浦县投入资金800万元，举办培训班12期。\n"
TWO_PLACES = (
    "两县联合开展党建共建\n武定县与元谋县签订协议。武定县投入资金300万元，元谋县投入资金280万元。\n"
)


def latin_words(text: str) -> list[str]:
    return LATIN_WORD.findall(CODE_OR_ID.sub(" ", text))


def assert_chinese(text: str) -> None:
    assert HAN.search(text), text
    assert latin_words(text) == [], text


def _message_calls(module: Path) -> list[ast.Call]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "message"
    ]


def _keys(module: Path) -> list[str]:
    """The i18n keys a module's messages say: literal ones, and add_level_* for the built one."""
    keys = []
    for call in _message_calls(module):
        key = call.args[0]
        if isinstance(key, ast.Constant):
            keys.append(key.value)
        else:
            keys.extend(k for k in TEXT if k.startswith("add_level_"))
    return keys


@pytest.mark.parametrize(
    "module", ["add.py", "report_region.py", "checklist.py", "region_guess.py"]
)
def test_every_message_in_the_code_has_a_chinese_text_without_english(module: str) -> None:
    keys = _keys(DRAFT / module)
    assert len(keys) >= 4
    for key in keys:
        zh, en = TEXT[key]
        # Its own words are Chinese (a line such as 代码 地名（县级） is made of values and marks).
        written = re.sub(r"\{[^}]*\}", " ", zh)
        assert latin_words(written) == [], key
        assert zh != en, key  # a translation, not the English twice


def test_every_add_error_is_raised_with_a_message_of_the_table() -> None:
    trees = [
        ast.parse((DRAFT / module).read_text(encoding="utf-8"))
        for module in ("add.py", "report_region.py")
    ]
    raised = [
        node.exc
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Raise)
        and isinstance(node.exc, ast.Call)
        and getattr(node.exc.func, "id", "") == "AddError"
    ]
    assert len(raised) >= 14
    for call in raised:
        assert getattr(call.args[0].func, "id", "") == "message", ast.unparse(call)


def test_the_region_and_date_reasons_are_in_both_languages() -> None:
    named = guess_region(ADDABLE).reason
    assert named.text("zh").startswith("报告中出现最多的是弥勒市（得分 ")
    assert str(named).startswith("弥勒市 is named most (score ")
    unsure = guess_region(TWO_PLACES).reason
    assert "出现得差不多" in unsure.text("zh")
    assert str(unsure).endswith("are named about as much")
    assert guess_region("2021年以来，投入资金1400多万元。").reason.text("zh") == (
        "报告中未出现全国行政区划名录中的省、市、县名称"
    )
    for reason in (named, unsure):
        assert_chinese(reason.text("zh"))
    stated = find_date("日期:2023-07-26\n投入资金1500万元。")
    inferred = find_date("截至2022年底，全县建成光伏电站48座。")
    assert stated.note_text("zh") == "文中写明“日期:2023-07-26”。"
    assert stated.note_text("en") == "Stated in the text."
    assert inferred.note_text("en").startswith("Its figures run to the end of 2022")
    given = prepare_add(
        UNDATED.encode(), "xp.txt", paths.DATA_DIR, paths.METRICS_DIR, date="2023"
    ).result.date
    assert (given.note_text("zh"), given.note_text("en")) == (
        "由整理者给出（2023）。",
        "Given by the curator.",
    )
    for found in (stated, inferred, given):
        assert_chinese(found.note_text("zh"))


def test_the_checklist_has_every_kind_of_line_in_both_languages() -> None:
    prepared = prepare_add(ADDABLE.encode(), "mile.txt", paths.DATA_DIR, paths.METRICS_DIR)
    result = prepared.result
    assert_chinese(result.region_reason.text("zh"))
    chinese = "\n".join(item.text("zh") for item in result.checklist)
    english = "\n".join(str(item) for item in result.checklist)
    for zh, en in [
        ("把握不大", "unsure metric"),
        ("可能是门槛（指一类事物，而非数量？）", "possible threshold"),
        ("时期“2022年以来”取自句子前文", "period 2022年以来 carried from earlier"),
        ("期限“到2025年底”：未说明何时开始", "deadline 到2025年底: when the work starts"),
    ]:
        assert zh in chinese and en in english
    for item in result.checklist:
        assert_chinese(item.text("zh"))
    # The ZIP's README is the command line's English, as before.
    with zipfile.ZipFile(io.BytesIO(add_module.add_zip(prepared))) as archive:
        readme = archive.read("README.txt").decode("utf-8")
    assert "(new; 弥勒市 is named most (score" in readme
    assert f"- {result.checklist[0]}\n" in readme and "取自句子前文" not in readme


def _error(raw: bytes, data_dir: Path = paths.DATA_DIR, **options: str) -> AddError:
    with pytest.raises(AddError) as raised:
        prepare_add(raw, "report.txt", data_dir, paths.METRICS_DIR, **options)
    return raised.value


def test_add_errors_read_in_chinese_and_stay_english_for_the_command_line(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = {
        "no_date": _error(UNDATED.encode()),
        "bad_date": _error(UNDATED.encode(), date="2023/7"),
        "no_region": _error("2021年以来，投入资金1400多万元。".encode()),
        "unsure": _error(TWO_PLACES.encode(), date="2024"),
        "no_unit": _error(UNDATED.encode(), region="无此地方", date="2023"),
        "many_units": _error(UNDATED.encode(), region="鼓楼区", date="2023"),
        "bad_source": _error(UNDATED.encode(), source="2023_report", date="2023"),
        "exists": _error(UNDATED.encode(), source="putian_2022", date="2023"),
        "not_utf8": _error(b"\xff\xfe\x00\xd8"),
    }
    assert str(cases["no_date"]) == (
        "the report states no date and names no year; give one with --date"
    )
    assert cases["no_date"].text("zh") == "报告既未写明日期，也未提到年份；请在“报告日期”一栏填写。"
    assert cases["no_date"].text("en") == str(cases["no_date"])
    assert str(cases["bad_date"]) == "--date '2023/7' is not YYYY, YYYY-MM or YYYY-MM-DD"
    assert "putian_2022" in cases["exists"].text("zh")
    for error in cases.values():
        assert_chinese(error.text("zh"))
        assert latin_words(str(error)), str(error)
    many = cases["many_units"]
    assert len(many.candidate_texts("zh")) == 4
    assert "350102 福建省福州市鼓楼区（县级）" in many.candidate_texts("zh")
    assert "350102 福建省福州市鼓楼区 (county)" in many.candidates
    assert len(cases["unsure"].candidate_texts("zh")) == len(cases["unsure"].candidates) >= 2

    # Data that is not valid now, and data the report would leave invalid.
    regions = data_copy / "regions.yaml"
    regions.write_text(regions.read_text(encoding="utf-8") + "  - id: 5\n", encoding="utf-8")
    broken = _error(ADDABLE.encode(), data_copy)
    assert_chinese(broken.text("zh"))
    assert "python -m ruraldash validate" in str(broken)

    figures_csv = add_module.figures_csv

    def with_a_bad_unit(rows):  # a figure whose unit is no unit: validation must fail
        return figures_csv([{**row, "unit": "ren"} for row in rows])

    monkeypatch.setattr(add_module, "figures_csv", with_a_bad_unit)
    invalid = _error(ADDABLE.encode())
    assert_chinese(invalid.text("zh"))
    assert invalid.details and "'ren' is not a unit" in "\n".join(invalid.detail_texts("en"))
    assert "列 'unit'：'ren' 不是单位" in "\n".join(invalid.detail_texts("zh"))
    assert str(invalid) == "\n".join((invalid.text("en"), *invalid.detail_texts("en")))


def test_a_message_is_english_where_the_command_line_prints_it() -> None:
    said = message("add_file_exists", path="data/x.csv")
    assert (said.text("zh"), said.text("en"), str(said), f"{said}") == (
        "data/x.csv 已存在。",
        "data/x.csv exists already",
        "data/x.csv exists already",
        "data/x.csv exists already",
    )
    assert t("add_file_exists", "en") == "{path} exists already"


def test_a_message_inside_a_message_and_a_list_of_them_follow_the_language() -> None:
    reasons = (message("add_threshold"), message("add_period_carried", period="今年"))
    line = message("add_checklist_line", id="x-1", raw="800多", label="人", reasons=reasons)
    assert line.text("zh") == (
        "x-1 800多（人）：可能是门槛（指一类事物，而非数量？）；时期“今年”取自句子前文"
    )
    assert str(line) == (
        "x-1 800多 (人): possible threshold (a class of things, not a count?); "
        "period 今年 carried from earlier in the sentence"
    )
