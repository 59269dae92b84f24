"""Dapodik exports load as they come: layouts recognised, rows accounted for, personal data dropped."""

import io
import json

import pandas as pd
import pytest

from analysis import samples
from analysis.core.schema import normalize_header
from analysis.ingest.dapodik import PERSONAL_COLUMNS, adapt, clean_mengajar, is_personal
from analysis.ingest.load import load_file
from analysis.ingest.reader import read_file
from tests.helpers import ROOT, edit_workbook, problem_codes, sheet_report

NPSN = samples.DAPODIK_SCHOOL["npsn"]


def _bytes(writer) -> bytes:
    buf = io.BytesIO()
    writer(buf, PEOPLE)
    return buf.getvalue()


_edit, _codes, _sheet = edit_workbook, problem_codes, sheet_report


PEOPLE = samples.dapodik_people()
PROFIL = _bytes(samples.write_dapodik_profil)
DAFTAR = _bytes(samples.write_dapodik_daftar_ptk)
REKAP = _bytes(samples.write_dapodik_rekap)
TEACHING = PEOPLE[PEOPLE["_subjects"].map(len) > 0]


@pytest.fixture(scope="module")
def profil():
    return load_file(PROFIL, "profil_sekolah.xlsx")


@pytest.fixture(scope="module")
def daftar():
    return load_file(DAFTAR, "daftar_ptk.xlsx")


@pytest.fixture(scope="module")
def rekap():
    return load_file(REKAP, "rekap_pembelajaran.xlsx")


# --- Profil Sekolah workbook ---------------------------------------------------------


def test_profil_workbook_is_recognised_and_every_ptk_row_is_accepted(profil):
    assert profil.report.layout == "dapodik_profil"
    ptk = _sheet(profil, "guru")
    assert (ptk.sheet, ptk.rows_read, ptk.rows_accepted, ptk.rows_rejected, ptk.rows_blank) == ("PTK", len(PEOPLE), len(PEOPLE), 0, 0)
    assert profil.tables["guru"]["_row"].tolist() == list(range(7, 7 + len(PEOPLE)))
    assert profil.report.exit_code() == 0


def test_npsn_and_school_identity_come_from_the_profil_sekolah_form(profil):
    sekolah = profil.tables["sekolah"]
    assert len(sekolah) == 1
    row = sekolah.iloc[0]
    assert (row["npsn"], row["nama_sekolah"], row["jenjang"], row["status"]) == (NPSN, samples.DAPODIK_SCHOOL["nama_sekolah"], "SMP", "Negeri")
    assert (row["kecamatan"], row["kabupaten_kota"], row["provinsi"]) == ("Prabumulih Timur", "Kota Prabumulih", "Sumatera Selatan")
    assert row["_row"] == 5  # the NPSN line of the form
    assert set(profil.tables["guru"]["npsn"]) == {NPSN}


def test_the_two_row_header_gives_the_keterangan_sub_columns_their_own_names(profil):
    guru = profil.tables["guru"].set_index("nuptk")
    for p in PEOPLE.head(5).to_dict("records"):
        g = guru.loc[p["nuptk"]]
        assert g["nama"] == p["nama"]  # row 5, merged over rows 5–6
        assert g["jenis_ptk"] == p["jenis_ptk"]
        assert g["jenjang_pendidikan"] == p["jenjang_pendidikan"]  # row 6 under "Keterangan"
        assert g["jurusan_prodi"] == p["jurusan_prodi"]
        assert g["sertifikasi"] == (p["sertifikasi"] if isinstance(p["sertifikasi"], str) else None)
        assert g["jjm"] == p["jjm"]
        assert g["tmt_kerja"] == pd.Timestamp(p["tmt_kerja"])


def test_profil_mengajar_hours_annotations_become_separate_subjects(profil):
    first = PEOPLE.iloc[0]["nuptk"]
    guru = profil.tables["guru"].set_index("nuptk")
    assert guru.loc[first, "mengajar"] == "Bahasa Inggris; Seni Budaya"
    taught = profil.tables["mengajar"]
    assert len(taught[taught["nuptk"] == first]) == 2


def test_clean_mengajar_strips_hour_notes_and_leaves_other_text_alone():
    assert clean_mengajar("Bahasa Inggris (18 jam), Seni Budaya (6 jam)") == "Bahasa Inggris; Seni Budaya"
    assert clean_mengajar("IPA (4 JP); Informatika (2 JP)") == "IPA; Informatika"
    assert clean_mengajar("Prakarya (Budi Daya)") == "Prakarya (Budi Daya)"
    assert clean_mengajar(None) is None


