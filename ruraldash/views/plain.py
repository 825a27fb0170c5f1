"""Curated and user text shown as text: escaped for Markdown elements and for plotly's HTML."""

from __future__ import annotations

import re

import pandas as pd

# Every ASCII punctuation mark CommonMark lets a backslash escape, plus what Streamlit's
# Markdown adds on top: $ (LaTeX), : (emoji, icons, :red[colour]), ~ (strike-through).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'])")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)[^)]*\)")
_BARE_URL = re.compile(r"(?<![`(<])\b(?:https?|ftp)://[^\s)>`]+|\bwww\.[^\s)>`]+")
_HTML_TAG = re.compile(r"<(/?[A-Za-z][^>]*)>")


def markdown_text(text: object) -> str:
    """Return `text` escaped so that a Markdown element shows it exactly, as one line of text:
    no emphasis, link, image, heading, list, LaTeX or HTML can come out of it."""
    flat = " ".join(str(text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def markdown_code(identifier: str) -> str:
    """Return an id as a Markdown code span (shown verbatim), or escaped text if it could
    close one (it holds a backtick) or is empty."""
    return f"`{identifier}`" if identifier and "`" not in identifier else markdown_text(identifier)


def hover_text(text: object) -> str:
    """Return `text` for plotly labels and hover boxes, which read a small HTML subset:
    &, < and > written as entities so that no tag or link can come out of it."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def tame_markdown(document: str) -> str:
    """Return a curated Markdown document with what would reach outside made inert: images
    become their alt text, links their text followed by the address as code, bare addresses
    code, and HTML tags code, so that showing it loads nothing and links nowhere."""
    document = _IMAGE.sub(lambda m: f"[{m.group(1) or 'image'}]", document)
    document = _LINK.sub(lambda m: f"{m.group(1)} (`{m.group(2)}`)", document)
    document = _BARE_URL.sub(lambda m: f"`{m.group(0)}`", document)
    return _HTML_TAG.sub(lambda m: f"`<{m.group(1)}>`", document)


def shown_quotes(frame: pd.DataFrame) -> pd.Series:
    """Return each figure's quote as its report writes it (full-width ，：where the report has
    them), or the stored normalised quote where the report's form is not known."""
    if "quote_shown" not in frame:
        return frame["quote"]
    return frame["quote_shown"].where(frame["quote_shown"].notna(), frame["quote"])
