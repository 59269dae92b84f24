"""Page helpers shared by every page: sidebar, header with the sample-data notice, charts, tables.

Pages call these so that each one looks and behaves the same: the sample-data
notice appears on every page that shows sample data, every label comes from
the string table, and every figure is rendered the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import streamlit as st

from analysis.core import formatting
from analysis.core.dataset import Dataset
from analysis.i18n import t
from analysis.reference.bands import BAND_COLOURS
from analysis.reports import exports
from analysis.reports.exports import deidentified_xlsx, district_report_html, district_report_xlsx, school_report_html
from analysis.reports.school_report import school_report_xlsx
from analysis.views.school import schools_in
from ui import auth, state
from ui.text import plain as plain


def sidebar(lang: str, ds: Dataset) -> None:
    """Language selector; the account and logout (or, in demo mode, the demo banner and role selector); the data's source."""

    sb = st.sidebar
    state.language_selector(sb)
    user = auth.current_user()
    if user is not None:
        auth.account_box(sb, lang, user)
        if user.role == "admin":
            return
    else:
        sb.warning(t("auth.demo.banner", lang), icon=":material/science:")
        state.role_selector(sb, lang)  # exists only in demo mode
    state.reference_date_input(sb, lang, ds)
    sb.divider()
    if user is not None:
        n = int(ds.tables["sekolah"]["npsn"].nunique())
        sb.caption(t("auth.source.store", lang, n=n))
    elif ds.is_sample:
        n = len(ds.report.file.split(" + ")) if ds.report.file else 0
        sb.caption(t("app.source", lang, source=t("app.source.sample", lang, n=n)))
        sb.info(t("app.sample_notice", lang), icon=":material/info:")
    else:
        sb.caption(t("app.source", lang, source=t("app.source.upload", lang, file=plain(ds.report.file))))


def page_header(title_key: str, lang: str, ds: Dataset | None = None) -> None:
    """Page title and, on sample data, the "illustrative, not measured" notice."""

    st.title(t(title_key, lang))
    if ds is not None and not auth.is_demo() and ds.tables["sekolah"].empty and ds.tables["guru"].empty:
        st.info(t("auth.no_data", lang), icon=":material/inbox:")
        st.stop()
    if ds is not None and ds.is_sample:
        st.info(t("app.sample_notice", lang), icon=":material/info:")
    if ds is not None and not state.shows_names() and state.pseudonym_key_source() == "demo":
        st.caption(t("privacy.codes_unprotected", lang))


def figure(fig, key: str) -> None:
    """Render a plotly figure at full width, its axis and hover numbers in the UI language's separators; ``key`` keeps it stable across reruns."""

    fig.update_layout(separators=formatting.plotly_separators(state.get_lang()))
    st.plotly_chart(fig, key=key, config={"displaylogo": False})


def download_popover(shown: pd.DataFrame, kinds: dict[str, str], lang: str, key: str) -> None:
    """The table's "download" popover: CSV and .xlsx of ``shown`` (its columns as headed), built when clicked, named in ``lang``."""
    csv_name, xlsx_name = exports.download_name(key, "csv", lang), exports.download_name(key, "xlsx", lang)
    with st.popover(t("table.download", lang), icon=":material/download:"):
        st.download_button(
            t("table.download.csv", lang),
            partial(exports.table_csv, shown, kinds, lang),
            file_name=csv_name,
            mime="text/csv",
            key=f"{key}__csv",
            on_click=state.record_download,
            args=(csv_name,),
        )
        st.download_button(
            t("table.download.xlsx", lang),
            partial(exports.table_xlsx, shown, kinds=kinds),
            file_name=xlsx_name,
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"{key}__xlsx",
            on_click=state.record_download,
            args=(xlsx_name,),
        )


