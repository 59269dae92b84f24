"""Profil Sekolah: one school's staff, competency, out-of-field teaching, ICT mastery, training.

Thin page: every number comes from :mod:`analysis.views.school` (which calls the
analyses), every figure from :mod:`analysis.charts`, every word from the
string table.
"""

from __future__ import annotations

import streamlit as st

from analysis import charts
from analysis.core import formatting
from analysis.i18n import t
from analysis.metrics.privacy import display_names
from analysis.views import school
from ui import cache, coverage, kinerja_section, state, trend_section, widgets

PAGE = "profil"
lang = state.get_lang()
ds = state.get_dataset()
widgets.page_header("page.profil.title", lang, ds)

npsn = widgets.school_picker(ds, lang, state.key(PAGE, "school"))
if npsn is None:
    st.warning(t("profil.no_schools", lang))
    st.stop()

st.caption(t("profil.identity", lang, **{k: widgets.plain(v) for k, v in widgets.school_row(ds, npsn).items()}))
sel = cache.select(ds, npsn)
st.caption(school.reference_caption(sel, lang))
target = st.sidebar.slider(t("profil.ict_target", lang), 1, 4, 3, key=state.key(PAGE, "ict_target"), help=t("profil.ict_target.help", lang))

cov = coverage.of(sel.tables, sel.reference_date)
coverage.box(cov, ("staff", "staff_age", "competency", "out_of_field", "ict", "training", "kinerja"), lang)
head = cache.get(ds, "school.headline", (npsn, target), lambda: school.headline(sel, ict_target=target), shared=True)
widgets.metrics(head, lang, coverage=cov)

# ------------------------------------------------------------------- staff
st.header(t("profil.section.staff", lang))
counts = cache.get(ds, "school.staff_tables", npsn, lambda: school.staff_tables(sel), shared=True)
group_labels = {"pendidik": t("chart.group.pendidik", lang), "tendik": t("chart.group.tendik", lang)}
c1, c2, c3 = st.columns(3)
for col, (by, title) in zip(
    (c1, c2, c3), (("status_kepegawaian", "chart.staff.status.title"), ("jk", "chart.staff.gender.title"), ("age_band", "chart.staff.age.title"))
):
    labels = widgets.value_labels(by, counts[by]["value"], lang)
    with col:

        def build(by: str = by, title: str = title, labels: dict = labels):
            return charts.count_bars(counts[by], "value", "n", lang, title, color="group", color_labels=group_labels, category_labels=labels)

        coverage.figure(cov, "staff_age" if by == "age_band" else "staff", build, state.key(PAGE, f"staff_{by}"), lang, title)

# -------------------------------------------------------------- competency
st.header(t("profil.section.competency", lang))
st.caption(t("profil.competency.caption", lang))
comp = cache.get(ds, "school.competency_tables", npsn, lambda: school.competency_tables(sel), shared=True)
c1, c2 = st.columns([3, 2])
with c1:
    coverage.figure(cov, "competency", lambda: charts.domain_scores_figure(comp["box"], lang), state.key(PAGE, "domains"), lang, "chart.domain.title")
with c2:
    coverage.figure(
        cov, "competency", lambda: charts.pkg_category_figure(comp["categories"], lang), state.key(PAGE, "categories"), lang, "chart.pkg_category.title"
    )
st.caption(t("pkg.legacy.caption", lang))
kinerja_section.render(ds, sel.tables, sel.guru, lang, PAGE)

# ------------------------------------------------------------ out of field
st.header(t("profil.section.out_of_field", lang))
st.caption(t("profil.out_of_field.caption", lang))
oof = cache.get(ds, "school.out_of_field_tables", npsn, lambda: school.out_of_field_tables(sel), shared=True)
widgets.figure(charts.out_of_field_by_subject_figure(oof["by_subject"], lang), state.key(PAGE, "oof_subject"))
if oof["unknown"]:
    st.info(t("profil.out_of_field.unknown", lang, n=oof["unknown"]), icon=":material/help:")
