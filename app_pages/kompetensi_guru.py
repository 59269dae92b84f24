"""Kompetensi Guru: four-domain scores (PKG 2009–2022, supervision, self-assessment), PKG categories, PMM predikat kinerja, UKG against 2015.

Thin page: scores and categories come from :mod:`analysis.metrics.pkg` through :mod:`analysis.views.school`.
"""

from __future__ import annotations

import streamlit as st

from analysis import charts
from analysis.core import schema
from analysis.i18n import t
from analysis.metrics import pkg
from analysis.views import school
from ui import cache, coverage, kinerja_section, state, widgets

PAGE = "komp"
lang = state.get_lang()
ds = state.get_dataset()
widgets.page_header("page.kompetensi.title", lang, ds)
st.caption(t("komp.intro", lang))
st.caption(t("pkg.legacy.caption", lang))

npsn = widgets.school_scope(ds, lang, state.key(PAGE, "scope"))
sel = cache.select(ds, npsn)
years = school.assessment_years(sel)
period = st.selectbox(
    t("komp.period", lang),
    [None, *years],
    format_func=lambda y: t("komp.period.latest", lang) if y is None else str(y),
    key=state.key(PAGE, "period"),
    help=t("komp.period.help", lang),
)
comp = cache.get(ds, "school.competency_tables", (npsn, period), lambda: school.competency_tables(sel, period), shared=True)
cov = coverage.of(sel.tables, sel.reference_date)
coverage.box(cov, ("competency", "kinerja", "ukg"), lang)

if not cov.supports("competency"):
    coverage.figure(cov, "competency", lambda: None, state.key(PAGE, "box"), lang, "chart.domain.title")
elif comp["latest"].empty:
    st.info(t("komp.none", lang), icon=":material/info:")
else:
    means = pkg.domain_means(comp["latest"])
    cols = st.columns(5)
    cols[0].metric(t("komp.metric.assessed", lang), widgets.format_value(len(comp["latest"]), "count", lang))
    for col, d in zip(cols[1:], schema.DOMAINS):
        col.metric(t(f"metric.domain_mean_{d}", lang), widgets.format_value(means[d], "score", lang), help=t(f"metric.domain_mean_{d}.help", lang))
    c1, c2 = st.columns([3, 2])
    with c1:
        widgets.figure(charts.domain_scores_figure(comp["box"], lang), state.key(PAGE, "box"))
    with c2:
        widgets.figure(charts.pkg_category_figure(comp["categories"], lang), state.key(PAGE, "categories"))
    st.caption(t("komp.category.caption", lang))
    if npsn is None and comp["by_school"]["npsn"].nunique() > 1:
        st.header(t("komp.section.schools", lang))
        labels = {d: t(f"domain.{d}", lang) for d in schema.DOMAINS}
        widgets.figure(
            charts.matrix_figure(
                comp["by_school"],
                "npsn",
                "domain",
                "mean",
                lang,
                "komp.chart.by_school",
                row_labels=widgets.school_names(ds),
                col_labels=labels,
                zrange=(50.0, 100.0),
            ),
            state.key(PAGE, "by_school"),
        )

kinerja_section.render(ds, sel.tables, sel.guru, lang, PAGE)

st.header(t("komp.section.ukg", lang))
st.caption(t("komp.ukg.caption", lang))
ukg = comp["ukg"]
coverage.figure(cov, "ukg", lambda: charts.ukg_figure(ukg, pkg.ukg_reference(), lang, pkg.UKG_MINIMUM), state.key(PAGE, "ukg"), lang, "chart.ukg.title")
if int(ukg["teachers"].sum()):
    shown = ukg.assign(domain=[t(f"domain.{d}", lang) for d in ukg["domain"]])
    widgets.table(
        shown,
        lang,
        {
            "domain": "report.school.domain",
            "teachers": "col.teachers",
            "mean": "report.school.mean",
            "below_minimum": "col.below_minimum",
            "share_below": "col.share_below",
        },
        key=state.key(PAGE, "ukg_table"),
    )
