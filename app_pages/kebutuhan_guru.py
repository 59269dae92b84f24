"""Kebutuhan Guru: needs by subject, a redistribution proposal and training with its follow-up (the district's plan).

Thin page: every figure comes from :mod:`analysis.plan` (through :mod:`analysis.plan.views`);
the proposal, the locked and the dropped moves live in the session under this page's prefix.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from analysis.charts import plan as plan_charts
from analysis.core import formatting
from analysis.i18n import t
from analysis.metrics import ict
from analysis.plan import needs, redistribution, views
from ui import cache, coverage, state, widgets


def _html_bytes(*args) -> bytes:
    return views.plan_html(*args).encode("utf-8")


PAGE = "plan"
lang = state.get_lang()
ds = state.get_dataset()
widgets.page_header("page.kebutuhan.title", lang, ds)
st.caption(t("plan.intro", lang))

npsn = widgets.school_scope(ds, lang, state.key(PAGE, "scope"))
sel = cache.select(ds, npsn)
coverage.box(coverage.of(sel.tables, sel.reference_date), ("out_of_field", "ict_needs", "competency", "kinerja", "training"), lang)
names = widgets.school_names(ds)
judged = cache.get(ds, "plan.views.judged", npsn, lambda: views.judged(sel), shared=True)
figure_cols = {f: f"plan.figure.{f}" for f in needs.FIGURES}
tab_needs, tab_redis, tab_train = st.tabs([t("plan.tab.needs", lang), t("plan.tab.redistribution", lang), t("plan.tab.training", lang)])

# ------------------------------------------------------------------ needs by subject
with tab_needs:
    nt = cache.get(ds, "plan.views.needs_tables", npsn, lambda: views.needs_tables(sel, judged), shared=True)
    tot = nt["totals"]
    fmt = lambda v: widgets.format_value(v, "count", lang)  # noqa: E731
    st.write(
        t("plan.needs.summary", lang, needed=fmt(tot["jjm_needed"]), out=fmt(tot["jjm_out"]), unknown=fmt(tot["jjm_unknown"]), spare=fmt(tot["jjm_spare"]))
    )
    levels = ["npsn", "kecamatan", "district"]
    level = (
        st.segmented_control(t("plan.level", lang), levels, format_func=lambda k: t(f"plan.level.{k}", lang), default="npsn", key=state.key(PAGE, "level"))
        or "npsn"
    )
    table = nt[level]
    if level != "district":
        row = "npsn" if level == "npsn" else "kecamatan"
        widgets.figure(plan_charts.needs_heatmap(needs.heatmap_matrix(table, row), lang, names if row == "npsn" else None), state.key(PAGE, "heatmap"))
    shown = table.assign(npsn=table["npsn"].map(names)) if level == "npsn" else table
    key_cols = {"npsn": "col.school"} if level == "npsn" else {"kecamatan": "col.kecamatan"} if level == "kecamatan" else {}
    widgets.table(shown, lang, {**key_cols, "mata_pelajaran": "col.subject", **figure_cols}, key=state.key(PAGE, f"needs_{level}"))

# ------------------------------------------------------------------ redistribution
with tab_redis:
    st.caption(t("plan.redis.intro", lang))
    c1, c2, c3 = st.columns(3)
    same_kec = c1.checkbox(t("plan.redis.same_kecamatan", lang), value=True, key=state.key(PAGE, "same_kec"))
    km = c2.number_input(
        t("plan.redis.km", lang), min_value=0.0, max_value=200.0, value=0.0, step=5.0, key=state.key(PAGE, "km"), help=t("plan.redis.km.help", lang)
    )
    swasta = c3.checkbox(t("plan.redis.swasta", lang), value=False, key=state.key(PAGE, "swasta"))
    teacher_codes = dict(zip(sel.guru["guru_id"], views.teacher_label(list(sel.guru["guru_id"]), sel.guru, ds.id, npsn if state.shows_names() else None)))
    fixed = st.multiselect(
        t("plan.redis.fixed", lang), list(teacher_codes), format_func=teacher_codes.get, key=state.key(PAGE, "fixed"), **widgets.multiselect_words(lang)
    )
    locked = st.session_state.setdefault(state.key(PAGE, "locked"), [])
    dropped = st.session_state.setdefault(state.key(PAGE, "dropped"), set())
    opts = redistribution.Options(max_km=km or None, same_kecamatan=same_kec, allow_swasta=swasta, fixed=set(fixed), locked=list(locked), dropped=set(dropped))
    run_key = (ds.id, npsn, same_kec, km, swasta, tuple(sorted(fixed)), tuple(locked), tuple(sorted(dropped)))
    stored = st.session_state.get(state.key(PAGE, "proposal"))
    if st.button(t("plan.redis.run", lang), key=state.key(PAGE, "run"), type="primary") or (stored is not None and stored[0] != run_key) or stored is None:
        stored = (run_key, redistribution.propose(judged, sel.guru, sel.tables["sekolah"], opts))
        st.session_state[state.key(PAGE, "proposal")] = stored
    prop = stored[1]
    s = prop.stats
    if not s["optimal"]:
        st.warning(t("plan.redis.not_optimal", lang, status=s["status"]))
    st.caption(
        t(
            "plan.redis.stats",
            lang,
            variables=s["variables"],
            constraints=s["constraints"],
            build=s["build_s"],
            solve=s["solve_s"],
            before=s["objective_before"],
            after=s["objective_after"],
        )
    )
    widgets.figure(plan_charts.before_after_figure(s, lang), state.key(PAGE, "before_after"))
    st.subheader(t("plan.redis.moves", lang))
    st.caption(t("plan.redis.codes", lang))
    moves = views.moves_table(prop.moves, sel.guru, ds.id, names, lang, npsn if state.shows_names() else None)
    if moves.empty:
        st.info(t("plan.redis.none", lang))
    else:
        widgets.table(
            moves,
            lang,
            {
                "move_id": "col.move_id",
                "teacher": "col.teacher",
                "from_school": "col.from_school",
                "to_school": "col.to_school",
                "mata_pelajaran": "col.subject",
                "hours": "col.hours",
                "kind": "col.move_kind",
                "reason": "col.reason",
            },
            key=state.key(PAGE, "moves"),
        )
        takes = [i for i, k in enumerate(prop.moves["kind"]) if k == "take"]
        label = lambda i: f"{i + 1}. {moves.at[i, 'teacher']} → {moves.at[i, 'to_school']} · {moves.at[i, 'mata_pelajaran']} · {moves.at[i, 'hours']:.0f}"  # noqa: E731
        c1, c2 = st.columns(2)
        lock_rows = c1.multiselect(t("plan.redis.lock", lang), takes, format_func=label, key=state.key(PAGE, "lock_rows"))
        drop_rows = c2.multiselect(t("plan.redis.drop", lang), takes, format_func=label, key=state.key(PAGE, "drop_rows"))
        if st.button(t("plan.redis.run", lang) + " ↻", key=state.key(PAGE, "rerun")):
            st.session_state[state.key(PAGE, "locked")] = list(dict.fromkeys([*locked, *views.lock_key(prop.moves, lock_rows)]))
            st.session_state[state.key(PAGE, "dropped")] = set(dropped) | views.drop_key(prop.moves, drop_rows)
            for k in ("lock_rows", "drop_rows"):  # row numbers of the old list mean nothing in the new one
                st.session_state.pop(state.key(PAGE, k), None)
            st.rerun()
    if locked or dropped:
        st.caption(t("plan.redis.kept", lang, locked=len(locked), dropped=len(dropped)))
        if st.button(t("plan.redis.reset", lang), key=state.key(PAGE, "reset")):
            st.session_state[state.key(PAGE, "locked")], st.session_state[state.key(PAGE, "dropped")] = [], set()
            st.rerun()
    st.subheader(t("plan.redis.schools", lang))
    sch = prop.schools.assign(npsn=prop.schools["npsn"].map(names))
    widgets.table(
        sch,
        lang,
        {
            "npsn": "col.school",
            "out_before": "col.out_before",
            "out_after": "col.out_after",
            "uncovered_after": "col.uncovered_after",
            "below24_before": "col.below24_before",
            "below24_after": "col.below24_after",
        },
        key=state.key(PAGE, "schools"),
    )

# ------------------------------------------------------------------ training and follow-up
with tab_train:
    st.caption(t("plan.training.intro", lang))
    c1, c2, c3, c4 = st.columns(4)
    target = c1.slider(t("profil.ict_target", lang), 1, 4, ict.DEFAULT_TARGET, key=state.key(PAGE, "ict_target"))
    threshold = c2.number_input(t("plan.training.domain_threshold", lang), 0.0, 100.0, 70.0, 5.0, key=state.key(PAGE, "threshold"))
    size = c3.number_input(t("plan.training.cohort_size", lang), 5, 100, 30, 5, key=state.key(PAGE, "cohort_size"))
    months = c4.number_input(t("plan.training.followup_months", lang), 1, 24, 3, 1, key=state.key(PAGE, "followup_months"))
    tr = cache.get(
        ds,
        "plan.views.training_tables",
        (npsn, target, threshold, int(months), int(size)),
        lambda: views.training_tables(sel, judged, target, threshold, int(months), int(size)),
        shared=True,
    )
    kind_label = lambda s: "; ".join(t(f"plan.need.{k}", lang) for k in str(s).split("; ") if k)  # noqa: E731
    st.subheader(t("plan.training.ranked", lang))
    ranked = tr["ranked"].assign(
        teacher=views.teacher_label(list(tr["ranked"]["guru_id"]), sel.guru, ds.id, npsn if state.shows_names() else None),
        npsn=tr["ranked"]["npsn"].map(names),
        kinds=tr["ranked"]["kinds"].map(kind_label),
        topics=[views.topic_label(x, lang) for x in tr["ranked"]["topics"]],
    )
    widgets.table(
        ranked,
        lang,
        {"teacher": "col.teacher", "npsn": "col.school", "score": "col.score", "needs": "col.needs_n", "kinds": "col.kinds", "topics": "col.topics"},
        key=state.key(PAGE, "ranked"),
    )
    st.subheader(t("plan.training.by_school", lang))
    bys = tr["by_school"].assign(npsn=tr["by_school"]["npsn"].map(names))
    widgets.table(
        bys,
        lang,
        {"npsn": "col.school", **{k: f"plan.need.{k}" for k in ("out_of_field", "kinerja", "domain", "ict", "no_training")}, "teachers": "col.teachers"},
        key=state.key(PAGE, "by_school"),
    )
    st.subheader(t("plan.training.cohorts", lang))
    co = tr["cohorts"].assign(
        kind=tr["cohorts"]["kind"].map(lambda k: t(f"plan.need.{k}", lang)),
        topic=[views.topic_label(x, lang) for x in tr["cohorts"]["topic"]],
        mgmp_subject=[views.topic_label(x, lang) for x in tr["cohorts"]["mgmp_subject"]],
    )
    widgets.table(
        co,
        lang,
        {
            "kecamatan": "col.kecamatan",
            "forum": "col.forum",
            "mgmp_subject": "col.mgmp_subject",
            "kind": "col.need_kind",
            "topic": "col.topic",
            "part": "col.part",
            "size": "col.size",
            "schools": "col.schools_n",
        },
        key=state.key(PAGE, "cohorts"),
    )
    st.subheader(t("plan.training.overdue", lang))
    counts = {k: int((tr["schedule"]["state"] == k).sum()) for k in ("done", "overdue", "pending")}
    st.write(t("plan.training.overdue.summary", lang, date=formatting.date(sel.reference_date, lang), **counts))
    od = tr["overdue"].assign(
        teacher=views.teacher_label(list(tr["overdue"]["guru_id"]), sel.guru, ds.id, npsn if state.shows_names() else None),
        npsn=tr["overdue"]["npsn"].map(names),
    )
    if len(od):
        widgets.table(
            od,
            lang,
            {
                "teacher": "col.teacher",
                "npsn": "col.school",
                "nama_pelatihan": "col.training",
                "tanggal_selesai": "col.end",
                "due": "col.due",
                "days_overdue": "col.days_overdue",
            },
            key=state.key(PAGE, "overdue"),
        )
    # the plan as one download
    sheets = {
        t("plan.tab.needs", lang): nt["npsn"].assign(npsn=nt["npsn"]["npsn"].map(names)),
        t("plan.redis.moves", lang): moves,
        t("plan.redis.schools", lang): sch,
        t("plan.training.ranked", lang): ranked.drop(columns=["guru_id"]),
        t("plan.training.cohorts", lang): co.drop(columns=["guru_ids"]),
        t("plan.training.overdue", lang): od.drop(columns=["guru_id"]),
    }
    notice = t("app.sample_notice", lang) if ds.is_sample else None
    c1, c2 = st.columns(2)
    c1.download_button(
        t("plan.download.xlsx", lang),
        partial(views.plan_xlsx, sheets, notice),  # built when clicked, not on every rerun
        file_name=f"{t('filename.plan', lang, scope=npsn or t('filename.scope.district', lang))}.xlsx",
        key=state.key(PAGE, "dl_xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    html = partial(
        _html_bytes,
        t("plan.report.title", lang),
        [t("plan.report.scope", lang, scope=names.get(npsn, npsn) if npsn else t("plan.level.district", lang))],
        [(name, [df]) for name, df in sheets.items()],
        notice,
        lang,
    )
    c2.download_button(
        t("plan.download.html", lang),
        html,  # built when clicked
        file_name=f"{t('filename.plan', lang, scope=npsn or t('filename.scope.district', lang))}.html",
        mime="text/html",
        key=state.key(PAGE, "dl_html"),
    )
