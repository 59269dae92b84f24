"""Load a user's file into a :class:`~analysis.dataset.Dataset`, losing nothing.

``load_file`` is the one entry point the app and the command line use. It
never raises for a user's file: a file that cannot be read gives a dataset
with empty tables and one file-level problem; an unexpected failure becomes a
``problem.internal`` problem rather than a traceback.

Layouts, tried in order: the Dapodik exports (:mod:`analysis.dapodik`), the
project's own workbook (sheets named as in :mod:`analysis.schema`), a CSV of
one of those sheets (recognised by its headers).
"""

from __future__ import annotations

import logging
from pathlib import Path, PurePath

import pandas as pd

from analysis import schema
from analysis.dataset import TABLES, Dataset, Problem, SheetReport, ValidationReport
from analysis.rawdata import RawSheet, RawTable
from analysis.reader import UnreadableFile, read_file
from analysis.validate import empty_frame, find_header_row, map_headers, table_from_sheet, validate_table

log = logging.getLogger(__name__)

#: Sheets a workbook may carry that are documentation, not data (skipped silently).
NOTE_SHEETS = {"petunjuk", "keterangan", "instructions", "readme", "catatan", "daftar pilihan", "lists", "pilihan"}


def empty_tables() -> dict[str, pd.DataFrame]:
    """Every table of a dataset, empty, with all schema and derived columns."""
    tables = {s.key: empty_frame(s) for s in schema.SHEETS}
    return _derive(tables)


def load_file(data: bytes, filename: str, *, is_sample: bool = False) -> Dataset:
    """Read, validate and assemble one file.

    Parameters
    ----------
    data : bytes
        The file's content (.xlsx workbook or .csv).
    filename : str
        Its name as uploaded; problems of a CSV are reported against its stem.
    is_sample : bool
        Mark the dataset as bundled illustrative sample data.

    Returns
    -------
    Dataset
        Never raises for a user's file. ``report.readable`` is ``False`` when the
        file could not be read at all (tables then empty).
    """
    name = PurePath(filename).name
    try:
        sheets = read_file(data, name)
        return _assemble(sheets, name, is_sample)
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


def _unreadable(name: str, code: str, params: dict, is_sample: bool) -> Dataset:
    report = ValidationReport(file=name, readable=False, layout="unknown")
    report.problems.append(Problem(PurePath(name).stem, None, None, None, "error", code, dict(params)))
    return Dataset(tables=empty_tables(), report=report, source=name, is_sample=is_sample)


def _raw_tables(sheets: list[RawSheet], report: ValidationReport) -> list[RawTable]:
    try:
        from analysis import dapodik
    except ImportError:  # pragma: no cover - the module ships with the package
        dapodik = None
    adapted = dapodik.adapt(sheets) if dapodik is not None else None
    if adapted is not None:
        report.layout, tables = adapted
        for t in tables:
            report.dropped_columns.extend(c for c in t.dropped_columns if c not in report.dropped_columns)
        return tables

    tables: list[RawTable] = []
    single_csv = len(sheets) == 1 and report.file.lower().endswith((".csv", ".txt"))
    report.layout = "csv" if single_csv else "workbook"
    for raw in sheets:
        sheet = schema.sheet_for_name(raw.name)
        if sheet is None and single_csv:
            sheet = _best_sheet_by_headers(raw)
        if sheet is None:
            if schema.normalize_header(raw.name) not in NOTE_SHEETS and any(any(c is not None for c in r) for r in raw.rows):
                report.problems.append(Problem(raw.name, None, None, None, "warning", "problem.unknown_sheet", {"sheet": raw.name}))
            continue
        rt = table_from_sheet(raw, sheet)
        if rt is None:
            report.problems.append(Problem(raw.name, None, None, None, "error", "problem.no_header", {"sheet": raw.name}))
            report.sheets.append(SheetReport(sheet=raw.name, table=sheet.key))
            continue
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


def _assemble(sheets: list[RawSheet], name: str, is_sample: bool) -> Dataset:
    report = ValidationReport(file=name)
    raw_tables = _raw_tables(sheets, report)
    if not raw_tables:
        report.readable = False
        report.problems.append(Problem(PurePath(name).stem, None, None, None, "error", "file.no_data", {}))
        return Dataset(tables=empty_tables(), report=report, source=name, is_sample=is_sample)

    frames: dict[str, list[pd.DataFrame]] = {}
    reports: dict[tuple[str, str], SheetReport] = {}
    for rt in raw_tables:
        frame, sheet_report, problems = validate_table(rt)
        frame.attrs["sheet"] = rt.sheet
        frames.setdefault(rt.table, []).append(frame)
        reports[(rt.table, rt.sheet)] = sheet_report
        report.sheets.append(sheet_report)
        report.problems.extend(problems)

    tables: dict[str, pd.DataFrame] = {}
    for s in schema.SHEETS:
        parts = frames.get(s.key)
        if parts:
            merged = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
            merged.attrs["sheet"] = parts[0].attrs.get("sheet", s.name)
            tables[s.key] = merged
        else:
            tables[s.key] = empty_frame(s)
            tables[s.key].attrs["sheet"] = s.name
    if "guru" not in frames and report.layout != "csv":
        report.problems.append(Problem(PurePath(name).stem, None, None, None, "error", "problem.missing_sheet", {"sheet": schema.GURU.name}))

    _cross_checks(tables, report, reports)
    tables = _derive(tables)
    return Dataset(tables=tables, report=report, source=name, is_sample=is_sample)


