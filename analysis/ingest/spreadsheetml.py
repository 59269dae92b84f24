"""Read Excel 2003 XML ("SpreadsheetML") into raw sheets, tolerantly and safely.

Dapodik has served its exports in this format under an ``.xls`` name, at times
with a raw ``&`` or ``<`` in a teacher's or school's name, which no XML parser
accepts. So the document first passes :func:`escape_bare_markup`: an ``&`` that
starts no character or predefined entity reference becomes ``&amp;``, a ``<``
that starts no tag, comment or CDATA section becomes ``&lt;``. That pass also
makes the parse safe: ``<!DOCTYPE`` and ``<!ENTITY`` are escaped into text
(which the parser then refuses before the root element), so no entity is ever
declared, expanded or fetched. The document is then streamed with
:func:`xml.etree.ElementTree.iterparse`, each row dropped once read, in time
linear in its size and under the row, column, cell and text limits of
:mod:`analysis.ingest.reader`.

The format: ``Workbook/Worksheet[@ss:Name]/Table/Row/Cell/Data[@ss:Type]``, in
the namespace ``urn:schemas-microsoft-com:office:spreadsheet``. A ``Row`` or
``Cell`` may skip ahead with a 1-based ``ss:Index``; a cell spanning others has
``ss:MergeAcross`` (columns to its right) and ``ss:MergeDown`` (rows below).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import xml.etree.ElementTree as ET

from analysis.core.errors import UnreadableFile
from analysis.ingest.rawdata import RawSheet
from analysis.ingest.xlsx_child import Extent, Refused

SS = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = f"{{{SS}}}"
_BARE_AMP = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});)")
# a tag is '<' then a name then space, '/' or '>'; the name is matched atomically, so
# a failed match costs the length of one name
_BARE_LT = re.compile(rb"<(?!/?(?>[A-Za-z_][\w.:-]*)[\s/>]|\?|!--|!\[CDATA\[)")


def is_spreadsheetml(data: bytes) -> bool:
    """Whether ``data`` is a SpreadsheetML document: an XML declaration and the
    SpreadsheetML namespace within its first 64 KB (its root element declares it)."""
    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<?xml") and SS.encode() in head


def escape_bare_markup(data: bytes) -> bytes:
    """Escape every ``&`` and ``<`` that cannot be markup, in one linear pass each.

    ``a & b`` → ``a &amp; b``; ``nilai <75`` → ``nilai &lt;75``; ``&amp;``,
    ``&#233;``, ``<Cell ss:Index="2">``, ``</Data>``, ``<?xml``, ``<!--`` stay.
    """
    return _BARE_LT.sub(b"&lt;", _BARE_AMP.sub(b"&amp;", data))


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _attr(elem: ET.Element, name: str) -> str | None:
    return elem.get(_SS + name, elem.get(name))


def _index(elem: ET.Element, name: str, default: int) -> int:
    value = _attr(elem, name)
    if value is None:
        return default
    if not value.strip().isdigit() or len(value.strip()) > 9 or (name == "Index" and int(value) < 1):
        raise UnreadableFile("file.corrupt", detail=f"ss:{name}={value[:20]!r}")
    return int(value)


def _value(data: ET.Element | None, sheet: str, max_text: int) -> object:
    """A ``Data`` element's value in its declared type (rich text joined to plain text)."""
    if data is None:
        return None
    text = "".join(data.itertext())
    if len(text) > max_text:
        raise UnreadableFile("file.text_too_long", sheet=sheet, chars=max_text)
    kind = _attr(data, "Type")
    try:
        if kind == "Number":
            return float(text)
        if kind == "DateTime":
            return dt.datetime.fromisoformat(text.strip()[:19])
        if kind == "Boolean":
            return text.strip() == "1"
    except ValueError:
        pass  # kept as written: the validator reports it
    return text if text.strip() != "" else None


def read_spreadsheetml(data: bytes, limits: dict[str, int], max_bytes: int) -> list[RawSheet]:
    """Read every worksheet of a SpreadsheetML document, cells as typed.

    Parameters
    ----------
    data : bytes
        The document (UTF-8 or as its XML declaration says).
    limits : dict
        The reader's limits (``analysis.ingest.reader._limits()``: ``max_rows``, ``max_columns``,
        ``max_cells``, ``max_text`` characters a cell, ``max_expanded``), as the workbook checks take them.
    max_bytes : int
        Largest document accepted (:data:`analysis.ingest.reader.MAX_TEXT_BYTES`).

    Returns
    -------
    list of RawSheet
        One per ``Worksheet``, in document order; ``rows[i]`` is row ``i + 1``,
        every row as wide as the sheet. Cells are ``str``, ``float`` (``Number``),
        ``datetime.datetime`` (``DateTime``), ``bool`` (``Boolean``) or ``None``;
        ``merged`` holds ``(first_row, first_col, last_row, last_col)``, 0-based
        inclusive, of every cell with ``ss:MergeAcross`` or ``ss:MergeDown``.

    Raises
    ------
    UnreadableFile
        ``file.too_big``, ``file.corrupt`` (not well-formed even after escaping,
        or a document type declaration), ``file.too_large_range``,
        ``file.text_too_long`` or ``file.workbook_empty``.
    """
    if len(data) > max_bytes:
        raise UnreadableFile("file.too_big", size_mb=round(len(data) / 2**20), max_mb=max_bytes // 2**20)
    sheets: list[RawSheet] = []
    name, row_no, rows, merged, extent = "", 0, {}, [], None
    try:
        for event, elem in ET.iterparse(io.BytesIO(escape_bare_markup(data)), events=("start", "end")):
            tag = _local(elem.tag)
            if event == "start":
                if tag == "Worksheet":
                    name = _attr(elem, "Name") or f"Sheet{len(sheets) + 1}"
                    row_no, rows, merged, extent = 0, {}, [], Extent(name, limits)
                elif tag == "Row":
                    row_no = _index(elem, "Index", row_no + 1)
                continue
            if tag == "Row":
                cells, col = {}, 0
                for cell in elem:
                    if _local(cell.tag) != "Cell":
                        continue
                    col = _index(cell, "Index", col + 1)
                    across, down = _index(cell, "MergeAcross", 0), _index(cell, "MergeDown", 0)
                    extent.update(col + across, row_no + down)
                    data_elem = next((c for c in cell if _local(c.tag) == "Data"), None)
                    cells[col] = _value(data_elem, name, limits["max_text"])
                    if across or down:
                        merged.append((row_no - 1, col - 1, row_no - 1 + down, col - 1 + across))
                    col += across
                if cells:
                    rows[row_no] = cells
                elem.clear()
            elif tag == "Worksheet":
                sheets.append(_sheet(name, rows, merged))
                elem.clear()
    except Refused as exc:
        raise UnreadableFile(exc.code, **exc.params) from exc
    except ET.ParseError as exc:
        raise UnreadableFile("file.corrupt", detail=f"XML: {exc}") from exc
    if not any(any(v is not None for v in row) for sh in sheets for row in sh.rows):
        raise UnreadableFile("file.workbook_empty")
    return sheets


def _sheet(name: str, rows: dict[int, dict[int, object]], merged: list) -> RawSheet:
    """A rectangular :class:`RawSheet` from ``{row: {col: value}}`` (1-based)."""
    width = max((max(cells) for cells in rows.values()), default=0)
    height = max(rows, default=0)
    grid = [[None] * width for _ in range(height)]
    for r, cells in rows.items():
        for c, v in cells.items():
            grid[r - 1][c - 1] = v
    return RawSheet(name=name, rows=grid, merged=merged)
