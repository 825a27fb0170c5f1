"""Changing data/ safely: entries in the files' own style, tried in a private copy, moved in."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from ruraldash.store.build import validate
from ruraldash.store.declarations import Catalogue
from ruraldash.store.problems import Problem


def staged_problems(
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


def move_in(target: Path, data: bytes) -> None:
    """Write a file next to its place and rename it there, so it is never seen half-written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    os.replace(partial, target)


def yaml_item(entry: dict[str, str]) -> str:
    """One list item in the files' own style: two-space indent, JSON strings (YAML scalars)."""
    lines = []
    for number, (key, value) in enumerate(entry.items()):
        lead = "  - " if number == 0 else "    "
        lines.append(f"{lead}{key}: {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def appended(path: Path, item: str) -> str:
    """Return a file's text with `item` appended on a line of its own."""
    text = path.read_text(encoding="utf-8")
    return text + ("" if text.endswith("\n") else "\n") + item
