"""District overview, teacher view, school comparison, the coded studies and the exports."""

from __future__ import annotations

import io
import math

import numpy as np
import openpyxl
import pandas as pd
import pytest

from analysis.core import schema
from analysis.ingest import load as ingest
from analysis.reports import exports
from analysis.views import compare, district, studies


@pytest.fixture(scope="module")
def district_ds(district_dataset):
    return district_dataset


# ------------------------------------------------------------------ overview


def test_filters_narrow_the_schools_and_unknown_filters_are_refused(district_ds):
    mi = district.filtered_npsn(district_ds, {"jenjang": ["MI"]})
    assert len(mi) == 6
    assert district.filtered_npsn(district_ds, {"jenjang": ["MI"], "status": ["Negeri"]}) == [
        n for n in mi if n in district.filtered_npsn(district_ds, {"status": ["Negeri"]})
    ]
    assert len(district.filtered_npsn(district_ds, {})) == len(district_ds.tables["sekolah"])
    with pytest.raises(KeyError):
        district.filtered_npsn(district_ds, {"agama": ["Islam"]})


# slow: summarize() runs scipy's exact Wilcoxon test per school and domain (seconds); make test runs it, make test-fast leaves it out
@pytest.mark.slow
def test_the_school_table_agrees_with_the_summary_and_bands_each_figure(district_ds):
    from analysis.views.summary import summarize

    table = district.school_table(district_ds).set_index("npsn")
    summary = {s["npsn"]: s for s in summarize(district_ds)["schools"]}
    row = table.loc["10603812"]
    assert row["teachers"] == summary["10603812"]["teachers"]
    assert row["out_of_field_share_headcount"] == pytest.approx(summary["10603812"]["out_of_field_share_headcount"], abs=1e-4)
    assert row["band_out_of_field_share_headcount"] == "baik"
    assert set(table["band_ict_below_target_share"]) <= {"baik", "sedang", "kurang", "none"}


def test_the_teacher_view_holds_subjects_assessments_trainings_and_ict(district_ds):
    guru = district.teacher_choices(district_ds, "10603812")
    prof = district.teacher_profile(district_ds, guru["guru_id"].iloc[1])
    assert set(prof) >= {"profile", "subjects", "assessments", "nilai", "trainings", "ict"}
    assert len(prof["ict"]) == 6
    assert prof["assessments"]["score"].between(0, 100).all()
    assert set(prof["subjects"]["status"]) <= {"linier", "tidak_linier", "unknown"}
    with pytest.raises(KeyError):
        district.teacher_profile(district_ds, "no-such-teacher")


# ---------------------------------------------------------------- comparison


def _scores(groups):
    rows = [{"npsn": g, "guru_id": f"{g}{i}", "domain": "pedagogik", "score": v} for g, vals in groups.items() for i, v in enumerate(vals)]
    return pd.DataFrame(rows)


def test_the_tests_across_schools_match_scipy_and_the_effect_size_formula():
    from scipy import stats

    a = [60, 62, 65, 70, 71, 72, 75, 78, 80, 82]
    b = [70, 74, 75, 79, 81, 83, 85, 86, 90, 92]
    c = [50, 52, 55, 58, 60, 61, 63, 66, 69, 70]
    omni, pairs = compare.tests(_scores({"A": a, "B": b, "C": c}))
    row = omni.set_index("domain").loc["pedagogik"]
    h, p = stats.kruskal(a, b, c)
    assert row["H"] == pytest.approx(h) and row["p_kruskal"] == pytest.approx(p)
    assert row["eta2_h"] == pytest.approx((h - 3 + 1) / (30 - 3))
    # Welch's ANOVA by hand (Welch 1951)
    groups = [np.array(x, float) for x in (a, b, c)]
    w = np.array([len(g) / g.var(ddof=1) for g in groups])
    m = np.array([g.mean() for g in groups])
    mw = (w * m).sum() / w.sum()
    k = 3
    tmp = ((1 - w / w.sum()) ** 2 / (np.array([len(g) for g in groups]) - 1)).sum()
    f = ((w * (m - mw) ** 2).sum() / (k - 1)) / (1 + 2 * (k - 2) / (k**2 - 1) * tmp)
    assert row["F"] == pytest.approx(f)
    assert len(pairs) == 3
    ab = pairs[(pairs["A"] == "A") & (pairs["B"] == "B")].iloc[0]
    assert ab["p_unc"] == pytest.approx(stats.mannwhitneyu(a, b).pvalue, rel=1e-6)
    assert (pairs["p_holm"] >= pairs["p_unc"]).all()


