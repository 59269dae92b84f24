"""Real files as they come: the 2026 Daftar Guru / Tenaga Kependidikan downloads, Profil PTK duties, district school lists."""

import io
import json
from datetime import date

import openpyxl
import pandas as pd
import pytest

from analysis import samples
from analysis.core import schema
from analysis.ingest.dapodik import is_npsn_input, matching_npsn, missing_npsn
from analysis.ingest.load import SEKOLAH_TAHUN, combine, load_file
from analysis.reference.wilayah import current_and_history, normalize_region, region_key
from tests.helpers import ROOT, edit_workbook, problem_codes, sheet_report

NPSN = samples.DAPODIK_SCHOOL["npsn"]
SCHOOL = samples.DAPODIK_SCHOOL
PEOPLE = samples.dapodik_people_with_duties()
TEACHERS = PEOPLE[[schema.is_pendidik(j) for j in PEOPLE["jenis_ptk"]]]
STAFF = PEOPLE[[not schema.is_pendidik(j) for j in PEOPLE["jenis_ptk"]]]
HEAD = samples.dapodik_head()


def _bytes(writer, *args) -> bytes:
    buf = io.BytesIO()
    writer(buf, *args)
    return buf.getvalue()


_edit, _codes, _sheet = edit_workbook, problem_codes, sheet_report
GURU = _bytes(samples.write_dapodik_daftar_guru)
TENDIK = _bytes(samples.write_dapodik_daftar_tendik)
SEKOLAH_LIST = _bytes(samples.write_dapodik_daftar_sekolah)


@pytest.fixture(scope="module")
def guru():
    return load_file(GURU, "daftar_guru.xlsx", npsn=NPSN)


@pytest.fixture(scope="module")
def tendik():
    return load_file(TENDIK, "daftar_tendik.xlsx", npsn=NPSN)


@pytest.fixture(scope="module")
def sekolah_list():
    return load_file(SEKOLAH_LIST, "daftar_sekolah.xlsx")


# --- Daftar Guru / Daftar Tenaga Kependidikan ------------------------------------------


def test_a_daftar_guru_is_told_by_its_title_and_every_row_from_row_6_is_accepted(guru):
    assert guru.report.layout == "dapodik_daftar_guru"
    s = _sheet(guru, "guru")
    assert (s.sheet, s.rows_read, s.rows_accepted, s.rows_rejected, s.rows_blank) == ("Daftar Guru", len(TEACHERS), len(TEACHERS), 0, 0)
    assert guru.tables["guru"]["_row"].tolist() == list(range(6, 6 + len(TEACHERS)))
    assert guru.report.exit_code() == 0


def test_a_daftar_tenaga_kependidikan_is_told_by_its_title(tendik):
    assert tendik.report.layout == "dapodik_daftar_tendik"
    assert _sheet(tendik, "guru").rows_accepted == 1 + len(STAFF)


def test_the_given_npsn_fills_the_school_row_from_rows_2_and_3_and_every_teacher(guru):
    sk = guru.tables["sekolah"]
    assert len(sk) == 1
    row = sk.iloc[0]
    assert (row["npsn"], row["nama_sekolah"]) == (NPSN, SCHOOL["nama_sekolah"])
    assert (row["kecamatan"], row["kabupaten_kota"], row["provinsi"]) == (SCHOOL["kecamatan"], SCHOOL["kabupaten_kota"], SCHOOL["provinsi"])
    assert row["_row"] == 2  # the school's name row
    assert set(guru.tables["guru"]["npsn"]) == {NPSN}
    assert not [p for p in guru.report.problems if p.code == "problem.dapodik_no_npsn"]


def test_tanggal_unduh_is_the_files_date_and_the_reference_date_when_nothing_is_later(guru):
    assert guru.tables["sekolah"]["tanggal_data"].iloc[0] == pd.Timestamp(samples.DAFTAR_DATE)
    assert guru.reference_date() == samples.DAFTAR_DATE
    assert guru.reference_date(date(2026, 3, 1)) == date(2026, 3, 1)  # a date the user sets still wins


