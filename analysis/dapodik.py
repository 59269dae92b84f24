"""Read the Excel files Dapodik already gives a school, as they come (issue 2 §2).

Three layouts (DOMAIN.md §4) are recognised by their headers, not by file or
sheet names:

``dapodik_profil``
    The "Profil Sekolah" workbook. Sheet ``PTK`` has title rows 1–4 and a
    two-row merged header on rows 5–6 (A–I merged over both rows, J5:V5 one
    merged "Keterangan" cell over the row-6 sub-columns Jenjang,
    Jurusan/Prodi, Sertifikasi, TMT Kerja, Mengajar, JJM, ...); data from
    row 7. The school's NPSN and identity come from the form-like first sheet
    ``Profil Sekolah`` (label in column B, ":" in C, value in D, rows 4–14).
    Gives a ``sekolah`` table (one row) and ``guru`` rows with ``npsn`` filled.
``dapodik_daftar_ptk``
    The "Daftar PTK" export: title rows 1–4 (school name, "Kecamatan,
    Kabupaten, Provinsi", download stamp), header on row 5, 51 columns, data
    from row 6. It carries no NPSN: the guru rows keep an empty NPSN (the
    loader fills it only when exactly one school is known, which here is
    none) and a warning says so.
``dapodik_rekap``
    "Rekap Pembelajaran": "Label | : value" rows 2–6 (Nama Sekolah, NPSN, ...),
    header on row 8, one row per teacher × class (rombel) × subject. Rows are
    combined into ``mengajar`` rows per NUPTK × subject with JJM summed, one
    ``guru`` row per teacher (Nama, NUPTK, Kepegawaian, subjects, total JJM)
    and one ``sekolah`` row.

Personal data the dashboard has no use for (:data:`PERSONAL_COLUMNS`) is
dropped here, before any validation: its cells never enter a
:class:`~analysis.rawdata.RawTable`, and its headers, as written in the file,
are listed in ``RawTable.dropped_columns`` (the loader copies them to the
report's ``dropped_columns``). UU 27/2022 (PDP) asks for data minimisation.

Row accounting: every row below a header goes into a ``RawTable`` (blank and
total rows included) so the validator counts it; Excel row numbers are kept.
In Rekap Pembelajaran a combined row carries the Excel row number of its first
source row; a source row that cannot be combined (no subject, a JJM that is
not a number or outside 0–60) is passed on by itself so the validator rejects
it at its own row; a sheet-level warning states how many rows were combined.
"""

from __future__ import annotations

import re

from analysis import schema
from analysis.rawdata import RawSheet, RawTable
from analysis.validate import cell_text, is_blank, is_total_row, parse_id, parse_number, problem

#: Folded headers (:func:`analysis.schema.normalize_header`) of personal data
#: dropped at import: identity numbers, family, tax and bank data, addresses,
#: contacts, spouse, coordinates, civil-service cards (DOMAIN.md §4), plus
#: birthplace, religion, marital status and citizenship, which no analysis of
#: the dashboard uses (data minimisation, UU 27/2022).
PERSONAL_COLUMNS: frozenset[str] = frozenset(
    schema.normalize_header(h)
    for h in (
        "NIK",
        "No KK",
        "Nomor KK",
        "Nama Ibu Kandung",
        "NPWP",
        "Nama Wajib Pajak",
        "Bank",
        "Nomor Rekening Bank",
        "No Rekening",
        "Rekening Atas Nama",
        "Alamat Jalan",
        "Alamat",
        "RT",
        "RW",
        "RT / RW",
        "Nama Dusun",
        "Dusun",
        "Desa/Kelurahan",
        "Kelurahan",
        "Kode Pos",
        "Telepon",
        "HP",
        "No HP",
        "Email",
        "Nama Suami/Istri",
        "NIP Suami/Istri",
        "Pekerjaan Suami/Istri",
        "Lintang",
        "Bujur",
        "Karpeg",
        "Karis/Karsu",
        "Tempat Lahir",
        "Agama",
        "Status Perkawinan",
        "Kewarganegaraan",
    )
)
#: In a sheet of people (not the school form), "Kecamatan" is part of the person's address.
PERSON_ADDRESS_COLUMNS: frozenset[str] = frozenset({"kecamatan"})

