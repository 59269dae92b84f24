"""Temuan Penelitian: the five field studies as data, their obstacles side by side, and their findings beside the loaded data.

Thin page: the studies come from :mod:`analysis.views.studies` (``data/studies.yaml``),
each compared with the loaded data that matches it (its own site's schools,
else the schools of its jenjang); the school scope applies to the Kendala sheet.
"""

from __future__ import annotations

import streamlit as st

from analysis import charts
from analysis.i18n import t
from analysis.views import studies
from ui import cache, coverage, state, widgets

PAGE = "temuan"
MATRIX_COLUMNS = {"category": "temuan.col.category", "study": "temuan.col.study", "reported": "temuan.col.reported", "text": "temuan.col.text"}
lang = state.get_lang()
ds = state.get_dataset()
widgets.page_header("page.temuan.title", lang, ds)
st.caption(t("temuan.intro", lang))

coded = studies.load_studies()

st.header(t("temuan.section.obstacles", lang))
cat_labels = studies.category_labels(lang)
matrix = studies.obstacle_matrix(coded)
widgets.figure(
    charts.presence_matrix_figure(matrix, "category", "study", "reported", "text", lang, "temuan.chart.obstacles", row_labels=cat_labels),
    state.key(PAGE, "matrix"),
)
widgets.table(matrix.assign(category=matrix["category"].map(cat_labels)), lang, MATRIX_COLUMNS, key=state.key(PAGE, "matrix_table"), expanded=False)

st.header(t("temuan.section.findings", lang))
st.caption(t("temuan.findings.how", lang))
if ds.is_sample:
    st.info(t("temuan.findings.sample", lang), icon=":material/info:")
with st.spinner(t("app.computing.findings", lang), show_time=True):  # each finding's figure over its schools; remembered (ui.cache)
    beside = cache.get(ds, "studies.findings_beside_data", (lang,), lambda: studies.findings_beside_data(coded, ds, lang), shared=True)
widgets.table(
    beside,
    lang,
    {
        "study": "temuan.col.study",
        "finding": "temuan.col.finding",
        "compared_with": "temuan.col.compared_with",
        "figure_label": "temuan.col.figure",
        "value_text": "temuan.col.value",
    },
    key=state.key(PAGE, "findings"),
)

st.header(t("temuan.section.kendala", lang))
npsn = widgets.school_scope(ds, lang, state.key(PAGE, "scope"))
sel = cache.select(ds, npsn)
coverage.box(coverage.of(sel.tables, sel.reference_date), ("kendala", "out_of_field", "ict", "competency", "training_effects"), lang)
counts = studies.kendala_counts(sel.tables["kendala"])
if counts["n"].sum() == 0:
    st.caption(t("temuan.kendala.none", lang))
else:
    widgets.figure(
        charts.count_bars(counts, "category", "n", lang, "temuan.chart.kendala", "temuan.axis.kendala", category_labels=cat_labels), state.key(PAGE, "kendala")
    )
    by_school = studies.kendala_matrix(sel.tables["kendala"], widgets.school_names(ds))
    widgets.figure(
        charts.presence_matrix_figure(by_school, "category", "study", "reported", "text", lang, "temuan.chart.kendala_schools", row_labels=cat_labels),
        state.key(PAGE, "kendala_matrix"),
    )
    widgets.table(
        by_school.assign(category=by_school["category"].map(cat_labels)),
        lang,
        {"category": "temuan.col.category", "study": "temuan.col.school", "npsn": "temuan.col.npsn", "n": "temuan.col.n", "text": "temuan.col.text"},
        key=state.key(PAGE, "kendala_table"),
        expanded=False,
    )

st.header(t("temuan.section.studies", lang))
for s in coded:
    with st.expander(f"{s.site} — {s.method}"):
        st.markdown(
            f"**{t('temuan.field.location', lang)}:** {s.location or '–'} · **{t('temuan.field.jenjang', lang)}:** {', '.join(s.jenjang)} · **{t('temuan.field.informants', lang)}:** {', '.join(s.informants)}"
            + (f" · **{t('temuan.field.size', lang)}:** {s.size}" if s.size else "")
        )
        st.markdown(f"**{t('temuan.field.competencies', lang)}:** {', '.join(t(f'domain.{c}', lang) for c in s.competencies)}")
        for field, items in (
            ("training_forms", s.training_forms),
            ("obstacles", [f"{c}: {txt}" for c, txt in s.obstacles]),
            ("remedies", s.remedies),
            ("outcomes", s.outcomes),
        ):
            if items:
                st.markdown(f"**{t(f'temuan.field.{field}', lang)}**\n" + "\n".join(f"- {x}" for x in items))
        st.caption(s.citation)