def test_small_schools_are_flagged_and_a_single_score_stays_out_of_the_test():
    s = _scores({"A": [60, 70, 80], "B": [65, 75], "C": [90]})
    omni, _ = compare.tests(s)
    row = omni.iloc[0]
    assert row["schools"] == 2 and row["small_groups"] == 3
    assert compare.group_sizes(s)["small"].all()


def test_two_schools_give_one_pair_with_holm_equal_to_the_raw_p():
    _, pairs = compare.tests(_scores({"A": list(range(50, 62)), "B": list(range(55, 67))}))
    assert len(pairs) == 1 and pairs.iloc[0]["p_holm"] == pairs.iloc[0]["p_unc"]


# ------------------------------------------------------------------- studies


def test_all_five_studies_are_coded_with_the_studies_own_obstacle_categories():
    coded = studies.load_studies()
    assert len(coded) == 5
    matrix = studies.obstacle_matrix(coded)
    assert len(matrix) == 10 * 5
    prabumulih = matrix[matrix["study"].str.contains("Prabumulih")]
    assert prabumulih.set_index("category").loc["Guru bukan bidangnya", "reported"] == 1


def test_a_study_with_an_unknown_obstacle_category_is_refused(tmp_path):
    bad = tmp_path / "s.yaml"
    bad.write_text(
        "studies:\n  - {id: x, site: X, jenjang: [SMP], method: m, informants: [], competencies: [], training_forms: [], obstacles: [{category: Cuaca, text: hujan}], remedies: [], outcomes: [], testable: [], citation: c}\n",
        encoding="utf-8",
    )
    with pytest.raises(studies.StudiesError, match="Cuaca"):
        studies.load_studies(bad)


def test_kendala_counts_keep_every_category(district_ds):
    # The findings beside the data are tested in tests/test_studies.py.
    counts = studies.kendala_counts(district_ds.tables["kendala"])
    assert len(counts) == 10 and counts["n"].sum() == len(district_ds.tables["kendala"].dropna(subset=["kategori"]))


def test_the_kendala_sheet_is_a_categories_by_schools_matrix_like_the_studies_one():
    kendala = pd.DataFrame(
        {
            "npsn": ["11111111", "11111111", "22222222"],
            "kategori": ["Dana", "Dana", "Kemampuan TI"],
            "keterangan": ["tidak ada anggaran", None, "laptop kurang"],
        }
    )
    m = studies.kendala_matrix(kendala, {"11111111": "SD A"})
    assert len(m) == 10 * 2, "all ten categories for each school that records one"
    a = m[m["npsn"] == "11111111"].set_index("category")
    assert a.loc["Dana", "reported"] == 1 and a.loc["Dana", "n"] == 2 and a.loc["Dana", "text"] == "tidak ada anggaran"
    assert a.loc["Motivasi", "reported"] == 0 and a.loc["Motivasi", "n"] == 0
    assert set(m["study"]) == {"SD A", "22222222"}, "a school without a name shows its NPSN"
    assert studies.kendala_matrix(kendala.iloc[0:0], {}).empty


def test_every_obstacle_category_has_a_label_in_both_languages():
    en = studies.category_labels("en")
    assert set(en) == set(schema.KATEGORI_KENDALA)
    assert en["Kemampuan TI"] == "IT skills"
    assert studies.category_labels("id")["Kemampuan TI"] == "Kemampuan TI"


# ------------------------------------------------------------------- exports


def test_exported_tables_neutralise_formula_text_and_never_write_formulas():
    df = pd.DataFrame({"Nama": ['=HYPERLINK("http://x")', "+62 811", "Budi"], "JJM": [24, 18, np.nan]})
    csv = exports.table_csv(df).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv and "'+62 811" in csv
    wb = openpyxl.load_workbook(io.BytesIO(exports.table_xlsx(df)))
    ws = wb.active
    assert ws["A2"].value == '\'=HYPERLINK("http://x")' and ws["A2"].data_type == "s"
    assert ws["B2"].value == 24 and ws["B4"].value is None