def table(df: pd.DataFrame, lang: str, columns: dict[str, str], key: str | None = None, expanded: bool = True, kinds: dict[str, str] | None = None) -> None:
    """Show ``df`` with headers from the string table (``columns``: column → string key), downloadable as CSV and .xlsx.

    Numbers read in the UI language (:mod:`analysis.core.formatting`: "1.234", "63,7 %",
    "–" when missing) while the table still sorts by the numbers; the kind of
    each column comes from its name and values (:func:`analysis.core.formatting.column_kind`)
    unless ``kinds`` names it. The downloads hold exactly the columns shown,
    text neutralised, as rounded machine numbers (CSV) or numbers with a
    number format (.xlsx) (:mod:`analysis.reports.exports`), named in the UI language,
    and are built when their button is clicked, not on every rerun.
    With ``expanded=False`` the table sits in a closed expander (a chart above it shows the same data).
    """

    if not expanded:
        with st.expander(t("table.show", lang)):
            table(df, lang, columns, key, kinds=kinds)
        return
    shown, shown_kinds = exports.labelled(df, {c: t(k, lang) for c, k in columns.items()}, kinds)
    st.dataframe(_styled(shown, shown_kinds, lang), hide_index=True, key=key)
    if key:
        download_popover(shown, shown_kinds, lang, key)


#: Above this many cells a table is shown without per-cell formatting (pandas' Styler limit is 262,144).
_STYLED_CELLS = 200_000


def _styled(shown: pd.DataFrame, kinds: dict[str, str], lang: str):
    """``shown`` with every cell written in ``lang`` (:func:`analysis.core.formatting.cell`, "–" when missing) while the grid sorts by the values.

    Booleans stay check boxes. A table over :data:`_STYLED_CELLS` cells (or
    with a repeated header) is shown as text instead.
    """

    text = [c for c, k in kinds.items() if k == "text" and shown[c].dtype == object]
    if text and not shown.columns.duplicated().any():  # Streamlit shows a column of only None as "None" whatever the Styler says: write the dash into the data
        shown = shown.assign(**{c: [formatting.MISSING if formatting.is_missing(v) else v for v in shown[c]] for c in text})
    cols = [c for c in kinds if not pd.api.types.is_bool_dtype(shown[c])]
    if shown.size > _STYLED_CELLS or shown.columns.duplicated().any():
        data = [[formatting.cell(v, kinds[c], lang) for v in shown.iloc[:, j]] if c in cols else shown.iloc[:, j].tolist() for j, c in enumerate(shown.columns)]
        out = pd.DataFrame(dict(enumerate(data)), index=shown.index)
        out.columns = shown.columns
        return out
    fmt = {c: (lambda k: lambda v: formatting.cell(v, k, lang))(kinds[c]) for c in cols}
    return shown.style.format(fmt, na_rep=formatting.MISSING)


def school_choices(ds: Dataset) -> dict[str, str]:
    """NPSN → "Nama Sekolah (NPSN)" for the school picker (:func:`analysis.views.school.schools_in`)."""

    return {n: f"{name} ({n})" if name else n for n, name in schools_in(ds).items()}


def school_picker(ds: Dataset, lang: str, widget_key: str) -> str | None:
    """Select a school; the chosen NPSN lives in the URL (``?npsn=``) so a view can be shared.

    Returns the chosen NPSN, or ``None`` when the dataset holds no school.
    """
    choices = school_choices(ds)
    if not choices:
        return None
    options = list(choices)
    _sync_from_url(widget_key, choices, options[0])
    npsn = st.selectbox(t("profil.school", lang), options, format_func=choices.get, key=widget_key)
    _sync_to_url(widget_key, npsn)
    return npsn


def take_url_value(widget_key: str, url_value: str | None, parse: Callable[[str], object]) -> None:
    """Set a URL-backed widget's state from the URL before the widget is drawn.

    The URL wins when it brings a value the widget did not write itself (a
    shared link, a drill-down) or when the widget is new on this run:
    Streamlit forgets a widget's state when the user leaves its page, so a
    second visit by the same link must still show what the link asks for.
    With no value in the URL, a widget new on this run gets back the value it
    had when the user left the page. The value last written to the URL is kept
    under ``<widget_key>__url``, so a stale URL never overrides the user's own
    choice in the widget.
    """
    remembered = st.session_state.get(widget_key + "__url")
    fresh = widget_key not in st.session_state
    if url_value is not None and (fresh or url_value != remembered):
        st.session_state[widget_key] = parse(url_value)
    elif fresh and remembered is not None:
        st.session_state[widget_key] = parse(remembered)


def _sync_from_url(widget_key: str, choices: dict[str, str], default: str) -> None:
    """Take ``?npsn=`` into the school picker (see :func:`take_url_value`); an unknown NPSN falls back to ``default``."""
    take_url_value(widget_key, st.query_params.get("npsn"), lambda v: v if v in choices else default)
    if st.session_state.get(widget_key) not in choices:
        st.session_state[widget_key] = default


