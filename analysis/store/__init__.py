"""The shared store of a district: submissions, schools, accounts and the audit log.

SQLAlchemy 2 models (:mod:`~analysis.store.models`), Alembic migrations run on
first use (:func:`init_db`), a SQLite file with WAL by default or PostgreSQL
through ``DASBOR_DATABASE_URL`` (:mod:`~analysis.store.engine`).

Writing: :func:`submit_file` / :func:`import_path` (one transaction per file,
duplicates recognised by SHA-256 and NPSN), :func:`make_current`.
Reading, scope enforced here for every role: :func:`datasets_for`,
:func:`years_for`, :func:`schools_for`, :func:`list_submissions`,
:func:`load_submission`; :func:`data_version` to key a page's cache. Accounts: :func:`add_user`, :func:`authenticate`,
:func:`disable_user`, :func:`list_users`. Audit: :func:`record`, :func:`audit_log`.

Plain Python: never imports streamlit.
"""

from analysis.core.errors import AccessDenied, AuthError
from analysis.store.access import data_version, datasets_for, deidentify, list_submissions, load_submission, pseudonym_key, schools_for, years_for
from analysis.store.audit import ACTIONS, audit_log, record
from analysis.store.engine import Store, data_dir, database_url, init_db, make_engine, open_store
from analysis.store.models import ROLES, User
from analysis.store.submissions import SubmitResult, import_path, make_current, submit_file
from analysis.store.users import LOCKOUT, MAX_FAILED_LOGINS, add_user, authenticate, disable_user, get_user, list_users

__all__ = [
    "ACTIONS",
    "AccessDenied",
    "AuthError",
    "LOCKOUT",
    "MAX_FAILED_LOGINS",
    "ROLES",
    "Store",
    "SubmitResult",
    "User",
    "add_user",
    "audit_log",
    "authenticate",
    "data_dir",
    "data_version",
    "database_url",
    "datasets_for",
    "deidentify",
    "disable_user",
    "get_user",
    "import_path",
    "init_db",
    "list_submissions",
    "list_users",
    "load_submission",
    "make_current",
    "make_engine",
    "open_store",
    "pseudonym_key",
    "record",
    "schools_for",
    "submit_file",
    "years_for",
]
