"""Curated text is shown as text: no Markdown, HTML, image or link comes out of it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ruraldash import paths
from ruraldash.store.catalogue import load_catalogue
from ruraldash.views.plain import hover_text, markdown_text, tame_markdown

IMAGE = "![x](https://example.invalid/x.png)"
ESCAPED_IMAGE = r"\!\[x\]\(https\://example\.invalid/x\.png\)"
TIMEOUT = 60


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (IMAGE, ESCAPED_IMAGE),
        ("<b>粗体</b>", r"\<b\>粗体\</b\>"),
        ("**强调** _x_ `code`", r"\*\*强调\*\* \_x\_ \`code\`"),
        ("# 标题\n- 列表", r"\# 标题 \- 列表"),
        ("$x^2$ :red[红] :material/home:", r"\$x^2\$ \:red\[红\] \:material/home\:"),
        ("www.example.invalid", r"www\.example\.invalid"),
        ("&lt;", r"\&lt;"),
        ("宁德市委组织部", "宁德市委组织部"),
    ],
)
def test_markdown_text_shows_every_character_as_written(text: str, shown: str) -> None:
    assert markdown_text(text) == shown


def test_hover_text_escapes_plotlys_html_subset() -> None:
    assert hover_text('<a href="x">&') == '&lt;a href="x"&gt;&amp;'


def test_a_curated_markdown_document_cannot_load_or_link_outside() -> None:
    document = "## 说明\n见 ![图](https://example.invalid/a.png)、[来源](https://example.invalid/s)"
    document += "、https://example.invalid/bare 与 <img src=x onerror=alert(1)>"
    assert tame_markdown(document) == (
        "## 说明\n见 [图]、来源 (`https://example.invalid/s`)、`https://example.invalid/bare` "
        "与 `<img src=x onerror=alert(1)>`"
    )


@pytest.fixture
def hostile_data(data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped data with hostile text in a publisher, a title, a label and a report note."""
    sources = data_copy / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    text = text.replace(
        "publisher_en: Ningde News Net (reporter Guo Xiaohong); photos from the Ningde "
        "organisation department",
        f'publisher_en: "{IMAGE}"',
    )
    text = text.replace(
        "title_en: Party building leads, development gathers strength",
        'title_en: "<b>Bold</b> [link](https://example.invalid/t)"',
    )
    sources.write_text(text, encoding="utf-8")
    figures = data_copy / "figures" / "ningde_2021.csv"
    with figures.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("label")] = "<b>label</b>"
    with figures.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    notes = data_copy / "notes" / "ningde_2021.md"
    notes.write_text(notes.read_text(encoding="utf-8") + f"\n\n{IMAGE}\n", encoding="utf-8")
    monkeypatch.setenv("RURALDASH_DATA", str(data_copy))
    monkeypatch.setenv("RURALDASH_DB", str(tmp_path / "hostile.duckdb"))
    return data_copy


def test_the_region_profile_shows_curated_text_as_text(hostile_data: Path) -> None:
    at = AppTest.from_file("../../pages/region_profile.py", default_timeout=TIMEOUT)
    at.query_params.update({"lang": "en", "report": "ningde_2021"})
    at.run()
    assert not at.exception
    facts = next(element.value for element in at.markdown if "Its reports" in element.value)
    reports = next(line for line in facts.splitlines() if line.startswith("- **Its reports**"))
    assert ESCAPED_IMAGE in reports
    assert r"\<b\>Bold\</b\> \[link\]\(https\://example\.invalid/t\)" in facts
    bodies = "\n".join(element.value for element in at.markdown)
    assert IMAGE not in bodies
    assert "<b>" not in bodies
    # The report's curation notes keep their Markdown, but load nothing from outside.
    assert "[x]" in bodies


def test_chart_labels_and_hover_boxes_escape_html(hostile_data: Path) -> None:
    at = AppTest.from_file("../../pages/compare.py", default_timeout=TIMEOUT)
    with (hostile_data / "figures" / "ningde_2021.csv").open(encoding="utf-8-sig") as handle:
        metric = list(csv.DictReader(handle))[0]["metric"]
    category = load_catalogue(hostile_data, paths.METRICS_DIR)[0].metrics[metric].category
    at.query_params.update({"lang": "en", "category": category, "metric": metric})
    at.run()
    assert not at.exception
    spec = json.dumps([json.loads(chart.proto.spec) for chart in at.get("plotly_chart")])
    assert "&lt;b&gt;label&lt;/b&gt;" in spec
    assert "<b>label</b>" not in spec