def test_without_an_npsn_one_warning_says_exactly_how_to_give_it():
    ds = load_file(GURU, "daftar_guru.xlsx")
    assert ds.tables["sekolah"].empty and ds.tables["guru"]["npsn"].isna().all()
    warned = [p for p in ds.report.problems if p.code == "problem.dapodik_no_npsn"]
    assert len(warned) == 1 and warned[0].severity == "warning"
    for lang in ("id", "en"):
        text = warned[0].message(lang)
        assert SCHOOL["nama_sekolah"] in text and "--npsn" in text and "Unggah Data" in text
    assert ds.report.exit_code() == 0
    assert missing_npsn(ds.report) == {"sheet": "Daftar Guru", "school": SCHOOL["nama_sekolah"], "kecamatan": SCHOOL["kecamatan"]}


def test_a_files_own_npsn_wins_over_the_one_given():
    profil = _bytes(samples.write_dapodik_profil)
    ds = load_file(profil, "profil.xlsx", npsn="99999999")
    assert ds.tables["sekolah"]["npsn"].tolist() == [NPSN]
    assert missing_npsn(ds.report) is None


def test_the_unlabelled_last_column_is_reported_by_sheet_and_letter_and_not_read(guru):
    letter = openpyxl.utils.get_column_letter(len(samples.DAFTAR_2026_COLUMNS))
    assert ("Daftar Guru", None, letter, "warning", "problem.unlabelled_column") in _codes(guru)
    p = next(p for p in guru.report.problems if p.code == "problem.unlabelled_column")
    assert p.params["rows"] == len(TEACHERS) and letter in p.message("en")
    seen = {str(v) for df in guru.tables.values() for c in df.columns for v in df[c].dropna()}
    assert samples.UNLABELLED_VALUE not in seen


def test_the_older_daftar_ptk_layout_still_loads_and_takes_an_npsn_too():
    data = _bytes(samples.write_dapodik_daftar_ptk)
    ds = load_file(data, "daftar_ptk.xlsx", npsn=NPSN)
    assert ds.report.layout == "dapodik_daftar_ptk"
    assert set(ds.tables["guru"]["npsn"]) == {NPSN} and ds.tables["sekolah"]["npsn"].tolist() == [NPSN]
    assert not [p for p in ds.report.problems if p.code == "problem.unlabelled_column"]


def test_guru_and_tendik_files_of_one_school_combine_into_one_school_with_teachers_and_staff(guru, tendik):
    both = combine([guru, tendik])
    assert both.tables["sekolah"]["npsn"].tolist() == [NPSN]
    g = both.tables["guru"]
    assert len(g) == len(TEACHERS) + 1 + len(STAFF)  # the head is listed once, in the tendik file
    assert g["guru_id"].is_unique


def test_two_people_without_nuptk_on_the_same_row_of_the_two_files_stay_two():
    def drop_first_nuptk(wb):
        ws = wb.active
        col = [c.value for c in ws[5]].index("NUPTK") + 1
        ws.cell(row=7, column=col).value = None  # row 7: the tendik file's first staff member has none either

    g = load_file(_edit(GURU, drop_first_nuptk), "guru.xlsx", npsn=NPSN)
    t = load_file(TENDIK, "tendik.xlsx", npsn=NPSN)
    assert f"{NPSN}-r7" in set(g.tables["guru"]["guru_id"]) and f"{NPSN}-r7" in set(t.tables["guru"]["guru_id"])
    both = combine([g, t])
    assert len(both.tables["guru"]) == len(TEACHERS) + 1 + len(STAFF)
    ids = both.tables["guru"]["guru_id"]
    assert ids.is_unique and {f"{NPSN}-r7", f"{NPSN}-r7-f1"} <= set(ids)
    assert both.tables["guru"].set_index("guru_id").loc[f"{NPSN}-r7", "nama"] == TEACHERS.iloc[1]["nama"]  # the first file keeps its id


def test_a_kepala_sekolah_listed_among_the_tendik_is_the_head_and_a_pendidik(tendik):
    g = tendik.tables["guru"].set_index("nuptk")
    head = g.loc[HEAD["nuptk"]]
    assert head["jenis_ptk"] == "Kepala Sekolah" and bool(head["pendidik"])
    staff = tendik.tables["guru"][tendik.tables["guru"]["nuptk"] != HEAD["nuptk"]]
    assert not staff["pendidik"].any()


def test_an_empty_jenis_ptk_in_a_tendik_file_is_tenaga_kependidikan_not_a_teacher(tendik):
    last = tendik.tables["guru"].iloc[-1]
    assert last["jenis_ptk"] == "Tenaga Kependidikan" and not bool(last["pendidik"])
    assert "Tenaga Kependidikan" in schema.JENIS_PTK_TENDIK and not schema.is_pendidik("Tenaga Kependidikan")


