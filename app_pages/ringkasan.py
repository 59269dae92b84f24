"""Ringkasan: the district overview — headline cards, one coloured row per school, filters in the URL, drill-down.

Thin page: figures come from :mod:`analysis.views.district` (which calls :mod:`analysis.views.school`),
the ranking of where training goes next from :mod:`analysis.views.priorities`.
"""

from __future__ import annotations

import streamlit as st

from analysis.charts import overview
from analysis.i18n import t
from analysis.views import district, priorities, school
from ui import cache, coverage, state, trend_section, widgets

PAGE = "ringkasan"
PRIORITY_HEADERS = {
    "rank": "ringkasan.col.rank",
    "nama_sekolah": "col.school",
    "value": "ringkasan.col.value",
    "band": "ringkasan.col.band",
    "untrained": "ringkasan.col.untrained",
    "teachers": "col.teachers",
}
BAND_HEADERS = {
    "figure": "bands.col.figure",
    "baik": "bands.col.baik",
    "sedang": "bands.col.sedang",
    "kurang": "bands.col.kurang",
    "source": "bands.col.source",
}
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
cov = coverage.of(sel.tables, sel.reference_date)
coverage.box(cov, ("staff", "out_of_field", "competency", "ict", "training"), lang)
widgets.metrics(
    cache.get(ds, "school.headline", (tuple(npsns), target), lambda: school.headline(sel, ict_target=target), shared=True),
    lang,
    ict_target=target,
    coverage=cov,
)

with st.spinner(t("app.computing.schools", lang), show_time=True):  # one row per school: seconds for hundreds; remembered (ui.cache)
    table = cache.call(district.school_table, ds, list(npsns), ict_target=target, shared=True)

st.header(t("ringkasan.section.priorities", lang))
indicator = st.selectbox(
    t("ringkasan.indicator", lang), priorities.INDICATORS, format_func=lambda i: priorities.indicator_label(i, lang, target), key=state.key(PAGE, "indicator")
)
st.caption(t("ringkasan.priorities.caption", lang))
untrained = priorities.untrained_per_school(ds.tables["guru"], ds.tables["pelatihan"], sel.reference_date)
ranked = priorities.rank_schools(table, untrained, indicator, priorities.LIST_LIMIT)
if ranked.empty:
    st.info(t("ringkasan.priorities.none", lang), icon=":material/info:")
else:
    widgets.table(priorities.display_table(ranked, indicator, lang), lang, PRIORITY_HEADERS, key=state.key(PAGE, "priorities"))
    if ranked.attrs["listed"] > len(ranked):
        st.caption(t("ringkasan.priorities.more", lang, shown=len(ranked), total=ranked.attrs["listed"]))
st.caption(t("ringkasan.priorities.not_listed", lang, **ranked.attrs["not_listed"]))
bars = priorities.indicator_bars(table, indicator, priorities.CHART_LIMIT)
widgets.figure(overview.indicator_bars_figure(bars, indicator, lang, target), state.key(PAGE, "indicator_fig"))
if bars.attrs["left_out"] or bars.attrs["no_value"]:
    st.caption(t("ringkasan.chart.more", lang, shown=len(bars), total=bars.attrs["total"], no_value=bars.attrs["no_value"]))

st.header(t("ringkasan.section.schools", lang))
st.caption(t("ringkasan.table.caption", lang))
with st.expander(t("ringkasan.bands.title", lang), icon=":material/palette:"):
    st.caption(t("ringkasan.bands.caption", lang))
    widgets.table(priorities.explain_bands(lang, target), lang, BAND_HEADERS)
chosen = widgets.banded_school_table(table, lang, state.key(PAGE, "table"), target)
if chosen:
    st.switch_page("app_pages/profil_sekolah.py", query_params={"npsn": chosen, "lang": lang})
widgets.district_report_downloads(ds, npsns, lang, PAGE, target, filters)
trend_section.render(npsns, lang, PAGE, target)
