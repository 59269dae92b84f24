"""Read the Excel files Dapodik already gives a school, as they come (issue 2 §2).

The layouts are recognised by their headers, not by file or
sheet names:

``dapodik_profil``
    The "Profil Sekolah" workbook. Sheet ``PTK`` has title rows 1–4 and a
    two-row merged header on rows 5–6 (A–I merged over both rows, J5:V5 one
    merged "Keterangan" cell over the row-6 sub-columns Jenjang,
    Jurusan/Prodi, Sertifikasi, TMT Kerja, Mengajar, JJM, ...); data from
    row 7. The school's NPSN and identity come from the form-like first sheet
    ``Profil Sekolah`` (label in column B, ":" in C, value in D, rows 4–14).
    Gives a ``sekolah`` table (one row) and ``guru`` rows with ``npsn`` filled.
``dapodik_daftar_ptk``, ``dapodik_daftar_guru``, ``dapodik_daftar_tendik``
    The "Daftar PTK" export and its 2026 successors "Daftar Guru" and
    "Daftar Tenaga Kependidikan" (told apart by the title in A1): title rows
    1–4 (school name on row 2, "Kecamatan …, Kabupaten …, Provinsi …" on row 3,
    "Tanggal Unduh: …" and "Pengunduh: …" on row 4), header on row 5, data
    from row 6; the 2026 files end with a column without a header, which is
    reported (sheet and column letter), never read. They carry no NPSN: the
    caller may give it (``adapt(sheets, npsn=...)``, the upload page's NPSN
    field, ``--npsn`` on the command line); it then fills a ``sekolah`` row
    (name and region from rows 2–3, Tanggal Unduh as ``tanggal_data``) and the
    guru rows' NPSN. Without it the guru rows keep an empty NPSN and one
    warning says what to do. In a Daftar Tenaga Kependidikan an empty Jenis
    PTK is read as "Tenaga Kependidikan", so a staff member is never counted
    as a teacher; a Kepala Sekolah listed there keeps Jenis PTK "Kepala
    Sekolah" and counts as the school's head (a pendidik).
``dapodik_rekap``
    "Rekap Pembelajaran": "Label | : value" rows 2–6 (Nama Sekolah, NPSN, ...),
    header on row 8, one row per teacher × class (rombel) × subject. Rows are
    combined into ``mengajar`` rows per NUPTK × subject with JJM summed, one
    ``guru`` row per teacher (Nama, NUPTK, Kepegawaian, subjects, total JJM)
    and one ``sekolah`` row.
``dapodik_daftar_sekolah``
    A district school list as Dapodik's public pages show it (often saved as
    ``Sheet1``): one header row with No, Nama Sekolah, NPSN, BP (bentuk
    pendidikan, read as jenjang), Status, Last Sync, Jml Sync, Sinkron
    Terakhir…, Tahun, Kecamatan; found by its headers whatever the sheet
    name. Gives a ``sekolah`` table only; with a Tahun column one row per
    school × year (the loader keeps the latest year as the school's current
    row, :func:`analysis.reference.wilayah.current_and_history`).

Personal data the dashboard has no use for (:data:`PERSONAL_COLUMNS`) is
dropped here, before any validation: its cells never enter a
:class:`~analysis.ingest.rawdata.RawTable`, and its headers, as written in the file,
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
from datetime import date

from openpyxl.utils import get_column_letter

from analysis.core import schema
from analysis.ingest.rawdata import RawSheet, RawTable
from analysis.ingest.validate import cell_text, is_blank, is_total_row, parse_id, parse_number, problem
from analysis.reference.wilayah import region_key

#: Folded headers (:func:`analysis.core.schema.normalize_header`) of personal data
#: dropped at import: identity numbers, family, tax and bank data, addresses,
#: contacts, spouse, coordinates, civil-service cards, plus
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
#: On the school form, Lintang/Bujur are the school's location (not personal): kept for the map.
SCHOOL_LOCATION_COLUMNS: frozenset[str] = frozenset({"lintang", "bujur"})

#: Headers only a Dapodik Daftar PTK carries (never the project's own Guru sheet).
_DAFTAR_ONLY = frozenset(
    schema.normalize_header(h)
    for h in (
        "Tempat Lahir",
        "Agama",
        "Alamat Jalan",
        "Nama Ibu Kandung",
        "NIK",
        "No KK",
        "NPWP",
        "Sumber Gaji",
        "Pangkat Golongan",
        "SK CPNS",
        "Lembaga Pengangkatan",
        "Karpeg",
        "Status Perkawinan",
        "Kewarganegaraan",
        "NUKS",
        "Desa/Kelurahan",
        "Bank",
        "SK Pengangkatan",
        "TMT Pengangkatan",
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
LAYOUT_DAFTAR_GURU = "dapodik_daftar_guru"
LAYOUT_DAFTAR_TENDIK = "dapodik_daftar_tendik"
LAYOUT_DAFTAR_SEKOLAH = "dapodik_daftar_sekolah"
#: Layouts whose file carries no NPSN of its own: the caller may give one.
NPSN_LESS = frozenset({LAYOUT_DAFTAR_PTK, LAYOUT_DAFTAR_GURU, LAYOUT_DAFTAR_TENDIK})
#: Jenis PTK given to a Daftar Tenaga Kependidikan row whose Jenis PTK is empty.
TENDIK_DEFAULT = "Tenaga Kependidikan"
#: Titles (A1, folded) of the listings of people, by layout.
_TITLES = (
    ("daftar tenaga kependidikan", LAYOUT_DAFTAR_TENDIK),
    ("daftar guru", LAYOUT_DAFTAR_GURU),
    ("daftar pendidik", LAYOUT_DAFTAR_PTK),
    ("daftar ptk", LAYOUT_DAFTAR_PTK),
)
_MONTHS = {
    m: i
    for i, m in enumerate(("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"), start=1)
}
_MONTHS.update({"agu": 8, "agt": 8, "okt": 10, "des": 12, "peb": 2, "feb": 2, "jan": 1, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "sep": 9, "nov": 11})


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
        In a sheet of people, "Kecamatan" is an address part and dropped too;
        on the school form (``False``) Lintang/Bujur are the school's location and kept.

    Returns
    -------
    bool
        Source: UU 27/2022 (PDP): data minimisation; these are personal data no analysis uses.
    """
    folded = schema.normalize_header(header)
    if not person_sheet and folded in SCHOOL_LOCATION_COLUMNS:
        return False  # the school's own coordinates, on the school form
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
    madrasahs are registered in Kemenag's EMIS).
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
    """``"Kecamatan X, Kabupaten Y, Provinsi Z"`` → sekolah fields ``{key: (label, value)}``.

    Parts are told apart by their prefix (Kecamatan / Kec., Kabupaten / Kab. /
    Kota, Provinsi / Prov.), in any order; a part without a known prefix is
    ignored. Prefixes are stripped later, for every source, by
    :func:`analysis.reference.wilayah.normalize_region`; "Kota Y" stays a city.
    """
    out: dict[str, tuple[str, object]] = {}
    if not text:
        return out
    for part in (" ".join(p.split()) for p in text.split(",")):
        low = part.lower()
        if low.startswith(("kecamatan ", "kec. ", "kec ")):
            out["kecamatan"] = ("Kecamatan", part.split(" ", 1)[1].strip())
        elif low.startswith(("provinsi ", "prov. ", "prov ")):
            out["provinsi"] = ("Provinsi", part.split(" ", 1)[1].strip())
        elif low.startswith(("kota ", "kabupaten ", "kab. ", "kab ")):
            out["kabupaten_kota"] = ("Kabupaten/Kota", part)
    return out


