"""Chart builders: the figures' data (trace types, values, sums), not pictures."""

import numpy as np
import pandas as pd
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
    by_subject = pd.DataFrame({"mata_pelajaran": ["Seni Budaya", "IPA"], "teachers": [4, 9], "linier": [3, 9], "tidak_linier": [1, 0], "unknown": [0, 0], "share_out": [0.25, 0.0], "jjm": [80.0, 216.0], "jjm_out": [8.0, 0.0]})
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

    ukg = pd.DataFrame({"domain": ["pedagogik", "profesional"], "teachers": [20, 20], "mean": [63.05, 64.3], "below_minimum": [3, 2], "share_below": [0.15, 0.1]})
    fig = charts.ukg_figure(ukg, pkg.ukg_reference(), "en")
    assert list(fig.data[0].y) == [63.05, 64.3]
    assert list(fig.data[1].y) == [48.94, 54.77]
    assert fig.layout.shapes[0].y0 == 55


def test_the_effects_chart_draws_the_interval_and_leaves_untested_groups_hollow():
    table = pd.DataFrame({"group": ["KKG", "KKG", "IHT"], "domain": ["pedagogik", "sosial", "pedagogik"], "n": [40, 40, 3], "mean_change": [6.0, 1.0, 2.0], "ci_low": [3.0, -1.0, np.nan], "ci_high": [9.0, 3.0, np.nan], "too_few": [False, False, True]})
    fig = charts.effects_figure(table, "en")
    kkg, iht = fig.data
    assert list(kkg.error_y.array) == [3.0, 2.0] and list(kkg.error_y.arrayminus) == [3.0, 2.0]
    assert list(iht.marker.symbol) == ["circle-open"]
