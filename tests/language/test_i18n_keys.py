"""Every key the code says exists in both languages with the same {placeholders}.

Literal keys (t("x", lang), message("x")) are read from the source; a key built at run time
(t(f"status_{status}", lang), t_choice("status", status, lang)) is checked for every value its
source can take, listed below from the code's own constants where it has them.
"""

from __future__ import annotations

import ast
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
SAYING = ("t", "t_choice", "message", "say")

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
    "cli_wrote_{}": lambda: ("figures", "regions"),
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
    "{}_intro": lambda: (f"page_{page}" for page in PAGES),
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
