"""The draft's codes read as names in the page's language; the codes themselves stay (issue #10)."""

from __future__ import annotations

import pandas as pd

from ruraldash.draft.engine import draft_report
from ruraldash.draft.view import code_names, draft_table, highlight_html
from ruraldash.store.declarations import Catalogue


def test_every_code_of_a_column_has_a_name_in_each_language(catalogue: Catalogue) -> None:
    zh, en = code_names(catalogue, "zh"), code_names(catalogue, "en")
    assert zh["unit"]["yuan"] == "元" and en["unit"]["person_time"] == "person-times"
    assert zh["qualifier"]["nearly"] == "近" and en["qualifier"]["more_than"] == "more than"
    assert zh["status"]["plan"] == "计划/目标" and zh["review"] == {
        "draft": "未审核",
        "reviewed": "已审核",
    }
    assert zh["region"]["ningde"] == catalogue.regions["ningde"].name_zh
    assert set(zh["metric"]) == set(catalogue.metrics) == set(en["metric"])


def test_a_code_no_catalogue_declares_keeps_its_own_name(catalogue: Catalogue) -> None:
    # A region typed but not declared yet, a unit from an older catalogue: still a choice.
    table = pd.DataFrame({"region": ["newtown", ""], "unit": ["furlong", "yuan"]})
    names = code_names(catalogue, "zh", table)
    assert names["region"]["newtown"] == "newtown" and "" not in names["region"]
    assert names["unit"]["furlong"] == "furlong" and names["unit"]["yuan"] == "元"
    assert "furlong" not in code_names(catalogue, "zh")["unit"]


def test_the_chinese_note_names_metrics_in_chinese(catalogue: Catalogue) -> None:
    figure = draft_report("结对导师120名。", catalogue.metrics).figures[0]
    name = catalogue.metrics[figure.metric].name_zh
    assert figure.note_zh.startswith(f"指标推测 {name}（") and figure.metric not in figure.note_zh
    assert figure.note_en.startswith(f"metric guess {figure.metric} (")
    no_metric = draft_report("每年服务100天。", catalogue.metrics).figures[0]
    assert no_metric.note_zh == "指标目录中没有以此单位计的指标"


def test_the_marks_name_metric_unit_qualifier_and_status(catalogue: Catalogue) -> None:
    draft = draft_report("计划投入资金近800万元。", catalogue.metrics, "x")
    names = code_names(catalogue, "zh", draft_table(draft))
    marked = highlight_html(draft, "zh", names)
    assert 'title="x-001 · 投入资金 · 8000000 元 · 近 · 计划/目标"' in marked
    assert "yuan" not in marked and "nearly" not in marked
