"""Colour bands for the overview's figures, in the manner of Rapor Pendidikan.

Rapor Pendidikan (the ministry's school report card) colours each indicator
green (*baik*), yellow (*sedang*) or red (*kurang*). It publishes no
thresholds for the figures this dashboard shows, so the cut-offs below are
inferred defaults (each marked inferred where no source fixes it): the domain
means use the PKG categories (> 75 Baik, > 60 Cukup; Pedoman PK Guru, table
12); the shares use round numbers a district office can read at a glance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

#: Band keys, best first.
BANDS: tuple[str, ...] = ("baik", "sedang", "kurang")
#: Colour of each band and of a figure without data.
BAND_COLOURS: dict[str, str] = {"baik": "#2a9d8f", "sedang": "#e9c46a", "kurang": "#e76f51", "none": "#d9d9d9"}


@dataclass(frozen=True)
class Rule:
    """Cut-offs of one figure.

    Attributes
    ----------
    good : float
        At or beyond this value the figure is *baik*.
    fair : float
        At or beyond this value (and short of ``good``) it is *sedang*; else *kurang*.
    higher_is_better : bool
        ``False`` for shares of a problem (out of field, below the ICT target).
    """

    good: float
    fair: float
    higher_is_better: bool = True


#: Figure key → rule. Shares are 0–1, domain means 0–100.
RULES: dict[str, Rule] = {
    "certified_share": Rule(0.80, 0.50),
    "out_of_field_share_headcount": Rule(0.10, 0.25, higher_is_better=False),
    "out_of_field_share_jjm": Rule(0.10, 0.25, higher_is_better=False),
    "ict_below_target_share": Rule(0.25, 0.50, higher_is_better=False),
    "trained_last_12_months_share": Rule(0.80, 0.50),
    **{f"domain_mean_{d}": Rule(75.0, 60.0) for d in ("pedagogik", "kepribadian", "sosial", "profesional")},
}


def band(figure: str, value: float | None) -> str:
    """The band of one value.

    Parameters
    ----------
    figure : str
        A key of :data:`RULES`.
    value : float or None
        The figure (share 0–1 or score 0–100); ``None``/NaN has no band.

    Returns
    -------
    str
        ``"baik"``, ``"sedang"``, ``"kurang"``, or ``"none"`` when there is no value.
        A domain mean must exceed 75 to be *baik* (the PKG "Baik" category
        starts above 75); shares are compared inclusively.

    Raises
    ------
    KeyError
        If ``figure`` has no rule.
    """
    rule = RULES[figure]
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "none"
    if figure.startswith("domain_mean_"):
        return "baik" if value > rule.good else ("sedang" if value > rule.fair else "kurang")
    if rule.higher_is_better:
        return "baik" if value >= rule.good else ("sedang" if value >= rule.fair else "kurang")
    return "baik" if value <= rule.good else ("sedang" if value <= rule.fair else "kurang")


def explain(lang: str, ict_target: int = 3) -> pd.DataFrame:
    """The colour bands in words, for the overview's note: one row per figure with a rule.

    Parameters
    ----------
    lang : {"id", "en"}
    ict_target : int
        ICT level 1–4 named in the ICT figure's label.

    Returns
    -------
    DataFrame
        One row per figure of :data:`RULES` shown on the overview: ``figure``
        (label in ``lang``), ``baik``, ``sedang``, ``kurang`` (the range of each
        band: shares in percent, means on 0–100) and ``source`` (the rule the
        cut-offs come from: Pedoman PK Guru's categories for the domain means,
        an inferred default for the shares).
    """
    from analysis.i18n import t
    from analysis.school_report import HEADLINE

    labels = {k: label for k, label, _ in HEADLINE}
    rows = []
    for figure, rule in RULES.items():
        if figure not in labels or figure == "out_of_field_share_jjm":
            continue
        mean = figure.startswith("domain_mean_")

        def v(x: float) -> str:
            text = f"{x:.0f}" if mean else f"{100 * x:.0f}%"
            return text

        if mean:
            good, fair, bad = f"> {v(rule.good)}", f"> {v(rule.fair)} – {v(rule.good)}", f"≤ {v(rule.fair)}"
        elif rule.higher_is_better:
            good, fair, bad = f"≥ {v(rule.good)}", f"{v(rule.fair)} – < {v(rule.good)}", f"< {v(rule.fair)}"
        else:
            good, fair, bad = f"≤ {v(rule.good)}", f"> {v(rule.good)} – {v(rule.fair)}", f"> {v(rule.fair)}"
        rows.append({"figure": t(labels[figure], lang, target=ict_target), "baik": good, "sedang": fair, "kurang": bad, "source": t("bands.source.pkg" if mean else "bands.source.inferred", lang)})
    return pd.DataFrame(rows, columns=["figure", "baik", "sedang", "kurang", "source"])
