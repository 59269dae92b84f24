"""The PMM predikat kinerja section shown on Kompetensi Guru and Profil Sekolah.

Every number comes from :func:`analysis.metrics.kinerja.school_tables`; the figure from
:mod:`analysis.charts.kinerja`; names only for the kepala sekolah role
(:func:`analysis.metrics.privacy.display_names`), pseudonymous codes for the others.
"""

from __future__ import annotations

import streamlit as st

from analysis.charts import kinerja as kinerja_charts
from analysis.core.dataset import Dataset
from analysis.i18n import t
from analysis.metrics import kinerja
from analysis.metrics.privacy import display_names
from ui import state, widgets


def render(ds: Dataset, tables: dict, guru, lang: str, page: str) -> None:
    """Predikat distribution per school and year (chart + table) and the attention list of one year (latest by default).

    Parameters
    ----------
    ds : Dataset
        The active dataset (its id salts the pseudonymous codes).
    tables : dict
        The selection's tables (``kinerja`` may be absent in an older dataset).
    guru : DataFrame
        The selection's teachers.
    lang : {"id", "en"}
    page : str
        Widget-key prefix of the calling page.
    """
    st.header(t("kinerja.section", lang))
    st.caption(t("kinerja.caption", lang))
    rows = tables.get("kinerja")
    if rows is None or rows.empty:
        st.caption(t("kinerja.none", lang))  # a note, not a second box beside the page's coverage box
        return
    years = kinerja.years(rows)
    year = st.selectbox(t("kinerja.year", lang), years, key=state.key(page, "kinerja_year"), help=t("kinerja.year.help", lang)) if years else None
    k = kinerja.school_tables(rows, guru, year)
    names = widgets.school_names(ds)
    widgets.figure(kinerja_charts.predikat_figure(k["distribution"], lang, names), state.key(page, "kinerja_chart"))
    st.caption(t("kinerja.table.caption", lang))
    wide = k["wide"].assign(school=[names.get(n, n) for n in k["wide"]["npsn"]])
    columns = {
        "school": "col.school",
        "tahun": "col.tahun",
        **{p: f"kinerja.predikat.{kinerja.PREDIKAT_KEYS[p]}" for p in kinerja.PREDIKAT},
        "total": "col.total_rated",
    }
    widgets.table(wide, lang, columns, key=state.key(page, "kinerja_table"), expanded=False)
    low = k["attention"]
    st.markdown(f"**{t('kinerja.attention.title', lang, year=k['year'])}**")
    if low.empty:
        st.caption(t("kinerja.attention.none", lang, year=k["year"]))
        return
    st.caption(t("kinerja.attention.codes", lang))
    labels = [t(f"kinerja.predikat.{kinerja.PREDIKAT_KEYS[p]}", lang) for p in low["predikat"]]
    shown = low.assign(teacher=display_names(low, state.shows_names(), ds.id).to_numpy(), school=[names.get(n, n) for n in low["npsn"]], predikat=labels)
    widgets.table(
        shown,
        lang,
        {"teacher": "col.teacher", "school": "col.school", "status_kepegawaian": "col.status", "predikat": "col.predikat"},
        key=state.key(page, "kinerja_attention"),
    )
