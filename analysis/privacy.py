"""Who may see which teacher: names for the school head, pseudonymous codes for everyone else.

Teachers' names are shown only to the school's own head (kepala sekolah);
district officers and researchers see a stable pseudonymous code instead, so
that a list can still be read ("G-3f9a2c teaches two subjects out of field")
without naming anyone. Data minimisation as UU 27/2022 (PDP) asks
(DOMAIN.md §4).
"""

from __future__ import annotations

import hashlib

import pandas as pd

#: Prefix of a pseudonymous teacher code.
PSEUDONYM_PREFIX = "G-"
#: Hex digits of the code: 6 digits give 16.7 million codes, so collisions in a
#: district of a few thousand teachers are rare (and resolved by :func:`display_names`).
PSEUDONYM_DIGITS = 6


def pseudonym(guru_id: str, salt: str = "", digits: int = PSEUDONYM_DIGITS) -> str:
    """A stable pseudonymous code for one teacher, e.g. ``"G-3f9a2c"``.

    The code is a keyed BLAKE2b hash of ``guru_id`` (a NUPTK, or ``"<npsn>-r<row>"``).
    Without the ``salt`` a 16-digit NUPTK could be found again by trying every
    number, so the app passes a salt that only the data holder knows (the
    dataset's content hash).

    Parameters
    ----------
    guru_id : str
        The teacher's id in :class:`analysis.dataset.Dataset` (``guru.guru_id``).
    salt : str
        Key of the hash; the same salt gives the same code.
    digits : int
        Hex digits of the code, 4–32.

    Returns
    -------
    str
        ``"G-"`` followed by ``digits`` lower-case hex digits.

    Raises
    ------
    ValueError
        If ``digits`` is outside 4–32.
    """
    if not 4 <= digits <= 32:
        raise ValueError("digits must be between 4 and 32")
    h = hashlib.blake2b(str(guru_id).encode("utf-8"), key=salt.encode("utf-8")[:64], digest_size=16)
    return PSEUDONYM_PREFIX + h.hexdigest()[:digits]


def display_names(guru: pd.DataFrame, show_names: bool, salt: str = "") -> pd.Series:
    """The label to show for each teacher: the name, or a pseudonymous code.

    Parameters
    ----------
    guru : DataFrame
        One row per teacher, with ``guru_id`` and ``nama`` (``nama`` only needed
        when ``show_names``).
    show_names : bool
        ``True`` only for the school's own head.
    salt : str
        Passed to :func:`pseudonym`.

    Returns
    -------
    Series of str
        Same index as ``guru``. Names when ``show_names`` (a missing name falls
        back to the code); else codes, lengthened where two teachers would share one.
    """
    ids = guru["guru_id"].astype(str)
    codes = pd.Series([pseudonym(i, salt) for i in ids], index=guru.index, dtype=object)
    clash = codes.duplicated(keep=False) & ~ids.duplicated(keep=False)
    if clash.any():
        codes[clash] = [pseudonym(i, salt, digits=12) for i in ids[clash]]
    if not show_names:
        return codes
    names = guru["nama"].astype(object)
    return names.where(names.notna() & (names.astype(str).str.strip() != ""), codes).astype(object)


#: Columns kept per table in the de-identified export (teacher id replaced by a code).
DEIDENTIFIED_COLUMNS: dict[str, tuple[str, ...]] = {
    "sekolah": ("npsn", "nama_sekolah", "jenjang", "status", "naungan", "kecamatan", "kabupaten_kota", "provinsi", "berbasis_pesantren"),
    "guru": (
        "kode", "npsn", "jk", "age_band", "status_kepegawaian", "jenis_ptk", "jenjang_pendidikan", "jurusan_prodi", "kependidikan",
        "sertifikasi", "tahun_sertifikasi", "jjm", "tik_laptop", "tik_office", "tik_lms", "tik_media", "tik_asesmen", "tik_kka",
    ),
    "mengajar": ("kode", "mata_pelajaran", "jjm"),
    "pelatihan": ("kode", "nama_pelatihan", "jenis", "penyelenggara", "tanggal_mulai", "tanggal_selesai", "jp", "moda", "fokus", "peran", "sertifikat"),
    "penilaian": ("kode", "tanggal_penilaian", "sumber", *(f"k{i}" for i in range(1, 15)), "pedagogik", "kepribadian", "sosial", "profesional"),
}


def deidentified_tables(tables: dict[str, pd.DataFrame], reference_date, salt: str) -> dict[str, pd.DataFrame]:
    """The dataset as a researcher may take it away: no name, NUPTK, NIP or birth date.

    Each teacher is a pseudonymous code (:func:`pseudonym`, keyed by ``salt``)
    that links the tables; the birth date becomes an age band; the TMT and the
    row numbers go. Schools stay named (NPSN and school data are public in Dapodik).

    Parameters
    ----------
    tables : dict of str to DataFrame
        A dataset's tables (:class:`analysis.dataset.Dataset.tables`).
    reference_date : datetime.date
        The date ages are counted to.
    salt : str
        Key of the codes; without it a code cannot be turned back into a NUPTK.

    Returns
    -------
    dict of str to DataFrame
        One table per key of :data:`DEIDENTIFIED_COLUMNS`, only those columns
        (``kode`` first), one row per row of the source table (kendala left out:
        it holds free text).
    """
    from analysis.staff import age_band

    out: dict[str, pd.DataFrame] = {}
    guru = tables["guru"]
    ids = guru[guru["guru_id"].notna()]
    code_of = dict(zip(ids["guru_id"], display_names(ids[["guru_id"]], False, salt)))  # clashes lengthened, as on screen
    for name, cols in DEIDENTIFIED_COLUMNS.items():
        df = tables[name].copy()
        if "guru_id" in df:
            df["kode"] = df["guru_id"].map(code_of)
        if name == "guru":
            df["age_band"] = age_band(guru, reference_date).to_numpy()
        out[name] = df[[c for c in cols if c in df.columns]].reset_index(drop=True)
    return out
