"""Peta Sekolah: schools placed by their coordinates, coloured by an indicator; a click opens the school.

Thin page: the points come from :func:`analysis.plan.views.map_points`, the
figure from :func:`analysis.charts.plan.school_map` (a plain lon/lat scatter over
a locally served outline: offline, no tile server or CDN).
"""

from __future__ import annotations

import streamlit as st

from analysis.charts import plan as plan_charts
from analysis.i18n import t
from analysis.plan import geo, views
from analysis.views import district
from ui import cache, state, widgets

PAGE = "peta"
lang = state.get_lang()
ds = state.get_dataset()
widgets.page_header("page.peta.title", lang, ds)
st.caption(t("plan.map.intro", lang))

labels = {
    "out_of_field_share_headcount": "metric.out_of_field_share",
    "ict_below_target_share": "metric.ict_below_target_share",
    "trained_last_12_months_share": "metric.trained_share",
    "certified_share": "metric.certified_share",
    "teachers": "metric.teachers",
}
indicator = st.selectbox(t("plan.map.indicator", lang), list(views.MAP_INDICATORS), format_func=lambda k: t(labels[k], lang), key=state.key(PAGE, "indicator"))
with st.spinner(t("plan.map.computing", lang)):  # the indicator of every school: seconds for a district of hundreds
    # every school's figures once per dataset (ui.cache); an indicator change only picks another column
    points = views.map_points(ds, indicator, table=cache.call(district.school_table, ds, None, shared=True))
percent = indicator != "teachers"
missing = points[points["lintang"].isna()]
if len(missing):
    st.caption(t("plan.map.missing", lang, n=len(missing), names=widgets.plain(", ".join(str(x) for x in missing["nama_sekolah"].head(10)))))
c1, c2 = st.columns([3, 2])
with c1:
    fig = plan_charts.school_map(points, geo.outline_rings(), lang, labels[indicator], percent)
    event = st.plotly_chart(fig, key=state.key(PAGE, "map"), on_select="rerun", selection_mode="points", config={"displaylogo": False})
with c2:
    shown = points.assign(value=(points["value"] * 100).round(1) if percent else points["value"])
    widgets.table(
        shown,
        lang,
        {"nama_sekolah": "col.school", "kecamatan": "col.kecamatan", "value": labels[indicator], "lintang": "col.lintang", "bujur": "col.bujur"},
        key=state.key(PAGE, "table"),
    )
chosen = [p.get("customdata") for p in (event.selection.points if event and event.selection else []) if p.get("customdata")]
if chosen:
    npsn = str(chosen[0][0] if isinstance(chosen[0], list) else chosen[0])
    names = widgets.school_names(ds)
    if st.button(t("plan.map.open", lang, name=names.get(npsn, npsn)), key=state.key(PAGE, "open"), type="primary"):
        st.switch_page("app_pages/profil_sekolah.py", query_params={"npsn": npsn, "lang": lang})
