"""Split curated text written in both languages ("中文。English.") into its two parts."""

from __future__ import annotations

import re

# Two Latin words in a row make a segment English: "Same sentence as …". One word alone
# (an id such as more_than, or "t") sits inside a Chinese sentence.
_ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*[ ,;:]+\(?[A-Za-z][A-Za-z'’-]*")
_HAN = re.compile(r"[\u3400-\u9fff]")
# A segment ends after 。, after ". " / "." at the end (not 1.8万) or after a Chinese clause that
# an English one follows directly.
_SEGMENT_END = re.compile(r"(?<=。)|(?<=\.)(?=\s|$)")
# "中文 (English)": a trailing ASCII parenthesis holding the English rendering.
_TRAILING_PARENTHESIS = re.compile(r"^(?P<zh>.*?)\s*\((?P<en>[^()]*)\)\s*$", re.DOTALL)


def is_english(text: str) -> bool:
    """Return True when `text` reads as English: it holds a run of two Latin words."""
    return bool(_ENGLISH_RUN.search(text))


def language_of(text: str) -> str:
    """Return "en", "zh" or "" (neither: digits and signs only) for one segment of text."""
    if is_english(text):
        return "en"
    return "zh" if _HAN.search(text) else ""


def _segments(text: str) -> list[str]:
    """Return the sentences of `text`, each with its closing mark, without surrounding spaces."""
    return [part.strip() for part in _SEGMENT_END.split(text) if part.strip()]


def split_bilingual(text: str) -> tuple[str, str]:
    """Return (Chinese, English) parts of a curated text; a part the text lacks is "".

    "中文 (English)" splits at the trailing parenthesis; otherwise each sentence goes to the
    language it is written in, in order, and a sentence of neither (=81+103.) goes to both.
    """
    text = text.strip()
    if not text:
        return "", ""
    match = _TRAILING_PARENTHESIS.match(text)
    if match and _HAN.search(match["zh"]) and not is_english(match["zh"]):
        if is_english(match["en"]) or not _HAN.search(match["en"]):
            return match["zh"].strip(), match["en"].strip()
    chinese: list[str] = []
    english: list[str] = []
    for segment in _segments(text):
        language = language_of(segment)
        if language != "en":
            chinese.append(segment)
        if language != "zh":
            english.append(segment)
    if not any(_HAN.search(part) or is_english(part) for part in chinese):
        chinese = []  # only signs and digits left: nothing a Chinese reader needs
    if not any(is_english(part) for part in english):
        english = []
    # Chinese sentences run on; one that ends in an ASCII full stop (= 18000.) needs a space.
    joined = "".join(part + (" " if part.endswith(".") else "") for part in chinese).strip()
    return joined, " ".join(english)


def in_language(text: object, other: object, lang: str) -> str:
    """Return the text of `lang` (zh, en) from a (Chinese, English) pair: "" when it has none."""
    chosen = other if lang == "en" else text
    return "" if chosen is None or chosen != chosen else str(chosen)  # None or NaN: none


def markdown_in_language(markdown: str, lang: str) -> str:
    """Return a bilingual Markdown document with only the lines of `lang` (and the neutral ones).

    Curation notes write a Chinese line and its English line in turn; a heading "报告日期 ·
    Dating" keeps the half of its language. Code spans and blocks are kept as they are.
    """
    kept: list[str] = []
    in_code = False
    bullet = ""  # the list marker of a line left out, for its indented translation below
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
            kept.append(line)
            continue
        if in_code or not line.strip():
            kept.append(line)
            bullet = ""
            continue
        kept_line = _line_in_language(line, lang)
        if kept_line is None:
            marker = re.match(r"^(\s*[-*]\s)", line)
            bullet = marker[1] if marker else ""
            continue
        if bullet and line.startswith("  ") and not line.lstrip().startswith(("-", "*")):
            kept_line = bullet + kept_line.lstrip()
        bullet = ""
        kept.append(kept_line)
    return "\n".join(kept)


def _half_language(text: str) -> str:
    """Return the language of a short title half: Han characters are Chinese, letters English."""
    if _HAN.search(text):
        return "zh"
    if re.fullmatch(r"[A-Za-z0-9_./-]*[0-9_][A-Za-z0-9_./-]*", text.strip()):
        return ""  # an id (putian_2022) reads the same in both languages
    return "en" if re.search("[A-Za-z]", text) else ""


def _without_code(text: str) -> str:
    return re.sub(r"`[^`]*`", "", text)


def _line_in_language(line: str, lang: str) -> str | None:
    """Return the part of one Markdown line in `lang`, or None to leave the line out."""
    marker = re.match(r"^(\s*(?:#+\s|[-*]\s|\d+\.\s|\|)?)", line)
    prefix = marker[1] if marker else ""
    body = line[len(prefix) :]
    if " · " in body and not body.startswith("|"):
        halves = body.split(" · ")
        chosen = [half for half in halves if _half_language(_without_code(half)) in ("", lang)]
        if chosen and len(chosen) < len(halves):
            return prefix + " · ".join(chosen)
    if body.startswith("|") or prefix.strip() == "|":
        return line  # a table row: its columns are labelled, keep it whole
    zh, en = split_bilingual(_mask_code(body))
    zh, en = _unmask_code(zh, body), _unmask_code(en, body)
    chosen_text = en if lang == "en" else zh
    if not chosen_text:
        return None if (zh or en) else line
    return prefix + chosen_text


_CODE_SPAN = re.compile(r"`[^`]*`")


def _mask_code(text: str) -> str:
    """Replace each code span by a neutral placeholder so its words do not count as English."""
    return _CODE_SPAN.sub(lambda m: f"\x00{_CODE_SPAN.findall(text).index(m[0])}\x00", text)


def _unmask_code(text: str, original: str) -> str:
    spans = _CODE_SPAN.findall(original)
    return re.sub("\x00(\\d+)\x00", lambda m: spans[int(m[1])], text)
