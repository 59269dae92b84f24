"""Admin: the district's accounts and the audit log (view and export); no teacher data.

Thin page: accounts are :func:`analysis.store.list_users`, the log
:func:`analysis.store.audit_log` (which refuses anyone but an active
administrator); the table rows are :func:`analysis.views.admin.users_table` /
:func:`analysis.views.admin.audit_table`. Accounts are created and disabled with
``python -m analysis users`` on the server.
"""

from __future__ import annotations

import streamlit as st

from analysis import store as st_store
from analysis.i18n import t
from analysis.views import admin
from ui import auth, state, widgets

PAGE = "admin"
lang = state.get_lang()
widgets.page_header("page.admin.title", lang)
user = auth.current_user()
if user is None or user.role != "admin":
    st.error(t("admin.denied", lang), icon=":material/block:")
    st.stop()
s = auth.store()

st.header(t("admin.section.users", lang))
st.caption(t("admin.users.caption", lang))
users = admin.users_table(st_store.list_users(s))
users = users.assign(role=[t(f"role.{r}", lang) for r in users["role"]], disabled=[t("admin.yes" if d else "admin.no", lang) for d in users["disabled"]])
widgets.table(
    users,
    lang,
    {
        "name": "admin.col.name",
        "role": "admin.col.role",
        "email": "admin.col.email",
        "npsn": "admin.col.npsn",
        "kabupaten": "admin.col.kabupaten",
        "disabled": "admin.col.disabled",
        "locked_until": "admin.col.locked_until",
        "created_at": "admin.col.created_at",
    },
    key=state.key(PAGE, "users"),
)

st.header(t("admin.section.audit", lang))
actions = ["all", *st_store.ACTIONS]
action = st.selectbox(
    t("admin.audit.action", lang), actions, format_func=lambda a: t("upload.filter.all", lang) if a == "all" else a, key=state.key(PAGE, "action")
)
limit = st.number_input(t("admin.audit.limit", lang), 10, 100_000, 1000, step=100, key=state.key(PAGE, "limit"))
log = admin.audit_table(st_store.audit_log(s, user, action=None if action == "all" else action, limit=int(limit)))
st.caption(t("admin.audit.caption", lang, n=len(log)))
widgets.table(
    log, lang, {"at": "admin.col.at", "user_name": "admin.col.user", "action": "admin.col.action", "detail": "admin.col.detail"}, key=state.key(PAGE, "audit")
)
