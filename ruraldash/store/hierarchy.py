"""The administrative hierarchy of regions: levels, GB/T 2260 codes, parents, and their checks."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import pyarrow as pa

from ruraldash.language.messages import Message, message
from ruraldash.store.problems import Problem, one_of, quoted

if TYPE_CHECKING:
    from ruraldash.store.declarations import Region

# From the top down; a parent's level comes before its child's.
LEVELS = ("province", "prefecture", "county", "township", "village")
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}

# GB/T 2260 codes are six digits down to the county; townships (GB/T 10114) add three, and
# villages (the statistical division code) three more.
CODE_LENGTH = {"province": 6, "prefecture": 6, "county": 6, "township": 9, "village": 12}

# How many leading digits of a code name the unit itself; a child's code starts with them.
_OWN_DIGITS = {"province": 2, "prefecture": 4, "county": 6, "township": 9, "village": 12}


def code_shape_problem(code: str, level: str) -> Message | None:
    """Return why `code` is not a code of a unit at `level`, or None when it is well-formed."""
    length = CODE_LENGTH[level]
    if not re.fullmatch(rf"\d{{{length}}}", code):
        return message(
            "problem_code_shape",
            value=quoted(code),
            level=message(f"level_{level}"),
            digits=message(f"problem_digits_{length}"),
            example=_EXAMPLE[level],
        )
    head = code[:6]
    if level == "province" and not head.endswith("0000"):
        return message("problem_province_code", value=quoted(code))
    if level == "prefecture" and (not head.endswith("00") or head.endswith("0000")):
        return message("problem_prefecture_code", value=quoted(code))
    if level == "county" and head.endswith("00"):
        return message("problem_county_code", value=quoted(code))
    return None


_EXAMPLE = {
    "province": "350000",
    "prefecture": "350900",
    "county": "430528",
    "township": "430528100",
    "village": "430528100201",
}


def own_prefix(code: str, level: str) -> str:
    """Return the leading digits of `code` that every unit below it shares."""
    return code[: _OWN_DIGITS[level]]


def check_hierarchy(regions: Mapping[str, Region]) -> list[Problem]:
    """Check levels, codes, parents and cycles; each problem names the file, line and field."""
    problems: list[Problem] = []

    def problem(region: Region, name: str, said: Message) -> None:
        problems.append(
            Problem(region.origin.path, region.origin.line_of(name), name, said, kind="field")
        )

    code_owner: dict[str, Region] = {}
    for region in regions.values():
        if region.level not in LEVEL_RANK:
            if region.level:
                problem(
                    region,
                    "level",
                    message("problem_not_level", value=quoted(region.level), expected=_LEVELS),
                )
            continue
        if not region.admin_code:
            continue
        shape = code_shape_problem(region.admin_code, region.level)
        if shape:
            problem(region, "admin_code", shape)
            continue
        first = code_owner.setdefault(region.admin_code, region)
        if first is not region:
            problem(
                region,
                "admin_code",
                message(
                    "problem_code_taken",
                    value=quoted(region.admin_code),
                    region=quoted(first.id),
                    line=first.origin.line,
                ),
            )

    for region in regions.values():
        _check_parent(region, regions, problem)
    problems.extend(_cycles(regions))
    return problems


_LEVELS = one_of(list(LEVELS))


def _check_parent(
    region: Region, regions: Mapping[str, Region], problem: Callable[[Region, str, Message], None]
) -> None:
    if not region.parent:
        if region.level in LEVEL_RANK and region.level != "province":
            problem(
                region,
                "parent",
                message("problem_parent_missing", level=message(f"level_{region.level}")),
            )
        return
    parent = regions.get(region.parent)
    if parent is None:
        known = one_of(list(regions))
        problem(
            region,
            "parent",
            message("check_not_region", value=quoted(region.parent), expected=known),
        )
        return
    if region.level not in LEVEL_RANK or parent.level not in LEVEL_RANK:
        return
    if LEVEL_RANK[parent.level] >= LEVEL_RANK[region.level]:
        problem(
            region,
            "parent",
            message(
                "problem_parent_level",
                value=quoted(parent.id),
                parent=message(f"level_{parent.level}"),
                level=message(f"level_{region.level}"),
            ),
        )
        return
    if (
        code_shape_problem(region.admin_code, region.level) is None
        and code_shape_problem(parent.admin_code, parent.level) is None
    ):
        prefix = own_prefix(parent.admin_code, parent.level)
        if not region.admin_code.startswith(prefix):
            problem(
                region,
                "admin_code",
                message(
                    "problem_code_under_parent",
                    value=quoted(region.admin_code),
                    parent=quoted(parent.id),
                    code=parent.admin_code,
                    prefix=prefix,
                ),
            )


def _cycles(regions: Mapping[str, Region]) -> list[Problem]:
    """Report each cycle of parents once, at its first region in file order."""
    problems = []
    reported: set[str] = set()
    for region in regions.values():
        chain = [region.id]
        current = region
        while current.parent and current.parent in regions:
            if current.parent in chain:
                loop = chain[chain.index(current.parent) :]
                if not reported & set(loop):
                    first = min((regions[name] for name in loop), key=lambda r: r.origin.line)
                    at = loop.index(first.id)
                    path = [*loop[at:], *loop[:at], first.id]
                    problems.append(
                        Problem(
                            first.origin.path,
                            first.origin.line_of("parent"),
                            "parent",
                            message("problem_parent_cycle", cycle=" → ".join(path)),
                            kind="field",
                        )
                    )
                    reported |= set(loop)
                break
            chain.append(current.parent)
            current = regions[current.parent]
    return problems


def ancestors(region_id: str, regions: Mapping[str, Region]) -> list[str]:
    """Return the ids above `region_id`, nearest first (stops at a cycle or an unknown parent)."""
    found: list[str] = []
    current = regions.get(region_id)
    while current is not None and current.parent and current.parent not in found:
        if current.parent == region_id:
            break
        found.append(current.parent)
        current = regions.get(current.parent)
    return found


def ancestor_table(regions: Mapping[str, Region]) -> pa.Table:
    """Return (region_id, ancestor_id, depth) for every region and each region above it."""
    rows = [
        (region_id, above, depth)
        for region_id in regions
        for depth, above in enumerate(ancestors(region_id, regions), start=1)
    ]
    return pa.table(
        {
            "region_id": pa.array([row[0] for row in rows], pa.string()),
            "ancestor_id": pa.array([row[1] for row in rows], pa.string()),
            "depth": pa.array([row[2] for row in rows], pa.int32()),
        }
    )
