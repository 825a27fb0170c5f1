"""What the draft page shows: the report with its numbers marked, the tables and a YAML stub."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Mapping

import pandas as pd

from ruraldash.draft.engine import Draft
from ruraldash.draft.files import SKIPPED_COLUMNS
from ruraldash.draft.skip_reasons import SKIP_REASONS
from ruraldash.language.i18n import t
from ruraldash.language.punctuation import punctuation
from ruraldash.language.textnorm import normalise
from ruraldash.store.declarations import Catalogue, Region
from ruraldash.store.figure_files import CSV_COLUMNS

# Marks in the report text: a drafted figure, a planned one, and a numeral left out.
FIGURE_STYLE = "background:#fde68a;border-radius:3px;padding:0 2px"
PLAN_STYLE = "background:#bfdbfe;border-radius:3px;padding:0 2px"
SKIPPED_STYLE = "color:#6b7280;text-decoration:underline dotted"
TEXT_STYLE = (
    "font-size:15px;line-height:1.9;max-height:560px;overflow-y:auto;"
    "padding:12px 16px;border:1px solid #e5e7eb;border-radius:6px;white-space:normal"
)
_STATED_DATE = re.compile(r"日期[:：]\s*((?:19|20)\d{2}-\d{2}-\d{2})")
TODO = "TODO"


def reason_text(reason: str, lang: str) -> str:
    """Return a skip reason in the reader's language."""
    return SKIP_REASONS[reason].label(lang)


def summary(draft: Draft, lang: str) -> str:
    """Return the page's one-line account: figures found, numerals skipped and why."""
    counts = Counter(item.reason for item in draft.skipped)
    reasons = punctuation(lang).enumerate(
        [
            f"{reason_text(reason, lang)} {counts[reason]}"
            for reason in SKIP_REASONS
            if counts[reason]
        ]
    )
    return t("draft_summary", lang).format(
        figures=len(draft.figures),
        skipped=len(draft.skipped),
        reasons=t("draft_reasons", lang).format(reasons=reasons) if reasons else "",
    )


def highlight_html(
    draft: Draft, lang: str, names: Mapping[str, Mapping[str, str]] | None = None
) -> str:
    """Return the normalised report as HTML, each drafted figure and skipped numeral marked.

    A figure's tip names its metric, unit, qualifier and status as `names` (code_names) does,
    in the reader's language. Every piece of the report is escaped: a report is untrusted text.
    """
    names = names or {}

    def named(column: str, code: str) -> str:
        return names.get(column, {}).get(code, code)

    marks: list[tuple[int, int, str, str]] = []
    for figure in draft.figures:
        style = PLAN_STYLE if figure.status == "plan" else FIGURE_STYLE
        tip = (
            f"{figure.id} · {named('metric', figure.metric) if figure.metric else '?'} · "
            f"{figure.value} {named('unit', figure.unit)} · "
            f"{named('qualifier', figure.qualifier)} · {named('status', figure.status)}"
        )
        marks.append((figure.start, figure.end, style, tip))
    for item in draft.skipped:
        marks.append(
            (
                item.start,
                item.end,
                SKIPPED_STYLE,
                punctuation(lang).labelled(
                    t("draft_skipped_mark", lang), reason_text(item.reason, lang)
                ),
            )
        )
    pieces: list[str] = []
    at = 0
    for start, end, style, tip in sorted(marks):
        if start < at:
            continue  # marks never overlap; if one did, the first wins rather than nesting
        pieces.append(html.escape(draft.text[at:start]))
        tag = "mark" if style != SKIPPED_STYLE else "span"
        pieces.append(
            f'<{tag} style="{style}" title="{html.escape(tip)}">'
            f"{html.escape(draft.text[start:end])}</{tag}>"
        )
        at = end
    pieces.append(html.escape(draft.text[at:]))
    body = "".join(pieces).replace("\n", "<br>")
    return f'<div style="{TEXT_STYLE}">{body}</div>'


