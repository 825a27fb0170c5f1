"""Read hand-edited YAML fast and strictly: C loader, dates kept as strings, line numbers kept."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ruraldash.language.messages import Message, message

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LINE_KEY = "__line__"
KEY_LINES = "__key_lines__"


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that records each mapping's line and never turns `2019-11-04` into a date."""


# Copy the resolvers before editing them, so the library's own loaders are untouched.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    key_lines: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        line = key_node.start_mark.line + 1
        if isinstance(key, (str, int, float, bool)) and key in key_lines:
            # PyYAML lets the second silently win; a curator meant one of them.
            raise _Refused(line, message("problem_key_twice", name=key, first=key_lines[key]))
        key_lines[key] = line
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    mapping[KEY_LINES] = key_lines
    return mapping


class _Refused(Exception):
    """Well-formed YAML that curated files may not use (a repeated key, an alias)."""

    def __init__(self, line: int, said: Message) -> None:
        super().__init__(str(said))
        self.line, self.message = line, said


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass(frozen=True)
class YamlError(Exception):
    """A YAML file that cannot be parsed at all."""

    path: Path
    line: int
    message: Message


def load_yaml(path: Path) -> Any:
    """Return the parsed document; each mapping carries its 1-based line under LINE_KEY and
    the line of each of its keys under KEY_LINES.

    Anchors and aliases (`&a`, `*a`) are refused before anything is built: nested aliases
    expand exponentially ("billion laughs"), and curated files write every value out.
    A key given twice in one mapping is refused too.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise YamlError(path, 1, message("problem_yaml_not_utf8", reason=error.reason)) from None
    try:
        if "&" in text or "*" in text:
            _refuse_aliases(text)
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        unclosed = _unclosed_quote(text, line)
        if unclosed is not None:
            raise YamlError(path, unclosed, message("problem_yaml_unclosed")) from None
        raise YamlError(
            path, line, message("problem_yaml_invalid", error=error.problem or error)
        ) from None
    except _Refused as error:
        raise YamlError(path, error.line, error.message) from None


def _refuse_aliases(text: str) -> None:
    """Refuse the first anchor or alias, reading parser events only (nothing is expanded)."""
    for event in yaml.parse(text, Loader=_BaseLoader):
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            alias = isinstance(event, yaml.AliasEvent)
            raise _Refused(
                event.start_mark.line + 1,
                message(
                    "problem_yaml_alias" if alias else "problem_yaml_anchor",
                    name=("*" if alias else "&") + anchor,
                ),
            )


def _unclosed_quote(text: str, error_line: int) -> int | None:
    """Return the first line up to `error_line` whose value opens a quote it does not close.

    PyYAML reports such a string where the next quote finally ends it, often lines later.
    """
    for number, line in enumerate(text.splitlines()[:error_line], start=1):
        value = _QUOTED_VALUE.match(line)
        if value is None:
            continue
        quote, rest = value.group(1), value.group(2)
        # Escaped quotes do not close: \" inside "…", '' inside '…'.
        escaped = ("\\\\", '\\"') if quote == '"' else ("''",)
        for pair in escaped:
            rest = rest.replace(pair, "")
        if quote not in rest:
            return number
    return None


# A line whose value (after `key:` or `- `) starts with a quote.
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+)?(["'])(.*)$""")