def test_the_district_workbook_has_native_charts_over_its_own_cells(district_ds):
    npsns = list(district_ds.tables["sekolah"]["npsn"])
    wb = openpyxl.load_workbook(io.BytesIO(exports.district_report_xlsx(district_ds, npsns, "en")))
    schools = wb.worksheets[1]
    assert schools.max_row - 1 == len(npsns)
    assert len(schools._charts) == 2
    summary_values = [r[1] for r in wb.worksheets[0].iter_rows(values_only=True) if r and len(r) > 1]
    assert len(npsns) in summary_values
    assert any("ILLUSTRATIVE" in str(r[0]).upper() for r in wb.worksheets[0].iter_rows(values_only=True) if r[0])


def test_html_reports_are_self_contained_and_carry_the_page_figures(district_ds):
    html = exports.school_report_html(district_ds, "10603812", "en")
    assert html.startswith("<!DOCTYPE html>") and "plotly" in html
    assert '<script src="http' not in html, "no network needed to open it"
    assert "Illustrative sample data" in html and "SMP Negeri 8 Prabumulih" in html
    assert html.count("class='figure'") >= 6
    assert "<script>alert" not in exports.html_report("t", ["<script>alert(1)</script>"], [("h", ["<b>x</b>"])])
    district_html = exports.district_report_html(district_ds, ["10603812", "10505207"], "id")
    assert "SMP Negeri 7 Muaro Jambi" in district_html


def test_the_research_export_holds_no_name_nuptk_nip_or_birth_date(district_ds):
    wb = openpyxl.load_workbook(io.BytesIO(exports.deidentified_xlsx(district_ds, ["10603812"])))
    assert [ws.title for ws in wb][1:] == ["sekolah", "guru", "mengajar", "pelatihan", "penilaian", "jumlah_sekolah"]
    cells = {str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row if c is not None}
    guru = district_ds.tables["guru"]
    guru = guru[guru["npsn"] == "10603812"]
    for col in ("nama", "nuptk", "nip"):
        assert not (cells & set(guru[col].dropna().astype(str))), col
    headers = [c.value for c in wb["guru"][1]]
    assert "kode" in headers and "age_band" in headers and "tanggal_lahir" not in headers
    codes = {r[0] for r in wb["penilaian"].iter_rows(min_row=2, values_only=True)}
    assert codes <= {r[0] for r in wb["guru"].iter_rows(min_row=2, values_only=True)}, "codes link the sheets"


def test_a_school_whose_scores_are_all_equal_still_gets_kruskal_but_no_welch():
    omni, pairs = compare.tests(_scores({"A": [75.0] * 5, "B": [60, 70, 80, 90, 65]}))
    row = omni.iloc[0]
    assert not math.isnan(row["p_kruskal"]) and math.isnan(row["F"])
    assert len(pairs) == 1


def test_export_codes_stay_distinct_even_when_six_digits_would_clash():
    from analysis.metrics.privacy import deidentified_tables, pseudonym

    ids = [f"{1000000000000000 + i}" for i in range(6000)]
    short = [pseudonym(i, key="s") for i in ids]  # a fixed key: the clash must not depend on the deployment's
    assert len(set(short)) < len(short), "the test needs a clash among 6-digit codes"
    guru = pd.DataFrame({"guru_id": ids, "npsn": "1", "tanggal_lahir": pd.NaT})
    empty = {k: pd.DataFrame({"guru_id": pd.Series(dtype=object)}) for k in ("mengajar", "pelatihan", "penilaian")}
    out = deidentified_tables({"sekolah": pd.DataFrame({"npsn": ["1"]}), "guru": guru, **empty}, pd.Timestamp("2025-01-01").date(), key="s")
    assert out["guru"]["kode"].is_unique


def test_a_school_only_the_guru_sheet_names_is_still_a_school_of_the_dataset():
    data = b"NPSN;Nama;NUPTK;JK;Jenis PTK;Mengajar;JJM\n10603812;Ani;1234567890123456;P;Guru Mapel;IPA;24\n"
    ds = ingest.load_file(data, "guru.csv")
    from analysis.views import school

    assert school.schools_in(ds) == {"10603812": None}
