"""The store's tables as typed SQLAlchemy 2 models (the migrations create exactly these).

One row per:

- :class:`User` — an account (role, the schools or kabupaten/kota it covers, an argon2 hash).
- :class:`Submission` — one uploaded file as validated: file name, SHA-256,
  layout, uploader, time (UTC), reference date, the validation report as JSON.
- :class:`SubmissionSchool` — submission × NPSN it holds.
- :class:`SubmissionSheet` — submission × sheet read: the row counts of the report.
- :class:`SubmissionTable` — submission × dataset table (``sekolah``, ``guru``, …):
  the validated table as a Parquet blob (:mod:`analysis.store.frames`).
- :class:`School` — a school (NPSN) the store has data of, with the pointer
  to its **current** submission.
- :class:`AuditEntry` — who logged in, uploaded, viewed or downloaded identified data, when.
- :class:`Setting` — deployment-wide values the store keeps itself (the pseudonym key).

Times are stored as UTC without a zone (SQLite has no zone type) and come back
as aware UTC datetimes (:class:`UTCDateTime`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, DateTime, ForeignKey, LargeBinary, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

#: Roles of an account: the school head, a district officer, a researcher, an administrator.
ROLES = ("kepala_sekolah", "dinas", "peneliti", "admin")


class UTCDateTime(TypeDecorator):
    """A UTC moment: stored naive in UTC, returned aware (``tzinfo=timezone.utc``).

    Raises
    ------
    ValueError
        When a naive datetime is bound (its zone would be a guess).
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    # Named constraints so that migrations can address them on SQLite and PostgreSQL alike.
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )
    type_annotation_map = {datetime: UTCDateTime(), date: Date(), dict: JSON(), list: JSON()}


class User(Base):
    """An account. ``npsn`` lists the schools of a kepala sekolah (or of a dinas
    account limited to a list); ``kabupaten`` the kabupaten/kota of a dinas account."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('kepala_sekolah', 'dinas', 'peneliti', 'admin')", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    email: Mapped[str | None] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(20))
    npsn: Mapped[list] = mapped_column(default=list)
    kabupaten: Mapped[str | None] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    disabled: Mapped[bool] = mapped_column(default=False)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]


class Submission(Base):
    """One uploaded file as validated. The same file (``sha256``) for the same
    schools (``npsn_key``) is stored once."""

    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("sha256", "npsn_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    #: SHA-256 of the sorted NPSNs joined by commas (a district file may hold hundreds).
    npsn_key: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(255))
    layout: Mapped[str] = mapped_column(String(40))
    uploader_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime]
    reference_date: Mapped[date | None]
    #: ``ValidationReport`` as JSON: file, layout, readable, dropped_columns, sheets, problems (codes and params, not messages).
    report: Mapped[dict]
    n_errors: Mapped[int]
    n_warnings: Mapped[int]
    #: The file as uploaded, only when the deployment keeps originals (``DASBOR_KEEP_ORIGINALS=1``).
    original: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)

    uploader: Mapped[User] = relationship()
    schools: Mapped[list[SubmissionSchool]] = relationship(back_populates="submission", cascade="all, delete-orphan")
    sheets: Mapped[list[SubmissionSheet]] = relationship(order_by="SubmissionSheet.position", cascade="all, delete-orphan")
    tables: Mapped[list[SubmissionTable]] = relationship(cascade="all, delete-orphan")


class SubmissionSchool(Base):
    """Submission × school (NPSN) it holds, with the school's name as in the file."""

    __tablename__ = "submission_schools"

    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True)
    npsn: Mapped[str] = mapped_column(String(20), primary_key=True, index=True)
    nama_sekolah: Mapped[str | None] = mapped_column(String(255))
    kabupaten_kota: Mapped[str | None] = mapped_column(String(100))

    submission: Mapped[Submission] = relationship(back_populates="schools")


class SubmissionSheet(Base):
    """Submission × sheet read: ``rows_read == rows_accepted + rows_rejected + rows_blank``."""

    __tablename__ = "submission_sheets"

    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    sheet: Mapped[str] = mapped_column(String(255))
    table: Mapped[str | None] = mapped_column(String(30))
    rows_read: Mapped[int]
    rows_accepted: Mapped[int]
    rows_rejected: Mapped[int]
    rows_blank: Mapped[int]


class SubmissionTable(Base):
    """Submission × dataset table: the validated rows as Parquet (dtypes kept exactly)."""

    __tablename__ = "submission_tables"

    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(30), primary_key=True)
    n_rows: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class School(Base):
    """A school the store holds data of; ``current_submission_id`` is its current data."""

    __tablename__ = "schools"

    npsn: Mapped[str] = mapped_column(String(20), primary_key=True)
    nama_sekolah: Mapped[str | None] = mapped_column(String(255))
    kabupaten_kota: Mapped[str | None] = mapped_column(String(100), index=True)
    current_submission_id: Mapped[int | None] = mapped_column(ForeignKey("submissions.id"))
    updated_at: Mapped[datetime]

    current: Mapped[Submission | None] = relationship()


class AuditEntry(Base):
    """Who did what, when. ``user_name`` is kept as written so the log outlives the account."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    user_name: Mapped[str | None] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(30))
    detail: Mapped[dict]


class Setting(Base):
    """A deployment-wide value the store keeps (``pseudonym_key``)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def utcnow() -> datetime:
    """The current moment, aware, in UTC."""
    return datetime.now(UTC)


__all__ = [
    "ROLES",
    "AuditEntry",
    "Base",
    "School",
    "Setting",
    "Submission",
    "SubmissionSchool",
    "SubmissionSheet",
    "SubmissionTable",
    "User",
    "UTCDateTime",
    "utcnow",
]
