"""Subject names (mata pelajaran) and study programmes (jurusan/prodi): reference tables and matching.

The tables are data, kept as CSV in ``data/reference/`` so that a district can
edit them without touching code (Permendikbudristek 7/2024 on linieritas; subjects of Kepmendikbudristek 56/M/2022, Permendikbudristek 12/2024 and KMA 347/2022):

- ``mata_pelajaran.csv``: one row per canonical subject of Kurikulum Merdeka and
  the madrasah curriculum, with its aliases separated by ";" (Kepmendikbudristek
  56/M/2022; KMA 347/2022; KMA 450/2024).
- ``prodi_mapel.csv``: one row per study programme × subject it qualifies for,
  with ``kependidikan`` (Ya/Tidak: a teacher-education programme) and ``sumber``
  (the regulation the pairing rests on, or ``inferred`` where no primary source
  confirmed it: the *Guru di Luar Bidang* page flags judgements resting on such rows).
- ``mata_pelajaran.csv`` marks with ``guru_kelas`` = Ya the subjects an SD/MI class
  teacher (*Guru Kelas*) teaches as one assignment (Permendikbudristek 12/2024:
  all but Pendidikan Agama and PJOK; the madrasah PAI subjects and Bahasa Arab
  are never class subjects, KMA 347/2022).
- ``prodi_alias.csv``: one row per other name of a programme of that table
  (Dapodik's bidang studi names such as "Pendidikan Guru Sekolah Dasar (PGSD)",
  abbreviations such as "PPKn"). An alias names a programme, it never says what
  the programme qualifies for, so it also serves a replacement programme table.

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

from analysis.core import paths
from analysis.core.dataset import problem

#: Folder of the editable reference tables.
REFERENCE_DIR = paths.REFERENCE_DIR
SUBJECTS_FILE = REFERENCE_DIR / "mata_pelajaran.csv"
PRODI_FILE = REFERENCE_DIR / "prodi_mapel.csv"
PRODI_ALIAS_FILE = REFERENCE_DIR / "prodi_alias.csv"

#: The SD/MI class-teacher "subject" (one teacher for most subjects of a class).
GURU_KELAS = "Guru Kelas"
#: The ``sumber`` of a programme-table row no primary source confirmed.
INFERRED = "inferred"

_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")
_PREFIXES = (
    ("pend ", "pendidikan "),
    ("tadris ", "pendidikan "),
    ("s1 ", ""),
    ("s 1 ", ""),
    ("d4 ", ""),
    ("prodi ", ""),
    ("program studi ", ""),
    ("jurusan ", ""),
)


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


#: Reference tables given in memory (an upload), by :func:`reference_source` key.
_IN_MEMORY: dict[str, str] = {}
#: How many in-memory tables are kept (the oldest goes first).
_IN_MEMORY_MAX = 16
_MEMORY_PREFIX = "memory:"


def reference_source(table: pd.DataFrame | bytes | str) -> str:
    """A key under which every function of this module reads ``table`` as if it were the CSV file.

    A user's replacement reference table need not be written anywhere: the
    functions that take ``path`` (``qualified_subjects``, ``certificate_subjects``,
    ``unmatched_names``, the linieritas judgement passing ``prodi_path``) accept
    this key in its place, and still accept a file path.

    Parameters
    ----------
    table : DataFrame, bytes or str
        The table (e.g. :func:`read_prodi_table` output), or its CSV as bytes (UTF-8) or text.

    Returns
    -------
    str
        ``"memory:<sha256 of the CSV text>"``; the same content gives the same key.
        At most the 16 latest tables are held (in this process only).
    """
    if isinstance(table, pd.DataFrame):
        text = table.to_csv(index=False)
    elif isinstance(table, bytes):
        text = table.decode("utf-8-sig")
    else:
        text = str(table)
    import hashlib

    key = _MEMORY_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()
    _IN_MEMORY.pop(key, None)
    _IN_MEMORY[key] = text
    while len(_IN_MEMORY) > _IN_MEMORY_MAX:
        _IN_MEMORY.pop(next(iter(_IN_MEMORY)))
    return key


def _open_text(path: str):
    """The CSV text of ``path``: a file, or a table given by :func:`reference_source`."""
    path = str(path)
    if path.startswith(_MEMORY_PREFIX):
        if path not in _IN_MEMORY:
            raise FileNotFoundError(path)
        return io.StringIO(_IN_MEMORY[path], newline="")
    return open(path, encoding="utf-8", newline="")


@lru_cache(maxsize=4)
def _subject_table(path: str) -> tuple[dict[str, str], tuple[str, ...]]:
    alias_of: dict[str, str] = {}
    names: list[str] = []
    with _open_text(path) as fh:
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
    with _open_text(path) as fh:
        for row in csv.DictReader(fh):
            flag = (row.get("kependidikan") or "").strip().lower()
            if flag in ("ya", "tidak"):
                out[normalize_name(row["jurusan_prodi"])] = flag == "ya"
    return out


@lru_cache(maxsize=4)
def _prodi_aliases(path: str) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        with _open_text(path) as fh:
            for row in csv.DictReader(fh):
                alias, target = normalize_name(row.get("alias")), normalize_name(row.get("jurusan_prodi"))
                if alias and target and alias != target:
                    out.setdefault(alias, target)
    except FileNotFoundError:
        return {}
    return out


def _prodi_key(name: object, table: dict) -> str:
    """The programme key of ``name`` in ``table``: its own name if the table has it, else the programme it is an alias of."""
    key = normalize_name(name)
    if key in table:
        return key
    return _prodi_aliases(str(PRODI_ALIAS_FILE)).get(key, key)


def is_education_programme(name: object, path: Path | str = PRODI_FILE) -> bool | None:
    """Whether the programme table records ``name`` (or the programme it is an alias of) as a teacher-education (kependidikan) programme; ``None`` if not recorded."""
    table = _prodi_kependidikan(str(path))
    return table.get(_prodi_key(name, table))


@lru_cache(maxsize=4)
def _prodi_table(path: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    with _open_text(path) as fh:
        for row in csv.DictReader(fh):
            out.setdefault(normalize_name(row["jurusan_prodi"]), set()).add(row["mata_pelajaran"].strip())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=4)
def _prodi_sources(path: str) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.setdefault((normalize_name(row["jurusan_prodi"]), row["mata_pelajaran"].strip()), (row.get("sumber") or "").strip())
    return out


def pairing_source(name: object, subject: str, path: Path | str = PRODI_FILE) -> str | None:
    """The ``sumber`` of the programme-table row that pairs programme ``name`` with ``subject``.

    Parameters
    ----------
    name : object
        A programme (or certificate field read as a programme) as written; aliases are followed.
    subject : str
        A canonical subject name.

    Returns
    -------
    str or None
        The row's source ("Permendiknas 16/2007", ``"inferred"``, ...; ``""``
        for a replacement table without a ``sumber`` column); ``None`` when no
        row pairs them.
    """
    table = _prodi_table(str(path))
    return _prodi_sources(str(path)).get((_prodi_key(name, table), subject))


def is_inferred(source: object) -> bool:
    """Whether a ``sumber`` says the pairing is inferred (no primary source confirmed it)."""
    return isinstance(source, str) and INFERRED in source.lower()


@lru_cache(maxsize=4)
def class_subjects(path: Path | str = SUBJECTS_FILE) -> frozenset[str]:
    """Canonical subjects an SD/MI class teacher teaches as one *Guru Kelas* assignment.

    Returns
    -------
    frozenset of str
        The subjects ``mata_pelajaran.csv`` marks ``guru_kelas`` = Ya (Pendidikan
        Pancasila, Bahasa Indonesia, Matematika, IPAS, the arts, ...; never
        Pendidikan Agama, PJOK, the madrasah PAI subjects or Bahasa Arab;
        Permendikbudristek 12/2024, KMA 347/2022).
    """
    with open(path, encoding="utf-8", newline="") as fh:
        return frozenset(row["mata_pelajaran"].strip() for row in csv.DictReader(fh) if (row.get("guru_kelas") or "").strip().lower() == "ya")


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


@lru_cache(maxsize=4)
def _written_forms(path: str) -> tuple[tuple[str, str], ...]:
    """``(name as written in the table, canonical name)`` for every canonical name and alias."""
    out: list[tuple[str, str]] = []
    with _open_text(path) as fh:
        for row in csv.DictReader(fh):
            name = row["mata_pelajaran"].strip()
            out.append((name, name))
            out.extend((a.strip(), name) for a in (row.get("alias") or "").split(";") if a.strip())
    return tuple(out)


@lru_cache(maxsize=4)
def _comma_patterns(path: str) -> tuple[tuple[re.Pattern, str], ...]:
    """``(pattern, name)`` of the subjects that carry a comma in any written form, commas allowed between any words.

    "Pendidikan Jasmani, Olahraga, dan Kesehatan" is written with both commas,
    with one ("Pendidikan Jasmani, Olahraga dan Kesehatan") or none: every form
    of such a subject (canonical or alias) matches with or without a comma
    between any two of its words, so a list splitter never cuts it. ``name`` is
    the form as the table writes it (the canonical name where its words are the
    same). Longest first.
    """
    forms = _written_forms(path)
    comma_subjects = {canon for written, canon in forms if "," in written}
    name_of: dict[tuple[str, ...], str] = {}
    for written, canon in forms:
        words = tuple(w.lower() for w in re.findall(r"\w+", written))
        if canon in comma_subjects and len(words) > 1 and (words not in name_of or written == canon):
            name_of[words] = written
    sep = r"(?:\s*,\s*|\s+)"
    return tuple(
        (re.compile(r"(?<!\w)" + sep.join(map(re.escape, w)) + r"(?!\w)", re.IGNORECASE), name_of[w])
        for w in sorted(name_of, key=lambda w: (-sum(map(len, w)), w))
    )


def split_subjects(text: str, path: Path | str = SUBJECTS_FILE) -> list[str]:
    """Split a "subjects taught" cell into subjects.

    Subjects are separated by ";" or line breaks, and by commas outside known
    subject names: a subject written with a comma in any of its known forms
    stays one subject with its commas in any placement ("Pendidikan Jasmani,
    Olahraga, dan Kesehatan", "Pendidikan Jasmani, Olahraga dan Kesehatan";
    issue 2, decisions; issue "Real files as they come" §1).

    Parameters
    ----------
    text : str
        The cell as written, e.g. ``"Bahasa Inggris; Seni Budaya"``.
    path : path, optional
        The subject table (default ``data/reference/mata_pelajaran.csv``).

    Returns
    -------
    list of str
        The subjects as written (outer spaces stripped, empty parts dropped), in
        order; a subject with commas comes back as the table writes it.
    """
    protected = str(text)
    keep: dict[str, str] = {}
    if "," in protected:
        for i, (pattern, name) in enumerate(_comma_patterns(str(path))):
            token = f"\x00{i}\x00"
            protected, n = pattern.subn(token, protected)
            if n:
                keep[token] = name
    out = []
    for part in re.split(r"[;\n\r]+|,", protected):
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
        Canonical subject names; ``None`` when neither the programme nor the
        programme it is an alias of (``prodi_alias.csv``) is in
        ``prodi_mapel.csv`` (its match is then unknown, never guessed; Permendiknas 16/2007).
    """
    if not normalize_name(name):
        return None
    table = _prodi_table(str(path))
    return table.get(_prodi_key(name, table))


