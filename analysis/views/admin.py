"""Tables of the admin page: accounts and audit entries as rows to show and export.

Reading is the store's (:func:`analysis.store.list_users`,
:func:`analysis.store.audit_log`, which refuses anyone but an administrator);
this module only turns the results into flat text columns. Never a password hash.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import pandas as pd

USER_COLUMNS = ("name", "role", "email", "npsn", "kabupaten", "disabled", "locked_until", "created_at")


def users_table(users: Iterable) -> pd.DataFrame:
    """One row per account: :data:`USER_COLUMNS`; ``npsn`` comma-joined, times as UTC text, no password hash.

    Parameters
    ----------
    users : iterable of analysis.store.User

    Returns
    -------
    DataFrame
    """
    rows = [
        {
            "name": u.name,
            "role": u.role,
            "email": u.email or "",
            "npsn": ", ".join(u.npsn or []),
            "kabupaten": u.kabupaten or "",
            "disabled": bool(u.disabled),
            "locked_until": u.locked_until.strftime("%Y-%m-%d %H:%M UTC") if u.locked_until else "",
            "created_at": u.created_at.strftime("%Y-%m-%d %H:%M UTC") if u.created_at else "",
        }
        for u in users
    ]
    return pd.DataFrame(rows, columns=list(USER_COLUMNS))


def audit_table(log: pd.DataFrame) -> pd.DataFrame:
    """The audit log (:func:`analysis.store.audit_log`) with ``at`` as UTC text and ``detail`` as compact JSON.

    Parameters
    ----------
    log : DataFrame
        One row per entry: ``at``, ``user_name``, ``action``, ``detail`` (dict).

    Returns
    -------
    DataFrame
        The same rows and columns, every value text (``user_name`` "–" for none).
    """
    out = log.copy()
    out["at"] = [a.strftime("%Y-%m-%d %H:%M:%S UTC") if a is not None else "" for a in out["at"]]
    out["user_name"] = out["user_name"].fillna("–")
    out["detail"] = [json.dumps(d, ensure_ascii=False, sort_keys=True) if d else "" for d in out["detail"]]
    return out