def legend_html(lang: str) -> str:
    """Return the key to the marks in the report text."""
    return (
        f'<mark style="{FIGURE_STYLE}">{html.escape(t("draft_legend_figure", lang))}</mark> '
        f'<mark style="{PLAN_STYLE}">{html.escape(t("draft_legend_plan", lang))}</mark> '
        f'<span style="{SKIPPED_STYLE}">{html.escape(t("draft_legend_skipped", lang))}'
        "</span>"
    )


def draft_table(draft: Draft) -> pd.DataFrame:
    """Return the drafted figures as text columns in the curated schema, for editing."""
    return pd.DataFrame(
        [figure.row() for figure in draft.figures], columns=list(CSV_COLUMNS), dtype=object
    ).fillna("")


# Each draft column's header per language; the CSV keeps the curated schema's ids.
DRAFT_HEADERS: dict[str, tuple[str, str]] = {
    "id": ("编号", "Id"),
    "region": ("地区", "Region"),
    "scope": ("范围", "Scope"),
    "metric": ("指标", "Metric"),
    "label": ("统计对象", "Label"),
    "program": ("项目", "Program"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "qualifier": ("限定词", "Qualifier"),
    "status": ("状态", "Status"),
    "period_text": ("时期（原文）", "Period as written"),
    "period_start": ("时期起", "Period start"),
    "period_end": ("时期止", "Period end"),
    "quote": ("原文语句", "Quote"),
    "note_zh": ("备注", "Note (Chinese)"),
    "note_en": ("备注（英文）", "Note"),
    "review": ("审核", "Review"),
    "line": ("行", "Line"),
    "raw": ("原文数字", "Numeral as written"),
    "reason": ("原因", "Reason"),
    "context": ("上下文", "Context"),
}


def column_labels(columns: list[str] | tuple[str, ...], lang: str) -> dict[str, str]:
    """Return {column id: header in `lang`} for a draft table (ids not listed keep their id)."""
    return {c: DRAFT_HEADERS.get(c, (c, c))[1 if lang == "en" else 0] for c in columns}


# How a figure's review state (figure_files.REVIEW_STATES) reads; the CSV keeps its id.
REVIEW_NAMES: dict[str, tuple[str, str]] = {
    "draft": ("未审核", "unreviewed"),
    "reviewed": ("已审核", "reviewed"),
}


def code_names(
    catalogue: Catalogue | None, lang: str, table: pd.DataFrame | None = None
) -> dict[str, dict[str, str]]:
    """Return {column: {code: name in `lang`}} for the draft's columns that hold codes.

    Each lists every code the catalogue declares for the column, then any other code found in
    `table` (a region typed but not declared yet, a code no catalogue knows), named by itself,
    so that a table showing names still shows every value it holds.
    """
    zh = lang != "en"
    names: dict[str, dict[str, str]] = {
        "review": {code: pair[0 if zh else 1] for code, pair in REVIEW_NAMES.items()}
    }
    if catalogue is not None:
        vocabularies = {
            "region": catalogue.regions,
            "metric": catalogue.metrics,
            "program": catalogue.programs,
            "unit": catalogue.units,
            "qualifier": catalogue.qualifiers,
            "status": catalogue.statuses,
        }
        for column, entries in vocabularies.items():
            names[column] = {
                code: (entry.name_zh if zh else entry.name_en) or code
                for code, entry in entries.items()
            }
    if table is not None:
        for column, named in names.items():
            if column in table.columns:
                for code in table[column].tolist():
                    if isinstance(code, str) and code and code not in named:
                        named[code] = code
    return names


def shown_columns(columns: list[str] | tuple[str, ...], lang: str) -> list[str]:
    """Return the columns a reader of `lang` sees: the note in the other language is hidden."""
    hidden = "note_zh" if lang == "en" else "note_en"
    return [c for c in columns if c != hidden]


def skipped_table(draft: Draft, lang: str) -> pd.DataFrame:
    """Return the skipped numerals with their reasons in the reader's language."""
    rows = [{**item.row(), "reason": reason_text(item.reason, lang)} for item in draft.skipped]
    return pd.DataFrame(rows, columns=list(SKIPPED_COLUMNS), dtype=object)


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
