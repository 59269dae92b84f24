"""Per-school figures for ``python -m analysis summary FILE --json`` (issue 2, deliverable 4).

Every figure comes from :mod:`analysis.views.school`, so the command line, the pages
and the reports agree.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any, TypedDict

from analysis.core import schema
from analysis.core.dataset import Dataset
from analysis.metrics import effects, ict
from analysis.views import school


def _num(v: object, ndigits: int = 4) -> float | None:
    if v is None:
        return None
    f = float(v)  # type: ignore[arg-type]
    return None if math.isnan(f) else round(f, ndigits)


def _p(v: object) -> float | None:
    """A p-value to three significant figures (never rounded to 0)."""
    f = _num(v, 300)
    return None if f is None else float(f"{f:.3g}")


def training_effects(res: effects.Effects) -> dict:
    """The ``training_effects`` entry of one school: per domain, all trainings together.

    Parameters
    ----------
    res : analysis.metrics.effects.Effects

    Returns
    -------
    dict
        Domain → ``n`` (pairs), ``n_teachers``, ``mean_change`` (points),
        ``ci_low``, ``ci_high`` (95 %), ``p_ttest``, ``p_holm`` (Holm over the
        four domains), ``p_wilcoxon``, ``wilcoxon_method`` (``"exact"`` or
        ``"normal"``: tie-corrected, no continuity correction), ``d_z``,
        ``hedges_g``, ``pre_ceiling_share``, ``post_ceiling_share`` (0–1 at
        100), ``ceiling`` (post scores mostly at 100: the effect size is not
        one) and ``did`` (``estimate``, ``ci_low``, ``ci_high``, ``p_value``,
        ``n_clusters`` G, ``df`` = G − 1, ``cluster``; ``null`` without a
        fitted model). Statistics are ``null`` under 10 pairs or 10 teachers.
    """
    did = res.did.set_index("domain") if len(res.did) else None
    out = {}
    for r in res.overall.itertuples():
        entry = {
            "n": int(r.n),
            "n_teachers": int(r.n_teachers),
            "mean_change": _num(r.mean_change, 2),
            **{k: _num(getattr(r, k)) for k in ("ci_low", "ci_high")},
            **{k: _p(getattr(r, k)) for k in ("p_ttest", "p_holm", "p_wilcoxon")},
            "wilcoxon_method": r.wilcoxon_method if isinstance(r.wilcoxon_method, str) else None,
            **{k: _num(getattr(r, k)) for k in ("d_z", "hedges_g", "pre_ceiling_share", "post_ceiling_share")},
            "ceiling": bool(r.ceiling),
            "did": None,
        }
        if did is not None and r.domain in did.index and not did.loc[r.domain, "too_few"]:
            d = did.loc[r.domain]
            entry["did"] = {
                "estimate": _num(d["did"]),
                "ci_low": _num(d["ci_low"]),
                "ci_high": _num(d["ci_high"]),
                "p_value": _p(d["p_value"]),
                "n_clusters": int(d["n_clusters"]),
                "df": int(d["df"]),
                "cluster": res.cluster,
            }
        out[r.domain] = entry
    return out


class SchoolSummary(TypedDict):
    """One school of :func:`summarize` (a JSON object: shares 0–1, scores 0–100, ``None`` where the data cannot say)."""

    npsn: str
    name: str | None
    teachers: int
    out_of_field_share_headcount: float | None
    out_of_field_share_jjm: float | None
    out_of_field_unknown: int
    below_s1: int
    out_of_field_inferred: int
    jjm_short: int
    jjm_gap_total: float | None
    jjm_not_counted_total: float | None
    bk_not_judged_by_jjm: int
    domain_mean: dict[str, float | None]
    ict_below_target_share: dict[str, float | None]
    trained_last_12_months_share: float | None
    out_of_field_by_subject: dict[str, dict[str, Any]]
    pkg_category_counts: dict[str, int]
    training_effects: dict[str, Any]


class Summary(TypedDict):
    """What :func:`summarize` returns: a JSON document (``summary --json`` prints it as it is)."""

    reference_date: str | None
    ict_target: int
    schools: list[SchoolSummary]


def summarize(ds: Dataset, reference_date: date | None = None, ict_target: int = ict.DEFAULT_TARGET) -> Summary:
    """Headline figures of every school.

    Parameters
    ----------
    ds : Dataset
    reference_date : datetime.date, optional
        Overrides the data's own reference date (the latest date in it).
    ict_target : int
        ICT level 1–4 counted as enough (default 3, mahir).

    Returns
    -------
    Summary
        A JSON-shaped :class:`Summary` (typed dict) ``{"reference_date": "YYYY-MM-DD" (``null`` when the data holds no date), "ict_target": int, "schools": [...]}``
        with one entry per school of the ``Sekolah`` table (and per NPSN found
        only in ``Guru``), in NPSN order: ``npsn``, ``name``, ``teachers``
        (pendidik), ``out_of_field_share_headcount`` and ``out_of_field_share_jjm``
        (0–1), ``out_of_field_unknown`` (teachers), ``domain_mean`` (domain →
        0–100, latest PKG/supervision/self assessment per teacher, UKG apart),
        ``ict_below_target_share`` (skill → 0–1), ``trained_last_12_months_share``
        (0–1); and (issue 3) ``out_of_field_by_subject`` (subject → ``teachers``,
        ``tidak_linier``, ``unknown``, ``share_out`` 0–1), ``pkg_category_counts``
        (all five categories → teachers) and ``training_effects``
        (:func:`training_effects`); and (issue "The rules of the field as they
        stand in 2026" §1) ``below_s1`` (pendidik below S1/D-IV, UU 14/2005 Pasal 9),
        ``out_of_field_inferred`` (teachers with a judgement resting on a
        reference row marked inferred), ``jjm_short`` (certified teachers whose
        counted hours, linier JJM plus tugas tambahan, are under 24),
        ``jjm_gap_total`` (JJM per week, the sum of their gaps),
        ``jjm_not_counted_total`` (their out-of-field hours, which do not count)
        and ``bk_not_judged_by_jjm`` (certified Guru BK, judged by pupils served).
        ``null`` wherever the data cannot say.
    """
    ref = ds.reference_date(reference_date)
    names = school.schools_in(ds)
    npsns = sorted(names)
    schools: list[SchoolSummary] = []
    for npsn in npsns:
        sel = school.select(ds, npsn, ref)
        head = school.headline(sel, ict_target=ict_target)
        below = ict.below_target(sel.guru, ict_target)
        name = names.get(npsn)
        oof = school.out_of_field_tables(sel)
        link = oof["jjm_totals"]
        schools.append(
            {
                "npsn": npsn,
                "name": None if name is None or name != name else str(name),
                "teachers": int(head["teachers"] or 0),
                "out_of_field_share_headcount": _num(head["out_of_field_share_headcount"]),
                "out_of_field_share_jjm": _num(head["out_of_field_share_jjm"]),
                "out_of_field_unknown": int(head["out_of_field_unknown"] or 0),
                "below_s1": int(len(oof["below_s1"])),
                "out_of_field_inferred": int(oof["totals"]["teachers_inferred"]),
                "jjm_short": int(link["jjm_short"]),
                "jjm_gap_total": _num(link["jjm_gap_total"], 2),
                "jjm_not_counted_total": _num(link["jjm_not_counted_total"], 2),
                "bk_not_judged_by_jjm": int(link["bk_not_judged"]),
                "domain_mean": {d: _num(head[f"domain_mean_{d}"], 2) for d in schema.DOMAINS},
                "ict_below_target_share": {str(r.skill): _num(r.share) for r in below.itertuples()},
                "trained_last_12_months_share": _num(head["trained_last_12_months_share"]),
                "out_of_field_by_subject": {
                    r.mata_pelajaran: {
                        "teachers": int(r.teachers),
                        "tidak_linier": int(r.tidak_linier),
                        "unknown": int(r.unknown),
                        "share_out": _num(r.share_out),
                    }
                    for r in oof["by_subject"].itertuples()
                },
                "pkg_category_counts": {r.kategori: int(r.n) for r in school.competency_tables(sel)["categories"].itertuples()},
                "training_effects": training_effects(school.effect_tables(sel)),
            }
        )
    return {"reference_date": ref.isoformat() if ref is not None else None, "ict_target": ict_target, "schools": schools}
