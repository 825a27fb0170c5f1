"""Read hand-edited YAML fast and strictly: C loader, dates kept as strings, line numbers kept."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

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
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    mapping[KEY_LINES] = {
        loader.construct_object(key): key.start_mark.line + 1 for key, _ in node.value
    }
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass(frozen=True)
class YamlError(Exception):
    """A YAML file that cannot be parsed at all."""

    path: Path
    line: int
    message: str


def load_yaml(path: Path) -> Any:
    """Return the parsed document; each mapping carries its 1-based line under LINE_KEY and
    the line of each of its keys under KEY_LINES."""
    try:
        with path.open(encoding="utf-8-sig") as handle:
            return yaml.load(handle, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(path, line, f"not valid YAML: {error.problem or error}") from None
    except UnicodeDecodeError as error:
        raise YamlError(path, 1, f"not UTF-8 ({error.reason}); save the file as UTF-8") from None
