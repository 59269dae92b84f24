"""Check, then parse, a workbook in a child process under memory and time limits.

Run as a script (``python analysis/ingest/xlsx_child.py LIMIT_BYTES CPU_SECONDS
LIMITS_JSON``): the workbook's bytes (.xlsx/.xlsm, .ods or .xls) come on
standard input and the cells go back on standard output, column by column,
as ``[(name, merged, n_rows, n_cols, columns, extras), ...]`` (pickled; see
:func:`encode_sheet`; names as in the file, even when two sheets share one).
It imports neither pandas nor the
``analysis`` package, so it starts in a fraction of a second.

Why a child: everything that reads a workbook's *content* runs here, never in
the app's process. :func:`check_workbook` streams every XML part in linear
time and refuses a sheet whose used range, text or expansion is beyond
``LIMITS_JSON`` (the limits of :mod:`analysis.ingest.reader`); meanwhile calamine
parses in a forked second process under the same limits, and its cells are
passed on only if the checks accept the file (:func:`main`). calamine is
Rust, and a workbook built to make it allocate more than the machine has (a
cell at XFD1048576 in a form the checks miss, a shared string repeated a
thousand times) makes it *abort the whole process*, not raise. In a child the
abort, the memory limit (``RLIMIT_AS``), the CPU limit (``RLIMIT_CPU``) or the
parent's wall clock ends only the child, and the app goes on serving; a file
the checks refuse gets their code whatever calamine did with it.

Exit status 3 means calamine refused the file as damaged (its message on
standard error); 4 means :func:`check_workbook` refused it (standard error
holds ``{"code": ..., "params": ...}`` as JSON, a string-table key of
:mod:`analysis.i18n.ingest` and its placeholders).
"""

from __future__ import annotations

import gc
import io
import json
import os
import pickle
import re
import resource
import signal
import sys
import zipfile
import zlib
from array import array
from datetime import date, datetime, timedelta
from itertools import compress
from operator import itemgetter
from pathlib import PurePath
from xml.parsers import expat

#: Exit status of a file refused by :func:`check_workbook`.
REFUSED = 4


class Refused(Exception):
    """A workbook refused before parsing: ``code`` is a string-table key, ``params`` its placeholders."""

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


# Every pattern below costs time linear in the input: each either starts at a
# literal and matches a bounded length, or (the row tag) scans at most to the
# next '<', and the stretches between two '<' do not overlap.
# Cell references (``r="B12"``, in any quoting and spacing XML allows);
# matching any attribute ending in r only errs on the side of refusing.
_Q = rb"""\s*=\s*["']"""
_CELL_REF = re.compile(rb"r" + _Q + rb"([A-Za-z]{1,3})([0-9]{1,7})[\"']")
_ODD_CELL_REF = re.compile(rb"r" + _Q + rb"([A-Za-z]{2,3}|[A-Za-z](?=[0-9]{6}))([0-9]{1,7})[\"']")
# A <row> start tag's r, after any other attributes: a quoted value may hold '>',
# nothing in a tag may hold '<', so a failed match stops at the next '<'. Two
# patterns, each starting with a literal the search skips ahead to (one pattern
# "<(?:\w+:)?row" would be tried at every '<', three times slower): "<row" and,
# for a prefixed tag (<x:row), ":row"; the latter matching a ":row" outside a tag
# only errs on the side of refusing.
_ROW_ATTRS = rb"row\b(?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*?\sr" + _Q + rb"([0-9]{1,7})[\"']"
_ROW_TAG, _PREFIXED_ROW_TAG = re.compile(rb"<" + _ROW_ATTRS), re.compile(rb":" + _ROW_ATTRS)
# Any "dimension ref=": the literal start lets the search skip ahead (ten times faster than "<dimension").
_DIMENSION = re.compile(rb"dimension\s+ref" + _Q + rb"(?:[A-Za-z]+[0-9]+:)?([A-Za-z]{1,3})([0-9]{1,7})[\"']")
_CHUNK = 1 << 22
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 "