def test_profil_without_its_form_sheet_keeps_the_teachers_and_warns():
    data = _edit(PROFIL, lambda wb: wb.remove(wb["Profil Sekolah"]))
    ds = load_file(data, "ptk_saja.xlsx")
    assert ds.report.layout == "dapodik_profil"
    assert ds.tables["sekolah"].empty and len(ds.tables["guru"]) == len(PEOPLE)
    assert ("PTK", None, None, "warning", "problem.dapodik_no_form") in _codes(ds)


def test_a_broken_profil_row_is_rejected_at_its_excel_row():
    def change(wb):
        wb["PTK"]["F9"] = "31/02/1980"  # Tanggal Lahir of the third person

    ds = load_file(_edit(PROFIL, change), "rusak.xlsx")
    ptk = _sheet(ds, "guru")
    assert (ptk.rows_read, ptk.rows_accepted, ptk.rows_rejected) == (len(PEOPLE), len(PEOPLE) - 1, 1)
    assert ("PTK", 9, "Tanggal Lahir", "error", "problem.bad_date") in _codes(ds)
    assert ds.report.exit_code() == 1


def test_an_nuptk_typed_as_a_number_in_the_ptk_sheet_is_kept_and_marked_unreliable():
    def change(wb):
        wb["PTK"]["C7"] = 9836722149339406

    ds = load_file(_edit(PROFIL, change), "angka.xlsx")
    assert ("PTK", 7, "NUPTK", "warning", "problem.id_as_number") in _codes(ds)
    g = ds.tables["guru"]
    assert bool(g.loc[g["_row"] == 7, "nuptk_suspect"].iloc[0])


# --- Daftar PTK ----------------------------------------------------------------------


def test_daftar_ptk_header_on_row_5_and_data_from_row_6(daftar):
    assert daftar.report.layout == "dapodik_daftar_ptk"
    s = _sheet(daftar, "guru")
    assert (s.sheet, s.rows_read, s.rows_accepted, s.rows_rejected, s.rows_blank) == ("Daftar PTK", len(PEOPLE), len(PEOPLE), 0, 0)
    guru = daftar.tables["guru"]
    assert guru["_row"].iloc[0] == 6 and guru["nama"].iloc[0] == PEOPLE.iloc[0]["nama"]
    assert guru["tanggal_lahir"].iloc[0] == pd.Timestamp(PEOPLE.iloc[0]["tanggal_lahir"])


def test_daftar_ptk_has_no_npsn_so_teachers_stay_unlinked_and_a_warning_names_the_school(daftar):
    assert daftar.tables["sekolah"].empty
    assert daftar.tables["guru"]["npsn"].isna().all()
    msgs = [p for p in daftar.report.problems if p.code == "problem.dapodik_no_npsn"]
    assert len(msgs) == 1 and samples.DAPODIK_SCHOOL["nama_sekolah"] in msgs[0].message("id")
    assert daftar.report.exit_code() == 0


def test_daftar_ptk_personal_columns_are_dropped_and_listed_as_written(daftar):
    dropped = set(daftar.report.dropped_columns)
    assert {"NIK", "No KK", "Nama Ibu Kandung", "NPWP", "Nomor Rekening Bank", "Nama Suami/Istri", "Lintang", "Bujur", "Karpeg", "Karis/Karsu"} <= dropped
    assert set(samples.FAKE_PERSONAL) <= dropped
    assert not dropped & {"Nama", "NUPTK", "NIP", "Tanggal Lahir", "Jenis PTK", "Status Kepegawaian"}


def test_no_personal_value_reaches_any_table_or_problem():
    niks = {f"3201{i:012d}" for i in range(1, len(PEOPLE) + 1)}

    def change(wb):
        ws = wb["Daftar PTK"]
        col = [c.value for c in ws[5]].index("NIK") + 1
        for i in range(len(PEOPLE)):
            ws.cell(row=6 + i, column=col, value=f"3201{i + 1:012d}")
        ws.cell(row=6, column=2).value = None  # a broken row: its problems must not carry personal values either

    ds = load_file(_edit(DAFTAR, change), "daftar.xlsx")
    forbidden = niks | {v for v in samples.FAKE_PERSONAL.values() if v and v != samples.DAPODIK_SCHOOL["kecamatan"]}
    seen = set()
    for df in ds.tables.values():
        for col in df.columns:
            seen |= {str(v) for v in df[col].dropna()}
    seen |= {str(p.value) for p in ds.report.problems}
    assert not seen & forbidden
    messages = " ".join(p.message("id") for p in ds.report.problems)
    assert not [f for f in forbidden if len(f) >= 8 and f in messages]
    assert _sheet(ds, "guru").rows_rejected == 1


