"""A county report of about 600 characters, added to a private copy of data/ as drafts to review."""

from __future__ import annotations

import shutil
from pathlib import Path

from ruraldash import paths
from ruraldash.draft.add import AddResult, add_report

REPORT_NAME = "xiapu_report.txt"
REPORT_TEXT = """霞浦县：党建引领乡村振兴 村村有了“领头雁”
来源：霞浦县委组织部 2023年7月26日

今年以来，霞浦县坚持以党建引领乡村振兴，把组织优势转化为发展优势。
全县累计投入乡村振兴资金1.2亿多元，实施村级产业项目86个，带动村集体经济增收约2800万元。
县委组织部举办村党组织书记培训班15期，培训村干部1600余人次；选派驻村第一书记92名、工作队员276名，做到重点村全覆盖。
全县建成村级党群服务中心126个，开展“党员联户”活动，走访群众2.3万户次。
驻村干部帮助群众办理实事1800余件，化解矛盾纠纷420起。
各乡镇推行“导师帮带制”，组建帮带小组40个，结对培养后备干部300余名。
全县发展党组织领办合作社58家，吸纳农户4300多户入社，户均增收约2800元。
截至6月底，全县已有村集体经营性收入10万元以上的村128个，占行政村总数的近六成。
全县推广“党建+电商”模式，培育农村电商带头人150名，带动农产品网上销售额3.6亿元，同比增长27.5%。
在8个乡镇开展“红色网格”服务，设立网格党小组410个，落实网格员1230人。
今年新发展党员312名，其中35岁以下的青年党员占68%。
下一步，霞浦县计划到2025年底新建村级集体经济合作社50个，力争培训农村实用人才2000人次以上。
"""


def added_copy(folder: Path) -> tuple[Path, AddResult]:
    """Copy the shipped data/ into `folder` and add the report as drafts; return data/ and what
    was added."""
    data_dir = folder / "data"
    shutil.copytree(paths.DATA_DIR, data_dir)
    report = folder / REPORT_NAME
    report.write_text(REPORT_TEXT, encoding="utf-8")
    return data_dir, add_report(report, data_dir, paths.METRICS_DIR)
