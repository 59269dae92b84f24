"""Who is using the app: demo mode, local accounts, or OpenID Connect (``st.login``).

Three modes, decided on every run (:func:`mode`):

``oidc``
    ``[auth]`` is configured in Streamlit secrets (``.streamlit/secrets.toml``):
    the user logs in with ``st.login`` at the district's identity provider; the
    e-mail of ``st.user`` is looked up among the store's accounts
    (:func:`analysis.store.list_users`), whose row gives the role and scope. An
    e-mail without an account sees a "no account" message and nothing else.
``local``
    The store has accounts (``python -m analysis users add``): a login form
    checks the name and password against the store's argon2 hashes
    (:func:`analysis.store.authenticate`, which also locks an account after
    repeated failures).
``demo``
    No account and no ``[auth]``: the bundled sample data only, a role
    selector to try each view, and a banner saying so. ``make run`` binds the
    server to 127.0.0.1 so a demo is not reachable from the network.

Outside demo mode the role and scope come from the store's row of the logged
in account, re-read on every run (a disabled account is logged out at once),
never from a widget or the URL.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from analysis import store as st_store
from analysis.i18n import t
from ui.text import plain

#: Session key of the local account's name (the row is re-read every run).
_LOGIN = "auth_user_name"


@st.cache_resource(show_spinner=False)
def _open(url: str) -> st_store.Store:
    # An engine and a session factory: no user data (every read goes to the database).
    return st_store.open_store(url)


def store() -> st_store.Store | None:
    """The district's store, or ``None`` when there is none yet (an embedded SQLite file not created).

    Opening never creates a database: a fresh checkout stays in demo mode
    without writing ``var/``.
    """
    from sqlalchemy.engine import make_url

    url = st_store.database_url()
    u = make_url(url)
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:" and not Path(u.database).is_file():
        return None
    return _open(url)


def oidc_configured() -> bool:
    """Whether ``[auth]`` is set in Streamlit secrets (then ``st.login`` is the way in)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


_MODE = "auth_mode_this_run"


def new_run() -> None:
    """Forget the mode found on the previous run (``app.py`` calls it first on every run): accounts added since count."""
    st.session_state.pop(_MODE, None)


def mode() -> str:
    """``"oidc"``, ``"local"`` or ``"demo"`` (module docstring); found once per run (:func:`new_run`).

    Every page asks several times a run (sidebar, header, role, dataset); each
    answer would otherwise query the store's users table.
    """
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    in_run = get_script_run_ctx(suppress_warning=True) is not None  # outside a run (a unit test) nothing is remembered
    found = st.session_state.get(_MODE) if in_run else None
    if found is not None:
        return found
    if oidc_configured():
        found = "oidc"
    else:
        s = store()
        found = "local" if s is not None and st_store.list_users(s) else "demo"
    if in_run:
        st.session_state[_MODE] = found
    return found


def is_demo() -> bool:
    """Whether the app runs in demo mode (sample data, role selector, no accounts)."""
    return mode() == "demo"


def _by_email(s: st_store.Store, email: str | None) -> st_store.User | None:
    if not email:
        return None
    want = email.strip().lower()
    found = [u for u in st_store.list_users(s) if (u.email or "").strip().lower() == want and not u.disabled]
    return found[0] if len(found) == 1 else None  # two accounts with one e-mail: neither (ambiguous)


def current_user() -> st_store.User | None:
    """The logged-in account as the store has it now, or ``None`` (demo, not logged in, unknown e-mail, disabled)."""
    m = mode()
    if m == "demo":
        return None
    s = store()
    if m == "oidc":
        if s is None or not st.user.is_logged_in:
            return None
        return _by_email(s, st.user.get("email"))
    name = st.session_state.get(_LOGIN)
    if not name:
        return None
    try:
        user = st_store.get_user(s, name)
    except KeyError:
        user = None
    if user is None or user.disabled:
        st.session_state.pop(_LOGIN, None)
        return None
    return user


def gate(lang: str) -> st_store.User | None:
    """Stop the run with a login form (or the OIDC login button, or "no account") until someone is logged in.

    Returns the logged-in account, or ``None`` in demo mode. Call it after a
    hidden ``st.navigation`` of the pages, so that a link to a page
    (``/profil-sekolah?npsn=…``) opens that page once the user has logged in.
    """
    m = mode()
    if m == "demo":
        return None
    user = current_user()
    if user is not None:
        return user
    if m == "oidc":
        st.title(t("app.title", lang))
        if st.user.is_logged_in:
            st.error(t("auth.no_account", lang, email=_plain(st.user.get("email") or "–")), icon=":material/no_accounts:")
            st.button(t("auth.logout", lang), on_click=st.logout, key="auth_logout_unknown")
        else:
            st.write(t("auth.oidc.intro", lang))
            st.button(t("auth.oidc.login", lang), on_click=st.login, type="primary", key="auth_oidc_login")
        st.stop()
    st.title(t("app.title", lang))
    if _login_form(lang) is not None:
        st.rerun()  # the rerun opens the page the link asked for (app.py registered its URL path)
    st.stop()


def _login_form(lang: str) -> st_store.User | None:
    with st.form("auth_login"):
        st.subheader(t("auth.login.header", lang))
        name = st.text_input(t("auth.login.name", lang), key="auth_name")
        password = st.text_input(t("auth.login.password", lang), type="password", key="auth_password")
        sent = st.form_submit_button(t("auth.login.submit", lang), type="primary")
    if not sent:
        return None
    try:
        user = st_store.authenticate(store(), name.strip(), password)
    except st_store.AuthError as exc:
        # One message whatever the reason (unknown name, wrong password, disabled), so
        # a name cannot be probed; a lock-out says until when.
        if exc.reason == "locked" or exc.locked_until is not None:
            st.error(t("auth.login.locked", lang, minutes=int(st_store.LOCKOUT.total_seconds() // 60)), icon=":material/lock:")
        else:
            st.error(t("auth.login.failed", lang), icon=":material/error:")
        return None
    st.session_state[_LOGIN] = user.name
    return user


def logout() -> None:
    """End the session's login (local account), or the OIDC login (``st.logout``)."""
    st.session_state.pop(_LOGIN, None)
    for k in [k for k in st.session_state if str(k).startswith("app_scoped")]:
        st.session_state.pop(k, None)
    if mode() == "oidc":
        st.logout()


def account_box(container, lang: str, user: st_store.User) -> None:
    """Who is logged in, with which role and scope, and the logout button (sidebar)."""
    scope = ", ".join(user.npsn or []) or (user.kabupaten or "")
    if user.role == "dinas" and user.kabupaten:
        scope = user.kabupaten
    container.markdown(t("auth.logged_in", lang, name=_plain(user.name), role=t(f"role.{user.role}", lang)))
    if scope and user.role in ("kepala_sekolah", "dinas"):
        container.caption(t("auth.scope", lang, scope=_plain(scope)))
    container.button(t("auth.logout", lang), on_click=logout, icon=":material/logout:", key="auth_logout")


def _plain(text: str) -> str:

    return plain(text)
