"""Accounts: who may log in, with which role and over which schools; password checks with lock-out.

Passwords are kept only as argon2id hashes (argon2-cffi's defaults, the
parameters RFC 9106 recommends for memory-constrained use). After
:data:`MAX_FAILED_LOGINS` wrong passwords in a row an account is locked for
:data:`LOCKOUT` (the correct password is refused too until then).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from analysis.core.errors import AuthError
from analysis.reference.wilayah import normalize_region
from analysis.store.audit import record
from analysis.store.engine import Store
from analysis.store.models import ROLES, User, utcnow

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
_NPSN = re.compile(r"^\d{8}$")
_hasher = PasswordHasher()
#: Verified against when the name is unknown, so that an unknown name takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


def add_user(store: Store, name: str, role: str, password: str, *, npsn: Iterable[str] = (), kabupaten: str | None = None, email: str | None = None) -> User:
    """Create an account.

    Parameters
    ----------
    store : Store
    name : str
        Login name, unique.
    role : {"kepala_sekolah", "dinas", "peneliti", "admin"}
    password : str
        At least :data:`MIN_PASSWORD_LENGTH` characters; only its argon2 hash is kept.
    npsn : iterable of str
        The schools (8-digit NPSN) of a kepala sekolah (required for that role),
        or the schools a dinas account is limited to.
    kabupaten : str, optional
        The kabupaten/kota of a dinas account ("Kab. Bulukumba" is kept as
        "Kabupaten Bulukumba", :func:`analysis.reference.wilayah.normalize_region`). A dinas
        account needs a kabupaten or an NPSN list.
    email : str, optional

    Returns
    -------
    User

    Raises
    ------
    ValueError
        Unknown role, a malformed NPSN, a role without the schools it needs, a
        short password, or a name already taken.
    """

    name = (name or "").strip()
    npsns = sorted({str(n).strip() for n in npsn})
    kab = normalize_region(kabupaten, "kabupaten_kota") if kabupaten else None
    if not name:
        raise ValueError("a user needs a name")
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    bad = [n for n in npsns if not _NPSN.match(n)]
    if bad:
        raise ValueError(f"an NPSN has 8 digits: {', '.join(bad)}")
    if role == "kepala_sekolah" and not npsns:
        raise ValueError("a kepala_sekolah account needs the NPSN of their school (--npsn)")
    if role == "dinas" and not (npsns or kab):
        raise ValueError("a dinas account needs a kabupaten/kota (--kabupaten) or NPSNs (--npsn)")
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValueError(f"a password has at least {MIN_PASSWORD_LENGTH} characters")
    user = User(
        name=name, role=role, npsn=npsns, kabupaten=kab, email=email, password_hash=_hasher.hash(password), disabled=False, failed_logins=0, created_at=utcnow()
    )
    try:
        with store.session() as s, s.begin():
            s.add(user)
            s.flush()
            record(store, None, "user_add", {"name": name, "role": role, "npsn": npsns, "kabupaten": kab}, session=s)
    except IntegrityError:
        raise ValueError(f"the name {name!r} is taken") from None
    return user


def list_users(store: Store) -> list[User]:
    """Every account, by name."""
    with store.session() as s:
        return list(s.scalars(select(User).order_by(User.name)))


def get_user(store: Store, name: str) -> User:
    """The account called ``name``.

    Raises
    ------
    KeyError
        If there is none.
    """
    with store.session() as s:
        user = s.scalar(select(User).where(User.name == name))
    if user is None:
        raise KeyError(name)
    return user


def disable_user(store: Store, name: str) -> User:
    """Disable an account: it can no longer log in, and the data layer refuses it.

    Raises
    ------
    KeyError
        If there is no account called ``name``.
    """
    with store.session() as s, s.begin():
        user = s.scalar(select(User).where(User.name == name))
        if user is None:
            raise KeyError(name)
        user.disabled = True
        record(store, None, "user_disable", {"name": name}, session=s)
    return user


def authenticate(store: Store, name: str, password: str, *, now: datetime | None = None) -> User:
    """Check a password; count failures and lock the account after :data:`MAX_FAILED_LOGINS`.

    Parameters
    ----------
    store : Store
    name, password : str
    now : datetime, optional
        The moment of the attempt (aware); default now (tests pass a time).

    Returns
    -------
    User
        The account, its failure count reset.

    Raises
    ------
    AuthError
        ``reason`` ``"unknown"`` (no such name), ``"disabled"``, ``"locked"``
        (until ``locked_until``, even with the right password) or
        ``"wrong_password"`` (the fifth in a row locks the account for :data:`LOCKOUT`).
        Each attempt is written to the audit log (``login`` / ``login_failed``).
    """
    now = now or utcnow()
    with store.session() as s, s.begin():
        user = s.scalar(select(User).where(User.name == name).with_for_update())
        if user is None:
            _verify(_DUMMY_HASH, password)
            record(store, None, "login_failed", {"name": name, "reason": "unknown"}, session=s)
            failure = AuthError("unknown")
        elif user.disabled:
            record(store, user, "login_failed", {"reason": "disabled"}, session=s)
            failure = AuthError("disabled")
        elif user.locked_until is not None and now < user.locked_until:
            record(store, user, "login_failed", {"reason": "locked"}, session=s)
            failure = AuthError("locked", user.locked_until)
        elif not _verify(user.password_hash, password):
            user.failed_logins += 1
            locked = None
            if user.failed_logins >= MAX_FAILED_LOGINS:
                locked = user.locked_until = now + LOCKOUT
                user.failed_logins = 0
            record(store, user, "login_failed", {"reason": "wrong_password", "locked_until": locked}, session=s)
            failure = AuthError("wrong_password", locked)
        else:
            user.failed_logins = 0
            user.locked_until = None
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            record(store, user, "login", {}, session=s)
            return user
    raise failure


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
