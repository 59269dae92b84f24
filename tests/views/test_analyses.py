"""The teacher-competency analyses: subjects, linieritas, PKG, ICT, the school figures and the CLI summary."""

from __future__ import annotations

import io
import json
from datetime import date

import numpy as np
import openpyxl
import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.core import schema
from analysis.i18n import t
from analysis.ingest import load as ingest
from analysis.metrics import ict, linieritas, pkg
from analysis.reference import subjects
from analysis.reports.school_report import school_report_xlsx
from analysis.views import school
from analysis.views.summary import summarize

SMPN8 = "data/sampel_smpn8_prabumulih.xlsx"


@pytest.fixture(scope="module")
def smpn8(sample_dataset):
    return sample_dataset


# ------------------------------------------------------------------ subjects


def test_subjects_split_on_semicolons_newlines_and_commas_outside_known_names():
    assert subjects.split_subjects("Bahasa Inggris; Seni Budaya\nIPA, Matematika") == ["Bahasa Inggris", "Seni Budaya", "IPA", "Matematika"]


def test_a_subject_name_with_commas_stays_one_subject():
    assert subjects.split_subjects("Pendidikan Jasmani, Olahraga, dan Kesehatan, IPA") == ["Pendidikan Jasmani, Olahraga, dan Kesehatan", "IPA"]
    assert subjects.split_subjects("pendidikan jasmani,olahraga, dan kesehatan") == ["Pendidikan Jasmani, Olahraga, dan Kesehatan"]


def test_aliases_map_to_the_canonical_subject():
    assert subjects.canonical_subject("PJOK") == "Pendidikan Jasmani, Olahraga, dan Kesehatan"
    assert subjects.canonical_subject("Fiqih") == "Fikih"
    assert subjects.canonical_subject("guru kelas mi") == "Guru Kelas"
    assert subjects.canonical_subject("  Tari Kreasi ") == "Tari Kreasi"
    assert not subjects.is_known_subject("Tari Kreasi")


def test_tadris_and_abbreviated_programmes_read_as_pendidikan():
    assert subjects.qualified_subjects("Tadris IPA") == frozenset({"IPA", "IPAS"})
    assert subjects.qualified_subjects("S1 Pend. Matematika") == frozenset({"Matematika"})
    assert subjects.qualified_subjects("Ushuluddin") is None


# --------------------------------------------------------------- linieritas


@pytest.mark.parametrize(
    ("subject", "cert", "prodi", "kep", "expected"),
    [
        ("Seni Budaya", "Bahasa Inggris", "Pendidikan Bahasa Inggris", True, ("tidak_linier", "sertifikasi")),
        ("Bahasa Inggris", "Bahasa Inggris", "Pendidikan Bahasa Inggris", True, ("linier", "sertifikasi")),
        ("Prakarya", None, "Pendidikan IPS", True, ("tidak_linier", "prodi")),
        ("IPS", None, "Pendidikan IPS", True, ("linier", "prodi")),
        ("Guru Kelas", None, "Pendidikan Agama Islam", True, ("tidak_linier", "prodi")),
        ("Guru Kelas", None, "Ushuluddin", False, ("unknown", "prodi_unknown")),
        ("Guru Kelas", None, "Psikologi", False, ("linier", "prodi")),
        ("Guru Kelas", None, "Ushuluddin", None, ("unknown", "prodi_unknown")),
        ("IPA", None, "Ushuluddin", False, ("unknown", "prodi_unknown")),
        ("IPA", "Sertifikat Ajaib", None, None, ("unknown", "sertifikasi_unknown")),
        ("Tari Kreasi", None, "Pendidikan Seni Tari", True, ("unknown", "subject_unknown")),
    ],
)
def test_each_teacher_subject_is_judged_by_certificate_else_programme(subject, cert, prodi, kep, expected):
    assert linieritas.judge_one(subject, cert, prodi, kep) == expected


def _guru(rows):
    cols = ["guru_id", "npsn", "pendidik", "sertifikasi", "jurusan_prodi", "kependidikan"]
    return pd.DataFrame(rows, columns=cols)


def _mengajar(rows):
    return pd.DataFrame(rows, columns=["guru_id", "mata_pelajaran", "jjm"])


