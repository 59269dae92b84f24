"""Profil Guru: one teacher — profile, subjects with linieritas, assessments over time, trainings, ICT levels.

Reached from Profil Sekolah. The teacher is named in the URL by a pseudonymous
code, never by NUPTK; the name, NUPTK and NIP show only to the school head's
role and (on this page only) to the dinas. Thin page: every table comes from :func:`analysis.views.district.teacher_profile`.
"""

from __future__ import annotations

import streamlit as st

from analysis import charts
from analysis.core import schema
from analysis.i18n import t
from analysis.metrics import linieritas
from analysis.metrics.privacy import display_names, pseudonym
from analysis.views import district
from ui import coverage, state, widgets

PAGE = "guru"
lang = state.get_lang()
ds = state.get_dataset()
widgets.page_header("page.guru.title", lang, ds)

npsn = widgets.school_picker(ds, lang, state.key(PAGE, "school"))
if npsn is None:
    st.warning(t("profil.no_schools", lang))
    st.stop()
teachers = district.teacher_choices(ds, npsn)
if teachers.empty:
    st.info(t("guru.none", lang))
    st.stop()
show = state.shows_names(PAGE)  # the dinas sees names here only
codes = [pseudonym(g, ds.id) for g in teachers["guru_id"]]
labels = dict(zip(codes, display_names(teachers, show, ds.id)))
widgets.take_url_value(state.key(PAGE, "teacher"), st.query_params.get("guru"), lambda v: v if v in labels else codes[0])
if st.session_state.get(state.key(PAGE, "teacher")) not in labels:
    st.session_state[state.key(PAGE, "teacher")] = codes[0]
code = st.selectbox(t("guru.pick", lang), codes, format_func=labels.get, key=state.key(PAGE, "teacher"))
st.session_state[state.key(PAGE, "teacher") + "__url"] = code
if st.query_params.get("guru") != code:
    st.query_params["guru"] = code
guru_id = teachers["guru_id"].iloc[codes.index(code)]
prof = district.teacher_profile(ds, guru_id)
cov = coverage.of(ds.tables, ds.reference_date())
coverage.box(cov, ("out_of_field", "competency", "ukg", "ict", "training", "kinerja"), lang)
p = prof["profile"]

st.header(widgets.plain(labels[code]))
identity = ["jenis_ptk", "status_kepegawaian", "jenjang_pendidikan", "jurusan_prodi", "sertifikasi", "tahun_sertifikasi", "jjm"]
if state.shows_identifiers():
    identity = ["nama", "nuptk", "nip", "jk", *identity, "age"]
else:
    identity.append("age_band")  # a band, not the exact age: less to recognise a teacher by
    st.caption(t("guru.coded", lang))
rows = [(t(f"guru.field.{k}", lang), "–" if p.get(k) is None else widgets.plain(p[k])) for k in identity]
st.markdown("\n".join(f"- **{a}:** {b}" for a, b in rows))

st.subheader(t("guru.section.subjects", lang))
subjects = prof["subjects"].assign(
    status=[t(f"chart.oof.{s}", lang) for s in prof["subjects"]["status"]], basis=[t(f"guru.basis.{b}", lang) for b in prof["subjects"]["basis"]]
)
widgets.table(
    subjects,
    lang,
    {"mata_pelajaran": "col.subject", "jjm": "col.jjm", "status": "guru.col.linieritas", "basis": "guru.col.basis", "sumber": "col.sumber"},
    key=state.key(PAGE, "subjects"),
)
if prof["subjects"]["inferred"].any():
    st.caption(t("guru.subjects.inferred", lang))
if p.get("jenjang_pendidikan") in linieritas.BELOW_S1:
    st.warning(t("guru.below_s1", lang, jenjang=p["jenjang_pendidikan"]), icon=":material/school:")

st.subheader(t("guru.section.assessments", lang))
widgets.figure(charts.teacher_scores_figure(prof["assessments"], lang), state.key(PAGE, "scores"))
nilai = prof["nilai"].assign(
    kategori=[t(f"chart.band.{k}", lang) if isinstance(k, str) else "–" for k in prof["nilai"]["kategori"]], nilai=prof["nilai"]["nilai"].round(1)
)
widgets.table(
    nilai,
    lang,
    {"tanggal_penilaian": "guru.col.date", "sumber": "guru.col.source", "nilai": "guru.col.nilai", "kategori": "report.school.category"},
    key=state.key(PAGE, "nilai"),
)

c1, c2 = st.columns(2)
with c1:
    st.subheader(t("guru.section.ict", lang))
    levels = prof["ict"].dropna(subset=["level"])
    skill_labels = {k: v[0 if lang == "id" else 1] for k, v in schema.ICT_SKILLS.items()}
    widgets.figure(
        charts.count_bars(levels, "skill", "level", lang, "guru.chart.ict", "chart.ict.level", category_labels=skill_labels, scale="level"),
        state.key(PAGE, "ict"),
    )
with c2:
    st.subheader(t("guru.section.trainings", lang))
    st.caption(t("guru.trained_12m" if prof["trained_last_12_months"] else "guru.not_trained_12m", lang))
    widgets.table(
        prof["trainings"],
        lang,
        {
            "nama_pelatihan": "guru.col.training",
            "jenis": "report.school.jenis",
            "tanggal_mulai": "guru.col.start",
            "jp": "report.school.jp",
            "fokus": "guru.col.fokus",
        },
        key=state.key(PAGE, "trainings"),
    )

if st.button(t("guru.back", lang), icon=":material/arrow_back:", key=state.key(PAGE, "back")):
    st.switch_page("app_pages/profil_sekolah.py", query_params={"npsn": npsn, "lang": lang})