def _download_date(text: str) -> date | None:
    """The date of a "Tanggal Unduh: …" stamp: ISO, dd/mm/yyyy, dd-mm-yyyy or "20 November 2025"; ``None`` if none."""
    m = re.search(r"tanggal\s*unduh\s*:?\s*(.*)", text, re.IGNORECASE)
    if not m:
        return None
    rest = m.group(1)
    found = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", rest)
    try:
        if found:
            return date(int(found[1]), int(found[2]), int(found[3]))
        found = re.search(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})", rest)
        if found:
            return date(int(found[3]), int(found[2]), int(found[1]))
        found = re.search(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", rest)
        if found and found[2].lower() in _MONTHS:
            return date(int(found[3]), _MONTHS[found[2].lower()], int(found[1]))
    except ValueError:
        return None
    return None


def _title_rows(rows: list[list[object]], h: int) -> dict:
    """What the title rows above a header (rows 1 to ``h``) say.

    Returns
    -------
    dict
        ``title`` (A1's text or ``None``), ``name`` (the first text of row 2,
        or a "Nama Sekolah" label's value), ``name_row`` (its Excel row),
        ``location`` (:func:`_parse_location` of the first row starting with
        Kec/Kab/Kota/Prov), ``downloaded`` (:func:`_download_date` of the
        first cell holding "Tanggal Unduh"), ``labelled`` (NPSN and Nama
        Sekolah label rows, :func:`_label_values`).
    """
    firsts = [(i + 1, cell_text(next((c for c in r if cell_text(c)), None))) for i, r in enumerate(rows[:h])]
    title = firsts[0][1] if firsts else None
    labelled = [lv for lv in _label_values(rows, 1, h) if schema.normalize_header(lv[1]) in ("npsn", "nama sekolah")]
    named = next(((r, v) for r, lbl, v in labelled if schema.normalize_header(lbl) == "nama sekolah" and v is not None), None)
    if named is None:
        named = next(((r, t) for r, t in firsts[1:2] if t), (None, None))
    location: dict = {}
    for _, text in firsts[1:]:
        if text and text.lower().startswith(("kec", "kab", "kota", "prov")):
            location = _parse_location(text)
            break
    downloaded = None
    for r in rows[:h]:
        for c in r:
            if isinstance(c, str) and "unduh" in c.lower():
                downloaded = downloaded or _download_date(c)
    return {"title": title, "name": named[1], "name_row": named[0], "location": location, "downloaded": downloaded, "labelled": labelled}


def _unlabelled(sheet: str, headers: list[object], data: list[tuple[int, list[object]]]) -> list:
    """One warning per column without a header that holds data (sheet and column letter named); its cells are not read."""
    width = max([len(headers)] + [len(c) for _, c in data]) if data else len(headers)
    out = []
    for j in range(width):
        if cell_text(headers[j] if j < len(headers) else None) is not None:
            continue
        filled = sum(1 for _, cells in data if j < len(cells) and cell_text(cells[j]) is not None)
        if filled:
            letter = get_column_letter(j + 1)
            out.append(problem(sheet, None, letter, None, "warning", "problem.unlabelled_column", letter=letter, rows=filled))
    return out


def is_npsn_input(text: object) -> bool:
    """Whether a typed NPSN has the right shape: 8 letters or digits (``"40301234"``, ``"P9908517"``).

    The digit rules of a valid NPSN are the validator's (:func:`analysis.ingest.validate.parse_id`);
    this is only the check of the upload page's field before the file is read again.
    """
    return isinstance(text, str) and re.fullmatch(r"[A-Za-z0-9]{8}", text.strip()) is not None


def missing_npsn(report) -> dict | None:
    """The school a loaded file names but cannot identify, or ``None``.

    Parameters
    ----------
    report : ValidationReport
        The report of :func:`analysis.ingest.load.load_file`.

    Returns
    -------
    dict or None
        ``{"sheet", "school", "kecamatan"}`` from the ``problem.dapodik_no_npsn``
        warning (a Daftar PTK / Guru / Tenaga Kependidikan loaded without an
        NPSN); ``None`` when the file needs none.
    """
    p = next((p for p in report.problems if p.code == "problem.dapodik_no_npsn"), None)
    if p is None:
        return None
    return {"sheet": p.sheet, "school": p.params.get("school"), "kecamatan": p.params.get("kecamatan")}


def _name_key(text: object) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", str(text)).split()).casefold() if text is not None else ""


def matching_npsn(school: dict, sekolah) -> str | None:
    """The NPSN of a loaded school with the same name and kecamatan, or ``None``.

    Parameters
    ----------
    school : dict
        :func:`missing_npsn`'s answer (``school`` name, ``kecamatan``).
    sekolah : DataFrame
        Schools already loaded in the session (one row per school).

    Returns
    -------
    str or None
        The NPSN when exactly one school matches: names compared without case,
        punctuation or repeated spaces; kecamatan through
        :func:`analysis.reference.wilayah.region_key` ("Kec. Gantarang" = "GANTARANG");
        a school of the session without a kecamatan matches on the name alone.
    """

    if not school or sekolah is None or sekolah.empty or not school.get("school"):
        return None
    name = _name_key(school["school"])
    kec = region_key(school.get("kecamatan"), "kecamatan")
    found = set()
    for npsn, nama, k in zip(sekolah["npsn"], sekolah["nama_sekolah"], sekolah["kecamatan"]):
        if npsn is None or _name_key(nama) != name:
            continue
        other = region_key(k, "kecamatan")
        if kec is None or other is None or other == kec:
            found.add(npsn)
    return found.pop() if len(found) == 1 else None


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


def _listing_kind(rows: list[list[object]]) -> str | None:
    """Layout named by a listing's title in row 1 ("Daftar Guru", "Daftar Tenaga Kependidikan", "Daftar PTK")."""
    title = next((cell_text(c) for c in (rows[0] if rows else []) if cell_text(c)), None)
    folded = schema.normalize_header(title) if title else ""
    return next((layout for prefix, layout in _TITLES if folded.startswith(prefix)), None)


def _daftar_header(rows: list[list[object]]) -> int | None:
    """0-based index of the Daftar PTK / Guru / Tenaga Kependidikan header (row 5).

    Person columns plus either three Dapodik-only ones or a listing title in A1.
    """
    titled = _listing_kind(rows) is not None
    for i, row in enumerate(rows[:_SCAN]):
        f = set(_folded(row))
        # NUPTK / Jenis PTK / Status Kepegawaian tell a staff list from a pupil list (Daftar Peserta Didik)
        if len(f & _PERSON_CORE) >= 2 and f & {"nuptk", "jenis ptk", "status kepegawaian"} and (titled or len(f & _DAFTAR_ONLY) >= 3):
            return i
    return None


_SEKOLAH_MAP = schema.header_map(schema.SEKOLAH)


#: Header beginnings only Dapodik's public school lists carry, beside "BP" (a CSV
#: of the project's own Sekolah sheet has none of them).
_LIST_SYNC = ("last sync", "jml sync", "sinkron")


def _sekolah_list_header(rows: list[list[object]]) -> int | None:
    """0-based index of a school list's header: NPSN, a school name and BP or a sync column."""
    for i, row in enumerate(rows[:_SCAN]):
        folded = [f for f in _folded(row) if f]
        keys = {_SEKOLAH_MAP.get(f) for f in folded}
        if {"npsn", "nama_sekolah"} <= keys and any(f == "bp" or f.startswith(_LIST_SYNC) for f in folded):
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
        format (Sekolah, Mengajar, Pelatihan, Penilaian, Kendala). A school
        list (:data:`LAYOUT_DAFTAR_SEKOLAH`) is taken only from a workbook
        none of whose sheets is named like a sheet of the project's format.
    """
    if any(schema.normalize_header(s.name) in _PROJECT_SHEETS for s in sheets):
        return None
    ordered = sorted(sheets, key=lambda s: schema.normalize_header(s.name) != "ptk")
    for layout, finder in ((LAYOUT_PROFIL, _profil_header), (LAYOUT_REKAP, _rekap_header), (LAYOUT_DAFTAR_PTK, _daftar_header)):
        for sheet in ordered:
            h = finder(sheet.rows)
            if h is not None:
                if layout == LAYOUT_DAFTAR_PTK:
                    layout = _listing_kind(sheet.rows) or LAYOUT_DAFTAR_PTK
                return layout, sheet, h
    if not any(schema.sheet_for_name(s.name) for s in sheets):
        for sheet in sheets:
            h = _sekolah_list_header(sheet.rows)
            if h is not None:
                return LAYOUT_DAFTAR_SEKOLAH, sheet, h
    return None


# ---------------------------------------------------------------------------
# The three layouts
# ---------------------------------------------------------------------------


def _adapt_profil(sheets: list[RawSheet], sheet: RawSheet, h: int, npsn: str | None = None) -> list[RawTable]:
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
    stamp = _title_rows(sheet.rows, h)["downloaded"]
    extra = {"tanggal_data": ("Tanggal Unduh", stamp)}
    found = _label_values(form.rows) if form is not None else []
    if cell_text(npsn) and not any(schema.normalize_header(lbl) == "npsn" and v is not None for _, lbl, v in found):
        found.append((1, "NPSN", cell_text(npsn)))  # the user's NPSN, for a PTK sheet without its form
    sekolah = _sekolah_table(form.name if form is not None else sheet.name, found, extra) if found else None
    guru = RawTable(sheet=sheet.name, table="guru", headers=out_headers, keys=keys, rows=rows, dropped_columns=dropped, problems=list(sheet.warnings))
    guru.problems.extend(_unlabelled(sheet.name, headers, _data_rows(sheet.rows, h + 2)))
    npsn = _npsn_text(sekolah)
    if sekolah is not None:
        tables.append(sekolah)
    if npsn:
        guru.defaults["npsn"] = npsn
    else:
        guru.problems.append(problem(form.name if form is not None else sheet.name, None, None, None, "warning", "problem.dapodik_no_form"))
    tables.append(guru)
    return tables


def _adapt_daftar(sheet: RawSheet, h: int, layout: str, npsn: str | None = None) -> list[RawTable]:
    header = sheet.rows[h]
    idx, out_headers, keys, dropped = _person_columns(header)
    data = _data_rows(sheet.rows, h + 1)
    rows = _project(data, idx)
    guru = RawTable(sheet=sheet.name, table="guru", headers=out_headers, keys=keys, rows=rows, dropped_columns=dropped, problems=list(sheet.warnings))
    guru.problems.extend(_unlabelled(sheet.name, header, data))
    if layout == LAYOUT_DAFTAR_TENDIK:
        guru.defaults["jenis_ptk"] = TENDIK_DEFAULT
    # Rows 2–4: school name, "Kecamatan, Kabupaten, Provinsi", download stamp.
    top = _title_rows(sheet.rows, h)
    labelled = list(top["labelled"])
    given = cell_text(npsn)
    if given and not any(schema.normalize_header(lbl) == "npsn" and v is not None for _, lbl, v in labelled):
        labelled.append((top["name_row"] or 1, "NPSN", given))
    extra = {"nama_sekolah": ("Nama Sekolah", top["name"]), **top["location"], "tanggal_data": ("Tanggal Unduh", top["downloaded"])}
    sekolah = _sekolah_table(sheet.name, labelled, extra)
    found = _npsn_text(sekolah)
    tables = []
    if sekolah is not None:
        tables.append(sekolah)
    if found:
        guru.defaults["npsn"] = found
    else:
        kecamatan = top["location"].get("kecamatan", (None, None))[1]
        guru.problems.append(problem(sheet.name, None, None, None, "warning", "problem.dapodik_no_npsn", school=top["name"] or "?", kecamatan=kecamatan))
    tables.append(guru)
    return tables


def _adapt_sekolah_list(sheet: RawSheet, h: int) -> list[RawTable]:
    """A district school list: every row below the header a ``sekolah`` row; columns the schema lacks (Last Sync, …) not read."""
    header = sheet.rows[h]
    idx, out_headers, keys = [], [], []
    for j, c in enumerate(header):
        text = cell_text(c)
        if text is None or schema.normalize_header(text) in ("no", "no urut", "nomor"):
            continue
        key = _SEKOLAH_MAP.get(schema.normalize_header(text))
        if key in keys:
            key = None
        idx.append(j)
        out_headers.append(str(c))
        keys.append(key)
    data = _data_rows(sheet.rows, h + 1)
    defaults = {} if "naungan" in keys else {"naungan": "Kemendikdasmen"}
    table = RawTable(
        sheet=sheet.name, table="sekolah", headers=out_headers, keys=keys, rows=_project(data, idx), defaults=defaults, problems=list(sheet.warnings)
    )
    table.problems.extend(_unlabelled(sheet.name, header, data))
    return [table]


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
            t = teachers.setdefault(
                tkey, {"row": excel_row, "nama": cell(cells, i_nama), "nuptk": cell(cells, i_nuptk), "peg": cell(cells, i_peg), "subjects": {}, "jjm": None}
            )
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
        mengajar.problems.append(
            problem(sheet.name, None, None, None, "warning", "problem.dapodik_rekap_combined", rows=combined, groups=len(groups), teachers=len(teachers))
        )

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


def adapt(sheets: list[RawSheet], *, npsn: str | None = None) -> tuple[str, list[RawTable]] | None:
    """Turn a Dapodik export into raw tables for the validator.

    Parameters
    ----------
    sheets : list of RawSheet
        A workbook as read by :func:`analysis.ingest.reader.read_file`.
    npsn : str, optional
        The school's NPSN as the user gave it, for a file that carries none
        (Daftar PTK / Guru / Tenaga Kependidikan, a Profil PTK sheet without
        its form). A file's own NPSN always wins; other layouts ignore it.

    Returns
    -------
    tuple or None
        ``(layout, tables)`` with layout one of ``"dapodik_profil"``,
        ``"dapodik_daftar_ptk"``, ``"dapodik_daftar_guru"``,
        ``"dapodik_daftar_tendik"``, ``"dapodik_rekap"``,
        ``"dapodik_daftar_sekolah"`` and the raw tables (``sekolah`` when an
        NPSN is found or given, ``guru`` for the listings of people,
        ``mengajar`` for Rekap Pembelajaran, only ``sekolah`` for a school
        list); ``None`` when the sheets are not a Dapodik export (see
        :func:`detect`). Never raises for a user's file: a missing column or
        a broken row is left for the validator to report.
    """
    found = detect(sheets)
    if found is None:
        return None
    layout, sheet, h = found
    if layout == LAYOUT_PROFIL:
        return layout, _adapt_profil(sheets, sheet, h, npsn)
    if layout == LAYOUT_REKAP:
        return layout, _adapt_rekap(sheet, h)
    if layout == LAYOUT_DAFTAR_SEKOLAH:
        return layout, _adapt_sekolah_list(sheet, h)
    return layout, _adapt_daftar(sheet, h, layout, npsn)
