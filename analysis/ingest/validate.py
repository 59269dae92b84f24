"""Validate raw tables against the schema: every row accepted or reported.

Parsing of the Indonesian formats (IDs kept as text, day-first dates, Excel
serials, Ya/Tidak, decimal commas, closed value lists with their spellings)
is done here, cell by cell, so a problem can name its sheet, Excel row,
column and value. The range and required-value checks run through pandera
with lazy validation, so that every failure is collected and reported
together (pandera's error model), then translated into :class:`Problem`
objects with messages from the string table.

Invariant (tested): per sheet ``rows_read == rows_accepted + rows_rejected + rows_blank``,
and every rejected row has at least one error.
"""

from __future__ import annotations

import gc
import math
import re
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
import pandera.pandas as pa

from analysis.core import formatting, schema
from analysis.core.dataset import Problem, SheetReport, cell_text as cell_text, problem as problem
from analysis.core.schema import Column, Sheet
from analysis.ingest.rawdata import EMPTY, LazyRows, RawSheet, RawTable

_TOTAL_WORDS = {"jumlah", "total", "jumlah total", "grand total", "jumlah keseluruhan"}
_TRUE = {"ya", "y", "1", "yes", "true", "benar", "sudah"}
_FALSE = {"tidak", "t", "0", "no", "n", "false", "belum", "tdk"}
_EXCEL_EPOCH = date(1899, 12, 30)
_DATE_PATTERNS = (
    (re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$"), "dmy"),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"), "ymd"),
)
_ID_SCI = re.compile(r"^\d(?:[.,]\d+)?[eE]\+?\d+$")
#: Excel keeps 15 significant digits: a whole number of at most 15 digits lost none.
_EXACT_DIGITS = 15
#: ID columns whose values may start with a letter: Dapodik numbers non-formal
#: and PAUD units (kursus, PKBM, SKB) with a letter prefix, e.g. "P9908517".
_LETTER_PREFIX_IDS = frozenset({"npsn"})
#: ID problem codes that leave the ID trusted (not marked suspect).
_TRUSTED_ID_CODES = frozenset({"problem.id_normalised"})
#: Dates a ``datetime64[ns]`` column can hold (pandas' Timestamp range), whole days.
DATE_MIN, DATE_MAX = date(1677, 9, 22), date(2262, 4, 11)
#: Integers an ``Int64`` column can hold: |value| < 2**63.
_INT64_LIMIT = 2**63

