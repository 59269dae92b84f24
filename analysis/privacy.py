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
