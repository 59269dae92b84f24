"""Profil Sekolah: one school's staff, competency, out-of-field teaching, ICT mastery, training.

Thin page: every number comes from an ``analysis`` function, every figure
from :mod:`analysis.charts`, every word from the string table.
"""

from __future__ import annotations

import streamlit as st

from analysis.i18n import t
from ui import state, widgets

PAGE = "profil"
lang = state.get_lang()
ds = state.get_dataset()
widgets.page_header("page.profil.title", lang, ds)

npsn = widgets.school_picker(ds, lang, state.key(PAGE, "school"))
if npsn is None:
    st.warning(t("profil.no_schools", lang))
    st.stop()

school = widgets.school_row(ds, npsn)
st.caption(t("profil.identity", lang, **school))
ref = ds.reference_date()
st.caption(t("profil.reference_date", lang, date=ref.strftime("%d/%m/%Y")))
