"""Parse an .xlsx workbook with calamine in a child process under memory and time limits.

Run as a script (``python analysis/xlsx_child.py LIMIT_BYTES CPU_SECONDS``): the
workbook's bytes come on standard input and the cells go back on standard
output, column by column, as ``[(name, merged, n_rows, n_cols, arrow, extras), ...]``
(pickled; see :func:`encode_sheet`). It imports neither pandas nor the
``analysis`` package, so it starts in a fraction of a second.

Why a child: calamine is Rust, and a workbook built to make it allocate more
than the machine has (a cell at XFD1048576 in a form the static checks of
:func:`analysis.reader.inspect_xlsx` miss, a shared string repeated a
thousand times) makes it *abort the whole process*, not raise. In a child the
abort, the memory limit (``RLIMIT_AS``) or the CPU limit (``RLIMIT_CPU``) ends
only the child, and the app goes on serving. Exit status 3 means calamine
refused the file as damaged (its message on standard error).
"""

from __future__ import annotations

import gc
import io
import pickle
import resource
import sys
from array import array
from datetime import date, datetime, timedelta
from itertools import compress

#: Type code of each cell, per column (``kind`` arrays): the cell's own type
#: travels with it, so an NUPTK typed as a number is still told from one typed as text.
EMPTY, TEXT, FLOAT, INT, BOOL, DATETIME, DATE, OTHER = range(8)
_KIND = {type(None): EMPTY, str: TEXT, float: FLOAT, int: INT, bool: BOOL, datetime: DATETIME, date: DATE}
_EXACT_INT = 2**53  # an int beyond this does not survive float64: it travels in ``extras``
_UNIX = datetime(1970, 1, 1)


def _mask(*kinds: int) -> bytes:
    """A ``bytes.translate`` table: type code → 1 if among ``kinds`` else 0."""
    return bytes(1 if k in kinds else 0 for k in range(256))


_IS_TEXT, _IS_NUMBER, _IS_DATE, _IS_DATETIME = _mask(TEXT), _mask(FLOAT, INT, BOOL), _mask(DATE), _mask(DATETIME)
_US = timedelta(microseconds=1)


def _pack(texts) -> tuple[bytes, array]:  # noqa: ANN001 - any iterable of str
    """Strings as one UTF-8 blob and their byte lengths: the reader makes an Arrow array of them without a Python object each."""
    encoded = list(map(str.encode, texts))
    return b"".join(encoded), array("q", map(len, encoded))


def encode_sheet(rows: list[list[object]]) -> tuple[int, int, list[dict], list[tuple[int, int, object]]]:
    """Cells of one sheet as typed columns, each cell's own type kept.

    Column ``j`` becomes a dict: ``"k"`` (bytes, one type code per row:
    :data:`EMPTY`, :data:`TEXT`, ...; left out for a column of text cells
    only) and, only where such cells occur, the values of its cells of each
    kind *in row order*, without gaps: ``"s"`` (the text cells as UTF-8 bytes
    joined and an ``array('q')`` of their lengths; ``""`` is calamine's empty cell), ``"f"`` (``array('d')`` of the float, int and
    bool cells), ``"d"`` (``array('q')`` of the date cells' day ordinals) and
    ``"t"`` (``array('q')`` of the datetime cells' microseconds since 1970).
    Cells of any other type (time, an int beyond 2**53, ...) are :data:`OTHER`
    and listed in ``extras`` as ``(row, column, value)``. Only the standard
    library is used, each cell handled by C loops (``map``, ``compress``,
    ``array``), so the child starts as fast as before and pickles a few large
    objects instead of millions of small ones.

    Returns
    -------
    tuple
        ``(n_rows, n_cols, columns, extras)``.
    """
    n = len(rows)
    width = max(map(len, rows), default=0)
    if not n or not width:
        return n, 0, [], []
    if any(len(r) != width for r in rows):
        rows = [r if len(r) == width else [*r, *([""] * (width - len(r)))] for r in rows]
    columns, extras = [], []
    for j, cells in enumerate(zip(*rows)):
        present = set(map(type, cells))
        if present == {str}:  # a text column: no type codes needed
            columns.append({"s": _pack(cells)})
            continue
        kind_of = _KIND if present <= _KIND.keys() else {**{t: OTHER for t in present}, **_KIND}
        kinds = bytearray(map(kind_of.__getitem__, map(type, cells)))
        if int in present:
            for i, v in enumerate(cells):
                if type(v) is int and not -_EXACT_INT <= v <= _EXACT_INT:
                    kinds[i] = OTHER
        out: dict[str, object] = {}
        if str in present:
            out["s"] = _pack(compress(cells, kinds.translate(_IS_TEXT)))
        if present & {float, int, bool}:
            out["f"] = array("d", compress(cells, kinds.translate(_IS_NUMBER)))
        if date in present:
            out["d"] = array("q", map(date.toordinal, compress(cells, kinds.translate(_IS_DATE))))
        if datetime in present:
            out["t"] = array("q", ((v - _UNIX) // _US for v in compress(cells, kinds.translate(_IS_DATETIME))))
        if OTHER in kinds:
            extras.extend((i, j, cells[i]) for i, k in enumerate(kinds) if k == OTHER)
        out["k"] = bytes(kinds)
        columns.append(out)
    return n, width, columns, extras


def main(argv: list[str]) -> int:
    limit, cpu = int(argv[1]), int(argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    data = sys.stdin.buffer.read()
    import python_calamine

    gc.disable()  # millions of short-lived cell objects; nothing here is cyclic
    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for name in wb.sheet_names:
            sh = wb.get_sheet_by_name(name)
            # skip_empty_area=False: rows[0] is Excel row 1 and cells[0] column A
            rows = sh.to_python(skip_empty_area=False)
            merged = [(a[0], a[1], b[0], b[1]) for a, b in (sh.merged_cell_ranges or [])]
            sheets.append((name, merged, *encode_sheet(rows)))
            del rows
    except Exception as exc:  # calamine raises its own error types
        sys.stderr.write(str(exc)[:300])
        return 3
    pickle.dump(sheets, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
