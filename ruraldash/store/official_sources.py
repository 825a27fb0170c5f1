"""The one rule for where a reference figure may come from: an official publication, by address.

A reference figure (population, area …) is a denominator, so it comes from official statistics
only: a census bulletin, a 统计公报 or a 统计年鉴, named by title, issuing office and date. Its
`source` is the publication's address on a government site. Where that page cannot be opened,
the address its text was read at goes in `read_at`: a reprint, shown as such. An encyclopedia
mirror or a content site that names no official publication is no source at all.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ruraldash.language.messages import Message, message
from ruraldash.store.declarations import ReferenceFigure
from ruraldash.store.problems import quoted

# Hosts of government sites: the State Council's domain and every office under it.
GOVERNMENT_HOSTS = ("gov.cn",)


def _host(address: str) -> str | None:
    """Return the host of an http(s) address, or None when `address` is not one."""
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.lower()


def is_government_address(address: str) -> bool:
    """True for an http(s) address on a government host (tjj.shaoyang.gov.cn …)."""
    host = _host(address)
    return host is not None and any(
        host == suffix or host.endswith("." + suffix) for suffix in GOVERNMENT_HOSTS
    )


def source_problems(figure: ReferenceFigure) -> list[tuple[str | None, Message]]:
    """Return (field, message) for each way the figure's addresses break the rule."""
    problems: list[tuple[str | None, Message]] = []
    if figure.source and not is_government_address(figure.source):
        problems.append(("source", message("problem_not_government", value=quoted(figure.source))))
    if figure.read_at and _host(figure.read_at) is None:
        problems.append(("read_at", message("problem_not_http", value=quoted(figure.read_at))))
    if not (figure.source or figure.read_at):
        problems.append((None, message("problem_needs_source")))
    return problems
