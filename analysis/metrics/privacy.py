"""Who may see which teacher, and what a researcher may take away.

Teachers' names are shown only to the school's own head (kepala sekolah);
district officers and researchers see a stable pseudonymous code instead, so
that a list can still be read ("G-3f9a2c teaches two subjects out of field")
without naming anyone: data minimisation as UU 27/2022 on personal data
protection (Pasal 16) asks.

Four safeguards live here, all plain functions over DataFrames:

- **Pseudonyms** (:func:`pseudonym`) are HMAC-SHA256 codes keyed by a
  *deployment secret* (:func:`configure_key`), never by anything the data
  itself holds, so a person with the workbook cannot recompute a code from a
  NUPTK by trying every number; the same key gives the same code across
  uploads and reference dates.
- **Small-cell suppression** (:func:`suppress`, :func:`suppress_small_groups`):
  a figure over fewer than :func:`cell_threshold` teachers is shown as ``"<10"``,
  with secondary suppression so a total cannot give it back.
- **k-anonymity** (:func:`k_anonymity`, :func:`enforce_k_anonymity`) of the
  researcher export on its quasi-identifiers.
- **De-identified tables** (:func:`deidentified_tables`): no name, NUPTK, NIP
  or birth date; heads folded into the teachers' category.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.core import paths, schema
from analysis.metrics.staff import age_band

#: Prefix of a pseudonymous teacher code.
PSEUDONYM_PREFIX = "G-"
#: Hex digits of the code: 6 digits give 16.7 million codes, so collisions in a
#: district of a few thousand teachers are rare (and resolved by :func:`display_names`).
PSEUDONYM_DIGITS = 6

# ------------------------------------------------------------ deployment key

#: Environment variable holding the deployment secret (at least 16 characters).
KEY_ENV = "DASBOR_PSEUDONYM_KEY"
#: Environment variable naming the data directory where a generated key is kept.
DATA_DIR_ENV = "DASBOR_DATA_DIR"
#: Default data directory: ``var/`` under the project (ignored by git).
DEFAULT_DATA_DIR = paths.VAR_DIR
#: File of the generated key inside the data directory (0600).
KEY_FILE = "pseudonym.key"
#: The published demonstration key: codes made with it are NOT protected
#: (anyone can recompute them). Used only when ``DASBOR_PSEUDONYM_KEY=demo``
#: or when no key can be stored; the app then says so.
DEMO_KEY = b"dasbor-kompetensi-guru/demo-key/not-secret"
#: Shortest secret accepted from the environment or Streamlit secrets.
MIN_SECRET_CHARS = 16

_lock = threading.Lock()
_key: bytes | None = None
_key_source: str | None = None


def data_dir() -> Path:
    """The data directory: ``$DASBOR_DATA_DIR``, else ``var/`` under the project."""
    env = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(env) if env else DEFAULT_DATA_DIR


def _secret_bytes(secret: str | bytes, where: str) -> bytes:
    raw = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
    if len(raw.strip()) < MIN_SECRET_CHARS:
        raise ValueError(f"{where}: the pseudonym key must be at least {MIN_SECRET_CHARS} characters")
    return raw.strip()


def _stored_key(directory: Path) -> bytes:
    """Read the generated key in ``directory``, creating it (32 random bytes, mode 0600) the first time."""
    path = directory / KEY_FILE
    if not path.exists():
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first: use theirs
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(secrets.token_hex(32) + "\n")
    if path.stat().st_mode & 0o077:
        os.chmod(path, 0o600)
    text = path.read_text(encoding="ascii").strip()
    if len(text) < MIN_SECRET_CHARS:
        raise ValueError(f"{path}: the stored pseudonym key is too short")
    return text.encode("ascii")


def configure_key(secret: str | bytes | None = None, directory: Path | str | None = None) -> str:
    """Set the deployment key that every pseudonym of this process is made with.

    Looked for in this order: ``secret`` (the UI passes Streamlit's
    ``st.secrets["DASBOR_PSEUDONYM_KEY"]``), the environment variable
    ``DASBOR_PSEUDONYM_KEY``, the key file ``pseudonym.key`` in the data
    directory (created once with 32 random bytes and permissions 0600). The
    value ``"demo"`` (or a data directory that cannot be written) selects the
    published :data:`DEMO_KEY`, with which codes are not protected.

    Parameters
    ----------
    secret : str or bytes, optional
        A secret from the deployment's secret store.
    directory : path, optional
        Data directory (default :func:`data_dir`).

    Returns
    -------
    str
        Where the key came from: ``"secret"``, ``"env"``, ``"file"`` or ``"demo"``.

    Raises
    ------
    ValueError
        If a given secret is shorter than :data:`MIN_SECRET_CHARS` characters.
    """
    global _key, _key_source
    env = os.environ.get(KEY_ENV, "").strip()
    if secret is not None and str(secret).strip() == "demo" or secret is None and env == "demo":
        key, source = DEMO_KEY, "demo"
    elif secret is not None and str(secret).strip():
        key, source = _secret_bytes(secret, "secret"), "secret"
    elif env:
        key, source = _secret_bytes(env, KEY_ENV), "env"
    else:
        try:
            key, source = _stored_key(Path(directory) if directory is not None else data_dir()), "file"
        except OSError:  # read-only deployment without a secret: say codes are not protected
            key, source = DEMO_KEY, "demo"
    with _lock:
        _key, _key_source = key, source
    return source


def current_key() -> bytes:
    """The deployment key in use (configured on first use by :func:`configure_key`)."""
    if _key is None:
        configure_key()
    assert _key is not None
    return _key


def key_source() -> str:
    """Where the key in use came from (:func:`configure_key`); ``"demo"`` means codes are not protected."""
    current_key()
    return _key_source or "demo"


def codes_protected() -> bool:
    """Whether the pseudonyms are keyed by a secret (not the published demo key)."""
    return key_source() != "demo"


def pseudonym(guru_id: str, salt: str = "", digits: int = PSEUDONYM_DIGITS, *, key: str | bytes | None = None) -> str:
    """A stable pseudonymous code for one teacher, e.g. ``"G-3f9a2c"``.

    The code is HMAC-SHA256 (RFC 2104) of ``guru_id`` (a NUPTK, or
    ``"<npsn>-r<row>"``) under the deployment key (:func:`current_key`). It
    does not depend on the dataset, so a teacher keeps the code across
    uploads of the same school and whatever reference date is set; and
    without the key a 16-digit NUPTK cannot be found again by trying numbers.

    Parameters
    ----------
    guru_id : str
        The teacher's id in :class:`analysis.core.dataset.Dataset` (``guru.guru_id``).
    salt : str
        Ignored. Callers used to pass the dataset's content hash here as the
        key, which anyone holding the workbook can recompute; the argument is
        kept so that they keep working, now with the deployment key.
    digits : int
        Hex digits of the code, 4–32.
    key : str or bytes, optional
        The key to use instead of the deployment key (tests, other tools).

    Returns
    -------
    str
        ``"G-"`` followed by ``digits`` lower-case hex digits.

    Raises
    ------
    ValueError
        If ``digits`` is outside 4–32, or ``key`` is empty.
    """
    if not 4 <= digits <= 32:
        raise ValueError("digits must be between 4 and 32")
    if key is None:
        k = current_key()
    else:
        k = key.encode("utf-8") if isinstance(key, str) else bytes(key)
        if not k:
            raise ValueError("key must not be empty")
    h = hmac.new(k, str(guru_id).encode("utf-8"), hashlib.sha256)
    return PSEUDONYM_PREFIX + h.hexdigest()[:digits]


def display_names(guru: pd.DataFrame, show_names: bool, salt: str = "", *, key: str | bytes | None = None) -> pd.Series:
    """The label to show for each teacher: the name, or a pseudonymous code.

    Parameters
    ----------
    guru : DataFrame
        One row per teacher, with ``guru_id`` and ``nama`` (``nama`` only needed
        when ``show_names``).
    show_names : bool
        ``True`` only for the school's own head.
    salt : str
        Ignored (see :func:`pseudonym`).
    key : str or bytes, optional
        Passed to :func:`pseudonym`; default the deployment key.

    Returns
    -------
    Series of str
        Same index as ``guru``. Names when ``show_names`` (a missing name falls
        back to the code); else codes, lengthened where two teachers would share one.
    """
    ids = guru["guru_id"].astype(str)
    k = current_key() if key is None else key
    codes = pd.Series([pseudonym(i, key=k) for i in ids], index=guru.index, dtype=object)
    clash = codes.duplicated(keep=False) & ~ids.duplicated(keep=False)
    if clash.any():
        codes[clash] = [pseudonym(i, digits=12, key=k) for i in ids[clash]]
    if not show_names:
        return codes
    names = guru["nama"].astype(object)
    return names.where(names.notna() & (names.astype(str).str.strip() != ""), codes).astype(object)


# --------------------------------------------------- small-cell suppression

#: Environment variable overriding the smallest cell shown (default 10).
MIN_CELL_ENV = "DASBOR_MIN_CELL"
#: Smallest number of teachers a published figure may rest on.
MIN_CELL = 10


def cell_threshold(value: int | None = None) -> int:
    """The small-cell threshold: ``value`` if given, else ``$DASBOR_MIN_CELL``, else :data:`MIN_CELL` (10).

    Raises
    ------
    ValueError
        If the threshold is not an integer of at least 1.
    """
    raw = value if value is not None else os.environ.get(MIN_CELL_ENV, "").strip() or MIN_CELL
    try:
        n = int(raw)
    except (TypeError, ValueError):
        raise ValueError(f"{MIN_CELL_ENV}: the small-cell threshold must be a whole number, not {raw!r}") from None
    if n < 1:
        raise ValueError(f"{MIN_CELL_ENV}: the small-cell threshold must be at least 1, not {n}")
    return n


def suppressed_marker(threshold: int | None = None) -> str:
    """What a suppressed figure shows: ``"<10"`` for the threshold 10."""
    return f"<{cell_threshold(threshold)}"


def suppression_mask(counts: pd.DataFrame, threshold: int | None = None, secondary: bool = True) -> pd.DataFrame:
    """Which cells of a count table must not be shown.

    Primary: every count from 1 to ``threshold`` − 1 (a zero is shown: it
    rests on no teacher). Secondary: in each row and each column where exactly
    one cell is suppressed, the smallest other cell (the first of equal ones)
    is suppressed too, so that the row or column total minus the shown cells
    does not give the suppressed one back; repeated until no line has exactly one.

    Parameters
    ----------
    counts : DataFrame
        Counts of teachers (int, NaN for none), one row per group, one column per category.
    threshold : int, optional
        :func:`cell_threshold` (default 10).
    secondary : bool
        Apply secondary suppression.

    Returns
    -------
    DataFrame of bool
        Same shape and labels as ``counts``.
    """
    n = cell_threshold(threshold)
    values = counts.apply(pd.to_numeric, errors="coerce")
    mask = (values > 0) & (values < n)
    if not secondary or mask.empty:
        return mask
    arr, vals = mask.to_numpy().copy(), values.to_numpy(dtype=float)
    changed = True
    while changed:
        changed = False
        for axis in (1, 0):
            lines = arr if axis == 1 else arr.T
            line_vals = vals if axis == 1 else vals.T
            for i in range(lines.shape[0]):
                if lines[i].sum() != 1 or lines.shape[1] < 2:
                    continue
                free = [(line_vals[i, j] if line_vals[i, j] == line_vals[i, j] else float("inf"), j) for j in range(lines.shape[1]) if not lines[i, j]]
                if free:
                    lines[i, min(free)[1]] = True
                    changed = True
    return pd.DataFrame(arr, index=counts.index, columns=counts.columns)


def suppress(table: pd.DataFrame, count_cols: Sequence[str], min_cell: int | None = None, *, secondary: bool = True) -> pd.DataFrame:
    """A count table with small cells shown as ``"<10"`` (:func:`suppression_mask`).

    Parameters
    ----------
    table : DataFrame
        One row per group (e.g. school), with count columns ``count_cols`` (teachers per category).
    count_cols : sequence of str
        The count columns; other columns pass through.
    min_cell : int, optional
        Threshold (default :func:`cell_threshold`: ``$DASBOR_MIN_CELL`` or 10).
    secondary : bool
        Also suppress the cells that would give a suppressed one back.

    Returns
    -------
    DataFrame
        Same rows and columns; suppressed cells of ``count_cols`` hold the
        marker (``"<10"``), so those columns become object dtype.
    """
    threshold = cell_threshold(min_cell)
    cols = list(count_cols)
    mask = suppression_mask(table[cols], threshold, secondary)
    out = table.copy()
    for c in cols:
        if mask[c].any():
            out[c] = out[c].astype(object).where(~mask[c], suppressed_marker(threshold))
    return out


def suppress_small_groups(table: pd.DataFrame, n_col: str, value_cols: Sequence[str], min_cell: int | None = None) -> pd.DataFrame:
    """An aggregate table with each figure of a group under the threshold shown as ``"<10"``.

    Parameters
    ----------
    table : DataFrame
        One row per group (e.g. school), with its number of teachers in ``n_col``
        and figures computed over them (means, shares) in ``value_cols``.
    n_col : str
        Teachers each row's figures rest on.
    value_cols : sequence of str
        Figures to suppress; ``n_col`` itself is suppressed too.
    min_cell : int, optional
        Threshold (default :func:`cell_threshold`).

    Returns
    -------
    DataFrame
        Same rows and columns; in rows with 0 < n < threshold (or n missing)
        ``n_col`` and ``value_cols`` hold the marker, columns holding it become object dtype.
    """
    threshold = cell_threshold(min_cell)
    n = pd.to_numeric(table[n_col], errors="coerce")
    small = n.isna() | (n < threshold)
    out = table.copy()
    for c in [n_col, *value_cols]:
        if small.any():
            out[c] = out[c].astype(object).where(~small, suppressed_marker(threshold))
    return out


def as_numbers(table: pd.DataFrame, cols: Sequence[str]) -> pd.DataFrame:
    """``table`` with the suppressed markers of ``cols`` read as NaN (for charts, which must not show them either)."""
    out = table.copy()
    for c in cols:
        out[c] = pd.to_numeric(out[c], errors="coerce")
    return out


# ------------------------------------------------------------- k-anonymity

#: Quasi-identifiers of the researcher export's Guru sheet: what an
#: acquaintance knows of a teacher without the data.
QUASI_IDENTIFIERS: tuple[str, ...] = ("npsn", "jk", "age_band", "status_kepegawaian", "jenis_ptk")
#: The smallest group the researcher export leaves on its quasi-identifiers.
K_ANONYMITY = 5
#: What a suppressed quasi-identifier value shows.
SUPPRESSED = "*"

#: ASN (state civil servants, UU 20/2023 on ASN: PNS and PPPK) in Dapodik's status_kepegawaian.
ASN_STATUS = frozenset({"PNS", "PNS Diperbantukan", "PNS Depag", "PPPK", "CPNS"})


def _wider_age(v: object) -> object:
    return {"<30": "<40", "30-39": "<40", "40-49": "40+", "50+": "40+"}.get(v, v)


def asn_group(v: object) -> object:
    """Status kepegawaian read as ``"ASN"`` (:data:`ASN_STATUS`) or ``"Non-ASN"``; missing and ``"*"`` unchanged."""
    if v is None or v != v or v == SUPPRESSED:
        return v
    return "ASN" if str(v) in ASN_STATUS else "Non-ASN"


def _is_pendidik(v: object) -> bool:

    return str(v) in schema.JENIS_PTK_PENDIDIK or str(v) == "Pendidik" or str(v).lower().startswith("guru")


def fold_heads(v: object) -> object:
    """Jenis PTK as the researcher export gives it: every pendidik type (the head included) is ``"Pendidik"``.

    A school has one Kepala Sekolah, so the head's own category would single
    the head out; folded into the teachers' category no figure can.
    """
    if v is None or v != v or v == SUPPRESSED:
        return v
    return "Pendidik" if _is_pendidik(v) else v


def _ptk_group(v: object) -> object:
    if v is None or v != v or v == SUPPRESSED:
        return v
    return "Pendidik" if _is_pendidik(v) else "Tenaga Kependidikan"


#: Generalisation steps tried in order, each (step name, column, mapping).
GENERALISATIONS: tuple[tuple[str, str, object], ...] = (
    ("age_band_20y", "age_band", _wider_age),
    ("status_asn", "status_kepegawaian", asn_group),
    ("jenis_ptk_group", "jenis_ptk", _ptk_group),
)
#: Order in which quasi-identifiers are blanked for the rows still in small groups.
SUPPRESSION_ORDER: tuple[str, ...] = ("age_band", "status_kepegawaian", "jenis_ptk", "jk", "npsn")


def _classes(table: pd.DataFrame, qi: Sequence[str]) -> pd.Series:
    """Size of each row's quasi-identifier group (missing values are one value)."""
    if table.empty:
        return pd.Series(dtype=int, index=table.index)
    keys = table[list(qi)].astype(object).where(table[list(qi)].notna(), "\x00na")
    return keys.groupby(list(qi), dropna=False, sort=False)[list(qi)[0]].transform("size")


