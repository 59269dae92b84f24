"""The five field studies as data (``data/studies.yaml``) and their findings beside the loaded data.

Each study is coded with its site, jenjang, method, informants, competencies,
training forms, obstacles (in the categories of
:data:`analysis.schema.KATEGORI_KENDALA`, taken from the studies themselves),
remedies, outcomes, the findings that data can test and a citation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from analysis import schema

STUDIES_FILE = Path(__file__).resolve().parent.parent / "data" / "studies.yaml"
#: Figures a study finding can be set beside (keys of :func:`analysis.school.headline`).
TESTABLE_FIGURES: dict[str, str] = {
    "out_of_field_share": "out_of_field_share_headcount",
    "ict_below_target_share": "ict_below_target_share",
    "trained_last_12_months_share": "trained_last_12_months_share",
    "certified_share": "certified_share",
    "domain_mean_pedagogik": "domain_mean_pedagogik",
    "domain_mean_sosial": "domain_mean_sosial",
}
REQUIRED_KEYS = ("id", "site", "jenjang", "method", "informants", "competencies", "training_forms", "obstacles", "remedies", "outcomes", "testable", "citation")


class StudiesError(ValueError):
    """``studies.yaml`` breaks its format; the message names the study and the key."""


@dataclass(frozen=True)
class Study:
    """One coded study (fields as in ``studies.yaml``)."""

    id: str
    site: str
    jenjang: tuple[str, ...]
    location: str
    method: str
    informants: tuple[str, ...]
    size: str
    competencies: tuple[str, ...]
    training_forms: tuple[str, ...]
    obstacles: tuple[tuple[str, str], ...]
    remedies: tuple[str, ...]
    outcomes: tuple[str, ...]
    testable: tuple[tuple[str, str], ...]
    citation: str


def load_studies(path: Path | str = STUDIES_FILE) -> list[Study]:
    """Read and check the coded studies.

    Returns
    -------
    list of Study
        In file order.

    Raises
    ------
    StudiesError
        If a required key is missing, an obstacle category is not one of
        :data:`analysis.schema.KATEGORI_KENDALA`, a competency is not one of the
        four domains, or a testable figure is unknown.
    FileNotFoundError
        If the file is missing.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    out = []
    for i, s in enumerate(data.get("studies") or [], start=1):
        sid = s.get("id", f"#{i}")
        for k in REQUIRED_KEYS:
            if k not in s:
                raise StudiesError(f"study {sid}: missing key {k!r}")
        for o in s["obstacles"]:
            if o.get("category") not in schema.KATEGORI_KENDALA:
                raise StudiesError(f"study {sid}: obstacle category {o.get('category')!r} is not one of {schema.KATEGORI_KENDALA}")
        for c in s["competencies"]:
            if c not in schema.DOMAINS:
                raise StudiesError(f"study {sid}: competency {c!r} is not one of {schema.DOMAINS}")
        for f in s["testable"]:
            if f.get("figure") not in TESTABLE_FIGURES:
                raise StudiesError(f"study {sid}: testable figure {f.get('figure')!r} is unknown")
        out.append(
            Study(
                id=str(sid),
                site=str(s["site"]),
                jenjang=tuple(s["jenjang"]),
                location=str(s.get("location") or ""),
                method=str(s["method"]),
                informants=tuple(s["informants"]),
                size=str(s.get("size") or ""),
                competencies=tuple(s["competencies"]),
                training_forms=tuple(s["training_forms"]),
                obstacles=tuple((o["category"], str(o.get("text", ""))) for o in s["obstacles"]),
                remedies=tuple(s["remedies"]),
                outcomes=tuple(s["outcomes"]),
                testable=tuple((f["figure"], str(f["finding"])) for f in s["testable"]),
                citation=str(s["citation"]),
            )
        )
    return out


def obstacle_matrix(studies: list[Study]) -> pd.DataFrame:
    """Obstacle categories × studies.

    Returns
    -------
    DataFrame
        One row per category × study (all ten categories, every study):
        ``category``, ``study`` (site), ``reported`` (1 when the study reports
        an obstacle of that category, else 0), ``text`` (the study's words, "" when none).
    """
    rows = []
    for cat in schema.KATEGORI_KENDALA:
        for s in studies:
            texts = [txt for c, txt in s.obstacles if c == cat]
            rows.append({"category": cat, "study": s.site, "reported": int(bool(texts)), "text": " / ".join(texts)})
    return pd.DataFrame(rows, columns=["category", "study", "reported", "text"])