def test_the_daftar_guru_reads_tugas_tambahan(guru):
    g = guru.tables["guru"].set_index("nuptk")
    assert g.loc[PEOPLE.iloc[1]["nuptk"], "tugas_tambahan"] == "Wakil Kepala Sekolah"
    assert g.loc[PEOPLE.iloc[0]["nuptk"], "tugas_tambahan"] is None


# --- The NPSN the user gives ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ok"),
    [("40301234", True), ("P9908517", True), (" 40301234 ", True), ("4030123", False), ("403012345", False), ("4030-123", False), ("", False), (None, False)],
)
def test_the_npsn_field_takes_exactly_8_letters_or_digits(text, ok):
    assert is_npsn_input(text) is ok


def test_a_loaded_school_with_the_same_name_and_kecamatan_gives_its_npsn():
    loaded = pd.DataFrame(
        {
            "npsn": ["10603802", "10603803"],
            "nama_sekolah": ["SMP NEGERI 2  PRABUMULIH (CONTOH)", "SMP Negeri 3 Prabumulih"],
            "kecamatan": ["Kec. Prabumulih Timur", "Prabumulih Timur"],
        }
    )
    asked = {"school": SCHOOL["nama_sekolah"], "kecamatan": "PRABUMULIH TIMUR"}
    assert matching_npsn(asked, loaded) == "10603802"
    assert matching_npsn({**asked, "kecamatan": "Prabumulih Barat"}, loaded) is None
    assert matching_npsn(asked, None) is None


def test_check_and_summary_take_the_npsn_on_the_command_line(tmp_path, capsys):
    from analysis.__main__ import main

    path = tmp_path / "daftar_guru.xlsx"
    path.write_bytes(GURU)
    assert main(["check", str(path), "--json", "--npsn", NPSN]) == 0
    out = json.loads(capsys.readouterr().out)
    assert not [p for p in out["problems"] if "NPSN" in (p.get("message") or "") and "--npsn" in p["message"]]
    assert main(["summary", str(path), "--json", "--npsn", NPSN]) == 0
    schools = json.loads(capsys.readouterr().out)["schools"]
    assert [s["npsn"] for s in schools] == [NPSN] and schools[0]["teachers"] == len(TEACHERS)


# --- Profil PTK: Jam Tugas Tambahan and Total JJM ------------------------------------------


def test_profil_ptk_reads_tugas_tambahan_its_hours_under_a_broken_header_and_total_jjm():
    ds = load_file(_bytes(samples.write_dapodik_profil, PEOPLE), "profil.xlsx")
    g = ds.tables["guru"].set_index("nuptk")
    deputy = PEOPLE.iloc[1]
    assert g.loc[deputy["nuptk"], "tugas_tambahan"] == "Wakil Kepala Sekolah"
    assert g.loc[deputy["nuptk"], "jam_tugas_tambahan"] == 12.0  # header "Jam Tugas\nTambahan"
    assert g.loc[deputy["nuptk"], "total_jjm"] == deputy["jjm"] + 12.0
    assert g.loc[PEOPLE.iloc[0]["nuptk"], "jam_tugas_tambahan"] == 0.0
    assert ds.tables["sekolah"]["tanggal_data"].iloc[0] == pd.Timestamp(2025, 11, 20)  # the PTK sheet's Tanggal Unduh


def test_the_projects_guru_sheet_has_the_duty_columns_documented():
    keys = schema.GURU.keys
    assert {"tugas_tambahan", "jam_tugas_tambahan", "total_jjm"} <= set(keys)
    assert "24" in schema.GURU.column("jam_tugas_tambahan").desc_en
    assert schema.header_map(schema.GURU)[schema.normalize_header("Jam Tugas\nTambahan")] == "jam_tugas_tambahan"


# --- District school lists ------------------------------------------------------------------


def test_a_district_school_list_in_sheet1_is_found_by_its_headers_and_every_row_accepted(sekolah_list):
    assert sekolah_list.report.layout == "dapodik_daftar_sekolah"
    s = _sheet(sekolah_list, "sekolah")
    n = sum(len(years) for *_, years in samples.DAFTAR_SEKOLAH_ROWS)
    assert (s.sheet, s.rows_read, s.rows_accepted + s.rows_rejected + s.rows_blank) == ("Sheet1", n, n)
    assert not sekolah_list.report.errors
    assert not [p for p in sekolah_list.report.problems if p.code == "problem.missing_sheet"]


