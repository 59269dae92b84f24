"""Read a user's file into raw sheets, safely.

Excel workbooks are read with python-calamine (Rust's calamine): it is fast and,
unlike a column-typed reader, keeps each cell's own type, so an NUPTK typed as
a number can still be told apart from one typed as text. CSV files are read with
the standard library's ``csv`` module after sniffing the encoding and the
delimiter.

A hostile workbook is refused *before* it is parsed: calamine allocates the
whole used range of a sheet, so a 5 KB file with one cell at XFD1048576 would
abort the process, and a zip bomb would exhaust memory. :func:`inspect_xlsx`
checks the zip's declared sizes and ratios and every XML part's cell
references by streaming it. As a second line, calamine itself runs in a child
process (:mod:`analysis.xlsx_child`) with a memory and a CPU-time limit, so a
file that gets past the checks ends only the child: the app goes on serving
and the user gets one message.
"""

from __future__ import annotations

import csv
import io
import pickle
import re
import subprocess
import sys
import zipfile
from pathlib import Path, PurePath

from analysis.dataset import Problem
from analysis.rawdata import CellColumns, RawSheet
from analysis.validate import gc_paused

#: Largest total uncompressed size a workbook may declare (bytes).
MAX_UNCOMPRESSED = 400 * 1024 * 1024
#: Largest compression ratio of one member larger than 1 MB.
MAX_RATIO = 100
#: Largest number of cells (rows × columns of the used range) in one sheet.
MAX_CELLS = 12_000_000
#: Largest number of columns in one sheet.
MAX_COLUMNS = 500
#: Largest number of rows in one sheet (Excel's own limit is 1,048,576).
MAX_ROWS = 400_000
#: Address-space limit of the child process that parses a workbook (bytes).
CHILD_MEMORY = 2 * 1024**3
#: CPU-time limit of that child (seconds); the wall-clock limit is twice this.
CHILD_CPU_SECONDS = 30
#: Longest text an Excel cell can hold (characters); a longer run of text in
#: the XML is no spreadsheet Excel wrote, and repeated in many cells it would
#: make the reader build gigabytes of strings from a few kilobytes.
MAX_CELL_TEXT = 32_767
_CHILD = Path(__file__).with_name("xlsx_child.py")

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Cell references (``r="B12"``, in any quoting and spacing XML allows); the
# literal prefix keeps the scan fast, and matching any attribute ending in r
# only errs on the side of refusing.
_Q = rb"""\s*=\s*["']"""
_CELL_REF = re.compile(rb"r" + _Q + rb"([A-Za-z]{1,3})([0-9]{1,7})[\"']")
_ODD_CELL_REF = re.compile(rb"r" + _Q + rb"([A-Za-z]{2,3}|[A-Za-z](?=[0-9]{6}))([0-9]{1,7})[\"']")
_ROW_REF = re.compile(rb"<(?:\w+:)?row\b[^>]*?\sr" + _Q + rb"([0-9]{1,7})[\"']")
_LONG_TEXT = re.compile(rb"[^<]{%d,}" % (MAX_CELL_TEXT + 1))
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref" + _Q + rb"(?:[A-Za-z]+[0-9]+:)?([A-Za-z]{1,3})([0-9]{1,7})[\"']")


class UnreadableFile(Exception):
    """A file that cannot be read at all.

    Attributes
    ----------
    code : str
        String-table key of the message (``"file.not_workbook"``, ``"file.encrypted"``,
        ``"file.empty"``, ``"file.zip_bomb"``, ``"file.too_large_range"``,
        ``"file.unsupported_type"``, ``"file.corrupt"``).
    params : dict
        Values for the message's placeholders.
    """

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def column_number(letters: str) -> int:
    """Excel column letters to a 1-based number (``"A"`` → 1, ``"XFD"`` → 16384)."""
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def column_letters(number: int) -> str:
    """1-based column number to Excel letters (27 → ``"AA"``)."""
    s = ""
    while number > 0:
        number, rem = divmod(number - 1, 26)
        s = chr(65 + rem) + s
    return s


