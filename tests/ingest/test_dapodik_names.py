"""Dapodik's own subject and programme names are matched, and every name the reference tables lack is reported."""

import io

import pandas as pd
import pytest

from analysis import samples
from analysis.i18n import t
from analysis.ingest.load import load_file
from analysis.metrics import linieritas
from analysis.reference import subjects
from analysis.views import summary


def _load(writer, *args) -> object:
    buf = io.BytesIO()
    writer(buf, *args)
    return load_file(buf.getvalue(), "profil_sekolah.xlsx")


@pytest.fixture(scope="module")
def own_names():
    return _load(samples.write_dapodik_profil, samples.dapodik_mixed_people())


@pytest.fixture(scope="module")
def dapodik_names():
    return _load(samples.write_dapodik_profil_dapodik_names)


def test_the_same_people_under_dapodik_names_show_the_same_out_of_field_shares(own_names, dapodik_names):
    own = summary.summarize(own_names)["schools"][0]
    dap = summary.summarize(dapodik_names)["schools"][0]
    assert dap["out_of_field_unknown"] == 0
    # 7 of 25 teachers and 86 of 560 JJM out of field (a Profil's JJM shared equally over the teacher's subjects),
    # whichever names the file uses
    assert (dap["out_of_field_share_headcount"], dap["out_of_field_share_jjm"]) == (own["out_of_field_share_headcount"], own["out_of_field_share_jjm"])
    assert dap["out_of_field_share_headcount"] == pytest.approx(7 / 25)
    assert dap["out_of_field_share_jjm"] == pytest.approx(86 / 560, abs=1e-4)


def test_every_teacher_x_subject_under_dapodik_names_is_judged_alike(own_names, dapodik_names):
    def judged(ds):
        j = linieritas.judge(ds.tables["guru"], ds.tables["mengajar"])
        return sorted(zip(j["guru_id"], j["mata_pelajaran"], j["status"], j["jjm"].round(6)))

    dap = judged(dapodik_names)
    assert dap == judged(own_names)
    assert linieritas.UNKNOWN not in {s for _, _, s, _ in dap}


def test_a_file_with_dapodik_names_reports_no_unmatched_name(dapodik_names):
    assert not [p for p in dapodik_names.report.problems if p.code.startswith("problem.unknown_") and p.code.endswith("_name")]


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("Matematika (Umum)", "Matematika"),
        ("Ilmu Pengetahuan Alam (IPA)", "IPA"),
        ("Ilmu Pengetahuan Sosial (IPS)", "IPS"),
        ("Seni dan Budaya", "Seni Budaya"),
        ("Seni Tari", "Seni Tari"),
        ("Bimbingan dan Konseling/Konselor (BP/BK)", "Bimbingan dan Konseling"),
        ("Muatan Lokal Bahasa Daerah", "Muatan Lokal"),
        ("Pendidikan Agama Katholik dan Budi Pekerti", "Pendidikan Agama Katolik dan Budi Pekerti"),
        ("Pendidikan Pancasila dan Kewarganegaraan", "Pendidikan Pancasila"),
        ("Pendidikan Jasmani, Olahraga dan Kesehatan", "Pendidikan Jasmani, Olahraga, dan Kesehatan"),
        ("Prakarya dan Kewirausahaan", "Prakarya"),
        ("Teknologi Informasi dan Komunikasi", "Informatika"),
        ("Al-Qur'an Hadits", "Al-Qur'an Hadis"),
        ("Fiqih", "Fikih"),
        ("Guru Kelas SD/MI", "Guru Kelas"),
        ("Koding dan Kecerdasan Artifisial", "Koding dan Kecerdasan Artifisial"),
    ],
)
def test_dapodik_subject_names_are_read_as_the_subject_they_name(written, canonical):
    assert subjects.is_known_subject(written)
    assert subjects.canonical_subject(written) == canonical


