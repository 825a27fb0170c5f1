"""A curator reviews an added report in the browser, from the queue to the dashboard.

`ruraldash add` drafts a 562-character county report into a private data folder; the review
page then takes every drafted figure: most accepted with the accept key, one corrected, one
rejected. Every click and key press is counted (typing a word counts each character), and each
save's time is printed (run with -s); the assertions are on the count per figure and on what the
files and the Explore page show. Speed targets live in benchmarks/bench_review.py.

Two more sessions: a figure the draft missed is added by selecting its words in the report's
text, and rows ticked in the table are accepted at once, those and no others.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ruraldash import paths
from tests.browser.driver import App, read_grid, settle, start_server, stop_server
from tests.support.review_report import REPORT_NAME, REPORT_TEXT

# A port of its own (RURALDASH_REVIEW_TEST_PORT to run beside another copy of the tests).
PORT = int(os.environ.get("RURALDASH_REVIEW_TEST_PORT", "8851"))
SOURCE = "xiapu_2023"
CORRECTED = (f"{SOURCE}-015", "label", "入社农户")  # drafted as 入社
REJECTED = f"{SOURCE}-020"  # 同比增长27.5%: a growth rate, drafted as a share of income
ACCEPT_KEY = "Control+Enter"
MAX_ACTIONS_PER_FIGURE = 2.0
POSITION = re.compile(r"第 (\d+) 条，共 (\d+) 条待审核 · (\S+)")
SAVED_SECONDS = re.compile(r"（([\d.]+) 秒）")


@pytest.fixture
def added_folder(tmp_path: Path) -> Path:
    """A private copy of data/ with the report added by the command line, as a curator would."""
    data_dir = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data_dir)
    report = tmp_path / REPORT_NAME
    report.write_text(REPORT_TEXT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "ruraldash", "add", str(report), "--data", str(data_dir)]
        + ["--lang", "en"],
        cwd=paths.REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"added source {SOURCE}" in done.stdout
    return data_dir


@pytest.fixture
def curator_app(
    added_folder: Path, tmp_path: Path, browser, monkeypatch: pytest.MonkeyPatch
) -> Iterator[App]:
    """The app served to a curator from the added folder, on a port of its own."""
    monkeypatch.setenv("RURALDASH_CURATOR", "1")
    monkeypatch.setenv("RURALDASH_REVIEWER", "浏览器审核人")
    log_path = tmp_path / "server.log"
    process, url = start_server(
        tmp_path / "ruraldash.duckdb", log_path, port=PORT, data_dir=added_folder
    )
    driver = App(url, browser)
    try:
        yield driver
    finally:
        driver.close()
        stop_server(process)
    assert "Traceback" not in log_path.read_text(encoding="utf-8", errors="replace")


def _rows(data_dir: Path, name: str) -> list[dict[str, str]]:
    text = (data_dir / name).read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _position(page) -> tuple[int, str] | None:
    """The number of drafts waiting and the figure shown, or None once the queue is empty."""
    caption = page.get_by_text(POSITION)
    if caption.count() == 0:
        return None
    found = POSITION.search(caption.first.inner_text())
    return int(found.group(2)), found.group(3)


def _wait_for_next(page, shown: str) -> None:
    """Wait until the figure `shown` has left the page (saved) and the page has settled."""
    page.wait_for_function(
        "shown => !document.body.innerText.includes('· ' + shown)", arg=shown, timeout=30_000
    )
    settle(page)


def test_a_curator_reviews_an_added_report_in_about_two_actions_a_figure(
    curator_app: App, added_folder: Path
) -> None:
    drafted = _rows(added_folder, f"figures/{SOURCE}.csv")
    assert len(drafted) >= 20 and {row["review"] for row in drafted} == {"draft"}
    page = curator_app.open("review")
    actions = 0
    saves: list[tuple[str, float, float]] = []  # figure, seen in the browser (s), server (s)
    while (position := _position(page)) is not None:
        waiting, figure = position
        started = time.perf_counter()
        if figure == CORRECTED[0]:
            field = page.locator(f".st-key-review_{figure}_{CORRECTED[1]} input")
            field.click()
            page.keyboard.press("Control+a")
            page.keyboard.type(CORRECTED[2])
            actions += 2 + len(CORRECTED[2])
            started = time.perf_counter()
            page.keyboard.press(ACCEPT_KEY)
            actions += 1
        elif figure == REJECTED:
            page.locator(f".st-key-review_{figure}_reason button").first.click()
            settle(page)
            page.locator(f".st-key-review_{figure}_reject button").click()
            actions += 2
            started = time.perf_counter()
        else:
            page.keyboard.press(ACCEPT_KEY)
            actions += 1
        _wait_for_next(page, figure)
        seen = time.perf_counter() - started
        message = page.locator('[data-testid="stAlert"]').first.inner_text()
        assert "已保存" in message, message
        saves.append((figure, seen, float(SAVED_SECONDS.search(message).group(1))))
        assert waiting - 1 == ((_position(page) or (0, ""))[0])
    assert page.get_by_text("没有待审核的草稿").count() == 1

    figures = len(drafted)
    ratio = actions / figures
    server = sorted(seconds for _, _, seconds in saves)
    browser = sorted(seconds for _, seconds, _ in saves)
    print(
        f"\nreviewed {figures} figures with {actions} actions ({ratio:.2f} per figure): "
        f"{figures - 2} accepted with {ACCEPT_KEY}, 1 corrected, 1 rejected"
    )
    print(
        f"save time on the server: median {server[len(server) // 2]:.2f} s, max {server[-1]:.2f} s;"
        f" key press to next figure in the browser: median {browser[len(browser) // 2]:.2f} s, "
        f"max {browser[-1]:.2f} s"
    )
    for figure, seen, seconds in saves:
        print(f"  {figure}: server {seconds:.2f} s, browser {seen:.2f} s")
    assert ratio <= MAX_ACTIONS_PER_FIGURE

    # The files: every figure reviewed and recorded, the correction kept, the rejection listed.
    rows = {row["id"]: row for row in _rows(added_folder, f"figures/{SOURCE}.csv")}
    assert set(rows) == {row["id"] for row in drafted} - {REJECTED}
    assert {(row["review"], row["reviewed_by"]) for row in rows.values()} == {
        ("reviewed", "浏览器审核人")
    }
    assert rows[CORRECTED[0]][CORRECTED[1]] == CORRECTED[2]
    rejected = _rows(added_folder, f"notes/{SOURCE}.rejected.csv")
    assert [(row["id"], row["reason"]) for row in rejected] == [(REJECTED, "不是数据")]

    # The dashboard shows them without the drafts switch.
    explore = curator_app.open("explore", regions="xiapu")
    assert "drafts" not in explore.url
    shown = explore.get_by_text(re.compile(r"显示 \d+ / \d+ 条数据")).first.inner_text()
    assert shown.startswith(f"显示 {figures - 1} /")
    cells = [cell for row in read_grid(explore, "explore_table").rows for cell in row]
    assert CORRECTED[2] in cells and not any("未审核" in cell for cell in cells)


MISSED = "化解矛盾纠纷420起"  # its draft is removed from the file: the figure the draft missed
NO_FIGURE = "近六成"  # 六成 is no numeral the drafting reads
ROW_PX = 35  # the height of a row (and of the header) in Streamlit's data grid
# Where the mouse presses and releases to drag over `words` in the report's text.
_WORDS_IN_REPORT = """words => {
  for (const block of document.querySelectorAll('.rd-report p')) {
    const at = block.textContent.indexOf(words);
    if (at < 0) continue;
    block.scrollIntoView({block: 'center'});
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0, node;
    while ((node = walker.nextNode())) {
      const next = seen + node.data.length;
      if (seen <= at && at < next) range.setStart(node, at - seen);
      if (seen < at + words.length && at + words.length <= next) {
        range.setEnd(node, at + words.length - seen);
        break;
      }
      seen = next;
    }
    const rects = range.getClientRects();
    const first = rects[0], last = rects[rects.length - 1];
    return [first.left + 1, first.top + first.height / 2, last.right - 1,
            last.top + last.height / 2];
  }
  throw new Error('not in the report: ' + words);
}"""


def _without_draft(data_dir: Path, quote: str) -> None:
    """Remove the drafted row of `quote` from the report's figures file, as if never drafted."""
    path = data_dir / "figures" / f"{SOURCE}.csv"
    lines = path.read_bytes().decode("utf-8").splitlines(keepends=True)
    kept = [line for line in lines if f",{quote}," not in line]
    assert len(kept) == len(lines) - 1
    path.write_bytes("".join(kept).encode("utf-8"))


