"""Normalise Chinese report text: simplified characters, no pinyin, half-width digits and punctuation."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

# A pinyin annotation is a parenthesised run of lower-case Latin letters with tone marks: 堅(jiān)持.
_PINYIN = re.compile(r"\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+)\)")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalise(text: str) -> str:
    """Return the text folded to half-width, in simplified characters, without pinyin annotations."""
    folded = unicodedata.normalize("NFKC", text)
    without_pinyin = _PINYIN.sub("", folded)
    return _converter().convert(without_pinyin)


def match_key(text: str) -> str:
    """Return the form used to find a quote in a report: normalised, with all white space removed."""
    return _SPACE.sub("", normalise(text))
