"""Read a user's file into raw sheets, safely.

Formats, recognised by content before extension: .xlsx/.xlsm, .ods and
BIFF .xls (Excel 97–2003) are read with python-calamine (Rust's calamine): it
is fast and, unlike a column-typed reader, keeps each cell's own type, so an
NUPTK typed as a number can still be told apart from one typed as text. Excel
2003 XML ("SpreadsheetML", which Dapodik has served as .xls) is read by
:mod:`analysis.ingest.spreadsheetml`. CSV files are read with the standard library's
``csv`` module after sniffing the encoding (UTF-8, UTF-16, Windows-1252) and
the delimiter. An encrypted workbook is named as such.

No file can hold up the app's process. Here, only the zip's directory is
read (:func:`inspect_xlsx`: member count, declared sizes and ratios);
everything that reads a workbook's content runs in a child process
(:mod:`analysis.ingest.xlsx_child`) with a memory, a CPU-time and a wall-clock
limit: first checks that stream every XML part in linear time and refuse a
used range calamine would have to allocate (a 5 KB file with one cell at
XFD1048576 would abort it), over-long text or a damaged zip, then calamine
itself. A file that gets past the checks ends only the child, and the user
gets one message. CSV and SpreadsheetML are read here, in time linear in their
size, under the same row, column, cell and text limits.
"""

from __future__ import annotations

import csv
import io
import json
import pickle
import subprocess
import sys
import zipfile
from pathlib import Path, PurePath

from analysis.core.dataset import Problem
from analysis.core.errors import UnreadableFile
from analysis.ingest.dapodik_json import read_json
from analysis.ingest.rawdata import CellColumns, RawSheet
from analysis.ingest.spreadsheetml import is_spreadsheetml, read_spreadsheetml
from analysis.ingest.validate import gc_paused
from analysis.ingest.xlsx_child import REFUSED, Extent, Refused, column_letters, column_number  # noqa: F401  (re-exported)