def test_the_school_list_is_found_whatever_the_sheet_is_called():
    ds = load_file(_edit(SEKOLAH_LIST, lambda wb: setattr(wb.active, "title", "Progres Kab Bulukumba")), "x.xlsx")
    assert ds.report.layout == "dapodik_daftar_sekolah" and len(ds.tables["sekolah"]) == len(samples.DAFTAR_SEKOLAH_ROWS)


def test_bp_is_the_jenjang_early_childhood_and_non_formal_units_are_kept_and_sdlb_is_slb(sekolah_list):
    jenjang = dict(zip(sekolah_list.tables["sekolah"]["npsn"], sekolah_list.tables["sekolah"]["jenjang"]))
    assert jenjang["40301201"] == "SD" and jenjang["69901201"] == "TK" and jenjang["69901202"] == "KB"
    assert jenjang["40301901"] == "SLB" and jenjang["P9908517"] == "PKBM"
    assert {"TK", "KB", "TPA", "SPS", "SLB", "PKBM", "SKB"} <= set(schema.JENJANG_SEKOLAH)
    assert not [p for p in sekolah_list.report.problems if p.code == "problem.not_in_list" or p.column == "BP"]


def test_a_tahun_column_gives_one_current_row_per_school_and_keeps_every_year(sekolah_list):
    sk = sekolah_list.tables["sekolah"]
    assert sk["npsn"].is_unique and len(sk) == len(samples.DAFTAR_SEKOLAH_ROWS)
    assert set(sk["tahun"]) == {2025}  # each school's latest year
    assert sk.set_index("npsn").loc["40301201", "_row"] == 3  # the 2025 row, not the 2024 one on row 2
    history = sekolah_list.tables[SEKOLAH_TAHUN]
    assert len(history) == sum(len(years) for *_, years in samples.DAFTAR_SEKOLAH_ROWS)
    assert history[history["npsn"] == "40301303"]["tahun"].tolist() == [2024, 2025]


def test_the_latest_year_is_the_current_row_and_the_first_of_equal_years_wins():
    rows = pd.DataFrame({"npsn": ["1", "1", "1"], "tahun": [2025, 2024, 2025], "nama_sekolah": ["A25", "A24", "A25b"]})
    current, history = current_and_history(rows)
    assert current["nama_sekolah"].tolist() == ["A25"] and len(history) == 3
    undated = pd.DataFrame({"npsn": ["1", "1"], "tahun": [None, 2024], "nama_sekolah": ["A?", "A24"]})
    assert current_and_history(undated)[0]["nama_sekolah"].tolist() == ["A24"]  # a row without a year is older than any year
    plain = pd.DataFrame({"npsn": ["1"], "tahun": [None], "nama_sekolah": ["A"]})
    assert current_and_history(plain)[1] is None


def test_the_latest_year_wins_when_two_files_give_one_school(sekolah_list):
    older = load_file(_edit(SEKOLAH_LIST, _only_year(2024)), "2024.xlsx")
    both = combine([older, sekolah_list])
    sk = both.tables["sekolah"].set_index("npsn")
    assert sk.loc["40301201", "tahun"] == 2025 and both.tables["sekolah"]["npsn"].is_unique
    assert len(both.tables[SEKOLAH_TAHUN]) == len(sekolah_list.tables[SEKOLAH_TAHUN])


def _only_year(year):
    def change(wb):
        ws = wb.active
        col = [c.value for c in ws[1]].index("Tahun") + 1
        for r in range(ws.max_row, 1, -1):
            if ws.cell(row=r, column=col).value != year:
                ws.delete_rows(r)

    return change


def test_one_kecamatan_is_one_group_however_the_list_writes_it(sekolah_list):
    kec = dict(zip(sekolah_list.tables["sekolah"]["npsn"], sekolah_list.tables["sekolah"]["kecamatan"]))
    assert kec["40301201"] == kec["40301207"] == kec["40301303"] == "Gantarang"  # "Kec. ", "Kecamatan ", "GANTARANG"
    assert kec["69901202"] == "Ujung Bulu"


