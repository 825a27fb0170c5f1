"""How a reference figure's official publication and its addresses are written for a reader."""

from __future__ import annotations

from ruraldash.language.formatting import is_missing
from ruraldash.language.i18n import t
from ruraldash.language.punctuation import punctuation


def publication_text(title: object, issuer: object, published: object, lang: str) -> str:
    """Return 《title》（issuer，date） — the publication a reference figure comes from."""
    if is_missing(title) or not title:
        return ""
    return t("citation_publication", lang).format(title=title, issuer=issuer, published=published)


def address_text(source: object, read_at: object, lang: str) -> str:
    """Return the government address, and the reprint's "read at" address when there is one.

    The address comes last, so that a Markdown autolink ends with the line.
    """
    official = "" if is_missing(source) else str(source)
    reprint = "" if is_missing(read_at) else str(read_at)
    if official and reprint:
        return t("citation_official_and_reprint", lang).format(source=official, read_at=reprint)
    if reprint:
        return t("citation_reprint", lang).format(read_at=reprint)
    return t("citation_official", lang).format(source=official) if official else ""


def citation_text(
    title: object, issuer: object, published: object, source: object, read_at: object, lang: str
) -> str:
    """Return the publication and its address in one text, for a table cell."""
    parts = [publication_text(title, issuer, published, lang), address_text(source, read_at, lang)]
    return punctuation(lang).join([part for part in parts if part])