def inspect_xlsx(data: bytes) -> None:
    """Refuse a workbook that would exhaust the machine, before any parsing.

    Checks the zip's declared uncompressed sizes (total and per-member ratio)
    and, by streaming each worksheet's XML, its ``<dimension>`` and every cell
    reference against :data:`MAX_ROWS`, :data:`MAX_COLUMNS` and :data:`MAX_CELLS`.

    Parameters
    ----------
    data : bytes
        The file's content.

    Raises
    ------
    UnreadableFile
        ``file.encrypted`` (an OLE2 container: encrypted .xlsx or old .xls),
        ``file.not_workbook``, ``file.zip_bomb`` or ``file.too_large_range``.
    """
    if data[:8] == _OLE2:
        raise UnreadableFile("file.encrypted")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise UnreadableFile("file.not_workbook") from exc
    with zf:
        infos = zf.infolist()
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
            raise UnreadableFile("file.not_workbook")
        total = sum(i.file_size for i in infos)
        if total > MAX_UNCOMPRESSED:
            raise UnreadableFile("file.zip_bomb", size_mb=round(total / 2**20))
        for info in infos:
            if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise UnreadableFile("file.zip_bomb", size_mb=round(info.file_size / 2**20))
        for info in infos:
            # every XML part, not only xl/worksheets/: the workbook's links may put a sheet anywhere
            if info.filename.lower().endswith(".xml") and not info.is_dir():
                _check_sheet_extent(zf, info)


def _scan(zf: zipfile.ZipFile, info: zipfile.ZipInfo, patterns: tuple[re.Pattern, ...], on_chunk) -> None:
    """Stream one member, calling ``on_chunk(findall results per pattern)`` per chunk.

    Chunks are cut after the last ``>`` so that no tag is split; a member that
    inflates beyond its declared size is refused as a zip bomb.
    """
    read = 0
    tail = b""
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(1 << 22)
            read += len(chunk)
            if read > info.file_size + (1 << 20):  # the zip lied about the size
                raise UnreadableFile("file.zip_bomb", size_mb=round(read / 2**20))
            if not chunk:
                buf, tail = tail, b""
            else:
                cut = chunk.rfind(b">") + 1
                buf, tail = tail + chunk[:cut], chunk[cut:]
                if len(tail) > 1 << 16:  # no tag end for 64 KB: not worksheet XML
                    buf, tail = buf + tail, b""
            on_chunk([rx.findall(buf) for rx in patterns])
            if not chunk:
                break