#: Headers only a Dapodik Daftar PTK carries (never the project's own Guru sheet).
_DAFTAR_ONLY = frozenset(
    schema.normalize_header(h)
    for h in (
        "Tempat Lahir", "Agama", "Alamat Jalan", "Nama Ibu Kandung", "NIK", "No KK", "NPWP", "Sumber Gaji", "Pangkat Golongan",
        "SK CPNS", "Lembaga Pengangkatan", "Tugas Tambahan", "Karpeg", "Status Perkawinan", "Kewarganegaraan", "NUKS",
        "Desa/Kelurahan", "Bank", "SK Pengangkatan", "TMT Pengangkatan",
    )
)
_KETERANGAN_SUB = frozenset({"jenjang", "jurusan/prodi", "sertifikasi", "tmt kerja", "mengajar", "jjm", "total jjm"})
#: Sheet names of the project's own workbook (canonical): a workbook with one of
#: these is the project's format, never a Dapodik export.
_PROJECT_SHEETS = frozenset(schema.normalize_header(s.name) for s in schema.SHEETS if s.key != "guru")
_SCAN = 20
#: "(18 jam)", "(6 JP)" annotations after a subject in the Profil PTK "Mengajar" cell.
_HOURS = re.compile(r"\s*\(\s*\d+(?:[.,]\d+)?\s*(?:jam|jp|jjm)\s*\)\s*[,;]?\s*", re.IGNORECASE)

LAYOUT_PROFIL = "dapodik_profil"
LAYOUT_DAFTAR_PTK = "dapodik_daftar_ptk"
LAYOUT_REKAP = "dapodik_rekap"


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def is_personal(header: object, *, person_sheet: bool = True) -> bool:
    """Whether a header names personal data dropped at import.

    Parameters
    ----------
    header : object
        A header cell as written (``"Nama Ibu Kandung"``, ``"Karis/Karsu"``).
    person_sheet : bool
        In a sheet of people, "Kecamatan" is an address part and dropped too.

    Returns
    -------
    bool
        Source: DOMAIN.md §4 (personal data the dashboard must not keep).
    """
    folded = schema.normalize_header(header)
    return folded in PERSONAL_COLUMNS or (person_sheet and folded in PERSON_ADDRESS_COLUMNS)


def clean_mengajar(value: object) -> object:
    """Subjects of a Profil PTK "Mengajar" cell, without hour annotations.

    ``"Bahasa Inggris (18 jam), Seni Budaya (6 jam)"`` becomes
    ``"Bahasa Inggris; Seni Budaya"`` so the subjects split on ";" as the
    workbook format asks (issue 2, "Decisions"). A cell without such
    annotations is returned unchanged (commas inside it are left to the
    subject splitter, which knows subject names containing commas).

    Parameters
    ----------
    value : object
        The cell as read.

    Returns
    -------
    object
        Text with subjects separated by ``"; "``, or ``value`` unchanged.
    """
    if not isinstance(value, str) or not _HOURS.search(value):
        return value
    parts = [p.strip(" ,;") for p in _HOURS.split(value)]
    parts = [p for p in parts if p]
    return "; ".join(parts) if parts else value


def _folded(row: list[object]) -> list[str]:
    return [schema.normalize_header(c) if isinstance(c, str) else "" for c in row]


