"""Chart builders: the figures' data (trace types, values, sums), not pictures."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis import charts
from analysis.core import schema
from analysis.i18n import t
from analysis.metrics.privacy import display_names, pseudonym

# ------------------------------------------------------------------ data prep


def test_box_stats_quartiles_match_numpy_and_fences_stay_inside_the_data():
    values = pd.DataFrame({"domain": ["pedagogik"] * 6 + ["sosial"] * 2, "score": [50, 60, 70, 80, 90, 5, 70, 80]})
    s = charts.box_stats(values, "domain", "score", order=["pedagogik", "sosial", "profesional"]).set_index("domain")
    x = np.array([50, 60, 70, 80, 90, 5])
    assert s.loc["pedagogik", "q1"] == pytest.approx(np.percentile(x, 25))
    assert s.loc["pedagogik", "median"] == pytest.approx(65.0)
    assert s.loc["pedagogik", "n"] == 6
    # 5 lies below q1 - 1.5 IQR (52.5 - 1.5*25 = 15): the lower fence is the next value, 50.
    assert s.loc["pedagogik", "lowerfence"] == 50
    assert s.loc["sosial", "mean"] == pytest.approx(75.0)
    assert s.loc["profesional", "n"] == 0 and np.isnan(s.loc["profesional", "median"])


def test_histogram_counts_keeps_empty_bins_between_and_sums_to_the_values():
    h = charts.histogram_counts(pd.Series([0, 5, 9.9, 10, 32, np.nan]), bin_width=10)
    assert h["bin_start"].tolist() == [0, 10, 20, 30]
    assert h["n"].tolist() == [3, 1, 0, 1]
    assert h["n"].sum() == 5


def test_histogram_counts_of_nothing_is_empty_and_a_zero_width_is_an_error():
    assert charts.histogram_counts(pd.Series([], dtype=float), 10).empty
    with pytest.raises(ValueError):
        charts.histogram_counts(pd.Series([1.0]), 0)


def test_level_matrix_fills_missing_skill_and_level_with_zero():
    counts = pd.DataFrame({"skill": ["tik_laptop", "tik_laptop", "tik_kka"], "level": [1, 3, 4], "n": [2, 5, 1]})
    m = charts.level_matrix(counts, list(schema.ICT_SKILLS), [1, 2, 3, 4])
    assert m.shape == (6, 4)
    assert m.loc["tik_laptop"].tolist() == [2, 0, 5, 0]
    assert m.to_numpy().sum() == 8


# ------------------------------------------------------------------- builders


def test_count_bars_draws_one_bar_trace_per_colour_group_with_the_counts():
    counts = pd.DataFrame({"status": ["PNS", "PNS", "PPPK"], "group": ["pendidik", "tendik", "pendidik"], "n": [10, 2, 4]})
    fig = charts.count_bars(counts, "status", "n", "en", "chart.staff.status.title", color="group", color_labels={"pendidik": "Teachers", "tendik": "Staff"})
    assert [tr.type for tr in fig.data] == ["bar", "bar"]
    assert list(fig.data[0].x) == [10, 4] and list(fig.data[1].x) == [2, 0]
    assert sum(sum(tr.x) for tr in fig.data) == 16
    assert fig.layout.title.text == t("chart.staff.status.title", "en")


def test_count_bars_of_an_empty_table_is_an_empty_figure_with_a_note():
    fig = charts.count_bars(pd.DataFrame({"a": [], "n": []}), "a", "n", "id", "chart.staff.age.title")
    assert len(fig.data) == 0
    assert fig.layout.annotations[0].text == t("chart.no_data", "id")


def test_domain_scores_figure_has_a_box_and_the_means_and_five_pkg_bands():
    values = pd.DataFrame({"domain": ["pedagogik"] * 4 + ["profesional"] * 4, "score": [60, 70, 80, 90, 50, 55, 65, 70]})
    stats = charts.box_stats(values, "domain", "score", order=list(schema.DOMAINS))
    fig = charts.domain_scores_figure(stats, "en")
    assert [tr.type for tr in fig.data] == ["box", "scatter"]
    assert list(fig.data[0].x) == ["Pedagogical", "Professional"]  # domains without scores are left out
    assert list(fig.data[0].median) == [75.0, 60.0]
    assert list(fig.data[1].y) == [75.0, 60.0]
    bands = sorted((s.y0, s.y1) for s in fig.layout.shapes)
    assert bands == [(0, 50), (50, 60), (60, 75), (75, 90), (90, 100)]
    assert tuple(fig.layout.yaxis.range) == (0, 100)


def test_domain_scores_figure_labels_follow_the_language():
    stats = charts.box_stats(pd.DataFrame({"domain": ["sosial"], "score": [70.0]}), "domain", "score")
    assert list(charts.domain_scores_figure(stats, "id").data[0].x) == ["Sosial"]
    assert charts.domain_scores_figure(stats, "id").layout.title.text == "Skor empat ranah kompetensi"


def test_ict_heatmap_is_six_skills_by_four_levels_of_counts():
    counts = pd.DataFrame({"skill": ["tik_laptop", "tik_laptop", "tik_office"], "level": [1, 2, 4], "n": [3, 1, 2]})
    fig = charts.ict_heatmap(counts, "id")
    (hm,) = fig.data
    assert hm.type == "heatmap"
    z = np.array(hm.z)
    assert z.shape == (6, 4)
    assert z.sum() == 6
    assert z[0].tolist() == [3, 1, 0, 0]
    assert list(hm.y)[0] == schema.ICT_SKILLS["tik_laptop"][0]


def test_ict_below_target_figure_shows_shares_in_percent_with_the_target_in_the_title():
    shares = pd.DataFrame({"skill": ["tik_laptop", "tik_kka"], "share": [0.25, 0.8]})
    fig = charts.ict_below_target_figure(shares, "en", target=3)
    assert list(fig.data[0].x) == [0.25, 0.8]
    assert list(fig.data[0].y) == ["Operating a laptop/computer", "Coding and AI (KKA)"]
    assert "level 3" in fig.layout.title.text
    assert fig.layout.xaxis.tickformat == ".0%"


def test_histogram_figure_labels_bins_and_keeps_counts():
    bins = charts.histogram_counts(pd.Series([2, 12, 14]), 10)
    fig = charts.histogram_figure(bins, "id", "chart.training.jp.title", "chart.axis.jp")
    assert list(fig.data[0].x) == ["0–10", "10–20"]
    assert list(fig.data[0].y) == [1, 2]


# -------------------------------------------------------------------- privacy


def test_pseudonym_is_stable_short_and_depends_on_the_key():
    a = pseudonym("8211318884024546", key="s1")
    assert a == pseudonym("8211318884024546", key="s1")
    assert a.startswith("G-") and len(a) == 8
    assert a != pseudonym("8211318884024546", key="s2")
    assert a != pseudonym("8211318884024547", key="s1")


def test_display_names_shows_names_only_when_allowed():
    guru = pd.DataFrame({"guru_id": ["1", "2"], "nama": ["Siti Rahman", None]})
    hidden = display_names(guru, show_names=False, salt="x")
    assert not hidden.str.contains("Siti").any()
    assert hidden.str.startswith("G-").all()
    shown = display_names(guru, show_names=True, salt="x")
    assert shown.tolist() == ["Siti Rahman", hidden.iloc[1]]  # no name: the code


def test_pseudonym_refuses_a_code_too_short_to_be_useful():
    with pytest.raises(ValueError):
        pseudonym("1", digits=2)


def test_the_pkg_category_chart_keeps_every_category_in_order():
    from analysis.metrics import pkg

    counts = pkg.category_counts(pd.DataFrame({"kategori": ["baik", "baik", "kurang"]}))
    fig = charts.pkg_category_figure(counts, "id")
    assert list(fig.data[0].y) == ["Amat Baik", "Baik", "Cukup", "Sedang", "Kurang"]
    assert list(fig.data[0].x) == [0, 2, 0, 0, 1]


def test_the_out_of_field_chart_stacks_counts_and_prints_the_share():
    by_subject = pd.DataFrame(
        {
            "mata_pelajaran": ["Seni Budaya", "IPA"],
            "teachers": [4, 9],
            "linier": [3, 9],
            "tidak_linier": [1, 0],
            "unknown": [0, 0],
            "share_out": [0.25, 0.0],
            "jjm": [80.0, 216.0],
            "jjm_out": [8.0, 0.0],
        }
    )
    fig = charts.out_of_field_by_subject_figure(by_subject, "en")
    bars = {tr.name: list(tr.x) for tr in fig.data if tr.type == "bar"}
    assert bars == {"Out of field": [1, 0], "In field (linier)": [3, 9], "Cannot be judged": [0, 0]}
    assert list(fig.data[-1].text) == ["25%", "0%"]


def test_the_matrix_chart_pivots_a_long_table():
    table = pd.DataFrame({"group": ["<30", "<30", "50+", "50+"], "skill": ["tik_laptop", "tik_kka"] * 2, "share": [0.1, 0.5, 0.4, 0.9]})
    fig = charts.matrix_figure(table, "group", "skill", "share", "en", "tik.chart.by_group", percent=True, target=3)
    assert fig.data[0].z.tolist() == [[0.1, 0.5], [0.4, 0.9]]
    assert fig.data[0].text[1][1] == "90%"
    assert "level 3" in fig.layout.title.text


def test_the_ukg_chart_sets_the_selection_beside_the_national_means():
    from analysis.metrics import pkg

    ukg = pd.DataFrame(
        {"domain": ["pedagogik", "profesional"], "teachers": [20, 20], "mean": [63.05, 64.3], "below_minimum": [3, 2], "share_below": [0.15, 0.1]}
    )
    fig = charts.ukg_figure(ukg, pkg.ukg_reference(), "en")
    assert list(fig.data[0].y) == [63.05, 64.3]
    assert list(fig.data[1].y) == [48.94, 54.77]
    assert fig.layout.shapes[0].y0 == 55


def test_the_effects_chart_draws_the_interval_and_leaves_untested_groups_hollow():
    table = pd.DataFrame(
        {
            "group": ["KKG", "KKG", "IHT"],
            "domain": ["pedagogik", "sosial", "pedagogik"],
            "n": [40, 40, 3],
            "mean_change": [6.0, 1.0, 2.0],
            "ci_low": [3.0, -1.0, np.nan],
            "ci_high": [9.0, 3.0, np.nan],
            "too_few": [False, False, True],
        }
    )
    fig = charts.effects_figure(table, "en")
    kkg, iht = fig.data
    assert list(kkg.error_y.array) == [3.0, 2.0] and list(kkg.error_y.arrayminus) == [3.0, 2.0]
    assert list(iht.marker.symbol) == ["circle-open"]


# ------------------------------------------------- readable: every builder, table-driven
#
# Each builder is run on the sample district (and the count axes on a generated
# district of 60 schools); the figure's axes are checked by the kind of value
# they carry: counts tick in whole numbers from 0, bounded scales show their
# whole range, no figure's JSON is over 200 KB.

from analysis.charts import kinerja as kinerja_charts, plan as plan_charts, trends as trend_charts  # noqa: E402
from analysis.ingest.load import combine, load_path  # noqa: E402
from analysis.metrics import effects, ict as ict_mod, kinerja, pkg  # noqa: E402
from analysis.plan import geo, needs, views  # noqa: E402
from analysis.samples import district_dataset, sample_paths  # noqa: E402
from analysis.views import compare, district, school, studies  # noqa: E402

MAX_JSON = 200_000


@pytest.fixture(scope="module")
def sample_ds():
    return combine([load_path(p, is_sample=True) for p in sample_paths("data")])


@pytest.fixture(scope="module")
def sample_figures(sample_ds):
    return {lang: all_figures(sample_ds, lang) for lang in ("id", "en")}


@pytest.fixture(scope="module")
def big_ds():
    return district_dataset(n_schools=60, n_teachers=1500, seed=7)


def _trend() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [2023, 2024],
            "out_of_field_share": [0.2, 0.1],
            "trained_share": [0.5, np.nan],
            "ict_below_target_share": [0.4, 0.3],
            "teachers": [10, 9],
            "assessed": [1, 0],
            **{f"pkg_{c}": [1, 0] for c in ("amat_baik", "baik", "cukup", "sedang", "kurang")},
        }
    )


def all_figures(ds, lang: str) -> dict[str, tuple[go.Figure, dict[str, str]]]:
    """Every chart the pages draw, built as the pages build them: name → (figure, {axis: kind})."""
    sel = school.select(ds)
    out: dict[str, tuple[go.Figure, dict[str, str]]] = {}
    staff = school.staff_tables(sel)
    for by in ("status_kepegawaian", "jk", "age_band"):
        out[f"staff_{by}"] = (charts.count_bars(staff[by], "value", "n", lang, "chart.staff.status.title", color="group"), {"xaxis": "count"})
    comp = school.competency_tables(sel)
    out["domain_box"] = (charts.domain_scores_figure(comp["box"], lang), {"yaxis": "score"})
    out["pkg_categories"] = (charts.pkg_category_figure(comp["categories"], lang), {"xaxis": "count"})
    out["by_school_matrix"] = (charts.matrix_figure(comp["by_school"], "npsn", "domain", "mean", lang, "komp.chart.by_school", zrange=(50.0, 100.0)), {})
    out["ukg"] = (charts.ukg_figure(comp["ukg"], pkg.ukg_reference(), lang, pkg.UKG_MINIMUM), {"yaxis": "score"})
    oof = school.out_of_field_tables(sel)
    out["oof_subject"] = (charts.out_of_field_by_subject_figure(oof["by_subject"], lang), {"xaxis": "count"})
    out["oof_status"] = (
        charts.count_bars(oof["by_status"], "group", "share", lang, "oof.chart.by_status", "chart.axis.share_teachers", percent=True),
        {"xaxis": "share"},
    )
    by_school = oof["by_school"].rename(columns={"npsn": "group", "share_headcount": "share"})
    out["oof_school"] = (
        charts.count_bars(by_school, "group", "share", lang, "oof.chart.by_school", "chart.axis.share_teachers", percent=True),
        {"xaxis": "share"},
    )
    tik = school.ict_tables(sel, 3)
    out["ict_heatmap"] = (charts.ict_heatmap(tik["levels"], lang), {})
    out["ict_below"] = (charts.ict_below_target_figure(tik["below"], lang, 3), {"xaxis": "share"})
    out["ict_by_age"] = (charts.matrix_figure(tik["by_age"], "group", "skill", "share", lang, "tik.chart.by_group", percent=True, target=3), {})
    tr = school.training_tables(sel)
    out["jp_histogram"] = (charts.histogram_figure(tr["jp_bins"], lang, "chart.training.jp.title", "chart.axis.jp"), {"yaxis": "count"})
    out["training_types"] = (charts.count_bars(tr["types"], "jenis", "teachers", lang, "chart.training.types.title", "chart.axis.teachers"), {"xaxis": "count"})
    res = school.effect_tables(sel, 12)
    out["effects_overall"] = (charts.effects_figure(res.overall, lang), {})
    out["effects_jp"] = (charts.effects_figure(res.by_jp, lang), {})
    chosen = list(sel.guru["npsn"].dropna().unique()[:3])
    out["compare_box"] = (charts.grouped_domain_box_figure(compare.box_by_school(compare.domain_scores(ds, chosen), chosen), "npsn", lang), {"yaxis": "score"})
    out["compare_ict"] = (
        charts.matrix_figure(
            ict_mod.below_by_group(school.select(ds, chosen).guru, "npsn", 3), "group", "skill", "share", lang, "tik.chart.by_group", percent=True, target=3
        ),
        {},
    )
    guru_id = sel.guru["guru_id"].iloc[0]
    prof = district.teacher_profile(ds, guru_id)
    out["teacher_scores"] = (charts.teacher_scores_figure(prof["assessments"], lang), {"yaxis": "score"})
    out["teacher_ict"] = (
        charts.count_bars(prof["ict"].dropna(subset=["level"]), "skill", "level", lang, "guru.chart.ict", "chart.ict.level", scale="level"),
        {"xaxis": "level"},
    )
    out["obstacles"] = (
        charts.presence_matrix_figure(studies.obstacle_matrix(studies.load_studies()), "category", "study", "reported", "text", lang, "temuan.chart.obstacles"),
        {},
    )
    out["kendala"] = (
        charts.count_bars(studies.kendala_counts(sel.tables["kendala"]), "category", "n", lang, "temuan.chart.kendala", "temuan.axis.kendala"),
        {"xaxis": "count"},
    )
    k = kinerja.school_tables(sel.tables["kinerja"], sel.guru)
    out["kinerja"] = (kinerja_charts.predikat_figure(k["distribution"], lang), {"xaxis": "share"})
    out["trend_shares"] = (trend_charts.shares_by_year_figure(_trend(), lang), {"yaxis": "share"})
    out["trend_pkg"] = (trend_charts.pkg_by_year_figure(_trend(), lang), {"yaxis": "count"})
    judged = views.judged(sel)
    nt = views.needs_tables(sel, judged)
    out["needs_heatmap"] = (plan_charts.needs_heatmap(needs.heatmap_matrix(nt["npsn"], "npsn"), lang), {})
    out["before_after"] = (
        plan_charts.before_after_figure({"out_before": 40.0, "out_after": 12.0, "uncovered_after": 0.0, "below24_before": 3, "below24_after": 1}, lang),
        {"yaxis": "count"},
    )
    out["map"] = (
        plan_charts.school_map(views.map_points(ds, "out_of_field_share_headcount"), geo.outline_rings(), lang, "metric.out_of_field_share", percent=True),
        {},
    )
    return out


def _drawn(fig: go.Figure) -> bool:
    return len(fig.data) > 0


def _check_axis(fig: go.Figure, axis: str, kind: str) -> None:
    ax = fig.layout[axis]
    if kind == "count":
        assert ax.tickformat == "d" and ax.rangemode == "tozero"
        assert ax.dtick >= 1 and float(ax.dtick).is_integer(), ax.dtick
        assert ax.range[0] == 0
        values = [v for tr in fig.data if tr.type == "bar" for v in (tr.x if tr.orientation == "h" else tr.y) if v is not None]
        assert ax.range[1] > max(values, default=0)  # room for the label beyond the longest bar
    elif kind == "share":
        assert ax.tickformat == ".0%" and tuple(ax.range) == (0, 1)
    elif kind == "score":
        assert tuple(ax.range) == (0, 100)
    elif kind == "level":
        assert ax.range[0] <= 0.5 and ax.range[1] >= 4 and list(ax.tickvals) == [1, 2, 3, 4]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_chart_on_the_sample_ticks_counts_in_whole_numbers_and_shows_bounded_scales_whole(sample_figures, lang):
    figures = sample_figures[lang]
    assert sum(_drawn(f) for f, _ in figures.values()) >= 25  # the sample draws (nearly) every chart
    for name, (fig, axes) in figures.items():
        if not _drawn(fig):
            continue
        for axis, kind in axes.items():
            try:
                _check_axis(fig, axis, kind)
            except AssertionError as e:
                raise AssertionError(f"{name}.{axis} ({kind}): {e}") from e


def test_every_chart_of_a_generated_district_keeps_its_axes_and_stays_under_200_kb(big_ds):
    for name, (fig, axes) in all_figures(big_ds, "id").items():
        size = len(fig.to_json())
        assert size <= MAX_JSON, f"{name}: {size} bytes"
        if _drawn(fig):
            for axis, kind in axes.items():
                _check_axis(fig, axis, kind)


def test_no_chart_of_the_sample_is_over_200_kb_of_json(sample_figures):
    sizes = {name: len(fig.to_json()) for name, (fig, _) in sample_figures["en"].items()}
    assert max(sizes.values()) <= MAX_JSON, sizes


def test_every_bar_label_is_unclipped_and_never_rotated(sample_figures):
    for name, (fig, _) in sample_figures["id"].items():
        for tr in fig.data:
            if tr.type == "bar" and tr.text is not None:
                assert tr.textangle == 0, name
                assert tr.cliponaxis is False or tr.textposition == "inside", name


def test_a_count_axis_of_two_people_has_no_half_person_tick():
    fig = charts.count_bars(
        pd.DataFrame({"jenis": ["KKG", "IHT"], "teachers": [2, 1]}), "jenis", "teachers", "en", "chart.training.types.title", "chart.axis.teachers"
    )
    assert fig.layout.xaxis.dtick == 1 and fig.layout.xaxis.tickformat == "d"
    assert charts.count_step(2) == 1 and charts.count_step(45) == 10 and charts.count_step(1300) == 500


def test_a_zero_bar_is_labelled_0_and_a_missing_one_says_no_data():
    counts = pd.DataFrame({"group": ["PNS", "PPPK", "Honorer"], "share": [0.0, np.nan, 0.4]})
    fig = charts.count_bars(counts, "group", "share", "en", "oof.chart.by_status", "chart.axis.share_teachers", percent=True)
    bar = fig.data[0]
    assert list(bar.text) == ["0%", "", "40%"]
    assert bar.x[1] is None  # missing: no bar at all, not a bar of 0
    notes = [a for a in fig.layout.annotations if a.text == t("chart.no_data", "en")]
    assert [a.y for a in notes] == ["PPPK"]


def test_a_zero_count_of_a_histogram_bin_and_a_pkg_category_is_written_0():
    hist = charts.histogram_figure(charts.histogram_counts(pd.Series([2, 25]), 10), "id", "chart.training.jp.title", "chart.axis.jp")
    assert list(hist.data[0].text) == ["1", "0", "1"]
    cats = charts.pkg_category_figure(pkg.category_counts(pd.DataFrame({"kategori": ["baik"]})), "en")
    assert cats.data[0].text[0].startswith("0 ")


def test_stacked_bars_write_each_total_even_a_zero_one():
    counts = pd.DataFrame({"value": ["PNS", "PPPK"], "group": ["pendidik", "pendidik"], "n": [3, 0]})
    fig = charts.count_bars(counts, "value", "n", "id", "chart.staff.status.title", color="group")
    totals = {a.y: a.text for a in fig.layout.annotations}
    assert totals == {"PNS": "3", "PPPK": "0"}


def test_an_ict_heatmap_without_any_rating_is_no_data_not_a_grid_of_zeros():
    fig = charts.ict_heatmap(pd.DataFrame({"skill": ["tik_laptop"], "level": [1], "n": [0]}), "en")
    assert len(fig.data) == 0 and fig.layout.annotations[0].text == t("chart.no_data", "en")


def test_pkg_band_labels_sit_in_the_right_margin_outside_the_boxes():
    stats = charts.box_stats(pd.DataFrame({"domain": ["sosial"] * 3, "score": [70.0, 80, 90]}), "domain", "score")
    fig = charts.domain_scores_figure(stats, "en")
    bands = [a for a in fig.layout.annotations if a.text in {t(k, "en") for _, _, k, _ in charts.PKG_BANDS}]
    assert len(bands) == 5 and all(a.xref == "paper" and a.x >= 1 and a.xanchor == "left" for a in bands)
    assert fig.layout.margin.r >= 6 * max(len(a.text) for a in bands)
    assert all(s.layer == "below" for s in fig.layout.shapes)
    # the mean is written under the domain's name, not as text beside the diamond over the box
    assert fig.data[1].mode == "markers" and "80.0" in fig.layout.xaxis.ticktext[0]


def test_ukg_results_are_drawn_apart_from_the_pkg_bands():
    a = pd.DataFrame(
        {
            "tanggal_penilaian": pd.to_datetime(["2021-01-01", "2022-01-01", "2015-06-01"]),
            "sumber": ["PKG", "PKG", "UKG"],
            "domain": ["pedagogik"] * 3,
            "score": [70.0, 75, 60],
        }
    )
    fig = charts.teacher_scores_figure(a, "en")
    ukg = [tr for tr in fig.data if "(UKG)" in tr.name]
    other = [tr for tr in fig.data if "(UKG)" not in tr.name]
    assert ukg[0].yaxis == "y2" and other[0].yaxis == "y"
    assert {s.yref for s in fig.layout.shapes if s.fillcolor} == {"y"}  # bands only behind the PKG panel
    assert tuple(fig.layout.yaxis2.range) == (0, 100)


def test_jp_bands_are_drawn_in_order_whatever_the_table_order():
    rows = [
        {"group": g, "domain": "pedagogik", "n": 12, "mean_change": 1.0, "ci_low": 0.0, "ci_high": 2.0, "too_few": False}
        for g in ("80+", "<30", "unknown", "30-79")
    ]
    fig = charts.effects_figure(pd.DataFrame(rows), "en", {g: g for g in effects.JP_BANDS})
    assert [tr.name for tr in fig.data] == ["<30", "30-79", "80+", "unknown"]


def test_a_heatmap_with_many_columns_leaves_cells_unlabelled_and_wraps_column_names():
    table = pd.DataFrame({"r": ["a"] * 20, "c": [f"a long column name {i}" for i in range(20)], "v": np.linspace(0, 1, 20)})
    wide = charts.matrix_figure(table, "r", "c", "v", "en", "tik.chart.by_group", percent=True, target=3)
    assert wide.data[0].texttemplate == ""
    narrow = charts.matrix_figure(table.iloc[:4], "r", "c", "v", "en", "tik.chart.by_group", percent=True, target=3)
    assert narrow.data[0].texttemplate == "%{text}" and "<br>" in narrow.data[0].x[0]
