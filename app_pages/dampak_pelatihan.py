"""Dampak Pelatihan: competency before and after trainings, tested, with a comparison group.

Thin page: pairing and statistics are :mod:`analysis.metrics.effects` (scipy, pingouin,
statsmodels) through :mod:`analysis.views.school`. The page opens on one answer per
training type and domain (:func:`analysis.metrics.effects.answer_table`); the
comparison group, the breakdowns and the test details are folded below, each
effect table with the caveat ``effects.caveat`` under it.
"""

from __future__ import annotations

import streamlit as st

from analysis import charts
from analysis.i18n import t
from analysis.metrics import effects
from analysis.views import school
from ui import cache, coverage, state, widgets

PAGE = "dampak"
lang = state.get_lang()
ds = state.get_dataset()
widgets.page_header("page.dampak.title", lang, ds)
st.caption(t("dampak.intro", lang, min=effects.MIN_PAIRS))

npsn = widgets.school_scope(ds, lang, state.key(PAGE, "scope"))
window = st.slider(t("dampak.window", lang), 3, 24, effects.DEFAULT_WINDOW, key=state.key(PAGE, "window"), help=t("dampak.window.help", lang))
cluster = "teacher"
if npsn is None and len(widgets.school_choices(ds)) > 1:
    # a district-wide view: teachers of one school share an assessor, so their errors may correlate
    cluster = st.radio(
        t("effects.cluster.choice", lang),
        effects.CLUSTERS,
        format_func=lambda c: t(f"effects.cluster.{c}", lang),
        horizontal=True,
        key=state.key(PAGE, "cluster"),
        help=t("effects.cluster.help", lang),
    )
sel = cache.select(ds, npsn)
cov = coverage.of(sel.tables, sel.reference_date)
coverage.box(cov, ("training_effects",), lang)
with st.spinner(t("app.computing.effects", lang), show_time=True):  # seconds on a district; remembered per dataset (ui.cache)
    res = cache.get(ds, "school.effect_tables", (npsn, window, cluster), lambda: school.effect_tables(sel, window, cluster), shared=True)


def show(table, key: str, headers: dict[str, str], by: str | None = None, shown=None) -> None:
    """An effect table (or, ``shown``, a display frame already built) with the caveat under it."""
    cols = ({"group": "col.group"} if by else {}) | headers
    widgets.table(effects.display_table(table, lang, by) if shown is None else shown, lang, cols, key=state.key(PAGE, key))
    st.caption(t("effects.caveat", lang))


def sentences(table, by: str | None = None) -> None:
    for _, row in table.iterrows():
        st.markdown("- " + widgets.plain(effects.sentence(row, lang, training=effects.group_label(row["group"], lang, by) if by else None)))


if not cov.supports("training_effects"):
    coverage.figure(cov, "training_effects", lambda: None, state.key(PAGE, "overall_fig"), lang, "dampak.section.overall")
    st.stop()
if res.overall.empty:
    st.info(t("dampak.none", lang), icon=":material/info:")
    st.stop()

answer = effects.answer_table(res, tested_only=True)
st.header(t("dampak.section.answer", lang))
st.caption(t("dampak.answer.caption", lang))
show(answer, "answer", effects.ANSWER_HEADERS, shown=effects.answer_grid(answer, lang))
st.caption(t("dampak.answer.legend", lang))
if answer.attrs["untested_groups"]:
    st.caption(t("dampak.answer.untested", lang, n=answer.attrs["untested_groups"]))
widgets.figure(charts.effects_figure(answer, lang, {g: effects.group_label(g, lang) for g in answer["group"]}), state.key(PAGE, "answer_fig"))

with st.expander(t("dampak.more.did", lang)):
    st.caption(t("effects.did.caption", lang, cluster=t(f"effects.cluster.{res.cluster}", lang)))
    if res.did.empty or res.did["too_few"].all():
        n_control = int(res.did["n_control"].max()) if len(res.did) else 0
        st.info(t("dampak.did.too_few", lang, n=n_control, min=effects.MIN_PAIRS), icon=":material/info:")
    else:
        show(res.did, "did", effects.DID_HEADERS)
        for _, row in res.did.iterrows():
            st.markdown("- " + widgets.plain(effects.did_sentence(row, lang, res.cluster)))
        show(res.ancova, "ancova", effects.ANCOVA_HEADERS)
        for _, row in res.ancova.iterrows():
            st.markdown("- " + widgets.plain(effects.ancova_sentence(row, lang, res.cluster)))

with st.expander(t("dampak.more.by_jp", lang)):
    st.caption(t("dampak.by_jp.caption", lang))
    show(res.by_jp, "by_jp", effects.EFFECT_HEADERS, by="jp_band")
    sentences(res.by_jp, "jp_band")

with st.expander(t("dampak.more.tertile", lang)):
    st.caption(t("effects.tertile.caption", lang))
    show(res.by_tertile, "by_tertile", effects.TERTILE_HEADERS)

with st.expander(t("dampak.more.details", lang)):
    st.subheader(t("dampak.section.overall", lang))
    show(res.overall, "overall", effects.EFFECT_HEADERS)
    st.subheader(t("dampak.section.by_type", lang))
    st.caption(t("effects.by_type.caption", lang))
    show(res.by_type, "by_type", effects.EFFECT_HEADERS, by="jenis")

with st.expander(t("dampak.more.sentences", lang)):
    sentences(res.overall)
    sentences(res.by_type, "jenis")
