"""Unggah Data: upload a workbook or Dapodik export, see its validation report, get the template.

Thin page: reading and validating is :func:`analysis.ingest.load_file`; the
report table and its .xlsx are :mod:`analysis.report`; the template is
:func:`analysis.template.build_template`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.dapodik import is_npsn_input, matching_npsn, missing_npsn
from analysis.i18n import t
from analysis.reader import EXTENSIONS
from ui import state, widgets

PAGE = "upload"
lang = state.get_lang()
active = state.get_dataset()
widgets.page_header("page.upload.title", lang, active)
st.write(t("page.upload.intro", lang))

if state.has_upload():
    c1, c2 = st.columns([3, 1], vertical_alignment="center")
    c1.success(t("upload.active_upload", lang, file=widgets.plain(active.report.file)))
    if c2.button(t("upload.back_to_sample", lang), key=state.key(PAGE, "back")):
        state.reset_dataset()
        st.rerun()

# ---------------------------------------------------------------- template
with st.expander(t("upload.template.header", lang), icon=":material/description:"):
    st.write(t("upload.template.text", lang))

    def _template() -> None:
        from analysis.template import build_template

        st.download_button(
            t("upload.template.download", lang),
            data=build_template(),
            file_name="template_kompetensi_guru.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=state.key(PAGE, "template"),
            icon=":material/download:",
        )

    widgets.guarded(_template, lang)

# ------------------------------------------------------------------ upload
uploaded = st.file_uploader(t("upload.file", lang), type=list(EXTENSIONS), key=state.key(PAGE, "file"))
if uploaded is not None:
    ds = state.load_upload(uploaded.getvalue(), uploaded.name, lang=lang)  # queued: at most two uploads parsed at once
    # A Dapodik listing without NPSN: ask for it, offering a loaded school's with the same name and kecamatan.
    school = missing_npsn(ds.report)
    if school is not None:
        match = matching_npsn(school, state.loaded_schools())
        st.info(t("upload.npsn.ask", lang, school=widgets.plain(school["school"])), icon=":material/badge:")
        typed = st.text_input(t("upload.npsn.label", lang), value=match or "", max_chars=8, help=t("upload.npsn.help", lang, school=widgets.plain(school["school"])),
                              key=state.key(PAGE, f"npsn_{getattr(uploaded, 'file_id', uploaded.name)}"))
        if match and typed.strip() == match:
            st.caption(t("upload.npsn.matched", lang, npsn=match))
        if typed.strip() and not is_npsn_input(typed):
            st.warning(t("upload.npsn.bad", lang), icon=":material/warning:")
        elif typed.strip():
            ds = state.load_upload(uploaded.getvalue(), uploaded.name, typed.strip(), lang=lang)
    report = ds.report
    if not report.readable:
        # One clear message, never a traceback.
        st.error(t("upload.unreadable", lang, file=widgets.plain(report.file)) + " " + " ".join(widgets.plain(p.message(lang)) for p in report.problems), icon=":material/error:")
    else:
        st.subheader(t("upload.report.header", lang, file=widgets.plain(report.file)))
        st.caption(t("upload.layout", lang, layout=t(f"layout.{report.layout}", lang)))
        sheets = [s.as_dict() for s in report.sheets]
        cols = st.columns(4)
        for col, (k, label) in zip(cols, (("rows_read", "upload.metric.read"), ("rows_accepted", "upload.metric.accepted"), ("rows_rejected", "upload.metric.rejected"), ("rows_blank", "upload.metric.blank"))):
            col.metric(t(label, lang), sum(s[k] for s in sheets))

        st.markdown(f"**{t('upload.sheets.header', lang)}**")
        st.caption(t("upload.sheets.caption", lang))
        if sheets:
            widgets.table(pd.DataFrame(sheets), lang, {"sheet": "col.sheet", "rows_read": "col.rows_read", "rows_accepted": "col.rows_accepted", "rows_rejected": "col.rows_rejected", "rows_blank": "col.rows_blank"}, key=state.key(PAGE, "sheets"))

        st.markdown(f"**{t('upload.dropped.header', lang)}**")
        if report.dropped_columns:
            st.warning(t("upload.dropped.text", lang, columns=", ".join(widgets.plain(c) for c in report.dropped_columns)), icon=":material/shield:")
        else:
            st.caption(t("upload.dropped.none", lang))

        use_ok = not ds.tables["guru"].empty
        b1, b2 = st.columns([1, 3], vertical_alignment="center")
        if b1.button(t("upload.use", lang), type="primary", disabled=not use_ok, help=t("upload.use.help", lang), key=state.key(PAGE, "use")):
            state.set_dataset(ds)
            st.rerun()
        if not use_ok:
            b2.warning(t("upload.use.no_teachers", lang))
        elif state.has_upload() and state.get_dataset().id == ds.id:
            b2.success(t("upload.use.done", lang, file=widgets.plain(report.file)))

    # The problems table: for an unreadable file too, so the one message can be downloaded.
    st.subheader(t("upload.problems.header", lang, n=len(report.problems)))
    if not report.problems:
        st.success(t("upload.problems.none", lang))
    else:
        choice = st.segmented_control(
            t("upload.problems.filter", lang),
            ["all", "error", "warning"],
            default="all",
            format_func=lambda k: t("upload.filter.all", lang) if k == "all" else t(f"upload.filter.{k}", lang, n=len(report.errors if k == "error" else report.warnings)),
            key=state.key(PAGE, "severity"),
        )
        problems = report.problems if choice in (None, "all") else [p for p in report.problems if p.severity == choice]
        rows = [{k: ("" if v is None else v) for k, v in p.as_dict(lang).items()} | {"severity": t(f"severity.{p.severity}", lang)} for p in problems]
        if rows:
            widgets.table(pd.DataFrame(rows), lang, {"sheet": "col.sheet", "row": "col.row", "column": "col.column", "value": "col.value", "severity": "col.severity", "message": "col.message"}, key=state.key(PAGE, "problems"))
        st.caption(t("upload.problems.caption", lang))

    def _report_download() -> None:
        from analysis.report import report_xlsx

        st.download_button(
            t("upload.report.download", lang),
            data=report_xlsx(report, lang),
            file_name=f"laporan_validasi_{report.file.rsplit('.', 1)[0]}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=state.key(PAGE, "report"),
            icon=":material/download:",
        )

    widgets.guarded(_report_download, lang)
