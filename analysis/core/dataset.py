"""What a loaded dataset is: validated tables with an identity and a source.

A :class:`Dataset` is independent of any widget state so that it can later be
stored in a database (SQLite by default, PostgreSQL when shared) and served to
roles with de-identified views. Pages receive a ``Dataset`` and never parse
files themselves.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Literal

import pandas as pd

from analysis.core.errors import ProblemCode
from analysis.i18n import t

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One problem found in a file.

    Attributes
    ----------
    sheet : str
        Sheet name as in the file (for a CSV, the file name without extension).
    row : int or None
        Row number as Excel shows it (1-based, title rows counted); ``None`` for
        a file- or sheet-level problem.
    column : str or None
        Header as written in the file; ``None`` when the problem is not about one column.
    value : str or None
        The cell as text.
    severity : {"error", "warning"}
        An error rejects the row; a warning keeps it.
    code : ProblemCode
        Key of the message in the string table (``analysis.i18n``), e.g. ``"problem.id_as_number"``;
        given as text, it is checked against :class:`analysis.core.errors.ProblemCode`.

    Raises
    ------
    ValueError
        When ``code`` is not a :class:`~analysis.core.errors.ProblemCode` (a programming error).
    params : dict
        Values substituted into the message.
    """

    sheet: str
    row: int | None
    column: str | None
    value: str | None
    severity: Severity
    code: str
    params: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", ProblemCode(self.code))  # an unknown code is a bug: ValueError

    def message(self, lang: str = "id") -> str:
        """The plain-language message in ``lang`` ("id" or "en")."""
        return t(self.code, lang, **self.params)

    def as_dict(self, lang: str = "id") -> dict:
        """JSON-ready form: sheet, row, column, value, severity, message."""
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "severity": self.severity,
            "message": self.message(lang),
        }


