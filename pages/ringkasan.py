"""Ringkasan: the district overview — headline cards, one coloured row per school, filters in the URL, drill-down.

Thin page: figures come from :mod:`analysis.district` (which calls :mod:`analysis.school`).
"""

from __future__ import annotations

import streamlit as st

from analysis import district, school
from analysis.i18n import t
from ui import cache, state, trend_section, widgets

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

sel = cache.select(ds, npsns)
st.caption(school.reference_caption(sel, lang))
widgets.metrics(cache.get(ds, "school.headline", (tuple(npsns), target), lambda: school.headline(sel, ict_target=target), shared=True), lang, ict_target=target)

st.header(t("ringkasan.section.schools", lang))
st.caption(t("ringkasan.table.caption", lang))
with st.spinner(t("app.computing.schools", lang), show_time=True):  # one row per school: seconds for hundreds; remembered (ui.cache)
    table = cache.call(district.school_table, ds, list(npsns), ict_target=target, shared=True)
chosen = widgets.banded_school_table(table, lang, state.key(PAGE, "table"))
if chosen:
    st.switch_page("pages/profil_sekolah.py", query_params={"npsn": chosen, "lang": lang})
widgets.district_report_downloads(ds, npsns, lang, PAGE, target)
widgets.guarded(lambda: trend_section.render(npsns, lang, PAGE, target), lang)