def test_a_teacher_is_out_of_field_when_any_subject_is_and_shares_skip_unknown_teachers():
    guru = _guru(
        [
            ("a", "1", True, "Bahasa Inggris", "Pendidikan Bahasa Inggris", True),
            ("b", "1", True, None, "Pendidikan IPS", True),
            ("c", "1", True, None, "Ushuluddin", False),
            ("t", "1", False, None, "Akuntansi", False),
        ]
    )
    mengajar = _mengajar([("a", "Bahasa Inggris", 16.0), ("a", "Seni Budaya", 8.0), ("b", "IPS", 24.0), ("c", "IPA", 10.0), ("t", "IPA", 2.0)])
    judged = linieritas.judge(guru, mengajar)
    assert set(judged["guru_id"]) == {"a", "b", "c"}, "tenaga kependidikan are not judged"
    shares = linieritas.school_shares(judged).iloc[0]
    assert (shares["teachers"], shares["judged"], shares["out_of_field"], shares["out_of_field_unknown"]) == (3, 2, 1, 1)
    assert shares["share_headcount"] == pytest.approx(0.5)
    assert shares["share_jjm"] == pytest.approx(8 / 48)
    pt = linieritas.per_teacher(judged).set_index("guru_id")
    assert pt.loc["a", "subjects_out"] == "Seni Budaya"
    assert bool(pt.loc["a", "reaches_24_only_out_of_field"]), "16 linier JJM reach 24 only with the 8 out-of-field hours"
    totals = linieritas.totals(judged)
    assert totals["out_of_field_share_headcount"] == pytest.approx(0.5)


def test_by_subject_puts_the_most_out_of_field_subject_first():
    guru = _guru([("a", "1", True, "Bahasa Inggris", None, True), ("b", "1", True, "Seni Budaya", None, True), ("c", "1", True, "IPA", None, True)])
    judged = linieritas.judge(guru, _mengajar([("a", "Seni Budaya", 8.0), ("b", "Seni Budaya", 24.0), ("c", "IPA", 24.0)]))
    bs = linieritas.by_subject(judged)
    assert bs["mata_pelajaran"].tolist() == ["Seni Budaya", "IPA"]
    assert bs.iloc[0][["teachers", "linier", "tidak_linier", "share_out", "jjm_out"]].tolist() == [2, 1, 1, 0.5, 8.0]


def test_jjm_bands_follow_info_gtk():
    assert [linieritas.jjm_band(x) for x in (30, 24, 23.5, 18, 12, 11, None)] == ["A1", "A1", "A2", "A2", "A3", "A4", None]


def test_sample_smpn8_has_the_studied_out_of_field_teachers(smpn8):
    oof = school.out_of_field_tables(school.select(smpn8, "10603812"))
    subjects_out = set("; ".join(oof["teachers"]["subjects_out"]).split("; "))
    assert {"Seni Budaya", "Prakarya"} <= subjects_out


# ----------------------------------------------------------------------- PKG


@pytest.mark.parametrize(
    ("scores", "value"), [([0, 0, 0, 0], 1), ([1, 0, 0, 1], 1), ([1, 1, 0, 1], 2), ([2, 1, 1, 1], 3), ([2, 2, 1, 2], 4), ([1, 2, 2, 1], 3)]
)
def test_a_competency_value_converts_the_indicator_percentage(scores, value):
    assert pkg.competency_value(scores) == value


def test_indicator_scores_outside_0_to_2_are_refused():
    with pytest.raises(ValueError):
        pkg.competency_value([3, 1])
    with pytest.raises(ValueError):
        pkg.competency_value([])


@pytest.mark.parametrize(
    ("value", "key"),
    [
        (100, "amat_baik"),
        (90.01, "amat_baik"),
        (90.0, "baik"),
        (75.5, "baik"),
        (75.0, "cukup"),
        (60.2, "cukup"),
        (60.0, "sedang"),
        (50.0, "kurang"),
        (float("nan"), None),
    ],
)
def test_categories_use_the_unrounded_value(value, key):
    assert pkg.category(value) == key


def _penilaian(rows):
    base = {f"k{i}": np.nan for i in range(1, 15)} | {d: np.nan for d in ("pedagogik", "kepribadian", "sosial", "profesional")}
    return pd.DataFrame([base | r for r in rows])


def test_nilai_pkg_is_the_sum_over_56_and_domains_the_mean_over_4():
    row = {"guru_id": "a", "tanggal_penilaian": pd.Timestamp("2025-01-01"), "sumber": "PKG"} | {f"k{i}": 3 for i in range(1, 15)} | {"k13": 4, "k14": 4}
    s = pkg.assessment_scores(_penilaian([row])).iloc[0]
    assert s["nilai"] == pytest.approx((12 * 3 + 8) / 56 * 100)
    assert s["pedagogik"] == pytest.approx(75.0)
    assert s["profesional"] == pytest.approx(100.0)
    assert s["kategori"] == "baik"


