"""Read the JSON of Dapodik's local web service (getGtk, getRombonganBelajar, getSekolah).

A school's Dapodik application answers ``/WebService/getGtk?npsn=...`` and
``/WebService/getRombonganBelajar?npsn=...`` with JSON of the shape
``{"results": n, "id": ..., "start": 0, "limit": n, "rows": [...]}``. A file
holding one such answer, a bare list of its rows, or several answers in one
object (``{"getGtk": {...}, "getRombonganBelajar": {...}, "getSekolah": {...}}``,
keys as the operator saved them) is read here. Each answer is recognised by
its records' fields, never by the key or file name:

- getGtk: one record per PTK (``ptk_id``, ``nama``, ``nuptk``, ``nip``,
  ``jenis_kelamin``, ``tanggal_lahir``, ``status_kepegawaian_id_str``,
  ``jenis_ptk_id_str``, ``pendidikan_terakhir``, ``bidang_studi_terakhir``,
  ``rwy_pend_formal`` [...]) → the ``guru`` table;
- getRombonganBelajar: one record per class (rombel) with ``pembelajaran``
  [...] (``ptk_id``, ``nama_mata_pelajaran``, ``jam_mengajar_per_minggu``) →
  the ``mengajar`` table, linked to the PTK by ``ptk_id`` and summed per
  teacher × subject;
- getSekolah: the school (``npsn``, ``nama``, ``bentuk_pendidikan_id_str``, ...)
  → the ``sekolah`` table. Without it the NPSN is taken from a top-level
  ``npsn`` field (or an ``id`` of 8 digits); without either the teachers stay
  unlinked and a warning says so.

:func:`read_json` turns the file into :class:`~analysis.ingest.rawdata.RawSheet`
objects named :data:`SHEET_GTK`, :data:`SHEET_ROMBEL`, :data:`SHEET_SEKOLAH`
(header in the first row, one record per row after it) and :func:`adapt`
turns those into raw tables (layout ``"dapodik_json"``). Only the fields the
dashboard uses are copied: personal fields (NIK, addresses, phone, e-mail,
spouse, bank, religion, ...; :func:`analysis.ingest.dapodik.is_personal`) keep their
header, with no value, so the report lists them as dropped (UU 27/2022, PDP).
A row number in a problem is the record's number in its answer (1 = first
PTK; for getRombonganBelajar, the n-th pembelajaran counting over the classes
in order).

A hostile file cannot exhaust memory: it is refused before parsing when larger
than :data:`MAX_JSON_BYTES` or holding more than :data:`MAX_CONTAINERS` objects
and arrays, and after parsing when nested deeper than :data:`MAX_DEPTH`.
"""

from __future__ import annotations

import json
import re

from analysis.core.errors import UnreadableFile
from analysis.ingest.dapodik import _sekolah_table, is_personal
from analysis.ingest.rawdata import RawSheet, RawTable
from analysis.ingest.validate import cell_text, parse_number, problem

LAYOUT = "dapodik_json"
SHEET_GTK = "getGtk"
SHEET_ROMBEL = "getRombonganBelajar"
SHEET_SEKOLAH = "getSekolah"

#: Largest JSON file read (bytes): a large school's getRombonganBelajar is a few MB.
MAX_JSON_BYTES = 16 * 1024 * 1024
#: Largest number of objects and arrays (``{`` and ``[``, counted before parsing; text inside strings counts too, erring on refusing).
MAX_CONTAINERS = 300_000
#: Deepest nesting accepted: bundle → answer → rows → rombel → pembelajaran → record → value.
MAX_DEPTH = 8

