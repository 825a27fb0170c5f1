"""Pages and addresses: a page's start, aliases, and the one shim over Streamlit's pages/ mode."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from ruraldash.language.i18n import DEFAULT_LANGUAGE, t
from ruraldash.ui.inputs import LANG_KEY, check_url_language, keep_in_url, language


def leave_pages_folder_mode() -> None:
    """Rerun through app.py's st.navigation if Streamlit runs in its old pages/ folder mode.

    Streamlit decides once per process, at its first session, that an app beside a pages/
    folder is a folder-mode app, until some run calls st.navigation. That first run would
    show the folder's file names as navigation, run a linked page without app.py, and give
    widgets other ids than all later runs. Leaving the mode and rerunning avoids all three.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def alias(url_path: str, target: st.Page) -> st.Page:
    """A hidden page at /url_path that forwards to `target` with the same query string.

    One page, one address: the reader ends up at the target's own URL, so the address bar, the
    navigation's highlight and a link shared from there are the target's.
    """

    def forward() -> None:
        st.switch_page(
            target,
            query_params=[
                (key, value) for key in st.query_params for value in st.query_params.get_all(key)
            ],
        )

    return st.Page(forward, title=target.title, url_path=url_path, visibility="hidden")


def page_start(title_key: str) -> str:
    """Write a page's title and introduction; return the language (kept in the URL as ?lang=)."""
    leave_pages_folder_mode()
    lang = language()
    if LANG_KEY not in st.session_state:
        check_url_language()
    keep_in_url(LANG_KEY, None if lang == DEFAULT_LANGUAGE else lang)
    st.title(t(title_key, lang))
    st.caption(t(f"{title_key}_intro", lang))
    return lang