def check_workbook(data: bytes, limits: dict[str, int]) -> None:
    """Refuse a workbook whose parsing would exhaust the machine; read nothing else.

    An .xlsx/.xlsm is checked by streaming every XML part (:func:`_check_xlsx`),
    an .ods by streaming ``content.xml`` (:func:`_check_ods`); an .xls (BIFF8,
    at most 65,536 rows × 256 columns by its own format) is left to the
    process limits.

    Parameters
    ----------
    data : bytes
        The file's content.
    limits : dict
        ``max_rows``, ``max_columns``, ``max_cells`` (of one sheet's used range),
        ``max_text`` (characters of one cell's text), ``max_expanded`` (bytes of
        text an .ods expands to once repeated cells are repeated).

    Raises
    ------
    Refused
        ``file.too_large_range``, ``file.text_too_long``, ``file.zip_bomb``,
        ``file.not_workbook`` or ``file.corrupt`` (a zip whose sizes or CRC do
        not match its content, a truncated member, malformed XML in an .ods).
    """
    if data[:2] != b"PK":
        return
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if "[Content_Types].xml" in zf.namelist():
                _check_xlsx(zf, limits)
            else:
                _check_ods(zf, limits)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError, KeyError) as exc:
        raise Refused("file.corrupt", detail=f"{type(exc).__name__}: {str(exc)[:160]}") from exc


def _pieces(zf: zipfile.ZipFile, info: zipfile.ZipInfo, max_text: int):
    """Yield one member's bytes in pieces cut just before a ``<``.

    No tag and no text is split between two pieces. A stretch of more than
    ``max_text`` bytes without ``<`` is refused (``file.text_too_long``): no
    cell Excel writes holds that much, and so the carried-over tail stays small.
    """
    tail = b""
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            buf = tail + chunk
            cut = buf.rfind(b"<")
            if cut > 0:
                yield buf[:cut]
                buf = buf[cut:]
            tail = buf
            if len(tail) > max_text + 1:
                raise Refused("file.text_too_long", sheet=PurePath(info.filename).stem, chars=max_text)
    yield tail