#: getGtk fields copied, in order, with the guru column each fills (the first present wins).
GTK_FIELDS = (
    ("nama", "nama"),
    ("nuptk", "nuptk"),
    ("nip", "nip"),
    ("jenis_kelamin", "jk"),
    ("tanggal_lahir", "tanggal_lahir"),
    ("status_kepegawaian_id_str", "status_kepegawaian"),
    ("status_kepegawaian", "status_kepegawaian"),
    ("jenis_ptk_id_str", "jenis_ptk"),
    ("jenis_ptk", "jenis_ptk"),
    ("pendidikan_terakhir", "jenjang_pendidikan"),
    ("bidang_studi_terakhir", "jurusan_prodi"),
    ("kependidikan", "kependidikan"),
    ("bidang_studi_sertifikasi", "sertifikasi"),
    ("tmt_tugas", "tmt_kerja"),
)
#: getRombonganBelajar fields copied per pembelajaran (the class's own fields prefixed ``rombel_``).
PEMBELAJARAN_FIELDS = (
    "ptk_id",
    "nama_mata_pelajaran",
    "mata_pelajaran_id_str",
    "mata_pelajaran_id",
    "jam_mengajar_per_minggu",
    "rombel_nama",
    "rombel_tingkat_pendidikan_id",
)
#: getSekolah fields → the form labels :func:`analysis.ingest.dapodik._sekolah_table` reads.
SEKOLAH_FIELDS = (
    ("npsn", "NPSN"),
    ("nama", "Nama Sekolah"),
    ("bentuk_pendidikan_id_str", "Jenjang"),
    ("status_sekolah_str", "Status"),
    ("kecamatan", "Kecamatan"),
    ("kabupaten_kota", "Kabupaten/Kota"),
    ("provinsi", "Provinsi"),
)
#: Snake-case personal fields of the web service that :func:`analysis.ingest.dapodik.is_personal` does not spell alike.
JSON_PERSONAL = frozenset(
    {
        "agama_id",
        "agama_id_str",
        "desa_kelurahan",
        "no_telepon_rumah",
        "nomor_telepon_rumah",
        "no_hp",
        "nomor_hp",
        "nama_suami_istri",
        "nip_suami_istri",
        "pekerjaan_suami_istri",
        "pekerjaan_suami_istri_id",
        "no_rekening",
        "rekening_bank",
        "rekening_atas_nama",
        "karis_karsu",
        "no_kk",
        "nomor_kk",
        "nama_ibu_kandung",
        "kewarganegaraan",
        "status_perkawinan",
        "tempat_lahir",
        "alamat_jalan",
        "email",
        "npwp",
        "nik",
    }
)
#: Dapodik writes "-" or "" where it has no value.
_EMPTY = frozenset({"", "-", "--"})
_NPSN = re.compile(r"^\d{8}$")
_GTK_MARKERS = frozenset({"nuptk", "jenis_ptk_id_str", "status_kepegawaian_id_str", "bidang_studi_terakhir", "jenis_ptk_id"})


def _personal(key: str) -> bool:
    base = re.sub(r"_(id_str|str|id)$", "", key)
    return key in JSON_PERSONAL or base in JSON_PERSONAL or is_personal(key) or is_personal(base)


def _depth_ok(value: object) -> bool:
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, (dict, list)):
            if d > MAX_DEPTH:
                return False
            stack.extend((c, d + 1) for c in (v.values() if isinstance(v, dict) else v))
    return True


