"""The hand-over between reading a file and validating it.

Reading (:mod:`analysis.reader`) turns a file into :class:`RawSheet` objects:
every cell as the reader gave it, row 1 of the list being row 1 in Excel.
Layout adapters (the project's own workbook and CSV in :mod:`analysis.ingest`,
the Dapodik exports in :mod:`analysis.dapodik`) turn raw sheets into
:class:`RawTable` objects: which rows are data, which header each column
had, which schema column it maps to. The validator (:mod:`analysis.validate`)
parses and checks a ``RawTable`` against :mod:`analysis.schema` and accounts
for every row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analysis.dataset import Problem


@dataclass
class RawSheet:
    """One sheet exactly as read.

    Attributes
    ----------
    name : str
        Sheet name in the file (for a CSV, the file name without extension).
    rows : list of list
        ``rows[i]`` is Excel row ``i + 1``. Cells are ``str``, ``int``,
        ``float``, ``bool``, ``datetime.datetime``/``datetime.date`` or ``None``;
        a number stays a number (an ID typed as a number must be detectable).
    merged : list of tuple
        Merged ranges as ``(first_row, first_col, last_row, last_col)``, 0-based
        inclusive, when the reader knows them.
    warnings : list of Problem
        File-level warnings from reading (e.g. a CSV decoded as Windows-1252).
    """

    name: str
    rows: list[list[object]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class RawTable:
    """Data rows of one sheet with their headers mapped onto a schema sheet.

    Attributes
    ----------
    sheet : str
        Sheet name as in the file (problems are reported against it).
    table : str
        Schema sheet key (``"guru"``) these rows become.
    headers : list of str
        Header of each column as written in the file.
    keys : list of str or None
        Schema column key for each header; ``None`` for a column the
        dashboard does not use (kept out of the dataset, not reported).
    rows : list of tuple of (int, list)
        ``(excel_row_number, cells)`` for every row below the header,
        blank rows and total rows included: the validator counts them.
    dropped_columns : list of str
        Personal-data headers dropped at import (their cells are not in ``rows``).
    problems : list of Problem
        Problems the adapter found itself (e.g. a missing identity form).
    defaults : dict
        Values for schema columns the sheet lacks, e.g. ``{"npsn": "10603456"}``
        taken from the Profil Sekolah form sheet.
    """

    sheet: str
    table: str
    headers: list[str]
    keys: list[str | None]
    rows: list[tuple[int, list[object]]]
    dropped_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    defaults: dict[str, object] = field(default_factory=dict)