def _has_long_text(piece: bytes, max_text: int) -> bool:
    """Whether a ``<`` in ``piece`` is followed by more than ``max_text`` bytes without one.

    A stretch of ``max_text + 1`` bytes covers at least one whole aligned block
    of ``half`` bytes, so one ``find`` per block (each stopping at the block's
    first ``<``, a few bytes in, in XML) finds every candidate; only a block
    without ``<`` is measured exactly, and the search goes on after the stretch
    measured, so no byte is scanned twice by the measuring. Linear in the
    piece; about a hundred times faster than a regex ``<[^<]{n}``. The bytes
    before a piece's first ``<`` (at most 64, see :func:`_looks_like_xml`;
    none after the first piece) do not count, as they did not for the regex.
    """
    longest, half, find, end = max_text + 1, (max_text + 2) // 2, piece.find, len(piece)
    i = 0
    while i < end:
        if find(b"<", i, i + half) != -1:
            i += half
            continue
        start = piece.rfind(b"<", 0, i)
        stop = find(b"<", i + half)
        stop = end if stop == -1 else stop
        if start != -1 and stop - start - 1 >= longest:
            return True
        i = (stop // half + 1) * half  # the block holding that '<' has one: go on after it
    return False


def row_numbers(piece: bytes) -> list[int]:
    """The ``r`` of every ``<row>`` start tag in ``piece`` (``<row>`` or ``<x:row>``, any attribute order)."""
    found = _ROW_TAG.findall(piece)
    if b":row" in piece:
        found += _PREFIXED_ROW_TAG.findall(piece)
    return [int(r) for r in found]


def _looks_like_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    with zf.open(info) as fh:
        return fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


class Extent:
    """The used range of one sheet so far, refused as soon as it passes the limits.

    Parameters
    ----------
    sheet : str
        Named in the refusal.
    limits : dict
        ``max_rows``, ``max_columns`` and ``max_cells``, as for :func:`check_workbook`.
    """

    def __init__(self, sheet: str, limits: dict[str, int]) -> None:
        self.sheet, self.limits, self.row, self.col = sheet, limits, 0, 0

    def update(self, col: int, row: int) -> None:
        """Widen the range to 1-based ``col`` and ``row``; raise :class:`Refused` (``file.too_large_range``) past a limit."""
        self.col, self.row = max(self.col, col), max(self.row, row)
        r, c = self.row, max(self.col, 1)
        if r > self.limits["max_rows"] or c > self.limits["max_columns"] or r * c > self.limits["max_cells"]:
            raise Refused("file.too_large_range", cell=f"{column_letters(c)}{r}", sheet=self.sheet)


def _check_xlsx(zf: zipfile.ZipFile, limits: dict[str, int]) -> None:
    """Refuse an .xlsx part whose used range would make calamine allocate too much.

    Every member that starts like XML is checked, whatever its name: the
    workbook's links may put a sheet anywhere. Fast path per part: the
    ``<dimension>``, every ``<row r=...>``, the cell references that are unusual
    in teacher data (columns of two or three letters, rows of six or more
    digits) and every stretch of text. When a column beyond Z appears, the part
    is rescanned reading every cell reference, so a wide sheet's real extent is
    known exactly; a narrow one (≤ 26 columns) cannot exceed 26 × 99,999 cells
    unnoticed.
    """
    for info in zf.infolist():
        if info.is_dir() or not _looks_like_xml(zf, info):
            continue
        sheet = PurePath(info.filename).stem
        extent = Extent(sheet, limits)
        for piece in _pieces(zf, info, limits["max_text"]):
            if _has_long_text(piece, limits["max_text"]):
                raise Refused("file.text_too_long", sheet=sheet, chars=limits["max_text"])
            # cells and dimensions first: they name the column, so the message names the real cell
            refs = _ODD_CELL_REF.findall(piece)
            if b"dimension" in piece:
                refs += _DIMENSION.findall(piece)
            if refs:  # past row 99,999 every cell is such a ref: one update per distinct column, at the largest row
                row = max(map(int, set(map(itemgetter(1), refs))))
                for col in set(map(itemgetter(0), refs)):
                    extent.update(column_number(col.decode().upper()), row)
            rows = row_numbers(piece)
            if rows:
                extent.update(0, max(rows))
        if extent.col > 26:
            for piece in _pieces(zf, info, limits["max_text"]):
                cells = _CELL_REF.findall(piece)
                if cells:
                    widest = max((c.upper() for c, _ in cells), key=lambda b: (len(b), b))
                    extent.update(column_number(widest.decode()), max(int(r) for _, r in cells))


def _check_ods(zf: zipfile.ZipFile, limits: dict[str, int]) -> None:
    """Refuse an .ods whose repeated rows and cells would expand beyond the limits.

    ``content.xml`` is streamed with expat. A cell counts from where it stands
    (after every repeated empty cell and row before it, which calamine fills
    in) to its last repetition when it holds a value or text; trailing empty
    repetitions (LibreOffice writes 1,048,576 rows) cost nothing. A document
    type declaration is refused: no spreadsheet needs one, and it is where
    entity expansion lives.
    """
    if zf.read("mimetype").strip() != _ODS_MIME:
        raise Refused("file.not_workbook")
    parser = expat.ParserCreate(namespace_separator=" ")
    state = {"sheet": "", "row": 0, "rows_rep": 1, "col": 0, "cell": None, "expanded": 0}
    extent: list[Extent] = []

    def repeat(attrs: dict, name: str) -> int:
        return int(attrs.get(_TABLE + name, "1"))

    def start(name: str, attrs: dict) -> None:
        if name == _TABLE + "table":
            state.update(sheet=attrs.get(_TABLE + "name", ""), row=0)
            extent[:] = [Extent(state["sheet"], limits)]
        elif name == _TABLE + "table-row":
            state.update(rows_rep=repeat(attrs, "number-rows-repeated"), col=0)
        elif name in (_TABLE + "table-cell", _TABLE + "covered-table-cell"):
            state["cell"] = {"rep": repeat(attrs, "number-columns-repeated"), "value": _OFFICE + "value-type" in attrs, "text": 0}
        elif state["cell"] is not None:
            state["cell"]["value"] = True  # text:p and the like inside a cell

    def text(chars: str) -> None:
        cell = state["cell"]
        if cell is not None:
            cell["text"] += len(chars)
            if cell["text"] > limits["max_text"]:
                raise Refused("file.text_too_long", sheet=state["sheet"], chars=limits["max_text"])

    def end(name: str) -> None:
        cell = state["cell"]
        if cell is not None and name in (_TABLE + "table-cell", _TABLE + "covered-table-cell"):
            state["col"] += cell["rep"]
            if cell["value"]:
                extent[0].update(state["col"], state["row"] + state["rows_rep"])
                state["expanded"] += cell["text"] * cell["rep"] * state["rows_rep"]
                if state["expanded"] > limits["max_expanded"]:
                    raise Refused("file.zip_bomb", size_mb=round(state["expanded"] / 2**20))
            state["cell"] = None
        elif name == _TABLE + "table-row":
            state["row"] += state["rows_rep"]

    def no_dtd(*args: object) -> None:
        raise Refused("file.corrupt", detail="DOCTYPE")

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
    parser.StartDoctypeDeclHandler = no_dtd
    try:
        with zf.open("content.xml") as fh:
            while chunk := fh.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise Refused("file.corrupt", detail=f"content.xml: {exc}") from exc


_SHEET_NAME = re.compile(rb'(<(?:\w+:)?sheet\b[^>]*?\bname=")([^"]*)(")')


def unique_sheet_names(data: bytes) -> bytes:
    """The workbook with every repeated sheet name made unique (``"Guru"`` → ``"Guru [2]"``).

    calamine finds a sheet by its name, so of two sheets named alike it reads
    the first twice and never the second. Excel never writes such a file;
    another program can. The names are changed only in ``xl/workbook.xml``;
    the caller gets the original names back with the rows.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    seen: dict[bytes, int] = {}

    def rename(m: re.Match) -> bytes:
        name = m.group(2)
        seen[name] = seen.get(name, 0) + 1
        return m.group(1) + (name if seen[name] == 1 else name + b" [%d]" % seen[name]) + m.group(3)

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename.lower() == "xl/workbook.xml":
                body = _SHEET_NAME.sub(rename, body)
            out.writestr(item, body)
    return buf.getvalue()


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
    """Strings as one UTF-8 blob and their byte lengths: the reader makes an Arrow array of them without a Python object each.

    Text that is all ASCII (most teacher data) is joined and encoded once, its
    byte lengths being its character lengths; other text is encoded string by string.
    """
    texts = texts if isinstance(texts, (list, tuple)) else list(texts)
    joined = "".join(texts)
    if joined.isascii():
        return joined.encode("ascii"), array("q", map(len, texts))
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


def _parse(data: bytes) -> int:
    """calamine on ``data``, every sheet encoded (:func:`encode_sheet`) and pickled to standard output; the exit status."""
    import python_calamine

    gc.disable()  # millions of short-lived cell tuples; nothing here is cyclic
    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(wb.sheet_names)
        if len(set(names)) < len(names):  # read each sheet, not the first of a name twice
            wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(unique_sheet_names(data)))
        sheets = []
        for i, name in enumerate(names):
            sh = wb.get_sheet_by_index(i)
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


def _die_with_parent() -> None:
    """Have the kernel kill this process when its parent ends (Linux ``PR_SET_PDEATHSIG``), so no parse outlives its checks."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parse ends at its own CPU limit
        pass


def main(argv: list[str]) -> int:
    """Check the workbook here while a forked process parses it; the parse counts only if the checks pass.

    calamine does not wait for the checks: it runs in a second process under
    the same limits (they are per process), so the two take the time of the
    longer, not of both. Its answer (cells on standard output, or its exit
    status) is passed on only once :func:`check_workbook` accepts the file;
    when the checks refuse, the parse is killed and the refusal is the answer,
    whatever the parse did meanwhile (aborted, hit a limit, or finished): a
    hostile file still gets the check's code. A thread would not do: calamine
    aborting on an allocation ends the whole process, checks and all.
    """
    limit, cpu = int(argv[1]), int(argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    data = sys.stdin.buffer.read()
    limits = json.loads(argv[3])
    sys.stdout.flush()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the parse: its cells go straight to standard output, its messages to the checks' process
        status = 1
        try:
            os.close(err_r)
            os.dup2(err_w, 2)
            _die_with_parent()
            if os.getppid() == 1:  # the parent ended before the line above
                os._exit(1)
            status = _parse(data)
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)
    os.close(err_w)
    try:
        check_workbook(data, limits)
    except Refused as exc:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(err_r)
        sys.stderr.write(json.dumps({"code": exc.code, "params": exc.params}))
        return REFUSED
    with os.fdopen(err_r, "rb") as fh:
        message = fh.read()  # until the parse ends (it holds the only writing end)
    _, status = os.waitpid(pid, 0)
    sys.stderr.buffer.write(message)
    return os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1  # killed by a limit: not 0, not 3, not 4


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