def _drag_over(page, words: str) -> None:
    """Select `words` in the report's text with the mouse: one press, a drag, one release."""
    x0, y0, x1, y1 = page.evaluate(_WORDS_IN_REPORT, words)
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move(x1, y1, steps=8)
    page.mouse.up()


def test_a_missed_figure_is_added_by_selecting_its_words_in_the_report(
    curator_app: App, added_folder: Path
) -> None:
    _without_draft(added_folder, MISSED)
    before = _rows(added_folder, f"figures/{SOURCE}.csv")
    page = curator_app.open("review")
    report = page.locator(".rd-report")
    assert MISSED in report.inner_text()
    marked = report.locator("mark.rd-clause").all_inner_texts()
    assert "带动村集体经济增收约2800万元" in marked and MISSED not in marked
    assert report.locator("script, img, a").count() == 0  # the report is text, never HTML

    # Words without a figure, the page says so: dragged over, then extended by the keyboard.
    _drag_over(page, NO_FIGURE[:-1])
    settle(
        page, lambda: page.get_by_text(f"在选中的文字“{NO_FIGURE[:-1]}”中没有读出数据").wait_for()
    )
    assert report.locator("mark.rd-chosen").all_inner_texts() == [NO_FIGURE[:-1]]
    page.keyboard.press("Shift+ArrowRight")
    settle(page, lambda: page.get_by_text(f"在选中的文字“{NO_FIGURE}”中没有读出数据").wait_for())
    assert page.locator(".st-key-review_selected_add").count() == 0

    # The missed figure: a drag over its words drafts it; one click adds it.
    actions = 0
    _drag_over(page, MISSED)
    actions += 1
    settle(page, lambda: page.locator(".st-key-review_selected_add").wait_for())
    assert report.locator("mark.rd-chosen").all_inner_texts() == [MISSED]
    assert page.get_by_text(f"原文语句：{MISSED}").count() == 1
    page.locator(".st-key-review_selected_add button").click()
    actions += 1
    settle(
        page,
        lambda: page.get_by_text(re.compile("已保存：通过 0 条，删除 0 条，新增 1 条")).wait_for(),
    )
    print(f"\nadded the missed figure {MISSED} with {actions} actions (a drag and a click)")
    assert actions <= MAX_ACTIONS_PER_FIGURE

    rows = _rows(added_folder, f"figures/{SOURCE}.csv")
    assert [row["id"] for row in rows[:-1]] == [row["id"] for row in before]
    added = rows[-1]
    assert (added["value"], added["unit"], added["label"], added["quote"]) == (
        "420",
        "count",
        "化解矛盾纠纷",
        MISSED,
    )
    assert (added["review"], added["reviewed_by"]) == ("reviewed", "浏览器审核人")
    assert added["id"].startswith(f"{SOURCE}-") and added["region"] == before[0]["region"]
    # The selection is done with: its clause is now marked as drafted, nothing as chosen.
    settle(page, lambda: page.locator("mark.rd-chosen").wait_for(state="detached"))
    assert MISSED in page.locator(".rd-report mark.rd-clause").all_inner_texts()