def test_normalize_region_strips_prefixes_and_keeps_kota_apart_from_kabupaten():
    assert {normalize_region(v, "kecamatan") for v in ("Kec. Gantarang", "Kecamatan Gantarang", "GANTARANG", " kec.  Gantarang ")} == {"Gantarang"}
    assert normalize_region("Kab. Bulukumba", "kabupaten_kota") == normalize_region("Kabupaten Bulukumba", "kabupaten_kota") == "Kabupaten Bulukumba"
    assert normalize_region("Kota Bekasi", "kabupaten_kota") == "Kota Bekasi" != normalize_region("Kab. Bekasi", "kabupaten_kota")
    assert normalize_region("KOTA PRABUMULIH", "kabupaten_kota") == "Kota Prabumulih"
    assert normalize_region("Prov. Sulawesi Selatan", "provinsi") == normalize_region("PROVINSI SULAWESI SELATAN", "provinsi") == "Sulawesi Selatan"
    assert normalize_region("XIII KOTO KAMPAR", "kecamatan") == "XIII Koto Kampar"
    assert normalize_region(None, "kecamatan") is None and normalize_region("  ", "provinsi") is None
    assert region_key("Kec. GANTARANG", "kecamatan") == region_key("gantarang", "kecamatan")
    with pytest.raises(ValueError):
        normalize_region("X", "desa")


def test_kecamatan_from_a_daftar_guru_title_row_is_normalised_too():
    school = {**SCHOOL, "kecamatan": "PRABUMULIH TIMUR"}
    ds = load_file(_bytes(samples.write_dapodik_daftar_guru, PEOPLE, school), "g.xlsx", npsn=NPSN)
    assert ds.tables["sekolah"]["kecamatan"].tolist() == ["Prabumulih Timur"]


# --- The upload page asks for the NPSN ---------------------------------------------------------


@pytest.mark.apptest
def test_the_upload_page_asks_for_the_npsn_of_a_daftar_guru_and_reads_the_file_again_with_it():
    from streamlit.testing.v1 import AppTest

    from analysis.i18n import t

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.switch_page("app_pages/unggah_data.py").run()
    at.file_uploader(key="upload_file").set_value(("daftar_guru.xlsx", GURU, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).run()
    assert not at.exception, at.exception
    field = next(w for w in at.text_input if w.label == t("upload.npsn.label", "id"))
    assert field.value == ""  # the sample data is active: no loaded school to take an NPSN from
    field.set_value("1234").run()
    assert t("upload.npsn.bad", "id") in [w.value for w in at.warning]
    field = next(w for w in at.text_input if w.label == t("upload.npsn.label", "id"))
    field.set_value(NPSN).run()
    assert not at.exception, at.exception
    problems = at.dataframe[-1].value
    assert not any("--npsn" in str(m) for m in problems[t("col.message", "id")])
    at.button(key="upload_use").click().run()
    at.switch_page("app_pages/profil_sekolah.py").run()
    assert not at.exception, at.exception


def test_a_csv_of_the_projects_own_sekolah_sheet_is_not_taken_for_a_dapodik_school_list():
    csv = b"NPSN;Nama Sekolah;Jenjang;Status;Kecamatan\n60727001;MI Contoh;MI;Swasta;Kec. Gantarang\n"
    ds = load_file(csv, "data.csv")
    assert ds.report.layout == "csv"
    assert ds.tables["sekolah"]["naungan"].isna().all()  # no Dapodik default for a file that is not Dapodik's
    assert ds.tables["sekolah"]["kecamatan"].tolist() == ["Gantarang"]  # regions are normalised whatever the source


def test_one_file_loaded_twice_keeps_each_teacher_without_nuptk_once(tendik):
    both = combine([tendik, tendik])
    assert len(both.tables["guru"]) == len(tendik.tables["guru"])


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("Tanggal Unduh: 2026-01-12 08:30:05", date(2026, 1, 12)),
        ("Tanggal Unduh : 12/01/2026 08:30", date(2026, 1, 12)),
        ("Tanggal Unduh: 12 Januari 2026", date(2026, 1, 12)),
        ("Tanggal Unduh: 31/02/2026", None),
        ("Tanggal Unduh: -", None),
    ],
)
def test_tanggal_unduh_is_read_in_the_forms_dapodik_writes_it(stamp, expected):
    def change(wb):
        wb.active["A4"] = stamp

    ds = load_file(_edit(GURU, change), "g.xlsx", npsn=NPSN)
    got = ds.tables["sekolah"]["tanggal_data"].iloc[0]
    assert (None if pd.isna(got) else got.date()) == expected
    assert not ds.report.errors  # an unreadable stamp leaves the date empty, never rejects the school