def _parse(data: bytes) -> object:
    if len(data) > MAX_JSON_BYTES:
        raise UnreadableFile("file.json_too_large", size_mb=round(len(data) / 2**20, 1), limit_mb=MAX_JSON_BYTES // 2**20)
    if data.count(b"{") + data.count(b"[") > MAX_CONTAINERS:
        raise UnreadableFile("file.json_too_complex", limit=MAX_CONTAINERS)
    try:
        text = data.decode("utf-8-sig")
        payload = json.loads(text)
    except UnicodeDecodeError as exc:
        raise UnreadableFile("file.json_malformed", detail=f"not UTF-8 at byte {exc.start}") from exc
    except json.JSONDecodeError as exc:
        raise UnreadableFile("file.json_malformed", detail=f"line {exc.lineno}, column {exc.colno}: {exc.msg}") from exc
    except (RecursionError, ValueError) as exc:  # nesting beyond Python's own limit; a number of more than 4,300 digits
        raise UnreadableFile("file.json_too_deep", depth=MAX_DEPTH) from exc
    if not _depth_ok(payload):
        raise UnreadableFile("file.json_too_deep", depth=MAX_DEPTH)
    return payload


def _answers(payload: object) -> list[tuple[object, dict]]:
    """``(rows, wrapper)`` of every web-service answer in the file (a bundle holds several)."""
    if isinstance(payload, list):
        return [(payload, {})]
    if not isinstance(payload, dict):
        return []
    if "rows" in payload:
        return [(payload["rows"], payload)]
    found = []
    for value in payload.values():
        if isinstance(value, list):
            found.append((value, payload))
        elif isinstance(value, dict) and "rows" in value:
            found.append((value["rows"], value))
    return found


def _kind(rows: object) -> str | None:
    if isinstance(rows, dict):
        return "sekolah" if "npsn" in rows else None
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        return None
    keys = set().union(*(r.keys() for r in rows[:50]))
    if "pembelajaran" in keys:
        return "rombel"
    if "ptk_id" in keys and "nama" in keys and keys & _GTK_MARKERS:
        return "gtk"
    if "npsn" in keys and len(rows) == 1:
        return "sekolah"
    return None


def _scalar(value: object) -> object:
    if isinstance(value, str):
        return None if value.strip() in _EMPTY else value
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    return value if isinstance(value, (int, float)) else None


def _kependidikan(record: dict) -> object:
    """ "Ya"/"Tidak" from the latest formal education record (``rwy_pend_formal``), if it says."""
    history = record.get("rwy_pend_formal")
    if not isinstance(history, list):
        return None
    items = [h for h in history if isinstance(h, dict) and h.get("kependidikan") not in (None, "")]
    if not items:
        return None
    latest = max(items, key=lambda h: str(h.get("tahun_lulus") or ""))
    flag = str(latest.get("kependidikan")).strip().lower()
    return "Ya" if flag in ("1", "ya", "true") else "Tidak" if flag in ("0", "tidak", "false") else None


def _gtk_sheet(rows: list[dict]) -> RawSheet:
    present = set().union(*(r.keys() for r in rows))
    fields = [f for f, _ in GTK_FIELDS if f in present or (f == "kependidikan" and "rwy_pend_formal" in present)]
    personal = sorted(k for k in present if isinstance(k, str) and _personal(k))
    table = [["ptk_id", *fields, *personal]]
    for r in rows:
        cells = [_scalar(r.get("ptk_id"))]
        for f in fields:
            v = _scalar(r.get(f))
            cells.append(_kependidikan(r) if f == "kependidikan" and v is None else v)
        table.append(cells + [None] * len(personal))
    return RawSheet(name=SHEET_GTK, rows=table)


def _rombel_sheet(rows: list[dict]) -> RawSheet:
    table: list[list[object]] = [list(PEMBELAJARAN_FIELDS)]
    for rombel in rows:
        for p in rombel.get("pembelajaran") or []:
            if isinstance(p, dict):
                merged = {**{f"rombel_{k}": v for k, v in rombel.items()}, **p}
                table.append([_scalar(merged.get(f)) for f in PEMBELAJARAN_FIELDS])
    return RawSheet(name=SHEET_ROMBEL, rows=table)


def read_json(data: bytes, filename: str = "", max_rows: int = 400_000) -> list[RawSheet]:
    """Read a Dapodik web-service JSON file into raw sheets.

    Parameters
    ----------
    data : bytes
        The file's content (UTF-8, with or without BOM).
    filename : str
        Its name (not used to recognise the content).
    max_rows : int
        Most rows a sheet may have (the reader passes :data:`analysis.ingest.reader.MAX_ROWS`).

    Returns
    -------
    list of RawSheet
        :data:`SHEET_SEKOLAH` (label | value rows; only when an NPSN is found),
        :data:`SHEET_GTK` (header row, then one row per PTK) and/or
        :data:`SHEET_ROMBEL` (header row, then one row per pembelajaran).

    Raises
    ------
    UnreadableFile
        ``file.json_too_large``, ``file.json_too_complex``, ``file.json_too_deep``
        (refused before or right after parsing), ``file.json_malformed`` (not
        JSON; the message names line and column), ``file.json_unknown_shape``
        (JSON, but no getGtk, getRombonganBelajar or getSekolah answer in it).
    """
    payload = _parse(data)
    sheets: dict[str, RawSheet] = {}
    school: dict = {}
    npsn = None
    for rows, wrapper in _answers(payload):
        kind = _kind(rows)
        if kind == "sekolah":
            school = rows if isinstance(rows, dict) else rows[0]
        elif kind == "gtk" and SHEET_GTK not in sheets:
            sheets[SHEET_GTK] = _gtk_sheet(rows)
        elif kind == "rombel" and SHEET_ROMBEL not in sheets:
            sheets[SHEET_ROMBEL] = _rombel_sheet(rows)
        for key in ("npsn", "id"):
            v = wrapper.get(key)
            if npsn is None and v is not None and _NPSN.match(str(v).strip()):
                npsn = str(v).strip()
    if not sheets and not school:
        raise UnreadableFile("file.json_unknown_shape")
    if any(len(s.rows) > max_rows for s in sheets.values()):
        raise UnreadableFile("file.json_too_large", size_mb=round(len(data) / 2**20, 1), limit_mb=MAX_JSON_BYTES // 2**20)
    form = [[label, _scalar(school.get(field))] for field, label in SEKOLAH_FIELDS if _scalar(school.get(field)) is not None]
    if not any(label == "NPSN" for label, _ in form) and npsn:
        form.insert(0, ["NPSN", npsn])
    out = [RawSheet(name=SHEET_SEKOLAH, rows=form)] if form else []
    return out + [sheets[k] for k in (SHEET_GTK, SHEET_ROMBEL) if k in sheets]


def _records(sheet: RawSheet) -> list[tuple[int, list[object]]]:
    """``(record number, cells)``: row 1 is the first record (the header is not a record)."""
    return [(i, list(r)) for i, r in enumerate(sheet.rows[1:], start=1)]


def _text(v: object) -> str | None:
    if v is None:
        return None
    s = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
    return s.strip() or None


def adapt(sheets: list[RawSheet]) -> tuple[str, list[RawTable]] | None:
    """Raw tables of the sheets :func:`read_json` made; ``None`` for any other sheets.

    Returns
    -------
    tuple or None
        ``("dapodik_json", tables)``: ``sekolah`` (one row, when the file
        names the school), ``guru`` (one row per PTK: the copied fields, plus
        ``Mengajar`` and ``JJM`` from the teacher's pembelajaran) and
        ``mengajar`` (one row per teacher with an NUPTK × subject, JJM summed
        over classes, numbered by its first pembelajaran; a pembelajaran
        without a subject, with a JJM that is not a number in 0–60, or whose
        ``ptk_id`` is no PTK of the file is passed on by itself so the
        validator rejects it at its own row). Never raises for a user's file.
    """
    by_name = {s.name: s for s in sheets}
    gtk, rombel, form = by_name.get(SHEET_GTK), by_name.get(SHEET_ROMBEL), by_name.get(SHEET_SEKOLAH)
    if not sheets or set(by_name) - {SHEET_GTK, SHEET_ROMBEL, SHEET_SEKOLAH} or not (gtk or rombel or form):
        return None
    if any(s is not None and (not s.rows or "ptk_id" not in s.rows[0]) for s in (gtk, rombel)):
        return None
    tables: list[RawTable] = []
    sekolah = _sekolah_table(form.name, [(i, str(label), value) for i, (label, value) in enumerate(form.rows, start=1)]) if form is not None else None
    npsn = next((_text(v) for label, v in form.rows if label == "NPSN"), None) if form is not None else None
    if sekolah is not None and "nama_sekolah" in sekolah.keys:
        tables.append(sekolah)

    # getGtk → guru
    field_key = dict(GTK_FIELDS)
    header = gtk.rows[0] if gtk is not None else ["ptk_id"]
    idx = [j for j, h in enumerate(header) if h in field_key]
    keys, seen = [], set()
    for j in idx:
        k = field_key[header[j]]
        keys.append(None if k in seen else k)
        seen.add(k)
    people = _records(gtk) if gtk is not None else []
    nuptk_of = {cell_text(c[0]): cell_text(c[header.index("nuptk")]) if "nuptk" in header else None for _, c in people if cell_text(c[0])}

    # getRombonganBelajar → mengajar, summed per teacher × subject
    m_rows: list[tuple[int, object]] = []
    groups: dict[tuple[str, str], dict] = {}
    taught: dict[str, dict] = {}
    combined = 0
    for row, (ptk, name, name_str, _mid, jjm_cell, _r, _t) in _records(rombel) if rombel is not None else []:
        subject = cell_text(name) or cell_text(name_str)
        ptk = cell_text(ptk)
        jjm, code = parse_number(jjm_cell)
        sound = subject is not None and code is None and (jjm is None or 0 <= jjm <= 60) and ptk in nuptk_of
        if not sound:
            m_rows.append((row, [nuptk_of.get(ptk), subject if subject else None, jjm_cell]))
            continue
        combined += 1
        t = taught.setdefault(ptk, {"subjects": {}, "jjm": None})
        t["subjects"].setdefault(subject.casefold(), subject)
        if jjm is not None:
            t["jjm"] = (t["jjm"] or 0.0) + jjm
        if nuptk_of[ptk] is None:
            continue  # no NUPTK to link by: the guru row carries the subjects and JJM
        g = groups.get((ptk, subject.casefold()))
        if g is None:
            g = groups[(ptk, subject.casefold())] = {"cells": [nuptk_of[ptk], subject, None]}
            m_rows.append((row, g["cells"]))
        if jjm is not None:
            g["cells"][2] = round((g["cells"][2] or 0.0) + jjm, 4)

    g_rows = []
    for row, cells in people:
        t = taught.get(cell_text(cells[0]), {"subjects": {}, "jjm": None})
        g_rows.append((row, [cells[j] for j in idx] + ["; ".join(t["subjects"].values()) or None, t["jjm"]]))
    dropped = [str(h) for h in header if isinstance(h, str) and _personal(h)]
    guru = RawTable(
        sheet=SHEET_GTK,
        table="guru",
        headers=[header[j] for j in idx] + ["Mengajar", "JJM"],
        keys=keys + ["mengajar", "jjm"],
        rows=g_rows,
        dropped_columns=dropped,
    )
    sheet_of_guru = SHEET_GTK if gtk is not None else SHEET_ROMBEL
    if npsn:
        guru.defaults["npsn"] = npsn
    else:
        guru.problems.append(problem(sheet_of_guru, None, None, None, "warning", "problem.dapodik_json_no_npsn"))
    tables.append(guru)  # empty without getGtk: the rombel rows below are then each reported
    if rombel is not None:
        mengajar = RawTable(
            sheet=SHEET_ROMBEL,
            table="mengajar",
            headers=["ptk_id → nuptk", "nama_mata_pelajaran", "jam_mengajar_per_minggu"],
            keys=["nuptk", "mata_pelajaran", "jjm"],
            rows=m_rows,
        )
        if gtk is None:
            mengajar.problems.append(problem(SHEET_ROMBEL, None, None, None, "error", "problem.dapodik_json_no_gtk"))
        if combined:
            mengajar.problems.append(
                problem(SHEET_ROMBEL, None, None, None, "warning", "problem.dapodik_rekap_combined", rows=combined, groups=len(groups), teachers=len(taught))
            )
        tables.append(mengajar)
    return LAYOUT, tables
