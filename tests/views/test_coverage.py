"""What a file can say: the coverage table, the no-data notes and a reference date that never comes from the clock."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from analysis.i18n import t
from analysis.ingest import load as ingest
from analysis.views import coverage, school

ROOT = Path(__file__).resolve().parents[2]  # the repository root
DAPODIK = ROOT / "data" / "sampel_dapodik_profil_sekolah.xlsx"
SAMPLE = ROOT / "data" / "sampel_smpn8_prabumulih.xlsx"


@pytest.fixture(scope="module")
def dapodik():
    return ingest.load_path(DAPODIK)


@pytest.fixture(scope="module")
def sample():
    return ingest.load_path(SAMPLE, is_sample=True)


def test_a_dapodik_only_upload_supports_staff_and_out_of_field_and_nothing_built_on_absent_sheets(dapodik):
    table = coverage.of_dataset(dapodik).table.set_index("figure")
    assert table.loc[["staff", "staff_age", "out_of_field"], "supported"].all()
    for fig in ("competency", "ukg", "ict", "ict_needs", "training", "training_effects", "kinerja", "kendala"):
        assert not table.loc[fig, "supported"], fig


def test_the_coverage_table_names_the_template_sheet_that_adds_each_missing_figure(dapodik):
    table = coverage.of_dataset(dapodik).table.set_index("figure")
    assert table.loc["training", "sheets"] == ("Pelatihan",)
    assert table.loc["competency", "sheets"] == ("Penilaian",)
    assert table.loc["ict", "sheets"] == ("Guru",)
    assert table.loc["staff", "sheets"] == ()


def test_the_sample_workbook_supports_every_figure_of_the_school_page(sample):
    cov = coverage.of_dataset(sample)
    assert all(cov.supports(f) for f in ("staff", "competency", "ict", "training", "training_effects"))
    assert coverage.box_text(cov, ("staff", "competency", "ict", "training"), "id") is None


def test_the_box_says_what_the_file_supports_and_which_sheet_adds_the_rest(dapodik):
    text = coverage.box_text(coverage.of_dataset(dapodik), ("staff", "training", "ict"), "en")
    assert t("coverage.figure.staff", "en") in text.split("No data")[0]
    assert t("coverage.figure.training", "en") in text.split("No data")[1]
    assert "Pelatihan sheet" in text and "TIK columns" in text


def test_a_metric_built_on_an_absent_sheet_is_not_shown_as_a_number(dapodik):
    cov = coverage.of_dataset(dapodik)
    assert not cov.supports_metric("trained_last_12_months_share")
    assert not cov.supports_metric("ict_below_target_share")
    assert cov.supports_metric("teachers")


def test_an_empty_pelatihan_sheet_still_supports_training_figures(sample):
    tables = dict(sample.tables, pelatihan=sample.tables["pelatihan"].iloc[0:0])
    assert coverage.coverage(tables, date(2025, 6, 30)).supports("training")  # pelatihan_recorded: none trained is a fact


def test_without_a_date_training_figures_say_the_date_is_missing_not_no_data(sample):
    cov = coverage.coverage(sample.tables, None)
    assert not cov.supports("training") and not cov.supports("staff_age")
    assert coverage.no_data_key(cov, "training") == "coverage.no_date"
    assert coverage.no_data_key(cov, "staff") is None


def test_the_reference_date_of_a_dapodik_export_is_its_tanggal_unduh(dapodik):
    assert dapodik.reference_date() == date(2025, 11, 20)
    assert dapodik.reference_source() == "tanggal_unduh"
    assert "Tanggal Unduh" in school.reference_caption(school.select(dapodik), "id")


def test_a_file_without_any_date_has_no_reference_date_and_never_today(dapodik):
    undated = replace(dapodik, tables=dict(dapodik.tables, sekolah=dapodik.tables["sekolah"].assign(tanggal_data=None)))
    assert undated.reference_date() is None
    assert undated.reference_source() is None
    sel = school.select(undated)
    assert school.reference_caption(sel, "en") == t("profil.reference_date.none", "en")
    assert school.staff_tables(sel)["age_band"]["value"].eq("unknown").all()
    assert school.training_tables(sel)["per_teacher"]["trained"].sum() == 0


def test_a_date_the_user_sets_is_the_reference_date(dapodik):
    chosen = replace(dapodik, as_of=date(2024, 1, 31))
    assert chosen.reference_date() == date(2024, 1, 31) and chosen.reference_source() == "set"