def test_rows_ticked_in_the_table_are_accepted_at_once_and_no_others(
    curator_app: App, added_folder: Path
) -> None:
    page = curator_app.open("review")
    grid = read_grid(page, _table_key(page))
    ticked = [grid.rows[1][0], grid.rows[3][0]]  # the id column of the second and fourth rows
    canvas = page.locator('[class*="st-key-review_table_"] [data-testid="data-grid-canvas"]')
    box = canvas.bounding_box()
    button = page.locator(".st-key-review_accept_selected button")
    actions = 0
    for row in (1, 3):  # each row's tick box, in the grid's first column below its header
        page.mouse.click(box["x"] + 12, box["y"] + ROW_PX * (row + 1) + ROW_PX / 2)
        actions += 1
        label = f"通过所选（{actions} 条）"
        settle(page, lambda label=label: page.get_by_text(label).wait_for())
    assert button.inner_text() == "通过所选（2 条）"
    button.click()
    actions += 1
    settle(page, lambda: page.get_by_text(re.compile("已保存：通过 2 条，删除 0 条")).wait_for())
    print(f"\naccepted {len(ticked)} ticked rows with {actions} actions")

    states = {row["id"]: row["review"] for row in _rows(added_folder, f"figures/{SOURCE}.csv")}
    assert sorted(figure for figure, state in states.items() if state == "reviewed") == ticked
    assert sum(state == "draft" for state in states.values()) == len(states) - 2
    assert _position(page)[0] == len(states) - 2


def _table_key(page) -> str:
    """The key of the table of drafts (it names the file's state, so it changes on a save)."""
    found = page.locator('[class*="st-key-review_table_"]').first.get_attribute("class")
    return next(name for name in found.split() if name.startswith("st-key-"))[len("st-key-") :]
