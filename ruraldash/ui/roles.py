"""Who may curate. Locally, as before (RURALDASH_CURATOR=1 may add reports and review, anyone
may show drafts). In a served app, only a signed-in curator: OIDC sign-in (st.login, the [auth]
section of .streamlit/secrets.toml) and RURALDASH_CURATORS naming addresses or groups
("group:NAME"); a curator adds and reviews only into the curation folder RURALDASH_DATA names
(paths.curation_dir), which `release` publishes. Without sign-in configured a served app is
read-only for everyone.
"""

from __future__ import annotations

import os

import streamlit as st

from ruraldash import paths
from ruraldash.language.i18n import t


def served() -> bool:
    """True in a served app (RURALDASH_MODE=served)."""
    return paths.served_release() is not None


def sign_in_configured() -> bool:
    """True when .streamlit/secrets.toml (or st.App's secrets) has an [auth] section."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return False


def curators() -> tuple[set[str], set[str]]:
    """Return the curators named in $RURALDASH_CURATORS: (addresses, groups), lower case."""
    named = [part.strip().lower() for part in os.environ.get("RURALDASH_CURATORS", "").split(",")]
    groups = {name.removeprefix("group:") for name in named if name.startswith("group:")}
    return {name for name in named if name and not name.startswith("group:")}, groups


def is_curator() -> bool:
    """True if this session may see drafts and add reports (see the module's docstring)."""
    if not served():
        return True
    if not sign_in_configured() or not st.user.is_logged_in:
        return False
    addresses, groups = curators()
    email = str(st.user.get("email") or "").lower()
    claimed = st.user.get("groups") or []
    in_group = (
        {str(group).lower() for group in claimed} & groups if isinstance(claimed, list) else set()
    )
    return bool(email and email_verified() and email in addresses) or bool(in_group)


def email_verified() -> bool:
    """False only when the provider says the address is not verified."""
    return st.user.get("email_verified") is not False


def may_curate() -> bool:
    """True if this session may add reports and review drafts, writing to paths.curation_dir.

    Locally when started for curation (RURALDASH_CURATOR=1). In a served app a signed-in
    curator, and only when RURALDASH_DATA names a writable curation folder.
    """
    if served():
        return is_curator() and paths.curation_dir() is not None
    from ruraldash.draft import add  # the draft layer only where curating is asked about

    return add.curator_mode()


def read_only_reason(lang: str, otherwise: str) -> str:
    """Why this session may not add or review: in a served app, a curator's missing curation
    folder or (on the review page) a reader's role; else the text under `otherwise`."""
    if served() and is_curator():
        return t("curation_not_configured", lang)
    if served() and otherwise == "review_curators_only":
        return t("review_sign_in", lang)
    return t(otherwise, lang)


def sign_in_box(lang: str) -> None:
    """In a served app with sign-in configured: a sign-in button, or who is signed in."""
    if not served() or not sign_in_configured():
        return
    if not st.user.is_logged_in:
        if st.sidebar.button(t("sign_in", lang), key="sign_in", icon=":material/login:"):
            st.login()
        return
    role = t("role_curator" if is_curator() else "role_reader", lang)
    name = str(st.user.get("name") or st.user.get("email") or "")
    st.sidebar.caption(t("signed_in_as", lang).format(name=name, role=role))
    if st.sidebar.button(t("sign_out", lang), key="sign_out", icon=":material/logout:"):
        st.logout()
