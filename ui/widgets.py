"""Page helpers shared by every page: sidebar, header with the sample-data notice, charts, tables.

Pages call these so that each one looks and behaves the same: the sample-data
notice appears on every page that shows sample data, every label comes from
the string table, and every figure is rendered the same way.
"""

from __future__ import annotations

from typing import Callable

import pandas as pd
import streamlit as st

from analysis.dataset import Dataset
from analysis.i18n import t
from ui import state


def sidebar(lang: str, ds: Dataset) -> None:
    """Language and role selectors, the active dataset's source, the sample-data notice."""
    sb = st.sidebar
    state.language_selector(sb)
    state.role_selector(sb, lang)
    sb.divider()
    if ds.is_sample:
        n = len(ds.report.file.split(" + ")) if ds.report.file else 0
        sb.caption(t("app.source", lang, source=t("app.source.sample", lang, n=n)))
        sb.info(t("app.sample_notice", lang), icon=":material/info:")
    else:
        sb.caption(t("app.source", lang, source=t("app.source.upload", lang, file=ds.report.file)))


def page_header(title_key: str, lang: str, ds: Dataset | None = None) -> None:
    """Page title and, on sample data, the "illustrative, not measured" notice."""
    st.title(t(title_key, lang))
    if ds is not None and ds.is_sample:
        st.info(t("app.sample_notice", lang), icon=":material/info:")


def figure(fig, key: str) -> None:
    """Render a plotly figure at full width; ``key`` keeps it stable across reruns."""
    st.plotly_chart(fig, key=key, config={"displaylogo": False})


def table(df: pd.DataFrame, lang: str, columns: dict[str, str], key: str | None = None) -> None:
    """Show ``df`` with headers from the string table (``columns``: column → string key)."""
    shown = df[list(columns)].rename(columns={c: t(k, lang) for c, k in columns.items()})
    st.dataframe(shown, hide_index=True, key=key)


def guarded(render: Callable[[], None], lang: str) -> None:
    """Run one section of a page; a part whose analysis is not installed yet says so.

    Only ``ImportError``/``AttributeError`` of a missing analysis module are
    caught (work in progress elsewhere); any other error is a bug and is raised.
    """
    try:
        render()
    except (ImportError, AttributeError) as exc:  # a module or function not there yet
        if "analysis" not in str(exc):
            raise
        st.caption(t("app.not_available", lang))


def school_choices(ds: Dataset) -> dict[str, str]:
    """NPSN → "Nama Sekolah (NPSN)" for the school picker, in the sekolah table's order."""
    sk = ds.tables["sekolah"]
    return {str(n): f"{name} ({n})" if name else str(n) for n, name in zip(sk["npsn"], sk["nama_sekolah"]) if n}


def school_picker(ds: Dataset, lang: str, widget_key: str) -> str | None:
    """Select a school; the chosen NPSN lives in the URL (``?npsn=``) so a view can be shared.

    Returns the chosen NPSN, or ``None`` when the dataset holds no school.
    """
    choices = school_choices(ds)
    if not choices:
        return None
    options = list(choices)
    wanted = st.query_params.get("npsn")
    if wanted in choices:
        # The URL wins (a shared link, a drill-down from another page).
        st.session_state[widget_key] = wanted
    elif st.session_state.get(widget_key) not in choices:
        st.session_state[widget_key] = options[0]
    npsn = st.selectbox(t("profil.school", lang), options, format_func=choices.get, key=widget_key)
    if st.query_params.get("npsn") != npsn:
        st.query_params["npsn"] = npsn
    return npsn


def school_row(ds: Dataset, npsn: str) -> dict[str, str]:
    """The identity fields of one school as text ("–" where empty), for the page caption."""
    sk = ds.tables["sekolah"]
    row = sk[sk["npsn"] == npsn]
    rec = row.iloc[0].to_dict() if len(row) else {}

    def val(k: str) -> str:
        v = rec.get(k)
        return "–" if v is None or (isinstance(v, float) and v != v) or str(v).strip() == "" else str(v)

    return {"npsn": npsn, "nama": val("nama_sekolah"), "jenjang": val("jenjang"), "status": val("status"), "naungan": val("naungan"), "kecamatan": val("kecamatan"), "kabupaten": val("kabupaten_kota")}
