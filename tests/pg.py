"""The PostgreSQL side of the store tests: a fresh schema per test on the server in ``DASBOR_TEST_DATABASE_URL``.

``make test`` (and so ``.ci/run``) runs pytest through ``scripts/with_postgres.sh``,
which starts a throwaway PostgreSQL on loopback and sets that variable. Without
it the PostgreSQL tests skip on a developer's machine, and fail under ``CI=true``:
CI must never pass by not testing PostgreSQL.
"""

from __future__ import annotations

import os
import secrets

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ENV = "DASBOR_TEST_DATABASE_URL"


def in_ci() -> bool:
    """Whether this is a CI run (``CI`` set to true / 1 / yes)."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def server_url() -> str:
    """``DASBOR_TEST_DATABASE_URL``; without it the test skips, or fails under CI."""
    base = os.environ.get(ENV)
    if not base:
        if in_ci():
            pytest.fail(f"{ENV} is not set under CI: run the tests through scripts/with_postgres.sh (make test does)")
        pytest.skip(f"no PostgreSQL ({ENV} unset; make test starts one)")
    return base


@pytest.fixture
def postgresql_url():
    """A URL whose ``search_path`` is a new, empty schema, dropped after the test."""
    base = server_url()
    schema = "t_" + secrets.token_hex(6)
    admin = create_engine(base)
    with admin.begin() as c:
        c.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as c:
            c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