def test_the_latest_assessment_counts_and_ukg_is_kept_apart():
    rows = [
        {
            "guru_id": "a",
            "tanggal_penilaian": pd.Timestamp("2024-01-01"),
            "sumber": "Supervisi",
            "pedagogik": 50,
            "kepribadian": 50,
            "sosial": 50,
            "profesional": 50,
        },
        {
            "guru_id": "a",
            "tanggal_penilaian": pd.Timestamp("2025-01-01"),
            "sumber": "Supervisi",
            "pedagogik": 80,
            "kepribadian": 70,
            "sosial": 60,
            "profesional": 90,
        },
        {"guru_id": "a", "tanggal_penilaian": pd.Timestamp("2025-06-01"), "sumber": "UKG", "pedagogik": 40, "profesional": 52},
        {"guru_id": "b", "tanggal_penilaian": pd.Timestamp("2025-06-01"), "sumber": "UKG", "pedagogik": 60, "profesional": 70},
    ]
    scores = pkg.assessment_scores(_penilaian(rows))
    latest = pkg.latest_per_teacher(scores)
    assert latest["guru_id"].tolist() == ["a"]
    assert pkg.domain_means(latest) == {"pedagogik": 80.0, "kepribadian": 70.0, "sosial": 60.0, "profesional": 90.0}
    assert latest.iloc[0]["nilai_basis"] == pkg.BASIS_DOMAIN
    ukg = pkg.ukg_summary(scores).set_index("domain")
    assert ukg.loc["pedagogik", "below_minimum"] == 1 and ukg.loc["pedagogik", "mean"] == 50.0
    assert ukg.loc["profesional", "share_below"] == 0.5


def test_the_domain_fallback_weights_the_domains_7_3_2_2_and_is_not_nilai_pkg():
    # Only domain scores: pedagogik 100, the other three 50. Equal weights would give
    # 62.5; the 14 competencies weight them 7:3:2:2 (K1–K7, K8–K10, K11–K12, K13–K14,
    # Permenneg PAN-RB 16/2009): (7×100 + 3×50 + 2×50 + 2×50) / 14 = 1050 / 14 = 75.
    row = {
        "guru_id": "a",
        "tanggal_penilaian": pd.Timestamp("2025-01-01"),
        "sumber": "PKG",
        "pedagogik": 100,
        "kepribadian": 50,
        "sosial": 50,
        "profesional": 50,
    }
    s = pkg.assessment_scores(_penilaian([row])).iloc[0]
    assert s["nilai"] == pytest.approx(75.0)
    assert s["nilai_basis"] == "domain_composite"
    assert t("pkg.basis.domain_composite", "id") == "Skor gabungan domain (bukan Nilai PKG)"


def test_domain_scores_from_the_k_values_give_the_nilai_pkg_back_through_the_weights():
    # K1–K7 = 4, K8–K14 = 2: Nilai PKG = (28 + 14) / 56 × 100 = 75; the domains are
    # 100, 50, 50, 50 and their 7:3:2:2 combination is 75 too.
    k = {f"k{i}": (4 if i <= 7 else 2) for i in range(1, 15)}
    from_k = pkg.assessment_scores(_penilaian([{"guru_id": "a", "tanggal_penilaian": pd.Timestamp("2025-01-01"), "sumber": "PKG"} | k])).iloc[0]
    assert from_k["nilai"] == pytest.approx(75.0) and from_k["nilai_basis"] == "pkg"
    assert [from_k[d] for d in schema.DOMAINS] == [100.0, 50.0, 50.0, 50.0]


def test_a_supervision_score_gets_no_pkg_category():
    # Pedoman PK Guru's categories are of Nilai PKG: a Supervisi row of 95 everywhere is not "Amat Baik".
    rows = [
        {
            "guru_id": "a",
            "tanggal_penilaian": pd.Timestamp("2025-01-01"),
            "sumber": "Supervisi",
            "pedagogik": 95,
            "kepribadian": 95,
            "sosial": 95,
            "profesional": 95,
        },
        {
            "guru_id": "b",
            "tanggal_penilaian": pd.Timestamp("2025-01-01"),
            "sumber": "Mandiri",
            "pedagogik": 95,
            "kepribadian": 95,
            "sosial": 95,
            "profesional": 95,
        },
        {"guru_id": "c", "tanggal_penilaian": pd.Timestamp("2025-01-01"), "sumber": "PKG", "pedagogik": 95, "kepribadian": 95, "sosial": 95, "profesional": 95},
    ]
    s = pkg.assessment_scores(_penilaian(rows))
    assert s["nilai"].tolist() == pytest.approx([95.0, 95.0, 95.0])
    assert [k if isinstance(k, str) else None for k in s["kategori"]] == [None, None, "amat_baik"]


