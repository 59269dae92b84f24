"""The "over the years" section of Ringkasan and Profil Sekolah.

Data: :func:`ui.state.scoped_years` (the account's schools per reference year,
from the store); figures: :mod:`analysis.views.trends` and :mod:`analysis.charts.trends`.
In demo mode there is one sample year and no store: the section says so.
"""

from __future__ import annotations

import streamlit as st

from analysis.charts import trends as trend_charts
from analysis.i18n import t
from analysis.views import trends
from ui import auth, state, widgets


def render(npsns: list[str], lang: str, page: str, ict_target: int = 3) -> None:
    """Trend charts and table over the schools ``npsns`` (one school: that school's own line)."""
    st.header(t("trend.header", lang))
    if auth.is_demo():
        st.caption(t("trend.demo", lang))
        return
    wanted = {str(n) for n in npsns}
    years = {k: v for k, v in state.scoped_years().items() if k[0] in wanted}
    per_school = trends.school_trends(years, ict_target=ict_target)
    trend = trends.district_trends(per_school)
    st.caption(t("trend.caption", lang))
    if trend["year"].nunique() < 2:
        st.info(t("trend.one_year", lang), icon=":material/timeline:")
    c1, c2 = st.columns(2)
    with c1:
        widgets.figure(trend_charts.shares_by_year_figure(trend, lang), state.key(page, "trend_shares"))
    with c2:
        widgets.figure(trend_charts.pkg_by_year_figure(trend, lang), state.key(page, "trend_pkg"))
    cols = {"year": "trend.col.year", "schools": "trend.col.schools", "teachers": "trend.col.teachers", "assessed": "trend.col.assessed"}
    cols |= {c: f"trend.figure.{c}" for c in trends.SHARES}
    widgets.table(trend, lang, cols, key=state.key(page, "trend_table"), expanded=False, kinds={c: "share" for c in trends.SHARES})
