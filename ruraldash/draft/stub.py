"""The entries a drafted report needs in sources.yaml and regions.yaml, TODO where unknown."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from ruraldash.draft.engine import Draft
from ruraldash.language.textnorm import normalise
from ruraldash.store.declarations import Region

_STATED_DATE = re.compile(r"日期[:：]\s*((?:19|20)\d{2}-\d{2}-\d{2})")
TODO = "TODO"


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def report_script(text: str) -> str:
    """Return how a report is written: simplified, or traditional (with pinyin) as normalised."""
    normalised = normalise(text)
    converted = any("\u4e00" <= char <= "\u9fff" for char in set(normalised) - set(text))
    if not converted:
        return "simplified"
    return "traditional_with_pinyin" if normalised.count("(") < text.count("(") else "traditional"


def yaml_stub(draft: Draft, report_text: str, file_name: str, regions: Mapping[str, Region]) -> str:
    """Return sources.yaml and regions.yaml entries for a drafted report, TODO where unknown."""
    stated = _STATED_DATE.search(draft.text)
    region = draft.region or TODO
    lines = [
        "# sources.yaml — add under `sources:`; fill in every TODO.",
        "# sources.yaml：加在 sources: 之下，填好每个 TODO。",
        f"  - id: {_quoted(draft.source)}",
        f"    region: {_quoted(region)}",
        f"    file: {_quoted(file_name or TODO)}  # in data/reports/ / 报告放在 data/reports/",
        f"    title_zh: {TODO}",
        f"    title_en: {TODO}",
        f"    publisher_zh: {TODO}",
        f"    publisher_en: {TODO}",
        f"    date: {_quoted(stated[1] if stated else TODO)}  # YYYY, YYYY-MM or YYYY-MM-DD",
        f"    date_basis: {'stated' if stated else TODO}  # stated or inferred / 写明或推断",
        f"    date_note_zh: {TODO}  # why this date / 日期依据",
        f"    date_note_en: {TODO}",
        f"    script: {report_script(report_text)}",
        "",
    ]
    if draft.region and draft.region in regions:
        lines.append(f"# regions.yaml: {_quoted(draft.region)} is already declared / 地区已存在")
        return "\n".join(lines) + "\n"
    lines += [
        "# regions.yaml — add under `regions:`; a reference figure needs value, unit, year and its "
        "official publication (publication, issuer, published; source or read_at).",
        "# regions.yaml：加在 regions: 之下；参考数据需写明数值、单位、年份和官方出版物"
        "（标题、发布机关、日期；政府网址或转载地址）。",
        f"  - id: {_quoted(region)}",
        f"    name_zh: {TODO}",
        f"    name_en: {TODO}",
        f"    level: {TODO}  # province, prefecture, county, township or village / 行政级别",
        f"    parent: {TODO}  # region id of the unit above / 上级地区",
        f"    province_zh: {TODO}",
        f"    province_en: {TODO}",
        f"    admin_code: {_quoted(TODO)}  # six digits / 六位行政区划代码",
        "    reference: []",
    ]
    return "\n".join(lines) + "\n"
