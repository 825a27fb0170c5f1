"""Add a sixth report to a copy of data/ the way the README tells a curator to.

A new report text in data/reports/, its source in sources.yaml, its region in regions.yaml
and a figures CSV whose quotes are clauses of that text. Used to show that adding a report breaks
only the one test that pins the shipped data's counts.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ruraldash import paths

SOURCE_ID = "sample_2023"
REPORT_FILE = "sample_2023.txt"
REPORT_TEXT = """示例县：党建引领乡村振兴工作纪实

2023年以来，示例县坚持党建引领，全县投入乡村振兴资金1.5亿多元，举办村干部培训班36期、培训3200余人次。
全县选派驻村第一书记120名，组建导师帮带小组40个，结对帮带后备人才300余名。
计划到2025年底，新建村级集体经济合作社50个。
"""
SOURCE_YAML = f"""
  - id: {SOURCE_ID}
    region: sample
    file: {REPORT_FILE}
    title_zh: 示例县：党建引领乡村振兴工作纪实
    title_en: "Sample County: party building leads rural revitalisation"
    publisher_zh: 测试用报告
    publisher_en: A report written for the tests
    date: "2023"
    date_basis: inferred
    date_note_zh: 文中“2023年以来”。
    date_note_en: The text counts from 2023.
"""
REGION_YAML = """
  - id: sample
    name_zh: 示例县
    name_en: Sample County
    level: county
    province_zh: 福建省
    province_en: Fujian
    admin_code: "350999"
    parent: ningde
    reference:
      - field: resident_population
        value: 300000
        unit: person
        year: 2020
        publication: 测试县第七次全国人口普查公报
        issuer: 测试县统计局
        published: "2021-06-01"
        source: "https://tjj.test.gov.cn/census"
"""
HEADER = (
    "id,region,scope,metric,label,program,value,unit,qualifier,status,"
    "period_text,period_start,period_end,quote,note_zh,note_en,review"
)
FIGURES = [
    "001,funds_invested,乡村振兴资金,,150000000,yuan,more_than,actual,2023年以来,2023-01-01,,"
    "全县投入乡村振兴资金1.5亿多元",
    "002,training_sessions,村干部培训班,,36,session,exact,actual,2023年以来,2023-01-01,,"
    "举办村干部培训班36期",
    "003,trainee_person_times,村干部培训,,3200,person_time,more_than,actual,2023年以来,"
    "2023-01-01,,培训3200余人次",
    "004,cadres_dispatched,驻村第一书记,,120,person,exact,actual,2023年以来,2023-01-01,,"
    "全县选派驻村第一书记120名",
    "005,mentor_groups,导师帮带小组,,40,count,exact,actual,2023年以来,2023-01-01,,"
    "组建导师帮带小组40个",
    "006,mentees,后备人才,,300,person,more_than,actual,2023年以来,2023-01-01,,"
    "结对帮带后备人才300余名",
    "007,business_entities,村级集体经济合作社,,50,count,exact,plan,到2025年底,,2025-12-31,"
    "新建村级集体经济合作社50个",
]


def copy_with_sixth_report(target: Path) -> Path:
    """Copy the shipped data/ to target/data with a sixth report added; return the data folder."""
    data = target / "data"
    shutil.copytree(paths.DATA_DIR, data)
    # The report texts ship inside data/ (reports_dir: reports), so the copy has them already.
    reports = (data / _reports_dir(data)).resolve()
    if not reports.is_relative_to(data.resolve()):
        raise ValueError(f"reports_dir of {data / 'sources.yaml'} is outside the data folder")
    (reports / REPORT_FILE).write_text(REPORT_TEXT, encoding="utf-8")
    sources = data / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.rstrip("\n") + "\n" + SOURCE_YAML, encoding="utf-8")
    regions = data / "regions.yaml"
    regions.write_text(
        regions.read_text(encoding="utf-8").rstrip("\n") + "\n" + REGION_YAML, encoding="utf-8"
    )
    rows = []
    for line in FIGURES:
        number, rest = line.split(",", 1)
        rows.append(f"{SOURCE_ID}-{number},sample,,{rest},,,reviewed")  # notes empty
    (data / "figures" / f"{SOURCE_ID}.csv").write_text(
        "\n".join([HEADER, *rows]) + "\n", encoding="utf-8"
    )
    return data


def _reports_dir(data_dir: Path) -> str:
    """Return the reports_dir line's value in data_dir/sources.yaml."""
    for line in (data_dir / "sources.yaml").read_text(encoding="utf-8").splitlines():
        if line.startswith("reports_dir:"):
            return line.split(":", 1)[1].strip()
    raise ValueError(f"{data_dir / 'sources.yaml'} names no reports_dir")
