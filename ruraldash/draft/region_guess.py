"""Recognise the region a report is about: the unit it names most, in its title and as 全县/全市."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ruraldash.draft import places
from ruraldash.draft.places import AdminUnit
from ruraldash.language.messages import Message, message

# A name in the title (the first lines) says most; a full name more than a short one.
TITLE_LINES = 3
TITLE_WEIGHT, FULL_NAME_WEIGHT, SHORT_NAME_WEIGHT = 4.0, 1.0, 0.6
# A name as the report's subject (西充县委, 我县, 全县 …) is what it is about.
SUBJECT_AFTER = re.compile(r"委|政府|人民政府|组织部|:|坚持|聚焦|把|以|按照|紧扣|推动")
# 全县 / 我市 name the level of the region the report speaks for.
_LEVEL_WORDS = {
    "county": re.compile(r"[全我本该]县|[全我本]区|县委|县里|县级领导"),
    "prefecture": re.compile(r"[全我本该]市|市委|全州|[我本]州"),
    "province": re.compile(r"[全我本]省|省委"),
}
LEVEL_WEIGHT = 0.5  # per 全县 / 我市 …, capped at LEVEL_CAP
LEVEL_CAP = 6.0
# The winner must lead the runner-up by this factor, unless the runner-up is its own parent.
LEAD = 1.5
MIN_SCORE = 2.0


@dataclass(frozen=True)
class RegionGuess:
    """The recognised unit (None when unsure), the candidates by score, and why (both languages)."""

    unit: AdminUnit | None
    candidates: tuple[tuple[AdminUnit, float], ...]
    reason: Message


def _level_scores(text: str) -> dict[str, float]:
    return {
        level: min(LEVEL_CAP, LEVEL_WEIGHT * len(pattern.findall(text)))
        for level, pattern in _LEVEL_WORDS.items()
    }


def guess_region(text: str) -> RegionGuess:
    """Return the unit of the national list the (normalised) report is about, or the candidates."""
    named = places.units_named()
    scores: dict[str, float] = defaultdict(float)
    title_end = sum(len(line) + 1 for line in text.split("\n")[:TITLE_LINES])
    found = places.find_names(text)
    # A short name counts only for a unit the text also names in full: 振兴 in 乡村振兴 is not
    # 振兴区, but 西充 after 西充县 is.
    named_in_full = {name for _, _, name in found if places.full_name(name)}
    for start, end, name in found:
        full = bool(places.full_name(name))
        units = tuple(unit for unit in named[name] if full or unit.name_zh in named_in_full)
        if not units:
            continue
        weight = FULL_NAME_WEIGHT if full else SHORT_NAME_WEIGHT
        if start < title_end:
            weight *= TITLE_WEIGHT
        if SUBJECT_AFTER.match(text, end):
            weight *= 1.5
        for unit in units:
            scores[unit.admin_code] += weight / len(units)  # 鼓楼区 is in four cities
    if not scores:
        return RegionGuess(
            None,
            (),
            message("add_no_unit_named"),
        )
    levels = _level_scores(text)
    by_code = places.by_code()
    for code in list(scores):
        scores[code] += levels.get(by_code[code].level, 0.0)
    # A unit's ancestors named in the text support it (南充市西充县), not the other way round.
    for code in list(scores):
        for parent in places.parents(by_code[code]):
            if parent.admin_code in scores:
                scores[code] += 0.5
    ranked = sorted(
        ((by_code[code], score) for code, score in scores.items()), key=lambda item: -item[1]
    )
    best, best_score = ranked[0]
    candidates = tuple(ranked[:5])
    if best_score < MIN_SCORE:
        return RegionGuess(
            None,
            candidates,
            message("add_named_too_little", name=best.name_zh, score=best_score),
        )
    for other, score in ranked[1:]:
        if other in places.parents(best):
            continue
        if score * LEAD > best_score:
            return RegionGuess(
                None,
                candidates,
                message(
                    "add_named_alike",
                    name=best.name_zh,
                    score=best_score,
                    other=other.name_zh,
                    other_score=score,
                ),
            )
        break
    named = message("add_named_most", name=best.name_zh, score=best_score)
    if len(ranked) > 1:
        other, score = ranked[1]
        named = message(
            "add_named_most_ahead",
            name=best.name_zh,
            score=best_score,
            other=other.name_zh,
            other_score=score,
        )
    return RegionGuess(best, candidates, named)


def find_unit(name_or_code: str) -> tuple[AdminUnit, ...]:
    """Return the units a name (西充县, 西充) or an administrative code (511325) stands for."""
    if name_or_code.isdigit():
        unit = places.by_code().get(name_or_code)
        return (unit,) if unit else ()
    return places.units_named().get(name_or_code, ())