def _label_values(rows: list[list[object]], start: int = 0, stop: int | None = None) -> list[tuple[int, str, object]]:
    """``(excel_row, label, value)`` of form-like rows ("Label | : | value", "Label | : value", "Label : value").

    The label is the first text cell holding a letter (item numbers in column A
    are skipped, with or without cached formula values); the value is the text
    after a ":" in the same cell, else the next non-empty cell that is not
    just ":" (a leading ":" stripped). Numbers are kept as numbers.
    """
    out: list[tuple[int, str, object]] = []
    stop = len(rows) if stop is None else min(stop, len(rows))
    for i in range(start, stop):
        cells = rows[i]
        label_j = next((j for j, c in enumerate(cells) if isinstance(c, str) and re.search(r"[A-Za-z]", c)), None)
        if label_j is None:
            continue
        label, value = cells[label_j].strip(), None
        if ":" in label:
            label, _, rest = label.partition(":")
            label, rest = label.strip(), rest.strip()
            value = rest or None
        if value is None:
            for c in cells[label_j + 1 :]:
                if c is None:
                    continue
                if isinstance(c, str):
                    s = c.strip()
                    s = s[1:].strip() if s.startswith(":") else s
                    if s:
                        value = s
                        break
                    continue
                value = c
                break
        if label:
            out.append((i + 1, label, value))
    return out


def _data_rows(rows: list[list[object]], first: int) -> list[tuple[int, list[object]]]:
    """``(excel_row, cells)`` from 0-based index ``first`` on; the used range's trailing empty rows dropped."""
    out = [(first + 1 + i, list(r)) for i, r in enumerate(rows[first:])]
    while out and is_blank(out[-1][1]):
        out.pop()
    return out


def _project(data: list[tuple[int, list[object]]], idx: list[int]) -> list[tuple[int, list[object]]]:
    """Keep columns ``idx`` of each row. A total row (JUMLAH / TOTAL, often in the
    dropped "No" column) becomes an empty row, which the validator counts as
    blank/total like the total row itself."""
    return [(r, [None] * len(idx) if is_total_row(cells) else [cells[j] if j < len(cells) else None for j in idx]) for r, cells in data]


def _person_columns(headers: list[object], sheet: schema.Sheet = schema.GURU) -> tuple[list[int], list[str], list[str | None], list[str]]:
    """Choose the columns of a sheet of people.

    Returns
    -------
    tuple
        ``(indices kept, headers as written, schema keys, dropped personal headers)``.
        The row number column "No" and columns without a header are left out;
        personal columns are dropped; other columns are kept, mapped to the
        schema where a header or alias matches (first match wins).
    """
    hmap = schema.header_map(sheet)
    idx: list[int] = []
    out_headers: list[str] = []
    keys: list[str | None] = []
    dropped: list[str] = []
    seen: set[str] = set()
    for j, h in enumerate(headers):
        text = cell_text(h)
        if text is None:
            continue
        folded = schema.normalize_header(text)
        if folded in ("no", "no urut", "nomor"):
            continue
        if is_personal(text):
            dropped.append(str(h))
            continue
        key = hmap.get(folded)
        if key in seen:
            key = None
        if key:
            seen.add(key)
        idx.append(j)
        out_headers.append(str(h))
        keys.append(key)
    return idx, out_headers, keys, dropped


def _sekolah_table(sheet_name: str, found: list[tuple[int, str, object]], extra: dict[str, tuple[str, object]] | None = None) -> RawTable | None:
    """One-row ``sekolah`` table from form labels; ``None`` when no NPSN label holds a value.

    The row carries the Excel row number of the NPSN label. Naungan defaults
    to Kemendikdasmen (inferred: Dapodik is Kemendikdasmen's database;
    madrasahs are registered in Kemenag's EMIS, DOMAIN.md §4).
    """
    hmap = schema.header_map(schema.SEKOLAH)
    headers: list[str] = []
    keys: list[str | None] = []
    cells: list[object] = []
    row = None
    for excel_row, label, value in found:
        key = hmap.get(schema.normalize_header(label))
        if key is None or key in keys or is_personal(label, person_sheet=False):
            continue
        headers.append(label)
        keys.append(key)
        cells.append(value)
        if key == "npsn" and value is not None:
            row = excel_row
    for key, (label, value) in (extra or {}).items():
        if key not in keys and value is not None:
            headers.append(label)
            keys.append(key)
            cells.append(value)
    if row is None:
        return None
    defaults = {} if "naungan" in keys else {"naungan": "Kemendikdasmen"}
    return RawTable(sheet=sheet_name, table="sekolah", headers=headers, keys=keys, rows=[(row, cells)], defaults=defaults)


