"""Kesenjangan TIK: share of teachers below the target ICT level per skill, by group, and the training-needs list.

Thin page: every figure comes from :mod:`analysis.metrics.ict` through :mod:`analysis.views.school`.
"""

from __future__ import annotations

import streamlit as st

from analysis import charts
from analysis.core import formatting, schema
from analysis.i18n import t
from analysis.metrics import ict
from analysis.views import school
from ui import cache, coverage, state, widgets

PAGE = "tik"
lang = state.get_lang()
ds = state.get_dataset()
widgets.page_header("page.tik.title", lang, ds)
st.caption(t("tik.intro", lang))

npsn = widgets.school_scope(ds, lang, state.key(PAGE, "scope"))
target = st.slider(t("profil.ict_target", lang), 1, 4, ict.DEFAULT_TARGET, key=state.key(PAGE, "target"), help=t("profil.ict_target.help", lang))
sel = cache.select(ds, npsn)
tik = cache.get(ds, "school.ict_tables", (npsn, target), lambda: school.ict_tables(sel, target), shared=True)
skill_labels = {k: v[0 if lang == "id" else 1] for k, v in schema.ICT_SKILLS.items()}
cov = coverage.of(sel.tables, sel.reference_date)
coverage.box(cov, ("ict", "ict_by_age", "ict_needs"), lang)

c1, c2 = st.columns(2)
with c1:
    coverage.figure(cov, "ict", lambda: charts.ict_below_target_figure(tik["below"], lang, target), state.key(PAGE, "below"), lang, "chart.ict.below.title")
with c2:
    coverage.figure(cov, "ict", lambda: charts.ict_heatmap(tik["levels"], lang), state.key(PAGE, "heatmap"), lang, "chart.ict.title")

st.header(t("tik.section.groups", lang))
groupings = {"by_age": "tik.by.age", "by_status": "tik.by.status", "by_certification": "tik.by.certification"}
if npsn is None:
    groupings["by_school"] = "tik.by.school"
by = (
    st.segmented_control(t("tik.by", lang), list(groupings), format_func=lambda k: t(groupings[k], lang), default="by_age", key=state.key(PAGE, "by"))
    or "by_age"
)
table = tik[by]
row_labels = {"certified": t("group.certified", lang), "uncertified": t("group.uncertified", lang), "unknown": t("chart.unknown", lang)}
if by == "by_age":
    row_labels |= {b: t("chart.age_band", lang, band=b) for b in table["group"].unique() if b != "unknown"}
if by == "by_school":
    row_labels |= widgets.school_names(ds)
coverage.figure(
    cov,
    "ict_by_age" if by == "by_age" else "ict",
    lambda: charts.matrix_figure(
        table, "group", "skill", "share", lang, "tik.chart.by_group", row_labels=row_labels, col_labels=skill_labels, percent=True, target=target
    ),
    state.key(PAGE, "matrix"),
    lang,
    "tik.chart.by_group",
)

st.header(t("tik.section.needs", lang))
needs = tik["needs"]
if not coverage.note(cov, "ict_needs", lang):
    st.write(t("tik.needs.summary", lang, n=len(needs), target=target, date=formatting.date(sel.reference_date, lang)))
if len(needs) and cov.supports("ict_needs"):
    shown = school.teacher_labels(sel, needs, state.shows_names(), ds.id)
    shown = shown.assign(
        skills=[", ".join(skill_labels[s] for s in str(x).split(";") if s) for x in shown["skills"]], npsn=shown["npsn"].map(widgets.school_names(ds))
    )
    columns = {"teacher": "col.teacher", "npsn": "col.school", "gaps": "col.gaps", "skills": "col.skills_below", "last_tik_training": "col.last_tik_training"}
    widgets.table(shown, lang, columns, key=state.key(PAGE, "needs"))
    export = shown[list(columns)].rename(columns={c: t(k, lang) for c, k in columns.items()})
    widgets.csv_download(
        export, lang, "tik.needs.download", f"{t('filename.tik_needs', lang, scope=npsn or t('filename.scope.all', lang))}.csv", state.key(PAGE, "needs_csv")
    )
