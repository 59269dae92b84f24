"""Small builders of test workbooks (openpyxl) shared by the ingestion tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl


def workbook_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    """An .xlsx file with one sheet per item, rows written as given (row 1 first)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


SEKOLAH = [["NPSN", "Nama Sekolah", "Jenjang", "Status"], ["10603456", "SMP Negeri Contoh", "SMP", "Negeri"]]
GURU_HEADER = ["NPSN", "Nama", "NUPTK", "JK", "Jenis PTK", "JJM", "Mengajar", "Tanggal Lahir"]


def guru_row(nuptk: object = "1234567890123456", **over: object) -> list[object]:
    base = {
        "NPSN": "10603456",
        "Nama": "Guru Contoh",
        "NUPTK": nuptk,
        "JK": "P",
        "Jenis PTK": "Guru Mapel",
        "JJM": 24,
        "Mengajar": "Matematika",
        "Tanggal Lahir": "12/05/1980",
    }
    base.update(over)
    return [base[h] for h in GURU_HEADER]


def edit_workbook(data: bytes, change) -> bytes:
    """Apply ``change(workbook)`` to a workbook given as bytes; the edited workbook as bytes."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    change(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def problem_codes(ds) -> list[tuple]:
    """``(sheet, row, column, severity, code)`` of every problem of a loaded dataset."""
    return [(p.sheet, p.row, p.column, p.severity, p.code) for p in ds.report.problems]


def sheet_report(ds, table: str):
    """The first sheet report of ``table`` in a loaded dataset."""
    return next(s for s in ds.report.sheets if s.table == table)


def patch_workbook(data: bytes, replacements: dict[str, str]) -> bytes:
    """``data`` (an .xlsx) with text replaced inside its XML parts.

    openpyxl refuses to write what a hostile or foreign file can hold (control
    characters, two sheets of one name); tests write placeholders and swap
    them in here, e.g. ``{"CTRL": "_x0001_"}`` (the OOXML escape of U+0001).
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename.endswith(".xml"):
                text = body.decode("utf-8")
                for old, new in replacements.items():
                    text = text.replace(old, new)
                body = text.encode("utf-8")
            out.writestr(item, body)
    return buf.getvalue()


ROOT = Path(__file__).resolve().parents[1]
"""The repository's root folder; tests find app.py, data/ and app_pages/ from it wherever they live under tests/."""