def _npsn_text(table: RawTable | None) -> str | None:
    """The NPSN of a one-row sekolah table as text of digits (as the validator reads it)."""
    if table is None:
        return None
    value = table.rows[0][1][table.keys.index("npsn")]
    return parse_id(value, 8)[0]


def _parse_location(text: str | None) -> dict[str, tuple[str, object]]:
    """``"Kecamatan X, Kota Y, Provinsi Z"`` → sekolah fields (label, value)."""
    out: dict[str, tuple[str, object]] = {}
    if not text:
        return out
    for part in (p.strip() for p in text.split(",")):
        low = part.lower()
        if low.startswith(("kecamatan ", "kec. ", "kec ")):
            out["kecamatan"] = ("Kecamatan", part.split(" ", 1)[1].strip())
        elif low.startswith(("provinsi ", "prov. ", "prov ")):
            out["provinsi"] = ("Provinsi", part.split(" ", 1)[1].strip())
        elif low.startswith(("kota ", "kabupaten ", "kab. ", "kab ")):
            out["kabupaten_kota"] = ("Kabupaten/Kota", part)
    return out


# ---------------------------------------------------------------------------
# Layout detection
# ---------------------------------------------------------------------------


#: Person columns every Dapodik PTK listing has; a header row needs two of them,
#: so that one missing column does not hide the layout.
_PERSON_CORE = frozenset({"nama", "nuptk", "nip", "jk", "tanggal lahir", "status kepegawaian", "jenis ptk"})


def _profil_header(rows: list[list[object]]) -> int | None:
    """0-based index of row 5 of a Profil PTK two-row header ("Keterangan" over sub-columns)."""
    for i, row in enumerate(rows[:_SCAN]):
        f = set(_folded(row))
        if "keterangan" in f and len(f & _PERSON_CORE) >= 2 and i + 1 < len(rows):
            if len(set(_folded(rows[i + 1])) & _KETERANGAN_SUB) >= 2:
                return i
    return None


def _rekap_header(rows: list[list[object]]) -> int | None:
    """0-based index of the Rekap Pembelajaran header (row 8): class, subject and teacher columns."""
    for i, row in enumerate(rows[:_SCAN]):
        f = set(_folded(row))
        if (
            len(f & {"jenis rombel", "nama rombel", "tingkat", "kurikulum"}) >= 2
            and f & {"nama matpel", "kode matpel", "mata pelajaran"}
            and f & {"nama ptk", "nuptk", "ptk induk"}
        ):
            return i
    return None


def _daftar_header(rows: list[list[object]]) -> int | None:
    """0-based index of the Daftar PTK header (row 5): person columns plus Dapodik-only ones."""
    for i, row in enumerate(rows[:_SCAN]):
        f = set(_folded(row))
        # NUPTK / Jenis PTK / Status Kepegawaian tell a staff list from a pupil list (Daftar Peserta Didik)
        if len(f & _PERSON_CORE) >= 2 and f & {"nuptk", "jenis ptk", "status kepegawaian"} and len(f & _DAFTAR_ONLY) >= 3:
            return i
    return None


def detect(sheets: list[RawSheet]) -> tuple[str, RawSheet, int] | None:
    """Find the Dapodik layout of a workbook.

    Parameters
    ----------
    sheets : list of RawSheet
        The workbook as read.

    Returns
    -------
    tuple or None
        ``(layout, sheet, header_index)``: layout name, the data sheet and the
        0-based index of its (first) header row; ``None`` when no sheet has a
        Dapodik header, or when the workbook has a sheet of the project's own
        format (Sekolah, Mengajar, Pelatihan, Penilaian, Kendala).
    """
    if any(schema.normalize_header(s.name) in _PROJECT_SHEETS for s in sheets):
        return None
    ordered = sorted(sheets, key=lambda s: schema.normalize_header(s.name) != "ptk")
    for layout, finder in ((LAYOUT_PROFIL, _profil_header), (LAYOUT_REKAP, _rekap_header), (LAYOUT_DAFTAR_PTK, _daftar_header)):
        for sheet in ordered:
            h = finder(sheet.rows)
            if h is not None:
                return layout, sheet, h
    return None


