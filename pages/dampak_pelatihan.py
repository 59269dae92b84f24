"""Dampak Pelatihan: competency before and after trainings, tested, with a comparison group.

Thin page: pairing and statistics are :mod:`analysis.effects` (scipy, pingouin,
statsmodels) through :mod:`analysis.school`.
"""

from __future__ import annotations

import streamlit as st

from analysis import charts, effects, school
from analysis.i18n import t
from ui import state, widgets

PAGE = "dampak"
lang = state.get_lang()
ds = state.get_dataset()
widgets.page_header("page.dampak.title", lang, ds)
st.caption(t("dampak.intro", lang, min=effects.MIN_PAIRS))

npsn = widgets.school_scope(ds, lang, state.key(PAGE, "scope"))
window = st.slider(t("dampak.window", lang), 3, 24, effects.DEFAULT_WINDOW, key=state.key(PAGE, "window"), help=t("dampak.window.help", lang))
sel = school.select(ds, npsn)
res = school.effect_tables(sel, window)

STAT_COLUMNS = {"domain": "report.school.domain", "n": "col.pairs", "n_teachers": "col.teachers", "mean_change": "col.mean_change", "ci_low": "col.ci_low", "ci_high": "col.ci_high", "p_ttest": "col.p_ttest", "p_wilcoxon": "col.p_wilcoxon", "d_z": "col.d_z", "hedges_g": "col.hedges_g"}


def show(table, key: str, group_col: bool = False) -> None:
    shown = table.assign(domain=[t(f"domain.{d}", lang) for d in table["domain"]]).round(3)
    shown = shown.assign(**{c: [effects.format_p(p, lang) for p in table[c]] for c in ("p_ttest", "p_wilcoxon")})
    cols = ({"group": "col.group"} if group_col else {}) | STAT_COLUMNS
    widgets.table(shown, lang, cols, key=state.key(PAGE, key))


if res["overall"].empty:
    st.info(t("dampak.none", lang), icon=":material/info:")
    st.stop()

st.header(t("dampak.section.overall", lang))
widgets.figure(charts.effects_figure(res["overall"], lang), state.key(PAGE, "overall_fig"))
show(res["overall"], "overall")
for _, row in res["overall"].iterrows():
    st.markdown("- " + widgets.plain(effects.sentence(row, lang)))

st.header(t("dampak.section.did", lang))
st.caption(t("dampak.did.caption", lang))
did = res["did"]
if did.empty or did["too_few"].all():
    n_control = int(did["n_control"].max()) if len(did) else 0
    st.info(t("dampak.did.too_few", lang, n=n_control, min=effects.MIN_PAIRS), icon=":material/info:")
else:
    shown = did.assign(domain=[t(f"domain.{d}", lang) for d in did["domain"]]).round(3).assign(p_value=[effects.format_p(p, lang) for p in did["p_value"]])
    widgets.table(shown, lang, {"domain": "report.school.domain", "n_treated": "col.n_treated", "n_control": "col.n_control", "treated_change": "col.treated_change", "control_change": "col.control_change", "did": "col.did", "ci_low": "col.ci_low", "ci_high": "col.ci_high", "p_value": "col.p_value"}, key=state.key(PAGE, "did"))
    for _, row in did.iterrows():
        st.markdown("- " + widgets.plain(effects.did_sentence(row, lang)))

st.header(t("dampak.section.by_type", lang))
widgets.figure(charts.effects_figure(res["by_type"], lang, {g: effects.group_label(g, lang) for g in res["by_type"]["group"]}), state.key(PAGE, "type_fig"))
by_type = res["by_type"].assign(group=[effects.group_label(g, lang) for g in res["by_type"]["group"]])
show(by_type, "by_type", group_col=True)
for _, row in by_type.iterrows():
    st.markdown("- " + widgets.plain(effects.sentence(row, lang, training=row["group"])))

st.header(t("dampak.section.by_jp", lang))
st.caption(t("dampak.by_jp.caption", lang))
jp = res["by_jp"].assign(group=[effects.group_label(g, lang, "jp_band") for g in res["by_jp"]["group"]])
show(jp, "by_jp", group_col=True)
for _, row in jp.iterrows():
    st.markdown("- " + widgets.plain(effects.sentence(row, lang, training=row["group"])))