def test_a_guru_bk_row_with_k1_to_k17_is_scored_on_17_competencies():
    # Guru BK instrument (Permenneg PAN-RB 16/2009, Pedoman PK Guru BK/Konselor): 17
    # competencies, max 68. K1–K3 = 4 and K4–K17 = 2: (12 + 28) / 68 × 100 = 58.82 (Sedang).
    # Domains by the BK grouping: pedagogik K1–K3 → 100, kepribadian K4–K7, sosial K8–K10,
    # profesional K11–K17 → 50 each.
    k = {f"k{i}": (4 if i <= 3 else 2) for i in range(1, 18)}
    pen = _penilaian([{"guru_id": "bk", "tanggal_penilaian": pd.Timestamp("2025-01-01"), "sumber": "PKG"} | k])
    guru = pd.DataFrame({"guru_id": ["bk"], "jenis_ptk": ["Guru BK"]})
    s = pkg.assessment_scores(pen, guru).iloc[0]
    assert s["nilai"] == pytest.approx(40 / 68 * 100)
    assert s["nilai_basis"] == "pkg_bk" and s["kategori"] == "sedang"
    assert [s[d] for d in schema.DOMAINS] == [100.0, 50.0, 50.0, 50.0]


def test_a_subject_teachers_k15_to_k17_are_ignored():
    # Same K values, a Guru Mapel: the 14-competency rule, K1–K3 = 4 and K4–K14 = 2,
    # (12 + 22) / 56 × 100 = 60.71; K15–K17 play no part.
    k = {f"k{i}": (4 if i <= 3 else 2) for i in range(1, 18)}
    pen = _penilaian([{"guru_id": "m", "tanggal_penilaian": pd.Timestamp("2025-01-01"), "sumber": "PKG"} | k])
    s = pkg.assessment_scores(pen, pd.DataFrame({"guru_id": ["m"], "jenis_ptk": ["Guru Mapel"]})).iloc[0]
    assert s["nilai"] == pytest.approx(34 / 56 * 100) and s["nilai_basis"] == "pkg"


def test_a_domain_score_from_k_values_is_at_least_25():
    # K values run 1–4, so the lowest domain score from them is 1 / 4 × 100 = 25.
    k = {f"k{i}": 1 for i in range(1, 15)}
    s = pkg.assessment_scores(_penilaian([{"guru_id": "a", "tanggal_penilaian": pd.Timestamp("2025-01-01"), "sumber": "PKG"} | k])).iloc[0]
    assert [s[d] for d in schema.DOMAINS] == [25.0] * 4 and s["nilai"] == pytest.approx(25.0)
    assert "25–100" in t("chart.axis.score", "id") and "25–100" in t("chart.axis.score", "en")


def test_category_counts_keep_all_five_categories():
    counts = pkg.category_counts(pd.DataFrame({"kategori": ["baik", "baik", "kurang"]}))
    assert counts["kategori"].tolist() == list(pkg.CATEGORY_KEYS)
    assert counts["n"].tolist() == [0, 2, 0, 0, 1]


def test_the_ukg_reference_holds_the_2015_national_mean():
    ref = pkg.ukg_reference()
    assert ref.query("wilayah == 'Nasional' and domain == 'total'")["mean"].item() == 53.02


# ----------------------------------------------------------------------- ICT


def _tik(levels_per_teacher, jenis="Guru Mapel"):
    rows = []
    for i, lv in enumerate(levels_per_teacher):
        rows.append(
            {
                "guru_id": str(i),
                "npsn": "1",
                "jenis_ptk": jenis,
                "pendidik": True,
                "tanggal_lahir": pd.Timestamp("1980-01-01"),
                "status_kepegawaian": "PNS",
                "sertifikasi": None,
            }
            | dict(zip(ict.SKILLS, lv))
        )
    return pd.DataFrame(rows)


