"""Storing uploads: one file is one submission, written in one transaction.

A submission keeps the file's name, SHA-256, layout, uploader, time (UTC),
reference date, the validation report (every problem as JSON, with its code
and parameters, so it can be shown in either language) with its row counts
per sheet, and the validated tables (:mod:`analysis.store.frames`). Columns
the import dropped as personal are never in those tables. The file itself is
kept only when the deployment opts in (``DASBOR_KEEP_ORIGINALS=1``).

The **current** data of a school is the submission its ``schools`` row
points to: the latest stored one, unless an earlier one was made current
again (:func:`make_current`).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from analysis.core.dataset import TABLES, Dataset, Problem, SheetReport, ValidationReport
from analysis.core.errors import AccessDenied
from analysis.i18n import t
from analysis.ingest.load import empty_tables, load_file
from analysis.reference.wilayah import region_key
from analysis.store import frames
from analysis.store.audit import _json_safe, record
from analysis.store.engine import Store
from analysis.store.models import School, Submission, SubmissionSchool, SubmissionSheet, SubmissionTable, User, utcnow

log = logging.getLogger(__name__)

#: Roles that may upload: a school head for their own schools, a district officer for the schools of their kabupaten/kota.
UPLOADERS = ("kepala_sekolah", "dinas")
#: File types a folder import picks up.
IMPORT_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt", ".json")


@dataclass(frozen=True)
class SubmitResult:
    """What became of one file.

    Attributes
    ----------
    file : str
    status : {"stored", "duplicate", "refused"}
        ``duplicate``: the same bytes for the same schools were stored before;
        ``submission_id`` is that earlier submission.
    submission_id : int or None
    npsn : tuple of str
        The schools in the file (empty when it could not be read).
    reason : str or None
        String-table key of why a file was refused (``store.refused.*``).
    params : dict
        Values for the reason's message.
    rows_rejected : int
    """

    file: str
    status: str
    submission_id: int | None = None
    npsn: tuple[str, ...] = ()
    reason: str | None = None
    params: dict = field(default_factory=dict)
    rows_rejected: int = 0

    def message(self, lang: str = "id") -> str:
        """One line for the user: stored / duplicate / refused with the reason."""

        if self.status == "refused":
            return t("store.result.refused", lang, file=self.file, reason=t(self.reason, lang, **self.params))
        return t(f"store.result.{self.status}", lang, file=self.file, id=self.submission_id, npsn=", ".join(self.npsn), rejected=self.rows_rejected)


# --- the report as JSON ---------------------------------------------------------


def report_to_json(report: ValidationReport) -> dict:
    """A validation report as JSON-ready data, problems by code and parameters (not by message)."""
    return _json_safe(
        {
            "file": report.file,
            "layout": report.layout,
            "readable": report.readable,
            "dropped_columns": list(report.dropped_columns),
            "sheets": [asdict(s) for s in report.sheets],
            "problems": [asdict(p) for p in report.problems],
        }
    )


def report_from_json(data: dict) -> ValidationReport:
    """The :class:`~analysis.core.dataset.ValidationReport` :func:`report_to_json` wrote."""
    return ValidationReport(
        file=data["file"],
        sheets=[SheetReport(**s) for s in data["sheets"]],
        dropped_columns=list(data["dropped_columns"]),
        problems=[Problem(**p) for p in data["problems"]],
        readable=data["readable"],
        layout=data["layout"],
    )


# --- who may upload what -------------------------------------------------------------


def active_user(session: Session, user: User) -> User:
    """The account as the database has it now (role and schools are never taken from the caller's copy).

    Raises
    ------
    AccessDenied
        If the account is gone or disabled.
    """
    me = session.get(User, user.id) if user is not None and user.id is not None else None
    if me is None or me.disabled:
        raise AccessDenied("the account is disabled or unknown")
    return me


def covers(user: User, npsn: str, kabupaten: str | None) -> bool:
    """Whether ``user``'s scope includes the school ``npsn`` in ``kabupaten``.

    kepala_sekolah: their NPSNs; dinas: their NPSNs and every school of their
    kabupaten/kota (spelling folded, :func:`analysis.reference.wilayah.region_key`);
    peneliti: every school; admin: none.
    """

    if user.role == "peneliti":
        return True
    if user.role in ("kepala_sekolah", "dinas") and npsn in (user.npsn or []):
        return True
    if user.role == "dinas" and user.kabupaten and kabupaten:
        return region_key(kabupaten, "kabupaten_kota") == region_key(user.kabupaten, "kabupaten_kota")
    return False


def _may_upload(session: Session, user: User, schools: dict[str, dict]) -> str | None:
    """The NPSN ``user`` may not upload for, or ``None``. A school the store already
    knows counts in the kabupaten/kota the store has for it, not only the one the file names."""
    for npsn, info in schools.items():
        known = session.get(School, npsn)
        if not covers(user, npsn, info.get("kabupaten_kota")):
            return npsn
        if known is not None and known.kabupaten_kota and not covers(user, npsn, known.kabupaten_kota):
            return npsn
    return None


def _schools_of(ds: Dataset) -> dict[str, dict]:
    """NPSN → name and kabupaten/kota, for every school in the dataset (Sekolah rows and teachers' NPSN)."""
    out: dict[str, dict] = {}
    sekolah = ds.tables["sekolah"]
    for _, row in sekolah.iterrows():
        if row.get("npsn"):
            out[str(row["npsn"])] = {"nama_sekolah": row.get("nama_sekolah"), "kabupaten_kota": row.get("kabupaten_kota")}
    for n in ds.tables["guru"]["npsn"].dropna().unique():
        out.setdefault(str(n), {"nama_sekolah": None, "kabupaten_kota": None})
    return out


# --- storing -----------------------------------------------------------------------------


def submit_file(store: Store, user: User, data: bytes, filename: str, *, npsn: str | None = None) -> SubmitResult:
    """Validate one file and store it as a submission of ``user``, in one transaction.

    Parameters
    ----------
    store : Store
    user : User
        The uploader: a kepala sekolah may upload only for their own NPSNs, a
        dinas account only for the schools of its kabupaten/kota (or NPSN list);
        peneliti and admin accounts may not upload. Enforced here, whoever calls.
    data : bytes
        The file as uploaded.
    filename : str
    npsn : str, optional
        The school's NPSN for a Dapodik export that carries none
        (:func:`analysis.ingest.load.load_file`).

    Returns
    -------
    SubmitResult
        ``stored`` (the new submission is the current data of its schools),
        ``duplicate`` (the same SHA-256 for the same schools is stored already:
        nothing is written and no current pointer moves), or ``refused`` with a
        reason: the role may not upload, the file cannot be read, it names no
        school, it holds a school outside the user's scope, or storing failed
        (nothing of it is then left: the transaction is rolled back). A file
        whose rows were partly rejected is stored with its report.
        Every outcome is written to the audit log.
    """

    name = Path(filename).name

    def refuse(reason: str, nps: tuple = (), **params) -> SubmitResult:
        record(store, user, "upload_refused", {"file": name, "reason": reason, "npsn": list(nps), **params})
        return SubmitResult(name, "refused", npsn=tuple(nps), reason=reason, params=params)

    with store.session() as s:
        me = active_user(s, user)
        if me.role not in UPLOADERS:
            return refuse("store.refused.role", role=me.role)
        ds = load_file(data, name, npsn=npsn)
        if not ds.report.readable:
            return refuse("store.refused.unreadable", detail=ds.report.problems[-1].message("id") if ds.report.problems else "")
        schools = _schools_of(ds)
        if not schools:
            return refuse("store.refused.no_school")
        npsns = tuple(sorted(schools))
        outside = _may_upload(s, me, schools)
        if outside is not None:
            return refuse("store.refused.not_your_school", npsns, npsn=outside)
    sha = hashlib.sha256(data).hexdigest()
    key = hashlib.sha256(",".join(npsns).encode()).hexdigest()
    rejected = ds.report.rows_rejected
    existing = _existing(store, sha, key)
    if existing is not None:
        return SubmitResult(name, "duplicate", existing, npsns, rows_rejected=rejected)
    try:
        with store.session() as s, s.begin():
            me = active_user(s, user)
            outside = _may_upload(s, me, schools)  # again, in the writing transaction: the account or a school may have changed
            if me.role not in UPLOADERS or outside is not None:
                raise AccessDenied(outside or me.role)
            sub_id = _write(s, store, me, ds, data, name, sha, key, schools)
            record(store, user, "upload", {"file": name, "submission_id": sub_id, "npsn": list(npsns)}, session=s)
    except AccessDenied as exc:
        return refuse("store.refused.not_your_school", npsns, npsn=str(exc))
    except IntegrityError:
        existing = _existing(store, sha, key)  # stored by someone else meanwhile
        if existing is not None:
            return SubmitResult(name, "duplicate", existing, npsns, rows_rejected=rejected)
        log.exception("storing %s failed", name)
        return refuse("store.refused.internal", npsns, detail="IntegrityError")
    except Exception as exc:  # never a traceback for a user's file; the transaction is rolled back
        log.exception("storing %s failed", name)
        return refuse("store.refused.internal", npsns, detail=f"{type(exc).__name__}: {str(exc)[:160]}")
    return SubmitResult(name, "stored", sub_id, npsns, rows_rejected=rejected)


def _existing(store: Store, sha: str, key: str) -> int | None:
    with store.session() as s:
        return s.scalar(select(Submission.id).where(Submission.sha256 == sha, Submission.npsn_key == key))


def _write(s: Session, store: Store, me: User, ds: Dataset, data: bytes, name: str, sha: str, key: str, schools: dict[str, dict]) -> int:
    report = ds.report
    now = utcnow()
    sub = Submission(
        sha256=sha,
        npsn_key=key,
        file_name=name,
        layout=report.layout,
        uploader_id=me.id,
        uploaded_at=now,
        reference_date=ds.reference_date(),
        report=report_to_json(report),
        n_errors=len(report.errors),
        n_warnings=len(report.warnings),
        original=data if store.keep_originals else None,
    )
    s.add(sub)
    s.flush()
    for npsn, info in schools.items():
        s.add(SubmissionSchool(submission_id=sub.id, npsn=npsn, nama_sekolah=_text(info["nama_sekolah"]), kabupaten_kota=_text(info["kabupaten_kota"])))
    for i, sh in enumerate(report.sheets):
        s.add(
            SubmissionSheet(
                submission_id=sub.id,
                position=i,
                sheet=sh.sheet,
                table=sh.table,
                rows_read=sh.rows_read,
                rows_accepted=sh.rows_accepted,
                rows_rejected=sh.rows_rejected,
                rows_blank=sh.rows_blank,
            )
        )
    for tname, df in ds.tables.items():
        s.add(SubmissionTable(submission_id=sub.id, name=tname, n_rows=len(df), data=frames.to_parquet(df)))
        s.flush()
    for npsn, info in schools.items():
        _point(s, npsn, sub.id, _text(info["nama_sekolah"]), _text(info["kabupaten_kota"]), now)
    return sub.id


def _text(value) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _point(s: Session, npsn: str, submission_id: int, nama: str | None, kabupaten: str | None, now) -> None:
    school = s.get(School, npsn, with_for_update=True)
    if school is None:
        school = School(npsn=npsn, updated_at=now)
        s.add(school)
    school.current_submission_id = submission_id
    school.nama_sekolah = nama or school.nama_sekolah
    school.kabupaten_kota = kabupaten or school.kabupaten_kota
    school.updated_at = now


def import_path(store: Store, user: User, path: str | Path, *, npsn: str | None = None) -> list[SubmitResult]:
    """Store a file, or every school file of a folder (not its subfolders), one submission each.

    Parameters
    ----------
    store : Store
    user : User
    path : str or Path
        A file, or a folder whose ``.xlsx``, ``.xlsm``, ``.csv``, ``.txt`` and
        ``.json`` files are taken in name order.
    npsn : str, optional
        Passed to :func:`submit_file` for every file.

    Returns
    -------
    list of SubmitResult
        One per file, in order.

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist.
    """
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(p)
    files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in IMPORT_SUFFIXES) if p.is_dir() else [p]
    return [submit_file(store, user, f.read_bytes(), f.name, npsn=npsn) for f in files]


def make_current(store: Store, user: User, submission_id: int, *, npsn: str | None = None) -> list[str]:
    """Make an earlier submission the current data of its schools again.

    Parameters
    ----------
    store : Store
    user : User
        Needs the upload right for each school changed (:func:`submit_file`).
    submission_id : int
    npsn : str, optional
        Only this school of the submission; default all of them.

    Returns
    -------
    list of str
        The NPSNs whose current data is now ``submission_id``.

    Raises
    ------
    KeyError
        If there is no such submission, or ``npsn`` is not in it.
    AccessDenied
        If ``user`` may not upload for one of the schools.
    """
    with store.session() as s, s.begin():
        me = active_user(s, user)
        sub = s.get(Submission, submission_id)
        if sub is None:
            raise KeyError(submission_id)
        schools = {sc.npsn: {"nama_sekolah": sc.nama_sekolah, "kabupaten_kota": sc.kabupaten_kota} for sc in sub.schools if npsn is None or sc.npsn == npsn}
        if not schools:
            raise KeyError(npsn)
        if me.role not in UPLOADERS or _may_upload(s, me, schools) is not None:
            raise AccessDenied("this account may not change these schools' data")
        now = utcnow()
        for n, info in schools.items():
            _point(s, n, sub.id, info["nama_sekolah"], info["kabupaten_kota"], now)
        record(store, me, "make_current", {"submission_id": sub.id, "npsn": sorted(schools)}, session=s)
    return sorted(schools)


# --- reading one submission back -------------------------------------------------------------


def submission_tables(s: Session, submission_id: int) -> dict[str, pd.DataFrame]:
    """The stored tables of a submission, as they were validated."""
    rows = s.scalars(select(SubmissionTable).where(SubmissionTable.submission_id == submission_id))
    return {r.name: frames.from_parquet(r.data) for r in rows}


def dataset_of(s: Session, sub: Submission, npsns: set[str] | None = None) -> Dataset:
    """A stored submission as a :class:`~analysis.core.dataset.Dataset`, only the schools ``npsns`` (default all).

    Teachers are kept by their ``npsn``; their subjects, trainings and
    assessments follow them by ``guru_id``; Kendala rows by ``npsn``.
    """
    tables = submission_tables(s, sub.id)
    held = {sc.npsn for sc in sub.schools}
    if npsns is not None and not held <= npsns:
        tables = only_schools(tables, npsns)
    for name in TABLES:
        if name not in tables:  # a table added to the schema after this submission was stored
            tables[name] = empty_tables()[name]
    return Dataset(tables=tables, report=report_from_json(sub.report), source=f"{sub.file_name} (#{sub.id})", as_of=sub.reference_date)


def only_schools(tables: dict[str, pd.DataFrame], npsns: set[str]) -> dict[str, pd.DataFrame]:
    """The tables limited to the schools ``npsns`` (rows of other schools' teachers go too)."""

    def keep(df: pd.DataFrame, mask) -> pd.DataFrame:
        out = df[mask.to_numpy()].reset_index(drop=True)
        out.attrs = dict(df.attrs)
        return out

    out = dict(tables)
    guru = keep(tables["guru"], tables["guru"]["npsn"].isin(npsns))
    ids = set(guru["guru_id"].dropna())
    out["guru"] = guru
    for name in ("sekolah", "kendala", "sekolah_tahun"):
        if name in tables:
            out[name] = keep(tables[name], tables[name]["npsn"].isin(npsns))
    for name in ("mengajar", "pelatihan", "penilaian"):
        out[name] = keep(tables[name], tables[name]["guru_id"].isin(ids))
    return out
