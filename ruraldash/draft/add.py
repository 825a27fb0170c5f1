"""Add a new report to the curated data in one step: source, region, draft figures, all or nothing.

The report's region and date are recognised, its figures drafted with `review` = `draft`, and the
new files are written into a private copy of data/ and validated there first; only a valid result
is moved in, file by file in an order where every intermediate state is valid too.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ruraldash.draft import places
from ruraldash.draft.dating import ReportDate, find_date
from ruraldash.draft.engine import Draft, DraftFigure, draft_report
from ruraldash.draft.files import figures_csv, skipped_csv
from ruraldash.draft.messages import Message
from ruraldash.draft.metric_guess import UNSURE_BELOW
from ruraldash.draft.places import AdminUnit
from ruraldash.draft.region_guess import RegionGuess, find_unit, guess_region
from ruraldash.draft.view import report_script
from ruraldash.language.bilingual import split_bilingual
from ruraldash.language.textnorm import normalise_lines
from ruraldash.store.admin_units import PROVINCES_EN
from ruraldash.store.build import validate
from ruraldash.store.catalogue import load_catalogue
from ruraldash.store.declarations import Catalogue, Metric, Region
from ruraldash.store.problems import Problem

_SOURCE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_DATE = re.compile(r"^(?:19|20)\d{2}(?:-\d{2}(?:-\d{2})?)?$")
_PUBLISHER = re.compile(r"来源[::]\s*([^\s|丨]+)")
_THRESHOLD_AFTER = re.compile(r"以上|以下|以内|的")
_LEVEL_EN = {"county": " County", "prefecture": "", "province": ""}
_LEVEL_ZH = {"county": "县级", "prefecture": "地级", "province": "省级"}
# How the draft page names the fields the command line's options stand for.
_REGION_FIELD = "请在“地区编号”一栏填入地区编号、名称或行政区划代码。"
_DATE_FIELD = "请在“报告日期”一栏填写。"


class AddError(Exception):
    """Why a report cannot be added as asked, in both languages; candidates when unsure of region.

    str(error) is the English the command line prints; the page shows `text(lang)`, and the
    validation problems (`details`, file:line: as the validator words them) apart, as code.
    """

    def __init__(
        self,
        message: Message,
        candidates: tuple[Message, ...] = (),
        details: tuple[str, ...] = (),
    ) -> None:
        super().__init__("\n".join((message.en, *details)))
        self.message = message
        self.details = details
        self._candidates = candidates

    @property
    def candidates(self) -> tuple[str, ...]:
        """The units the region could be, in English (as the command line lists them)."""
        return tuple(candidate.en for candidate in self._candidates)

    def text(self, lang: str) -> str:
        """Return why, in the reader's language (without the validation problems)."""
        return self.message.text(lang)

    def candidate_texts(self, lang: str) -> tuple[str, ...]:
        """Return the units the region could be, in the reader's language."""
        return tuple(candidate.text(lang) for candidate in self._candidates)


@dataclass(frozen=True)
class AddResult:
    """What `add` wrote: the source, its region (new or not), the figures and the review list."""

    source_id: str
    region_id: str
    region_is_new: bool
    region_reason: Message
    date: ReportDate
    written: tuple[Path, ...]
    figures: int
    left_out: tuple[DraftFigure, ...]  # drafted, but no metric of the catalogue has their unit
    checklist: tuple[Message, ...] = field(default=())
    summary: str = ""


def _pinyin(text: str) -> str:
    from pypinyin import lazy_pinyin  # imported here: only adding a region needs it

    return "".join(lazy_pinyin(text))


def _english(unit: AdminUnit) -> str:
    if unit.level == "province":
        return PROVINCES_EN.get(unit.name_zh, _pinyin(unit.short_name).capitalize())
    return _pinyin(unit.short_name).capitalize() + _LEVEL_EN[unit.level]


def _province(unit: AdminUnit) -> AdminUnit:
    chain = [unit, *places.parents(unit)]
    return chain[-1]


def _existing_region(catalogue: Catalogue, unit: AdminUnit) -> Region | None:
    return next(
        (region for region in catalogue.regions.values() if region.admin_code == unit.admin_code),
        None,
    )


