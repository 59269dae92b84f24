"""The five field studies as data (``data/studies.yaml``) and their findings beside the loaded data.

Each study is coded with its site, jenjang, method, informants, competencies,
training forms, obstacles (in the categories of
:data:`analysis.core.schema.KATEGORI_KENDALA`, taken from the studies themselves),
remedies, outcomes, the findings that data can test and a citation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from analysis.core import formatting as fmt, paths, schema
from analysis.core.errors import StudiesError
from analysis.i18n import t
from analysis.metrics import effects, ict, pkg, staff
from analysis.views import school

STUDIES_FILE = paths.DATA_DIR / "studies.yaml"
#: Kinds of figure a finding can be set beside: a share (0–1), a level (0–100
#: domain score), or a change (mean pre→post change of trained teachers, 0–100
#: points, :mod:`analysis.metrics.effects`). A finding about change sits beside a change.
SHARE, SCORE, CHANGE = "share", "score", "change"
#: Figures a study finding can be set beside → their kind.
TESTABLE_FIGURES: dict[str, str] = {
    "out_of_field_share": SHARE,
    "ict_below_target_share": SHARE,
    "ict_laptop_below_target_share": SHARE,
    "trained_last_12_months_share": SHARE,
    "certified_share": SHARE,
    **{f"domain_mean_{d}": SCORE for d in schema.DOMAINS},
    **{f"change_{d}": CHANGE for d in schema.DOMAINS},
}
#: How a study's data was matched: its own site's schools (by NPSN), the loaded
#: schools of its jenjang, or nothing loaded that matches.
MATCH_SITE, MATCH_JENJANG, MATCH_NONE = "site", "jenjang", "none"
REQUIRED_KEYS = ("id", "site", "jenjang", "method", "informants", "competencies", "training_forms", "obstacles", "remedies", "outcomes", "testable", "citation")
LANGS = ("id", "en")


@dataclass(frozen=True)
class Study:
    """One coded study (fields as in ``studies.yaml``).

    ``testable`` holds (figure, finding) pairs, the finding as ``{"id": ..., "en": ...}``;
    ``npsn`` the schools of the study's own site (the bundled sample's NPSN);
    ``pesantren`` whether its schools are pesantren-based.
    """

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
    testable: tuple[tuple[str, dict[str, str]], ...]
    citation: str
    npsn: tuple[str, ...] = ()
    pesantren: bool = False


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
        :data:`analysis.core.schema.KATEGORI_KENDALA`, a competency is not one of the
        four domains, a testable figure is unknown or a finding lacks one of
        the two languages.
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
            finding = f.get("finding")
            if not isinstance(finding, dict) or any(not str(finding.get(lang) or "").strip() for lang in LANGS):
                raise StudiesError(f"study {sid}: the finding beside {f.get('figure')!r} needs its text in both languages ({', '.join(LANGS)})")
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
                testable=tuple((f["figure"], {lang: str(f["finding"][lang]) for lang in LANGS}) for f in s["testable"]),
                citation=str(s["citation"]),
                npsn=tuple(str(n) for n in s.get("npsn") or ()),
                pesantren=bool(s.get("berbasis_pesantren", False)),
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


def _is_pesantren(v: object) -> bool:
    return v is True or (isinstance(v, str) and v.strip().lower() in ("ya", "yes", "true", "1"))


def comparison_schools(study: Study, sekolah: pd.DataFrame) -> tuple[str, list[str]]:
    """Which of the loaded schools a study's findings are compared with.

    The study's own site when its schools (``npsn`` in ``studies.yaml``, the
    bundled sample's) are loaded; otherwise the loaded schools of the study's
    jenjang (MI findings beside MI schools, SMP beside SMP, MTs beside MTs),
    and of those the pesantren-based ones for a study of pesantren-based
    schools when there are any.

    Parameters
    ----------
    study : Study
    sekolah : DataFrame
        One row per loaded school (``npsn``, ``jenjang``, ``berbasis_pesantren``).

    Returns
    -------
    (str, list of str)
        :data:`MATCH_SITE`, :data:`MATCH_JENJANG` or :data:`MATCH_NONE`, and
        the matched NPSNs in the table's order (empty for :data:`MATCH_NONE`).
    """
    npsn = [str(n) for n in sekolah["npsn"] if isinstance(n, str) and n]
    own = [n for n in npsn if n in set(study.npsn)]
    if own:
        return MATCH_SITE, list(dict.fromkeys(own))
    jenjang = sekolah["jenjang"].astype(str).str.strip().str.upper().to_numpy()
    wanted = {j.upper() for j in study.jenjang}
    same = sekolah.loc[np.array([j in wanted for j in jenjang], dtype=bool)]  # a boolean mask, also when the table is empty
    if study.pesantren and "berbasis_pesantren" in same:
        pes = same.loc[np.array([_is_pesantren(v) for v in same["berbasis_pesantren"]], dtype=bool)]
        same = pes if len(pes) else same
    found = list(dict.fromkeys(str(n) for n in same["npsn"] if isinstance(n, str) and n))
    return (MATCH_JENJANG, found) if found else (MATCH_NONE, [])


def _figures(sel, ict_target: int) -> dict[str, object]:
    """Every figure of :data:`TESTABLE_FIGURES` for one selection; a change as its effect-table row."""

    head = school.headline(sel, ict_target)
    out: dict[str, object] = {
        k: head.get(k) for k in ("out_of_field_share_headcount", "ict_below_target_share", "trained_last_12_months_share", "certified_share", "teachers")
    }
    out["out_of_field_share"] = out.pop("out_of_field_share_headcount")
    for d in schema.DOMAINS:
        out[f"domain_mean_{d}"] = head.get(f"domain_mean_{d}")
    below = ict.below_target(sel.guru, ict_target).set_index("skill")["share"]
    laptop = below.get("tik_laptop")
    out["ict_laptop_below_target_share"] = None if laptop is None or pd.isna(laptop) else float(laptop)
    ids = set(staff.pendidik(sel.guru)["guru_id"])
    pen = sel.tables["penilaian"][sel.tables["penilaian"]["guru_id"].isin(ids).to_numpy()]
    pel = sel.tables["pelatihan"][sel.tables["pelatihan"]["guru_id"].isin(ids).to_numpy()]
    overall = effects.effect_table(effects.pairs(pkg.assessment_scores(pen), pel)).set_index("domain")
    for d in schema.DOMAINS:
        out[f"change_{d}"] = overall.loc[d].to_dict() if d in overall.index else None
    return out


def format_figure(kind: str, value: object, lang: str) -> str:
    """A figure as the findings table shows it: a share in percent, a score with one
    decimal, a change as "+6,2 poin (IK 95 % 3,1 s.d. 9,3; 29 guru)"; "–" when the data cannot say.

    ``value`` is a float for a share or a score, an effect-table row (dict with
    ``mean_change``, ``ci_low``, ``ci_high``, ``n_teachers``) for a change.
    """

    if fmt.is_missing(value):
        return fmt.MISSING
    if kind == SHARE:
        return fmt.share(value, lang)
    if kind == SCORE:
        return fmt.score(value, lang)
    row = dict(value)
    n = fmt.count(row["n_teachers"], lang)
    change = fmt.score(row["mean_change"], lang, sign=True)
    if fmt.is_missing(row.get("ci_low")):
        return t("temuan.change.untested", lang, change=change, n=n)
    return t("temuan.change.value", lang, change=change, low=fmt.score(row["ci_low"], lang), high=fmt.score(row["ci_high"], lang), n=n)


def findings_beside_data(studies: list[Study], ds, lang: str, npsn: str | list[str] | None = None, ict_target: int = 3) -> pd.DataFrame:
    """Each testable finding beside the matching figure of the loaded data.

    Each study is compared with the data :func:`comparison_schools` matches
    among the schools in scope; a finding about change sits beside the mean
    pre→post change of that domain (:func:`analysis.metrics.effects.effect_table`),
    a finding about a level or a share beside that level or share.

    Parameters
    ----------
    studies : list of Study
    ds : Dataset
    lang : {"id", "en"}
        Language of the finding and of the labels.
    npsn : str or list of str, optional
        The schools in scope (``None``: every loaded school).
    ict_target : int
        ICT level 1–4 counted as enough.

    Returns
    -------
    DataFrame
        One row per testable finding: ``study`` (site), ``finding`` (in
        ``lang``), ``figure`` (key of :data:`TESTABLE_FIGURES`), ``figure_label``,
        ``kind`` (share / score / change), ``match`` (site / jenjang / none),
        ``npsn`` (matched schools, "; "-joined), ``compared_with`` (which data, with
        its teachers; "no matching data loaded" when none), ``teachers``
        (pendidik of the matched schools), ``value`` (share 0–1, score 0–100 or
        mean change in points; NaN when the data cannot say), ``n_teachers``
        (teachers with a pre/post pair, for a change), ``ci_low``, ``ci_high``
        (95 % CI of a change) and ``value_text`` (formatted as the page shows it).
    """

    scope = school.select(ds, npsn)
    names = {
        str(n): (str(m) if isinstance(m, str) and m.strip() else str(n))
        for n, m in zip(scope.tables["sekolah"]["npsn"], scope.tables["sekolah"]["nama_sekolah"])
    }
    cache: dict[tuple[str, ...], dict] = {}
    rows = []
    for s in studies:
        match, found = comparison_schools(s, scope.tables["sekolah"])
        key = tuple(found)
        if found and key not in cache:
            cache[key] = _figures(school.select(ds, found), ict_target)
        figs = cache.get(key, {})
        teachers = int(figs["teachers"]) if figs.get("teachers") is not None else 0
        if match == MATCH_NONE:
            compared = t("temuan.match.none", lang)
        elif match == MATCH_SITE:
            compared = t("temuan.match.site", lang, schools=", ".join(names[n] for n in found), n=teachers)
        else:
            compared = t("temuan.match.jenjang", lang, jenjang="/".join(s.jenjang), schools=len(found), n=teachers)
        for fig, finding in s.testable:
            kind = TESTABLE_FIGURES[fig]
            v = figs.get(fig)
            if kind == CHANGE:
                value = float(v["mean_change"]) if v else float("nan")
                n_t, lo, hi = (int(v["n_teachers"]), float(v["ci_low"]), float(v["ci_high"])) if v else (0, float("nan"), float("nan"))
            else:
                value = float("nan") if v is None else float(v)
                n_t, lo, hi = teachers, float("nan"), float("nan")
            rows.append(
                {
                    "study": s.site,
                    "finding": finding.get(lang) or finding["id"],
                    "figure": fig,
                    "figure_label": t(f"temuan.figure.{fig}", lang, target=ict_target),
                    "kind": kind,
                    "match": match,
                    "npsn": "; ".join(found),
                    "compared_with": compared,
                    "teachers": teachers,
                    "value": value,
                    "n_teachers": n_t,
                    "ci_low": lo,
                    "ci_high": hi,
                    "value_text": format_figure(kind, v, lang),
                }
            )
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


FINDING_COLUMNS = [
    "study",
    "finding",
    "figure",
    "figure_label",
    "kind",
    "match",
    "npsn",
    "compared_with",
    "teachers",
    "value",
    "n_teachers",
    "ci_low",
    "ci_high",
    "value_text",
]


def category_labels(lang: str) -> dict[str, str]:
    """Obstacle category (as written in the workbook and ``studies.yaml``) → its label in ``lang``."""

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
            rows.append(
                {
                    "category": cat,
                    "study": school_names.get(str(npsn), str(npsn)),
                    "npsn": npsn,
                    "reported": int(len(hit) > 0),
                    "n": int(len(hit)),
                    "text": " / ".join(notes),
                }
            )
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