_gc_lock = threading.Lock()
_gc_depth = 0
_gc_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a large sheet is read or validated.

    Reading and validating a 100,000-row sheet allocates millions of small
    lists and tuples that all stay alive; each allocation burst triggers a
    collection that walks every live object, which cost about a third of the
    loading time. Nothing here creates reference cycles worth collecting
    early, so the collector is paused and restored afterwards (reference
    counting still frees memory as usual). Nested and concurrent uses
    (Streamlit serves sessions from threads) share one counter: the collector
    is restored, if it was enabled, when the last use ends.

    Yields
    ------
    None
    """
    global _gc_depth, _gc_was_enabled
    with _gc_lock:
        if _gc_depth == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0 and _gc_was_enabled:
                gc.enable()


def is_blank(cells: list[object]) -> bool:
    """Whether every cell of a row is empty."""
    return all(cell_text(c) is None for c in cells)


def is_total_row(cells: list[object]) -> bool:
    """Whether a row is a trailing total (first non-empty cell JUMLAH / TOTAL)."""
    for c in cells:
        text = cell_text(c)
        if text is not None:
            return text.strip().rstrip(":").strip().lower() in _TOTAL_WORDS
    return False


# ---------------------------------------------------------------------------
# Cell parsers: return (value, problem_code or None, params)
# ---------------------------------------------------------------------------


def parse_id(value: object, digits: int | None, *, letter_prefix: bool = False) -> tuple[str | None, str | None, dict]:
    """Read an identifier (NPSN, NUPTK, NIP) as text of digits.

    Parameters
    ----------
    value : object
        The cell as read.
    digits : int or None
        Expected digit count (NPSN 8, NUPTK 16, NIP 18).
    letter_prefix : bool
        Accept one leading letter before ``digits - 1`` digits (Dapodik's NPSN
        of non-formal and PAUD units, e.g. ``"P9908517"``); the letter is
        upper-cased.

    Returns
    -------
    tuple
        ``(text, code, params)``: ``code`` is ``None`` for a sound ID, else the
        string-table key of a warning: ``problem.id_as_number`` (typed as a
        number of 16 or more digits: Excel keeps 15 significant digits, so it
        may have lost digits), ``problem.id_scientific``, ``problem.id_digits``
        (wrong digit count, also for a whole number of at most 15 digits),
        ``problem.id_not_digits``, or ``problem.id_normalised`` (written with
        non-ASCII digits such as Arabic-Indic ``٣`` or full-width ``３``:
        ``text`` holds ASCII digits and the ID stays trusted, so duplicates
        are still found).
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None, None, {}
    if isinstance(value, bool):
        return str(value), "problem.id_not_digits", {}
    if isinstance(value, (int, float)):
        text = cell_text(value) or ""
        if "e" in text.lower():
            return text, "problem.id_scientific", {}
        return _number_id(text, digits)
    text = str(value).strip().replace(" ", "")
    if text.startswith("'"):
        text = text[1:]
    normalised = False
    if not text.isascii():
        ascii_text = "".join(str(unicodedata.decimal(c)) if not c.isascii() and c.isdecimal() else c for c in text)
        normalised, text = ascii_text != text, ascii_text
    if text == "" or text in {"-", "0"}:
        return None, None, {}
    if _ID_SCI.match(text):
        return text, "problem.id_scientific", {}
    if text.endswith(".0") and text[:-2].isascii() and text[:-2].isdigit():
        return _number_id(text[:-2], digits)
    if letter_prefix and digits and len(text) == digits and text[0].isascii() and text[0].isalpha() and text[1:].isascii() and text[1:].isdigit():
        text = text[0].upper() + text[1:]
    elif not (text.isascii() and text.isdigit()):
        return text, "problem.id_not_digits", {}
    elif digits and len(text) != digits:
        return text, "problem.id_digits", {"digits": digits, "found": len(text)}
    if normalised:
        return text, "problem.id_normalised", {"normalised": text}
    return text, None, {}


def _number_id(text: str, digits: int | None) -> tuple[str, str | None, dict]:
    """An ID that arrived as a number (``text`` its digits): sound when whole, at most 15 digits and of the right length."""
    if text.isascii() and text.isdigit() and len(text) <= _EXACT_DIGITS:
        if digits and len(text) != digits:
            return text, "problem.id_digits", {"digits": digits, "found": len(text)}
        return text, None, {}
    return text, "problem.id_as_number", {"digits": digits or 0}


def parse_date(value: object) -> tuple[pd.Timestamp | None, str | None]:
    """Read a date: dd/mm/yyyy, dd-mm-yyyy, ISO yyyy-mm-dd, an Excel serial or a date cell.

    Never month-first: 03/04/2024 is 3 April 2024.

    Returns
    -------
    tuple
        ``(timestamp, code)``; ``code`` is ``problem.bad_date`` when the cell holds
        something that is not a date, ``problem.out_of_range`` for a date outside
        :data:`DATE_MIN`–:data:`DATE_MAX` (what a pandas datetime column holds;
        such a year is a typing error in teacher data).
    """
    if value is None:
        return None, None
    if isinstance(value, datetime):
        return _timestamp(value.date())
    if isinstance(value, date):
        return _timestamp(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 80000:
            return _timestamp(_EXCEL_EPOCH + timedelta(days=int(value)))
        return None, "problem.bad_date"
    text = str(value).strip()
    if not text:
        return None, None
    for rx, order in _DATE_PATTERNS:
        m = rx.match(text)
        if m:
            a, b, c = (int(g) for g in m.groups()[:3])
            d, mth, y = (a, b, c) if order == "dmy" else (c, b, a)
            try:
                day = date(y, mth, d)
            except ValueError:
                return None, "problem.bad_date"
            return _timestamp(day)
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        return parse_date(float(text))
    return None, "problem.bad_date"


def _timestamp(day: date) -> tuple[pd.Timestamp | None, str | None]:
    if not DATE_MIN <= day <= DATE_MAX:
        return None, "problem.out_of_range"
    return pd.Timestamp(day), None


def parse_number(value: object, *, below_thousand: bool = False) -> tuple[float | None, str | None]:
    """Read a number; text may use a decimal comma (``"24,5"``) and dots between thousands (``"1.234,5"``).

    Parameters
    ----------
    value : object
        A cell as read.
    below_thousand : bool
        The column's range lies within ±1,000 (a coordinate, a score): a dot
        cannot separate thousands there, so ``"104.247"`` is 104.247, not 104,247.

    Returns
    -------
    tuple
        ``(number, code)``; ``code`` is ``problem.bad_number`` for non-numeric text.
    """
    if value is None:
        return None, None
    if isinstance(value, bool):
        return float(value), None
    if isinstance(value, (int, float)):
        return (None, None) if isinstance(value, float) and math.isnan(value) else (float(value), None)
    text = str(value).strip().replace(" ", "")
    if not text:
        return None, None
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text) and not (below_thousand and "," not in text):  # 1.234,5
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+,\d+", text):
        text = text.replace(",", ".")
    try:
        return float(text), None
    except ValueError:
        return None, "problem.bad_number"


