"""Ringkasan: the district overview — headline cards, one coloured row per school, filters in the URL, drill-down.

Thin page: figures come from :mod:`analysis.views.district` (which calls :mod:`analysis.views.school`).
"""

from __future__ import annotations

import streamlit as st

from analysis.i18n import t
from analysis.views import district, school
from ui import coverage, state, trend_section, widgets

PAGE = "ringkasan"
lang = state.get_lang()
ds = state.get_dataset()
widgets.page_header("page.ringkasan.title", lang, ds)
st.caption(t("ringkasan.intro", lang))

options = district.filter_options(ds)
cols = st.columns(len(district.FILTERS))
filters = {}
for col, f in zip(cols, district.FILTERS):
    with col:
        filters[f] = widgets.url_multiselect(t(f"ringkasan.filter.{f}", lang), options[f], f, state.key(PAGE, f), lang)
npsns = district.filtered_npsn(ds, filters)
target = st.sidebar.slider(t("profil.ict_target", lang), 1, 4, 3, key=state.key(PAGE, "ict_target"), help=t("profil.ict_target.help", lang))

if not npsns:
    st.warning(t("ringkasan.no_match", lang))
    st.stop()

sel = school.select(ds, npsns)
st.caption(school.reference_caption(sel, lang))
cov = coverage.of(sel.tables, sel.reference_date)
coverage.box(cov, ("staff", "out_of_field", "competency", "ict", "training"), lang)
widgets.metrics(school.headline(sel, ict_target=target), lang, ict_target=target, coverage=cov)

st.header(t("ringkasan.section.schools", lang))
st.caption(t("ringkasan.table.caption", lang))
table = district.school_table(ds, npsns, ict_target=target)
chosen = widgets.banded_school_table(table, lang, state.key(PAGE, "table"))
if chosen:
    st.switch_page("app_pages/profil_sekolah.py", query_params={"npsn": chosen, "lang": lang})
widgets.district_report_downloads(ds, npsns, lang, PAGE, target)
widgets.guarded(lambda: trend_section.render(npsns, lang, PAGE, target), lang)
