"""One error model: a base error for the project's own exceptions and the problem codes.

Two kinds of trouble reach a user:

- a **problem** in a file (:class:`analysis.core.dataset.Problem`): a row, cell or sheet that
  is reported and the reading goes on. Its ``code`` is a :class:`ProblemCode`;
- an **error** that stops one action: the file cannot be read at all (:class:`UnreadableFile`),
  the role may not see this (:class:`AccessDenied`), a login failed (:class:`AuthError`), a
  bundled file breaks its format (:class:`StudiesError`). All derive from :class:`DasborError`,
  so a caller that shows errors to users catches one class.

Every code is a string-table key (:mod:`analysis.i18n`) with a message in both languages; a test
checks that each member has both and that every code written in ``analysis/`` is a member.

The workbook checks of :mod:`analysis.ingest.xlsx_child` run as a script in a child process that
imports nothing of this package; its ``Refused`` carries the same codes and becomes an
:class:`UnreadableFile` in :mod:`analysis.ingest.reader`.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from analysis.i18n import STRINGS, t


class ProblemCode(StrEnum):
    """String-table keys of every problem and unreadable-file message (``problem.*``, ``file.*``).

    A member equals its key as text (``ProblemCode.FILE_EMPTY == "file.empty"``), so codes
    compare with plain strings and serialise as them.
    """

    FILE_BAD_ENCODING = "file.bad_encoding"
    FILE_CANNOT_OPEN = "file.cannot_open"
    FILE_CORRUPT = "file.corrupt"
    FILE_CP1252 = "file.cp1252"
    FILE_EMPTY = "file.empty"
    FILE_ENCRYPTED = "file.encrypted"
    FILE_JSON_MALFORMED = "file.json_malformed"
    FILE_JSON_TOO_COMPLEX = "file.json_too_complex"
    FILE_JSON_TOO_DEEP = "file.json_too_deep"
    FILE_JSON_TOO_LARGE = "file.json_too_large"
    FILE_JSON_UNKNOWN_SHAPE = "file.json_unknown_shape"
    FILE_NO_DATA = "file.no_data"
    FILE_NOT_WORKBOOK = "file.not_workbook"
    FILE_TEXT_TOO_LONG = "file.text_too_long"
    FILE_TOO_BIG = "file.too_big"
    FILE_TOO_DEMANDING = "file.too_demanding"
    FILE_TOO_LARGE_RANGE = "file.too_large_range"
    FILE_TOO_MANY_PARTS = "file.too_many_parts"
    FILE_UNSUPPORTED_TYPE = "file.unsupported_type"
    FILE_WORKBOOK_EMPTY = "file.workbook_empty"
    FILE_ZIP_BOMB = "file.zip_bomb"
    PROBLEM_BAD_BOOL = "problem.bad_bool"
    PROBLEM_BAD_DATE = "problem.bad_date"
    PROBLEM_BAD_NUMBER = "problem.bad_number"
    PROBLEM_CHECK_FAILED = "problem.check_failed"
    PROBLEM_CONTROL_CHARS = "problem.control_chars"
    PROBLEM_DAPODIK_JSON_NO_GTK = "problem.dapodik_json_no_gtk"
    PROBLEM_DAPODIK_JSON_NO_NPSN = "problem.dapodik_json_no_npsn"
    PROBLEM_DAPODIK_NO_FORM = "problem.dapodik_no_form"
    PROBLEM_DAPODIK_NO_NPSN = "problem.dapodik_no_npsn"
    PROBLEM_DAPODIK_REKAP_COMBINED = "problem.dapodik_rekap_combined"
    PROBLEM_DROPPED_PERSONAL = "problem.dropped_personal"
    PROBLEM_DUPLICATE_NUPTK = "problem.duplicate_nuptk"
    PROBLEM_DUPLICATE_NUPTK_SHEET = "problem.duplicate_nuptk_sheet"
    PROBLEM_DUPLICATE_SHEET_NAME = "problem.duplicate_sheet_name"
    PROBLEM_END_BEFORE_START = "problem.end_before_start"
    PROBLEM_ID_AS_NUMBER = "problem.id_as_number"
    PROBLEM_ID_DIGITS = "problem.id_digits"
    PROBLEM_ID_NORMALISED = "problem.id_normalised"
    PROBLEM_ID_NOT_DIGITS = "problem.id_not_digits"
    PROBLEM_ID_SCIENTIFIC = "problem.id_scientific"
    PROBLEM_INTERNAL = "problem.internal"
    PROBLEM_KINERJA_NO_PREDIKAT = "problem.kinerja_no_predikat"
    PROBLEM_KINERJA_PREDIKAT_MISMATCH = "problem.kinerja_predikat_mismatch"
    PROBLEM_MISSING_COLUMN = "problem.missing_column"
    PROBLEM_MISSING_SHEET = "problem.missing_sheet"
    PROBLEM_NO_HEADER = "problem.no_header"
    PROBLEM_NO_SCORES = "problem.no_scores"
    PROBLEM_NOT_IN_LIST = "problem.not_in_list"
    PROBLEM_NUPTK_EMPTY = "problem.nuptk_empty"
    PROBLEM_OUT_OF_RANGE = "problem.out_of_range"
    PROBLEM_REQUIRED = "problem.required"
    PROBLEM_ROW_MISSING_COLUMN = "problem.row_missing_column"
    PROBLEM_UKG_EXTRA_DOMAIN = "problem.ukg_extra_domain"
    PROBLEM_UNKNOWN_CERTIFICATE_NAME = "problem.unknown_certificate_name"
    PROBLEM_UNKNOWN_PROGRAMME_NAME = "problem.unknown_programme_name"
    PROBLEM_UNKNOWN_SCHOOL = "problem.unknown_school"
    PROBLEM_UNKNOWN_SHEET = "problem.unknown_sheet"
    PROBLEM_UNKNOWN_SUBJECT_NAME = "problem.unknown_subject_name"
    PROBLEM_UNKNOWN_TEACHER = "problem.unknown_teacher"
    PROBLEM_UNLABELLED_COLUMN = "problem.unlabelled_column"
    PROBLEM_EXAMPLE_ROWS = "problem.example_rows"


class DasborError(Exception):
    """Base of the project's own exceptions.

    Parameters
    ----------
    message : str
        Text for logs and developers (not shown to users as it is).
    code : str, optional
        String-table key of the message a user sees; ``params`` fill its placeholders.
    """

    def __init__(self, message: str = "", *, code: str | None = None, **params: object) -> None:
        super().__init__(message or (code or ""))
        self.code = code
        self.params = params

    def message(self, lang: str = "id") -> str:
        """The user's message in ``lang`` when the error has a code, else the developer text."""
        if self.code and self.code in STRINGS:
            return t(self.code, lang, **self.params)
        return str(self)