def parse_bool(value: object) -> tuple[bool | None, str | None]:
    """Read Ya/Tidak, Y/T, 1/0, Yes/No (any case).

    Returns
    -------
    tuple
        ``(bool, code)``; ``code`` is ``problem.bad_bool`` for anything else.
    """
    text = cell_text(value)
    if text is None:
        return None, None
    folded = text.lower()
    if folded in _TRUE:
        return True, None
    if folded in _FALSE:
        return False, None
    return None, "problem.bad_bool"


def parse_choice(value: object, col: Column) -> tuple[str | None, str | None]:
    """Map a cell onto the column's closed list, spellings and case folded.

    Returns
    -------
    tuple
        ``(value, code)``; a value outside the list is kept as written with
        ``problem.not_in_list`` (a warning).
    """
    text = cell_text(value)
    if text is None:
        return None, None
    folded = " ".join(text.split()).lower()
    for allowed in col.allowed:
        if allowed.lower() == folded:
            return allowed, None
    for alias, target in col.value_aliases.items():
        if alias.lower() == folded:
            return target, None
    return text, "problem.not_in_list"


# ---------------------------------------------------------------------------
# Header detection
# ---------------------------------------------------------------------------


def map_headers(cells: list[object], sheet: Sheet) -> list[str | None]:
    """Schema column key for each header cell (``None`` when not a column of the sheet)."""
    hmap = schema.header_map(sheet)
    keys: list[str | None] = []
    seen: set[str] = set()
    for c in cells:
        key = hmap.get(schema.normalize_header(c)) if cell_text(c) else None
        if key in seen:
            key = None
        if key:
            seen.add(key)
        keys.append(key)
    return keys


def find_header_row(rows: list[list[object]], sheet: Sheet, scan: int = 30) -> int | None:
    """Find the header row: the first of the top rows whose cells best match the sheet's headers.

    Parameters
    ----------
    rows : list of list
        Raw rows; ``rows[i]`` is Excel row ``i + 1``.
    sheet : Sheet
    scan : int
        How many top rows to look at.

    Returns
    -------
    int or None
        0-based index of the header row, ``None`` when no row names at least
        two columns of the sheet (or the only column, for a one-column sheet).
    """
    best, best_score = None, 0
    for i, row in enumerate(rows[:scan]):
        matched = sum(1 for k in map_headers(row, sheet) if k)
        if matched > best_score:
            best, best_score = i, matched
    need = min(2, len(sheet.columns))
    return best if best_score >= need else None


def table_from_sheet(raw: RawSheet, sheet: Sheet) -> RawTable | None:
    """Turn a raw sheet of the project's own format into a :class:`RawTable`.

    Title rows above the header are not rows. Returns ``None`` when no header
    row is found.
    """
    h = find_header_row(raw.rows, sheet)
    if h is None:
        return None
    header_cells = raw.rows[h]
    keys = map_headers(header_cells, sheet)
    headers = [cell_text(c) or "" for c in header_cells]
    cells = raw.cells
    if cells is not None and isinstance(raw.rows, LazyRows) and raw.rows.cells is cells:
        # Columns as read: the validator reads them directly; rows are built only if asked for.
        filled = [np.flatnonzero(k != EMPTY) for k in cells.kind]
        stop = max([h + 1] + [int(f[-1]) + 1 for f in filled if len(f)])
        while stop > h + 1 and is_blank(raw.rows[stop - 1]):  # e.g. a last row of spaces
            stop -= 1
        rows = LazyRows(cells, h + 1, stop, numbered=True)
        return RawTable(sheet=raw.name, table=sheet.key, headers=headers, keys=keys, rows=rows, problems=list(raw.warnings), cells=cells, first=h + 1)
    with gc_paused():
        rows = [(h + 2 + i, list(r)) for i, r in enumerate(raw.rows[h + 1 :])]
    while rows and is_blank(rows[-1][1]):  # the used range's trailing empty rows are not rows read
        rows.pop()
    return RawTable(sheet=raw.name, table=sheet.key, headers=headers, keys=keys, rows=rows, problems=list(raw.warnings))


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------


