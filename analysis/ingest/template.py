"""The template workbook and the workbook-format document, both generated from the schema.

:func:`build_template` writes the .xlsx a school head fills in: an instruction
sheet (``Petunjuk``), one sheet per table of :mod:`analysis.core.schema` with the
canonical headers, drop-down lists for every closed list of values (kept on a
hidden ``Daftar Pilihan`` sheet, since Excel limits an inline list to 255
characters), whole-number and range checks for levels and scores, identifier
columns formatted as text (so a 16-digit NUPTK keeps its digits), and example
rows that load cleanly. :func:`workbook_format_markdown` writes
``docs/workbook-format.md``. A test keeps the template, the document and the
schema in agreement; ``python -m analysis.ingest.template`` regenerates both files.
"""

from __future__ import annotations

import io
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from analysis.core import schema

#: Name of the instruction sheet (the loader skips it).
INSTRUCTIONS_SHEET = "Petunjuk"
#: Name of the hidden sheet holding the drop-down lists (the loader skips it).
LISTS_SHEET = "Daftar Pilihan"
#: Rows below the header that carry the drop-downs and checks.
VALIDATED_ROWS = 2000
#: File name of the template in ``data/`` and as downloaded.
TEMPLATE_FILE = "template_kompetensi_guru.xlsx"
BOOL_VALUES = ("Ya", "Tidak")

_REQUIRED_FILL = PatternFill("solid", fgColor="FDE9D9")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_EXAMPLE_FONT = Font(italic=True, color="555555")

#: Example rows per sheet beyond the one built from ``Column.example``: column key → value.
#: The Penilaian examples show both kinds of row: PKG (K1–K14) and UKG (two domain scores);
#: the Kinerja example, a row with the two ratings and no predikat.
_EXAMPLE_ROWS: dict[str, list[dict[str, str]]] = {
    "penilaian": [
        {"nuptk": schema.EXAMPLE_NUPTK, "tanggal_penilaian": "20/11/2024", "sumber": "PKG", **{k: "3" for k in schema.PKG_ITEMS}},
        {"nuptk": schema.EXAMPLE_NUPTK, "tanggal_penilaian": "15/03/2025", "sumber": "UKG", "pedagogik": "62", "profesional": "71"},
    ],
    # A Kinerja row may leave the predikat empty: the two ratings give it (Permenpan-RB 6/2022 matrix).
    "kinerja": [
        {c.key: c.example for c in schema.KINERJA.columns},
        {
            "npsn": schema.EXAMPLE_NPSN,
            "nuptk": schema.EXAMPLE_NUPTK,
            "tahun": "2025",
            "rating_hasil_kerja": "Di Atas Ekspektasi",
            "rating_perilaku_kerja": "Di Atas Ekspektasi",
            "indikator": "Pembelajaran yang berpusat pada murid",
            "praktik_belum": "0",
            "praktik_belum_efektif": "2",
            "praktik_efektif": "6",
        },
    ],
}


def allowed_values(col: schema.Column) -> tuple[str, ...]:
    """The drop-down values of a column: its closed list, Ya/Tidak for a yes/no column, else none.

    Parameters
    ----------
    col : analysis.core.schema.Column

    Returns
    -------
    tuple of str
        Empty when the column takes free values.
    """
    if col.type == "choice":
        return col.allowed
    if col.type == "bool":
        return BOOL_VALUES
    return ()


def example_rows(sheet: schema.Sheet) -> list[dict[str, str]]:
    """Example rows of a sheet, as text per column key (empty where the example leaves a cell blank).

    Parameters
    ----------
    sheet : analysis.core.schema.Sheet

    Returns
    -------
    list of dict
        One dict per example row; keys are column keys.
    """
    if sheet.key in _EXAMPLE_ROWS:
        return [dict(r) for r in _EXAMPLE_ROWS[sheet.key]]
    return [{c.key: c.example for c in sheet.columns}]


def _typed(col: schema.Column, text: str) -> object:
    """The example text as the cell value a user would type (a date as a date, a level as a number)."""
    if text == "":
        return None
    if col.type == "date":
        return datetime.strptime(text, "%d/%m/%Y")
    if col.type in ("int", "level"):
        return int(text)
    if col.type in ("float", "score"):
        return float(text)
    return text


def _rule(col: schema.Column, lang: str) -> str:
    """Type, range and allowed values of a column in words (instruction sheet and docs)."""
    words = {
        "id": ("teks angka", "digits as text"),
        "text": ("teks", "text"),
        "int": ("bilangan bulat", "whole number"),
        "float": ("angka", "number"),
        "date": ("tanggal dd/mm/yyyy", "date dd/mm/yyyy"),
        "bool": ("Ya/Tidak", "Ya/Tidak (yes/no)"),
        "choice": ("pilihan", "choice"),
        "level": ("level 1–4", "level 1–4"),
        "score": ("skor 0–100", "score 0–100"),
        "multi": ("beberapa nilai, pisahkan dengan ;", "several values separated by ;"),
    }[col.type]
    text = words[0] if lang == "id" else words[1]
    if col.digits:
        text += f", {col.digits} digit" if lang == "id" else f", {col.digits} digits"
    if col.type in ("int", "float") and (col.min is not None or col.max is not None):
        lo = "" if col.min is None else f"{col.min:g}"
        hi = "" if col.max is None else f"{col.max:g}"
        text += f", {lo}–{hi}"
    if col.type == "choice":
        text += ": " + ", ".join(col.allowed)
    return text