def k_anonymity(table: pd.DataFrame, quasi_identifiers: Sequence[str]) -> int:
    """The k of ``table``: the size of its smallest group of rows equal on every quasi-identifier.

    Parameters
    ----------
    table : DataFrame
        One row per person.
    quasi_identifiers : sequence of str
        Columns an outsider may know (missing values count as one value).

    Returns
    -------
    int
        The smallest group size; 0 for an empty table (Samarati & Sweeney 1998).
    """
    sizes = _classes(table, quasi_identifiers)
    return int(sizes.min()) if len(sizes) else 0


@dataclass
class KAnonymityReport:
    """What :func:`enforce_k_anonymity` did.

    Attributes
    ----------
    k_target : int
    k_before, k_after : int
        k of the table as given and as returned (0 when empty).
    generalisations : list of str
        Steps of :data:`GENERALISATIONS` applied, in order.
    rows : int
        Rows given.
    rows_blanked : int
        Rows with at least one quasi-identifier blanked (``"*"``).
    rows_dropped : int
        Rows left out because even fully blanked they stayed in a group under k.
    blanked_values : dict of str to int
        Values blanked per quasi-identifier.
    """

    k_target: int
    k_before: int
    k_after: int
    rows: int
    generalisations: list[str] = field(default_factory=list)
    rows_blanked: int = 0
    rows_dropped: int = 0
    blanked_values: dict[str, int] = field(default_factory=dict)


