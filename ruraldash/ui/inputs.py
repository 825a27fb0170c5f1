"""The reader's language and widgets whose choices live in the URL, so a link reproduces a view."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from ruraldash.language.i18n import DEFAULT_LANGUAGE, LANGUAGES, t

LANG_KEY = "lang"
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


def language() -> str:
    """Return the reader's language: the switch's value, else ?lang= in the URL, else Chinese."""
    value = st.session_state.get(LANG_KEY) or st.query_params.get(LANG_KEY)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def keep_in_url(key: str, value: str | list[str] | None) -> None:
    """Write a selection into the URL (?key=value, repeated for several), or drop it if empty."""
    wanted = [] if not value else [value] if isinstance(value, str) else list(value)
    if st.query_params.get_all(key) == wanted:
        return
    if wanted:
        st.query_params[key] = wanted if len(wanted) > 1 else wanted[0]
    else:
        del st.query_params[key]


def language_switch() -> str:
    """Draw the 中文 / English switch in the sidebar and return the language it sets."""
    if st.session_state.get(LANG_KEY) not in LANGUAGES:
        st.session_state[LANG_KEY] = language()
    # persist_state="session": the choice survives switching pages, where the URL is reset.
    st.sidebar.segmented_control(
        "语言 · Language",
        LANGUAGES,
        key=LANG_KEY,
        required=True,
        format_func=LANGUAGE_NAMES.__getitem__,
        persist_state="session",
    )
    return language()


def _seed(key: str, valid: list[str], fallback: str | list[str]) -> None:
    """Before a widget is drawn, start it from the URL when the session has no valid value."""
    current = st.session_state.get(key)
    if isinstance(fallback, list):
        if current is None:
            st.session_state[key] = [v for v in st.query_params.get_all(key) if v in valid]
        else:
            st.session_state[key] = [v for v in current if v in valid]
    elif current not in valid:
        wanted = st.query_params.get(key)
        st.session_state[key] = wanted if wanted in valid else fallback


def choose(key: str, label: str, options: Mapping[str, str], default: str | None = None) -> str:
    """A select box over ids, shown by name; its choice is always kept in the URL under `key`."""
    ids = list(options)
    fallback = default if default in options else ids[0]
    _seed(key, ids, fallback)
    value = st.selectbox(label, ids, key=key, format_func=options.__getitem__)
    keep_in_url(key, value)  # always written: a default may change when the data does
    return value


def choose_view(key: str, label: str, options: Mapping[str, str]) -> str:
    """A segmented control over a few views; its choice is kept in the URL under `key`."""
    ids = list(options)
    _seed(key, ids, ids[0])
    value = st.segmented_control(
        label, ids, key=key, required=True, format_func=options.__getitem__
    )
    keep_in_url(key, value)
    return value


def choose_many(key: str, label: str, options: Mapping[str, str]) -> tuple[str, ...]:
    """A multiselect over ids, shown by name (empty = all); kept in the URL under `key`."""
    _seed(key, list(options), [])
    value = st.multiselect(
        label,
        list(options),
        key=key,
        format_func=options.__getitem__,
        placeholder=t("all", language()),
    )
    keep_in_url(key, value)
    return tuple(value)


def switch(key: str, label: str, help_text: str | None = None) -> bool:
    """A toggle kept in the URL as ?key=1."""
    if key not in st.session_state:
        st.session_state[key] = st.query_params.get(key) == "1"
    value = st.toggle(label, key=key, help=help_text)
    keep_in_url(key, "1" if value else None)
    return value


DRAFTS_KEY = "drafts"


def drafts_switch() -> bool:
    """Draw the "include unreviewed drafts" switch in the sidebar (kept in the URL as ?drafts=1)."""
    if DRAFTS_KEY not in st.session_state:
        st.session_state[DRAFTS_KEY] = st.query_params.get(DRAFTS_KEY) == "1"
    value = st.sidebar.toggle(
        t("include_drafts", language()), key=DRAFTS_KEY, help=t("include_drafts_help", language())
    )
    keep_in_url(DRAFTS_KEY, "1" if value else None)
    if value:  # counts and coverage include drafts too: say so beside the switch
        st.sidebar.warning(t("drafts_shown", language()))
    return value


def search_box(key: str, label: str) -> str:
    """A free-text search box kept in the URL under `key`."""
    if key not in st.session_state:
        st.session_state[key] = st.query_params.get(key, "")
    value = st.text_input(label, key=key, placeholder=t("search_placeholder", language()))
    keep_in_url(key, value.strip() or None)
    return value.strip()