def _instructions(ws) -> None:
    lines_id = [
        ("Template Dasbor Kompetensi Guru", True),
        (
            "Isi satu sheet per tabel. Baris pertama setiap sheet adalah judul kolom: jangan diubah. Baris contoh (huruf miring) boleh ditimpa atau dihapus.",
            False,
        ),
        (
            f"Baris contoh dikenali dari NPSN {schema.EXAMPLE_NPSN} atau NUPTK {schema.EXAMPLE_NUPTK}: baris dengan nomor itu tidak dibaca sebagai data (laporan validasi menyebutkannya).",
            False,
        ),
        (
            "NPSN, NUPTK dan NIP ditulis sebagai teks (kolom sudah berformat teks): angka 16–18 digit yang diketik sebagai bilangan kehilangan digit terakhirnya di Excel.",
            False,
        ),
        ("Kolom berwarna merah muda wajib diisi. Kolom dengan daftar pilihan menerima nilai dari daftar; nilai lain diterima dengan peringatan.", False),
        ("Jangan memasukkan NIK, No KK, nama ibu kandung, rekening bank, NPWP, alamat, telepon atau email: dasbor tidak memerlukannya.", False),
        ("", False),
        (
            "Dashboard of teacher competency template. Fill one sheet per table; row 1 holds the headers, keep them. Italic example rows may be overwritten or deleted; "
            f"a row with NPSN {schema.EXAMPLE_NPSN} or NUPTK {schema.EXAMPLE_NUPTK} is an example and is not read as data (the validation report names it). "
            "IDs are text. Pink headers are required. Do not enter NIK, family card, mother's name, bank, tax, address, phone or email data.",
            False,
        ),
        ("", False),
    ]
    r = 1
    for text, bold in lines_id:
        c = ws.cell(row=r, column=1, value=text)
        c.font = Font(bold=bold, size=14 if bold else 11)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
        ws.row_dimensions[r].height = 30 if text and not bold else None
        r += 1
    headers = ("Sheet", "Kolom / Column", "Wajib / Required", "Isi / Content", "Keterangan", "Description")
    for j, h in enumerate(headers, start=1):
        cell = ws.cell(row=r, column=j, value=h)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    r += 1
    for sheet in schema.SHEETS:
        ws.cell(row=r, column=1, value=f"{sheet.name}{' (opsional / optional)' if sheet.optional else ''}").font = Font(bold=True)
        ws.cell(row=r, column=4, value=sheet.grain_id)
        ws.cell(row=r, column=6, value=sheet.grain_en)
        r += 1
        for col in sheet.columns:
            values = (sheet.name, col.header, "Ya" if col.required else "", _rule(col, "id"), col.desc_id, col.desc_en)
            for j, v in enumerate(values, start=1):
                ws.cell(row=r, column=j, value=v).alignment = Alignment(wrap_text=True, vertical="top")
            r += 1
    for j, w in enumerate((14, 34, 10, 40, 60, 60), start=1):
        ws.column_dimensions[get_column_letter(j)].width = w