def _sync_to_url(widget_key: str, value: str) -> None:
    st.session_state[widget_key + "__url"] = value
    if st.query_params.get("npsn") != value:
        st.query_params["npsn"] = value


def school_row(ds: Dataset, npsn: str) -> dict[str, str]:
    """The identity fields of one school as text ("–" where empty), for the page caption."""
    sk = ds.tables["sekolah"]
    row = sk[sk["npsn"] == npsn]
    rec = row.iloc[0].to_dict() if len(row) else {}

    def val(k: str) -> str:
        v = rec.get(k)
        return "–" if v is None or (isinstance(v, float) and v != v) or str(v).strip() == "" else str(v)

    return {
        "npsn": npsn,
        "nama": val("nama_sekolah"),
        "jenjang": val("jenjang"),
        "status": val("status"),
        "naungan": val("naungan"),
        "kecamatan": val("kecamatan"),
        "kabupaten": val("kabupaten_kota"),
    }


#: Headline figure → (string key of its label, kind): "count", "share" (0–1) or "score" (0–100).
METRICS: dict[str, tuple[str, str]] = {
    "schools": ("metric.schools", "count"),
    "teachers": ("metric.teachers", "count"),
    "staff": ("metric.staff", "count"),
    "certified_share": ("metric.certified_share", "share"),
    "out_of_field_share_headcount": ("metric.out_of_field_share", "share"),
    "ict_below_target_share": ("metric.ict_below_target_share", "share"),
    "trained_last_12_months_share": ("metric.trained_share", "share"),
    "domain_mean_pedagogik": ("metric.domain_mean_pedagogik", "score"),
    "domain_mean_kepribadian": ("metric.domain_mean_kepribadian", "score"),
    "domain_mean_sosial": ("metric.domain_mean_sosial", "score"),
    "domain_mean_profesional": ("metric.domain_mean_profesional", "score"),
}


def format_value(value: object, kind: str, lang: str) -> str:
    """A figure as shown on a card (:func:`analysis.core.formatting.value`): "1.234", "63,7 %", "85,1" in Bahasa Indonesia; "–" when missing."""

    return formatting.value(value, kind, lang)


def metrics(figures: dict, lang: str, keys: tuple[str, ...] | None = None, per_row: int = 6, ict_target: int | None = None, coverage=None) -> None:
    """Cards of headline figures (those of :data:`METRICS` present in ``figures``), ``per_row`` to a row.

    With ``coverage`` (:class:`analysis.views.coverage.Coverage`), a card whose sheet the
    file lacks shows "–" with "no data in this file" under it, never a number.
    """
    shown = [k for k in (keys or tuple(METRICS)) if k in figures]
    for start in range(0, len(shown), per_row):
        cols = st.columns(per_row)
        for col, k in zip(cols, shown[start : start + per_row]):
            label_key, kind = METRICS[k]
            known = coverage is None or coverage.supports_metric(k)
            col.metric(
                t(label_key, lang, target=ict_target or 3),
                format_value(figures[k], kind, lang) if known else "–",
                help=t(label_key + ".help", lang, target=ict_target or 3),
            )
            if not known:  # the card says why it has no number (a card is too narrow for the sentence as its value)
                col.caption(t("coverage.no_data", lang))


def value_labels(attribute: str, values, lang: str) -> dict[str, str]:
    """Display labels of the values of a staff attribute (gender, age band, "unknown"); others as written."""
    labels: dict[str, str] = {}
    for v in values:
        if v == "unknown":
            labels[v] = t("chart.unknown", lang)
        elif attribute == "jk" and v in ("L", "P"):
            labels[v] = t(f"chart.gender.{v}", lang)
        elif attribute == "age_band":
            labels[v] = t("chart.age_band", lang, band=v)
        else:
            labels[v] = str(v)
    return labels