def _reject(tables: dict, table: str, rows: set[int], reports: dict) -> None:
    """Remove rows (by Excel row number) from a table and move them to rejected."""
    if not rows:
        return
    df = tables[table]
    keep = ~df[schema.ROW_COLUMN].isin(rows)
    tables[table] = df[keep].reset_index(drop=True)
    tables[table].attrs = df.attrs
    for (tkey, _), rep in reports.items():
        if tkey == table:
            rep.rows_accepted -= len(rows)
            rep.rows_rejected += len(rows)
            break


def _cross_checks(tables: dict[str, pd.DataFrame], report: ValidationReport, reports: dict) -> None:
    """Checks across sheets: duplicate NUPTK, unknown teacher, unknown school, scores."""
    sekolah = tables["sekolah"]
    guru = tables["guru"]
    sheet_of = {k: tables[k].attrs.get("sheet", schema.SHEETS_BY_KEY[k].name) for k in TABLES}
    probs = report.problems

    # Guru: NPSN from the only school when empty; unknown NPSN warned.
    if not guru.empty:
        if len(sekolah) == 1:
            guru["npsn"] = guru["npsn"].where(guru["npsn"].notna(), sekolah["npsn"].iloc[0])
        known = set(sekolah["npsn"].dropna())
        if known:
            for _, r in guru[guru["npsn"].notna() & ~guru["npsn"].isin(known)].iterrows():
                probs.append(Problem(sheet_of["guru"], int(r[schema.ROW_COLUMN]), "NPSN", r["npsn"], "warning", "problem.unknown_school", {}))
        # Empty NUPTK: kept, cannot be linked.
        for _, r in guru[guru["nuptk"].isna()].iterrows():
            probs.append(Problem(sheet_of["guru"], int(r[schema.ROW_COLUMN]), "NUPTK", None, "warning", "problem.nuptk_empty", {}))
        # Duplicate NUPTK: second and later rows rejected.
        dup = guru["nuptk"].notna() & guru.duplicated("nuptk", keep="first")
        first_row = guru.drop_duplicates("nuptk").set_index("nuptk")[schema.ROW_COLUMN]
        bad = set()
        for _, r in guru[dup].iterrows():
            bad.add(int(r[schema.ROW_COLUMN]))
            probs.append(Problem(sheet_of["guru"], int(r[schema.ROW_COLUMN]), "NUPTK", r["nuptk"], "error", "problem.duplicate_nuptk", {"first_row": int(first_row[r["nuptk"]])}))
        _reject(tables, "guru", bad, reports)
        guru = tables["guru"]

    known_nuptk = set(guru["nuptk"].dropna())
    for key in ("mengajar", "pelatihan", "penilaian"):
        df = tables[key]
        if df.empty:
            continue
        bad = set()
        for _, r in df[df["nuptk"].notna() & ~df["nuptk"].isin(known_nuptk)].iterrows():
            bad.add(int(r[schema.ROW_COLUMN]))
            probs.append(Problem(sheet_of[key], int(r[schema.ROW_COLUMN]), "NUPTK", r["nuptk"], "error", "problem.unknown_teacher", {}))
        if key == "pelatihan":
            ends = df["tanggal_selesai"].notna() & df["tanggal_mulai"].notna() & (df["tanggal_selesai"] < df["tanggal_mulai"])
            for _, r in df[ends].iterrows():
                bad.add(int(r[schema.ROW_COLUMN]))
                probs.append(Problem(sheet_of[key], int(r[schema.ROW_COLUMN]), "Tanggal Selesai", r["tanggal_selesai"].strftime("%d/%m/%Y"), "error", "problem.end_before_start", {}))
        if key == "penilaian":
            score_cols = list(schema.PKG_ITEMS) + list(schema.DOMAINS)
            empty = df[score_cols].isna().all(axis=1)
            for _, r in df[empty].iterrows():
                bad.add(int(r[schema.ROW_COLUMN]))
                probs.append(Problem(sheet_of[key], int(r[schema.ROW_COLUMN]), None, None, "error", "problem.no_scores", {}))
            ukg = df["sumber"] == "UKG"
            for dom in ("kepribadian", "sosial"):
                extra = ukg & df[dom].notna()
                for _, r in df[extra].iterrows():
                    probs.append(Problem(sheet_of[key], int(r[schema.ROW_COLUMN]), schema.PENILAIAN.column(dom).header, str(r[dom]), "warning", "problem.ukg_extra_domain", {"column": schema.PENILAIAN.column(dom).header}))
                df.loc[extra, dom] = float("nan")
            tables[key] = df
        _reject(tables, key, bad, reports)