def _choose_region(
    catalogue: Catalogue, text: str, asked: str | None
) -> tuple[Region | None, AdminUnit | None, Message]:
    """Return the declared region or the national unit the report is about, and why."""
    if asked:
        named = Message(f"按所填地区“{asked}”", f"--region {asked}")
        if asked in catalogue.regions:
            return catalogue.regions[asked], None, named
        declared = [r for r in catalogue.regions.values() if asked in (r.name_zh, r.admin_code)]
        if len(declared) == 1:
            return declared[0], None, named
        units = find_unit(asked)
        if len(units) == 1:
            return _existing_region(catalogue, units[0]), units[0], named
        if not units:
            raise AddError(
                Message(
                    f"所填地区“{asked}”既不是已有的地区编号，也不是行政区划的名称或代码。",
                    f"--region {asked!r} is neither a region id nor a unit's name or code",
                )
            )
        raise AddError(
            Message(
                f"所填地区“{asked}”对应 {len(units)} 个行政区划，请改填行政区划代码。",
                f"--region {asked!r} names {len(units)} units; give the administrative code",
            ),
            tuple(_describe(unit) for unit in units),
        )
    guess: RegionGuess = guess_region(text)
    if guess.unit is None:
        raise AddError(
            Message(
                f"无法判断报告所属地区（{guess.reason.zh}）；{_REGION_FIELD}",
                f"cannot tell which region the report is about ({guess.reason.en}); "
                "name it with --region ID, NAME or CODE",
            ),
            tuple(_describe(unit) for unit, _ in guess.candidates),
        )
    return _existing_region(catalogue, guess.unit), guess.unit, guess.reason


def _describe(unit: AdminUnit) -> Message:
    chain = "".join(parent.name_zh for parent in reversed(places.parents(unit)))
    return Message(
        f"{unit.admin_code} {chain}{unit.name_zh}（{_LEVEL_ZH[unit.level]}）",
        f"{unit.admin_code} {chain}{unit.name_zh} ({unit.level})",
    )


def _region_entry(unit: AdminUnit, region_id: str, parent: str) -> dict[str, str]:
    """A region's declaration: names, level, code and the id of the region above it."""
    entry = {
        "id": region_id,
        "name_zh": unit.name_zh,
        "name_en": _english(unit),
        "level": unit.level,
        "admin_code": unit.admin_code,
    }
    if parent:
        entry["parent"] = parent
    if unit.level != "province":
        province = _province(unit)
        entry["province_zh"] = province.name_zh
        entry["province_en"] = _english(province)
    parents = places.parents(unit)
    if unit.level == "county" and parents and parents[0].level == "prefecture":
        entry["parent_zh"] = parents[0].name_zh
        entry["parent_en"] = _english(parents[0])
    return entry


def _region_entries(catalogue: Catalogue, unit: AdminUnit, region_id: str) -> list[dict[str, str]]:
    """The new region's declaration, after those of the units above it not yet declared.

    Every region but a province names its parent region, so a county whose prefecture and
    province are not regions yet brings them along (top down, each under the one above).
    """
    taken = {*catalogue.regions, region_id}
    entries: list[dict[str, str]] = []
    parent = ""
    for each in [*reversed(places.parents(unit)), unit]:
        existing = _existing_region(catalogue, each)
        if existing is not None and each is not unit:
            parent = existing.id
            continue
        each_id = region_id if each is unit else _new_region_id(catalogue, each, taken)
        taken.add(each_id)
        entries.append(_region_entry(each, each_id, parent))
        parent = each_id
    return entries


def _new_region_id(
    catalogue: Catalogue, unit: AdminUnit, taken: set[str] | frozenset[str] = frozenset()
) -> str:
    # A province by its English name, which tells 陕西 (shaanxi) from 山西 (shanxi).
    readable = PROVINCES_EN.get(unit.name_zh) if unit.level == "province" else None
    words = (readable or _pinyin(unit.short_name)).lower().replace(" ", "_")
    base = re.sub(r"[^a-z0-9_]", "", words) or "region"
    used = {*catalogue.regions, *taken}
    return base if base not in used else f"{base}_{unit.admin_code}"