def cell_text(value: object) -> str | None:
    """A cell as the text a user would recognise (``None`` for an empty cell)."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y") if (value.hour, value.minute, value.second) == (0, 0, 0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    text = str(value).strip()
    return text or None


def problem(sheet: str, row: int | None, column: str | None, value: object, severity: str, code: str, **params: object) -> Problem:
    """Build a :class:`Problem` whose message names its sheet, row and column.

    The params ``sheet``, ``row`` and ``column`` are always filled (empty text
    when not applicable) so every message template may use them.

    Parameters
    ----------
    sheet, row, column : str, int or None, str or None
        Sheet name as in the file, Excel row number, header as written.
    value : object
        The cell; stored as text (:func:`cell_text`).
    severity : {"error", "warning"}
    code : str
        String-table key in :mod:`analysis.i18n.ingest`.
    **params
        Extra placeholders of the message.

    Returns
    -------
    Problem
    """
    text = value if value is None or isinstance(value, str) else cell_text(value)
    full = {"sheet": sheet, "row": "" if row is None else row, "column": column or "", **params}
    return Problem(sheet, row, column, text, severity, code, full)  # type: ignore[arg-type]


@dataclass
class SheetReport:
    """Row accounting for one sheet: ``rows_read == rows_accepted + rows_rejected + rows_blank``.

    Attributes
    ----------
    sheet : str
        Sheet name as in the file.
    table : str or None
        Program table the sheet was read into (``"guru"``), ``None`` if ignored.
    rows_read, rows_accepted, rows_rejected, rows_blank : int
        Data rows below the header; blank rows and a trailing total row
        (JUMLAH, TOTAL) count as ``rows_blank``.
    """

    sheet: str
    table: str | None
    rows_read: int = 0
    rows_accepted: int = 0
    rows_rejected: int = 0
    rows_blank: int = 0

    def as_dict(self) -> dict:
        """JSON-ready form with the keys of ``python -m analysis check --json``."""
        return {
            "sheet": self.sheet,
            "rows_read": self.rows_read,
            "rows_accepted": self.rows_accepted,
            "rows_rejected": self.rows_rejected,
            "rows_blank": self.rows_blank,
        }


@dataclass
class ValidationReport:
    """Everything found while reading one file.

    Attributes
    ----------
    file : str
        File name as uploaded or given on the command line.
    sheets : list of SheetReport
        Empty when the file could not be read at all.
    dropped_columns : list of str
        Personal-data columns dropped at import (NIK, No KK, …), as headed in the file.
    problems : list of Problem
    readable : bool
        ``False`` when the file could not be read (not a workbook, encrypted,
        empty, hostile); ``problems`` then holds one file-level problem.
    layout : str
        Which layout was recognised: ``"workbook"``, ``"csv"``,
        ``"dapodik_profil"``, ``"dapodik_daftar_ptk"``, ``"dapodik_daftar_guru"``,
        ``"dapodik_daftar_tendik"``, ``"dapodik_rekap"``, ``"dapodik_daftar_sekolah"``,
        ``"combined"``, ``"unknown"``.
    """

    file: str
    sheets: list[SheetReport] = field(default_factory=list)
    dropped_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True
    layout: str = "workbook"

    @property
    def rows_rejected(self) -> int:
        """Rejected rows over all sheets."""
        return sum(s.rows_rejected for s in self.sheets)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def exit_code(self) -> int:
        """CLI exit code: 0 no row rejected, 1 some rejected, 2 unreadable."""
        if not self.readable:
            return 2
        return 1 if self.rows_rejected else 0

    def as_dict(self, lang: str = "id") -> dict:
        """JSON shape of ``python -m analysis check --json``."""
        return {
            "file": self.file,
            "sheets": [s.as_dict() for s in self.sheets],
            "dropped_columns": list(self.dropped_columns),
            "problems": [p.as_dict(lang) for p in self.problems],
        }


#: Program tables a dataset may hold (schema sheet keys).
TABLES = ("sekolah", "guru", "mengajar", "pelatihan", "penilaian", "kendala", "kinerja")


@dataclass
class Dataset:
    """A set of validated tables with an identity and a source.

    Tables (all always present, possibly empty, columns as in :mod:`analysis.core.schema`
    plus ``_row``):

    - ``sekolah``: one row per school.
    - ``guru``: one row per teacher or staff member; adds ``guru_id`` (str, unique:
      the NUPTK where valid, else ``"<npsn>-r<row>"``), ``pendidik`` (bool) and
      ``nuptk_suspect`` / ``nip_suspect`` (bool) and ``pelatihan_recorded`` (bool:
      the teacher's file had a Pelatihan sheet, so "no training" means none).
    - ``mengajar``: one row per teacher × subject, always filled: from the
      ``Mengajar`` sheet or Rekap Pembelajaran where given, else split from
      ``guru.mengajar`` with the teacher's JJM shared equally; adds ``guru_id``
      and ``jjm_source`` (``"sheet"``, ``"rekap"`` or ``"equal_split"``).
    - ``pelatihan``: one row per teacher × training; adds ``guru_id``.
    - ``penilaian``: one row per teacher × assessment; adds ``guru_id``.
    - ``kendala``: one row per training event × obstacle.
    - ``kinerja``: one row per ASN teacher × appraisal year (PMM predikat kinerja); adds ``guru_id``.

    When the Sekolah rows carry a ``tahun`` (a district school list with one row
    per school × year), ``sekolah`` holds each school's latest year and the extra
    key ``tables["sekolah_tahun"]`` every school × year, for trend views; it is
    not one of :data:`TABLES` and not part of :attr:`id`.

    Attributes
    ----------
    tables : dict of str to DataFrame
    report : ValidationReport
    source : str
        Where the data came from (file name, or ``"sample:<file>"``).
    is_sample : bool
        Bundled illustrative data, labelled as such wherever shown.
    as_of : datetime.date or None
        A reference date the user set (:meth:`reference_date`); not part of :attr:`id`,
        so teachers' pseudonymous codes stay the same whatever date is set.
    """

    tables: dict[str, pd.DataFrame]
    report: ValidationReport
    source: str
    is_sample: bool = False
    #: A reference date the user set; ``None`` counts back from the latest date in the data.
    as_of: date | None = None

    @cached_property
    def id(self) -> str:
        """Content hash of the tables: the same data gives the same identity.

        Computed once per dataset (about 30 ms on the six sample workbooks):
        a dataset's tables are never changed after it is built.
        """
        h = hashlib.sha256()
        for name in TABLES:
            df = self.tables.get(name)
            if df is None:
                continue
            h.update(name.encode())
            h.update(pd.util.hash_pandas_object(df.astype(str), index=False).values.tobytes())
        return h.hexdigest()[:16]

    def table(self, name: str) -> pd.DataFrame:
        """Return table ``name``.

        Raises
        ------
        KeyError
            If ``name`` is not one of :data:`TABLES`.
        """
        if name not in TABLES:
            raise KeyError(name)
        return self.tables[name]

    def reference_source(self, override: date | None = None) -> str | None:
        """Where :meth:`reference_date` comes from.

        Returns
        -------
        str or None
            ``"set"`` (the caller or the user set it), ``"tanggal_unduh"`` (the
            schools' download date, Dapodik's "Tanggal Unduh", is the latest date),
            ``"data"`` (the latest training or assessment date) or ``None`` (the
            data holds no date and none was set: never the clock).
        """
        if override is not None or self.as_of is not None:
            return "set"
        found = self._latest_dates()
        if not found:
            return None
        best = max(found.values())
        return "data" if any(v == best for k, v in found.items() if k != "sekolah") else "tanggal_unduh"

    def _latest_dates(self) -> dict[str, date]:
        """The latest date of each table that has one: training, assessment, the schools' download date."""
        found: dict[str, date] = {}
        for name, cols in (("pelatihan", ("tanggal_mulai", "tanggal_selesai")), ("penilaian", ("tanggal_penilaian",)), ("sekolah", ("tanggal_data",))):
            df = self.tables.get(name)
            if df is None or df.empty:
                continue
            for c in cols:
                if c in df:
                    m = pd.to_datetime(df[c], errors="coerce").max()
                    if pd.notna(m):
                        found[name] = max(found.get(name, m.date()), m.date())
        return found

    def reference_date(self, override: date | None = None) -> date | None:
        """The date every "as of" and "last 12 months" counts back from.

        ``override`` when given, else the date the user set on the dataset
        (:attr:`as_of`), else the latest date found in the training and
        assessment tables and the schools' download date (``tanggal_data``,
        Dapodik's "Tanggal Unduh"), so that figures do not drift as days pass.
        Never the clock: a file without any date has no reference date
        (:meth:`reference_source` says where the date comes from).

        Parameters
        ----------
        override : datetime.date, optional
            A date set by the caller.

        Returns
        -------
        datetime.date or None
            ``None`` when none is set and the data holds no date at all; the
            figures that need a date then say so (:mod:`analysis.views.coverage`).
        """
        if override is not None:
            return override
        if self.as_of is not None:
            return self.as_of
        found = self._latest_dates()
        return max(found.values()) if found else None
