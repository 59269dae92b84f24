"""Where training goes next: the overview's schools ranked on one gap and on teachers not reached by training.

The rule (:func:`rank_schools`) is lexicographic, so it reads in one sentence
and needs no weights: schools in the red band (*kurang*) of the chosen
indicator come first, then the yellow (*sedang*); within a band, the school
with more teachers who had no training in the last 12 months comes first;
then the larger gap (the value further on the wrong side of the indicator's
*baik* cut-off, :mod:`analysis.reference.bands`); then the name. Schools in the green
band, or without a value, are not listed (they are counted). The bands are
Rapor Pendidikan's colours with the cut-offs of :data:`analysis.reference.bands.RULES`.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from analysis.core import formatting
from analysis.i18n import t
from analysis.metrics import participation, staff
from analysis.reference import bands
from analysis.views.school import HEADLINE

#: Indicators a user can rank on (columns of :func:`analysis.views.district.school_table`), in display order.
INDICATORS: tuple[str, ...] = (
    "out_of_field_share_headcount",
    "ict_below_target_share",
    "domain_mean_pedagogik",
    "domain_mean_kepribadian",
    "domain_mean_sosial",
    "domain_mean_profesional",
)
#: Bands listed, worst first.
LISTED_BANDS: tuple[str, ...] = ("kurang", "sedang")
RANK_COLUMNS = ["rank", "npsn", "nama_sekolah", "value", "band", "untrained", "teachers"]


def untrained_per_school(guru: pd.DataFrame, pelatihan: pd.DataFrame, reference_date: date, months: int = participation.DEFAULT_MONTHS) -> pd.DataFrame:
    """Teachers with no training in the window, per school.

    Parameters
    ----------
    guru : DataFrame
        One row per teacher or staff member (``guru_id``, ``npsn``, ``pendidik``;
        ``pelatihan_recorded`` when known).
    pelatihan : DataFrame
        One row per teacher × training.
    reference_date : datetime.date
        End of the window.
    months : int
        Length of the window (12).

    Returns
    -------
    DataFrame
        One row per school with pendidik: ``npsn``, ``untrained`` (count of
        pendidik without a training in the window, among those whose file
        recorded trainings; ``<NA>`` when none of the school's files did, e.g.
        a Dapodik-only upload: the data cannot say).
    """
    pt = participation.per_teacher(guru, pelatihan, reference_date, months)
    if "pelatihan_recorded" in guru:
        recorded = set(guru.loc[guru["pelatihan_recorded"].fillna(False).astype(bool).to_numpy(), "guru_id"])
        pt = pt.assign(recorded=pt["guru_id"].isin(recorded))
    else:
        pt = pt.assign(recorded=True)
    schools = staff.pendidik(guru)["npsn"].drop_duplicates().astype(str)
    known = pt[pt["recorded"]]
    counts = (~known["trained"]).groupby(known["npsn"].astype(str)).sum()
    out = pd.DataFrame({"npsn": schools.to_numpy()})
    out["untrained"] = pd.array([int(counts[n]) if n in counts.index else pd.NA for n in out["npsn"]], dtype="Int64")
    return out


def rank_schools(table: pd.DataFrame, untrained: pd.DataFrame, indicator: str, limit: int | None = None) -> pd.DataFrame:
    """The schools where training should go next on one indicator, best candidate first.

    Rule: only schools in the *kurang* or *sedang* band of ``indicator``
    (:func:`analysis.reference.bands.band`); *kurang* before *sedang*; within a band, more
    teachers with no training in the last 12 months first (an unknown count
    last); then the larger gap (a higher problem share, or a lower domain mean);
    then the school's name.

    Parameters
    ----------
    table : DataFrame
        :func:`analysis.views.district.school_table`: one row per school with
        ``npsn``, ``nama_sekolah``, ``teachers`` and ``indicator``.
    untrained : DataFrame
        :func:`untrained_per_school`: ``npsn``, ``untrained``.
    indicator : str
        One of :data:`INDICATORS` (a share 0–1 of a problem, or a domain mean 0–100).
    limit : int, optional
        Keep the first ``limit`` rows.

    Returns
    -------
    DataFrame
        One row per listed school: ``rank`` (1 = first), ``npsn``,
        ``nama_sekolah``, ``value`` (the indicator), ``band``, ``untrained``
        (count or ``<NA>``), ``teachers``. ``attrs["not_listed"]`` gives the
        counts of schools left out: ``{"baik": n, "none": n}``; ``attrs["listed"]``
        the schools listed before ``limit``.

    Raises
    ------
    KeyError
        If ``indicator`` is not one of :data:`INDICATORS`.
    """
    if indicator not in INDICATORS:
        raise KeyError(indicator)
    rule = bands.RULES[indicator]
    vals = pd.to_numeric(table[indicator], errors="coerce")
    band = [bands.band(indicator, None if pd.isna(v) else float(v)) for v in vals]
    df = pd.DataFrame(
        {
            "npsn": table["npsn"].astype(str).to_numpy(),
            "nama_sekolah": table["nama_sekolah"].to_numpy(),
            "value": vals.to_numpy(),
            "band": band,
            "teachers": table["teachers"].to_numpy(),
        }
    )
    counts = dict(zip(untrained["npsn"].astype(str), untrained["untrained"]))
    df["untrained"] = pd.array([counts.get(n, pd.NA) for n in df["npsn"]], dtype="Int64")
    not_listed = {"baik": int((df["band"] == "baik").sum()), "none": int((df["band"] == "none").sum())}
    df = df[df["band"].isin(LISTED_BANDS)].copy()
    df["_band"] = df["band"].map({b: i for i, b in enumerate(LISTED_BANDS)})
    df["_unknown"] = df["untrained"].isna()
    df["_untrained"] = df["untrained"].fillna(0).astype(int)
    df["_gap"] = df["value"] if not rule.higher_is_better else -df["value"]
    df = df.sort_values(["_band", "_unknown", "_untrained", "_gap", "nama_sekolah"], ascending=[True, True, False, False, True], kind="mergesort")
    out = df.reset_index(drop=True)
    out.insert(0, "rank", range(1, len(out) + 1))
    out = out[RANK_COLUMNS]
    listed = len(out)
    if limit is not None:
        out = out.head(limit)
    out.attrs.update(not_listed=not_listed, listed=listed)
    return out


def indicator_bars(table: pd.DataFrame, indicator: str, limit: int = 25) -> pd.DataFrame:
    """The schools on one indicator, worst first, for a bar chart (one bar per school).

    Parameters
    ----------
    table : DataFrame
        :func:`analysis.views.district.school_table`.
    indicator : str
        One of :data:`INDICATORS`.
    limit : int
        Most bars drawn; the rest are counted in ``attrs["left_out"]``.

    Returns
    -------
    DataFrame
        Up to ``limit`` rows, worst value first (highest problem share, lowest
        domain mean), schools without a value left out: ``npsn``,
        ``nama_sekolah``, ``value``, ``band``. ``attrs``: ``left_out`` (schools
        with a value not drawn), ``no_value`` (schools without one), ``total``.

    Raises
    ------
    KeyError
        If ``indicator`` is not one of :data:`INDICATORS`.
    """
    if indicator not in INDICATORS:
        raise KeyError(indicator)
    vals = pd.to_numeric(table[indicator], errors="coerce")
    df = pd.DataFrame({"npsn": table["npsn"].astype(str).to_numpy(), "nama_sekolah": table["nama_sekolah"].to_numpy(), "value": vals.to_numpy()})
    no_value = int(df["value"].isna().sum())
    df = df.dropna(subset=["value"])
    df = df.sort_values(["value", "nama_sekolah"], ascending=[bands.RULES[indicator].higher_is_better, True], kind="mergesort")
    df["band"] = [bands.band(indicator, float(v)) for v in df["value"]]
    out = df.head(limit).reset_index(drop=True)
    out.attrs.update(left_out=len(df) - len(out), no_value=no_value, total=len(table))
    return out


def indicator_label(indicator: str, lang: str, ict_target: int = 3) -> str:
    """The indicator's name in ``lang`` (the overview card's label)."""

    return t({k: label for k, label, _ in HEADLINE}[indicator], lang, target=ict_target)


def format_value(value: float, indicator: str, lang: str) -> str:
    """One indicator value as text (:mod:`analysis.core.formatting`): a share in percent ("77 %" / "77%"), a domain mean with one decimal ("75,0" / "75.0"), "–" when missing."""
    if indicator.startswith("domain_mean_"):
        return formatting.score(value, lang)
    return formatting.share(value, lang, 0)


def display_table(ranked: pd.DataFrame, indicator: str, lang: str) -> pd.DataFrame:
    """:func:`rank_schools` as the overview shows it: value and band as text in ``lang``, an unknown count as "–".

    Returns
    -------
    DataFrame
        Same rows: ``rank``, ``nama_sekolah``, ``npsn``, ``value`` (text),
        ``band`` (label), ``untrained`` (text), ``teachers``.
    """

    return pd.DataFrame(
        {
            "rank": ranked["rank"].to_numpy(),
            "nama_sekolah": ranked["nama_sekolah"].to_numpy(),
            "npsn": ranked["npsn"].to_numpy(),
            "value": [format_value(v, indicator, lang) for v in ranked["value"]],
            "band": [t(f"ringkasan.band.{b}", lang) for b in ranked["band"]],
            "untrained": ["–" if pd.isna(u) else str(int(u)) for u in ranked["untrained"]],
            "teachers": [int(n) if pd.notna(n) else None for n in ranked["teachers"]],
        }
    )


#: Rows of the ranked list the overview shows (the download of the list holds these; the full ranking is :func:`rank_schools`).
LIST_LIMIT = 10
#: Bars of the overview's indicator chart.
CHART_LIMIT = 25


def explain_bands(lang: str, ict_target: int = 3) -> pd.DataFrame:
    """The colour bands in words, for the overview's note: one row per figure with a rule.

    Parameters
    ----------
    lang : {"id", "en"}
    ict_target : int
        ICT level 1–4 named in the ICT figure's label.

    Returns
    -------
    DataFrame
        One row per figure of :data:`analysis.reference.bands.RULES` shown on the overview: ``figure``
        (label in ``lang``), ``baik``, ``sedang``, ``kurang`` (the range of each
        band: shares in percent, means on 0–100) and ``source`` (the rule the
        cut-offs come from: Pedoman PK Guru's categories for the domain means,
        an inferred default for the shares).
    """
    labels = {k: label for k, label, _ in HEADLINE}
    rows = []
    for figure, rule in bands.RULES.items():
        if figure not in labels or figure == "out_of_field_share_jjm":
            continue
        mean = figure.startswith("domain_mean_")

        def v(x: float, mean: bool = mean) -> str:
            return formatting.number(x, lang, 0) if mean else formatting.share(x, lang, 0)

        if mean:
            good, fair, bad = f"> {v(rule.good)}", f"> {v(rule.fair)} – {v(rule.good)}", f"≤ {v(rule.fair)}"
        elif rule.higher_is_better:
            good, fair, bad = f"≥ {v(rule.good)}", f"{v(rule.fair)} – < {v(rule.good)}", f"< {v(rule.fair)}"
        else:
            good, fair, bad = f"≤ {v(rule.good)}", f"> {v(rule.good)} – {v(rule.fair)}", f"> {v(rule.fair)}"
        rows.append(
            {
                "figure": t(labels[figure], lang, target=ict_target),
                "baik": good,
                "sedang": fair,
                "kurang": bad,
                "source": t("bands.source.pkg" if mean else "bands.source.inferred", lang),
            }
        )
    return pd.DataFrame(rows, columns=["figure", "baik", "sedang", "kurang", "source"])
