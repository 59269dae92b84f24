"""The one number and date format per language: every figure a user reads goes through here.

Bahasa Indonesia writes a decimal comma and a thousands dot ("85,1", "1.234",
"63,7 %"); English a decimal point and a thousands comma ("85.1", "1,234",
"63.7%"). Cards, tables, sentences, HTML reports and the .xlsx number formats
all take their text from the functions below, so the same figure reads the same
on every page and in every download.

Rules kept everywhere:

- a missing value (``None``, NaN, ``pd.NA``, ``NaT``) reads as :data:`MISSING`
  ("–") or a word the caller passes, never "None" or "nan";
- a whole-number quantity (teachers, JJM, JP, rows) never reads "6.0";
- a share (0–1) reads as a percentage with its unit, one decimal by default;
- a p-value below a thousandth reads "< 0,001" / "< 0.001", never "0,000".

:func:`csv_value` is the machine-readable counterpart used by CSV downloads:
dot decimals, no thousands separator, rounded (see its docstring).
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.i18n import t

LANGS = ("id", "en")
#: How a missing figure reads (an en dash).
MISSING = "–"
#: Month names per language, January first (string keys ``month.1`` … ``month.12``).
MONTHS = {lang: tuple(t(f"month.{i}", lang) for i in range(1, 13)) for lang in LANGS}
#: Kinds of figure :func:`value` formats (see :func:`column_kind` for tables).
KINDS = ("count", "share", "score", "number", "hours", "p", "effect", "date", "text")
#: Decimal and thousands separators per language, in plotly's ``layout.separators`` order.
SEPARATORS = {"id": ",.", "en": ".,"}


def is_missing(v: object) -> bool:
    """Whether ``v`` is a missing value (``None``, NaN, ``pd.NA``, ``NaT``, an infinite float).

    Examples
    --------
    >>> [is_missing(v) for v in (None, float("nan"), pd.NA, pd.NaT, 0, "", "x")]
    [True, True, True, True, False, False, False]
    """
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    if isinstance(v, (float, np.floating)):
        return not math.isfinite(float(v))
    try:
        return bool(pd.isna(v)) if not isinstance(v, (str, bytes)) and np.ndim(v) == 0 else False  # type: ignore[call-overload,arg-type]
    except (TypeError, ValueError):
        return False


def _real(v: object) -> float:
    """``v`` as a float; callers have ruled out missing values (:func:`is_missing`) first."""
    return float(v)  # type: ignore[arg-type]  # a number or numeric text, whatever its type


def _lang(lang: str) -> str:
    return lang if lang in LANGS else "id"


def _localise(text: str, lang: str) -> str:
    """``text`` written with Python's "1,234.5" separators, in ``lang``'s separators."""
    if _lang(lang) == "id":
        return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def number(x: object, lang: str, digits: int = 1, *, sign: bool = False, missing: str = MISSING) -> str:
    """A decimal number with ``digits`` decimals and thousands separators, in ``lang``.

    Parameters
    ----------
    x : float
        Any real number; missing values give ``missing``.
    lang : {"id", "en"}
        Anything else reads as Bahasa Indonesia.
    digits : int
        Decimals shown (rounded half to even, as Python formats).
    sign : bool
        Write "+" before a positive number (a change).
    missing : str
        Text of a missing value.

    Returns
    -------
    str

    Examples
    --------
    >>> number(85.14, "id"), number(85.14, "en")
    ('85,1', '85.1')
    >>> number(1234.5, "id"), number(1234.5, "en")
    ('1.234,5', '1,234.5')
    >>> number(6.2, "id", sign=True), number(-0.04, "en", 2)
    ('+6,2', '-0.04')
    >>> number(None, "id"), number(float("nan"), "en", missing="no data")
    ('–', 'no data')
    """
    if is_missing(x):
        return missing
    f = _real(x) + 0.0  # -0.0 reads as 0
    text = f"{f:+,.{digits}f}" if sign else f"{f:,.{digits}f}"
    if text.lstrip("+-").strip("0.,") == "":  # rounds to zero: no "-0,0"
        text = text.lstrip("+-")
    return _localise(text, lang)


def count(n: object, lang: str, *, missing: str = MISSING) -> str:
    """A whole number (teachers, schools, rows) with thousands separators; never "6.0".

    A float is rounded to the nearest whole number.

    Examples
    --------
    >>> count(1234, "id"), count(1234, "en"), count(6.0, "id")
    ('1.234', '1,234', '6')
    >>> count(None, "en")
    '–'
    """
    if is_missing(n):
        return missing
    return _localise(f"{round(_real(n)):,}", lang)


def quantity(x: object, lang: str, digits: int = 1, *, missing: str = MISSING) -> str:
    """A quantity that is usually whole (JJM, JP hours): whole numbers without decimals, others with ``digits``.

    Examples
    --------
    >>> quantity(24.0, "id"), quantity(1.5, "id"), quantity(1.5, "en"), quantity(1200, "id")
    ('24', '1,5', '1.5', '1.200')
    """
    if is_missing(x):
        return missing
    f = _real(x)
    return count(f, lang) if f.is_integer() else number(f, lang, digits)


def hours(x: object, lang: str, unit: str = "JJM", *, missing: str = MISSING) -> str:
    """Hours with their unit: "24 JJM" (teaching hours per week) or "32 JP" (training hours).

    Examples
    --------
    >>> hours(24.0, "id"), hours(1.5, "id", "JJM"), hours(1234, "en", "JP")
    ('24 JJM', '1,5 JJM', '1,234 JP')
    >>> hours(None, "id")
    '–'
    """
    if is_missing(x):
        return missing
    return f"{quantity(x, lang)} {unit}"


def share(x: object, lang: str, digits: int = 1, *, missing: str = MISSING) -> str:
    """A share 0–1 as a percentage with its unit: "63,7 %" in Bahasa Indonesia, "63.7%" in English.

    Examples
    --------
    >>> share(0.6366666666666666, "id"), share(0.6366666666666666, "en")
    ('63,7 %', '63.7%')
    >>> share(1, "id", 0), share(0.0, "en")
    ('100 %', '0.0%')
    >>> share(float("nan"), "id")
    '–'
    """
    if is_missing(x):
        return missing
    text = number(100 * _real(x), lang, digits)
    return f"{text} %" if _lang(lang) == "id" else f"{text}%"


def score(x: object, lang: str, *, sign: bool = False, missing: str = MISSING) -> str:
    """A score on 0–100 (domain score, UKG) or a change of one, one decimal.

    Examples
    --------
    >>> score(85.14, "id"), score(85.14, "en"), score(6.25, "id", sign=True)
    ('85,1', '85.1', '+6,2')
    """
    return number(x, lang, 1, sign=sign, missing=missing)


def effect(x: object, lang: str, *, missing: str = MISSING) -> str:
    """An effect size (d_z, Hedges' g, η²), two decimals.

    Examples
    --------
    >>> effect(0.4567, "id"), effect(-0.4567, "en")
    ('0,46', '-0.46')
    """
    return number(x, lang, 2, missing=missing)


def p_value(p: object, lang: str, *, missing: str = MISSING) -> str:
    """A p-value: three decimals, "< 0,001" / "< 0.001" below a thousandth.

    Examples
    --------
    >>> p_value(0.0123, "id"), p_value(0.0123, "en"), p_value(1e-7, "id"), p_value(1e-7, "en")
    ('0,012', '0.012', '< 0,001', '< 0.001')
    >>> p_value(None, "en")
    '–'
    """
    if is_missing(p):
        return missing
    return f"< {number(0.001, lang, 3)}" if _real(p) < 0.001 else number(p, lang, 3)


def _as_date(d: object) -> _dt.date:
    if isinstance(d, pd.Timestamp):
        return d.date()
    if isinstance(d, _dt.datetime):
        return d.date()
    if isinstance(d, _dt.date):
        return d
    if isinstance(d, np.datetime64):
        return pd.Timestamp(d).date()
    raise TypeError(f"not a date: {d!r}")


def date(d: object, lang: str, style: str = "short", *, missing: str = MISSING) -> str:
    """A date: "03/12/2026" (``short``, day first in both languages), "3 Desember 2026" / "3 December 2026" (``long``), "Desember 2026" (``month``).

    Parameters
    ----------
    d : date, datetime or Timestamp
        Missing values (``None``, ``NaT``) give ``missing``.
    lang : {"id", "en"}
    style : {"short", "long", "month"}

    Raises
    ------
    TypeError
        If ``d`` is not a date.
    ValueError
        If ``style`` is unknown.

    Examples
    --------
    >>> date(_dt.date(2026, 12, 3), "id"), date(_dt.date(2026, 12, 3), "en")
    ('03/12/2026', '03/12/2026')
    >>> date(pd.Timestamp("2026-12-03"), "id", "long"), date(_dt.date(2026, 12, 3), "en", "long")
    ('3 Desember 2026', '3 December 2026')
    >>> date(_dt.date(2025, 1, 9), "id", "month"), date(pd.NaT, "id")
    ('Januari 2025', '–')
    """
    if is_missing(d):
        return missing
    day = _as_date(d)
    if style == "short":
        return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
    month = MONTHS[_lang(lang)][day.month - 1]
    if style == "long":
        return f"{day.day} {month} {day.year}"
    if style == "month":
        return f"{month} {day.year}"
    raise ValueError(f"unknown date style {style!r}")


_MONTH_NUMBER = (
    {name.lower(): i for names in MONTHS.values() for i, name in enumerate(names, start=1)}
    | {name.lower()[:3]: i for names in MONTHS.values() for i, name in enumerate(names, start=1)}
    | {"agt": 8, "ags": 8, "okt": 10, "des": 12, "mei": 5, "peb": 2, "nop": 11, "sept": 9}
)
#: The dates a pandas Timestamp holds (as :data:`analysis.ingest.validate.DATE_MIN` / ``DATE_MAX``).
_DATE_MIN, _DATE_MAX = _dt.date(1677, 9, 22), _dt.date(2262, 4, 11)
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_WORD_DATE = re.compile(r"^\s*(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})\s*$")


def parse_date(text: str) -> _dt.date | None:
    """Read a date typed by a user: "31/12/2024", "31-12-2024", "31.12.2024", "2024-12-31", "31 Desember 2024", "31 Dec 2024".

    Day first, never month first (03/04/2024 is 3 April 2024); month names in
    either language, in full or as their first three letters (Indonesian "Agt",
    "Des", "Okt" too).

    Returns
    -------
    date or None
        ``None`` for empty text.

    Raises
    ------
    ValueError
        If the text is not one of those forms, names no real day (31/02/2024)
        or lies outside 1677–2262 (what a pandas Timestamp holds).

    Examples
    --------
    >>> parse_date("03/04/2024"), parse_date("31 Desember 2024"), parse_date("2024-12-31")
    (datetime.date(2024, 4, 3), datetime.date(2024, 12, 31), datetime.date(2024, 12, 31))
    >>> parse_date("17 Agt 2025"), parse_date("  ") is None
    (datetime.date(2025, 8, 17), True)
    """
    if text is None or not str(text).strip():
        return None
    s = str(text)
    if m := _NUMERIC_DATE.match(s):
        d, mo, y = (int(g) for g in m.groups())
    elif m := _ISO_DATE.match(s):
        y, mo, d = (int(g) for g in m.groups())
    elif (m := _WORD_DATE.match(s)) and m.group(2).lower() in _MONTH_NUMBER:
        d, mo, y = int(m.group(1)), _MONTH_NUMBER[m.group(2).lower()], int(m.group(3))
    else:
        raise ValueError(f"not a date: {text!r}")
    day = _dt.date(y, mo, d)  # ValueError for 31/02
    if not _DATE_MIN <= day <= _DATE_MAX:
        raise ValueError(f"date outside {_DATE_MIN}–{_DATE_MAX}: {text!r}")
    return day


def value(v: object, kind: str, lang: str, *, missing: str = MISSING) -> str:
    """Any figure by its kind, as a user reads it: the one entry point of cards and tables.

    Parameters
    ----------
    v : object
    kind : str
        One of :data:`KINDS`: ``count`` (whole number), ``share`` (0–1, shown in
        percent), ``score`` (0–100, one decimal), ``number`` (one decimal),
        ``hours`` (JJM/JP: whole without decimals), ``p`` (p-value),
        ``effect`` (two decimals), ``date`` (dd/mm/yyyy) or ``text`` (as written).
    lang : {"id", "en"}
    missing : str
        Text of a missing value.

    Raises
    ------
    ValueError
        If ``kind`` is unknown.

    Examples
    --------
    >>> [value(x, k, "id") for x, k in ((1234, "count"), (0.637, "share"), (85.14, "score"), (6.0, "hours"), (0.04, "p"))]
    ['1.234', '63,7 %', '85,1', '6', '0,040']
    >>> value("<10", "count", "id"), value(None, "text", "en")
    ('<10', '–')
    """
    if is_missing(v):
        return missing
    if isinstance(v, str):  # a suppressed figure ("<10") or a word: as it is
        return v
    if kind == "count":
        return count(v, lang)
    if kind == "share":
        return share(v, lang)
    if kind in ("score", "number"):
        return number(v, lang, 1)
    if kind == "hours":
        return quantity(v, lang)
    if kind == "p":
        return p_value(v, lang)
    if kind == "effect":
        return effect(v, lang)
    if kind == "date":
        return date(v, lang)
    if kind == "text":
        return str(v)
    raise ValueError(f"unknown kind {kind!r}")


# ------------------------------------------------------------------ tables

#: Column-name patterns → kind, first match wins (see :func:`column_kind`).
_NAME_KINDS = (
    (re.compile(r"^(npsn|nuptk|nip|nisn|nik|kode|code|id|guru_id|submission_id|move_id|year|tahun|row|baris|no)$|_id$"), "text"),
    (re.compile(r"(^|_)(lintang|bujur|lat|lon|latitude|longitude)($|_)"), "coordinate"),
    (re.compile(r"^p($|_)|(^|_)p_(value|holm|unc|kruskal|welch|ttest|wilcoxon)$"), "p"),
    (re.compile(r"share|proporsi|_rate$"), "share"),
    (re.compile(r"(^|_)(jjm|jp|hours|jam|gap)($|_)"), "hours"),
    (re.compile(r"(^|_)(d_z|hedges|hedges_g|eta2|eta2_h|np2|cohen)($|_)"), "effect"),
)


def column_kind(name: object, values: Iterable[object] | pd.Series) -> str:
    """The kind of a table column, from its (source) name and its values, for :func:`value` and :func:`csv_value`.

    Dates are ``date``; text and booleans ``text``; among numbers, identifiers
    (``npsn``, ``*_id``), years and Excel row numbers ``text`` (never "2.024"), ``lintang``/``bujur`` ``coordinate``,
    ``p_*`` ``p``, a name with "share" whose values lie in 0–1 ``share``,
    JJM/JP/hours ``hours``, effect sizes ``effect``; other whole numbers
    ``count``, decimals all under 1 in size ``effect`` (two decimals), anything else ``number``.

    Parameters
    ----------
    name : str
        The column's name in the analysis table (before it is given a header).
    values : Series or iterable

    Returns
    -------
    str

    Examples
    --------
    >>> column_kind("share_out", [0.25, 0.5]), column_kind("jjm_out", [6.0, 1.5]), column_kind("teachers", [3.0, 4.0])
    ('share', 'hours', 'count')
    >>> column_kind("mean", [71.25]), column_kind("npsn", ["10603812"]), column_kind("p_holm", [0.01])
    ('number', 'text', 'p')
    """
    s = values if isinstance(values, pd.Series) else pd.Series(list(values))
    if pd.api.types.is_datetime64_any_dtype(s):
        return "date"
    if pd.api.types.is_bool_dtype(s):
        return "text"
    nums = pd.to_numeric(s[[not isinstance(v, str) for v in s]], errors="coerce") if s.dtype == object else s
    if s.dtype == object and (len(nums) == 0 or nums.isna().all() or len(nums) < 0.5 * len(s)):
        dates = [v for v in s if not is_missing(v)]
        return "date" if dates and all(isinstance(v, (_dt.date, pd.Timestamp)) for v in dates) else "text"
    if not pd.api.types.is_numeric_dtype(nums):
        return "text"
    key = str(name).lower()
    finite = nums[np.isfinite(pd.to_numeric(nums, errors="coerce").astype(float))]
    for pattern, kind in _NAME_KINDS:
        if pattern.search(key):
            if kind == "share" and len(finite) and not finite.between(0, 1).all():
                break  # a "share" already in percent: a plain number
            return kind
    if len(finite) and bool((finite.astype(float) % 1 == 0).all()):
        return "count"
    return "effect" if len(finite) and bool((finite.astype(float).abs() < 1).all()) else "number"


def cell(v: object, kind: str, lang: str, *, missing: str = MISSING) -> str:
    """One table cell as a page shows it: :func:`value`, coordinates with five decimals.

    Examples
    --------
    >>> cell(-5.12345678, "coordinate", "id"), cell(0.5, "share", "en")
    ('-5,12346', '50.0%')
    """
    if kind == "coordinate":
        return number(v, lang, 5, missing=missing) if not isinstance(v, str) else v
    return value(v, kind, lang, missing=missing)


def csv_value(v: object, kind: str) -> object:
    """A cell as a CSV download writes it: machine-readable, rounded, the same in both languages.

    Rule: dot decimals and no thousands separator; a missing value is an
    empty cell (never "None" or "nan"); whole numbers and whole JJM/JP are
    integers (never "6.0"); a share is written in percent with one decimal
    (its header gets " (%)", :func:`csv_header`); scores with one decimal,
    effect sizes two, p-values and other numbers three (p under a thousandth
    as the number to four significant digits), coordinates five;
    dates as ISO yyyy-mm-dd; text as it is.

    Examples
    --------
    >>> [csv_value(x, k) for x, k in ((0.6366666666666666, "share"), (6.0, "hours"), (85.14, "score"), (None, "count"))]
    [63.7, 6, 85.1, '']
    >>> csv_value(0.0000123456, "p"), csv_value(pd.Timestamp("2024-12-31"), "date"), csv_value("<10", "count")
    (1.235e-05, '2024-12-31', '<10')
    """
    if is_missing(v):
        return ""
    if isinstance(v, str):
        return v
    if kind == "date":
        return _as_date(v).isoformat()
    if kind == "text":
        return v.item() if hasattr(v, "item") else v
    try:
        f = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(v)
    digits = {"share": 1, "effect": 2, "p": 3, "number": 3, "coordinate": 5}.get(kind, 1)
    if kind == "share":
        f = 100 * f
    if kind == "p" and 0 < abs(f) < 0.001:
        return float(f"{f:.4g}")
    if kind == "count" or (f.is_integer() and kind != "share"):
        return round(f)
    r = round(f, digits) + 0.0
    return int(r) if r.is_integer() and kind != "share" else r


def csv_header(header: object, kind: str, lang: str) -> str:
    """A CSV column header: a share's header says its unit, "(%)".

    Examples
    --------
    >>> csv_header("Di luar bidang", "share", "id"), csv_header("Guru", "count", "id")
    ('Di luar bidang (%)', 'Guru')
    """
    text = str(header)
    return f"{text} (%)" if kind == "share" and not text.rstrip().endswith("%)") else text


#: openpyxl number format of each kind: Excel shows it with the reader's own separators.
XLSX_FORMATS = {
    "count": "#,##0",
    "share": "0.0%",
    "score": "0.0",
    "number": "#,##0.0",
    "hours": "General",
    "p": "0.000",
    "effect": "0.00",
    "coordinate": "0.00000",
    "date": "DD/MM/YYYY",
}


def plotly_separators(lang: str) -> str:
    """plotly's ``layout.separators`` for ``lang``: decimal comma and thousands dot in Bahasa Indonesia.

    Examples
    --------
    >>> plotly_separators("id"), plotly_separators("en")
    (',.', '.,')
    """
    return SEPARATORS[_lang(lang)]
