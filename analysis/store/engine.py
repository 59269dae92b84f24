"""Where the store lives and how it is opened: a SQLite file by default, PostgreSQL when shared.

Settings (environment variables):

``DASBOR_DATABASE_URL``
    SQLAlchemy URL of a shared database, e.g.
    ``postgresql+psycopg://dasbor:secret@db.example:5432/dasbor``. Unset: the
    embedded SQLite file ``$DASBOR_DATA_DIR/dasbor.sqlite3``.
``DASBOR_DATA_DIR``
    Directory of the embedded database; default ``var/`` beside ``app.py``
    (the project root, whatever the working directory; git ignores it).
``DASBOR_KEEP_ORIGINALS``
    ``1`` keeps each uploaded file's bytes with its submission; default off
    (only the validated tables are kept, never a column dropped as personal).

SQLite runs with ``journal_mode=WAL`` (readers do not block the one writer)
and ``foreign_keys=ON``. The schema is created and upgraded by the Alembic
migrations in :mod:`analysis.store.migrations`, run by :func:`init_db` when a
store is opened.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from analysis.core import paths

ENV_URL = "DASBOR_DATABASE_URL"
ENV_DATA_DIR = "DASBOR_DATA_DIR"
ENV_KEEP_ORIGINALS = "DASBOR_KEEP_ORIGINALS"
#: The project root (beside app.py).
ROOT = paths.ROOT
SQLITE_FILE = "dasbor.sqlite3"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: Key of the PostgreSQL advisory lock held while migrating (two processes starting at once migrate one after the other).
_MIGRATION_LOCK = 7_403_112


def data_dir() -> Path:
    """The directory of the embedded database: ``$DASBOR_DATA_DIR`` or ``<project>/var``."""
    return Path(os.environ.get(ENV_DATA_DIR) or ROOT / "var")


def database_url() -> str:
    """``$DASBOR_DATABASE_URL``, else the SQLite file in :func:`data_dir`."""
    return os.environ.get(ENV_URL) or f"sqlite:///{data_dir() / SQLITE_FILE}"


def keep_originals() -> bool:
    """Whether uploaded files are kept as uploaded (``DASBOR_KEEP_ORIGINALS=1``)."""
    return os.environ.get(ENV_KEEP_ORIGINALS, "").strip().lower() in {"1", "true", "yes", "ya"}


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; for SQLite the file's directory is created and the pragmas set on every connection.

    Raises
    ------
    sqlalchemy.exc.ArgumentError
        If ``url`` is not a database URL.
    """
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(u)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(u, pool_pre_ping=True)


def alembic_config(url: str | None = None):
    """The Alembic configuration of the store's migrations (no alembic.ini needed)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", (url or database_url()).replace("%", "%%"))
    return cfg


def init_db(engine: Engine) -> None:
    """Bring the database to the newest schema (``alembic upgrade head``); a no-op when it is.

    On PostgreSQL an advisory lock makes two processes that start at once
    migrate one after the other.
    """
    from alembic import command

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@dataclass
class Store:
    """An opened store: the engine, a session factory and the deployment's settings.

    Every function of :mod:`analysis.store` takes a ``Store`` first.
    """

    engine: Engine
    sessions: sessionmaker[Session]
    keep_originals: bool = False

    def session(self) -> Session:
        """A new session; use ``with store.session() as s, s.begin(): ...`` for one transaction."""
        return self.sessions()

    def close(self) -> None:
        """Release the engine's connections."""
        self.engine.dispose()


def open_store(url: str | None = None, *, keep_originals_: bool | None = None) -> Store:
    """Open (and on first use create or upgrade) the store at ``url``.

    Parameters
    ----------
    url : str, optional
        SQLAlchemy URL; default :func:`database_url`.
    keep_originals_ : bool, optional
        Keep uploaded files as uploaded; default :func:`keep_originals`.

    Returns
    -------
    Store
    """
    engine = make_engine(url or database_url())
    init_db(engine)
    keep = keep_originals() if keep_originals_ is None else keep_originals_
    return Store(engine=engine, sessions=sessionmaker(engine, expire_on_commit=False), keep_originals=keep)
