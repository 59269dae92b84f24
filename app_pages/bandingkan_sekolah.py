"""Bandingkan Sekolah: 2–6 schools side by side on shared axes, with tests across schools per domain.

Thin page: figures from :mod:`analysis.views.district`, tests from :mod:`analysis.views.compare` (pingouin).
"""

from __future__ import annotations

import streamlit as st

from analysis import charts
from analysis.core import schema
from analysis.i18n import t
from analysis.metrics import effects, ict, privacy
from analysis.views import compare, district, school
from ui import coverage, state, widgets

PAGE = "banding"
lang = state.get_lang()
ds = state.get_dataset()
widgets.page_header("page.bandingkan.title", lang, ds)
st.caption(t("banding.intro", lang, min=compare.MIN_TEACHERS))

names = widgets.school_names(ds)
chosen = widgets.url_multiselect(
    t("banding.schools", lang, lo=compare.MIN_SCHOOLS, hi=compare.MAX_SCHOOLS),
    list(names),
    "schools",
    state.key(PAGE, "schools"),
    lang,
    names,
    max_selections=compare.MAX_SCHOOLS,
)
if len(chosen) < compare.MIN_SCHOOLS:
    st.info(t("banding.pick", lang, lo=compare.MIN_SCHOOLS, hi=compare.MAX_SCHOOLS), icon=":material/info:")
    st.stop()

coverage.box(coverage.of(ds.tables, ds.reference_date()), ("staff", "out_of_field", "competency", "ict", "training"), lang)
suppress = state.suppresses_small_cells()
full = district.school_table(ds, chosen)
table = compare.school_table_for(full, suppress)
hidden = compare.small_schools(full, suppress)
if hidden:
    st.caption(t("privacy.banding.suppressed", lang, min=privacy.cell_threshold(), schools=", ".join(sorted(names.get(n, n) for n in hidden))))
widgets.banded_school_table(table, lang, state.key(PAGE, "table"))

scores = compare.domain_scores(ds, chosen)
widgets.figure(
    charts.grouped_domain_box_figure(compare.without_schools(compare.box_by_school(scores, chosen), hidden), "npsn", lang, names), state.key(PAGE, "box")
)
c1, c2 = st.columns(2)
with c1:
    oof = compare.without_schools(full, hidden).rename(columns={"npsn": "group", "out_of_field_share_headcount": "share"})
    widgets.figure(
        charts.count_bars(oof, "group", "share", lang, "oof.chart.by_school", "chart.axis.share_teachers", category_labels=names, percent=True),
        state.key(PAGE, "oof"),
    )
with c2:
    below = compare.without_schools(ict.below_by_group(school.select(ds, chosen).guru, "npsn", ict.DEFAULT_TARGET), hidden, "group")
    labels = {k: v[0 if lang == "id" else 1] for k, v in schema.ICT_SKILLS.items()}
    widgets.figure(
        charts.matrix_figure(
            below, "group", "skill", "share", lang, "tik.chart.by_group", row_labels=names, col_labels=labels, percent=True, target=ict.DEFAULT_TARGET
        ),
        state.key(PAGE, "ict"),
    )

st.header(t("banding.section.tests", lang))
st.caption(t("banding.tests.caption", lang))
omnibus, pairwise = compare.tests(scores)
shown = omnibus.assign(domain=[t(f"domain.{d}", lang) for d in omnibus["domain"]]).round(3)
shown = shown.assign(**{c: [effects.format_p(p, lang) for p in omnibus[c]] for c in ("p_kruskal", "p_welch")})
widgets.table(
    shown,
    lang,
    {
        "domain": "report.school.domain",
        "schools": "banding.col.schools",
        "n": "col.teachers",
        "H": "banding.col.H",
        "p_kruskal": "banding.col.p_kruskal",
        "eta2_h": "banding.col.eta2_h",
        "F": "banding.col.F",
        "p_welch": "banding.col.p_welch",
        "np2": "banding.col.np2",
        "small_groups": "banding.col.small",
    },
    key=state.key(PAGE, "tests"),
)
sizes = compare.group_sizes(scores)
small = sorted({names.get(n, n) for n in sizes.loc[sizes["small"], "npsn"]})
if small:
    st.warning(t("banding.small", lang, schools=", ".join(widgets.plain(s) for s in small), min=compare.MIN_TEACHERS), icon=":material/warning:")
if len(pairwise):
    st.subheader(t("banding.section.pairwise", lang))
    pw = pairwise.assign(domain=[t(f"domain.{d}", lang) for d in pairwise["domain"]], A=pairwise["A"].map(names), B=pairwise["B"].map(names)).round(3)
    pw = pw.assign(**{c: [effects.format_p(p, lang) for p in pairwise[c]] for c in ("p_unc", "p_holm")})
    widgets.table(
        pw,
        lang,
        {
            "domain": "report.school.domain",
            "A": "banding.col.A",
            "B": "banding.col.B",
            "U": "banding.col.U",
            "p_unc": "banding.col.p_unc",
            "p_holm": "banding.col.p_holm",
            "hedges": "col.hedges_g",
        },
        key=state.key(PAGE, "pairwise"),
    )

st.download_button(
    t("export.deid.download", lang),
    widgets.deidentified_export(ds, chosen, lang),
    file_name=f"{t('filename.deidentified', lang)}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key=state.key(PAGE, "deid"),
    help=t("export.deid.help", lang),
    icon=":material/shield_person:",
)