def school_report_download(ds: Dataset, npsn: str, lang: str, page: str, ict_target: int = 3) -> None:
    """Download buttons of the school report (.xlsx and self-contained .html); names only for the school head's role.

    Both files are built when the button is clicked (Streamlit's deferred
    ``data``), not on every rerun of the page.
    """

    names = state.shows_names()
    stem = t("filename.school_report", lang, npsn=npsn)
    st.download_button(
        t("report.school.download", lang),
        state.audited(partial(school_report_xlsx, ds, npsn, lang, show_names=names, ict_target=ict_target), f"{stem}.xlsx", npsn),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=state.key(page, "report"),
        help=t("report.school.download.help", lang),
        icon=":material/download:",
    )
    st.download_button(
        t("report.download.html", lang),
        state.audited(partial(_utf8, school_report_html, ds, npsn, lang, show_names=names, ict_target=ict_target), f"{stem}.html", npsn),
        file_name=f"{stem}.html",
        mime="text/html",
        key=state.key(page, "report_html"),
        icon=":material/download:",
    )


def _utf8(build: Callable[..., str], *args, **kwargs) -> bytes:
    """``build(*args, **kwargs)`` encoded as UTF-8 (for a deferred download of a text report)."""
    return build(*args, **kwargs).encode("utf-8")


ALL_SCHOOLS = "all"


def school_scope(ds: Dataset, lang: str, widget_key: str) -> str | None:
    """Select one school or all schools; kept in the URL (``?npsn=``, ``all`` for every school).

    Returns the chosen NPSN, or ``None`` for all schools.
    """
    choices = {ALL_SCHOOLS: t("scope.all_schools", lang, n=len(school_choices(ds)))} | school_choices(ds)
    _sync_from_url(widget_key, choices, ALL_SCHOOLS)
    choice = st.selectbox(t("scope.label", lang), list(choices), format_func=choices.get, key=widget_key)
    _sync_to_url(widget_key, choice)
    return None if choice == ALL_SCHOOLS else choice


def school_names(ds: Dataset) -> dict[str, str]:
    """NPSN → school name (the NPSN where unnamed), for chart labels."""

    return {n: name or n for n, name in schools_in(ds).items()}


def csv_download(df: pd.DataFrame, lang: str, label_key: str, file_name: str, key: str) -> None:
    """Download ``df`` as CSV (:func:`analysis.reports.exports.table_csv`: UTF-8 with BOM, rounded machine numbers, text that a spreadsheet would run as a formula neutralised)."""

    st.download_button(
        t(label_key, lang),
        exports.table_csv(df, lang=lang),
        file_name=file_name,
        mime="text/csv",
        key=key,
        icon=":material/download:",
        on_click=state.record_download,
        args=(file_name,),
    )


def multiselect_words(lang: str) -> dict[str, object]:
    """Keyword arguments that keep a ``st.multiselect`` in the UI language.

    The placeholder comes from the string table. Streamlit 1.67 writes its
    "Select all" / "Select N matches" entry in English only and offers no
    label for it (``select_all`` only shows or hides it), so in Bahasa
    Indonesia it is hidden; an empty filter already means every option.
    """
    return {"placeholder": t("common.choose", lang), "select_all": lang == "en"}


def url_multiselect(
    label: str,
    options: list[str],
    param: str,
    widget_key: str,
    lang: str = "id",
    labels: dict[str, str] | None = None,
    max_selections: int | None = None,
) -> list[str]:
    """A multiselect whose choice lives in the URL (``?param=a,b``), so a filtered view can be shared as a link.

    ``labels`` names the options; ``max_selections`` caps the choice, and a
    link that asks for more keeps the first ``max_selections`` (with a notice).
    """

    def parse(raw: str) -> list[str]:
        return [v for v in raw.split(",") if v in options]

    raw = st.query_params.get(param)
    take_url_value(widget_key, raw, lambda r: parse(r)[:max_selections])
    asked = parse(raw) if raw else []
    if max_selections and len(asked) > max_selections:
        st.warning(t("common.too_many", lang, n=len(asked), max=max_selections), icon=":material/warning:")
    chosen = st.multiselect(
        label,
        options,
        key=widget_key,
        format_func=(labels or {}).get if labels else str,
        max_selections=max_selections,
        **multiselect_words(lang),
    )
    value = ",".join(chosen)
    st.session_state[widget_key + "__url"] = value
    if value and st.query_params.get(param) != value:
        st.query_params[param] = value
    elif not value and param in st.query_params:
        del st.query_params[param]
    return chosen