if len(oof["below_s1"]):
    st.info(t("profil.out_of_field.below_s1", lang, n=len(oof["below_s1"])), icon=":material/school:")
if oof["totals"]["teachers_inferred"]:
    st.caption(t("profil.out_of_field.inferred", lang, n=oof["totals"]["teachers_inferred"]))
if oof["teachers"].empty:
    st.caption(t("profil.out_of_field.none", lang))
else:
    listed = oof["teachers"].assign(teacher=display_names(oof["teachers"], state.shows_names(), ds.id))
    st.markdown(f"**{t('profil.out_of_field.list', lang)}**")
    widgets.table(
        listed,
        lang,
        {
            "teacher": "col.teacher",
            "subjects_out": "col.subjects_out",
            "qualification": "col.qualification",
            "jjm_out": "col.jjm",
            "status_kepegawaian": "col.status",
        },
        key=state.key(PAGE, "oof_list"),
    )

# --------------------------------------------------------------------- ICT
st.header(t("profil.section.ict", lang))
st.caption(t("profil.ict.caption", lang, target=target))
ict = cache.get(ds, "school.ict_tables", (npsn, target), lambda: school.ict_tables(sel, target), shared=True)
c1, c2 = st.columns(2)
with c1:
    coverage.figure(cov, "ict", lambda: charts.ict_heatmap(ict["levels"], lang), state.key(PAGE, "ict_heatmap"), lang, "chart.ict.title")
with c2:
    coverage.figure(cov, "ict", lambda: charts.ict_below_target_figure(ict["below"], lang, target), state.key(PAGE, "ict_below"), lang, "chart.ict.below.title")

# ---------------------------------------------------------------- training
st.header(t("profil.section.training", lang))
tr = cache.get(ds, "school.training_tables", npsn, lambda: school.training_tables(sel), shared=True)
c1, c2 = st.columns(2)
with c1:
    coverage.figure(
        cov,
        "training",
        lambda: charts.histogram_figure(tr["jp_bins"], lang, "chart.training.jp.title", "chart.axis.jp"),
        state.key(PAGE, "jp"),
        lang,
        "chart.training.jp.title",
    )
with c2:
    coverage.figure(
        cov,
        "training",
        lambda: charts.count_bars(tr["types"], "jenis", "teachers", lang, "chart.training.types.title", "chart.axis.teachers"),
        state.key(PAGE, "types"),
        lang,
        "chart.training.types.title",
    )
n_untrained, n_teachers = len(tr["untrained"]), len(tr["per_teacher"])
if not coverage.note(cov, "training", lang):
    st.markdown(t("profil.training.none_12m", lang, n=n_untrained, total=n_teachers, date=formatting.date(sel.reference_date, lang)))
if n_untrained and cov.supports("training"):
    untrained = school.untrained_list(sel, tr["untrained"])
    untrained = untrained.assign(teacher=display_names(untrained, state.shows_names(), ds.id))
    with st.expander(t("profil.training.none_list", lang)):
        widgets.table(
            untrained,
            lang,
            {"teacher": "col.teacher", "status_kepegawaian": "col.status", "last_training": "col.last_training"},
            key=state.key(PAGE, "untrained"),
        )

# ------------------------------------------------------------------ trends
trend_section.render([npsn], lang, PAGE, target)

# ---------------------------------------------------------------- teachers
st.header(t("profil.section.teachers", lang))
choices = cache.get(
    ds, "school.teacher_codes", (npsn, state.shows_names()), lambda: school.teacher_codes(sel, ds.id, state.shows_names())
)  # names: this session only
if choices:
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    code = c1.selectbox(t("guru.pick", lang), list(choices), format_func=choices.get, key=state.key(PAGE, "teacher"))
    if c2.button(t("profil.open_teacher", lang), icon=":material/person:", key=state.key(PAGE, "open_teacher")):
        st.switch_page("app_pages/profil_guru.py", query_params={"npsn": npsn, "guru": code, "lang": lang})

# ------------------------------------------------------------------ report
widgets.school_report_download(ds, npsn, lang, PAGE, ict_target=target)
