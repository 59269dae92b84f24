"""What each role may read, enforced here and nowhere else.

======================  ======================================================
role                    what :func:`datasets_for` returns
======================  ======================================================
``kepala_sekolah``      their own school(s), identified (names, NUPTK)
``dinas``               every school of their kabupaten/kota (or NPSN list), identified
``peneliti``            every school, de-identified (:func:`analysis.metrics.privacy.deidentified_tables`)
``admin``               nothing: accounts and the audit log only (:class:`AccessDenied`)
======================  ======================================================

Every read of identified data is written to the audit log (``view``).
Pages show teachers by name only to the kepala sekolah
(:func:`analysis.metrics.privacy.display_names`); the data layer gives a dinas account
identified rows so that its pages can still link a pseudonymous code to a teacher.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable

import pandas as pd
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from analysis.core.dataset import Dataset, ValidationReport
from analysis.core.errors import AccessDenied
from analysis.ingest.load import combine, conform, empty_tables
from analysis.metrics.privacy import deidentified_tables
from analysis.reference.wilayah import region_key
from analysis.store.audit import record
from analysis.store.engine import Store
from analysis.store.models import School, Setting, Submission, SubmissionSchool, User
from analysis.store.submissions import active_user, covers, dataset_of

#: Roles that read identified teacher rows (each read is audited).
IDENTIFIED_ROLES = ("kepala_sekolah", "dinas")
PSEUDONYM_KEY = "pseudonym_key"
#: Columns kept beside :data:`analysis.metrics.privacy.DEIDENTIFIED_COLUMNS` in a researcher's
#: dataset: derived flags and subject text the analyses need, none naming a teacher.
ANALYSIS_COLUMNS: dict[str, tuple[str, ...]] = {
    "guru": ("pendidik", "pelatihan_recorded", "mengajar", "tugas_tambahan", "jam_tugas_tambahan", "total_jjm"),
    "mengajar": ("jjm_source",),
}


def _npsn_set(npsn: str | Iterable[str] | None) -> set[str] | None:
    if npsn is None:
        return None
    return {npsn} if isinstance(npsn, str) else {str(n) for n in npsn}


def _visible_schools(s, me: User, npsn=None, kabupaten: str | None = None) -> list[School]:
    """The schools ``me`` may read that have a current submission, narrowed by ``npsn`` / ``kabupaten``.

    Raises
    ------
    AccessDenied
        For an admin, or when ``npsn`` names a school outside the scope.
    """

    if me.role == "admin":
        raise AccessDenied("administrators see accounts, not teacher data")
    wanted = _npsn_set(npsn)
    q = select(School).where(School.current_submission_id.is_not(None)).order_by(School.npsn)
    if wanted is not None:
        q = q.where(School.npsn.in_(wanted))
    schools = [sc for sc in s.scalars(q) if covers(me, sc.npsn, sc.kabupaten_kota)]
    if wanted is not None:
        have = {sc.npsn for sc in schools}
        denied = sorted(n for n in wanted if n not in have and not covers(me, n, None))
        if denied:
            raise AccessDenied(f"not in this account's scope: {', '.join(denied)}")
    if kabupaten is not None:
        key = region_key(kabupaten, "kabupaten_kota")
        schools = [sc for sc in schools if region_key(sc.kabupaten_kota, "kabupaten_kota") == key]
    return schools


def pseudonym_key(store: Store) -> str:
    """The deployment's key of pseudonymous teacher codes, made on first use and kept in the store.

    The same key gives a teacher the same code in every read and every year,
    so a researcher can follow a code over time; without it a code cannot be
    turned back into a NUPTK (:func:`analysis.metrics.privacy.pseudonym`).
    """
    with store.session() as s:
        found = s.get(Setting, PSEUDONYM_KEY)
        if found is not None:
            return found.value
    try:
        with store.session() as s, s.begin():
            s.add(Setting(key=PSEUDONYM_KEY, value=secrets.token_hex(32)))
    except IntegrityError:
        pass  # made by another process meanwhile
    with store.session() as s:
        return s.get(Setting, PSEUDONYM_KEY).value


def deidentify(ds: Dataset, key: str) -> Dataset:
    """The de-identified form of ``ds`` a researcher reads.

    Tables as :func:`analysis.metrics.privacy.deidentified_tables` gives them (no name,
    NUPTK, NIP, birth date; an age band; a pseudonymous ``kode``), with
    ``guru_id`` set to that code so the tables still link, the
    :data:`ANALYSIS_COLUMNS` the analyses need added, and every other schema
    column present but empty (``None``: no name, NUPTK, NIP, birth date), so
    the analyses run unchanged; ``kendala`` empty
    (free text). The report keeps its row counts but not its problems (a
    problem quotes the cell, which may be a NUPTK or a name).
    """

    ref = ds.reference_date()
    tables = deidentified_tables(ds.tables, ref, key=key)  # by keyword: the third positional is the old, ignored salt
    for name in ("guru", "mengajar", "pelatihan", "penilaian"):
        extra = {c: ds.tables[name][c].to_numpy() for c in ANALYSIS_COLUMNS.get(name, ()) if c in ds.tables[name]}
        tables[name] = tables[name].assign(guru_id=tables[name]["kode"], **extra)
    tables = {name: conform(df, name) for name, df in tables.items()}  # every schema column; identifying ones empty
    tables["kendala"] = empty_tables()["kendala"]
    r = ds.report
    report = ValidationReport(file=r.file, sheets=list(r.sheets), dropped_columns=list(r.dropped_columns), readable=r.readable, layout=r.layout)
    return Dataset(tables=tables, report=report, source=f"{ds.source} (de-identified)", as_of=ref)


def _combined(parts: list[Dataset]) -> Dataset:

    if not parts:
        return Dataset(tables=empty_tables(), report=ValidationReport(file="", layout="combined"), source="store")
    return combine(parts)


def datasets_for(store: Store, user: User, *, npsn: str | Iterable[str] | None = None, kabupaten: str | None = None) -> Dataset:
    """The current data of every school ``user`` may see, as one dataset.

    Parameters
    ----------
    store : Store
    user : User
        Scope by role (module docstring); re-read from the store, so a disabled
        account or a changed role takes effect at once.
    npsn : str or iterable of str, optional
        Only these schools.
    kabupaten : str, optional
        Only the schools of this kabupaten/kota (any spelling,
        :func:`analysis.reference.wilayah.region_key`).

    Returns
    -------
    Dataset
        Each school's current submission, limited to that school, put together
        with :func:`analysis.ingest.load.combine` (one submission: its dataset as
        stored, ``as_of`` its reference date). Empty tables when nothing is
        visible. De-identified for a peneliti (:func:`deidentify`).

    Raises
    ------
    AccessDenied
        For an admin, a disabled account, or an ``npsn`` outside the scope.
    """
    with store.session() as s:
        me = active_user(s, user)
        schools = _visible_schools(s, me, npsn, kabupaten)
        by_sub: dict[int, set[str]] = {}
        for sc in schools:
            by_sub.setdefault(sc.current_submission_id, set()).add(sc.npsn)
        parts = [dataset_of(s, s.get(Submission, sid), nps) for sid, nps in sorted(by_sub.items())]
    return _finish(store, me, _combined(parts), [sc.npsn for sc in schools])


def _finish(store: Store, me: User, ds: Dataset, npsns: list[str], **detail) -> Dataset:
    if me.role == "peneliti":
        return deidentify(ds, pseudonym_key(store))
    if npsns:
        record(store, me, "view", {"npsn": sorted(npsns), **detail})
    return ds


def years_for(store: Store, user: User, *, npsn: str | Iterable[str] | None = None, kabupaten: str | None = None) -> dict[tuple[str, int], Dataset]:
    """Per school × reference year, the data of that year, for trend views.

    Parameters
    ----------
    store, user, npsn, kabupaten
        As :func:`datasets_for` (same scope, same errors).

    Returns
    -------
    dict of (str, int) to Dataset
        Key ``(npsn, year of the submission's reference date)``; value the
        school's submission of that year limited to that school: the current
        one when it is of that year, else the latest stored. Schools in name
        order, years ascending. De-identified for a peneliti (one key for all
        years, so codes match across years).
    """
    with store.session() as s:
        me = active_user(s, user)
        schools = _visible_schools(s, me, npsn, kabupaten)
        current = {sc.npsn: sc.current_submission_id for sc in schools}
        rows = s.execute(
            select(SubmissionSchool.npsn, Submission.id, Submission.reference_date, Submission.uploaded_at)
            .join(Submission, Submission.id == SubmissionSchool.submission_id)
            .where(SubmissionSchool.npsn.in_(list(current)), Submission.reference_date.is_not(None))
        ).all()
        chosen: dict[tuple[str, int], tuple] = {}
        for n, sid, ref, at in rows:
            rank = (sid == current[n], at, sid)
            k = (n, ref.year)
            if k not in chosen or rank > chosen[k][0]:
                chosen[k] = (rank, sid)
        out = {k: dataset_of(s, s.get(Submission, sid), {k[0]}) for k, (_, sid) in sorted(chosen.items())}
    if me.role == "peneliti":
        key = pseudonym_key(store)
        return {k: deidentify(v, key) for k, v in out.items()}
    if out:
        record(store, me, "view", {"npsn": sorted(current), "years": sorted({y for _, y in out})})
    return out


def data_version(store: Store) -> str:
    """A token that changes whenever any school's current data changes (a cache key for pages).

    Returns
    -------
    str
        The latest change of a current pointer and the number of submissions,
        e.g. ``"2026-12-02T10:00:00+00:00/14"``; ``"empty/0"`` for an empty store.
    """
    from sqlalchemy import func

    with store.session() as s:
        latest = s.scalar(select(func.max(School.updated_at)))
        n = s.scalar(select(func.count()).select_from(Submission))
    return f"{latest.isoformat() if latest else 'empty'}/{n}"


def schools_for(store: Store, user: User) -> pd.DataFrame:
    """The schools ``user`` may see, for a picker: one row per school.

    Returns
    -------
    DataFrame
        ``npsn``, ``nama_sekolah``, ``kabupaten_kota``, ``submission_id`` (current),
        ``file_name``, ``uploaded_at`` (UTC), ``reference_date``; by NPSN.

    Raises
    ------
    AccessDenied
        For an admin or a disabled account.
    """
    with store.session() as s:
        me = active_user(s, user)
        rows = [
            (sc.npsn, sc.nama_sekolah, sc.kabupaten_kota, sc.current_submission_id, sc.current.file_name, sc.current.uploaded_at, sc.current.reference_date)
            for sc in _visible_schools(s, me)
        ]
    return pd.DataFrame(rows, columns=["npsn", "nama_sekolah", "kabupaten_kota", "submission_id", "file_name", "uploaded_at", "reference_date"])


def list_submissions(store: Store, user: User, *, npsn: str | Iterable[str] | None = None) -> pd.DataFrame:
    """Every stored submission of the schools ``user`` may see, newest first: one row per submission × school.

    Returns
    -------
    DataFrame
        ``submission_id``, ``npsn``, ``nama_sekolah``, ``file_name``, ``layout``,
        ``uploader``, ``uploaded_at`` (UTC), ``reference_date``, ``n_errors``,
        ``n_warnings``, ``rows_rejected``, ``current`` (bool: the school's current data).

    Raises
    ------
    AccessDenied
        As :func:`datasets_for`.
    """
    with store.session() as s:
        me = active_user(s, user)
        current = {sc.npsn: sc.current_submission_id for sc in _visible_schools(s, me, npsn)}
        q = (
            select(SubmissionSchool, Submission)
            .join(Submission, Submission.id == SubmissionSchool.submission_id)
            .where(SubmissionSchool.npsn.in_(list(current)))
            .order_by(Submission.uploaded_at.desc(), Submission.id.desc(), SubmissionSchool.npsn)
        )
        rows = [
            (
                sub.id,
                sc.npsn,
                sc.nama_sekolah,
                sub.file_name,
                sub.layout,
                sub.uploader.name,
                sub.uploaded_at,
                sub.reference_date,
                sub.n_errors,
                sub.n_warnings,
                sum(sh["rows_rejected"] for sh in sub.report["sheets"]),
                current[sc.npsn] == sub.id,
            )
            for sc, sub in s.execute(q).all()
        ]
    cols = [
        "submission_id",
        "npsn",
        "nama_sekolah",
        "file_name",
        "layout",
        "uploader",
        "uploaded_at",
        "reference_date",
        "n_errors",
        "n_warnings",
        "rows_rejected",
        "current",
    ]
    return pd.DataFrame(rows, columns=cols)


def load_submission(store: Store, user: User, submission_id: int) -> Dataset:
    """One stored submission (current or earlier) as ``user`` may see it: only the schools in their scope.

    Raises
    ------
    KeyError
        If there is no such submission.
    AccessDenied
        For an admin, or when none of its schools is in the scope.
    """
    with store.session() as s:
        me = active_user(s, user)
        if me.role == "admin":
            raise AccessDenied("administrators see accounts, not teacher data")
        sub = s.get(Submission, submission_id)
        if sub is None:
            raise KeyError(submission_id)
        known = {sc.npsn: sc.kabupaten_kota for sc in s.scalars(select(School).where(School.npsn.in_([x.npsn for x in sub.schools])))}
        mine = {sc.npsn for sc in sub.schools if covers(me, sc.npsn, known.get(sc.npsn) or sc.kabupaten_kota)}
        if not mine:
            raise AccessDenied(f"submission {submission_id} holds no school of this account")
        ds = dataset_of(s, sub, mine)
    return _finish(store, me, ds, sorted(mine), submission_id=submission_id)