#: Largest total uncompressed size a workbook may declare (bytes).
MAX_UNCOMPRESSED = 400 * 1024 * 1024
#: Largest compression ratio of one member larger than 1 MB.
MAX_RATIO = 100
#: Largest number of members of a workbook's zip (a real one has tens; every
#: member is streamed by the checks, so their number bounds the checks' time).
MAX_MEMBERS = 1000
#: Largest CSV or SpreadsheetML file (bytes): text is read whole, not streamed.
MAX_TEXT_BYTES = 200 * 1024 * 1024
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
#: File extensions :func:`read_file` reads (for an upload widget's ``type=``);
#: the content, not the extension, chooses the reader.
EXTENSIONS = ("xlsx", "xlsm", "xls", "ods", "xml", "csv", "txt", "json")
_CHILD = Path(__file__).with_name("xlsx_child.py")
# A CSV field longer than an Excel cell stops the csv module at once (it is
# process-wide: the project's other CSV files, its reference tables, hold short fields).
csv.field_size_limit(MAX_CELL_TEXT)

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Streams of an OLE2 container that tell an encrypted OOXML workbook (Office's
#: "Encrypt with password") from a BIFF .xls (Excel 97–2003).
_OLE2_ENCRYPTED = ("EncryptionInfo", "EncryptedPackage")
_OLE2_BIFF = ("Workbook", "Book")


def _limits() -> dict[str, int]:
    """This module's limits, as :func:`analysis.ingest.xlsx_child.check_workbook` takes them."""
    return {"max_rows": MAX_ROWS, "max_columns": MAX_COLUMNS, "max_cells": MAX_CELLS, "max_text": MAX_CELL_TEXT, "max_expanded": MAX_UNCOMPRESSED}


def ole2_streams(data: bytes) -> set[str]:
    """Names of the known streams in an OLE2 (Compound File) container.

    Looks for the directory entries of :data:`_OLE2_ENCRYPTED` and
    :data:`_OLE2_BIFF` only: a 128-byte entry starts on a 128-byte boundary with
    its UTF-16 name and holds the name's byte length at offset 64 ([MS-CFB]
    2.6). One linear search per name; no sector chain is followed.

    Parameters
    ----------
    data : bytes
        The file's content, starting with the OLE2 signature.

    Returns
    -------
    set of str
        The subset of ``EncryptionInfo``, ``EncryptedPackage``, ``Workbook``
        and ``Book`` found.
    """
    found = set()
    for name in _OLE2_ENCRYPTED + _OLE2_BIFF:
        needle = (name + "\0").encode("utf-16-le")
        at = data.find(needle, 512)
        while at != -1:
            if at % 128 == 0 and data[at + 64 : at + 66] == len(needle).to_bytes(2, "little"):
                found.add(name)
                break
            at = data.find(needle, at + 1)
    return found


def inspect_xlsx(data: bytes) -> None:
    """Refuse a zipped workbook (.xlsx/.xlsm/.ods) from its zip directory alone.

    Reads only the zip's central directory (``infolist``), never a member:
    whatever reads content runs in the limited child
    (:func:`analysis.ingest.xlsx_child.check_workbook`). Checks that the members
    are a workbook's, that there are at most :data:`MAX_MEMBERS`, that they
    declare at most :data:`MAX_UNCOMPRESSED` bytes in all and that no member
    over 1 MB compresses more than :data:`MAX_RATIO` times.

    Parameters
    ----------
    data : bytes
        The file's content.

    Raises
    ------
    UnreadableFile
        ``file.corrupt`` (a zip signature but no readable directory: a
        truncated or damaged file), ``file.not_workbook``,
        ``file.too_many_parts`` or ``file.zip_bomb``.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        if data[:4] == b"PK\x03\x04":
            raise UnreadableFile("file.corrupt", detail=str(exc)[:160]) from exc
        raise UnreadableFile("file.not_workbook") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise UnreadableFile("file.too_many_parts", count=len(infos), max=MAX_MEMBERS)
        names = {i.filename for i in infos}
        xlsx = "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names)
        ods = "content.xml" in names and "mimetype" in names
        if not (xlsx or ods):
            raise UnreadableFile("file.not_workbook")
        total = sum(i.file_size for i in infos)
        if total > MAX_UNCOMPRESSED:
            raise UnreadableFile("file.zip_bomb", size_mb=round(total / 2**20))
        for info in infos:
            if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise UnreadableFile("file.zip_bomb", size_mb=round(info.file_size / 2**20))


def read_xlsx(data: bytes) -> list[RawSheet]:
    """Read every sheet of a workbook (.xlsx/.xlsm, .ods or BIFF .xls), cells as they are.

    The zip directory is checked here (:func:`inspect_xlsx`); everything else
    happens in the limited child :mod:`analysis.ingest.xlsx_child`: its checks of the
    content and, alongside in a second limited process, calamine, whose cells
    count only if the checks accept the file.

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
        When :func:`inspect_xlsx` or the child's checks refuse the file (their
        codes), calamine cannot parse it (``file.corrupt``), parsing it needs
        more than :data:`CHILD_MEMORY` bytes or :data:`CHILD_CPU_SECONDS`
        seconds (``file.too_demanding``), or no sheet holds any cell
        (``file.workbook_empty``).
    """
    if data[:2] == b"PK":
        inspect_xlsx(data)
    cmd = [sys.executable, str(_CHILD), str(CHILD_MEMORY), str(CHILD_CPU_SECONDS), json.dumps(_limits())]
    demanding = {"memory_gb": CHILD_MEMORY // 1024**3, "seconds": CHILD_CPU_SECONDS}
    try:
        done = subprocess.run(cmd, input=data, capture_output=True, timeout=2 * CHILD_CPU_SECONDS, check=False)
    except subprocess.TimeoutExpired as exc:
        raise UnreadableFile("file.too_demanding", **demanding) from exc
    if done.returncode == REFUSED:
        try:
            refusal = json.loads(done.stderr)
        except ValueError:  # the child died while writing: treat as a limit reached
            raise UnreadableFile("file.too_demanding", **demanding) from None
        raise UnreadableFile(refusal["code"], **refusal["params"])
    if done.returncode == 3:
        detail = done.stderr.decode("utf-8", "replace")[:200]
        if "password" in detail.lower():  # an .xls encrypted inside its BIFF stream (calamine's PasswordError)
            raise UnreadableFile("file.encrypted")
        raise UnreadableFile("file.corrupt", detail=detail)
    if done.returncode != 0:  # killed by a limit, or calamine aborted on an allocation
        raise UnreadableFile("file.too_demanding", **demanding)
    with gc_paused():
        parsed = pickle.loads(done.stdout)
    return _read_sheets(parsed)


def _read_sheets(parsed: list[tuple[str, list[tuple[int, int, int, int]], int, int, list[dict], list]]) -> list[RawSheet]:
    """Raw sheets from the child's ``(name, merged, n_rows, n_cols, columns, extras)`` per sheet."""
    sheets = [RawSheet.from_cells(name, CellColumns(n_rows, n_cols, columns, extras), merged) for name, merged, n_rows, n_cols, columns, extras in parsed]
    if not any(sh.cells.any_cell() for sh in sheets):
        raise UnreadableFile("file.workbook_empty")
    return sheets


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the text looks like UTF-16 without a BOM.

    Teacher data is mostly ASCII, whose UTF-16 form has a zero byte in every
    second place: high bytes (odd places in little-endian) mostly zero, low
    bytes almost never.
    """
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _decode_text(data: bytes) -> tuple[str, str]:
    """The text of a CSV and the encoding it was read in.

    UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when
    :func:`_utf16_without_bom` recognises it), else Windows-1252.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8-sig", data[3:]
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding, body = "utf-16", data
    elif (guess := _utf16_without_bom(data)) is not None:
        encoding, body = guess, data
    else:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace"), "cp1252"
    try:
        return body.decode(encoding.replace("-sig", "")), encoding
    except UnicodeDecodeError as exc:
        raise UnreadableFile("file.bad_encoding", encoding=encoding.upper().replace("-SIG", "")) from exc