# ---------------------------------------------------------------------------
# The three layouts
# ---------------------------------------------------------------------------


def _adapt_profil(sheets: list[RawSheet], sheet: RawSheet, h: int) -> list[RawTable]:
    top, sub = sheet.rows[h], sheet.rows[h + 1]
    width = max(len(top), len(sub))
    # Row 6 names the sub-columns under the merged "Keterangan"; A–I are merged
    # over both rows, so their row-6 cells are empty and row 5 names them.
    headers = []
    for j in range(width):
        below = sub[j] if j < len(sub) else None
        headers.append(below if cell_text(below) else (top[j] if j < len(top) else None))
    idx, out_headers, keys, dropped = _person_columns(headers)
    rows = _project(_data_rows(sheet.rows, h + 2), idx)
    if "mengajar" in keys:
        m = keys.index("mengajar")
        rows = [(r, [clean_mengajar(c) if k == m else c for k, c in enumerate(cells)]) for r, cells in rows]

    tables: list[RawTable] = []
    others = [s for s in sheets if s is not sheet]
    form = next((s for s in others if schema.normalize_header(s.name) == "profil sekolah"), others[0] if others else None)
    sekolah = _sekolah_table(form.name, _label_values(form.rows)) if form is not None else None
    guru = RawTable(sheet=sheet.name, table="guru", headers=out_headers, keys=keys, rows=rows, dropped_columns=dropped, problems=list(sheet.warnings))
    npsn = _npsn_text(sekolah)
    if sekolah is not None:
        tables.append(sekolah)
    if npsn:
        guru.defaults["npsn"] = npsn
    else:
        guru.problems.append(problem(form.name if form is not None else sheet.name, None, None, None, "warning", "problem.dapodik_no_form"))
    tables.append(guru)
    return tables


def _adapt_daftar(sheet: RawSheet, h: int) -> list[RawTable]:
    idx, out_headers, keys, dropped = _person_columns(sheet.rows[h])
    rows = _project(_data_rows(sheet.rows, h + 1), idx)
    guru = RawTable(sheet=sheet.name, table="guru", headers=out_headers, keys=keys, rows=rows, dropped_columns=dropped, problems=list(sheet.warnings))
    # Rows 2–4: school name, "Kecamatan, Kabupaten, Provinsi", download stamp.
    above = [cell_text(next((c for c in r if cell_text(c)), None)) for r in sheet.rows[1:h]]
    labelled = [lv for lv in _label_values(sheet.rows, 1, h) if schema.normalize_header(lv[1]) in ("npsn", "nama sekolah")]
    name = next((v for _, lbl, v in labelled if schema.normalize_header(lbl) == "nama sekolah"), None) or (above[0] if above else None)
    location = next((_parse_location(t) for t in above if t and t.lower().startswith(("kec", "kab", "kota"))), {})
    sekolah = _sekolah_table(sheet.name, labelled, {"nama_sekolah": ("Nama Sekolah", name), **location})
    npsn = _npsn_text(sekolah)
    tables = []
    if sekolah is not None:
        tables.append(sekolah)
    if npsn:
        guru.defaults["npsn"] = npsn
    else:
        guru.problems.append(problem(sheet.name, None, None, None, "warning", "problem.dapodik_no_npsn", school=name or "?"))
    tables.append(guru)
    return tables


