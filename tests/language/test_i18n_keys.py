"""Every key the code says exists in both languages with the same {placeholders}, and every
key in the table is one the code says.

Literal keys (t("x", lang), message("x")) are read from the source; a key built at run time
(t(f"status_{status}", lang), t_choice("status", status, lang)) is checked for every value its
source can take, listed below from the code's own constants where it has them; a counted key
(t_count("x", n, lang)) has a text for each grammatical number (x_one, x_many).
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.compare import like_for_like, units
from ruraldash.compare.ratios import RATIO_RULES
from ruraldash.draft import places
from ruraldash.draft import view as draft_view
from ruraldash.draft.skip_reasons import SKIP_REASONS
from ruraldash.language.i18n import TEXT
from ruraldash.store import boundaries, catalogue, hierarchy, problems
from ruraldash.store.build import BUILD_STEPS
from ruraldash.store.catalogue import DATE_BASES
from ruraldash.store.figure_files import REVIEW_STATES
from ruraldash.views.briefing.lead import ASPECTS
from ruraldash.views.export.files import EXPORTERS, FIGURE_EXPORT_COLUMNS
from ruraldash.views.pages.map import STATUSES
from ruraldash.views.tables import COLUMN_FORMATTERS

ROOT = Path(paths.__file__).resolve().parents[1]
SOURCES = [*(ROOT / "ruraldash").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]
SAYING = ("t", "t_choice", "t_count", "message", "say", "say_count")

# Keys whose languages name different values, and why (each must really differ).
ONE_SIDED = {
    "add_unsure_metric": "Chinese names the metric by its Chinese name, English by its id",
    "add_not_utf8": "Chinese says the byte; English gives the decoder's own (English) message",
    "add_cannot_read": "the system's reason is English; the Chinese text leaves it out",
    "add_named_too_little": "Chinese gives the score, as the command line's English never did",
    "metric_no_unit": "Chinese leaves the unit out: the draft page shows it beside the note",
}

# The values each built key can take: a pattern ("status_{}") -> its values.
BUILT: dict[str, Callable[[], Iterable[str]]] = {
    "add_level_{}": lambda: places.LEVELS,
    "basis_{}": lambda: ("reported", units.SUM_COMPLETE, units.SUM_PARTIAL, "missing"),
    "briefing_title_{}": lambda: ("compare", "compare_programs", "region_profile", "map"),
    "page_{}": lambda: ("compare", "compare_programs", "region_profile", "map"),
    "build_{}": lambda: BUILD_STEPS,
    "build_done_{}": lambda: BUILD_STEPS,
    "by_{}": lambda: ("category", "metric"),
    "col_{}": lambda: COLUMN_FORMATTERS,
    "county_sum_{}": lambda: ("complete", "partial"),
    "dataset_header_{}": lambda: FIGURE_EXPORT_COLUMNS,
    "date_basis_{}": lambda: DATE_BASES,
    "download_{}": lambda: EXPORTERS,
    "download_briefing_{}": lambda: ("docx", "pdf"),
    "field_{}": lambda: (
        "resident_population",
        "rural_population",
        "land_area",
        "county_level_divisions",
        "townships",
        "gdp",
    ),
    "filter_{}": lambda: ("regions", "metrics", "categories", "programs", "qualifiers", "statuses"),
    "kind_{}": lambda: ("cumulative", "in_period", "unstated", "qualifier", "status", "unit"),
    "lead_aspect_{}": lambda: set(ASPECTS.values()),
    "level_{}": lambda: hierarchy.LEVELS,
    "lfl_reason_{}": lambda: like_for_like.REASONS,
    "levels_{}": lambda: hierarchy.LEVELS,
    "map_level_{}": lambda: boundaries.LEVELS,
    "map_unit_{}": lambda: boundaries.LEVELS,
    "draft_figures_{}": lambda: NUMBERS,
    "draft_header_{}": lambda: draft_view.HEADED,
    "draft_review_{}": lambda: REVIEW_STATES,
    "draft_numerals_{}": lambda: NUMBERS,
    "draft_skipped_{}": lambda: (
        f"{reason}_{number}" for reason in SKIP_REASONS for number in NUMBERS
    ),
    "problem_digits_{}": lambda: (str(length) for length in hierarchy.CODE_LENGTH.values()),
    "problem_noun_{}": lambda: (target for _, _, target in catalogue.REFERENCES),
    "problem_where_{}": lambda: problems.PROBLEM_KINDS,
    "ratio_{}": lambda: (rule.id for rule in RATIO_RULES),
    "skip_{}": lambda: SKIP_REASONS,
    "status_{}": lambda: STATUSES,
    "warn_{}": lambda: CAVEAT_KINDS,
    "warn_short_{}": lambda: CAVEAT_KINDS,
    "{}_intro": lambda: (*(f"page_{page}" for page in PAGES), *SOURCES_TABLES),
}
NUMBERS = ("one", "many")  # the grammatical numbers of counted keys (draft/engine.py _number)
CAVEAT_KINDS = (
    "no_region",
    "not_comparable",
    "several",
    "periods",
    "labels",
    "levels",
    "report_dates",
    "scope",
    "plan",
    "all_plan",
    "approximate",
    "missing",
)
# The tables of the page "Sources & methods" (views/pages/sources.py), each with its intro.
SOURCES_TABLES = ("sources_reports", "sources_metrics", "sources_vocabulary", "sources_reference")
PAGES = (
    "overview",
    "compare",
    "compare_programs",
    "region_profile",
    "explore",
    "map",
    "sources",
    "draft",
    "review",
)


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _said_keys() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Return (literal keys, built patterns) with where each is said (file:line)."""
    literal, built = [], []
    for path in SOURCES:
        if path.name == "i18n.py":
            continue  # t_choice's own f"{prefix}_{value}": its callers are checked
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") in SAYING):
                continue
            if not node.args:
                continue
            key, where = node.args[0], f"{path.relative_to(ROOT)}:{node.lineno}"
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                if node.func.id == "t_choice":
                    built.append((key.value + "_{}", where))
                elif node.func.id in ("t_count", "say_count"):
                    literal += [(f"{key.value}_{number}", where) for number in NUMBERS]
                else:
                    literal.append((key.value, where))
            elif isinstance(key, ast.JoinedStr):
                pattern = "".join(
                    "{}" if isinstance(part, ast.FormattedValue) else part.value
                    for part in key.values
                )
                built.append((pattern, where))
    return literal, built


