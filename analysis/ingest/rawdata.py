"""The hand-over between reading a file and validating it.

Reading (:mod:`analysis.ingest.reader`) turns a file into :class:`RawSheet` objects:
every cell as the reader gave it, row 1 of the list being row 1 in Excel.
Layout adapters (the project's own workbook and CSV in :mod:`analysis.ingest.load`,
the Dapodik exports in :mod:`analysis.ingest.dapodik`) turn raw sheets into
:class:`RawTable` objects: which rows are data, which header each column
had, which schema column it maps to. The validator (:mod:`analysis.ingest.validate`)
parses and checks a ``RawTable`` against :mod:`analysis.core.schema` and accounts
for every row.

A workbook's cells arrive column by column (:class:`CellColumns`, decoded
from the Arrow stream of :mod:`analysis.ingest.xlsx_child`); ``RawSheet.rows`` and
``RawTable.rows`` then build Python rows only for the rows asked for
(:class:`LazyRows`), so the validator can read the columns directly while
code that reads rows keeps working unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analysis.core.dataset import Problem

# Type codes of :mod:`analysis.ingest.xlsx_child` (that script imports nothing of the package).
EMPTY, TEXT, FLOAT, INT, BOOL, DATETIME, DATE, OTHER = range(8)
_UNIX_ORDINAL = date(1970, 1, 1).toordinal()


def _strings(blob: bytes, lengths: object) -> pa.Array:
    """An Arrow string array over UTF-8 ``blob`` cut at the byte ``lengths`` (an int64 buffer)."""
    sizes = np.frombuffer(lengths, dtype=np.int64)
    offsets = np.zeros(len(sizes) + 1, dtype=np.int32)
    offsets[1:] = np.cumsum(sizes)
    return pa.StringArray.from_buffers(len(offsets) - 1, pa.py_buffer(offsets), pa.py_buffer(blob))


class CellColumns:
    """The cells of one sheet, column by column, each cell keeping its own type.

    Parameters
    ----------
    n_rows, n_cols : int
        Size of the sheet's used range from A1.
    columns : list of dict
        Per column, as :func:`analysis.ingest.xlsx_child.encode_sheet` gives it:
        ``"k"`` type codes (bytes; absent for a text-only column), ``"s"``
        text cells (UTF-8 blob and byte lengths), ``"f"`` number cells (float64), ``"d"`` date cells (day
        ordinals) and ``"t"`` datetime cells (µs since 1970), each in row order.
    extras : list of tuple
        ``(row, column, value)`` of cells of any other type.

    Attributes
    ----------
    kind : list of ndarray
        Per column, one type code per row (uint8).
    slot : list of ndarray
        Per column, each cell's position in its kind's values (``text``,
        ``num`` or ``time``).
    """

    def __init__(self, n_rows: int, n_cols: int, columns: list[dict], extras: list[tuple[int, int, object]]) -> None:
        self.n_rows, self.n_cols = n_rows, n_cols
        self.kind: list[np.ndarray] = []
        self.slot: list[np.ndarray] = []
        self.text: list[pa.Array | None] = []
        self.num: list[np.ndarray | None] = []
        self.time: list[np.ndarray | None] = []
        self.extra = {(i, j): v for i, j, v in extras}
        for col in columns:
            text = _strings(*col["s"]) if "s" in col else None
            if "k" in col:
                kind = np.frombuffer(col["k"], dtype=np.uint8).copy()
            else:
                kind = np.full(n_rows, TEXT, dtype=np.uint8)
            slot = np.zeros(n_rows, dtype=np.int64)
            for group in ((TEXT,), (FLOAT, INT, BOOL), (DATETIME, DATE)):
                where = np.flatnonzero(np.isin(kind, group))
                slot[where] = np.arange(len(where))
            stamps = None
            if "d" in col or "t" in col:  # dates and datetimes in one array, in row order
                sub = kind[(kind == DATE) | (kind == DATETIME)]
                stamps = np.empty(len(sub), dtype="datetime64[us]")
                if "d" in col:
                    days = np.frombuffer(col["d"], dtype=np.int64) - _UNIX_ORDINAL
                    stamps[sub == DATE] = days.astype("datetime64[D]")
                if "t" in col:
                    stamps[sub == DATETIME] = np.frombuffer(col["t"], dtype=np.int64).astype("datetime64[us]")
            if text is not None:  # calamine's empty cell is an empty string
                at = np.flatnonzero(kind == TEXT)
                kind[at[np.asarray(pc.fill_null(pc.equal(text, ""), False))]] = EMPTY
            self.kind.append(kind)
            self.slot.append(slot)
            self.text.append(text)
            self.num.append(np.frombuffer(col["f"], dtype=np.float64) if "f" in col else None)
            self.time.append(stamps)

    def strip_control(self, pattern: str) -> list[tuple[int, int, str | None, int]]:
        """Remove the characters matching the regular expression ``pattern`` from every text cell, in place.

        Vectorised per column (pyarrow compute): a column without such a
        character costs one scan of its text. A cell left empty becomes an
        empty cell.

        Parameters
        ----------
        pattern : str
            A regular expression (RE2 syntax) of the characters to remove.

        Returns
        -------
        list of tuple
            ``(row, column, cleaned text or None, characters removed)`` per cell
            changed, 0-based row and column.
        """
        changed: list[tuple[int, int, str | None, int]] = []
        for j, text in enumerate(self.text):
            if text is None or not len(text):
                continue
            hit = np.asarray(pc.fill_null(pc.match_substring_regex(text, pattern), False))
            if not hit.any():
                continue
            clean = pc.replace_substring_regex(text, pattern, "")
            rows = np.flatnonzero(self.kind[j] == TEXT)
            rows = rows[hit[self.slot[j][rows]]]
            before = pc.utf8_length(text).to_numpy(zero_copy_only=False)
            after = pc.utf8_length(clean).to_numpy(zero_copy_only=False)
            values = clean.to_pylist()
            for i in rows.tolist():
                at = int(self.slot[j][i])
                value = values[at]
                if not value.strip():
                    self.kind[j][i] = EMPTY
                    value = None
                changed.append((i, j, value, int(before[at] - after[at])))
            self.text[j] = clean
        return changed

    def any_cell(self) -> bool:
        """Whether any cell holds something."""
        return any(bool((k != EMPTY).any()) for k in self.kind)

    def values(self, j: int, idx: np.ndarray) -> list[object]:
        """Cells of column ``j`` at row indices ``idx`` as Python objects of their own type."""
        if j >= self.n_cols:
            return [None] * len(idx)
        kind = self.kind[j][idx]
        out = np.full(len(idx), None, dtype=object)
        for k in np.unique(kind).tolist():
            sel = np.flatnonzero(kind == k)
            rows = idx[sel]
            at = self.slot[j][rows]
            if k == TEXT:
                out[sel] = self.text[j].take(pa.array(at)).to_numpy(zero_copy_only=False)
            elif k == FLOAT:
                out[sel] = self.num[j][at].astype(object)
            elif k == INT:
                out[sel] = self.num[j][at].astype(np.int64).astype(object)
            elif k == BOOL:
                out[sel] = (self.num[j][at] != 0).astype(object)
            elif k == DATETIME:
                out[sel] = self.time[j][at].astype(object)
            elif k == DATE:
                out[sel] = self.time[j][at].astype("datetime64[D]").astype(object)
            elif k == OTHER:
                out[sel] = [self.extra[(i, j)] for i in rows.tolist()]
        return out.tolist()

    def rows(self, start: int, stop: int, width: int | None = None) -> list[list[object]]:
        """Rows ``start``..``stop - 1`` as lists of cells (the first ``width`` columns)."""
        idx = np.arange(start, stop)
        cols = [self.values(j, idx) for j in range(self.n_cols if width is None else width)]
        return [list(r) for r in zip(*cols)] if cols else [[] for _ in idx]

    def encode(self, j: int, idx: np.ndarray) -> tuple[list[object], np.ndarray]:
        """Distinct cells of column ``j`` at row indices ``idx``, and each row's index into them.

        Returns
        -------
        tuple
            ``(uniques, inverse)``: ``uniques`` are Python objects of their own
            type (``1``, ``1.0`` and ``True`` stay distinct); ``inverse[i]`` is
            the position in ``uniques`` of row ``idx[i]``'s cell, -1 when empty.
        """
        inverse = np.full(len(idx), -1, dtype=np.int64)
        uniques: list[object] = []
        if j >= self.n_cols:
            return uniques, inverse
        kind = self.kind[j][idx]
        for k in np.unique(kind).tolist():
            if k == EMPTY:
                continue
            sel = np.flatnonzero(kind == k)
            rows = idx[sel]
            at = self.slot[j][rows]
            if k == TEXT:
                text = self.text[j]
                enc = (text if len(at) == len(text) and np.array_equal(at, np.arange(len(at))) else text.take(pa.array(at))).dictionary_encode()
                found, inv = enc.dictionary.to_pylist(), enc.indices.to_numpy(zero_copy_only=False)
            elif k == OTHER:
                found, inv = [self.extra[(i, j)] for i in rows.tolist()], np.arange(len(rows))
            else:
                raw = self.num[j][at] if k in (FLOAT, INT, BOOL) else self.time[j][at]
                u, inv = np.unique(raw, return_inverse=True)
                if k == FLOAT:
                    found = u.tolist()
                elif k == INT:
                    found = u.astype(np.int64).tolist()
                elif k == BOOL:
                    found = (u != 0).tolist()
                elif k == DATETIME:
                    found = u.tolist()
                else:
                    found = u.astype("datetime64[D]").tolist()
            inverse[sel] = np.asarray(inv, dtype=np.int64).reshape(-1) + len(uniques)
            uniques.extend(found)
        return uniques, inverse


class LazyRows(Sequence):
    """``rows[i]`` of a :class:`CellColumns` range, built only when asked for.

    Behaves as a read-only list of rows (indexing, slicing, ``len``,
    iteration, ``==`` with a list); each row is a new list of cells. With
    ``numbered``, each item is ``(excel_row, cells)`` as in :attr:`RawTable.rows`.
    """

    _CHUNK = 4096

    def __init__(self, cells: CellColumns, start: int = 0, stop: int | None = None, *, width: int | None = None, numbered: bool = False) -> None:
        self.cells, self.start = cells, start
        self.stop = cells.n_rows if stop is None else stop
        self.width, self.numbered = width, numbered

    def _build(self, a: int, b: int) -> list:
        rows = self.cells.rows(self.start + a, self.start + b, self.width)
        return [(self.start + a + i + 1, r) for i, r in enumerate(rows)] if self.numbered else rows

    def __len__(self) -> int:
        return self.stop - self.start

    def __getitem__(self, i):  # noqa: ANN001 - int or slice, as a list
        if isinstance(i, slice):
            a, b, step = i.indices(len(self))
            if step != 1:
                return self._build(0, len(self))[i]
            return self._build(a, max(a, b))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("row index out of range")
        return self._build(i, i + 1)[0]

    def __iter__(self) -> Iterator:
        for a in range(0, len(self), self._CHUNK):
            yield from self._build(a, min(len(self), a + self._CHUNK))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"LazyRows({len(self)} rows)"


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
    cells : CellColumns or None
        The same cells column by column, when the reader gave them so (an
        .xlsx); ``rows`` is then a :class:`LazyRows` over them.
    """

    name: str
    rows: Sequence[list[object]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    cells: CellColumns | None = None

    @classmethod
    def from_cells(cls, name: str, cells: CellColumns, merged: list[tuple[int, int, int, int]]) -> RawSheet:
        """A sheet whose ``rows`` are built from ``cells`` on demand."""
        return cls(name=name, rows=LazyRows(cells), merged=merged, cells=cells)


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
    cells : CellColumns or None
        When set, ``rows`` are the sheet rows ``first``..``first + len(rows) - 1``
        (0-based) of these columns, and the validator reads the columns directly.
    first : int
        0-based sheet row of ``rows[0]`` when ``cells`` is set.
    """

    sheet: str
    table: str
    headers: list[str]
    keys: list[str | None]
    rows: list[tuple[int, list[object]]]
    dropped_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    defaults: dict[str, object] = field(default_factory=dict)
    cells: CellColumns | None = None
    first: int = 0