def _check_sheet_extent(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Refuse a worksheet whose used range would make calamine allocate too much.

    Fast path: the ``<dimension>``, every ``<row r=...>`` and only the cell
    references that are unusual in teacher data (columns of two or three
    letters, rows of six or more digits). When a column beyond Z appears, the
    sheet is rescanned reading every cell reference, so a wide sheet's real
    extent is known exactly; a narrow one (≤ 26 columns) cannot exceed
    26 × 99,999 cells unnoticed.
    """
    sheet = PurePath(info.filename).stem
    extent = {"row": 0, "col": 0}

    def update(col_letters: bytes | None, row: int) -> None:
        if col_letters is not None:
            extent["col"] = max(extent["col"], column_number(col_letters.decode().upper()))
        extent["row"] = max(extent["row"], row)
        r, c = extent["row"], max(extent["col"], 1)
        if r > MAX_ROWS or c > MAX_COLUMNS or r * c > MAX_CELLS:
            raise UnreadableFile("file.too_large_range", cell=f"{column_letters(c)}{r}", sheet=sheet)

    def fast(found: list[list]) -> None:
        dims, rows, cells, long_text = found
        if long_text:
            raise UnreadableFile("file.text_too_long", sheet=sheet, chars=MAX_CELL_TEXT)
        # cells and dimensions first: they name the column, so the message names the real cell
        for col, row in cells:
            update(col, int(row))
        for col, row in dims:
            update(col, int(row))
        if rows:
            update(None, max(map(int, rows)))

    _scan(zf, info, (_DIMENSION, _ROW_REF, _ODD_CELL_REF, _LONG_TEXT), fast)
    if extent["col"] > 26:

        def exact(found: list[list]) -> None:
            (cells,) = found
            if cells:
                update(max((c.upper() for c, _ in cells), key=lambda b: (len(b), b)), max(int(r) for _, r in cells))

        _scan(zf, info, (_CELL_REF,), exact)


def read_xlsx(data: bytes) -> list[RawSheet]:
    """Read every sheet of an .xlsx workbook, cells as they are.

    Parameters
    ----------
    data : bytes

    Returns
    -------
    list of RawSheet
        One per sheet, in workbook order; ``rows[i]`` is Excel row ``i + 1``
        (built on demand from ``cells``, the sheet's typed columns as the
        child sent them).

    Raises
    ------
    UnreadableFile
        When :func:`inspect_xlsx` refuses the file, calamine cannot parse it
        (``file.corrupt``), parsing it needs more than :data:`CHILD_MEMORY`
        bytes or :data:`CHILD_CPU_SECONDS` seconds (``file.too_demanding``),
        or no sheet holds any cell (``file.workbook_empty``).
    """
    inspect_xlsx(data)
    cmd = [sys.executable, str(_CHILD), str(CHILD_MEMORY), str(CHILD_CPU_SECONDS)]
    try:
        done = subprocess.run(cmd, input=data, capture_output=True, timeout=2 * CHILD_CPU_SECONDS, check=False)
    except subprocess.TimeoutExpired as exc:
        raise UnreadableFile("file.too_demanding", memory_gb=CHILD_MEMORY // 1024**3, seconds=CHILD_CPU_SECONDS) from exc
    if done.returncode == 3:
        raise UnreadableFile("file.corrupt", detail=done.stderr.decode("utf-8", "replace")[:200])
    if done.returncode != 0:  # killed by a limit, or calamine aborted on an allocation
        raise UnreadableFile("file.too_demanding", memory_gb=CHILD_MEMORY // 1024**3, seconds=CHILD_CPU_SECONDS)
    with gc_paused():
        parsed = pickle.loads(done.stdout)
    return _read_sheets(parsed)


def _read_sheets(parsed: list[tuple[str, list[tuple[int, int, int, int]], int, int, list[dict], list]]) -> list[RawSheet]:
    """Raw sheets from the child's ``(name, merged, n_rows, n_cols, columns, extras)`` per sheet."""
    sheets = [RawSheet.from_cells(name, CellColumns(n_rows, n_cols, columns, extras), merged) for name, merged, n_rows, n_cols, columns, extras in parsed]
    if not any(sh.cells.any_cell() for sh in sheets):
        raise UnreadableFile("file.workbook_empty")
    return sheets


def _clean(value: object) -> object:
    if isinstance(value, str):
        return value if value.strip() != "" else None
    return value


def _decode_text(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def read_csv(data: bytes, filename: str) -> list[RawSheet]:
    """Read a CSV file as one raw sheet named after the file.

    Accepts comma or semicolon (or tab) delimiters, UTF-8 with or without BOM,
    and Windows-1252 (with a warning on the sheet). Every cell stays text; the
    validator parses decimal commas and dates.

    Parameters
    ----------
    data : bytes
    filename : str
        The sheet is named after it, without extension.

    Returns
    -------
    list of RawSheet
        One sheet.

    Raises
    ------
    UnreadableFile
        ``file.empty`` when the file holds no text.
    """
    text, encoding = _decode_text(data)
    if not text.strip():
        raise UnreadableFile("file.empty")
    sample = text[:20000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample.splitlines() else ""
        delimiter = ";" if first.count(";") > first.count(",") else ","
    name = PurePath(filename).stem
    rows = [[c if c.strip() != "" else None for c in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    sheet = RawSheet(name=name, rows=rows)
    if encoding == "cp1252":
        sheet.warnings.append(Problem(name, None, None, None, "warning", "file.cp1252"))
    return [sheet]


def read_file(data: bytes, filename: str) -> list[RawSheet]:
    """Read a user's file (.xlsx or .csv) into raw sheets.

    Parameters
    ----------
    data : bytes
        The file's content.
    filename : str
        Its name; the extension chooses the reader (a workbook's zip signature
        wins over a wrong extension).

    Returns
    -------
    list of RawSheet

    Raises
    ------
    UnreadableFile
        For a file that cannot be read at all: empty, not a workbook, encrypted
        or old .xls, hostile (zip bomb, absurd used range), corrupt.
    """
    if not data or not data.strip():
        raise UnreadableFile("file.empty")
    suffix = PurePath(filename).suffix.lower()
    if data[:2] == b"PK" or suffix in (".xlsx", ".xlsm"):
        return read_xlsx(data)
    if data[:8] == _OLE2:
        raise UnreadableFile("file.encrypted")
    if suffix in (".csv", ".txt", ""):
        return read_csv(data, filename)
    raise UnreadableFile("file.unsupported_type", suffix=suffix)