def fill_merged(sheet: RawSheet, first: int, columns: set[int]) -> list[list[object]]:
    """The sheet's rows with each merged cell's value copied into the blank cells it covers.

    Only within a merged range: a blank cell outside any merge stays blank.
    Only columns ``columns`` and ranges starting at 0-based row ``first`` or
    below (the data rows) are filled; the rows are copied where changed, the
    sheet is not modified.

    Parameters
    ----------
    sheet : RawSheet
        A sheet as read; ``sheet.merged`` holds ``(first_row, first_col,
        last_row, last_col)``, 0-based inclusive, as calamine reports them.
    first : int
        0-based index of the first data row.
    columns : set of int
        0-based columns to fill (a Rekap Pembelajaran's teacher columns).

    Returns
    -------
    list of list
        ``rows[i]`` is Excel row ``i + 1``, as in :class:`RawSheet`.
    """
    rows = sheet.rows
    copied: set[int] = set()
    for r0, c0, r1, c1 in sheet.merged:
        if r0 < first or r1 <= r0 or r0 >= len(rows):
            continue
        for j in columns:
            if not c0 <= j <= c1 or j >= len(rows[r0]) or rows[r0][j] is None:
                continue
            value = rows[r0][j]
            for r in range(r0 + 1, min(r1, len(rows) - 1) + 1):
                if j < len(rows[r]) and rows[r][j] is None:
                    if r not in copied:
                        rows = rows if copied else list(rows)
                        rows[r] = list(rows[r])
                        copied.add(r)
                    rows[r][j] = value
    return rows


def _adapt_rekap(sheet: RawSheet, h: int) -> list[RawTable]:
    header = sheet.rows[h]
    folded = _folded(header)
    dropped = [str(c) for c in header if cell_text(c) and is_personal(c)]

    def col(*names: str) -> int | None:
        return next((j for j, f in enumerate(folded) if f in names), None)

    i_nama, i_nuptk, i_peg = col("nama ptk", "nama"), col("nuptk"), col("kepegawaian", "status kepegawaian")
    i_mapel, i_jjm = col("nama matpel", "mata pelajaran"), col("jjm")

    def cell(cells: list[object], j: int | None) -> object:
        return cells[j] if j is not None and j < len(cells) else None

    # A teacher's cells (Nama PTK, NUPTK, PTK Induk, Kepegawaian) are often one
    # merged cell over all her class rows: the continuation rows are blank
    # under it and belong to her.
    teacher_cols = {j for j in (i_nama, i_nuptk, i_peg, col("ptk induk")) if j is not None}
    data = _data_rows(fill_merged(sheet, h + 1, teacher_cols), h + 1)
    mengajar_idx = [j for j in (i_nuptk, i_mapel, i_jjm) if j is not None]
    m_headers = [str(header[j]) for j in mengajar_idx]
    m_keys = [k for j, k in ((i_nuptk, "nuptk"), (i_mapel, "mata_pelajaran"), (i_jjm, "jjm")) if j is not None]
    can_combine = i_nuptk is not None and i_mapel is not None

    m_rows: list[tuple[int, list[object]]] = []
    groups: dict[tuple[str, str], dict] = {}
    teachers: dict[tuple[str, str], dict] = {}
    combined = 0
    for excel_row, cells in data:
        if is_blank(cells) or is_total_row(cells):
            m_rows.append((excel_row, [None] * len(mengajar_idx)))  # counted as blank/total by the validator
            continue
        nuptk, nama = cell_text(cell(cells, i_nuptk)), cell_text(cell(cells, i_nama))
        subject = cell_text(cell(cells, i_mapel))
        jjm, code = parse_number(cell(cells, i_jjm))
        sound = can_combine and subject is not None and code is None and (jjm is None or 0 <= jjm <= 60)
        tkey = ("nuptk", nuptk) if nuptk else (("nama", " ".join(nama.split()).casefold()) if nama else None)
        if tkey is not None:
            t = teachers.setdefault(tkey, {"row": excel_row, "nama": cell(cells, i_nama), "nuptk": cell(cells, i_nuptk), "peg": cell(cells, i_peg), "subjects": {}, "jjm": None})
            if sound:
                t["subjects"].setdefault(" ".join(subject.split()).casefold(), subject)
                if jjm is not None:
                    t["jjm"] = (t["jjm"] or 0.0) + jjm
        if not sound or tkey is None:
            # the validator rejects it at its own row (a subject without any teacher is reported, never dropped)
            m_rows.append((excel_row, [cell(cells, j) for j in mengajar_idx]))
            continue
        combined += 1
        if not nuptk:
            continue  # cannot be linked: the guru row carries its subjects and JJM
        gkey = (nuptk, " ".join(subject.split()).casefold())
        g = groups.get(gkey)
        if g is None:
            g = groups[gkey] = {"row": excel_row, "nuptk": nuptk, "subject": subject, "jjm": None}
            m_rows.append((excel_row, g))  # placeholder, filled below
        if jjm is not None:
            g["jjm"] = (g["jjm"] or 0.0) + jjm
    m_rows = [(r, [g["nuptk"], g["subject"], None if g["jjm"] is None else round(g["jjm"], 4)] if isinstance(g, dict) else g) for r, g in m_rows]
    mengajar = RawTable(sheet=sheet.name, table="mengajar", headers=m_headers, keys=m_keys, rows=sorted(m_rows, key=lambda x: x[0]), dropped_columns=dropped)
    if combined:
        mengajar.problems.append(problem(sheet.name, None, None, None, "warning", "problem.dapodik_rekap_combined", rows=combined, groups=len(groups), teachers=len(teachers)))

    g_headers = [str(header[j]) for j in (i_nama, i_nuptk, i_peg) if j is not None] + ["Mengajar", str(header[i_jjm]) if i_jjm is not None else "JJM"]
    g_keys = [k for j, k in ((i_nama, "nama"), (i_nuptk, "nuptk"), (i_peg, "status_kepegawaian")) if j is not None] + ["mengajar", "jjm"]
    g_rows = []
    for t in sorted(teachers.values(), key=lambda t: t["row"]):
        cells = [v for j, v in ((i_nama, t["nama"]), (i_nuptk, t["nuptk"]), (i_peg, t["peg"])) if j is not None]
        cells += ["; ".join(t["subjects"].values()) or None, None if t["jjm"] is None else round(t["jjm"], 4)]
        g_rows.append((t["row"], cells))
    guru = RawTable(sheet=sheet.name, table="guru", headers=g_headers, keys=g_keys, rows=g_rows, problems=list(sheet.warnings))

    sekolah = _sekolah_table(sheet.name, _label_values(sheet.rows, 0, h))
    tables = [] if sekolah is None else [sekolah]
    npsn = _npsn_text(sekolah)
    if npsn:
        guru.defaults["npsn"] = npsn
    return [*tables, guru, mengajar]