def findings_beside_data(studies: list[Study], figures: dict[str, float | int | None]) -> pd.DataFrame:
    """Each testable finding beside the figure computed from the loaded data.

    Parameters
    ----------
    studies : list of Study
    figures : dict
        Headline figures of the loaded data (:func:`analysis.school.headline`).

    Returns
    -------
    DataFrame
        One row per testable finding: ``study`` (site), ``figure`` (headline key),
        ``finding`` (the study's words), ``value`` (from the loaded data: share
        0–1 or score 0–100, NaN when the data cannot say).
    """
    rows = []
    for s in studies:
        for fig, finding in s.testable:
            key = TESTABLE_FIGURES[fig]
            v = figures.get(key)
            rows.append({"study": s.site, "figure": key, "finding": finding, "value": float("nan") if v is None else float(v)})
    return pd.DataFrame(rows, columns=["study", "figure", "finding", "value"])


def category_labels(lang: str) -> dict[str, str]:
    """Obstacle category (as written in the workbook and ``studies.yaml``) → its label in ``lang``."""
    from analysis.i18n import t

    return {cat: t(f"kendala.cat.{cat}", lang) for cat in schema.KATEGORI_KENDALA}


def kendala_matrix(kendala: pd.DataFrame, school_names: dict[str, str]) -> pd.DataFrame:
    """Obstacles recorded in the loaded ``Kendala`` sheet as categories × schools, shaped like :func:`obstacle_matrix`.

    Parameters
    ----------
    kendala : DataFrame
        The ``kendala`` table, one row per training event × obstacle (``npsn``,
        ``kategori``, ``nama_pelatihan``, ``keterangan``).
    school_names : dict
        NPSN → display name; schools without a name show their NPSN.

    Returns
    -------
    DataFrame
        One row per category × school that records at least one obstacle (all
        ten categories for each such school): ``category``, ``study`` (the
        school's name, so that :func:`analysis.charts.presence_matrix_figure`
        draws it like the studies' matrix), ``npsn``, ``reported`` (1/0),
        ``n`` (records) and ``text`` (the recorded descriptions). Empty when
        no obstacle is recorded.
    """
    cols = ["category", "study", "npsn", "reported", "n", "text"]
    k = kendala.dropna(subset=["kategori"]) if len(kendala) else kendala
    if not len(k):
        return pd.DataFrame(columns=cols)
    rows = []
    for npsn in dict.fromkeys(k["npsn"]):
        mine = k[k["npsn"] == npsn]
        for cat in schema.KATEGORI_KENDALA:
            hit = mine[mine["kategori"] == cat]
            notes = [str(x) for x in hit.get("keterangan", pd.Series(dtype=object)).dropna() if str(x).strip()]
            rows.append({"category": cat, "study": school_names.get(str(npsn), str(npsn)), "npsn": npsn, "reported": int(len(hit) > 0), "n": int(len(hit)), "text": " / ".join(notes)})
    return pd.DataFrame(rows, columns=cols)


def kendala_counts(kendala: pd.DataFrame) -> pd.DataFrame:
    """Obstacles recorded in the loaded ``Kendala`` sheet, per category (all ten, zeros kept).

    Returns
    -------
    DataFrame
        One row per category in the studies' order: ``category``, ``n`` (training
        event × obstacle rows), ``schools`` (distinct NPSN).
    """
    k = kendala.dropna(subset=["kategori"]) if len(kendala) else kendala
    n = k.groupby("kategori").size() if len(k) else pd.Series(dtype=int)
    schools = k.groupby("kategori")["npsn"].nunique() if len(k) else pd.Series(dtype=int)
    cats = list(schema.KATEGORI_KENDALA)
    return pd.DataFrame({"category": cats, "n": [int(n.get(c, 0)) for c in cats], "schools": [int(schools.get(c, 0)) for c in cats]})
