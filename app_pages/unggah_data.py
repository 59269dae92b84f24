"""Unggah Data: upload a workbook or Dapodik export, see its validation report, get the template.

Thin page: reading and validating is :func:`analysis.ingest.load.load_file`; the
report table and its .xlsx are :mod:`analysis.reports.validation`; the template is
:func:`analysis.ingest.template.build_template`.

With accounts, a file whose report has been shown is stored in the district's
store when the user confirms (:func:`analysis.store.submit_file`, which allows a
kepala sekolah only their own NPSN); the school's stored submissions are listed
with the current one marked, and an earlier one can be made current again
(:func:`analysis.store.make_current`). In demo mode a file is used for this
session only.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import store as st_store
from analysis.i18n import t
from analysis.ingest.dapodik import is_npsn_input, matching_npsn, missing_npsn
from analysis.ingest.reader import EXTENSIONS
from analysis.ingest.template import build_template
from analysis.reports.validation import report_xlsx
from ui import auth, state, widgets

PAGE = "upload"
lang = state.get_lang()
user = auth.current_user()
active = state.get_dataset()
widgets.page_header("page.upload.title", lang, active if user is None else None)
st.write(t("page.upload.intro", lang) if user is None else t("upload.store.intro", lang))

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

        st.download_button(
            t("upload.template.download", lang),
            data=build_template,  # built when clicked: seconds on every rerun otherwise
            file_name=f"{t('filename.template', lang)}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=state.key(PAGE, "template"),
            icon=":material/download:",
        )

    _template()


# ------------------------------------------------------------------ upload
def typed_npsn() -> str | None:
    """The NPSN the user typed for a Dapodik listing without one (this file only)."""
    return st.session_state.get(state.key(PAGE, "npsn_given"))


def upload_store_slot():
    """Storing parses the file again: in the same process-wide queue as the reading."""
    return state.upload_slots().hold()


def on_new_file() -> None:
    for k in ("npsn_given", "result"):
        st.session_state.pop(state.key(PAGE, k), None)


uploaded = st.file_uploader(t("upload.file", lang), type=list(EXTENSIONS), key=state.key(PAGE, "file"), on_change=on_new_file)
if uploaded is not None:
    ds = state.load_upload(uploaded.getvalue(), uploaded.name, lang=lang)  # queued: at most two uploads parsed at once
    # A Dapodik listing without NPSN: ask for it, offering a loaded school's with the same name and kecamatan.
    school = missing_npsn(ds.report)
    if school is not None:
        match = matching_npsn(school, state.loaded_schools())
        st.info(t("upload.npsn.ask", lang, school=widgets.plain(school["school"])), icon=":material/badge:")
        typed = st.text_input(
            t("upload.npsn.label", lang),
            value=match or "",
            max_chars=8,
            help=t("upload.npsn.help", lang, school=widgets.plain(school["school"])),
            key=state.key(PAGE, f"npsn_{getattr(uploaded, 'file_id', uploaded.name)}"),
        )
        if match and typed.strip() == match:
            st.caption(t("upload.npsn.matched", lang, npsn=match))
        if typed.strip() and not is_npsn_input(typed):
            st.warning(t("upload.npsn.bad", lang), icon=":material/warning:")
        elif typed.strip():
            st.session_state[state.key(PAGE, "npsn_given")] = typed.strip()
            ds = state.load_upload(uploaded.getvalue(), uploaded.name, typed.strip(), lang=lang)
    report = ds.report
    if not report.readable:
        # One clear message, never a traceback.
        st.error(
            t("upload.unreadable", lang, file=widgets.plain(report.file)) + " " + " ".join(widgets.plain(p.message(lang)) for p in report.problems),
            icon=":material/error:",
        )
    else:
        st.subheader(t("upload.report.header", lang, file=widgets.plain(report.file)))
        st.caption(t("upload.layout", lang, layout=t(f"layout.{report.layout}", lang)))
        sheets = [s.as_dict() for s in report.sheets]
        cols = st.columns(4)
        for col, (k, label) in zip(
            cols,
            (
                ("rows_read", "upload.metric.read"),
                ("rows_accepted", "upload.metric.accepted"),
                ("rows_rejected", "upload.metric.rejected"),
                ("rows_blank", "upload.metric.blank"),
            ),
        ):
            col.metric(t(label, lang), sum(s[k] for s in sheets))

        st.markdown(f"**{t('upload.sheets.header', lang)}**")
        st.caption(t("upload.sheets.caption", lang))
        if sheets:
            widgets.table(
                pd.DataFrame(sheets),
                lang,
                {
                    "sheet": "col.sheet",
                    "rows_read": "col.rows_read",
                    "rows_accepted": "col.rows_accepted",
                    "rows_rejected": "col.rows_rejected",
                    "rows_blank": "col.rows_blank",
                },
                key=state.key(PAGE, "sheets"),
            )

        st.markdown(f"**{t('upload.dropped.header', lang)}**")
        if report.dropped_columns:
            st.warning(t("upload.dropped.text", lang, columns=", ".join(widgets.plain(c) for c in report.dropped_columns)), icon=":material/shield:")
        else:
            st.caption(t("upload.dropped.none", lang))

        use_ok = not ds.tables["guru"].empty
        b1, b2 = st.columns([1, 3], vertical_alignment="center")
        if user is not None:
            if b1.button(
                t("upload.store.save", lang), type="primary", disabled=not use_ok, help=t("upload.store.save.help", lang), key=state.key(PAGE, "save")
            ):
                with upload_store_slot():
                    result = st_store.submit_file(auth.store(), user, uploaded.getvalue(), uploaded.name, npsn=typed_npsn())
                st.session_state[state.key(PAGE, "result")] = (result.status, result.message(lang))
            done = st.session_state.get(state.key(PAGE, "result"))
            if done:
                shown = {"stored": b2.success, "duplicate": b2.info, "refused": b2.error}[done[0]]
                shown(widgets.plain(done[1]))
            if not use_ok:
                b2.warning(t("upload.use.no_teachers", lang))
        elif b1.button(t("upload.use", lang), type="primary", disabled=not use_ok, help=t("upload.use.help", lang), key=state.key(PAGE, "use")):
            state.set_dataset(ds)
            st.rerun()
        if user is None and not use_ok:
            b2.warning(t("upload.use.no_teachers", lang))
        elif user is None and state.has_upload() and state.get_dataset().id == ds.id:
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
            format_func=lambda k: (
                t("upload.filter.all", lang) if k == "all" else t(f"upload.filter.{k}", lang, n=len(report.errors if k == "error" else report.warnings))
            ),
            key=state.key(PAGE, "severity"),
        )
        problems = report.problems if choice in (None, "all") else [p for p in report.problems if p.severity == choice]
        rows = [{k: ("" if v is None else v) for k, v in p.as_dict(lang).items()} | {"severity": t(f"severity.{p.severity}", lang)} for p in problems]
        if rows:
            widgets.table(
                pd.DataFrame(rows),
                lang,
                {"sheet": "col.sheet", "row": "col.row", "column": "col.column", "value": "col.value", "severity": "col.severity", "message": "col.message"},
                key=state.key(PAGE, "problems"),
            )
        st.caption(t("upload.problems.caption", lang))

    def _report_download() -> None:

        st.download_button(
            t("upload.report.download", lang),
            data=report_xlsx(report, lang),
            file_name=f"{t('filename.validation', lang, name=report.file.rsplit('.', 1)[0])}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=state.key(PAGE, "report"),
            icon=":material/download:",
        )

    _report_download()

# ------------------------------------------------------- stored submissions
if user is not None and user.role in ("kepala_sekolah", "dinas"):
    st.header(t("upload.store.list.header", lang))
    subs = st_store.list_submissions(auth.store(), user)
    if subs.empty:
        st.caption(t("upload.store.list.none", lang))
    else:
        shown = subs.assign(
            current=[t("upload.store.current", lang) if c else "" for c in subs["current"]],
            uploaded_at=subs["uploaded_at"].dt.strftime("%d/%m/%Y %H:%M"),
        )
        widgets.table(
            shown,
            lang,
            {
                "submission_id": "upload.store.col.id",
                "npsn": "upload.store.col.npsn",
                "nama_sekolah": "col.school",
                "file_name": "upload.store.col.file",
                "uploader": "upload.store.col.uploader",
                "uploaded_at": "upload.store.col.uploaded_at",
                "reference_date": "upload.store.col.reference_date",
                "rows_rejected": "col.rows_rejected",
                "current": "upload.store.col.current",
            },
        )
        earlier = subs[~subs["current"]]
        if len(earlier):
            options = [(int(r.submission_id), str(r.npsn)) for r in earlier.itertuples()]
            c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
            pick = c1.selectbox(
                t("upload.store.make_current.pick", lang),
                options,
                format_func=lambda o: t("upload.store.option", lang, id=o[0], npsn=o[1]),
                key=state.key(PAGE, "earlier"),
            )
            if c2.button(t("upload.store.make_current", lang), key=state.key(PAGE, "make_current")):
                try:
                    st_store.make_current(auth.store(), user, pick[0], npsn=pick[1])
                except (st_store.AccessDenied, KeyError):
                    st.error(t("upload.store.make_current.denied", lang))
                else:
                    st.rerun()