def test_a_missing_required_column_is_reported_for_every_row_not_a_crash():
    def change(wb):
        ws = wb["Daftar PTK"]
        ws.delete_cols([c.value for c in ws[5]].index("Nama") + 1)

    ds = load_file(_edit(DAFTAR, change), "tanpa_nama.xlsx")
    assert ds.report.readable and ds.report.layout == "dapodik_daftar_ptk"
    s = _sheet(ds, "guru")
    assert (s.rows_read, s.rows_rejected) == (len(PEOPLE), len(PEOPLE))
    assert ("Daftar PTK", None, "Nama", "error", "problem.missing_column") in _codes(ds)
    assert "NIK" in ds.report.dropped_columns
    assert ds.report.exit_code() == 1


# --- Rekap Pembelajaran --------------------------------------------------------------


def test_rekap_rows_are_combined_per_nuptk_and_subject_with_jjm_summed(rekap):
    assert rekap.report.layout == "dapodik_rekap"
    expected = {(p["nuptk"], s): h for p in TEACHING.to_dict("records") for s, h in p["_subjects"]}
    m = rekap.tables["mengajar"]
    got = {(n, s): round(j, 6) for n, s, j in zip(m["nuptk"], m["mata_pelajaran"], m["jjm"])}
    assert got == {k: round(v, 6) for k, v in expected.items()}
    assert m["_row"].iloc[0] == 9  # numbered by its first Excel row
    first = PEOPLE.iloc[0]["nuptk"]
    assert sorted(m.loc[m["nuptk"] == first, "jjm"]) == [6.0, 18.0]  # 3 classes each: 2+2+2 and 6+6+6


def test_rekap_gives_one_guru_row_per_teacher_and_the_school_from_the_label_rows(rekap):
    guru = rekap.tables["guru"]
    assert sorted(guru["nuptk"]) == sorted(TEACHING["nuptk"])
    assert set(guru["npsn"]) == {NPSN}
    one = guru.set_index("nuptk").loc[PEOPLE.iloc[0]["nuptk"]]
    assert (one["nama"], one["mengajar"], one["jjm"]) == (PEOPLE.iloc[0]["nama"], "Bahasa Inggris; Seni Budaya", 24.0)
    sekolah = rekap.tables["sekolah"]
    assert sekolah["npsn"].tolist() == [NPSN] and sekolah["nama_sekolah"].iloc[0] == samples.DAPODIK_SCHOOL["nama_sekolah"]
    combined = [p for p in rekap.report.problems if p.code == "problem.dapodik_rekap_combined"]
    assert len(combined) == 1 and combined[0].params["rows"] == sum(3 * len(s) for s in TEACHING["_subjects"])


def test_rekap_teaching_rows_are_marked_as_coming_from_the_rekap(rekap):
    assert set(rekap.tables["mengajar"]["jjm_source"]) == {"rekap"}


def test_a_broken_rekap_row_is_rejected_by_itself_and_a_total_row_is_blank():
    def change(wb):
        ws = wb["Rekap Pembelajaran"]
        ws["M10"] = "dua"  # JJM of the first teacher's Bahasa Inggris in her second class
        last = ws.max_row + 1
        ws.cell(row=last, column=1, value="JUMLAH")
        ws.cell(row=last, column=13, value=999)

    ds = load_file(_edit(REKAP, change), "rekap_rusak.xlsx")
    assert ("Rekap Pembelajaran", 10, "JJM", "error", "problem.bad_number") in _codes(ds)
    s = _sheet(ds, "mengajar")
    assert (s.rows_rejected, s.rows_blank) == (1, 1)
    m = ds.tables["mengajar"]
    first = PEOPLE.iloc[0]["nuptk"]
    assert sorted(m.loc[m["nuptk"] == first, "jjm"]) == [6.0, 12.0]  # Bahasa Inggris 6+6 (the unreadable class left out), Seni Budaya 2+2+2


def test_rekap_without_an_nuptk_column_reports_every_teaching_row():
    def change(wb):
        wb["Rekap Pembelajaran"].delete_cols(8)  # NUPTK

    ds = load_file(_edit(REKAP, change), "rekap_tanpa_nuptk.xlsx")
    assert ds.report.layout == "dapodik_rekap"
    s = _sheet(ds, "mengajar")
    assert s.rows_read == s.rows_rejected > 0
    assert ("Rekap Pembelajaran", None, "NUPTK", "error", "problem.missing_column") in _codes(ds)
    assert len(ds.tables["guru"]) == TEACHING["nama"].nunique()  # teachers still listed, by name (namesakes merge)


