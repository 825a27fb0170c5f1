"""Pages and addresses: a page's start, aliases, the not-found page, Back, and the pages/ shim."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from urllib.parse import urlsplit

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import RerunData, RerunException, get_script_run_ctx

from ruraldash.language.i18n import DEFAULT_LANGUAGE, t
from ruraldash.ui.inputs import LANG_KEY, check_url_language, keep_in_url, language
from ruraldash.ui.roles import may_curate

# Streamlit 1.67's frontend writes a page's first query parameters (?lang=en) into the address
# bar before it moves the bar to that page, so a page switch leaves an entry "old page with the
# new page's parameters" in the history, and Back lands there with the old page's selection
# lost. This holds such a same-page entry back briefly and drops it when the move to another
# page follows at once (that move carries the parameters); any other entry is pushed as is.
_HISTORY_FIX = """<script>
(() => {
  const w = window.parent && window.parent.history ? window.parent : window;
  if (w.__ruraldashHistory) return;
  w.__ruraldashHistory = true;
  const push = w.history.pushState.bind(w.history);
  let held = null;
  const path = (url) => new URL(url, w.location.href).pathname;
  w.history.pushState = (state, title, url) => {
    if (url === undefined || url === null) return push(state, title, url);
    if (held) { clearTimeout(held.timer); if (path(url) === held.path) held.flush(); held = null; }
    if (path(url) !== w.location.pathname) return push(state, title, url);
    const entry = { path: path(url) };
    entry.flush = () => push(state, title, url);
    entry.timer = setTimeout(() => { held = null; entry.flush(); }, 400);
    held = entry;
  };
})();
</script>"""


def keep_history_clean() -> None:
    """Make Back after a page switch return to the previous view (see _HISTORY_FIX)."""
    st.sidebar.html(_HISTORY_FIX, unsafe_allow_javascript=True, width="content")


def is_curator() -> bool:
    """True when this session may curate (review, add): ui.roles decides, locally and served."""
    return may_curate()


def leave_pages_folder_mode() -> None:
    """Rerun through app.py's st.navigation if Streamlit runs in its old pages/ folder mode.

    Streamlit decides once per process, at its first session, that an app beside a pages/
    folder is a folder-mode app, until some run calls st.navigation. That first run would
    show the folder's file names as navigation, run a linked page without app.py, and give
    widgets other ids than all later runs. Leaving the mode and rerunning avoids all three.

    The rerun asks for the page by the address the browser asked for: in folder mode an
    address with no file in pages/ (an alias such as /compare_regions) was already resolved to
    the main page, and st.rerun() alone would keep that, so the first old link a fresh server
    got would open the Overview.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        ctx = get_script_run_ctx()
        asked = _asked_path()
        if ctx is None or not asked:
            st.rerun()
        # A page hash would win over the name: the name alone picks the page by its address.
        raise RerunException(
            RerunData(query_string=ctx.query_string, page_name=asked, context_info=ctx.context_info)
        )


def alias(
    url_path: str,
    target: st.Page,
    params: Callable[[list[tuple[str, str]]], list[tuple[str, str]]] | None = None,
) -> st.Page:
    """A hidden page at /url_path that forwards to `target` with the same query string, read
    through `params` where an old page's parameters mean something else on the target.

    One page, one address: the reader ends up at the target's own URL, so the address bar, the
    navigation's highlight and a link shared from there are the target's.
    """

    def forward() -> None:
        pairs = [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]
        st.switch_page(target, query_params=params(pairs) if params else pairs)

    return st.Page(forward, title=target.title, url_path=url_path, visibility="hidden")


_GO_TO = "_ruraldash_go_to"


def follow(page: str | None, selection: Mapping[str, str]) -> None:
    """From a callback: open `page` with `selection` in its URL, or select it on this page.

    A callback may set widget values but not switch pages, so a switch waits for the run
    that follows the callback (page_start makes it).
    """
    for key, value in selection.items():
        st.session_state[key] = value
    if page is not None:
        st.session_state[_GO_TO] = (page, dict(selection))


def _asked_path() -> str:
    """Return the address the reader's browser asked for, below the app's base: "" for home.

    st.context.url is the browser's address without its query string, as the frontend sent it
    for this run; the base path (server.baseUrlPath) is where the app itself is served.
    """
    path = urlsplit(st.context.url or "").path.strip("/")
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    if base and (path == base or path.startswith(f"{base}/")):
        path = path[len(base) :].strip("/")
    return path


def not_found(known: Collection[str], home: st.Page) -> list[st.Page]:
    """A hidden page at the unknown address a reader asked for, saying so in their language.

    Given an address no page has, st.navigation would run the default page and the browser
    would show Streamlit's own English "Page not found" dialog, which no option translates.
    Declaring the asked-for address as a page of its own keeps the reader on a page that
    explains, in their language, with a link to the overview.
    """
    asked = _asked_path()
    if not asked or asked in known or not re.fullmatch(r"[A-Za-z0-9_-]{1,80}", asked):
        return []

    def explain() -> None:
        lang = language()
        st.title(t("not_found_title", lang))
        st.markdown(t("not_found_text", lang).format(path=asked))
        st.page_link(home, label=t("not_found_link", lang), icon=":material/dashboard:")

    return [
        st.Page(
            explain, title=t("not_found_title", language()), url_path=asked, visibility="hidden"
        )
    ]


def page_start(title_key: str) -> str:
    """Write a page's title and introduction; return the language (kept in the URL as ?lang=)."""
    leave_pages_folder_mode()
    going = st.session_state.pop(_GO_TO, None)
    if going is not None:
        st.switch_page(going[0], query_params=going[1])
    lang = language()
    if LANG_KEY not in st.session_state:
        check_url_language()
    keep_in_url(LANG_KEY, None if lang == DEFAULT_LANGUAGE else lang)
    st.title(t(title_key, lang))
    st.caption(t(f"{title_key}_intro", lang))
    return lang