def enforce_k_anonymity(
    table: pd.DataFrame, qi: Sequence[str] = QUASI_IDENTIFIERS, k: int = K_ANONYMITY, generalisations: Sequence[tuple[str, str, object]] = GENERALISATIONS
) -> tuple[pd.DataFrame, KAnonymityReport]:
    """Generalise, then suppress, until every quasi-identifier group has at least ``k`` rows.

    1. Generalisation, whole columns, step by step in the order given, only
       while k is below the target: age bands of 10 years → under 40 / 40 and
       over; status kepegawaian → ASN / Non-ASN (UU 20/2023: PNS and PPPK);
       jenis PTK → Pendidik / Tenaga Kependidikan.
    2. Local suppression: for the rows still in a group under k, one
       quasi-identifier after another (:data:`SUPPRESSION_ORDER`) is blanked to
       ``"*"`` and the groups counted again.
    3. Rows in a group under k even with every quasi-identifier blanked are dropped.

    Parameters
    ----------
    table : DataFrame
        One row per person, with the ``qi`` columns.
    qi : sequence of str
        Quasi-identifiers (default :data:`QUASI_IDENTIFIERS`).
    k : int
        Smallest group wanted, at least 1.
    generalisations : sequence of (name, column, function)
        Steps tried in order; a step whose column is not a quasi-identifier is skipped.

    Returns
    -------
    tuple
        ``(table, report)``: the rows kept (same columns, index kept) with
        generalised or blanked quasi-identifiers, and a :class:`KAnonymityReport`.

    Raises
    ------
    ValueError
        If ``k`` < 1 or a quasi-identifier is not a column.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    missing = [c for c in qi if c not in table.columns]
    if missing:
        raise ValueError(f"quasi-identifiers not in the table: {missing}")
    out = table.copy()
    report = KAnonymityReport(k_target=k, k_before=k_anonymity(out, qi), k_after=0, rows=len(out))
    for name, col, fn in generalisations:
        if len(out) == 0 or k_anonymity(out, qi) >= k:
            break
        if col in qi:
            out[col] = out[col].map(fn).astype(object)
            report.generalisations.append(name)
    blanked = pd.Series(False, index=out.index)
    order = [c for c in SUPPRESSION_ORDER if c in qi] + [c for c in qi if c not in SUPPRESSION_ORDER]
    for col in order:
        small = _classes(out, qi) < k
        if not small.any():
            break
        hit = small & (out[col].astype(object) != SUPPRESSED)
        out[col] = out[col].astype(object).where(~hit, SUPPRESSED)
        report.blanked_values[col] = int(hit.sum())
        blanked |= hit
    small = _classes(out, qi) < k
    report.rows_dropped = int(small.sum())
    out = out[~small]
    report.rows_blanked = int((blanked & ~small).sum())
    report.k_after = k_anonymity(out, qi)
    return out, report


# ------------------------------------------------------ de-identified tables

#: Columns kept per table in the de-identified export (teacher id replaced by a code).
DEIDENTIFIED_COLUMNS: dict[str, tuple[str, ...]] = {
    "sekolah": ("npsn", "nama_sekolah", "jenjang", "status", "naungan", "kecamatan", "kabupaten_kota", "provinsi", "berbasis_pesantren"),
    "guru": (
        "kode",
        "npsn",
        "jk",
        "age_band",
        "status_kepegawaian",
        "jenis_ptk",
        "jenjang_pendidikan",
        "jurusan_prodi",
        "kependidikan",
        "sertifikasi",
        "tahun_sertifikasi",
        "jjm",
        "tik_laptop",
        "tik_office",
        "tik_lms",
        "tik_media",
        "tik_asesmen",
        "tik_kka",
    ),
    "mengajar": ("kode", "mata_pelajaran", "jjm"),
    "pelatihan": ("kode", "nama_pelatihan", "jenis", "penyelenggara", "tanggal_mulai", "tanggal_selesai", "jp", "moda", "fokus", "peran", "sertifikat"),
    "penilaian": ("kode", "tanggal_penilaian", "sumber", *(f"k{i}" for i in range(1, 15)), "pedagogik", "kepribadian", "sosial", "profesional"),
}


def deidentified_tables(
    tables: dict[str, pd.DataFrame],
    reference_date,
    salt: str = "",
    *,
    key: str | bytes | None = None,
    k: int | None = None,
    quasi_identifiers: Sequence[str] = QUASI_IDENTIFIERS,
) -> dict[str, pd.DataFrame]:
    """The dataset as a researcher may take it away: no name, NUPTK, NIP or birth date.

    Each teacher is a pseudonymous code (:func:`pseudonym`, under the
    deployment key) that links the tables; the birth date becomes an age band;
    every pendidik type, the head's included, is ``"Pendidik"``
    (:func:`fold_heads`); the TMT and the row numbers go. Schools stay named
    (NPSN and school data are public in Dapodik). With ``k`` the Guru table is
    made k-anonymous on ``quasi_identifiers`` (:func:`enforce_k_anonymity`) and
    the rows of a dropped teacher leave every table.

    Parameters
    ----------
    tables : dict of str to DataFrame
        A dataset's tables (:class:`analysis.core.dataset.Dataset.tables`).
    reference_date : datetime.date
        The date ages are counted to.
    salt : str
        Ignored (see :func:`pseudonym`); kept for existing callers.
    key : str or bytes, optional
        Key of the codes instead of the deployment key.
    k : int, optional
        Enforce k-anonymity of the Guru table (the researcher export uses :data:`K_ANONYMITY`).
    quasi_identifiers : sequence of str
        Used with ``k``.

    Returns
    -------
    dict of str to DataFrame
        One table per key of :data:`DEIDENTIFIED_COLUMNS`, only those columns
        (``kode`` first), one row per row of the source table (kendala left out:
        it holds free text). With ``k``, ``out["guru"].attrs["k_anonymity"]``
        holds the :class:`KAnonymityReport`.
    """

    out: dict[str, pd.DataFrame] = {}
    guru = tables["guru"]
    ids = guru[guru["guru_id"].notna()]
    code_of = dict(zip(ids["guru_id"], display_names(ids[["guru_id"]], False, key=key)))  # clashes lengthened, as on screen
    for name, cols in DEIDENTIFIED_COLUMNS.items():
        df = tables[name].copy()
        if "guru_id" in df:
            df["kode"] = df["guru_id"].map(code_of)
        if name == "guru":
            df["age_band"] = age_band(guru, reference_date).to_numpy()
            if "jenis_ptk" in df:
                df["jenis_ptk"] = df["jenis_ptk"].map(fold_heads).astype(object)
        out[name] = df[[c for c in cols if c in df.columns]].reset_index(drop=True)
    if k is not None:
        anon, report = enforce_k_anonymity(out["guru"], [c for c in quasi_identifiers if c in out["guru"]], k)
        kept = set(anon["kode"].dropna()) if "kode" in anon else set()
        dropped = set(out["guru"].get("kode", pd.Series(dtype=object)).dropna()) - kept
        for name in out:
            if name != "guru" and "kode" in out[name] and dropped:
                out[name] = out[name][~out[name]["kode"].isin(dropped)].reset_index(drop=True)
        out["guru"] = anon.reset_index(drop=True)
        out["guru"].attrs["k_anonymity"] = report
    return out
