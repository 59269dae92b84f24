"""Region names (kecamatan, kabupaten/kota, provinsi) written one way, and a school's current year.

Dapodik writes the same region several ways: its public school lists say
"Kec. Gantarang", "Kab. Bulukumba", "Prov. Sulawesi Selatan"; the Daftar Guru
title rows say "Kecamatan Gantarang, Kabupaten Bulukumba, Provinsi Sulawesi
Selatan"; a district's own sheet may say "GANTARANG". :func:`normalize_region`
turns them into one spelling so that one kecamatan is one group on every
page. It is applied to the ``sekolah`` table whatever file the rows came from
(:func:`normalize_sekolah`, called by :mod:`analysis.ingest.load`).
"""

from __future__ import annotations

import re

import pandas as pd

#: Prefixes stripped per level (folded, with their dot or space). "Kota" is
#: never stripped: Kota X and Kabupaten X are different regions (e.g. Kota and
#: Kabupaten Bekasi).
_PREFIX = {
    "kecamatan": re.compile(r"^(?:kecamatan|kec\.?)\s*", re.IGNORECASE),
    "provinsi": re.compile(r"^(?:provinsi|prov\.?|propinsi)\s*", re.IGNORECASE),
}
_KABUPATEN = re.compile(r"^(?:kabupaten|kab\.?)\s*", re.IGNORECASE)
_KOTA = re.compile(r"^kota\s+", re.IGNORECASE)
_ROMAN = re.compile(r"^[IVXLC]+$")
#: Short words kept lower case inside a name written all in capitals.
_SMALL = frozenset({"dan"})

LEVELS = ("kecamatan", "kabupaten_kota", "provinsi")


def _title(text: str) -> str:
    """Title-case a name written all in capitals; roman numerals (XIII Koto Kampar) kept."""
    if not text.isupper():
        return text
    words = []
    for i, w in enumerate(text.split(" ")):
        if _ROMAN.match(w):
            words.append(w)
        elif i and w.lower() in _SMALL:
            words.append(w.lower())
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(words)


def normalize_region(value: object, level: str) -> object:
    """One spelling of a region name.

    Parameters
    ----------
    value : object
        The cell as read (text, or ``None``).
    level : {"kecamatan", "kabupaten_kota", "provinsi"}
        The column the value belongs to.

    Returns
    -------
    object
        ``None`` for an empty value; otherwise text with spaces collapsed, a
        name written all in capitals title-cased, and:

        - kecamatan: the "Kecamatan " / "Kec. " prefix removed
          (``"Kec. Gantarang"``, ``"Kecamatan Gantarang"``, ``"GANTARANG"`` →
          ``"Gantarang"``);
        - provinsi: "Provinsi " / "Prov. " removed;
        - kabupaten_kota: "Kab. X" / "Kabupaten X" → ``"Kabupaten X"``,
          "Kota X" → ``"Kota X"``; a bare name is kept as it is (it cannot be
          told whether it is a kabupaten or a kota).

        A value that is not text is returned unchanged.

    Raises
    ------
    ValueError
        If ``level`` is not one of :data:`LEVELS`.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown region level {level!r}")
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if not isinstance(value, str):
        return value
    text = " ".join(value.split())
    if not text:
        return None
    if level == "kabupaten_kota":
        if _KOTA.match(text):
            rest = _KOTA.sub("", text)
            return f"Kota {_title(rest)}" if rest else text
        if _KABUPATEN.match(text):
            rest = _KABUPATEN.sub("", text)
            return f"Kabupaten {_title(rest)}" if rest else text
        return _title(text)
    rest = _PREFIX[level].sub("", text)
    return _title(rest or text)


def region_key(value: object, level: str) -> str | None:
    """Folded form of :func:`normalize_region` for matching (case and spacing ignored)."""
    out = normalize_region(value, level)
    return None if out is None else str(out).casefold()


def normalize_sekolah(sekolah: pd.DataFrame) -> pd.DataFrame:
    """The ``sekolah`` table with kecamatan, kabupaten/kota and provinsi in one spelling.

    Parameters
    ----------
    sekolah : DataFrame
        One row per school (or per school × year); columns of
        :data:`analysis.core.schema.SEKOLAH`.

    Returns
    -------
    DataFrame
        Same rows and columns (attrs kept), the three region columns passed
        through :func:`normalize_region`.
    """
    out = sekolah.copy()
    for level in LEVELS:
        if level in out:
            out[level] = [normalize_region(v, level) for v in out[level]]
    out.attrs = dict(sekolah.attrs)
    return out


def current_and_history(sekolah: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Split a school list with a ``tahun`` column into current rows and all years.

    Parameters
    ----------
    sekolah : DataFrame
        One row per school, or per school × year when ``tahun`` is filled.

    Returns
    -------
    tuple
        ``(current, history)``. ``current`` has one row per NPSN: the row of its
        latest ``tahun`` (a row without a year counts as older than any year;
        among equal years the first row in the file wins), in file order.
        ``history`` is every row (one per school × year, sorted by NPSN and
        year) when some row carries a ``tahun``, else ``None`` and ``current``
        is ``sekolah`` unchanged. Every page that assumes one row per school
        reads ``current``; ``history`` is kept for trend views.
    """
    if "tahun" not in sekolah or sekolah["tahun"].isna().all() or sekolah.empty:
        return sekolah, None
    order = sekolah.assign(_order=range(len(sekolah)), _year=sekolah["tahun"].fillna(-1))
    latest = order.sort_values(["_year", "_order"], ascending=[False, True], kind="stable").drop_duplicates("npsn", keep="first")
    current = latest.sort_values("_order").drop(columns=["_order", "_year"]).reset_index(drop=True)
    current.attrs = dict(sekolah.attrs)
    history = sekolah.sort_values(["npsn", "tahun"], kind="stable").reset_index(drop=True)
    history.attrs = dict(sekolah.attrs)
    return current, history