@pytest.mark.parametrize("key", TEXT)
def test_every_text_has_both_languages_and_the_same_placeholders(key: str) -> None:
    zh, en = TEXT[key]
    assert zh.strip() and en.strip(), key
    if key in ONE_SIDED:
        assert _placeholders(zh) != _placeholders(en), f"{key} is no longer one-sided"
    else:
        assert _placeholders(zh) == _placeholders(en), key


def test_every_literal_key_in_the_code_has_a_text() -> None:
    literal, _ = _said_keys()
    assert len(literal) > 300
    missing = [f"{where}: {key}" for key, where in literal if key not in TEXT]
    assert missing == []


def test_every_built_key_has_a_text_for_every_value_it_can_take() -> None:
    _, built = _said_keys()
    undeclared = [f"{where}: {pattern}" for pattern, where in built if pattern not in BUILT]
    assert undeclared == [], "declare the values of these built keys in BUILT"
    missing = [
        f"{pattern}: {pattern.replace('{}', value)}"
        for pattern in {pattern for pattern, _ in built}
        for value in BUILT[pattern]()
        if pattern.replace("{}", value) not in TEXT
    ]
    assert missing == []


def _kept_keys() -> tuple[set[str], set[str]]:
    """Return the strings the code holds (a key kept in a constant or returned, said later
    through a variable: series.py's change reasons) and the shapes of the keys it builds
    outside a call of t (key = f"reference_unit_{unit}", "level_" + level) as "level_{}".

    A call's own key (t(f"status_{s}", lang)) is checked through BUILT instead, and a
    widget's key= is no text key (profile_figures named a download, never a text).
    """
    strings: set[str] = set()
    patterns: set[str] = set()
    for path in SOURCES:
        if path.name == "i18n.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
        skipped = {
            id(keyword.value) for call in calls for keyword in call.keywords if keyword.arg == "key"
        } | {
            id(call.args[0])
            for call in calls
            if getattr(call.func, "id", "") in SAYING and call.args
        }
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                # only a shape that starts with a key's prefix (status_…): {a}{b} would be any key
                if isinstance(first, ast.Constant) and str(first.value).endswith("_"):
                    shape = "".join(
                        "{}" if isinstance(part, ast.FormattedValue) else part.value
                        for part in node.values
                    )
                    patterns.add(shape)
            elif (
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Add)
                and isinstance(node.left, ast.Constant)
                and isinstance(node.left.value, str)
                and node.left.value.endswith("_")
            ):
                patterns.add(node.left.value + "{}")
    return strings, patterns


def test_every_key_in_the_table_is_said_by_the_code() -> None:
    """A key is said literally, as a value BUILT declares, as a string the code holds, or as a
    built shape (in a call of t or not) whose variable part is a string the code holds
    (t(f"col_{name}", lang) over ("map_unit", "rank", …)). What none says is left over."""
    literal, built = _said_keys()
    said = {key for key, _ in literal}
    for pattern in {pattern for pattern, _ in built}:
        said |= {pattern.replace("{}", value) for value in BUILT[pattern]()}
    strings, kept_shapes = _kept_keys()
    shapes = [
        re.compile(re.escape(shape).replace(re.escape("{}"), "(.+)") + "$")
        for shape in kept_shapes | {pattern for pattern, _ in built}
    ]
    unused = [
        key
        for key in TEXT
        if key not in said
        and key not in strings
        and not any(
            (found := shape.match(key)) and all(part in strings for part in found.groups())
            for shape in shapes
        )
        # a counted key kept in a constant, said later through t_count (focus_not_ranked_one)
        and not (key.rpartition("_")[2] in NUMBERS and key.rpartition("_")[0] in strings)
    ]
    assert unused == [], f"keys no code says, to remove from the table: {unused}"