def certificate_subjects(field: object, prodi_path: Path | str = PRODI_FILE) -> frozenset[str] | None:
    """Subjects a teaching certificate (sertifikasi) field covers.

    A certificate is issued for a subject ("Bahasa Inggris", "Guru Kelas MI"),
    sometimes written as a programme ("Pendidikan Agama Islam"): the field is
    read as a subject first, then looked up as a programme (Permendikbudristek
    7/2024, which revoked Permendikbud 46/2016).

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


def _count_names(values: pd.Series, known) -> list[tuple[str, int]]:
    """``(name as first written, rows)`` of the non-empty names ``known(name)`` rejects, in order of first appearance.

    Spellings that normalise alike (:func:`normalize_name`) count as one name.
    """
    counts: dict[str, list] = {}
    for raw, n in values.value_counts(sort=False, dropna=True).items():
        v = str(raw).strip()
        if not v:
            continue
        key = normalize_name(v)
        if key not in counts:
            counts[key] = None if known(v) else [v, 0]  # type: ignore[assignment]
        if counts[key] is not None:
            counts[key][1] += int(n)
    return [(c[0], c[1]) for c in counts.values() if c is not None]


def unmatched_names(tables: dict[str, pd.DataFrame], validated: dict[str, pd.DataFrame] | None = None, prodi_path: Path | str = PRODI_FILE) -> list:
    """One warning per distinct subject, programme or certificate field the reference tables cannot match.

    Linieritas judges such a name "unknown" (Permendikbudristek 7/2024;
    Permendiknas 16/2007); the validation report lists each one with how often
    it occurs, so that a name the tables lack is never lost silently (issue
    "Real files as they come" §1).

    Parameters
    ----------
    tables : dict of DataFrame
        A dataset's tables after :func:`analysis.ingest.load._derive`: ``guru`` (one
        row per PTK, with ``guru_id``, ``pendidik``, ``sertifikasi``,
        ``jurusan_prodi``) and ``mengajar`` (the long table, one row per
        teacher × subject, with ``guru_id``, ``mata_pelajaran``, ``jjm_source``).
    validated : dict of DataFrame, optional
        The same tables as validated, before the long table was built: their
        ``attrs`` name the sheet and the headers as written (default ``tables``).
    prodi_path : path, optional
        The programme table the judgement uses.

    Returns
    -------
    list of Problem
        Warnings, subjects first: ``problem.unknown_subject_name`` (count =
        teacher × subject rows), ``problem.unknown_programme_name`` (count =
        uncertified teachers, whose programme is what is judged) and
        ``problem.unknown_certificate_name`` (count = certified teachers); each
        with params ``name`` and ``count``, on the sheet and column the name came from.
        Only pendidik who teach a subject are looked at, as in the judgement.
    """
    guru, mengajar = tables["guru"], tables["mengajar"]
    src = validated or tables
    g_sheet = src["guru"].attrs.get("sheet") or "Guru"
    g_headers = src["guru"].attrs.get("headers", {})
    m_attrs = src["mengajar"].attrs
    out = []
    if not mengajar.empty:
        from_guru = mengajar["jjm_source"].eq("equal_split") if "jjm_source" in mengajar else pd.Series(False, index=mengajar.index)
        for part, sheet, column in (
            (
                mengajar.loc[~from_guru, "mata_pelajaran"],
                m_attrs.get("sheet") or "Mengajar",
                m_attrs.get("headers", {}).get("mata_pelajaran") or "Mata Pelajaran",
            ),
            (mengajar.loc[from_guru, "mata_pelajaran"], g_sheet, g_headers.get("mengajar") or "Mengajar"),
        ):
            for name, n in _count_names(part, is_known_subject):
                out.append(problem(sheet, None, column, name, "warning", "problem.unknown_subject_name", name=name, count=n))
    if guru.empty or mengajar.empty:
        return out
    teaching = pd.unique(mengajar["guru_id"].dropna().to_numpy(dtype=object))
    t = guru[guru["pendidik"].fillna(False).astype(bool).to_numpy() & guru["guru_id"].isin(teaching).to_numpy()]
    cert = t["sertifikasi"].notna() & t["sertifikasi"].astype(str).str.strip().ne("")
    for name, n in _count_names(t.loc[~cert, "jurusan_prodi"], lambda v: qualified_subjects(v, prodi_path) is not None):
        out.append(
            problem(g_sheet, None, g_headers.get("jurusan_prodi") or "Jurusan/Prodi", name, "warning", "problem.unknown_programme_name", name=name, count=n)
        )
    for name, n in _count_names(t.loc[cert, "sertifikasi"], lambda v: certificate_subjects(v, prodi_path) is not None):
        out.append(
            problem(g_sheet, None, g_headers.get("sertifikasi") or "Sertifikasi", name, "warning", "problem.unknown_certificate_name", name=name, count=n)
        )
    return out