def _split_subjects(text: object) -> list[str]:
    try:
        from analysis.subjects import split_subjects
    except ImportError:  # pragma: no cover - the subjects module ships with the package
        import re

        return [s.strip() for s in re.split(r"[;\n]+", str(text)) if s.strip()]
    return split_subjects(str(text))


def _derive(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Add guru_id, pendidik and the long teacher × subject table."""
    guru = tables["guru"].copy()
    fallback = guru["npsn"].astype(object).fillna("?").astype(str) + "-r" + guru[schema.ROW_COLUMN].astype(str)
    guru["guru_id"] = guru["nuptk"].astype(object).where(guru["nuptk"].notna(), fallback).astype(object)
    guru["pendidik"] = [schema.is_pendidik(v) for v in guru["jenis_ptk"]] if len(guru) else pd.Series([], dtype=bool)
    guru["pendidik"] = guru["pendidik"].astype(bool)
    id_of = dict(zip(guru["nuptk"].dropna(), guru.loc[guru["nuptk"].notna(), "guru_id"]))

    out = dict(tables)
    out["guru"] = guru
    for key in ("pelatihan", "penilaian"):
        df = tables[key].copy()
        df["guru_id"] = df["nuptk"].map(id_of).astype(object)
        out[key] = df

    mengajar = tables["mengajar"].copy()
    if not mengajar.empty:
        mengajar["guru_id"] = mengajar["nuptk"].map(id_of).astype(object)
        mengajar["jjm_source"] = mengajar.attrs.get("jjm_source", "sheet")
        mengajar["mata_pelajaran"] = [_canonical(s) for s in mengajar["mata_pelajaran"]]
    else:
        rows = []
        for _, g in guru.iterrows():
            subjects = _split_subjects(g["mengajar"]) if g["mengajar"] is not None and str(g["mengajar"]).strip() else []
            if not subjects:
                continue
            share = (g["jjm"] / len(subjects)) if pd.notna(g["jjm"]) else float("nan")
            for s in subjects:
                rows.append({schema.ROW_COLUMN: g[schema.ROW_COLUMN], "nuptk": g["nuptk"], "mata_pelajaran": _canonical(s), "jjm": share, "guru_id": g["guru_id"], "jjm_source": "equal_split"})
        mengajar = pd.DataFrame(rows) if rows else mengajar.assign(guru_id=pd.Series([], dtype=object), jjm_source=pd.Series([], dtype=object))
        for c in ("nuptk_suspect",):
            if c not in mengajar:
                mengajar[c] = False
    out["mengajar"] = mengajar
    return out


def _canonical(name: object) -> object:
    if name is None:
        return None
    try:
        from analysis.subjects import canonical_subject
    except ImportError:  # pragma: no cover
        return str(name).strip()
    return canonical_subject(str(name))


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
        kept once, the first file winning.

    Raises
    ------
    ValueError
        If ``datasets`` is empty.
    """
    if not datasets:
        raise ValueError("combine needs at least one dataset")
    if len(datasets) == 1:
        return datasets[0]
    tables: dict[str, pd.DataFrame] = {}
    for key in TABLES:
        parts = [d.tables[key] for d in datasets if not d.tables[key].empty]
        tables[key] = pd.concat(parts, ignore_index=True) if parts else datasets[0].tables[key]
    tables["sekolah"] = tables["sekolah"].drop_duplicates("npsn", keep="first").reset_index(drop=True)
    tables["guru"] = tables["guru"].drop_duplicates("guru_id", keep="first").reset_index(drop=True)
    report = ValidationReport(file=" + ".join(d.report.file for d in datasets), layout="combined")
    for d in datasets:
        for s in d.report.sheets:
            report.sheets.append(SheetReport(f"{d.report.file}: {s.sheet}", s.table, s.rows_read, s.rows_accepted, s.rows_rejected, s.rows_blank))
        report.dropped_columns.extend(c for c in d.report.dropped_columns if c not in report.dropped_columns)
        report.problems.extend(d.report.problems)
    source = " + ".join(d.source for d in datasets)
    return Dataset(tables=tables, report=report, source=source, is_sample=any(d.is_sample for d in datasets))