#: Columns of the overview's school table shown before the user adds others (fit 1280 px).
SCHOOL_TABLE_DEFAULT: tuple[str, ...] = (
    "nama_sekolah",
    "npsn",
    "jenjang",
    "teachers",
    "out_of_field_share_headcount",
    "ict_below_target_share",
    "trained_last_12_months_share",
)


def banded_school_table(table: pd.DataFrame, lang: str, key: str, ict_target: int = 3) -> str | None:
    """The per-school overview table, each figure coloured by its band; a selected row returns its NPSN.

    ``table`` is :func:`analysis.views.district.school_table`. Shares show in percent,
    means with one decimal; the band columns colour their figures and are not shown.
    :data:`SCHOOL_TABLE_DEFAULT` columns show first; a column picker adds the others
    (kecamatan, certified, the four domain means), so none runs off-screen.
    """

    figures_all = [c for c in table.columns if c in METRICS]
    label = {c: t(METRICS[c][0], lang, target=ict_target) for c in figures_all} | {
        "nama_sekolah": t("col.school", lang),
        "npsn": "NPSN",
        "jenjang": t("report.school.jenjang", lang),
        "kecamatan": t("report.school.kecamatan", lang),
    }
    every = ["nama_sekolah", "npsn", "jenjang", "kecamatan", *figures_all]
    picked = st.multiselect(
        t("ringkasan.columns", lang), every, default=[c for c in every if c in SCHOOL_TABLE_DEFAULT], format_func=lambda c: label[c], key=f"{key}__columns"
    )
    shown_cols = [c for c in every if c in picked or c == "nama_sekolah"]
    figures = [c for c in figures_all if c in shown_cols]
    view = table[shown_cols].rename(columns=label).reset_index(drop=True)
    bands = table.reset_index(drop=True)

    def colour(col: pd.Series) -> list[str]:
        src = next((f for f in figures if label[f] == col.name), None)
        if src is None or f"band_{src}" not in bands:
            return [""] * len(col)
        return [f"background-color: {BAND_COLOURS[b]}55" if b != "none" else "" for b in bands[f"band_{src}"]]

    kinds = {label[f]: METRICS[f][1] for f in figures} | {label[c]: "text" for c in ("nama_sekolah", "npsn", "jenjang", "kecamatan")}
    fmt = {label[f]: (lambda kind: lambda v: formatting.value(v, kind, lang))(METRICS[f][1]) for f in figures}  # a suppressed figure ("<10") shows as it is
    styler = view.style.apply(colour, axis=0).format(fmt, na_rep=formatting.MISSING)
    event = st.dataframe(styler, hide_index=True, key=key, on_select="rerun", selection_mode="single-row")
    download_popover(view, kinds, lang, key)
    rows = event.selection.rows if event is not None and hasattr(event, "selection") else []
    return str(table.iloc[rows[0]]["npsn"]) if rows else None


def district_report_downloads(ds: Dataset, npsns: list[str], lang: str, page: str, ict_target: int = 3, filters: dict[str, list[str]] | None = None) -> None:
    """Download buttons of the district report (.xlsx with native charts, self-contained .html), built when clicked; ``filters`` are written in both."""

    stem = t("filename.district_report", lang)
    c1, c2 = st.columns(2)
    c1.download_button(
        t("report.download.xlsx", lang),
        state.audited(partial(district_report_xlsx, ds, list(npsns), lang, ict_target, filters), f"{stem}.xlsx", list(npsns)),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=state.key(page, "report_xlsx"),
        icon=":material/download:",
    )
    c2.download_button(
        t("report.download.html", lang),
        state.audited(partial(_utf8, district_report_html, ds, list(npsns), lang, ict_target, filters), f"{stem}.html", list(npsns)),
        file_name=f"{stem}.html",
        mime="text/html",
        key=state.key(page, "report_html"),
        icon=":material/download:",
    )


def deidentified_export(ds: Dataset, npsns: list[str], lang: str):
    """The researcher export of the chosen schools, built when the button is clicked (a callable for ``st.download_button``).

    Not cached across sessions (``st.cache_data`` is shared by every session):
    one user's data never sits where another user's request can reach it.
    """

    return state.audited(partial(deidentified_xlsx, ds, list(npsns), lang), f"{t('filename.deidentified', lang)}.xlsx", list(npsns))
