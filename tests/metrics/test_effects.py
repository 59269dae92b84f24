"""Training effects: pairing rules, statistics checked against values worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.metrics import effects, pkg
from helpers import ROOT

DOMAINS = ("pedagogik", "kepribadian", "sosial", "profesional")


def _scores(rows):
    """rows: (guru_id, date, sumber, pedagogik) → assessment_scores-shaped frame."""
    out = pd.DataFrame(rows, columns=["guru_id", "tanggal_penilaian", "sumber", "pedagogik"])
    out["tanggal_penilaian"] = pd.to_datetime(out["tanggal_penilaian"])
    for d in DOMAINS[1:]:
        out[d] = np.nan
    return out


def _trainings(rows):
    out = pd.DataFrame(rows, columns=["guru_id", "jenis", "tanggal_mulai", "tanggal_selesai", "jp"])
    out["tanggal_mulai"] = pd.to_datetime(out["tanggal_mulai"])
    out["tanggal_selesai"] = pd.to_datetime(out["tanggal_selesai"])
    out["fokus"] = "Pedagogik"
    return out


def test_pre_is_the_latest_before_the_start_and_post_the_earliest_after_the_end():
    sc = _scores(
        [
            ("a", "2024-01-01", "PKG", 50),
            ("a", "2024-05-01", "PKG", 60),
            ("a", "2024-06-10", "PKG", 99),
            ("a", "2024-09-01", "PKG", 70),
            ("a", "2024-12-01", "PKG", 80),
        ]
    )
    tr = _trainings([("a", "KKG", "2024-06-01", "2024-06-20", 12)])
    p = effects.pairs(sc, tr)
    assert len(p) == 1
    assert (p.iloc[0]["pre"], p.iloc[0]["post"], p.iloc[0]["change"]) == (60.0, 70.0, 10.0), "an assessment during the training is neither pre nor post"


def test_assessments_on_the_start_or_end_day_or_outside_the_window_are_not_paired():
    sc = _scores([("a", "2024-06-01", "PKG", 60), ("a", "2024-06-20", "PKG", 70), ("b", "2023-01-01", "PKG", 60), ("b", "2024-09-01", "PKG", 70)])
    tr = _trainings([("a", "KKG", "2024-06-01", "2024-06-20", 12), ("b", "KKG", "2024-06-01", "2024-06-20", 12)])
    assert effects.pairs(sc, tr).empty
    assert len(effects.pairs(sc, tr, window_months=18)) == 1, "a longer window reaches b's earlier assessment"


def test_pairs_use_one_instrument_only():
    sc = _scores([("a", "2024-01-01", "UKG", 40), ("a", "2024-12-01", "PKG", 90)])
    assert effects.pairs(sc, _trainings([("a", "KKG", "2024-06-01", "2024-06-02", 6)])).empty


def test_a_pair_counts_once_overall_and_once_per_type():
    sc = _scores([("a", "2024-01-01", "PKG", 50), ("a", "2024-12-01", "PKG", 60)])
    tr = _trainings([("a", "MGMP", "2024-03-01", "2024-03-01", 4), ("a", "MGMP", "2024-04-01", "2024-04-01", 4), ("a", "IHT", "2024-05-01", "2024-05-02", 8)])
    p = effects.pairs(sc, tr)
    assert len(p) == 3
    assert len(effects.unique_pairs(p)) == 1
    assert effects.unique_pairs(p)["jp"].item() == 16, "the pair carries the JP of every training it folds in"
    assert effects.unique_pairs(p)["jenis"].item() == "IHT + MGMP", "one pair of the combination, never one per type"


def _ten_pairs(changes):
    rows, tr = [], []
    for i, c in enumerate(changes):
        rows += [(f"g{i}", "2024-01-01", "PKG", 50.0), (f"g{i}", "2024-12-01", "PKG", 50.0 + c)]
        tr.append((f"g{i}", "KKG", "2024-06-01", "2024-06-02", 12))
    return _scores(rows), _trainings(tr)


def test_statistics_match_values_worked_out_by_hand():
    sc, tr = _ten_pairs(range(1, 11))
    row = effects.effect_table(effects.pairs(sc, tr)).set_index("domain").loc["pedagogik"]
    # changes 1..10: mean 5.5, SD sqrt(110/12) = 3.0277; t(0.975, 9) = 2.2622 (printed tables)
    sd = math.sqrt(sum((x - 5.5) ** 2 for x in range(1, 11)) / 9)
    half = 2.262157 * sd / math.sqrt(10)
    assert row["n"] == 10 and not row["too_few"]
    assert row["mean_change"] == pytest.approx(5.5)
    assert (row["ci_low"], row["ci_high"]) == (pytest.approx(5.5 - half, abs=1e-4), pytest.approx(5.5 + half, abs=1e-4))
    assert row["d_z"] == pytest.approx(5.5 / sd)
    # t = 5.5 / (sd / sqrt 10) = 5.7446 on 9 df: two-sided p = 0.000278 (R: 2*pt(-5.7446, 9))
    assert row["p_ttest"] == pytest.approx(0.000278, abs=2e-6)
    # every change positive, no ties: exact signed-rank p = 2 / 2**10
    assert row["p_wilcoxon"] == pytest.approx(2 / 1024)
    # Hedges' g, paired as pingouin defines it: d on the average variance of pre and post, small-sample corrected
    post = np.array([50.0 + c for c in range(1, 11)])
    d_av = 5.5 / math.sqrt((0 + post.var(ddof=1)) / 2)
    assert row["hedges_g"] == pytest.approx(d_av * (1 - 3 / (4 * 20 - 9)), rel=1e-6)


def test_groups_under_ten_pairs_keep_n_and_mean_but_are_not_tested():
    sc, tr = _ten_pairs([2, 4, 6])
    row = effects.effect_table(effects.pairs(sc, tr)).iloc[0]
    assert row["n"] == 3 and row["too_few"] and row["mean_change"] == 4.0
    assert all(math.isnan(row[c]) for c in ("ci_low", "ci_high", "p_ttest", "p_wilcoxon", "d_z", "hedges_g"))
    assert "too few" in effects.sentence(row, "en")


def test_the_sentence_reads_the_result_without_claiming_a_cause():
    row = {"domain": "pedagogik", "n": 48, "n_teachers": 40, "too_few": False, "mean_change": 6.1, "ci_low": 3.2, "ci_high": 9.0}
    assert effects.sentence(row, "en", "KKG") == "After KKG, Pedagogical rose by 6.1 points (95% CI 3.2 to 9.0, n = 40 teachers, 48 pairs)."
    assert "6,1" in effects.sentence(row, "id", "KKG")
    row_zero = row | {"mean_change": 1.0, "ci_low": -1.0, "ci_high": 3.0}
    assert "includes zero" in effects.sentence(row_zero, "en")
    flat = row | {"mean_change": 0.0, "ci_low": 0.0, "ci_high": 0.0}
    assert "Pedagogical changed by 0.0 points" in effects.sentence(flat, "en"), "no doubled 'by'"


def test_difference_in_differences_recovers_a_known_gap_with_clustered_errors():
    rng = np.random.default_rng(7)
    rows, tr = [], []
    for i in range(30):
        base = 60 + rng.normal(0, 5)
        treated = i < 15
        gain = (8.0 if treated else 2.0) + rng.normal(0, 1)
        rows += [(f"g{i}", "2024-01-01", "PKG", base), (f"g{i}", "2024-12-01", "PKG", base + gain)]
        if treated:
            tr.append((f"g{i}", "KKG", "2024-06-01", "2024-06-02", 12))
    sc, pel = _scores(rows), _trainings(tr)
    u = effects.unique_pairs(effects.pairs(sc, pel))
    ctrl = effects.control_pairs(sc, pel, u)
    assert ctrl["guru_id"].nunique() == 15, "untrained teachers over the same period form the comparison"
    did = effects.did_table(u, effects.unique_pairs(ctrl)).set_index("domain").loc["pedagogik"]
    expected = u["change"].mean() - ctrl["change"].mean()
    assert did["did"] == pytest.approx(expected), "the interaction coefficient is the difference of mean changes"
    assert did["ci_low"] < 6 < did["ci_high"]
    assert did["p_value"] < 0.001


def test_no_training_or_no_assessment_gives_empty_tables():
    empty_scores = pkg.assessment_scores(pd.DataFrame(columns=["guru_id", "tanggal_penilaian", "sumber", *[f"k{i}" for i in range(1, 15)], *DOMAINS]))
    assert effects.effect_table(effects.pairs(empty_scores, _trainings([]))).empty
    with pytest.raises(ValueError):
        effects.pairs(empty_scores, _trainings([]), window_months=0)


def test_jp_bands_follow_the_pkb_credit_rule():
    assert [effects.jp_band(x) for x in (0, 29.9, 30, 79, 80, float("nan"))] == ["<30", "<30", "30-79", "30-79", "80+", "unknown"]


def test_two_pairs_of_one_teacher_that_share_an_assessment_are_tested_as_one_teacher():
    rows, tr = [], []
    for i in range(10):
        # three assessments around two trainings: pairs A1→A2 (+2) and A2→A3 (+2 + i)
        rows += [(f"g{i}", "2024-01-01", "PKG", 50.0), (f"g{i}", "2024-12-01", "PKG", 52.0), (f"g{i}", "2025-11-01", "PKG", 54.0 + i)]
        tr += [(f"g{i}", "KKG", "2024-06-01", "2024-06-02", 12), (f"g{i}", "KKG", "2025-06-01", "2025-06-02", 12)]
    row = effects.effect_table(effects.pairs(_scores(rows), _trainings(tr))).set_index("domain").loc["pedagogik"]
    assert row["n"] == 20 and row["n_teachers"] == 10
    # one value per teacher: the mean of (2, 2 + i) = 2 + i/2, i = 0..9 → mean 4.25, SD of i/2
    per_teacher = np.array([2 + i / 2 for i in range(10)])
    assert row["mean_change"] == pytest.approx(per_teacher.mean())
    assert row["d_z"] == pytest.approx(per_teacher.mean() / per_teacher.std(ddof=1))
    half = 2.262157 * per_teacher.std(ddof=1) / math.sqrt(10)  # t(0.975, 9) on 10 teachers, not 19 df on 20 pairs
    assert row["ci_high"] - row["ci_low"] == pytest.approx(2 * half, abs=1e-4)


def test_ten_pairs_from_fewer_than_ten_teachers_are_too_few_to_test():
    rows, tr = [], []
    for i in range(5):
        rows += [(f"g{i}", "2024-01-01", "PKG", 50.0), (f"g{i}", "2024-12-01", "PKG", 52.0), (f"g{i}", "2025-11-01", "PKG", 55.0)]
        tr += [(f"g{i}", "KKG", "2024-06-01", "2024-06-02", 12), (f"g{i}", "KKG", "2025-06-01", "2025-06-02", 12)]
    row = effects.effect_table(effects.pairs(_scores(rows), _trainings(tr))).iloc[0]
    assert row["n"] == 10 and row["n_teachers"] == 5 and row["too_few"]
    assert math.isnan(row["p_ttest"]) and "5 teachers" in effects.sentence(row, "en")


def test_a_training_without_jenis_or_jp_is_its_own_unknown_group_not_left_out_or_under_30():
    sc, tr = _ten_pairs(range(1, 11))
    tr["jenis"] = None
    tr["jp"] = float("nan")
    paired = effects.pairs(sc, tr)
    by_type = effects.effect_table(paired, "jenis")
    assert set(by_type["group"]) == {"unknown"} and (by_type["n"] == 10).all()
    u = effects.unique_pairs(paired)
    assert {effects.jp_band(x) for x in u["jp"]} == {"unknown"}
    assert effects.group_label("unknown", "en") == "Type unknown"
    assert effects.group_label("unknown", "en", "jp_band") == "JP unknown"
    assert effects.group_label("30-79", "en", "jp_band") == "30-79 JP"


def test_the_did_sentence_reads_the_estimate_and_says_when_it_includes_zero():
    row = {
        "domain": "pedagogik",
        "n_treated": 64,
        "n_control": 34,
        "did": 13.33,
        "ci_low": 10.83,
        "ci_high": 15.84,
        "n_clusters": 49,
        "df": 48,
        "too_few": False,
    }
    text = effects.did_sentence(row, "en")
    assert "13.3 points more" in text and "10.8 to 15.8" in text and "cannot be told apart" not in text
    assert "t on 48 df, 49 teacher clusters" in text
    assert "3 school clusters" in effects.did_sentence({**row, "n_clusters": 3, "df": 2}, "en", "school")
    assert "cannot be told apart" in effects.did_sentence({**row, "did": -0.5, "ci_low": -4.9, "ci_high": 4.0}, "en")
    assert "too few" in effects.did_sentence({**row, "too_few": True, "n_control": 3}, "en")
    assert "lebih kecil" in effects.did_sentence({**row, "did": -2.0, "ci_low": -3.0, "ci_high": -1.0}, "id")


def test_p_values_read_as_a_table_shows_them():
    assert [effects.format_p(p, "en") for p in (0.0000001, 0.0123, float("nan"))] == ["< 0.001", "0.012", "–"]
    assert effects.format_p(0.0123, "id") == "0,012"


# ---------------------------------------------------------------- issue "rules of the field 2026", §3


def test_float_noise_in_averaged_scores_does_not_split_tied_differences():
    """Wilcoxon (1945) signed-rank test, normal approximation with the tie-corrected variance.

    By hand: differences 1, 1, 2, 2, 3, 3, 4, 5, -1, 6 (n = 10). |d| ranks: the three 1s share
    ranks 1-3 (2 each), the 2s 4.5, the 3s 6.5, then 8, 9, 10. T- = 2 (the -1), T+ = 53.
    Mean n(n+1)/4 = 27.5; variance n(n+1)(2n+1)/24 - sum(t^3 - t)/48 = 96.25 - (24 + 6 + 6)/48
    = 95.5; z = (2 - 27.5) / sqrt(95.5) = -2.6094; two-sided p = erfc(2.6094 / sqrt 2) = 0.00907.
    The differences arrive as averaged scores would: (a + d) - a with a = 0.1 i, so the tied
    values differ in the last bits until rounded.
    """
    exact = [1, 1, 2, 2, 3, 3, 4, 5, -1, 6]
    noisy = np.array([(0.1 * i + d) - 0.1 * i for i, d in enumerate(exact)])
    assert len(set(np.abs(noisy))) > len(set(np.abs(exact))), "the float noise does split the ties"
    p, method = effects.wilcoxon_test(noisy)
    z = (2 - 27.5) / math.sqrt(95.5)
    assert method == effects.WILCOXON_NORMAL
    assert p == pytest.approx(math.erfc(abs(z) / math.sqrt(2)), rel=1e-9)
    assert p == pytest.approx(0.00907, abs=5e-5)


def test_the_exact_signed_rank_test_runs_only_without_ties_or_zeros():
    """Exact null distribution of T (Wilcoxon 1945): all ten changes positive and distinct,
    T- = 0, P(T- = 0) = 1/2**10, two-sided p = 2/1024. One zero change (dropped, Wilcoxon's
    convention) or one tie makes the exact table wrong: the normal approximation runs and says so."""
    assert effects.wilcoxon_test(np.arange(1.0, 11.0)) == (pytest.approx(2 / 1024), effects.WILCOXON_EXACT)
    assert effects.wilcoxon_test(np.r_[0.0, np.arange(1.0, 10.0)])[1] == effects.WILCOXON_NORMAL
    assert effects.wilcoxon_test(np.r_[1.0, np.arange(1.0, 10.0)])[1] == effects.WILCOXON_NORMAL
    assert effects.wilcoxon_test(np.zeros(10)) == (pytest.approx(math.nan, nan_ok=True), None)
    sc, tr = _ten_pairs(range(1, 11))
    row = effects.effect_table(effects.pairs(sc, tr)).iloc[0]
    assert row["wilcoxon_method"] == "exact" and effects.method_label(row["wilcoxon_method"], "en") == "exact"
    assert effects.method_label(effects.WILCOXON_NORMAL, "en") == "normal, tie-corrected, no continuity correction"


def _did_fixture(n_schools: int | None = None):
    """15 trained and 15 untrained teachers, one pair each; gains 8 and 2 points plus noise."""
    rng = np.random.default_rng(7)
    d_t, d_c = 8 + rng.normal(0, 1, 15), 2 + rng.normal(0, 1, 15)
    pre = 60 + rng.normal(0, 5, 30)

    def frame(ids, pre, d):
        return pd.DataFrame({"guru_id": ids, "sumber": "PKG", "domain": "pedagogik", "pre": pre, "post": pre + d, "change": d})

    tr = frame([f"t{i}" for i in range(15)], pre[:15], d_t)
    co = frame([f"c{i}" for i in range(15)], pre[15:], d_c)
    schools = {g: f"S{i % n_schools}" for i, g in enumerate([*tr["guru_id"], *co["guru_id"]])} if n_schools else None
    return tr, co, d_t, d_c, schools


def test_the_did_interval_uses_cluster_robust_errors_and_t_on_clusters_minus_one_df():
    """Cameron & Miller (2015), CR1: with one pair per teacher clustered by teacher, the DiD
    coefficient is mean(Δ trained) − mean(Δ untrained) and its variance
    [S_T / n_T² + S_C / n_C²] × G/(G − 1) × (N − 1)/(N − K), S the sums of squared deviations
    of the changes, G = 30 teachers, N = 60 observations, K = 4 coefficients. The 95 % CI is
    ± t(0.975, G − 1 = 29) × SE; t(0.975, 29) = 2.0452 (printed tables), not the normal 1.96."""
    tr, co, d_t, d_c, _ = _did_fixture()
    row = effects.did_table(tr, co).iloc[0]
    ss = ((d_t - d_t.mean()) ** 2).sum() / 15**2 + ((d_c - d_c.mean()) ** 2).sum() / 15**2
    se = math.sqrt(ss * 30 / 29 * 59 / 56)
    assert row["did"] == pytest.approx(d_t.mean() - d_c.mean())
    assert (row["n_clusters"], row["df"]) == (30, 29)
    assert row["ci_high"] - row["did"] == pytest.approx(2.0452 * se, rel=1e-4)


def test_clusters_can_be_the_school_and_then_g_counts_schools():
    """Four schools: G = 4, t on 3 df (t(0.975, 3) = 3.182), so the interval is far wider than on 30 teachers."""
    tr, co, _, _, schools = _did_fixture(n_schools=4)
    by_teacher = effects.did_table(tr, co).iloc[0]
    by_school = effects.did_table(tr, co, "school", schools).iloc[0]
    assert (by_school["n_clusters"], by_school["df"]) == (4, 3)
    assert by_school["did"] == pytest.approx(by_teacher["did"]), "clustering moves the interval, not the estimate"
    one_school = effects.did_table(tr, co, "school", {g: "S" for g in schools}).iloc[0]
    assert one_school["too_few"] and one_school["n_clusters"] == 1, "one cluster cannot give a cluster-robust interval"
    with pytest.raises(ValueError):
        effects.did_table(tr, co, "school")
    with pytest.raises(ValueError):
        effects.did_table(tr, co, "kecamatan", schools)


def test_the_ancova_line_is_the_post_gap_at_equal_pre_scores():
    """ANCOVA post ~ pre + trained: the trained coefficient is (ȳ_T − ȳ_C) − b_w (x̄_T − x̄_C),
    b_w the pooled within-group slope Σ(x − x̄_g)(y − ȳ_g) / Σ(x − x̄_g)² (the adjusted mean
    difference of the textbook one-covariate ANCOVA); same clusters and t(G − 1) as the DiD."""
    tr, co, *_ = _did_fixture()
    row = effects.ancova_table(tr, co).iloc[0]
    x_t, x_c, y_t, y_c = tr["pre"], co["pre"], tr["post"], co["post"]
    b_w = (((x_t - x_t.mean()) * (y_t - y_t.mean())).sum() + ((x_c - x_c.mean()) * (y_c - y_c.mean())).sum()) / (
        ((x_t - x_t.mean()) ** 2).sum() + ((x_c - x_c.mean()) ** 2).sum()
    )
    assert row["estimate"] == pytest.approx((y_t.mean() - y_c.mean()) - b_w * (x_t.mean() - x_c.mean()))
    assert (row["n_clusters"], row["df"]) == (30, 29) and row["ci_low"] < row["estimate"] < row["ci_high"]
    assert "at equal pre scores" in effects.ancova_sentence(row, "en")


def _ceiling_pairs(at_ceiling: int):
    """Ten teachers, pre 80 + i; ``at_ceiling`` of them end at 100, the rest at pre + 5."""
    rows, tr = [], []
    for i in range(10):
        pre = 80.0 + i
        rows += [(f"g{i}", "2024-01-01", "PKG", pre), (f"g{i}", "2024-12-01", "PKG", 100.0 if i < at_ceiling else pre + 5)]
        tr.append((f"g{i}", "KKG", "2024-06-01", "2024-06-02", 12))
    return effects.effect_table(effects.pairs(_scores(rows), _trainings(tr))).iloc[0]


def test_a_change_whose_post_scores_are_mostly_at_the_ceiling_is_flagged_not_read_as_an_effect_size():
    """Six of ten post scores at 100 (60 % > 50 %): flagged; five of ten (50 %) is not "mostly"."""
    row = _ceiling_pairs(6)
    assert (row["pre_ceiling_share"], row["post_ceiling_share"], row["ceiling"]) == (0.0, 0.6, True)
    assert "ceiling" in effects.sentence(row, "en") and "60%" in effects.sentence(row, "en")
    assert effects.format_effect(row["d_z"], row["ceiling"], "en").endswith("(ceiling)")
    assert "plafon" in effects.format_effect(row["d_z"], row["ceiling"], "id")
    half = _ceiling_pairs(5)
    assert half["post_ceiling_share"] == 0.5 and not half["ceiling"]
    assert "ceiling" not in effects.sentence(half, "en")


def test_effects_by_baseline_third_are_the_mean_change_of_each_third():
    """Pre 51..59 (one teacher each), change 10 − (pre − 50): cut points at the 1/3 and 2/3
    quantiles 53.67 and 56.33 give thirds {51, 52, 53}, {54, 55, 56}, {57, 58, 59}, mean changes 8, 5, 2."""
    pairs = pd.DataFrame({"guru_id": [f"g{i}" for i in range(9)], "domain": "pedagogik", "pre": [51.0 + i for i in range(9)]})
    pairs["change"] = 10 - (pairs["pre"] - 50)
    out = effects.tertile_table(pairs)
    assert list(out["tertile"]) == ["low", "middle", "high"]
    assert list(out["mean_change"]) == [8.0, 5.0, 2.0] and list(out["n_teachers"]) == [3, 3, 3]
    assert (out["pre_low"].tolist(), out["pre_high"].tolist()) == ([51.0, 54.0, 57.0], [53.0, 56.0, 59.0])


def test_a_pair_around_several_types_is_shown_once_in_its_combination():
    """Ten teachers had IHT and MGMP between the same two assessments: one group "IHT + MGMP"
    of ten pairs, no "IHT" or "MGMP" group that would count the same change twice."""
    rows, tr = [], []
    for i in range(10):
        rows += [(f"g{i}", "2024-01-01", "PKG", 50.0), (f"g{i}", "2024-12-01", "PKG", 51.0 + i)]
        tr += [(f"g{i}", "MGMP", "2024-03-01", "2024-03-01", 4), (f"g{i}", "IHT", "2024-05-01", "2024-05-02", 8)]
    by_type = effects.effect_table(effects.pairs(_scores(rows), _trainings(tr)), "jenis")
    assert list(by_type["group"]) == ["IHT + MGMP"] and by_type["n"].item() == 10
    assert effects.group_label("KKG + unknown", "en") == "KKG + Type unknown"


def test_jp_groups_come_in_order_under_30_30_to_79_80_and_over_unknown():
    rows, tr = [], []
    for i, jp in enumerate([90, float("nan"), 40, 10]):
        rows += [(f"g{i}", "2024-01-01", "PKG", 50.0), (f"g{i}", "2024-12-01", "PKG", 55.0)]
        tr.append((f"g{i}", "KKG", "2024-06-01", "2024-06-02", jp))
    u = effects.unique_pairs(effects.pairs(_scores(rows), _trainings(tr)))
    by_jp = effects.effect_table(u.assign(jp_band=[effects.jp_band(x) for x in u["jp"]]), "jp_band")
    assert list(by_jp["group"]) == ["<30", "30-79", "80+", "unknown"]


def test_holm_adjusts_the_four_domains_of_a_group_and_leaves_untested_ones_out():
    """Holm (1979): sorted p 0.01, 0.03, 0.04, 0.5 times 4, 3, 2, 1 = 0.04, 0.09, 0.08, 0.5, made
    monotone: 0.04, 0.09, 0.09, 0.5. With one domain untested the family is three."""
    adjusted = effects.holm(pd.Series([0.01, 0.04, 0.03, 0.5]))
    assert adjusted.tolist() == pytest.approx([0.04, 0.09, 0.09, 0.5])
    three = effects.holm(pd.Series([0.01, math.nan, 0.03, 0.5]))
    assert math.isnan(three[1]) and three[[0, 2, 3]].tolist() == pytest.approx([0.03, 0.06, 0.5])


def test_every_effect_table_carries_a_plain_caveat_in_both_languages():
    from analysis.i18n import t

    assert "assessor" in t("effects.caveat", "en") and "caused" in t("effects.caveat", "en")
    assert "penilai" in t("effects.caveat", "id") and "menyebabkan" in t("effects.caveat", "id")
    page = (ROOT / "app_pages" / "dampak_pelatihan.py").read_text(encoding="utf-8")
    assert page.count("widgets.table(") == 1 and 'st.caption(t("effects.caveat", lang))' in page, "the one table helper puts the caveat under each table"


def test_analyse_returns_one_frozen_result_with_every_table():
    import dataclasses

    sc, tr = _ten_pairs(range(1, 11))
    pen = sc.assign(**{f"k{i}": np.nan for i in range(1, 15)})
    res = effects.analyse(pen, tr)
    assert dataclasses.is_dataclass(res) and res.cluster == "teacher"
    with pytest.raises(dataclasses.FrozenInstanceError):
        res.cluster = "school"
    assert {f.name for f in dataclasses.fields(res)} == {"pairs", "overall", "by_type", "by_jp", "by_tertile", "control", "did", "ancova", "cluster"}


def test_the_summary_json_gives_the_did_and_hedges_g_per_domain_as_the_readme_documents():
    import re

    from analysis.views.summary import training_effects

    sc, tr = _ten_pairs(range(1, 11))
    untrained = _scores([(f"u{i}", d, "PKG", 50.0 + (i % 3) * (d > "2024-06")) for i in range(10) for d in ("2024-01-01", "2024-12-01")])
    pen = pd.concat([sc, untrained], ignore_index=True).assign(**{f"k{i}": np.nan for i in range(1, 15)})
    entry = training_effects(effects.analyse(pen, tr))["pedagogik"]
    assert entry["hedges_g"] is not None and entry["wilcoxon_method"] == "exact"
    assert entry["did"]["n_clusters"] == 20 and entry["did"]["df"] == 19 and entry["did"]["cluster"] == "teacher"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`([a-z_]+)`", readme[readme.index("`training_effects`") :].split("\n\n")[0]))
    assert set(entry) | set(entry["did"]) <= listed, "every field of training_effects is in the README's list"


def _effect_rows(group: str, cis: list[tuple[float, float] | None], n_teachers: int = 20) -> pd.DataFrame:
    """An effect table of one group: one row per domain, a CI or None (untested)."""
    rows = []
    for d, ci in zip(("pedagogik", "kepribadian", "sosial", "profesional"), cis):
        lo, hi = ci if ci else (math.nan, math.nan)
        mean = (lo + hi) / 2 if ci else 1.0
        rows.append(
            {
                "group": group,
                "domain": d,
                "n": n_teachers,
                "n_teachers": n_teachers,
                "mean_change": mean,
                "ci_low": lo,
                "ci_high": hi,
                "post_ceiling_share": 0.0,
                "ceiling": False,
                "too_few": ci is None,
            }
        )
    return pd.DataFrame(rows)


def _effects_of(overall: pd.DataFrame, by_type: pd.DataFrame) -> effects.Effects:
    empty = pd.DataFrame()
    return effects.Effects(pairs=empty, overall=overall, by_type=by_type, by_jp=empty, by_tertile=empty, control=empty, did=empty, ancova=empty)


def test_a_verdict_says_rose_or_fell_only_when_the_whole_interval_is_on_one_side_of_zero():
    base = {"too_few": False}
    assert effects.verdict(base | {"ci_low": 0.5, "ci_high": 3.0}) == "rose"
    assert effects.verdict(base | {"ci_low": -3.0, "ci_high": -0.1}) == "fell"
    assert effects.verdict(base | {"ci_low": -1.0, "ci_high": 2.0}) == "unclear"
    assert effects.verdict(base | {"ci_low": 0.0, "ci_high": 2.0}) == "unclear", "an interval touching zero includes it"
    assert effects.verdict({"too_few": True, "ci_low": math.nan, "ci_high": math.nan}) == "too_few"


def test_the_answer_puts_all_trainings_first_and_leaves_untested_types_to_the_details():
    res = _effects_of(
        _effect_rows("all", [(1, 3), (-2, 1), (-4, -1), (0.5, 2)]),
        pd.concat([_effect_rows("KKG", [(2, 6), (-1, 1), (-1, 1), (-1, 1)]), _effect_rows("MGMP", [None] * 4, 4)]),
    )
    full = effects.answer_table(res)
    assert list(full["group"].unique()) == ["all", "KKG", "MGMP"]
    answer = effects.answer_table(res, tested_only=True)
    assert list(answer["group"].unique()) == ["all", "KKG"] and answer.attrs["untested_groups"] == 1
    assert list(answer.loc[answer["group"] == "all", "verdict"]) == ["rose", "unclear", "fell", "rose"]


def test_the_answer_grid_is_one_row_per_training_with_mark_change_and_interval_per_domain():
    res = _effects_of(_effect_rows("all", [(1, 3), (-2, 1), (-4, -1), None]), _effect_rows("KKG", [(2, 6), (-1, 1), (-1, 1), (-1, 1)]))
    grid = effects.answer_grid(effects.answer_table(res), "id")
    assert list(grid.columns) == ["group", "n_teachers", "pedagogik", "kepribadian", "sosial", "profesional"]
    assert grid["group"].tolist() == ["Semua pelatihan", "KKG"]
    assert grid.loc[0, "pedagogik"] == "▲ +2,0 (1,0 s.d. 3,0)"
    assert grid.loc[0, "sosial"] == "▼ -2,5 (-4,0 s.d. -1,0)"
    assert grid.loc[0, "profesional"] == "· +1,0 (–)", "an untested cell keeps its mean change but no interval"
    assert effects.answer_grid(effects.answer_table(res), "en").loc[1, "pedagogik"] == "▲ +4.0 (2.0 to 6.0)"