class UnreadableFile(DasborError):
    """A file that cannot be read at all.

    Attributes
    ----------
    code : ProblemCode
        ``file.*`` key of the message (``"file.not_workbook"``, ``"file.encrypted"``, ``"file.empty"``,
        ``"file.zip_bomb"``, ``"file.too_many_parts"``, ``"file.too_large_range"``, ``"file.text_too_long"``,
        ``"file.too_big"``, ``"file.bad_encoding"``, ``"file.unsupported_type"``, ``"file.corrupt"``,
        ``"file.too_demanding"``, ``"file.workbook_empty"``, ...).
    params : dict
        Values for the message's placeholders.

    Raises
    ------
    ValueError
        When built with a code that is not a :class:`ProblemCode` (a programming error).
    """

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code, code=ProblemCode(code), **params)


class AccessDenied(DasborError, PermissionError):
    """The user may not see or do this (the role's scope does not cover it)."""


class AuthError(DasborError):
    """A login that did not succeed.

    Attributes
    ----------
    reason : {"unknown", "disabled", "locked", "wrong_password"}
        Why; show users one message for all four.
    locked_until : datetime or None
        End of a lockout (UTC) when ``reason`` is ``"locked"``.
    """

    def __init__(self, reason: str, locked_until: datetime | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.locked_until = locked_until


class StudiesError(DasborError, ValueError):
    """``studies.yaml`` breaks its format; the message names the study and the key."""