def _yaml_item(entry: dict[str, str]) -> str:
    """One list item in the files' own style: two-space indent, JSON strings (YAML scalars)."""
    lines = []
    for number, (key, value) in enumerate(entry.items()):
        lead = "  - " if number == 0 else "    "
        lines.append(f"{lead}{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def _appended(path: Path, item: str) -> str:
    text = path.read_text(encoding="utf-8")
    return text + ("" if text.endswith("\n") else "\n") + item


def _title(text: str) -> str:
    lines = [line for line in normalise_lines(text) if line.text.strip() and not line.furniture]
    return lines[0].text.strip()[:80] if lines else ""


def _checklist(
    draft: Draft, figures: list[DraftFigure], metrics: Mapping[str, Metric]
) -> list[Message]:
    """The rows a curator should look at first: unsure metrics, possible thresholds, periods."""
    items = []
    for figure in figures:
        reasons: list[Message] = []
        if figure.confidence < UNSURE_BELOW:  # the draft notes these "metric uncertain" too
            # In Chinese the metric by its Chinese name, as the page's table shows it.
            known = metrics.get(figure.metric)
            metric_zh = f"“{known.name_zh}”" if known else f" {figure.metric} "
            reasons.append(
                Message(
                    f"指标{metric_zh}把握不大（{figure.confidence:.2f}）",
                    f"unsure metric {figure.metric} ({figure.confidence:.2f})",
                )
            )
        after = draft.text[figure.end : figure.end + 2]
        if figure.qualifier in ("more_than", "at_least") and _THRESHOLD_AFTER.match(after):
            reasons.append(
                Message(
                    "可能是门槛（指一类事物，而非数量？）",
                    "possible threshold (a class of things, not a count?)",
                )
            )
        dated = figure.period_start or figure.period_end
        if dated and figure.period_text and figure.period_text not in figure.quote:
            reasons.append(
                Message(
                    f"时期“{figure.period_text}”取自句子前文",
                    f"period {figure.period_text} carried from earlier in the sentence",
                )
            )
        elif figure.period_end and not figure.period_start and figure.status == "plan":
            reasons.append(
                Message(
                    f"期限“{figure.period_text}”：未说明何时开始",
                    f"deadline {figure.period_text}: when the work starts is not said",
                )
            )
        if reasons:
            items.append(
                Message(
                    f"{figure.id} {figure.raw}（{figure.label}）："
                    + "；".join(reason.zh for reason in reasons),
                    f"{figure.id} {figure.raw} ({figure.label}): "
                    + "; ".join(reason.en for reason in reasons),
                )
            )
    return items


def _staged_problems(
    data_dir: Path, catalogue: Catalogue, files: dict[str, bytes], report_name: str, report: bytes
) -> list[Problem]:
    """Validate data/ as it would be after the change, in a private copy with its own reports."""
    with tempfile.TemporaryDirectory(prefix="ruraldash-add-") as folder:
        staged = Path(folder) / "data"
        shutil.copytree(data_dir, staged)
        reports = Path(folder) / "reports"
        reports.mkdir()
        if catalogue.reports_dir is not None and catalogue.reports_dir.is_dir():
            for path in catalogue.reports_dir.iterdir():
                if path.is_file():
                    (reports / path.name).symlink_to(path.resolve())
        (reports / report_name).write_bytes(report)
        for relative, data in files.items():
            (staged / relative).parent.mkdir(parents=True, exist_ok=True)
            (staged / relative).write_bytes(data)
        sources = staged / "sources.yaml"
        text = sources.read_text(encoding="utf-8")
        setting = re.compile(r"^reports_dir:.*$", re.MULTILINE)
        line = f"reports_dir: {json.dumps(str(reports))}"
        text = setting.sub(line, text) if setting.search(text) else f"{line}\n{text}"
        sources.write_text(text, encoding="utf-8")
        return validate(staged, catalogue.metrics_dir).problems


def _move_in(target: Path, data: bytes) -> None:
    """Write a file next to its place and rename it there, so it is never seen half-written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    os.replace(partial, target)


@dataclass(frozen=True)
class PreparedAdd:
    """Everything `add` would write, validated, and what it found: ready to move in or zip."""

    data_dir: Path
    reports_dir: Path
    report_name: str
    report: bytes
    files: dict[str, bytes]  # paths relative to data_dir -> new content
    entries: dict[str, str]  # sources.yaml / regions.yaml -> the entry appended
    skipped: bytes
    result: AddResult


def curator_mode() -> bool:
    """True when the app was started for curation (RURALDASH_CURATOR=1): it may write data/."""
    return os.environ.get("RURALDASH_CURATOR") == "1"


def prepare_add(
    raw: bytes,
    report_name: str,
    data_dir: Path,
    metrics_dir: Path,
    source: str | None = None,
    region: str | None = None,
    date: str | None = None,
    title: str | None = None,
) -> PreparedAdd:
    """Draft a report and make the files adding it would write; validate them in a private copy.

    Raises AddError when the region or date cannot be told, the source exists, or the result
    would not be valid. Nothing is written to data/.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise AddError(
            Message(
                f"{report_name}：不是 UTF-8 文本（第 {error.start + 1} 个字节无法解码），"
                "请另存为 UTF-8 后再试。",
                f"{report_name}: cannot read as UTF-8 text: {error}",
            )
        ) from error
    catalogue, problems = load_catalogue(data_dir, metrics_dir)
    if catalogue is None or problems:
        raise AddError(
            Message(
                "现有整理数据未通过校验，请先修正（运行 `python -m ruraldash validate`）。",
                "the curated data is not valid now; fix it first (python -m ruraldash validate)",
            )
        )
    if catalogue.reports_dir is None:
        sources = data_dir / "sources.yaml"
        raise AddError(
            Message(
                f"{sources}：未设置 reports_dir，报告无处存放。",
                f"{sources}: no reports_dir to copy the report into",
            )
        )
    normalised = "\n".join(line.text for line in normalise_lines(text))
    declared, unit, region_reason = _choose_region(catalogue, normalised, region)
    region_id = declared.id if declared else _new_region_id(catalogue, unit)
    if date is not None and not _DATE.match(date):
        raise AddError(
            Message(
                f"所填报告日期“{date}”格式不对：应为年份（如 2023）、年月（2023-07）"
                "或年月日（2023-07-26）。",
                f"--date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD",
            )
        )
    found = (
        ReportDate(date, "stated", f"由整理者给出（{date}）。Given by the curator.")
        if date
        else find_date(normalised)
    )
    if found is None:
        raise AddError(
            Message(
                f"报告既未写明日期，也未提到年份；{_DATE_FIELD}",
                "the report states no date and names no year; give one with --date",
            )
        )
    source_id = source or f"{region_id}_{found.date[:4]}"
    if not _SOURCE_ID.match(source_id):
        raise AddError(
            Message(
                f"来源编号“{source_id}”不可用：只能由小写字母、数字和下划线组成，并以字母开头。",
                f"source id {source_id!r}: use lower-case letters, digits and _",
            )
        )
    figures_path = data_dir / "figures" / f"{source_id}.csv"
    if source_id in catalogue.sources or figures_path.exists():
        raise AddError(
            Message(
                f"来源“{source_id}”已存在（{figures_path}）；加入时从不覆盖已有来源，"
                "请在“来源编号”一栏另取一个编号。",
                f"source {source_id!r} exists already ({figures_path}); add never overwrites a "
                "source — choose another id with --source",
            )
        )
    name = f"{source_id}.txt"  # reports/<source_id>.txt, whatever the file was called
    if (catalogue.reports_dir / name).exists():
        taken = catalogue.reports_dir / name
        raise AddError(Message(f"{taken} 已存在。", f"{taken} exists already"))

    draft = draft_report(text, catalogue.metrics, source_id, region_id, found.date)
    kept = [figure for figure in draft.figures if figure.metric]
    left_out = tuple(figure for figure in draft.figures if not figure.metric)
    publisher = _PUBLISHER.search(normalised)
    heading = title or _title(text) or source_id
    source_entry = {
        "id": source_id,
        "region": region_id,
        "file": name,
        "title_zh": heading,
        "title_en": f"(drafted, untranslated) {heading}",
        "publisher_zh": publisher[1] if publisher else "未注明",
        "publisher_en": f"(untranslated) {publisher[1]}" if publisher else "Not stated",
        "date": found.date,
        "date_basis": found.basis,
        # The loader refuses an empty string: a language the dating note lacks is left out.
        **{
            key: part
            for key, part in zip(
                ("date_note_zh", "date_note_en"), split_bilingual(found.note), strict=True
            )
            if part
        },
        "script": report_script(text),
    }
    entries = {"sources.yaml": _yaml_item(source_entry)}
    if declared is None:
        items = _region_entries(catalogue, unit, region_id)
        entries["regions.yaml"] = "".join(_yaml_item(entry) for entry in items)
    files = {
        file: _appended(data_dir / file, entry).encode("utf-8") for file, entry in entries.items()
    }
    files[f"figures/{source_id}.csv"] = figures_csv(figure.row() for figure in kept)
    problems = _staged_problems(data_dir, catalogue, files, name, raw)
    if problems:
        raise AddError(
            Message(
                "加入后 data/ 将无法通过校验，未写入任何文件。校验发现的问题如下：",
                "the added report would leave data/ invalid; nothing was written:",
            ),
            details=tuple(str(problem) for problem in problems[:20]),
        )
    result = AddResult(
        source_id,
        region_id,
        declared is None,
        region_reason,
        found,
        (),
        len(kept),
        left_out,
        tuple(_checklist(draft, kept, catalogue.metrics)),
        draft.summary(),
    )
    return PreparedAdd(
        data_dir,
        catalogue.reports_dir,
        name,
        raw,
        files,
        entries,
        skipped_csv(draft.skipped),
        result,
    )


def apply_add(prepared: PreparedAdd) -> AddResult:
    """Move a prepared addition into data/; return what was written.

    Each step leaves data/ valid: a report file nobody names, a region without sources, a source
    without figures, then its figures.
    """
    data_dir = prepared.data_dir
    source_id = prepared.result.source_id
    for relative in prepared.files:
        if relative.startswith("figures/") and (data_dir / relative).exists():
            raise AddError(
                Message(
                    f"{data_dir / relative} 已存在；加入时从不覆盖已有来源。",
                    f"{data_dir / relative} exists already; add never overwrites a source",
                )
            )
    written = [prepared.reports_dir / prepared.report_name]
    _move_in(written[0], prepared.report)
    for name in ("regions.yaml", "sources.yaml", f"figures/{source_id}.csv"):
        if name in prepared.files:
            _move_in(data_dir / name, prepared.files[name])
            written.append(data_dir / name)
    _move_in(data_dir.parent / ".cache" / "drafts" / f"{source_id}.skipped.csv", prepared.skipped)
    return dataclasses.replace(prepared.result, written=tuple(written))


def add_zip(prepared: PreparedAdd) -> bytes:
    """Return the files adding the report would write, as a ZIP for a curator to put in place."""
    result = prepared.result
    readme = [
        f"source {result.source_id}, region {result.region_id}"
        f" ({'new' if result.region_is_new else 'declared'}; {result.region_reason})",
        f"date {result.date.date} ({result.date.basis}): {result.date.note}",
        result.summary,
        "",
        "Put reports/* into reports_dir, append the *_entry.yaml items to data/sources.yaml",
        "(and data/regions.yaml), copy figures/* into data/figures/, then run",
        "`python -m ruraldash validate`. Every figure is review=draft until checked.",
        "",
        "Review checklist:",
        *(f"- {item}" for item in result.checklist),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"reports/{prepared.report_name}", prepared.report)
        for file, entry in prepared.entries.items():
            archive.writestr(file.replace(".yaml", "_entry.yaml"), entry.encode("utf-8"))
        figures = f"figures/{result.source_id}.csv"
        archive.writestr(figures, prepared.files[figures])
        archive.writestr(f"{result.source_id}.skipped.csv", prepared.skipped)
        archive.writestr("README.txt", "\n".join(readme) + "\n")
    return buffer.getvalue()


def add_report(
    report: Path,
    data_dir: Path,
    metrics_dir: Path,
    source: str | None = None,
    region: str | None = None,
    date: str | None = None,
    title: str | None = None,
) -> AddResult:
    """Add a report to data/: copy its text, declare source and region, write draft figures."""
    try:
        raw = report.read_bytes()
    except OSError as error:
        raise AddError(
            Message(f"{report}：无法读取该文件。", f"{report}: cannot read: {error}")
        ) from error
    prepared = prepare_add(raw, report.name, data_dir, metrics_dir, source, region, date, title)
    return apply_add(prepared)