def empty_frame(sheet: Sheet) -> pd.DataFrame:
    """An empty validated table with every schema column in its proper dtype."""
    data: dict[str, pd.Series] = {schema.ROW_COLUMN: pd.Series([], dtype="Int64")}
    for col in sheet.columns:
        data[col.key] = pd.Series([], dtype=_dtype(col))
        if col.type == "id":
            data[col.key + schema.SUSPECT_SUFFIX] = pd.Series([], dtype="boolean")
    return pd.DataFrame(data)


def _dtype(col: Column) -> str:
    return {
        "date": "datetime64[ns]",
        "bool": "boolean",
        "int": "Int64",
        "float": "float64",
        "level": "float64",
        "score": "float64",
    }.get(col.type, "object")


def _pandera_schema(sheet: Sheet, present: set[str]) -> pa.DataFrameSchema:
    columns = {}
    for col in sheet.columns:
        if col.key not in present:
            continue
        checks = []
        if col.min is not None and col.max is not None:
            checks.append(pa.Check.in_range(col.min, col.max))
        columns[col.key] = pa.Column(nullable=not col.required, checks=checks, required=False)
    return pa.DataFrameSchema(columns, coerce=False)


def validate_table(rt: RawTable) -> tuple[pd.DataFrame, SheetReport, list[Problem]]:
    """Parse and check one raw table.

    Parsing is done column by column with a per-column cache of already parsed
    values (choices, dates and levels repeat), so a 100,000-row sheet validates
    in seconds. Range and required checks run through pandera (lazy) and are
    translated into problems.

    Parameters
    ----------
    rt : RawTable

    Returns
    -------
    tuple
        ``(frame, report, problems)``: ``frame`` holds the accepted rows, one per
        data row of the sheet, with every schema column (missing ones empty),
        ``_row`` (Excel row number) and ``<id>_suspect`` flags; ``report``
        counts rows read, accepted, rejected and blank; ``problems`` lists every
        problem with sheet, Excel row, column header as written, value and severity.
        ``frame.attrs["headers"]`` maps column keys to the headers as written.
    """
    with gc_paused():
        return _validate_table(rt)