def adapt(sheets: list[RawSheet]) -> tuple[str, list[RawTable]] | None:
    """Turn a Dapodik export into raw tables for the validator.

    Parameters
    ----------
    sheets : list of RawSheet
        A workbook as read by :func:`analysis.reader.read_file`.

    Returns
    -------
    tuple or None
        ``(layout, tables)`` with layout ``"dapodik_profil"``,
        ``"dapodik_daftar_ptk"``, ``"dapodik_rekap"`` or ``"dapodik_json"``
        (:mod:`analysis.dapodik_json`) and the raw tables
        (``sekolah`` when an NPSN is found, ``guru``, and ``mengajar`` for
        Rekap Pembelajaran); ``None`` when the sheets are not a Dapodik export
        (see :func:`detect`). Never raises for a user's file: a missing column
        or a broken row is left for the validator to report.
    """
    from analysis import dapodik_json  # the web service's JSON, read into sheets of its own

    as_json = dapodik_json.adapt(sheets)
    if as_json is not None:
        return as_json
    found = detect(sheets)
    if found is None:
        return None
    layout, sheet, h = found
    if layout == LAYOUT_PROFIL:
        return layout, _adapt_profil(sheets, sheet, h)
    if layout == LAYOUT_REKAP:
        return layout, _adapt_rekap(sheet, h)
    return layout, _adapt_daftar(sheet, h)
