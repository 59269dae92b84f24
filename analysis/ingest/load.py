"""Load a user's file into a :class:`~analysis.core.dataset.Dataset`, losing nothing.

``load_file`` is the one entry point the app and the command line use. It
never raises for a user's file: a file that cannot be read gives a dataset
with empty tables and one file-level problem; an unexpected failure becomes a
``problem.internal`` problem rather than a traceback.

Layouts, tried in order: the Dapodik exports (:mod:`analysis.ingest.dapodik`), the
project's own workbook (sheets named as in :mod:`analysis.core.schema`), a CSV of
one of those sheets (recognised by its headers).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path, PurePath

import pandas as pd

from analysis.core import schema
from analysis.core.dataset import TABLES, Dataset, Problem, SheetReport, ValidationReport
from analysis.core.errors import UnreadableFile
from analysis.core.text import CONTROL_CHARS, CONTROL_CHARS_RE2
from analysis.ingest import dapodik, dapodik_json
from analysis.ingest.rawdata import RawSheet, RawTable
from analysis.ingest.reader import read_file
from analysis.ingest.validate import empty_frame, find_header_row, map_headers, problem, table_from_sheet, validate_table
from analysis.reference.predikat import check_rows
from analysis.reference.subjects import canonical_subject, split_subjects, unmatched_names
from analysis.reference.wilayah import current_and_history, normalize_sekolah

log = logging.getLogger(__name__)

#: Sheets a workbook may carry that are documentation, not data (skipped silently).
NOTE_SHEETS = {"petunjuk", "keterangan", "instructions", "readme", "catatan", "daftar pilihan", "lists", "pilihan"}

#: Bookkeeping column: the sheet each row came from (as the report names it), so
#: that a row is known by (sheet, Excel row) when two sheets feed one table.
SHEET_COLUMN = "_sheet"

#: Phases reported to a ``progress`` callback of :func:`load_file`, in order.
PHASES = ("reading", "validating", "cross_checks", "done")

# "Guru (2)" is the name Excel gives a copied sheet; "Guru [2]" the label this
# module gives a repeated sheet name (brackets cannot occur in an Excel sheet name).
_COPY_SUFFIX = re.compile(r"\s*[(\[]\d+[)\]]$")

Progress = Callable[[str, float], None]


def empty_tables() -> dict[str, pd.DataFrame]:
    """Every table of a dataset, empty, with all schema and derived columns."""
    return {s.key: conform(empty_frame(s), s.key) for s in schema.SHEETS}


def load_file(data: bytes, filename: str, *, is_sample: bool = False, npsn: str | None = None, progress: Progress | None = None) -> Dataset:
    """Read, validate and assemble one file.

    Parameters
    ----------
    data : bytes
        The file's content (.xlsx workbook or .csv).
    filename : str
        Its name as uploaded; problems of a CSV are reported against its stem.
    is_sample : bool
        Mark the dataset as bundled illustrative sample data.
    npsn : str, optional
        The school's NPSN as the user gave it, for a Dapodik export that
        carries none (Daftar PTK / Guru / Tenaga Kependidikan): it fills the
        ``sekolah`` row and the teachers' NPSN. A file's own NPSN wins; other
        layouts ignore it (:func:`analysis.ingest.dapodik.adapt`).
    progress : callable, optional
        Called as ``progress(phase, fraction)`` while the file loads: ``phase``
        one of :data:`PHASES` (``"reading"``, ``"validating"``,
        ``"cross_checks"``, ``"done"``), ``fraction`` of the whole work done,
        0–1. An ``Exception`` raised by it is logged and ignored; a
        ``BaseException`` (how Streamlit stops the script of a user who left)
        ends the load.

    Returns
    -------
    Dataset
        Never raises for a user's file. ``report.readable`` is ``False`` when the
        file could not be read at all (tables then empty). Every table carries
        ``_row`` (Excel row) and ``_sheet`` (:data:`SHEET_COLUMN`, the sheet the
        row came from, as the report names it).
    """
    name = PurePath(filename).name
    step = _progress_step(progress)
    try:
        step("reading", 0.0)
        sheets = read_file(data, name)
        ds = _assemble(sheets, name, is_sample, npsn, step)
        step("done", 1.0)
        return ds
    except UnreadableFile as exc:
        return _unreadable(name, exc.code, exc.params, is_sample)
    except Exception as exc:  # never a traceback for a user's file
        log.exception("unexpected failure reading %s", name)
        return _unreadable(name, "problem.internal", {"detail": f"{type(exc).__name__}: {str(exc)[:160]}"}, is_sample)


def load_path(path: str | Path, *, is_sample: bool = False) -> Dataset:
    """Read a file from disk with :func:`load_file`.

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist (a programming error, not a user's file).
    """
    p = Path(path)
    ds = load_file(p.read_bytes(), p.name, is_sample=is_sample)
    if is_sample:
        ds.source = f"sample:{p.name}"
    return ds


def _progress_step(progress: Progress | None) -> Progress:
    """``progress`` made safe to call: a failing callback never stops a load."""

    def step(phase: str, fraction: float) -> None:
        if progress is None:
            return
        try:
            progress(phase, fraction)
        except Exception:  # a display callback must not break reading
            log.exception("progress callback failed")

    return step


def _unreadable(name: str, code: str, params: dict, is_sample: bool) -> Dataset:
    report = ValidationReport(file=name, readable=False, layout="unknown")
    report.problems.append(Problem(PurePath(name).stem, None, None, None, "error", code, dict(params)))
    return Dataset(tables=empty_tables(), report=report, source=name, is_sample=is_sample)


def _raw_tables(sheets: list[RawSheet], report: ValidationReport, npsn: str | None = None) -> list[RawTable]:
    # Dapodik's web-service JSON (read into sheets of its own), else an Excel export of Dapodik
    adapted = dapodik_json.adapt(sheets) or dapodik.adapt(sheets, npsn=npsn)
    if adapted is not None:
        report.layout, tables = adapted
        for t in tables:
            report.dropped_columns.extend(c for c in t.dropped_columns if c not in report.dropped_columns)
        return tables

    tables: list[RawTable] = []
    single_csv = len(sheets) == 1 and report.file.lower().endswith((".csv", ".txt"))
    report.layout = "csv" if single_csv else "workbook"
    for raw in sheets:
        sheet = schema.sheet_for_name(raw.name) or schema.sheet_for_name(_COPY_SUFFIX.sub("", raw.name))
        if sheet is None and single_csv:
            sheet = _best_sheet_by_headers(raw)
        if sheet is None:
            if schema.normalize_header(raw.name) not in NOTE_SHEETS and any(any(c is not None for c in r) for r in raw.rows):
                report.problems.append(problem(raw.name, None, None, None, "warning", "problem.unknown_sheet"))
            continue
        rt = table_from_sheet(raw, sheet)
        if rt is None:
            report.problems.append(problem(raw.name, None, None, None, "error", "problem.no_header"))
            report.sheets.append(SheetReport(sheet=raw.name, table=sheet.key))
            continue
        if dapodik is not None:
            # Personal-data columns in the project's own format are never read
            # (only schema columns are); list them like a Dapodik import does.
            personal = [h for h, k in zip(rt.headers, rt.keys) if k is None and h and dapodik.is_personal(h)]
            report.dropped_columns.extend(h for h in personal if h not in report.dropped_columns)
        tables.append(rt)
    return tables


def _best_sheet_by_headers(raw: RawSheet) -> schema.Sheet | None:
    best, best_score = None, 1
    for sheet in schema.SHEETS:
        h = find_header_row(raw.rows, sheet)
        if h is None:
            continue
        score = sum(1 for k in map_headers(raw.rows[h], sheet) if k)
        if score > best_score:
            best, best_score = sheet, score
    return best


def _assemble(sheets: list[RawSheet], name: str, is_sample: bool, npsn: str | None = None, step: Progress | None = None) -> Dataset:
    step = step or _progress_step(None)
    report = ValidationReport(file=name)
    sheets = _unique_names(sheets, report)
    _strip_control(sheets, report)
    raw_tables = _raw_tables(sheets, report, npsn)
    if not raw_tables:
        report.readable = False
        report.problems.append(Problem(PurePath(name).stem, None, None, None, "error", "file.no_data", {}))
        return Dataset(tables=empty_tables(), report=report, source=name, is_sample=is_sample)

    # Each sheet's frame carries its sheet name per row, so that two sheets
    # feeding one table (Guru and Guru (2)) stay apart: a row is (sheet, row).
    frames: dict[str, list[pd.DataFrame]] = {}
    reports: dict[tuple[str, str], SheetReport] = {}
    for i, rt in enumerate(raw_tables):
        step("validating", 0.1 + 0.7 * i / len(raw_tables))
        frame, sheet_report, problems = _skip_examples(*validate_table(rt))
        attrs = dict(frame.attrs)
        frame = frame.assign(**{SHEET_COLUMN: pd.Series([rt.sheet] * len(frame), index=frame.index, dtype=object)})
        frame.attrs = attrs | {"sheet": rt.sheet}
        if rt.table == "mengajar" and report.layout == "dapodik_rekap":
            frame.attrs["jjm_source"] = "rekap"
        frames.setdefault(rt.table, []).append(frame)
        reports[(rt.table, rt.sheet)] = sheet_report
        report.sheets.append(sheet_report)
        report.problems.extend(problems)

    step("cross_checks", 0.8)
    tables: dict[str, pd.DataFrame] = {}
    for s in schema.SHEETS:
        parts = frames.get(s.key)
        if parts:
            merged = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
            merged.attrs = dict(parts[0].attrs)
            merged.attrs["headers_by_sheet"] = {p.attrs["sheet"]: p.attrs.get("headers", {}) for p in parts}
            tables[s.key] = merged
        else:
            tables[s.key] = empty_frame(s).assign(**{SHEET_COLUMN: pd.Series([], dtype=object)})
            tables[s.key].attrs["sheet"] = s.name
    if "guru" not in frames and report.layout not in ("csv", "dapodik_daftar_sekolah"):
        report.problems.append(problem(PurePath(name).stem, None, None, None, "error", "problem.missing_sheet", missing=schema.GURU.name))

    _cross_checks(tables, report, reports)
    validated, tables = tables, _derive(tables)

    report.problems.extend(unmatched_names(tables, validated))
    # Whether this file could say who trained: a teacher from a file without a
    # Pelatihan sheet (a Dapodik export) is unknown, not untrained.
    tables["guru"]["pelatihan_recorded"] = "pelatihan" in frames
    return Dataset(tables=tables, report=report, source=name, is_sample=is_sample)


def _skip_examples(frame: pd.DataFrame, report: SheetReport, problems: list[Problem]) -> tuple[pd.DataFrame, SheetReport, list[Problem]]:
    """Leave out the template's example rows (NPSN :data:`schema.EXAMPLE_NPSN` or NUPTK :data:`schema.EXAMPLE_NUPTK`).

    Each sheet that had one gets one warning naming its rows; the rows count as
    ``rows_blank`` (not data), so ``rows_read == accepted + rejected + blank``
    still holds, and their own warnings are dropped (they are about the example,
    not the user's data). A row the user typed over carries a real NPSN or
    NUPTK and is read as data.
    """
    marked = [
        frame[key].astype(object).eq(marker).fillna(False).astype(bool)
        for key, marker in (("npsn", schema.EXAMPLE_NPSN), ("nuptk", schema.EXAMPLE_NUPTK))
        if key in frame
    ]
    if not marked:
        return frame, report, problems
    mask = marked[0] & marked[1] if len(marked) == 2 else marked[0]  # both where a sheet has both (Guru, Kinerja): a placeholder NUPTK alone is not an example
    if not mask.any():
        return frame, report, problems
    rows = [int(r) for r in frame.loc[mask, schema.ROW_COLUMN]]
    kept = frame[~mask.to_numpy()].reset_index(drop=True)
    kept.attrs = dict(frame.attrs)
    report.rows_accepted -= len(rows)
    report.rows_blank += len(rows)
    skipped = set(rows)
    problems = [p for p in problems if not (p.row in skipped and p.severity == "warning")]
    problems.append(problem(report.sheet, rows[0], None, None, "warning", "problem.example_rows", rows=", ".join(map(str, rows)), n=len(rows)))
    return kept, report, problems


def _unique_names(sheets: list[RawSheet], report: ValidationReport) -> list[RawSheet]:
    """Give a sheet whose name repeats an earlier one's the label ``"Name [2]"``, with a warning.

    Excel never writes two sheets of one name, but a file built by another
    program can; without this their rows (and their report lines) would be
    indistinguishable.
    """
    count = Counter(raw.name for raw in sheets)
    if all(n == 1 for n in count.values()):
        return sheets
    taken = set(count)
    seen: Counter = Counter()
    out = []
    for raw in sheets:
        seen[raw.name] += 1
        if seen[raw.name] == 1:
            out.append(raw)
            continue
        k = seen[raw.name]
        while f"{raw.name} [{k}]" in taken:
            k += 1
        label = f"{raw.name} [{k}]"
        taken.add(label)
        report.problems.append(problem(raw.name, None, None, None, "warning", "problem.duplicate_sheet_name", n=count[raw.name], label=label))
        warnings = [replace(w, sheet=label, params={**w.params, "sheet": label}) if w.sheet == raw.name else w for w in raw.warnings]
        out.append(replace(raw, name=label, warnings=warnings))
    return out


def _strip_control(sheets: list[RawSheet], report: ValidationReport) -> None:
    """Remove control characters from every text cell, in place, with a warning per cell.

    A spreadsheet cannot hold them (C0 controls other than tab and line breaks
    are not allowed in XML 1.0), they are invisible on screen, and they only
    arrive through a file written by another program or pasted from one.
    """
    from openpyxl.utils import get_column_letter

    for raw in sheets:
        if raw.cells is not None:  # column-backed (an .xlsx): cleaned column by column, rows are built from the cells
            for i, j, clean, n in raw.cells.strip_control(CONTROL_CHARS_RE2):
                report.problems.append(problem(raw.name, i + 1, get_column_letter(j + 1), clean, "warning", "problem.control_chars", count=n))
            continue
        for i, cells in enumerate(raw.rows):
            if "".join([c for c in cells if type(c) is str]).isprintable():
                continue  # the usual row: one test for all its text (a cell-by-cell scan cost 4 % of a 100k-row load)
            for j, c in enumerate(cells):
                if type(c) is str and not c.isprintable() and CONTROL_CHARS.search(c):
                    clean = CONTROL_CHARS.sub("", c)
                    cells[j] = clean if clean.strip() else None
                    n = len(c) - len(clean)
                    report.problems.append(problem(raw.name, i + 1, get_column_letter(j + 1), clean, "warning", "problem.control_chars", count=n))


def _reject(tables: dict, table: str, rows: set[tuple[str, int]], reports: dict) -> None:
    """Remove rows, each known by (sheet, Excel row), from a table and count them as rejected in their own sheet's report."""
    if not rows:
        return
    df = tables[table]
    drop = pd.Series([k in rows for k in zip(df[SHEET_COLUMN], df[schema.ROW_COLUMN])], index=df.index, dtype=bool)
    tables[table] = df[~drop].reset_index(drop=True)
    tables[table].attrs = df.attrs
    for sheet, removed in Counter(df.loc[drop, SHEET_COLUMN]).items():
        rep = reports[(table, sheet)]
        rep.rows_accepted -= removed
        rep.rows_rejected += removed


def _header(df: pd.DataFrame, key: str, table: str, sheet: str | None = None) -> str:
    """The header of column ``key`` as written in sheet ``sheet`` (schema header if unknown)."""
    by_sheet = df.attrs.get("headers_by_sheet", {})
    headers = by_sheet.get(sheet) if sheet in by_sheet else df.attrs.get("headers", {})
    return (headers or {}).get(key) or schema.SHEETS_BY_KEY[table].column(key).header


def _rows(df: pd.DataFrame, mask: pd.Series, *cols: str) -> list[tuple]:
    """``(sheet, excel_row, col values…)`` of the rows selected by ``mask``."""
    sub = df.loc[mask.fillna(False).astype(bool), [SHEET_COLUMN, schema.ROW_COLUMN, *cols]]
    return [(s, int(r), *rest) for s, r, *rest in sub.itertuples(index=False, name=None)]


def _cross_checks(tables: dict[str, pd.DataFrame], report: ValidationReport, reports: dict) -> None:
    """Checks across sheets (issue 2 §3, "Decisions").

    - Guru NPSN empty and exactly one school: filled from it; NPSN not in
      Sekolah: warning.
    - Empty NUPTK in Guru: warning (the teacher cannot be linked).
    - Duplicate NUPTK in Guru: the second and later rows rejected (error),
      naming the first row (and its sheet when the Guru table has several).
    - Mengajar / Pelatihan / Penilaian / Kinerja row for an NUPTK not in Guru: error.
    - Kinerja row with neither a predikat nor both ratings: error; a predikat
      that disagrees with the Permenpan-RB 6/2022 matrix: warning
      (:func:`analysis.reference.predikat.check_rows`).
    - Pelatihan ending before it starts: error.
    - Penilaian with neither K1–K14 nor a domain score: error; UKG row with
      kepribadian / sosial: warning, values dropped (UKG tests pedagogik and
      profesional only).

    Every row is known by (sheet, Excel row), so two sheets feeding one table
    never mix their rows up.
    """
    sekolah = tables["sekolah"]
    guru = tables["guru"]
    probs = report.problems

    if not guru.empty:
        if len(sekolah) == 1 and guru["npsn"].isna().any():
            attrs = guru.attrs
            guru = guru.assign(npsn=guru["npsn"].where(guru["npsn"].notna(), sekolah["npsn"].iloc[0]))
            guru.attrs = attrs
            tables["guru"] = guru
        known = set(sekolah["npsn"].dropna())
        if known:
            for sg, row, npsn in _rows(guru, guru["npsn"].notna() & ~guru["npsn"].isin(known), "npsn"):
                probs.append(problem(sg, row, _header(guru, "npsn", "guru", sg), npsn, "warning", "problem.unknown_school"))
        for sg, row in _rows(guru, guru["nuptk"].isna()):
            probs.append(problem(sg, row, _header(guru, "nuptk", "guru", sg), None, "warning", "problem.nuptk_empty"))
        # A suspect NUPTK (typed as a number, lost digits) is not an identity: two
        # different teachers whose IDs Excel rounded alike are both kept (each
        # already warned as suspect), never one rejected as the other's duplicate.
        trusted = guru["nuptk"].notna() & ~guru["nuptk_suspect"].fillna(False).astype(bool)
        dup = trusted & guru["nuptk"].where(trusted).duplicated(keep="first")
        if dup.any():
            first = {}
            for sg, row, nuptk in _rows(guru, trusted & ~dup, "nuptk"):
                first.setdefault(nuptk, (sg, row))
            bad = set()
            for sg, row, nuptk in _rows(guru, dup, "nuptk"):
                bad.add((sg, row))
                first_sheet, first_row = first[nuptk]
                h = _header(guru, "nuptk", "guru", sg)
                if first_sheet == sg:
                    probs.append(problem(sg, row, h, nuptk, "error", "problem.duplicate_nuptk", first_row=first_row))
                else:
                    probs.append(problem(sg, row, h, nuptk, "error", "problem.duplicate_nuptk_sheet", first_sheet=first_sheet, first_row=first_row))
            _reject(tables, "guru", bad, reports)
        guru = tables["guru"]

    known_nuptk = set(guru["nuptk"].dropna())
    for key in ("mengajar", "pelatihan", "penilaian", "kinerja"):
        df = tables[key]
        if df.empty:
            continue
        bad: set[tuple[str, int]] = set()
        for sk, row, nuptk in _rows(df, df["nuptk"].notna() & ~df["nuptk"].isin(known_nuptk), "nuptk"):
            bad.add((sk, row))
            probs.append(problem(sk, row, _header(df, "nuptk", key, sk), nuptk, "error", "problem.unknown_teacher"))
        if key == "pelatihan":
            ends = df["tanggal_selesai"].notna() & df["tanggal_mulai"].notna() & (df["tanggal_selesai"] < df["tanggal_mulai"])
            for sk, row, end in _rows(df, ends, "tanggal_selesai"):
                bad.add((sk, row))
                probs.append(problem(sk, row, _header(df, "tanggal_selesai", key, sk), end.strftime("%d/%m/%Y"), "error", "problem.end_before_start"))
        if key == "penilaian":
            score_cols = list(schema.PKG_ITEMS) + list(schema.DOMAINS)
            for sk, row in _rows(df, df[score_cols].isna().all(axis=1)):
                bad.add((sk, row))
                probs.append(problem(sk, row, None, None, "error", "problem.no_scores"))
            ukg = df["sumber"] == "UKG"
            for dom in ("kepribadian", "sosial"):
                extra = (ukg & df[dom].notna()).fillna(False).astype(bool)
                for sk, row, v in _rows(df, extra, dom):
                    probs.append(problem(sk, row, _header(df, dom, key, sk), float(v), "warning", "problem.ukg_extra_domain"))
                if extra.any():
                    attrs = df.attrs
                    df = df.assign(**{dom: df[dom].mask(extra)})
                    df.attrs = attrs
            tables[key] = df
        if key == "kinerja":
            found, rejected = check_rows(df, df.attrs.get("sheet", schema.KINERJA.name))
            probs.extend(problem(sk, row, col and _header(df, col, key, sk), v, sev, code, **params) for sk, row, col, v, sev, code, params in found)
            bad |= rejected
        _reject(tables, key, bad, reports)


#: Extra table of a dataset whose Sekolah rows carry a Tahun: every school × year
#: (``sekolah`` then holds each school's latest year only); absent otherwise.
SEKOLAH_TAHUN = "sekolah_tahun"

#: Columns :func:`_derive` adds to the schema columns, with their dtypes.
DERIVED = {
    "guru": {"guru_id": object, "pendidik": "boolean"},
    "mengajar": {"guru_id": object, "jjm_source": object},
    "pelatihan": {"guru_id": object},
    "penilaian": {"guru_id": object},
    "kinerja": {"guru_id": object},
}


def conform(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Give ``df`` every column of ``table`` (schema + derived) in its proper dtype.

    Parameters
    ----------
    df : DataFrame
        A table as built; extra columns are kept after the schema ones.
    table : str
        Schema sheet key (``"guru"``).

    Returns
    -------
    DataFrame
        Same rows; dates datetime64, numbers float64, flags boolean, text object.
    """
    template = empty_frame(schema.SHEETS_BY_KEY[table])
    template[SHEET_COLUMN] = pd.Series([], dtype=object)
    for name, dtype in DERIVED.get(table, {}).items():
        template[name] = pd.Series([], dtype=dtype)
    out = df.copy()
    for name in template.columns:
        dtype = template[name].dtype
        if name not in out:
            out[name] = pd.Series([None] * len(out), dtype=object, index=out.index)
        if out[name].dtype != dtype:
            if str(dtype).startswith("datetime"):
                out[name] = pd.to_datetime(out[name], errors="coerce").astype(dtype)
            elif str(dtype) == "float64":
                out[name] = pd.to_numeric(out[name], errors="coerce").astype("float64")
            elif str(dtype) == "object":
                out[name] = out[name].astype(object).where(out[name].notna(), None)
            else:
                out[name] = out[name].astype(object).where(out[name].notna(), None).astype(dtype)
    ordered = list(template.columns) + [c for c in out.columns if c not in template.columns]
    result = out[ordered]
    result.attrs = dict(df.attrs)
    return result


def _derive(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Add guru_id, pendidik and the long teacher × subject table.

    ``guru_id`` is the NUPTK where it is present and not suspect, else
    ``"<npsn>-r<row>"`` (``"<npsn>-r<row>@<sheet>"`` for the rows of a second
    Guru sheet), unique within a file. Other tables link to it by NUPTK text.
    """
    guru = tables["guru"].copy()
    guru.attrs = dict(tables["guru"].attrs)
    local = guru["npsn"].astype(object).fillna("?").astype(str) + "-r" + guru[schema.ROW_COLUMN].astype("Int64").astype(str)
    if guru[SHEET_COLUMN].nunique() > 1:  # rows of a second Guru sheet: the row number alone repeats
        other = (guru[SHEET_COLUMN] != guru[SHEET_COLUMN].iloc[0]).to_numpy()
        local[other] = local[other] + "@" + guru.loc[other, SHEET_COLUMN].astype(str)
    trusted = guru["nuptk"].notna() & ~guru["nuptk_suspect"].fillna(False).astype(bool)
    guru["guru_id"] = guru["nuptk"].astype(object).where(trusted, local).astype(object)
    guru["pendidik"] = pd.array([schema.is_pendidik(v) for v in guru["jenis_ptk"]], dtype="boolean")
    linked = guru[guru["nuptk"].notna()]
    id_of = dict(zip(linked["nuptk"], linked["guru_id"]))

    out = dict(tables)
    out["guru"] = conform(guru, "guru")
    for key in ("pelatihan", "penilaian", "kinerja"):
        df = tables[key].copy()
        df["guru_id"] = df["nuptk"].map(id_of).astype(object)
        out[key] = conform(df, key)

    # Per teacher: the Mengajar sheet (or Rekap Pembelajaran) where it lists the
    # teacher, else the Guru sheet's subjects with the JJM shared equally.
    parts = []
    mengajar = tables["mengajar"]
    listed: set = set()
    if not mengajar.empty:
        source = mengajar.attrs.get("jjm_source", "sheet")
        mengajar = mengajar.copy()
        mengajar["guru_id"] = mengajar["nuptk"].map(id_of).astype(object)
        mengajar["jjm_source"] = source
        mengajar["mata_pelajaran"] = [None if s is None else canonical_subject(str(s)) for s in mengajar["mata_pelajaran"]]
        parts.append(mengajar)
        listed = set(mengajar["guru_id"].dropna())
    has = guru["mengajar"].notna() & ~guru["guru_id"].isin(listed)
    base = guru.loc[has, [schema.ROW_COLUMN, SHEET_COLUMN, "nuptk", "nuptk_suspect", "guru_id", "jjm", "mengajar"]].copy()
    if not base.empty:
        cache: dict[str, list[str]] = {}
        subjects = []
        for text in base["mengajar"]:
            s = str(text)
            if s not in cache:
                cache[s] = [canonical_subject(x) for x in split_subjects(s)]
            subjects.append(cache[s])
        base["mata_pelajaran"] = pd.Series(subjects, index=base.index, dtype=object)
        base["n"] = [len(s) for s in subjects]
        base = base[base["n"] > 0]
        base["jjm"] = base["jjm"] / base["n"]
        split = base.explode("mata_pelajaran").drop(columns=["mengajar", "n"]).reset_index(drop=True)
        split["jjm_source"] = "equal_split"
        parts.append(split)
    mengajar = pd.concat(parts, ignore_index=True) if parts else tables["mengajar"]
    out["mengajar"] = conform(mengajar, "mengajar")

    # One spelling per region; with a Tahun column, one current row per school (the latest year).
    current, history = current_and_history(normalize_sekolah(tables["sekolah"]))
    out["sekolah"] = conform(current, "sekolah")
    if history is not None:
        out[SEKOLAH_TAHUN] = conform(history, "sekolah")
    out["kendala"] = conform(tables["kendala"], "kendala")
    return out


def combine(datasets: list[Dataset]) -> Dataset:
    """Put several datasets together (a district made of several schools' files).

    Parameters
    ----------
    datasets : list of Dataset

    Returns
    -------
    Dataset
        Tables concatenated; the report lists every file's sheets and problems
        (sheet names prefixed with the file name); ``is_sample`` when any part is
        sample data. A school (NPSN) or teacher (guru_id) present in two files is
        kept once, the first file winning, with that file's subjects, trainings
        and assessments only (a school with a Tahun: its latest year); a Kendala
        row repeated across files is kept once. Two teachers without NUPTK who
        got the same row-based id in two files are both kept (the later one's id
        gains ``"-f<i>"``) unless they have the same name.

    Raises
    ------
    ValueError
        If ``datasets`` is empty.
    """
    if not datasets:
        raise ValueError("combine needs at least one dataset")
    if len(datasets) == 1:
        return datasets[0]
    datasets = _distinct_local_ids(datasets)
    # A teacher in two files is kept from the first; so are their subjects,
    # trainings and assessments, which would otherwise count twice.
    owner: dict[str, int] = {}
    for i, d in enumerate(datasets):
        for g in d.tables["guru"]["guru_id"].dropna():
            owner.setdefault(g, i)
    tables: dict[str, pd.DataFrame] = {}
    for key in TABLES:
        parts = []
        for i, d in enumerate(datasets):
            part = d.tables[key]
            if key in ("mengajar", "pelatihan", "penilaian", "kinerja") and not part.empty:
                part = part[(part["guru_id"].map(owner).eq(i) | part["guru_id"].isna()).to_numpy()]
            if not part.empty:
                parts.append(part)
        tables[key] = pd.concat(parts, ignore_index=True) if parts else datasets[0].tables[key]

    tables["sekolah"] = current_and_history(tables["sekolah"])[0].drop_duplicates("npsn", keep="first").reset_index(drop=True)
    years = [d.tables[SEKOLAH_TAHUN] for d in datasets if SEKOLAH_TAHUN in d.tables]
    if years:
        tables[SEKOLAH_TAHUN] = pd.concat(years, ignore_index=True).drop_duplicates(["npsn", "tahun"], keep="first").reset_index(drop=True)
    tables["guru"] = tables["guru"].drop_duplicates("guru_id", keep="first").reset_index(drop=True)
    if not tables["kendala"].empty:
        tables["kendala"] = tables["kendala"].drop_duplicates([c for c in tables["kendala"].columns if c != schema.ROW_COLUMN]).reset_index(drop=True)
    report = ValidationReport(file=" + ".join(d.report.file for d in datasets), layout="combined")
    for d in datasets:
        for s in d.report.sheets:
            report.sheets.append(SheetReport(f"{d.report.file}: {s.sheet}", s.table, s.rows_read, s.rows_accepted, s.rows_rejected, s.rows_blank))
        report.dropped_columns.extend(c for c in d.report.dropped_columns if c not in report.dropped_columns)
        report.problems.extend(d.report.problems)
    source = " + ".join(d.source for d in datasets)
    return Dataset(tables=tables, report=report, source=source, is_sample=any(d.is_sample for d in datasets))


def _distinct_local_ids(datasets: list[Dataset]) -> list[Dataset]:
    """Give a teacher without a trusted NUPTK a file-specific ``guru_id`` where another file uses it for someone else.

    Such ids are ``"<npsn>-r<row>"``: row 6 of a school's Daftar Guru and row 6
    of its Daftar Tenaga Kependidikan are two people, not one. When the names
    differ (case and spacing ignored) the later file's id gains ``"-f<i>"``
    (i its position), in every table of that file; the same name on the same
    row (one file loaded twice) stays one teacher.
    """
    seen: dict = {}
    out = []
    for i, d in enumerate(datasets):
        guru = d.tables["guru"]
        names = [" ".join(str(n).split()).casefold() for n in guru["nama"]]
        local = guru["guru_id"].ne(guru["nuptk"]) | guru["nuptk"].isna()
        clash = {g for g, n, loc in zip(guru["guru_id"], names, local) if loc and g in seen and seen[g] != n}
        for g, n in zip(guru["guru_id"], names):
            seen.setdefault(g if g not in clash else f"{g}-f{i}", n)
        if not clash:
            out.append(d)
            continue
        tables = dict(d.tables)
        for key in ("guru", "mengajar", "pelatihan", "penilaian", "kinerja"):
            df = tables[key].copy()
            df["guru_id"] = [f"{g}-f{i}" if g in clash else g for g in df["guru_id"]]
            df.attrs = dict(tables[key].attrs)
            tables[key] = df
        out.append(Dataset(tables=tables, report=d.report, source=d.source, is_sample=d.is_sample, as_of=d.as_of))
    return out