def _validate_table(rt: RawTable) -> tuple[pd.DataFrame, SheetReport, list[Problem]]:
    sheet = schema.SHEETS_BY_KEY[rt.table]
    problems: list[Problem] = list(rt.problems)
    report = SheetReport(sheet=rt.sheet, table=rt.table)
    header_of = {k: h for h, k in zip(rt.headers, rt.keys) if k}
    header_of.update({k: sheet.column(k).header for k in rt.defaults if k not in header_of})
    present = set(header_of)

    keyed = [(i, k) for i, k in enumerate(rt.keys) if k]
    excel_rows, encoded = _encode_table(rt, keyed[-1][0] + 1 if keyed else 0)
    data_at = np.flatnonzero(~_skipped_rows(encoded, len(excel_rows)))
    row_numbers = excel_rows[data_at]
    report.rows_read = len(excel_rows)
    report.rows_blank = len(excel_rows) - len(data_at)

    missing = [col for col in sheet.columns if col.required and col.key not in present]
    if missing:
        for col in missing:
            problems.append(problem(rt.sheet, None, col.header, None, "error", "problem.missing_column"))
        # every data row is rejected: report each row once so no row goes unexplained
        for excel_row in row_numbers.tolist():
            problems.append(problem(rt.sheet, excel_row, missing[0].header, None, "error", "problem.row_missing_column"))
        report.rows_rejected = len(data_at)
        frame = empty_frame(sheet)
        frame.attrs["headers"] = header_of
        return frame, report, problems

    n = len(data_at)
    columns: dict[str, object] = {schema.ROW_COLUMN: pd.array(row_numbers, dtype="Int64")}
    rejected: set[int] = set()
    errored: set[tuple[int, str]] = set()
    for i, key in keyed:
        col = sheet.column(key)
        header = header_of[key]
        uniques, inverse = encoded[i]
        values, flagged = _parse_column(uniques, inverse[data_at], col)
        suspect = np.zeros(n, dtype=bool)
        for j, raw, code, params, severity in flagged:
            excel_row = int(row_numbers[j])
            if col.type == "id" and code not in _TRUSTED_ID_CODES:
                suspect[j] = True
            problems.append(problem(rt.sheet, excel_row, header, raw, severity, code, **params))
            if severity == "error":
                rejected.add(excel_row)
                errored.add((excel_row, key))
        columns[key] = values
        if col.type == "id":
            columns[key + schema.SUSPECT_SUFFIX] = pd.arrays.BooleanArray(suspect, np.zeros(n, dtype=bool))
    for key, default in rt.defaults.items():
        if key in columns:
            filled = pd.Series(columns[key], dtype=object if _dtype(sheet.column(key)) == "object" else None)
            columns[key] = filled.where(filled.notna(), default).to_numpy(dtype=object)
        else:
            columns[key] = [default] * n

    frame = _to_frame(columns, n, sheet)
    # Range and required checks, all failures collected together (pandera, lazy).
    if n:
        try:
            _pandera_schema(sheet, present).validate(frame, lazy=True)
        except pa.errors.SchemaErrors as exc:
            for fc in exc.failure_cases.to_dict("records"):
                key = fc["column"]
                idx = fc["index"]
                if key not in header_of or idx is None or (isinstance(idx, float) and math.isnan(idx)):
                    continue
                excel_row = int(row_numbers[int(idx)])
                if (excel_row, key) in errored:
                    continue  # already reported (e.g. an unreadable date is also empty)
                col = sheet.column(key)
                check = str(fc["check"])
                if "nullable" in check:
                    problems.append(problem(rt.sheet, excel_row, header_of[key], None, "error", "problem.required"))
                elif "range" in check:
                    problems.append(
                        problem(rt.sheet, excel_row, header_of[key], fc["failure_case"], "error", "problem.out_of_range", min=_fmt(col.min), max=_fmt(col.max))
                    )
                else:  # pragma: no cover - only the checks above are declared
                    problems.append(problem(rt.sheet, excel_row, header_of[key], fc["failure_case"], "error", "problem.check_failed", check=check))
                rejected.add(excel_row)
                errored.add((excel_row, key))

    if rejected:
        frame = frame[~frame[schema.ROW_COLUMN].isin(rejected)].reset_index(drop=True)
    frame.attrs["headers"] = header_of
    report.rows_rejected = len(rejected)
    report.rows_accepted = len(frame)
    return frame, report, problems


Encoded = tuple[list[object], np.ndarray]
"""A column as ``(uniques, inverse)``: its distinct cells (own types kept) and, per row, the index of its cell in them (-1: empty)."""


def _encode_table(rt: RawTable, width: int) -> tuple[np.ndarray, list[Encoded]]:
    """Excel row numbers of ``rt.rows`` and every column of them encoded (at least ``width`` columns).

    A table over read columns (``rt.cells``) is encoded by numpy and pyarrow
    without building rows; a table of Python rows (CSV, adapters) by one
    dictionary per column.
    """
    cells = rt.cells
    if cells is not None and isinstance(rt.rows, LazyRows) and rt.rows.cells is cells and rt.rows.start == rt.first:
        at = np.arange(rt.first, rt.first + len(rt.rows))
        return at + 1, [cells.encode(j, at) for j in range(max(width, cells.n_cols))]
    excel_rows = np.fromiter((r for r, _ in rt.rows), dtype=np.int64, count=len(rt.rows))
    lists = [cells for _, cells in rt.rows]
    return excel_rows, [_encode_cells(c) for c in _transpose(lists, max([width, *map(len, lists)]))]


def _encode_cells(cells: tuple[object, ...]) -> Encoded:
    """One column of Python cells as :data:`Encoded`.

    Cells are told apart by type and value, so ``True``, ``1`` and ``1.0``
    (equal in Python) stay distinct: a number typed into an ID column is
    still flagged when the same ID also appears as text.
    """
    n = len(cells)
    try:
        kinds = set(map(type, cells))
        kinds.discard(type(None))
        keys: list[object] = list(cells) if len(kinds) <= 1 else list(zip(map(type, cells), cells))
        position = {k: i for i, k in enumerate(dict.fromkeys(keys))}
    except TypeError:  # an unhashable cell: every cell its own value
        return list(cells), np.arange(n, dtype=np.int64)
    inverse = np.fromiter(map(position.__getitem__, keys), dtype=np.int64, count=n)
    uniques = list(position) if len(kinds) <= 1 else [k[1] for k in position]  # type: ignore[index]
    return uniques, inverse