def test_a_rekap_teacher_without_nuptk_is_kept_with_a_warning_and_her_subjects():
    def change(wb):
        for r in range(9, 15):  # all six rows of the first teacher
            wb["Rekap Pembelajaran"].cell(row=r, column=8).value = None

    ds = load_file(_edit(REKAP, change), "rekap_honorer.xlsx")
    assert ("Rekap Pembelajaran", 9, "NUPTK", "warning", "problem.nuptk_empty") in _codes(ds)
    assert ds.report.exit_code() == 0
    g = ds.tables["guru"]
    honorer = g[g["nuptk"].isna()]
    assert honorer["nama"].tolist() == [PEOPLE.iloc[0]["nama"]] and honorer["jjm"].tolist() == [24.0]
    m = ds.tables["mengajar"]
    assert sorted(m.loc[m["guru_id"] == honorer["guru_id"].iloc[0], "mata_pelajaran"]) == ["Bahasa Inggris", "Seni Budaya"]


# --- Every layout ----------------------------------------------------------------------


@pytest.mark.parametrize("data", [PROFIL, DAFTAR, REKAP], ids=["profil", "daftar_ptk", "rekap"])
def test_every_sheet_read_is_accounted_for(data):
    ds = load_file(data, "x.xlsx")
    assert ds.report.sheets
    for s in ds.report.sheets:
        assert s.rows_read == s.rows_accepted + s.rows_rejected + s.rows_blank


def test_the_projects_own_workbook_is_not_taken_for_a_dapodik_export():
    sheets = read_file(samples.workbook_bytes("smpn8_prabumulih"), "smpn8.xlsx")
    assert adapt(sheets) is None


def test_personal_headers_are_recognised_in_any_spelling_and_kecamatan_only_for_people():
    assert is_personal("Nama Ibu  Kandung") and is_personal("KARIS / KARSU") and is_personal("No_KK")
    assert is_personal("Kecamatan") and not is_personal("Kecamatan", person_sheet=False)
    assert not is_personal("NUPTK") and not is_personal("Tanggal Lahir")
    assert normalize_header("Email") in PERSONAL_COLUMNS


def test_check_on_the_bundled_dapodik_sample_accepts_its_rows(capsys):
    from analysis.__main__ import main

    code = main(["check", str(ROOT / "data" / samples.DAPODIK_FILE), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    assert sum(s["rows_accepted"] for s in out["sheets"]) > 0
    assert "Tempat Lahir" in out["dropped_columns"]


# --- Rekap Pembelajaran with merged teacher cells ----------------------------------------------

REKAP_MERGED = _bytes(samples.write_dapodik_rekap_merged)


def test_calamine_reports_the_merged_teacher_cells_zero_based():
    sheet = read_file(REKAP_MERGED, "rekap.xlsx")[0]
    # Nama PTK (column G) of the first teacher: Excel G9:G12
    assert (8, 6, 11, 6) in sheet.merged


def test_a_merged_teacher_cell_keeps_every_jjm():
    ds = load_file(REKAP_MERGED, "rekap_merged.xlsx")
    m = ds.tables["mengajar"]
    assert m["jjm"].sum() == 60.0  # 5 teachers × 4 classes × 3 JJM in the file
    assert sorted(m["jjm"]) == [12.0] * 5 and m["nuptk"].notna().all()
    assert sorted(ds.tables["guru"]["jjm"]) == [12.0] * 5
    combined = next(p for p in ds.report.problems if p.code == "problem.dapodik_rekap_combined")
    assert combined.params["rows"] == 20
    for s in ds.report.sheets:
        assert s.rows_read == s.rows_accepted + s.rows_rejected + s.rows_blank


def test_a_blank_nuptk_outside_any_merge_stays_blank_and_its_row_is_rejected_and_reported():
    def change(wb):
        ws = wb["Rekap Pembelajaran"]
        ws.cell(row=29, column=4, value="9A")
        ws.cell(row=29, column=11, value="IPA")
        ws.cell(row=29, column=13, value=3)  # a class row with no teacher at all, below every merge

    ds = load_file(_edit(REKAP_MERGED, change), "rekap_tanpa_guru.xlsx")
    assert ("Rekap Pembelajaran", 29, "NUPTK", "error", "problem.required") in _codes(ds)
    s = _sheet(ds, "mengajar")
    assert s.rows_rejected == 1 and s.rows_read == s.rows_accepted + s.rows_rejected + s.rows_blank
    assert ds.tables["mengajar"]["jjm"].sum() == 60.0


def test_fill_merged_copies_only_within_a_merge_and_only_the_given_columns():
    from analysis.ingest.dapodik import fill_merged
    from analysis.ingest.rawdata import RawSheet

    sheet = RawSheet("R", [["h", "h", "h"], ["a", "x", 1], [None, None, 2], [None, None, 3]], merged=[(1, 0, 2, 1)])
    rows = fill_merged(sheet, 1, {0})
    assert rows == [["h", "h", "h"], ["a", "x", 1], ["a", None, 2], [None, None, 3]]
    assert sheet.rows[2] == [None, None, 2]  # the sheet itself is left as read