def test_level_counts_cover_every_skill_and_level():
    counts = ict.level_counts(_tik([(1, 2, 3, 4, np.nan, 1), (1, 1, 1, 1, 1, 1)]))
    assert len(counts) == 24
    assert counts.query("skill == 'tik_laptop' and level == 1")["n"].item() == 2
    assert counts.query("skill == 'tik_asesmen'")["n"].sum() == 1, "an empty rating is left out"


def test_share_below_target_is_over_rated_teachers():
    below = ict.below_target(_tik([(1, 4, 3, 2, np.nan, 3), (3, 4, 2, 2, np.nan, 4)]), target=3).set_index("skill")
    assert below.loc["tik_laptop", "share"] == 0.5
    assert below.loc["tik_media", "share"] == 1.0
    assert np.isnan(below.loc["tik_asesmen", "share"])
    assert ict.mean_below_share(below.reset_index()) == pytest.approx((0.5 + 0 + 0.5 + 1 + 0) / 5)


def test_an_ict_target_outside_1_to_4_is_refused():
    with pytest.raises(ValueError):
        ict.below_target(_tik([(1,) * 6]), target=5)


def test_teacher_gaps_list_who_needs_which_skill():
    gaps = ict.teacher_gaps(_tik([(1, 4, 4, 4, 4, 2), (4,) * 6]))
    assert gaps["guru_id"].tolist() == ["0"]
    assert gaps.iloc[0]["skills"] == "tik_laptop;tik_kka"


# -------------------------------------------------------- school and summary


def test_school_headline_figures_of_the_smpn8_sample(smpn8):
    head = school.headline(school.select(smpn8, "10603812"))
    assert (head["teachers"], head["staff"], head["certified"]) == (50, 12, 40), "the two out-of-field teachers are uncertified (study 002)"
    assert head["trained_last_12_months_share"] == pytest.approx(0.54)
    assert 0 < head["out_of_field_share_headcount"] < 0.2
    assert all(50 <= head[f"domain_mean_{d}"] <= 100 for d in ("pedagogik", "kepribadian", "sosial", "profesional"))


