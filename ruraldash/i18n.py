"""UI and export text in Chinese (default) and English, looked up by key."""

from __future__ import annotations

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

TEXT: dict[str, tuple[str, str]] = {
    "sheet_data": ("数据", "Data"),
    "sheet_sources": ("来源", "Sources"),
    "sheet_notes": ("说明", "Notes"),
    "notes_item": ("项目", "Item"),
    "notes_value": ("内容", "Value"),
    "notes_title": ("表格", "Table"),
    "notes_generated": ("生成日期", "Generated"),
    "notes_filters": ("筛选条件", "Filters"),
    "notes_rows": ("行数", "Rows"),
    "notes_caveat": ("注意", "Caveat"),
    "notes_column": ("列", "Column"),
    "figures_title": ("全部数据（规范格式）", "All figures (canonical form)"),
    "no_filters": ("无（全部数据）", "none (the whole dataset)"),
    "caveat_units": (
        "数值均为基本单位（元、人、人次……），百分比按原文记录（27.5 表示 27.5%）。",
        "Values are in base units (yuan, persons, person-times …); a percentage is kept as "
        "written (27.5 means 27.5 %).",
    ),
    "caveat_qualifier": (
        "qualifier 列说明数值与原文的关系：more_than=多/余/以上，nearly=近，about=约，"
        "at_least=不低于；status=plan 表示计划或目标，不是实际完成数。",
        "The qualifier column says how a value relates to the report's wording: more_than "
        "(多/余/以上), nearly (近), about (约), at_least (不低于); status plan marks a target, "
        "not an achievement.",
    ),
    "caveat_periods": (
        "各报告统计口径、时期和范围不同，跨地区比较前请核对 period_text、scope 和 label。",
        "Reports count over different periods and scopes: check period_text, scope and label "
        "before comparing regions.",
    ),
}


def t(key: str, lang: str) -> str:
    """Return the text for `key` in `lang` ("zh" or "en")."""
    zh, en = TEXT[key]
    return en if lang == "en" else zh
