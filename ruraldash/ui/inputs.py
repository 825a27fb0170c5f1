"""The reader's language and widgets whose choices live in the URL, so a link reproduces a view."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from ruraldash.language.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from ruraldash.ui.roles import is_curator
from ruraldash.views.national_list import Places

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


def linked(key: str) -> str | None:
    """Return the value the page's link carries under `key` (None without one), for a default
    that follows another choice in the same link (a metric's category)."""
    return st.query_params.get(key)


def url_notice(text_key: str, label: str, **values: object) -> None:
    """Say in one line that a value from the link was not used (it is then dropped from it)."""
    lang = language()
    label = label.lower() if lang == "en" else label
    # The value itself is never shown: a link can carry anything.
    st.info(t(text_key, lang).format(label=label, **values), icon=":material/link_off:")


def check_url_language() -> None:
    """Say once that ?lang= holds no language of ours (?lang=EN): the default is shown."""
    wanted = st.query_params.get(LANG_KEY)
    if wanted is not None and wanted not in LANGUAGES:
        url_notice("url_value_unknown", t("url_language", language()))


def language_switch() -> str:
    """Draw the 中文 / English switch in the sidebar and return the language it sets."""
    if st.session_state.get(LANG_KEY) not in LANGUAGES:
        check_url_language()
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


def _seed(key: str, valid: list[str], fallback: str | list[str], label: str) -> None:
    """Before a widget is drawn, start it from the URL when the session has no valid value.

    A value in the URL that is not an option (a mistyped or stale link, a metric of another
    category) falls back to the default, says so once, and leaves the URL when the widget's
    value is written back.
    """
    current = st.session_state.get(key)
    if isinstance(fallback, list):
        if current is None:
            wanted = st.query_params.get_all(key)
            kept = [v for v in wanted if v in valid]
            if len(kept) < len(wanted):
                url_notice("url_values_unknown", label, count=len(wanted) - len(kept))
            st.session_state[key] = kept
        else:
            st.session_state[key] = [v for v in current if v in valid]
    elif current not in valid:
        wanted = st.query_params.get(key)
        if current is None and wanted is not None and wanted not in valid:
            url_notice("url_value_unknown", label)
        st.session_state[key] = wanted if wanted in valid else fallback


def choose(key: str, label: str, options: Mapping[str, str], default: str | None = None) -> str:
    """A select box over ids, shown by name; its choice is always kept in the URL under `key`."""
    ids = list(options)
    fallback = default if default in options else ids[0]
    _seed(key, ids, fallback, label)
    value = st.selectbox(label, ids, key=key, format_func=options.__getitem__)
    keep_in_url(key, value)  # always written: a default may change when the data does
    return value


def choose_view(key: str, label: str, options: Mapping[str, str]) -> str:
    """A segmented control over a few views; its choice is kept in the URL under `key`."""
    ids = list(options)
    _seed(key, ids, ids[0], label)
    value = st.segmented_control(
        label, ids, key=key, required=True, format_func=options.__getitem__
    )
    keep_in_url(key, value)
    return value


def choose_many(key: str, label: str, options: Mapping[str, str]) -> tuple[str, ...]:
    """A multiselect over ids, shown by name (empty = all); kept in the URL under `key`."""
    _seed(key, list(options), [], label)
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
        wanted = st.query_params.get(key)
        if wanted not in (None, "1", "0"):
            url_notice("url_switch_unknown", label)
        st.session_state[key] = wanted == "1"
    value = st.toggle(label, key=key, help=help_text)
    keep_in_url(key, "1" if value else None)
    return value


DRAFTS_KEY = "drafts"


def drafts_switch() -> bool:
    """Draw the "include unreviewed drafts" switch in the sidebar (kept in the URL as ?drafts=1).

    In a served app only a curator has it: for anyone else it is off and not drawn, whatever
    the URL says (?drafts=1 is dropped from it).
    """
    if not is_curator():
        st.session_state.pop(DRAFTS_KEY, None)
        keep_in_url(DRAFTS_KEY, None)
        return False
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


REPORT_KEY = "report"


def start_place(key: str, by_report: Mapping[str, str], default: str) -> None:
    """Before the place picker `key` is first drawn, start it where the link says: its own
    ?key=, else the region of the report a link names (?report=, as links made when a profile
    was chosen by report do), else `default`. A report that does not exist is said so."""
    if f"{key}_seeded" in st.session_state or key in st.query_params:
        return
    report = st.query_params.get(REPORT_KEY)
    if report is not None:
        if report not in by_report:
            url_notice("url_value_unknown", t("pick_report", language()))
        del st.query_params[REPORT_KEY]
    code = by_report.get(report or "", default)
    if code:
        st.query_params[key] = code


def place_picker(key: str, places: Places, lang: str) -> str:
    """Pick a place: province -> prefecture -> county, or find one by name or code.

    The deepest choice is kept in the URL under `key` ('' = the whole country); a code in the
    link that names no unit falls back to the whole country and says so, as other widgets do.
    """
    depth_keys = [f"{key}_{depth}" for depth in range(3)]
    if f"{key}_seeded" not in st.session_state:
        # _seed checks the link's code against every unit and gives the notice once.
        _seed(key, ["", *places.level], "", t("pick_place", lang))
        chain = places.chain(st.session_state.pop(key))
        for depth, depth_key in enumerate(depth_keys):
            st.session_state[depth_key] = chain[depth] if depth < len(chain) else ""
        st.session_state[f"{key}_seeded"] = True

    def jump() -> None:
        chain = places.chain(st.session_state.get(f"{key}_found") or "")
        for depth, depth_key in enumerate(depth_keys):
            st.session_state[depth_key] = chain[depth] if depth < len(chain) else ""

    def reset_below(depth: int) -> Callable[[], None]:
        def reset() -> None:
            for deeper in depth_keys[depth + 1 :]:
                st.session_state[deeper] = ""

        return reset

    search, found = st.columns(2)
    with search:
        text = st.text_input(t("place_search", lang), key=f"{key}_search")
    matches = places.search(text) if text else []
    with found:
        if text and not matches:
            st.caption(t("place_none_found", lang))
        elif matches:
            st.selectbox(
                t("place_found", lang),
                ["", *matches],
                key=f"{key}_found",
                format_func=lambda code: (
                    "—"
                    if not code
                    else f"{places.name(code, lang)} {code} · "
                    + " / ".join(places.name(c, lang) for c in places.chain(code)[:-1])
                ),
                on_change=jump,
            )
    chosen = ""
    columns = st.columns(3)
    titles = ("pick_province", "pick_prefecture", "pick_county")
    for depth, (column, depth_key) in enumerate(zip(columns, depth_keys, strict=True)):
        options = places.children.get(chosen, ())
        if depth and (not chosen or not options):
            break
        if st.session_state.get(depth_key) not in ("", *options):
            st.session_state[depth_key] = ""
        with column:
            value = st.selectbox(
                t(titles[depth], lang),
                ["", *options],
                key=depth_key,
                format_func=lambda code, above=chosen: (
                    places.name(code, lang)
                    if code
                    else (t("nation", lang) if not above else t("whole_place", lang))
                ),
                on_change=reset_below(depth),
            )
        if not value:
            break
        chosen = value
    keep_in_url(key, chosen or None)
    return chosen
