"""Subject names (mata pelajaran) and study programmes (jurusan/prodi): reference tables and matching.

The tables are data, kept as CSV in ``data/reference/`` so that a district can
edit them without touching code (DOMAIN.md §2, §3):

- ``mata_pelajaran.csv``: one row per canonical subject of Kurikulum Merdeka and
  the madrasah curriculum, with its aliases separated by ";" (Kepmendikbudristek
  56/M/2022; KMA 347/2022; KMA 450/2024).
- ``prodi_mapel.csv``: one row per study programme × subject it qualifies for,
  with ``kependidikan`` (Ya/Tidak: a teacher-education programme).

A name is matched after :func:`normalize_name` (case, punctuation, spacing,
"Pend." and the PTKIN prefix "Tadris" read as "Pendidikan").
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

#: Folder of the editable reference tables.
REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"
SUBJECTS_FILE = REFERENCE_DIR / "mata_pelajaran.csv"
PRODI_FILE = REFERENCE_DIR / "prodi_mapel.csv"

#: The SD/MI class-teacher "subject" (one teacher for most subjects of a class).
GURU_KELAS = "Guru Kelas"

_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
_PREFIXES = (("pend ", "pendidikan "), ("tadris ", "pendidikan "), ("s1 ", ""), ("s 1 ", ""), ("d4 ", ""), ("prodi ", ""), ("program studi ", ""), ("jurusan ", ""))


def normalize_name(text: object) -> str:
    """A subject or programme name reduced for matching.

    Parameters
    ----------
    text : object
        A name as written ("Pend. Bahasa Inggris", "TADRIS IPA", "S1 PGSD").

    Returns
    -------
    str
        Lower case, punctuation dropped, spaces collapsed, "pend"/"tadris" read
        as "pendidikan", degree and "prodi" prefixes dropped
        ("pendidikan bahasa inggris", "pendidikan ipa", "pgsd"); ``""`` for empty input.
    """
    if text is None:
        return ""
    s = _SPACE.sub(" ", _PUNCT.sub(" ", str(text).replace("'", "").replace("’", "").lower())).strip()
    changed = True
    while changed:
        changed = False
        for prefix, repl in _PREFIXES:
            if s.startswith(prefix):
                s, changed = repl + s[len(prefix) :], True
    return s


@lru_cache(maxsize=4)
def _subject_table(path: str) -> tuple[dict[str, str], tuple[str, ...]]:
    alias_of: dict[str, str] = {}
    names: list[str] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = row["mata_pelajaran"].strip()
            names.append(name)
            alias_of[normalize_name(name)] = name
            for alias in (row.get("alias") or "").split(";"):
                if alias.strip():
                    alias_of.setdefault(normalize_name(alias), name)
    return alias_of, tuple(names)


@lru_cache(maxsize=4)
def _prodi_kependidikan(path: str) -> dict[str, bool]:
    out: dict[str, bool] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            flag = (row.get("kependidikan") or "").strip().lower()
            if flag in ("ya", "tidak"):
                out[normalize_name(row["jurusan_prodi"])] = flag == "ya"
    return out


def is_education_programme(name: object, path: Path | str = PRODI_FILE) -> bool | None:
    """Whether the programme table records ``name`` as a teacher-education (kependidikan) programme; ``None`` if not recorded."""
    return _prodi_kependidikan(str(path)).get(normalize_name(name))


@lru_cache(maxsize=4)
def _prodi_table(path: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(normalize_name(row["jurusan_prodi"]), set()).add(row["mata_pelajaran"].strip())
    return {k: frozenset(v) for k, v in out.items()}


def subject_names(path: Path | str = SUBJECTS_FILE) -> tuple[str, ...]:
    """Canonical subject names, in the reference table's order.

    Returns
    -------
    tuple of str
        One entry per subject of ``mata_pelajaran.csv``.

    Raises
    ------
    FileNotFoundError
        If the reference table is missing.
    """
    return _subject_table(str(path))[1]


def canonical_subject(name: str, path: Path | str = SUBJECTS_FILE) -> str:
    """The canonical name of a subject ("PJOK" → "Pendidikan Jasmani, Olahraga, dan Kesehatan").

    Parameters
    ----------
    name : str
        A subject as written.

    Returns
    -------
    str
        The canonical name, or ``name`` stripped of outer spaces when it is not in
        the reference table (see :func:`is_known_subject`).
    """
    return _subject_table(str(path))[0].get(normalize_name(name), str(name).strip())


def is_known_subject(name: str, path: Path | str = SUBJECTS_FILE) -> bool:
    """Whether ``name`` (or an alias of it) is in the subject reference table."""
    return normalize_name(name) in _subject_table(str(path))[0]


def _comma_names(path: str) -> tuple[str, ...]:
    alias_of, names = _subject_table(path)
    written = set(names) | set(alias_of)
    return tuple(sorted((n for n in written if "," in n), key=len, reverse=True))


def split_subjects(text: str, path: Path | str = SUBJECTS_FILE) -> list[str]:
    """Split a "subjects taught" cell into subjects.

    Subjects are separated by ";" or line breaks, and by commas outside known
    subject names: "Pendidikan Jasmani, Olahraga, dan Kesehatan" stays one
    subject (issue 2, decisions).

    Parameters
    ----------
    text : str
        The cell as written, e.g. ``"Bahasa Inggris; Seni Budaya"``.

    Returns
    -------
    list of str
        The subjects as written (outer spaces stripped, empty parts dropped), in order.
    """
    protected = str(text)
    keep: dict[str, str] = {}
    for i, name in enumerate(_comma_names(str(path))):
        pattern = re.compile(re.escape(name).replace(r"\ ", r"\s*").replace(",", r"\s*,\s*"), re.IGNORECASE)
        token = f"\x00{i}\x00"
        protected, n = pattern.subn(token, protected)
        if n:
            keep[token] = name
    parts = re.split(r"[;\n\r]+|,", protected)
    out = []
    for part in parts:
        for token, name in keep.items():
            part = part.replace(token, name)
        part = part.strip()
        if part:
            out.append(part)
    return out


def qualified_subjects(name: object, path: Path | str = PRODI_FILE) -> frozenset[str] | None:
    """Subjects a study programme (jurusan/prodi) qualifies its graduates to teach.

    Parameters
    ----------
    name : object
        The programme as written ("Pendidikan Bahasa Inggris", "Tadris IPA").

    Returns
    -------
    frozenset of str or None
        Canonical subject names; ``None`` when the programme is not in
        ``prodi_mapel.csv`` (its match is then unknown, never guessed; DOMAIN.md §2).
    """
    key = normalize_name(name)
    if not key:
        return None
    return _prodi_table(str(path)).get(key)


def certificate_subjects(field: object, prodi_path: Path | str = PRODI_FILE) -> frozenset[str] | None:
    """Subjects a teaching certificate (sertifikasi) field covers.

    A certificate is issued for a subject ("Bahasa Inggris", "Guru Kelas MI"),
    sometimes written as a programme ("Pendidikan Agama Islam"): the field is
    read as a subject first, then looked up as a programme (Permendikbud 46/2016).

    Returns
    -------
    frozenset of str or None
        ``None`` when neither table knows the field.
    """
    if field is None or not str(field).strip():
        return None
    found: set[str] = set()
    if is_known_subject(str(field)):
        found.add(canonical_subject(str(field)))
    by_prodi = qualified_subjects(field, prodi_path)
    if by_prodi:
        found |= by_prodi
    return frozenset(found) if found else None


#: Columns a replacement programme table must have.
PRODI_COLUMNS = ("jurusan_prodi", "mata_pelajaran")


def read_prodi_table(data: bytes) -> tuple[pd.DataFrame, list[str]]:
    """Check a user's replacement for ``prodi_mapel.csv``.

    Parameters
    ----------
    data : bytes
        A CSV (UTF-8, with or without BOM; comma or semicolon) with columns
        ``jurusan_prodi`` and ``mata_pelajaran`` (others kept, e.g. ``kependidikan``).

    Returns
    -------
    tuple
        ``(table, problems)``: the accepted rows (one per programme × subject,
        subject names made canonical) and one message per rejected row or
        missing column, naming the row as a spreadsheet shows it (header = row 1).
        Every row read is either in ``table`` or in ``problems``.
    """
    text = data.decode("utf-8-sig", errors="replace")
    if not text.strip():
        return pd.DataFrame(columns=list(PRODI_COLUMNS)), ["file: empty"]
    first = text.splitlines()[0]
    sep = ";" if first.count(";") > first.count(",") else ","
    try:
        df = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except Exception as exc:  # a malformed CSV: one message, never a traceback
        return pd.DataFrame(columns=list(PRODI_COLUMNS)), [f"file: {exc}"]
    df.columns = [str(c).strip().lower() for c in df.columns]
    missing = [c for c in PRODI_COLUMNS if c not in df.columns]
    if missing:
        return pd.DataFrame(columns=list(PRODI_COLUMNS)), [f"missing column: {c}" for c in missing]
    problems, keep = [], []
    for i, (prodi, subj) in enumerate(zip(df["jurusan_prodi"], df["mata_pelajaran"]), start=2):
        if not prodi.strip():
            problems.append(f"row {i}, jurusan_prodi: empty")
        elif not is_known_subject(subj):
            problems.append(f"row {i}, mata_pelajaran: {subj!r} is not a subject of mata_pelajaran.csv")
        else:
            keep.append(i - 2)
    table = df.iloc[keep].copy()
    table["mata_pelajaran"] = [canonical_subject(x) for x in table["mata_pelajaran"]]
    return table.reset_index(drop=True), problems