def _skipped_rows(encoded: list[Encoded], n: int) -> np.ndarray:
    """Per row, ``is_blank(cells) or is_total_row(cells)``: blank, or a total row (first non-empty cell JUMLAH / TOTAL).

    Walks the columns left to right only while some row has had no
    non-empty cell yet, deciding each distinct cell once.
    """
    first_seen = np.zeros(n, dtype=bool)
    total = np.zeros(n, dtype=bool)
    for uniques, inverse in encoded:
        open_rows = np.flatnonzero(~first_seen)
        if not len(open_rows):
            break
        at = inverse[open_rows]
        used = np.unique(at[at >= 0])
        filled = np.zeros(len(uniques) + 1, dtype=bool)
        word = np.zeros(len(uniques) + 1, dtype=bool)
        for u in used.tolist():
            text = cell_text(uniques[u])
            filled[u] = text is not None
            word[u] = text is not None and text.strip().rstrip(":").strip().lower() in _TOTAL_WORDS
        now = open_rows[filled[at]]
        first_seen[now] = True
        total[now] = word[inverse[now]]
    return ~first_seen | total


def _transpose(rows: list[list[object]], width: int) -> list[tuple[object, ...]]:
    """The first ``width`` columns of ``rows`` (short rows padded with ``None``)."""
    if not rows or not width:
        return [()] * width
    padded = [cells if len(cells) >= width else [*cells, *([None] * (width - len(cells)))] for cells in rows]
    return list(zip(*padded))[:width]


def _parse_column(uniques: list[object], inverse: np.ndarray, col: Column) -> tuple[object, list[tuple]]:
    """Parse one column: each distinct cell once, then every row by indexing.

    Parsing is pure, so this gives what parsing every cell would.

    Parameters
    ----------
    uniques : list
        Distinct cells (see :data:`Encoded`).
    inverse : ndarray of int
        Per row, its cell's index in ``uniques``; -1 for an empty cell.
    col : Column

    Returns
    -------
    tuple
        ``(values, flagged)``: the parsed value of every row as an array in
        the column's dtype, and ``(row index, raw cell, code, params, severity)``
        for each row whose cell's parse produced a problem code, in row order.
    """
    parsed, found = _parse_uniques(uniques, col)
    values = _column_array(parsed, inverse, col)
    flagged = []
    if found:
        is_bad = np.zeros(len(uniques) + 1, dtype=bool)  # the extra last slot is the empty cell (-1)
        is_bad[list(found)] = True
        for j in np.flatnonzero(is_bad[inverse]).tolist():
            u = int(inverse[j])
            flagged.append((j, uniques[u], *found[u]))
    return values, flagged


def _parse_uniques(uniques: list[object], col: Column) -> tuple[list[object], dict[int, tuple[str, dict, str]]]:
    """:func:`_parse_cell` of each distinct cell → (values, ``{index: (code, params, severity)}`` of the flagged ones).

    The two kinds of column whose cells are mostly distinct take a shortcut
    giving the same result: text (its cells stripped) and IDs written as
    ASCII digits of the right length (kept as they are).
    """
    if col.type == "text":
        return [(u.strip() or None) if type(u) is str else cell_text(u) for u in uniques], {}
    if col.type == "id":
        d = col.digits
        sound = [type(u) is str and u.isascii() and u.isdigit() and u != "0" and (not d or len(u) == d) for u in uniques]
        values: list[object] = list(uniques)
        found: dict[int, tuple[str, dict, str]] = {}
        for i in [i for i, ok in enumerate(sound) if not ok]:
            value, code, params, severity = _parse_cell(uniques[i], col)
            values[i] = value
            if code:
                found[i] = (code, params, severity)
        return values, found
    parsed = [_parse_cell(u, col) for u in uniques]
    return [r[0] for r in parsed], {i: r[1:] for i, r in enumerate(parsed) if r[1]}


