"""What a loaded file can say: which sheets it holds and which figures they support.

A Dapodik export gives teacher profiles but no trainings, ratings or ICT
self-ratings; a figure built on a sheet the file does not hold must say "no
data in this file", never draw zeros. This module decides that once, for every
page: :func:`coverage` looks at a dataset's tables and returns, per
requirement, whether the file holds it, and per figure (:data:`FIGURES`),
whether all its requirements are met and which template sheet would add the
rest (sheet names from :mod:`analysis.core.schema`).

Requirements are the schema tables plus four finer ones:

- ``tik``: the six ICT self-ratings (columns ``TIK …`` of the Guru sheet);
- ``pkg``: assessments of a competency profile (Sumber PKG, Supervisi, Mandiri);
- ``ukg``: UKG results (Sumber UKG);
- ``tanggal``: a reference date (from the data, Dapodik's Tanggal Unduh, or
  set by the user); the clock is never used.

``pelatihan`` counts as present when the file had a Pelatihan sheet, even an
empty one (then "no training" is a fact, not a gap): ``guru.pelatihan_recorded``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from analysis.core import schema
from analysis.i18n import t
from analysis.metrics.pkg import PROFILE_SOURCES

#: Figure key → the requirements it needs (all of them).
FIGURES: dict[str, tuple[str, ...]] = {
    "staff": ("guru",),
    "staff_age": ("guru", "tanggal"),
    "out_of_field": ("guru",),
    "competency": ("pkg",),
    "ukg": ("ukg",),
    "ict": ("tik",),
    "ict_by_age": ("tik", "tanggal"),
    "ict_needs": ("tik", "pelatihan", "tanggal"),
    "training": ("pelatihan", "tanggal"),
    "training_effects": ("pelatihan", "penilaian"),
    "kinerja": ("kinerja",),
    "kendala": ("kendala",),
}

#: Headline figure (card) → the figure whose requirements it shares.
METRIC_FIGURES: dict[str, str] = {
    "trained_last_12_months_share": "training",
    "ict_below_target_share": "ict",
    "domain_mean_pedagogik": "competency",
    "domain_mean_kepribadian": "competency",
    "domain_mean_sosial": "competency",
    "domain_mean_profesional": "competency",
}

#: Requirement → the template sheet that adds it (schema sheet names; ``None``: not a sheet).
SOURCES: dict[str, str | None] = {
    "sekolah": schema.SEKOLAH.name,
    "guru": schema.GURU.name,
    "mengajar": schema.MENGAJAR.name,
    "pelatihan": schema.PELATIHAN.name,
    "penilaian": schema.PENILAIAN.name,
    "pkg": schema.PENILAIAN.name,
    "ukg": schema.PENILAIAN.name,
    "kendala": schema.KENDALA.name,
    "kinerja": schema.KINERJA.name,
    "tik": schema.GURU.name,
    "tanggal": None,
}

#: ICT self-rating columns of the Guru sheet.
TIK_COLUMNS = tuple(c.key for c in schema.GURU.columns if c.key.startswith("tik_"))


@dataclass(frozen=True)
class Coverage:
    """What one dataset (or selection) can say.

    Attributes
    ----------
    present : dict of str to bool
        Requirement → whether the file holds it (keys of :data:`SOURCES`).
    table : DataFrame
        One row per figure of :data:`FIGURES`: ``figure``, ``requires``
        (tuple of requirements), ``sheets`` (tuple of template sheet names that
        would add the missing ones), ``supported`` (bool).
    """

    present: dict[str, bool]
    table: pd.DataFrame

    def supports(self, figure: str) -> bool:
        """Whether the file supports ``figure``.

        Raises
        ------
        KeyError
            If ``figure`` is not one of :data:`FIGURES`.
        """
        return all(self.present[r] for r in FIGURES[figure])

    def supports_metric(self, metric: str) -> bool:
        """Whether a headline figure can be shown (a metric not in :data:`METRIC_FIGURES` always can)."""
        fig = METRIC_FIGURES.get(metric)
        return True if fig is None else self.supports(fig)

    def missing(self, figure: str) -> tuple[str, ...]:
        """The requirements of ``figure`` the file lacks, in :data:`FIGURES` order."""
        return tuple(r for r in FIGURES[figure] if not self.present[r])


def present_in(tables: dict[str, pd.DataFrame], reference_date: date | None) -> dict[str, bool]:
    """Requirement → whether ``tables`` hold it.

    Parameters
    ----------
    tables : dict of str to DataFrame
        The tables of a :class:`analysis.core.dataset.Dataset` or of a selection.
    reference_date : datetime.date or None
        The reference date (:meth:`analysis.core.dataset.Dataset.reference_date`).

    Returns
    -------
    dict
        One bool per key of :data:`SOURCES`.
    """

    def rows(name: str) -> pd.DataFrame:
        df = tables.get(name)
        return df if df is not None else pd.DataFrame()

    guru, pen = rows("guru"), rows("penilaian")
    sumber = pen["sumber"].astype(str) if "sumber" in pen else pd.Series(dtype=str)
    recorded = bool(guru["pelatihan_recorded"].astype(bool).any()) if "pelatihan_recorded" in guru and len(guru) else False
    tik = any(c in guru and guru[c].notna().any() for c in TIK_COLUMNS)

    return {
        "sekolah": len(rows("sekolah")) > 0,
        "guru": len(guru) > 0,
        "mengajar": len(rows("mengajar")) > 0,
        "pelatihan": len(rows("pelatihan")) > 0 or recorded,
        "penilaian": len(pen) > 0,
        "pkg": bool(sumber.isin(list(PROFILE_SOURCES)).any()),
        "ukg": bool((sumber == "UKG").any()),
        "kendala": len(rows("kendala")) > 0,
        "kinerja": len(rows("kinerja")) > 0,
        "tik": bool(tik),
        "tanggal": reference_date is not None,
    }


def coverage(tables: dict[str, pd.DataFrame], reference_date: date | None) -> Coverage:
    """Which figures the tables support, and which template sheets would add the rest.

    Parameters
    ----------
    tables : dict of str to DataFrame
        ``Dataset.tables`` or ``Selection.tables``.
    reference_date : datetime.date or None
        ``None`` when the data holds no date and none was set.

    Returns
    -------
    Coverage
        ``table`` has one row per figure of :data:`FIGURES`, in its order.
    """
    present = present_in(tables, reference_date)
    rows = []
    for fig, needs in FIGURES.items():
        lacking = [r for r in needs if not present[r]]
        sheets = tuple(dict.fromkeys(SOURCES[r] for r in lacking if SOURCES[r]))
        rows.append({"figure": fig, "requires": needs, "sheets": sheets, "supported": not lacking})
    return Coverage(present, pd.DataFrame(rows, columns=["figure", "requires", "sheets", "supported"]))


def of_dataset(ds) -> Coverage:
    """:func:`coverage` of a whole :class:`analysis.core.dataset.Dataset`."""
    return coverage(ds.tables, ds.reference_date())


def no_data_key(cov: Coverage, figure: str) -> str | None:
    """The string key of the note a figure shows instead of its data; ``None`` when the file supports it.

    ``"coverage.no_date"`` when only the reference date is lacking (the user can
    set one), else ``"coverage.no_data"`` ("no data in this file").
    """
    lacking = cov.missing(figure)
    if not lacking:
        return None
    return "coverage.no_date" if lacking == ("tanggal",) else "coverage.no_data"


def box_text(cov: Coverage, figures: tuple[str, ...] | list[str], lang: str) -> str | None:
    """The one sentence a page shows about what the file supports, ``None`` when it supports all of ``figures``.

    Names the page's supported figures, the unsupported ones, and for each
    missing requirement the template sheet (or, for the date, the sidebar's
    *Tanggal acuan*) that would add it.

    Parameters
    ----------
    cov : Coverage
    figures : sequence of str
        The figures the page shows (keys of :data:`FIGURES`).
    lang : {"id", "en"}

    Raises
    ------
    KeyError
        If a figure is not one of :data:`FIGURES`.
    """

    missing = [f for f in figures if not cov.supports(f)]
    if not missing:
        return None
    supported = [f for f in figures if cov.supports(f)]
    no_sheet = not cov.present["penilaian"]  # then one note for the whole Penilaian sheet, not one per Sumber
    needs = list(dict.fromkeys("penilaian" if no_sheet and r in ("pkg", "ukg") else r for f in missing for r in cov.missing(f)))
    adds = []
    for r in needs:
        if r == "tanggal":
            adds.append(t("coverage.add.tanggal", lang))
        else:
            adds.append(t(f"coverage.add.{r}", lang, sheet=SOURCES[r]))
    name = lambda f: t(f"coverage.figure.{f}", lang)  # noqa: E731
    return t(
        "coverage.box",
        lang,
        supported=", ".join(name(f) for f in supported) or t("coverage.none", lang),
        missing=", ".join(name(f) for f in missing),
        adds="; ".join(adds),
    )