@pytest.mark.parametrize(
    "written, same_as",
    [
        ("Pendidikan Guru Sekolah Dasar (PGSD)", "PGSD"),
        ("PPKn", "Pendidikan Pancasila dan Kewarganegaraan"),
        ("Pendidikan Jasmani dan Kesehatan", "Pendidikan Jasmani"),
        ("Bahasa dan Sastra Inggris", "Sastra Inggris"),
        ("Pendidikan Ilmu Pengetahuan Alam (IPA)", "Pendidikan IPA"),
        ("Bimbingan dan Konseling (BK)", "Bimbingan dan Konseling"),
    ],
)
def test_dapodik_programme_names_qualify_exactly_as_the_programme_they_name(written, same_as):
    assert subjects.qualified_subjects(written) == subjects.qualified_subjects(same_as) is not None
    assert subjects.is_education_programme(written) == subjects.is_education_programme(same_as)


@pytest.mark.parametrize(
    "cell",
    [
        "Pendidikan Jasmani, Olahraga, dan Kesehatan, Matematika (Umum)",
        "Pendidikan Jasmani, Olahraga dan Kesehatan, Matematika (Umum)",
        "Pendidikan Jasmani Olahraga, dan Kesehatan, Matematika (Umum)",
        "Pendidikan Jasmani,Olahraga,dan Kesehatan,Matematika (Umum)",
    ],
)
def test_pjok_with_its_commas_in_any_placement_stays_one_subject(cell):
    parts = subjects.split_subjects(cell)
    assert [subjects.canonical_subject(p) for p in parts] == ["Pendidikan Jasmani, Olahraga, dan Kesehatan", "Matematika"]


def test_a_comma_between_two_subjects_still_splits_them():
    assert subjects.split_subjects("IPA, IPS, Seni dan Budaya") == ["IPA", "IPS", "Seni dan Budaya"]


def _unknown_people() -> pd.DataFrame:
    people = samples.dapodik_mixed_people()
    rows = people.to_dict("records")
    for i in (10, 12):  # two uncertified teachers: the Prakarya one and a PPKn one
        rows[i]["_subjects"] = [("Sejarah Lokal", 8.0), *rows[i]["_subjects"]]
        rows[i]["jurusan_prodi"] = "Ilmu Kebatinan"
    rows[0]["sertifikasi"] = "Bahasa Klingon"
    return pd.DataFrame(rows)


def test_each_unmatched_name_is_one_warning_with_its_count_on_its_sheet_and_column():
    ds = _load(samples.write_dapodik_profil, _unknown_people())
    found = sorted((p.code, p.sheet, p.column, p.params["name"], p.params["count"], p.severity) for p in ds.report.problems if p.code.endswith("_name"))
    assert found == [
        ("problem.unknown_certificate_name", "PTK", "Sertifikasi", "Bahasa Klingon", 1, "warning"),
        ("problem.unknown_programme_name", "PTK", "Jurusan/Prodi", "Ilmu Kebatinan", 2, "warning"),
        ("problem.unknown_subject_name", "PTK", "Mengajar", "Sejarah Lokal", 2, "warning"),
    ]
    assert ds.report.exit_code() == 0  # warnings: the rows are kept


def test_the_unmatched_name_messages_read_in_both_languages():
    ds = _load(samples.write_dapodik_profil, _unknown_people())
    p = next(p for p in ds.report.problems if p.code == "problem.unknown_subject_name")
    assert "Sejarah Lokal" in p.message("id") and "mata_pelajaran.csv" in p.message("id")
    assert "is not in the reference table" in p.message("en")
    assert t("problem.unknown_programme_name", "en", sheet="PTK", column="Jurusan/Prodi", name="X", count=2).startswith("Sheet PTK")


def test_the_programme_of_a_staff_member_who_teaches_nothing_is_not_listed(own_names):
    # Tenaga kependidikan with Akuntansi or Manajemen: not in the programme table, and never judged
    assert not [p for p in own_names.report.problems if p.code == "problem.unknown_programme_name"]
