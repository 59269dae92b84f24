"""Guru di Luar Bidang: out-of-field teaching by subject, status, certification and school; the 24-JJM link.

Thin page: the judgement and every figure come from :mod:`analysis.metrics.linieritas`
through :mod:`analysis.views.school`; the reference tables from :mod:`analysis.reference.subjects`.
"""

from __future__ import annotations

import streamlit as st

from analysis import charts
from analysis.i18n import t
from analysis.reference import subjects
from analysis.views import school
from ui import cache, coverage, state, widgets

PAGE = "oof"
lang = state.get_lang()
ds = state.get_dataset()
widgets.page_header("page.luar_bidang.title", lang, ds)
st.caption(t("oof.intro", lang))

npsn = widgets.school_scope(ds, lang, state.key(PAGE, "scope"))
sel = cache.select(ds, npsn)
cov = coverage.of(sel.tables, sel.reference_date)
coverage.box(cov, ("out_of_field", "kendala"), lang)

# ----------------------------------------------------- reference table in use
with st.expander(t("oof.reference.header", lang), icon=":material/table:"):
    st.write(t("oof.reference.intro", lang))
    c1, c2 = st.columns(2)
    c1.download_button(
        t("oof.reference.download_prodi", lang), subjects.PRODI_FILE.read_bytes(), file_name="prodi_mapel.csv", mime="text/csv", key=state.key(PAGE, "dl_prodi")
    )
    c2.download_button(
        t("oof.reference.download_subjects", lang),
        subjects.SUBJECTS_FILE.read_bytes(),
        file_name="mata_pelajaran.csv",
        mime="text/csv",
        key=state.key(PAGE, "dl_subjects"),
    )
    upload = st.file_uploader(t("oof.reference.upload", lang), type=["csv"], key=state.key(PAGE, "ref_upload"))
    prodi_path = None
    if upload is not None:
        table, problems = subjects.read_prodi_table(upload.getvalue())
        for p in problems:
            st.warning(widgets.plain(p))
        if len(table):
            prodi_path = subjects.reference_source(table)  # held in memory, never a shared file in /tmp
            st.success(t("oof.reference.in_use", lang, n=len(table), rejected=len(problems)))

if prodi_path is None:  # the bundled reference tables: remembered per dataset (ui.cache)
    oof = cache.get(ds, "school.out_of_field_tables", npsn, lambda: school.out_of_field_tables(sel), shared=True)
else:  # the user's own programme table: computed afresh, never kept
    oof = school.out_of_field_tables(sel, prodi_path)
tot = oof["totals"]
c1, c2, c3, c4 = st.columns(4)
c1.metric(
    t("metric.out_of_field_share", lang),
    widgets.format_value(tot["out_of_field_share_headcount"], "share", lang),
    help=t("metric.out_of_field_share.help", lang),
)
c2.metric(t("oof.metric.share_jjm", lang), widgets.format_value(tot["out_of_field_share_jjm"], "share", lang), help=t("oof.metric.share_jjm.help", lang))
c3.metric(t("oof.metric.teachers", lang), widgets.format_value(tot["out_of_field"], "count", lang))
c4.metric(t("oof.metric.unknown", lang), widgets.format_value(tot["out_of_field_unknown"], "count", lang), help=t("oof.metric.unknown.help", lang))
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("oof.metric.below_s1", lang), widgets.format_value(len(oof["below_s1"]), "count", lang), help=t("oof.metric.below_s1.help", lang))
c2.metric(t("oof.metric.inferred", lang), widgets.format_value(tot["teachers_inferred"], "count", lang), help=t("oof.metric.inferred.help", lang))
c3.metric(t("oof.metric.jjm_short", lang), widgets.format_value(oof["jjm_totals"]["jjm_short"], "count", lang), help=t("oof.metric.jjm_short.help", lang))
c4.metric(t("oof.metric.jjm_gap", lang), widgets.format_value(oof["jjm_totals"]["jjm_gap_total"], "count", lang), help=t("oof.metric.jjm_gap.help", lang))

st.header(t("oof.section.subject", lang))
widgets.figure(charts.out_of_field_by_subject_figure(oof["by_subject"], lang), state.key(PAGE, "by_subject"))

st.header(t("oof.section.groups", lang))
c1, c2 = st.columns(2)
cert_labels = {"certified": t("group.certified", lang), "uncertified": t("group.uncertified", lang)}
with c1:
    widgets.figure(
        charts.count_bars(oof["by_status"], "group", "share", lang, "oof.chart.by_status", "chart.axis.share_teachers", percent=True),
        state.key(PAGE, "by_status"),
    )