def read_csv(data: bytes, filename: str) -> list[RawSheet]:
    """Read a CSV file as one raw sheet named after the file.

    Accepts comma, semicolon or tab delimiters; UTF-8 with or without BOM,
    UTF-16 (LE or BE, with BOM or recognisably without), and Windows-1252 (with
    a warning on the sheet). Every cell stays text; the validator parses
    decimal commas and dates. The same limits as a workbook's sheet hold:
    :data:`MAX_ROWS`, :data:`MAX_COLUMNS`, :data:`MAX_CELLS` and
    :data:`MAX_CELL_TEXT` characters per field, and the file is at most
    :data:`MAX_TEXT_BYTES`.

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
        ``file.empty`` when the file holds no text, ``file.too_big``,
        ``file.bad_encoding`` (a UTF-16 file that does not decode),
        ``file.too_large_range`` or ``file.text_too_long``.
    """
    if len(data) > MAX_TEXT_BYTES:
        raise UnreadableFile("file.too_big", size_mb=round(len(data) / 2**20), max_mb=MAX_TEXT_BYTES // 2**20)
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
    rows = []
    extent = Extent(name, _limits())
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append([c if c.strip() != "" else None for c in row])
            extent.update(len(row), len(rows))
    except Refused as exc:
        raise UnreadableFile(exc.code, **exc.params) from exc
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise UnreadableFile("file.text_too_long", sheet=name, chars=MAX_CELL_TEXT) from exc
        raise UnreadableFile("file.corrupt", detail=f"{name}: {exc}") from exc
    sheet = RawSheet(name=name, rows=rows)
    if encoding == "cp1252":
        sheet.warnings.append(Problem(name, None, None, None, "warning", "file.cp1252"))
    return [sheet]


def read_file(data: bytes, filename: str) -> list[RawSheet]:
    """Read a user's file into raw sheets, choosing the reader by its content.

    Formats: .xlsx/.xlsm, .ods and BIFF .xls (:func:`read_xlsx`), Excel 2003
    XML "SpreadsheetML" whatever its extension
    (:func:`analysis.ingest.spreadsheetml.read_spreadsheetml`), CSV (:func:`read_csv`).

    Parameters
    ----------
    data : bytes
        The file's content.
    filename : str
        Its name. The content decides first (a zip, an OLE2 container, a
        SpreadsheetML document); otherwise the extension chooses CSV.

    Returns
    -------
    list of RawSheet

    Raises
    ------
    UnreadableFile
        For a file that cannot be read at all: empty, not a workbook,
        encrypted, hostile (zip bomb, absurd used range, too large), damaged.
    """
    if not data or not data.strip():
        raise UnreadableFile("file.empty")
    suffix = PurePath(filename).suffix.lower()
    if data[:8] == _OLE2:
        streams = ole2_streams(data)
        if streams & set(_OLE2_ENCRYPTED):
            raise UnreadableFile("file.encrypted")
        if not streams & set(_OLE2_BIFF):
            raise UnreadableFile("file.not_workbook")
        return read_xlsx(data)
    if data[:2] == b"PK":
        return read_xlsx(data)
    if suffix == ".json" or data.lstrip()[:1] == b"{":  # Dapodik's web-service JSON
        return read_json(data, filename, max_rows=MAX_ROWS)
    if is_spreadsheetml(data):
        return read_spreadsheetml(data, _limits(), MAX_TEXT_BYTES)
    if suffix in (".xlsx", ".xlsm", ".ods", ".xls", ".xml"):
        raise UnreadableFile("file.not_workbook")
    if suffix in (".csv", ".txt", ""):
        return read_csv(data, filename)
    raise UnreadableFile("file.unsupported_type", suffix=suffix)