def build_template() -> bytes:
    """The template workbook.

    Returns
    -------
    bytes
        An .xlsx: ``Petunjuk`` (instructions, one row per column in Bahasa
        Indonesia and English), one sheet per :data:`analysis.core.schema.SHEETS` in
        order with canonical headers (required ones shaded), one or two example
        rows, drop-downs for closed lists and yes/no columns, checks for levels
        (whole 1–4) and scores (0–100), text format on ID columns and
        dd/mm/yyyy on dates for :data:`VALIDATED_ROWS` rows, and the hidden
        ``Daftar Pilihan`` sheet of list values.
    """
    wb = openpyxl.Workbook()
    _instructions(wb.active)
    wb.active.title = INSTRUCTIONS_SHEET

    lists = wb.create_sheet(LISTS_SHEET)
    list_ref: dict[tuple[str, ...], str] = {}
    list_col = 0

    def ref_for(values: tuple[str, ...]) -> str:
        nonlocal list_col
        if values not in list_ref:
            list_col += 1
            letter = get_column_letter(list_col)
            for i, v in enumerate(values, start=1):
                lists.cell(row=i, column=list_col, value=v)
            list_ref[values] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(values)}"
        return list_ref[values]

    last = VALIDATED_ROWS + 1
    for sheet in schema.SHEETS:
        ws = wb.create_sheet(sheet.name)
        for j, col in enumerate(sheet.columns, start=1):
            cell = ws.cell(row=1, column=j, value=col.header)
            cell.font = Font(bold=True)
            cell.fill = _REQUIRED_FILL if col.required else _HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            letter = get_column_letter(j)
            ws.column_dimensions[letter].width = max(12, min(40, len(col.header) + 4))
            rng = f"{letter}2:{letter}{last}"
            values = allowed_values(col)
            if values:
                dv = DataValidation(type="list", formula1=f"={ref_for(values)}", allow_blank=True, showErrorMessage=col.type == "bool", errorStyle="warning")
            elif col.type == "level":
                dv = DataValidation(
                    type="whole",
                    operator="between",
                    formula1="1",
                    formula2="4",
                    allow_blank=True,
                    showErrorMessage=True,
                    error="Isi 1–4 / Enter 1–4",
                    errorTitle=col.header,
                )
            elif col.type == "score":
                dv = DataValidation(
                    type="decimal",
                    operator="between",
                    formula1="0",
                    formula2="100",
                    allow_blank=True,
                    showErrorMessage=True,
                    error="Isi 0–100 / Enter 0–100",
                    errorTitle=col.header,
                )
            else:
                dv = None
            if dv is not None:
                dv.prompt = col.desc_id
                dv.showInputMessage = True
                ws.add_data_validation(dv)
                dv.add(rng)
            if col.type in ("id", "text", "multi", "choice", "bool"):
                fmt = "@"
            elif col.type == "date":
                fmt = "DD/MM/YYYY"
            else:
                fmt = None
            if fmt:
                for r in range(2, last + 1):
                    ws.cell(row=r, column=j).number_format = fmt
        for i, example in enumerate(example_rows(sheet), start=2):
            for j, col in enumerate(sheet.columns, start=1):
                cell = ws.cell(row=i, column=j, value=_typed(col, example.get(col.key, "")))
                cell.font = _EXAMPLE_FONT
        ws.freeze_panes = "A2"
        ws.row_dimensions[1].height = 32
    lists.sheet_state = "hidden"
    wb.move_sheet(LISTS_SHEET, offset=len(wb.sheetnames))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _md_cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def workbook_format_markdown() -> str:
    """``docs/workbook-format.md``: every sheet and column of the format.

    Returns
    -------
    str
        Markdown: an introduction, then per sheet its grain and a table with
        header, program key, required, content (type, digits, range, allowed
        values), accepted aliases and the descriptions in both languages.
    """
    out = [
        "# Workbook format / Format buku kerja",
        "",
        "<!-- Generated by `python -m analysis.ingest.template` from analysis/core/schema.py; do not edit by hand. -->",
        "",
        "One .xlsx workbook (or one CSV per sheet) with the sheets below. Indonesian headers are canonical;",
        "the English headers and spellings listed as aliases are accepted too (case, spaces, line breaks and",
        "underscores are ignored). Identifiers (NPSN, NUPTK, NIP) must be text: a number typed into Excel keeps",
        "15 significant digits, so a 16–18 digit ID typed as a number is reported as unreliable.",
        f"The template `data/{TEMPLATE_FILE}` (also downloadable on the *Unggah Data* page) has these headers,",
        "drop-down lists for the allowed values and example rows. A value outside a closed list is a warning",
        "(the row is kept); a missing required value or a number out of range is an error (the row is rejected).",
        "Dapodik exports (Profil Sekolah, Daftar PTK, Rekap Pembelajaran) are read as they come: see the README.",
        "",
    ]
    for sheet in schema.SHEETS:
        out += [
            f"## {sheet.name}{' (optional)' if sheet.optional else ''}",
            "",
            f"{sheet.grain_en[:1].upper()}{sheet.grain_en[1:]} ({sheet.grain_id}).",
            f"Sheet names accepted: {', '.join(f'`{n}`' for n in (sheet.name, *sheet.aliases))}.",
            "",
            "| Header | Key | Required | Content | Aliases | Keterangan | Description |",
            "|---|---|---|---|---|---|---|",
        ]
        for col in sheet.columns:
            out.append(
                "| "
                + " | ".join(
                    _md_cell(x)
                    for x in (
                        col.header,
                        f"`{col.key}`",
                        "yes" if col.required else "",
                        _rule(col, "en"),
                        ", ".join(col.aliases),
                        col.desc_id,
                        col.desc_en,
                    )
                )
                + " |"
            )
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Write the template and the format document: ``python -m analysis.ingest.template [ROOT]``.

    Parameters
    ----------
    argv : list of str, optional
        The project root (default: the current directory).

    Returns
    -------
    int
        0.
    """
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path(".")
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "data" / TEMPLATE_FILE).write_bytes(build_template())
    (root / "docs" / "workbook-format.md").write_text(workbook_format_markdown(), encoding="utf-8")
    print(f"wrote {root / 'data' / TEMPLATE_FILE} and {root / 'docs' / 'workbook-format.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
