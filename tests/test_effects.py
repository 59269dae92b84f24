"""Training effects: pairing rules, statistics checked against values worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis import effects, pkg

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
    sc = _scores([("a", "2024-01-01", "PKG", 50), ("a", "2024-05-01", "PKG", 60), ("a", "2024-06-10", "PKG", 99), ("a", "2024-09-01", "PKG", 70), ("a", "2024-12-01", "PKG", 80)])
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
    assert sorted(effects.unique_pairs(p, "jenis")["jenis"]) == ["IHT", "MGMP"]


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
    row = {"domain": "pedagogik", "n_treated": 64, "n_control": 34, "did": 13.33, "ci_low": 10.83, "ci_high": 15.84, "too_few": False}
    text = effects.did_sentence(row, "en")
    assert "13.3 points more" in text and "10.8 to 15.8" in text and "cannot be told apart" not in text
    assert "cannot be told apart" in effects.did_sentence({**row, "did": -0.5, "ci_low": -4.9, "ci_high": 4.0}, "en")
    assert "too few" in effects.did_sentence({**row, "too_few": True, "n_control": 3}, "en")
    assert "lebih kecil" in effects.did_sentence({**row, "did": -2.0, "ci_low": -3.0, "ci_high": -1.0}, "id")


def test_p_values_read_as_a_table_shows_them():
    assert [effects.format_p(p, "en") for p in (0.0000001, 0.0123, float("nan"))] == ["< 0.001", "0.012", "–"]
    assert effects.format_p(0.0123, "id") == "0,012"
