"""Text safety shared by reading and writing: characters no spreadsheet can hold, formula injection.

The reader strips the control characters a workbook cannot hold from every cell it reads
(:mod:`analysis.ingest.load`); every export (CSV, .xlsx, HTML) runs each value through
:func:`neutralize`, which also defuses text a spreadsheet would take for a formula (beginning
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe, as the
OWASP "CSV injection" guidance advises), because a cell value comes from a user's file and may
be hostile.
"""

from __future__ import annotations

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: Characters no spreadsheet can hold: the C0 controls other than tab, line feed
#: and carriage return (not allowed in XML 1.0, so openpyxl refuses them), and
#: the two XML non-characters U+FFFE, U+FFFF.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: The same characters in RE2 syntax, for pyarrow's vectorised string functions.
CONTROL_CHARS_RE2 = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x{FFFE}\x{FFFF}]"


def strip_control(text: str) -> str:
    """Remove the characters no spreadsheet can hold.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        ``text`` without the characters of :data:`CONTROL_CHARS` (tab, line
        feed and carriage return are kept); ``text`` itself when it has none.
    """
    return CONTROL_CHARS.sub("", text) if not text.isprintable() else text


def neutralize(value: object) -> object:
    """Make a cell value safe to write and to open in a spreadsheet: the one cleaning step of every export.

    Parameters
    ----------
    value : object
        Any cell value.

    Returns
    -------
    object
        Text loses its control characters (:func:`strip_control`; a workbook
        cannot hold them), then text beginning with ``= + - @``, a tab or a
        carriage return gets a leading apostrophe (OWASP CSV/formula
        injection); any other value is returned unchanged.
    """
    if isinstance(value, str):
        value = strip_control(value)
        if value.startswith(_FORMULA_START):
            return "'" + value
    return value
