"""YAML mappings (with their line numbers) turned into declarations, every problem collected."""

from __future__ import annotations

import dataclasses
import functools
import math
import types
import typing
from typing import Any

from ruraldash.language.messages import Message, message
from ruraldash.store.declarations import Origin
from ruraldash.store.problems import Problem, one_of, quoted
from ruraldash.store.yamlio import KEY_LINES, LINE_KEY


class RecordReader:
    """Turns YAML mappings into dataclasses, collecting every problem instead of stopping."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, origin: Origin, name: str | None, said: Message) -> None:
        """Record a problem of the field `name` of the entry at `origin`."""
        self.problems.append(Problem(origin.path, origin.line_of(name), name, said, kind="field"))

    def records(self, cls: type, items: Any, origin: Origin, section: str) -> list[Any]:
        if items is None:
            return []
        if not isinstance(items, list):
            self.problem(origin, section, message("problem_list_of_entries"))
            return []
        records = []
        for item in items:
            record = self.record(cls, item, origin)
            if record is not None:
                records.append(record)
        return records

    def record(self, cls: type, item: Any, parent: Origin) -> Any:
        """Build one declaration; an entry with problems is still built (with blanks) when it
        has an id, so that what refers to it is not reported as a second, false problem."""
        if not isinstance(item, dict):
            self.problem(parent, None, message("problem_not_entry", value=quoted(item)))
            return None
        key_lines = tuple((str(key), line) for key, line in item.get(KEY_LINES, {}).items())
        origin = Origin(parent.path, item.get(LINE_KEY, parent.line), key_lines)
        hints, declared = _fields_of(cls)
        names = [f.name for f in declared]
        values: dict[str, Any] = {"origin": origin}
        ok = True
        for key in item:
            if key not in (LINE_KEY, KEY_LINES) and key not in names:
                self.problem(
                    origin, str(key), message("problem_unknown_field", expected=one_of(names))
                )
                ok = False
        for spec in declared:
            required = (
                spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING
            )
            if spec.name not in item or item[spec.name] is None:
                if required:
                    self.problem(origin, spec.name, message("problem_missing"))
                    values[spec.name] = _blank(hints[spec.name])
                    ok = False
                continue
            value = self.coerce(hints[spec.name], item[spec.name], origin, spec.name)
            if value is _INVALID:
                ok = False
                if required:
                    values[spec.name] = _blank(hints[spec.name])
            else:
                values[spec.name] = value
        if ok or values.get("id"):
            return cls(**values)
        return None

    def coerce(self, hint: Any, value: Any, origin: Origin, name: str) -> Any:
        if typing.get_origin(hint) in (typing.Union, types.UnionType):
            hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        if typing.get_origin(hint) is tuple:
            element = typing.get_args(hint)[0]
            if not isinstance(value, list):
                self.problem(origin, name, message("problem_not_list", value=quoted(value)))
                return _INVALID
            items = [self.coerce(element, entry, origin, name) for entry in value]
            return _INVALID if _INVALID in items else tuple(items)
        if dataclasses.is_dataclass(hint):
            record = self.record(hint, value, origin)
            return _INVALID if record is None else record
        if hint is bool:
            if isinstance(value, bool):
                return value
            self.problem(origin, name, message("problem_not_bool", value=quoted(value)))
            return _INVALID
        if hint in (int, float):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                if math.isfinite(value):
                    return hint(value)
                # YAML reads .nan and .inf as numbers; no reference figure is either.
                self.problem(origin, name, message("problem_not_finite", value=quoted(value)))
                return _INVALID
            self.problem(origin, name, message("problem_not_number", value=quoted(value)))
            return _INVALID
        if isinstance(value, (dict, list)):
            self.problem(origin, name, message("problem_not_text", value=quoted(value)))
            return _INVALID
        text = str(value).strip()
        if not text:
            self.problem(origin, name, message("problem_empty"))
            return _INVALID
        return text


_INVALID = object()


@functools.cache
def _fields_of(cls: type) -> tuple[dict[str, Any], list[dataclasses.Field]]:
    """Return a declaration's type hints and fields (but origin), worked out once per class:
    typing.get_type_hints is slow, and a national catalogue has thousands of entries."""
    return typing.get_type_hints(cls), [f for f in dataclasses.fields(cls) if f.name != "origin"]


def _blank(hint: Any) -> Any:
    """A stand-in for a missing or invalid required field of an entry that has problems."""
    if typing.get_origin(hint) is tuple:
        return ()
    return {bool: False, int: 0, float: 0.0}.get(hint, "")
