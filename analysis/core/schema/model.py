"""The shape of the workbook format: a :class:`Column`, a :class:`Sheet`, how headers are compared."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

ColumnType = Literal[
    "id",  # identifier kept as text of digits (NPSN, NUPTK, NIP)
    "text",
    "int",
    "float",
    "date",
    "bool",  # Ya/Tidak, Y/T, 1/0, Yes/No
    "choice",  # one value out of ``allowed``
    "level",  # ICT self-rating or PKG competency value, 1–4
    "score",  # 0–100
    "multi",  # several values separated by ";" or line breaks (subjects taught)
]

#: Name of the bookkeeping column that holds the row number as Excel shows it.
ROW_COLUMN = "_row"
#: Suffix of the boolean column that marks an unreliable identifier, e.g. ``nuptk_suspect``.
SUSPECT_SUFFIX = "_suspect"
#: The template's example rows carry these identifiers (no real school or teacher has them:
#: NPSNs and NUPTKs are issued in sequence, never all nines), so that the loader skips an
#: example row left in the file, with a warning, while a row the user typed over (a real
#: NPSN or NUPTK) is read as data.
EXAMPLE_NPSN = "99999999"
EXAMPLE_NUPTK = "9999999999999999"


@dataclass(frozen=True)
class Column:
    """One column of a sheet.

    Attributes
    ----------
    key : str
        Program name, snake_case (``"jurusan_prodi"``).
    header : str
        Canonical Indonesian header as written in the template (``"Jurusan/Prodi"``).
    type : ColumnType
        How cells are parsed; see :data:`ColumnType`.
    desc_id, desc_en : str
        One-sentence description for the docs and the template's instruction sheet.
    aliases : tuple of str
        Other headers accepted for this column (English, Dapodik spellings, common variants).
    required : bool
        A row without a value here is rejected (error).
    allowed : tuple of str
        Closed list for ``choice`` columns; a value outside it is a warning.
    value_aliases : dict
        Spellings mapped onto an allowed value (``"Laki-laki"`` → ``"L"``).
    min, max : float or None
        Inclusive range for numeric columns; outside it is an error.
    digits : int or None
        Expected digit count of an ``id`` column (NPSN 8, NUPTK 16, NIP 18).
    example : str
        Example value for the template's example rows and the docs.
    """

    key: str
    header: str
    type: ColumnType
    desc_id: str
    desc_en: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    allowed: tuple[str, ...] = ()
    value_aliases: dict[str, str] = field(default_factory=dict)
    min: float | None = None
    max: float | None = None
    digits: int | None = None
    example: str = ""

    @property
    def all_headers(self) -> tuple[str, ...]:
        """The canonical header followed by every alias."""
        return (self.header, *self.aliases)


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook.

    Attributes
    ----------
    key : str
        Table name inside the program (``"guru"``).
    name : str
        Canonical sheet name in the workbook (``"Guru"``).
    columns : tuple of Column
    aliases : tuple of str
        Other sheet names accepted (``"Teachers"``, ``"PTK"``).
    optional : bool
        The workbook may leave this sheet out.
    grain_id, grain_en : str
        What one row is ("one row per teacher × training").
    """

    key: str
    name: str
    columns: tuple[Column, ...]
    grain_id: str
    grain_en: str
    aliases: tuple[str, ...] = ()
    optional: bool = False

    def column(self, key: str) -> Column:
        """Return the column with program name ``key``.

        Raises
        ------
        KeyError
            If the sheet has no such column.
        """
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.name} has no column {key!r}")

    @property
    def keys(self) -> list[str]:
        """Program names of all columns, in template order."""
        return [c.key for c in self.columns]


def normalize_header(text: object) -> str:
    """Fold a header for alias matching.

    Lower-cases, turns line breaks, underscores, dots and repeated spaces into
    one space, and strips. ``"Jam Tugas\\nTambahan"`` and ``"jam_tugas  tambahan"``
    both become ``"jam tugas tambahan"``.

    Parameters
    ----------
    text : object
        A header cell as read (any type; ``None`` gives ``""``).

    Returns
    -------
    str
    """
    if text is None:
        return ""
    s = str(text).replace("\ufeff", "").strip().lower()
    s = re.sub(r"[\s_\.]+", " ", s)
    s = re.sub(r"\s*/\s*", "/", s)
    return s.strip()