# slow: summarize() runs scipy's exact Wilcoxon test per school and domain (seconds); make test runs it, make test-fast leaves it out
@pytest.mark.slow
def test_summary_json_has_the_documented_shape(smpn8, capsys):
    assert main(["summary", SMPN8, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    s = out["schools"][0]
    assert set(s) >= {
        "npsn",
        "name",
        "teachers",
        "out_of_field_share_headcount",
        "out_of_field_share_jjm",
        "domain_mean",
        "ict_below_target_share",
        "trained_last_12_months_share",
    }
    assert set(s["domain_mean"]) == {"pedagogik", "kepribadian", "sosial", "profesional"}
    assert set(s["ict_below_target_share"]) == set(ict.SKILLS)
    assert s == summarize(smpn8)["schools"][0]
    assert list(s["pkg_category_counts"]) == ["amat_baik", "baik", "cukup", "sedang", "kurang"]
    assert s["out_of_field_by_subject"]["Seni Budaya"]["tidak_linier"] >= 1
    effect = s["training_effects"]["pedagogik"]
    assert set(effect) == {
        "n",
        "n_teachers",
        "mean_change",
        "ci_low",
        "ci_high",
        "p_ttest",
        "p_holm",
        "p_wilcoxon",
        "wilcoxon_method",
        "d_z",
        "hedges_g",
        "pre_ceiling_share",
        "post_ceiling_share",
        "ceiling",
        "did",
    }
    assert set(effect["did"]) == {"estimate", "ci_low", "ci_high", "p_value", "n_clusters", "df", "cluster"}
    assert effect["did"]["df"] == effect["did"]["n_clusters"] - 1, "cluster-robust t on G - 1 degrees of freedom"


def test_summary_gives_null_where_the_data_cannot_say():
    ds = ingest.load_path("data/sampel_dapodik_profil_sekolah.xlsx")
    s = summarize(ds)["schools"][0]
    assert s["domain_mean"]["pedagogik"] is None, "a Dapodik export carries no assessment"
    assert s["trained_last_12_months_share"] is None, "no training records: unknown, not 0 %"
    assert s["teachers"] > 0


def test_the_school_report_shows_codes_unless_names_are_allowed(smpn8):
    coded = openpyxl.load_workbook(io.BytesIO(school_report_xlsx(smpn8, "10603812", "id")))
    named = openpyxl.load_workbook(io.BytesIO(school_report_xlsx(smpn8, "10603812", "id", show_names=True)))
    names = set(smpn8.tables["guru"]["nama"])

    def cells(wb):
        return {c for ws in wb for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)}

    assert not (cells(coded) & names)
    assert cells(named) & names
    assert any("ILUSTRATIF" in c.upper() or "ilustratif" in c for c in cells(coded)), "sample data says it is illustrative"


def test_the_school_report_refuses_an_unknown_school(smpn8):
    with pytest.raises(KeyError):
        school_report_xlsx(smpn8, "99999999")


# ------------------------------------------------- reference tables and groups


def test_the_reference_tables_cover_every_subject_of_the_curriculum():
    wanted = [
        "Pendidikan Agama Islam dan Budi Pekerti",
        "Pendidikan Pancasila",
        "Bahasa Indonesia",
        "Matematika",
        "IPA",
        "IPS",
        "IPAS",
        "Bahasa Inggris",
        "Pendidikan Jasmani, Olahraga, dan Kesehatan",
        "Informatika",
        "Seni Budaya",
        "Prakarya",
        "Muatan Lokal",
        "Koding dan Kecerdasan Artifisial",
        "Al-Qur'an Hadis",
        "Akidah Akhlak",
        "Fikih",
        "Sejarah Kebudayaan Islam",
        "Bahasa Arab",
        "Guru Kelas",
    ]
    assert set(wanted) <= set(subjects.subject_names())
    qualified = set().union(*(subjects.qualified_subjects(p) or set() for p in pd.read_csv(subjects.PRODI_FILE)["jurusan_prodi"]))
    assert set(wanted) <= qualified, "every subject has a programme that qualifies for it"
    assert subjects.canonical_subject("PAI") == "Pendidikan Agama Islam dan Budi Pekerti"
    assert subjects.qualified_subjects("PJKR") == subjects.qualified_subjects("Tadris Jasmani Kesehatan dan Rekreasi")
    assert subjects.is_education_programme("PG-PAUD") is True
    assert subjects.is_education_programme("Sastra Inggris") is False


def test_a_class_teacher_from_another_education_programme_is_not_linier():
    """Permendiknas 16/2007 names PGSD/PGMI and psikologi for the SD/MI class teacher, not any education programme."""
    assert linieritas.judge_one("Guru Kelas", None, "Pendidikan Matematika", True) == ("tidak_linier", "prodi")
    assert linieritas.judge_one("Guru Kelas", None, "Sastra Inggris", None) == ("tidak_linier", "prodi")


def test_a_replacement_programme_table_is_checked_row_by_row(tmp_path):
    data = "jurusan_prodi;mata_pelajaran\nUshuluddin;Akidah Akhlak\n;IPA\nFilsafat;Filsafat Umum\n".encode("utf-8-sig")
    table, problems = subjects.read_prodi_table(data)
    assert table["jurusan_prodi"].tolist() == ["Ushuluddin"]
    assert problems == ["row 3, jurusan_prodi: empty", "row 4, mata_pelajaran: 'Filsafat Umum' is not a subject of mata_pelajaran.csv"]
    path = tmp_path / "prodi.csv"
    table.to_csv(path, index=False)
    assert linieritas.judge_one("Akidah Akhlak", None, "Ushuluddin", False, prodi_path=path) == ("linier", "prodi")
    assert linieritas.judge_one("Akidah Akhlak", None, "Ushuluddin", False) == ("unknown", "prodi_unknown")
    assert subjects.read_prodi_table(b"nama,mapel\nx,y\n")[1] == ["missing column: jurusan_prodi", "missing column: mata_pelajaran"]
    assert subjects.read_prodi_table(b"")[1] == ["file: empty"]


def test_out_of_field_by_certification_and_the_24_jjm_gap():
    guru = _guru(
        [
            ("a", "1", True, "Bahasa Inggris", "Pendidikan Bahasa Inggris", True),
            ("b", "1", True, None, "Pendidikan IPS", True),
            ("c", "1", True, "IPA", "Pendidikan IPA", True),
            ("d", "1", True, None, "Ushuluddin", False),
        ]
    ).assign(status_kepegawaian=["PNS", "GTY/PTY", "PNS", "GTY/PTY"])
    judged = linieritas.judge(
        guru, _mengajar([("a", "Bahasa Inggris", 16.0), ("a", "Seni Budaya", 8.0), ("b", "Prakarya", 6.0), ("c", "IPA", 24.0), ("d", "IPA", 6.0)])
    )
    cert = linieritas.by_group(judged, guru, "sertifikasi").set_index("group")
    assert cert.loc["certified"].tolist() == [2, 1, 0.5]
    assert cert.loc["uncertified"].tolist() == [1, 1, 1.0], "d is unknown and left out"
    link = linieritas.jjm_link(judged, guru)
    assert link["guru_id"].tolist() == ["a"]
    assert link.iloc[0][["jjm_in", "jjm_not_counted", "gap", "band"]].tolist() == [16.0, 8.0, 8.0, "A3"], "the 8 out-of-field hours do not count"
    missing = linieritas.unknown_entries(judged)
    assert missing.to_dict("records") == [{"kind": "prodi", "name": "Ushuluddin", "teachers": 1}]
    with pytest.raises(ValueError):
        linieritas.by_group(judged, guru, "agama")


def test_training_needs_skip_teachers_with_a_recent_tik_training():
    guru = _tik([(1, 4, 4, 4, 4, 4), (2, 4, 4, 4, 4, 4), (4,) * 6])
    pel = pd.DataFrame(
        {
            "guru_id": ["0", "1"],
            "fokus": ["Pedagogik", "TIK"],
            "tanggal_mulai": pd.to_datetime(["2025-03-01", "2025-03-01"]),
            "tanggal_selesai": pd.to_datetime(["2025-03-02", "2025-03-02"]),
        }
    )
    needs = ict.training_needs(guru, pel, date(2025, 6, 1))
    assert needs["guru_id"].tolist() == ["0"], "teacher 1 had a TIK training, teacher 2 has no gap"
    assert pd.isna(needs.iloc[0]["last_tik_training"])


def test_competency_can_be_read_for_one_year(smpn8):
    sel = school.select(smpn8, "10603812")
    years = school.assessment_years(sel)
    assert years == sorted(years, reverse=True) and len(years) >= 2
    older = school.competency_tables(sel, years[-1])["latest"]
    assert set(older["tanggal_penilaian"].dt.year) == {years[-1]}


def test_ict_age_groups_come_in_age_order(smpn8):
    by_age = ict.below_by_group(smpn8.tables["guru"], "age_band", 3, date(2025, 12, 1))
    groups = list(dict.fromkeys(by_age["group"]))
    assert groups == [b for b in ("<30", "30-39", "40-49", "50+", "unknown") if b in groups]


@pytest.mark.parametrize(
    ("scores", "value"), [([1, 1, 0, 0], 1), ([1, 1, 1, 0], 2), ([1, 1, 1, 1], 2), ([2, 1, 1, 1], 3), ([2, 2, 1, 1], 3), ([2, 2, 2, 1], 4)]
)
def test_competency_value_boundaries_at_25_50_and_75_percent(scores, value):
    # 2/8 = 25 % → 1; 3/8 = 37.5 % → 2; 4/8 = 50 % → 2; 5/8 = 62.5 % → 3; 6/8 = 75 % → 3; 7/8 = 87.5 % → 4
    assert pkg.competency_value(scores) == value


@pytest.mark.parametrize(
    ("value", "key"), [(50, "kurang"), (51, "sedang"), (60, "sedang"), (61, "cukup"), (75, "cukup"), (76, "baik"), (90, "baik"), (91, "amat_baik")]
)
def test_category_boundaries_of_the_pedoman_table(value, key):
    assert pkg.category(value) == key


def test_a_worked_pkg_example_by_hand():
    # K1–K7 = 4,3,3,2,3,4,3 (sum 22), K8–K10 = 3,3,4 (10), K11–K12 = 2,3 (5), K13–K14 = 3,3 (6): total 43
    ks = [4, 3, 3, 2, 3, 4, 3, 3, 3, 4, 2, 3, 3, 3]
    row = {"guru_id": "a", "tanggal_penilaian": pd.Timestamp("2025-01-01"), "sumber": "PKG"} | {f"k{i}": v for i, v in enumerate(ks, start=1)}
    s = pkg.assessment_scores(_penilaian([row])).iloc[0]
    assert s["nilai"] == pytest.approx(43 / 56 * 100)  # 76.79 → Baik
    assert s["kategori"] == "baik"
    assert s["pedagogik"] == pytest.approx(22 / 7 / 4 * 100)  # 78.57
    assert s["kepribadian"] == pytest.approx(10 / 3 / 4 * 100)  # 83.33
    assert s["sosial"] == pytest.approx(62.5)
    assert s["profesional"] == pytest.approx(75.0)


def test_the_school_report_carries_native_charts_over_its_tables(smpn8):
    wb = openpyxl.load_workbook(io.BytesIO(school_report_xlsx(smpn8, "10603812", "en")))
    charts_per_sheet = {ws.title: len(ws._charts) for ws in wb}
    assert charts_per_sheet["Competency"] == 1 and charts_per_sheet["ICT"] == 1 and charts_per_sheet["Out of field"] == 1


# ------------------------------------------------------ found in review


def test_a_teacher_whose_jjm_is_blank_is_not_listed_as_24_hours_short():
    guru = _guru([("a", "1", True, "IPA", "Pendidikan IPA", True), ("h", "1", True, "IPA", "Pendidikan IPA", True)]).assign(
        jenis_ptk=["Guru Mapel", "Kepala Sekolah"]
    )
    judged = linieritas.judge(guru, _mengajar([("a", "IPA", np.nan), ("h", "IPA", 6.0)]))
    assert linieritas.jjm_link(judged, guru).empty, "blank JJM: gap unknown; the head's minimum is 6 JJM"
    assert linieritas.jjm_band(pd.NA) is None


def test_speakers_and_committee_members_are_not_counted_as_trained():
    from analysis.metrics import participation

    guru = pd.DataFrame({"guru_id": ["a", "b"], "npsn": ["1", "1"], "jenis_ptk": ["Guru Mapel"] * 2, "pendidik": [True, True]})
    pel = pd.DataFrame(
        {
            "guru_id": ["a", "b"],
            "peran": ["Panitia", "Peserta"],
            "jp": [16.0, 8.0],
            "tanggal_mulai": pd.to_datetime(["2025-03-01"] * 2),
            "tanggal_selesai": pd.to_datetime(["2025-03-02"] * 2),
        }
    )
    pt = participation.per_teacher(guru, pel, date(2025, 6, 1)).set_index("guru_id")
    assert not pt.loc["a", "trained"] and pt.loc["b", "trained"]


def test_teachers_from_a_file_without_trainings_are_left_out_of_the_trained_share():
    from analysis.metrics import participation

    guru = pd.DataFrame(
        {
            "guru_id": ["a", "b", "c"],
            "npsn": ["1", "1", "2"],
            "jenis_ptk": ["Guru Mapel"] * 3,
            "pendidik": [True] * 3,
            "pelatihan_recorded": [True, True, False],
        }
    )
    pel = pd.DataFrame(
        {"guru_id": ["a"], "peran": [None], "jp": [8.0], "tanggal_mulai": pd.to_datetime(["2025-03-01"]), "tanggal_selesai": pd.to_datetime(["2025-03-02"])}
    )
    assert participation.recorded_trained_share(guru, pel, date(2025, 6, 1)) == 0.5
    assert participation.recorded_trained_share(guru[guru["npsn"] == "1"].assign(pelatihan_recorded=True), pel.iloc[:0], date(2025, 6, 1)) == 0.0, (
        "recorded, nobody trained: 0 %, not unknown"
    )
    assert participation.recorded_trained_share(guru[guru["npsn"] == "2"], pel, date(2025, 6, 1)) is None


def test_combining_the_same_file_twice_counts_nothing_twice(smpn8):
    both = ingest.combine([smpn8, smpn8])
    for key in ("guru", "mengajar", "pelatihan", "penilaian", "kendala"):
        assert len(both.tables[key]) == len(smpn8.tables[key]), key


def test_check_of_a_file_with_no_known_sheet_exits_2_with_one_file_level_problem(tmp_path, capsys):
    f = tmp_path / "catatan.csv"
    f.write_text("foo,bar\n1,2\n", encoding="utf-8")
    assert main(["check", str(f), "--json"]) == 2
    out = json.loads(capsys.readouterr().out)
    assert out["sheets"] == []
    assert len(out["problems"]) == 1
    assert out["problems"][0]["row"] is None and out["problems"][0]["column"] is None


# slow: summarize() runs scipy's exact Wilcoxon test per school and domain (seconds); make test runs it, make test-fast leaves it out
@pytest.mark.slow
def test_summary_counts_back_from_a_reference_date_the_user_sets(capsys):
    assert main(["summary", SMPN8, "--json", "--reference-date", "2023-12-31"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["reference_date"] == "2023-12-31"
    assert main(["summary", SMPN8, "--json"]) == 0
    latest = json.loads(capsys.readouterr().out)
    assert latest["reference_date"] == "2025-12-06", "by default the latest date in the data"
    assert out["schools"][0]["trained_last_12_months_share"] != latest["schools"][0]["trained_last_12_months_share"]