with c2:
    widgets.figure(
        charts.count_bars(
            oof["by_certification"],
            "group",
            "share",
            lang,
            "oof.chart.by_certification",
            "chart.axis.share_teachers",
            category_labels=cert_labels,
            percent=True,
        ),
        state.key(PAGE, "by_cert"),
    )
if npsn is None:
    by_school = oof["by_school"].rename(columns={"npsn": "group", "share_headcount": "share"})
    widgets.figure(
        charts.count_bars(
            by_school, "group", "share", lang, "oof.chart.by_school", "chart.axis.share_teachers", category_labels=widgets.school_names(ds), percent=True
        ),
        state.key(PAGE, "by_school"),
    )

st.header(t("oof.section.jjm", lang))
link, lt = oof["jjm_link"], oof["jjm_totals"]
st.write(
    t(
        "oof.jjm.summary",
        lang,
        n=lt["jjm_short"],
        certified=lt["certified"],
        gap=widgets.format_value(lt["jjm_gap_total"], "count", lang),
        not_counted=widgets.format_value(lt["jjm_not_counted_total"], "count", lang),
    )
)
st.caption(t("oof.jjm.left_out", lang, bk=lt["bk_not_judged"], heads=lt["heads"], undetermined=lt["jjm_undetermined"]))
if lt["duty_unknown"]:
    st.caption(t("oof.jjm.duty_unknown", lang, n=lt["duty_unknown"]))
if len(link):
    shown = school.teacher_labels(sel, link, state.shows_names(), ds.id)
    widgets.table(
        shown,
        lang,
        {
            "teacher": "col.teacher",
            "jjm_in": "col.jjm_in",
            "duty_jjm": "col.duty_jjm",
            "jjm_counted": "col.jjm_counted",
            "jjm_not_counted": "col.not_counted",
            "jjm_total": "col.jjm_total",
            "gap": "col.gap",
            "band": "col.band",
            "duty_unknown": "col.duty_unknown",
        },
        key=state.key(PAGE, "jjm_table"),
    )

st.header(t("oof.section.below_s1", lang))
st.caption(t("oof.below_s1.caption", lang))
if len(oof["below_s1"]):
    below = school.teacher_labels(sel, oof["below_s1"], state.shows_names(), ds.id)
    widgets.table(
        below, lang, {"teacher": "col.teacher", "jenjang_pendidikan": "col.jenjang_pendidikan", "jurusan_prodi": "col.prodi"}, key=state.key(PAGE, "below_s1")
    )

st.header(t("oof.section.teachers", lang))
if oof["teachers"].empty:
    st.caption(t("profil.out_of_field.none", lang))
else:
    listed = school.teacher_labels(sel, oof["teachers"], state.shows_names(), ds.id)
    widgets.table(
        listed,
        lang,
        {
            "teacher": "col.teacher",
            "subjects_out": "col.subjects_out",
            "qualification": "col.qualification",
            "jjm_out": "col.jjm_out",
            "jjm_total": "col.jjm_total",
            "status_kepegawaian": "col.status",
        },
        key=state.key(PAGE, "teachers"),
    )

if len(oof["inferred"]):
    st.header(t("oof.section.inferred", lang))
    st.caption(t("oof.inferred.caption", lang, n=tot["judgements_inferred"], teachers=tot["teachers_inferred"]))
    inferred = school.teacher_labels(sel, oof["inferred"], state.shows_names(), ds.id)
    inferred = inferred.assign(status=[t(f"chart.oof.{x}", lang) for x in inferred["status"]])
    widgets.table(
        inferred,
        lang,
        {
            "teacher": "col.teacher",
            "mata_pelajaran": "col.subject",
            "status": "guru.col.linieritas",
            "qualification": "col.qualification",
            "sumber": "col.sumber",
        },
        key=state.key(PAGE, "inferred"),
    )

if len(oof["missing"]):
    st.header(t("oof.section.missing", lang))
    st.caption(t("oof.missing.caption", lang))
    missing = oof["missing"].assign(kind=[t(f"oof.kind.{k}", lang) for k in oof["missing"]["kind"]])
    widgets.table(missing, lang, {"kind": "col.kind", "name": "col.name", "teachers": "col.teachers"}, key=state.key(PAGE, "missing"))