def _column_array(parsed: list[object], inverse: np.ndarray, col: Column) -> object:
    """Parsed values of the distinct cells, spread over the rows, in the column's dtype."""
    dtype = _dtype(col)
    m = len(parsed)
    missing = [v is None for v in parsed] + [True]
    if dtype == "float64":
        return np.array([np.nan if v is None else v for v in parsed] + [np.nan], dtype=np.float64)[inverse]
    if dtype.startswith("datetime"):
        nat = np.datetime64("NaT", "ns")
        return np.array([nat if v is None else v.to_datetime64() for v in parsed] + [nat], dtype="datetime64[ns]")[inverse]
    if dtype == "boolean":
        truth = np.array([bool(v) if v is not None else False for v in parsed] + [False], dtype=bool)
        return pd.arrays.BooleanArray(truth[inverse], np.array(missing)[inverse])
    if dtype == "Int64":
        whole = np.array([int(v) if v is not None else 0 for v in parsed] + [0], dtype=np.int64)
        return pd.arrays.IntegerArray(whole[inverse], np.array(missing)[inverse])
    out = np.empty(m + 1, dtype=object)
    out[:m] = np.fromiter(parsed, dtype=object, count=m)
    return out[inverse]


def _fmt(x: float | None) -> str:
    """A column limit in a message's params: language-neutral text, whole numbers without ".0" (:func:`analysis.core.formatting.csv_value`)."""

    return "" if x is None else str(formatting.csv_value(x, "number"))


def _parse_cell(raw: object, col: Column) -> tuple[object, str | None, dict, str]:
    """Parse one cell by its column type → (value, code, params, severity)."""
    if col.type == "id" and type(raw) is str and raw.isascii() and raw.isdigit() and raw != "0" and (not col.digits or len(raw) == col.digits):
        return raw, None, {}, "warning"  # the usual sound ID typed as text: what parse_id would return, sooner
    if col.type == "id":
        value, code, params = parse_id(raw, col.digits, letter_prefix=col.key in _LETTER_PREFIX_IDS)
        return value, code, params, "warning"
    if col.type == "date":
        value, code = parse_date(raw)
        params = {"min": DATE_MIN.strftime("%d/%m/%Y"), "max": DATE_MAX.strftime("%d/%m/%Y")} if code == "problem.out_of_range" else {}
        return value, code, params, "error"
    if col.type in ("int", "float", "level", "score"):
        small = col.max is not None and col.max < 1000 and col.min is not None and col.min > -1000
        value, code = parse_number(raw, below_thousand=small)
        if col.type == "int" and value is not None:
            if not float(value).is_integer():
                return None, "problem.bad_number", {}, "error"
            if abs(value) >= _INT64_LIMIT:  # beyond what an Int64 column holds
                low, high = _fmt(col.min) or str(-_INT64_LIMIT), _fmt(col.max) or str(_INT64_LIMIT - 1)
                return None, "problem.out_of_range", {"min": low, "max": high}, "error"
        return value, code, {}, "error"
    if col.type == "bool":
        value, code = parse_bool(raw)
        return value, code, {}, "warning"
    if col.type == "choice":
        value, code = parse_choice(raw, col)
        return value, code, {"allowed": ", ".join(col.allowed)}, "warning"
    return cell_text(raw), None, {}, "warning"


def _to_frame(columns: dict[str, object], n: int, sheet: Sheet) -> pd.DataFrame:
    """Columns of parsed values → a frame with every schema column in its dtype.

    A column already built in its dtype (by :func:`_column_array`) is taken as
    it is; a list of Python values (adapter defaults) is converted.
    """
    base = empty_frame(sheet)
    if not n:
        return base
    out = {}
    for name in base.columns:
        values = columns.get(name)
        dtype = str(base[name].dtype)
        if values is None:
            values = [None] * n
        if isinstance(values, (np.ndarray, pd.api.extensions.ExtensionArray)) and str(values.dtype) == dtype:
            series = pd.Series(values, dtype=values.dtype, copy=False)
        elif dtype.startswith("datetime"):
            series = pd.to_datetime(pd.Series(list(values), dtype=object), errors="coerce").astype(dtype)
        elif dtype == "object":
            series = pd.Series(list(values), dtype=object)
        elif dtype in ("float64",):
            series = pd.Series([np.nan if v is None else v for v in values], dtype="float64")
        else:
            series = pd.Series(list(values), dtype=object).astype(dtype)
        out[name] = series
    return pd.DataFrame(out)
