"""The audit log: who logged in, uploaded, viewed or downloaded identified data, and when.

Data about teachers is personal data (UU 27/2022 on personal data protection):
every view or download of identified teacher rows is recorded, and so is every
login, failed login, upload, refused upload, change of a school's current data
and change of an account. Only administrators read the log.
"""

from __future__ import annotations

import json

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.core.errors import AccessDenied
from analysis.store.engine import Store
from analysis.store.models import AuditEntry, User, utcnow

#: Actions the store records; a page may record others (``download`` is the UI's).
ACTIONS = ("login", "login_failed", "upload", "upload_refused", "view", "download", "make_current", "user_add", "user_disable")


def _json_safe(detail: dict | None) -> dict:
    return json.loads(json.dumps(detail or {}, default=str))


def record(store: Store, user: User | None, action: str, detail: dict | None = None, *, session: Session | None = None) -> None:
    """Write one audit entry.

    Parameters
    ----------
    store : Store
    user : User or None
        Who did it; ``None`` when no account is known (a login with an unknown
        name: put the name in ``detail``).
    action : str
        One of :data:`ACTIONS` (or a page's own, e.g. ``"download"``).
    detail : dict, optional
        JSON-ready facts (NPSNs, submission id, file name); values that are not
        JSON (dates) are written as text.
    session : Session, optional
        Join this session's transaction (an upload and its entry commit together);
        default: a transaction of its own.
    """
    entry = AuditEntry(at=utcnow(), user_id=getattr(user, "id", None), user_name=getattr(user, "name", None), action=action, detail=_json_safe(detail))
    if session is not None:
        session.add(entry)
        return
    with store.session() as s, s.begin():
        s.add(entry)


def audit_log(store: Store, user: User, *, action: str | None = None, limit: int = 1000) -> pd.DataFrame:
    """The latest audit entries, newest first, for an administrator.

    Parameters
    ----------
    store : Store
    user : User
        Must be an ``admin`` account that is not disabled.
    action : str, optional
        Only entries of this action.
    limit : int
        At most this many entries.

    Returns
    -------
    DataFrame
        One row per entry: ``at`` (UTC), ``user_name``, ``action``, ``detail`` (dict).

    Raises
    ------
    AccessDenied
        If ``user`` is not an active administrator.
    """
    with store.session() as s:
        me = s.get(User, user.id)
        if me is None or me.disabled or me.role != "admin":
            raise AccessDenied("only administrators read the audit log")
        q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if action is not None:
            q = q.where(AuditEntry.action == action)
        rows = [(e.at, e.user_name, e.action, e.detail) for e in s.scalars(q)]
    return pd.DataFrame(rows, columns=["at", "user_name", "action", "detail"])
