"""Ingestion loses nothing: every row read is accepted or reported."""

import io
import zipfile

import openpyxl
import pytest

from analysis.core.errors import UnreadableFile
from analysis.ingest.load import combine, load_file
from analysis.ingest.reader import read_file
from analysis.ingest.validate import parse_date, parse_id, parse_number
from tests.helpers import GURU_HEADER, SEKOLAH, guru_row, patch_workbook, workbook_bytes


def _load(guru_rows, extra=None, name="sekolah.xlsx"):
    sheets = {"Sekolah": SEKOLAH, "Guru": [GURU_HEADER, *guru_rows]}
    sheets.update(extra or {})
    return load_file(workbook_bytes(sheets), name)


def _codes(ds):
    return [(p.sheet, p.row, p.column, p.severity, p.code) for p in ds.report.problems]


def test_rows_read_always_equal_accepted_plus_rejected_plus_blank():
    ds = _load([guru_row(), guru_row("1234567890123457", JJM=99), [None] * 8, guru_row("1234567890123458"), ["JUMLAH", None, None, None, None, 48, None, None]])
    for s in ds.report.sheets:
        assert s.rows_read == s.rows_accepted + s.rows_rejected + s.rows_blank
    guru = next(s for s in ds.report.sheets if s.sheet == "Guru")
    assert (guru.rows_read, guru.rows_accepted, guru.rows_rejected, guru.rows_blank) == (5, 2, 1, 2)


def test_title_rows_above_the_header_are_not_rows():
    data = workbook_bytes({"Sekolah": SEKOLAH, "Guru": [["Daftar Guru 2025"], [], GURU_HEADER, guru_row()]})
    ds = load_file(data, "x.xlsx")
    guru = next(s for s in ds.report.sheets if s.sheet == "Guru")
    assert guru.rows_read == 1 and ds.tables["guru"]["_row"].tolist() == [4]


def test_duplicate_nuptk_rejects_the_second_row_and_names_the_first():
    ds = _load([guru_row(), guru_row(Nama="Kembar")])
    assert ("Guru", 3, "NUPTK", "error", "problem.duplicate_nuptk") in _codes(ds)
    assert ds.tables["guru"]["nama"].tolist() == ["Guru Contoh"]
    assert "row 2" in ds.report.problems[-1].message("en")


def test_two_teachers_whose_nuptk_excel_rounded_alike_are_both_kept_not_rejected_as_duplicates():
    ds = _load([guru_row("1.23457E+15", Nama="Ani"), guru_row("1.23457E+15", Nama="Budi")])
    assert not [c for c in _codes(ds) if c[4] == "problem.duplicate_nuptk"]
    assert sorted(ds.tables["guru"]["nama"]) == ["Ani", "Budi"]
    assert ds.tables["guru"]["guru_id"].nunique() == 2, "each is its own teacher"


def test_an_id_typed_as_a_number_is_kept_but_marked_unreliable():
    ds = _load([guru_row(1234567890123456)])
    assert ("Guru", 2, "NUPTK", "warning", "problem.id_as_number") in _codes(ds)
    assert ds.tables["guru"]["nuptk_suspect"].tolist() == [True]


@pytest.mark.parametrize(
    "value, code",
    [("1.23457E+15", "problem.id_scientific"), ("12345", "problem.id_digits"), ("12AB567890123456", "problem.id_not_digits"), ("1234567890123456", None)],
)
def test_suspect_ids_are_recognised(value, code):
    assert parse_id(value, 16)[1] == code


def test_an_empty_nuptk_is_a_warning_and_the_teacher_gets_a_local_id():
    ds = _load([guru_row(None)])
    assert ("Guru", 2, "NUPTK", "warning", "problem.nuptk_empty") in _codes(ds)
    assert ds.tables["guru"]["guru_id"].tolist() == ["10603456-r2"]


@pytest.mark.parametrize(
    "value, expected",
    [("03/04/2024", "2024-04-03"), ("03-04-2024", "2024-04-03"), ("2024-04-03", "2024-04-03"), (45385, "2024-04-03"), ("13/13/2024", None)],
)
def test_dates_are_day_first_iso_or_excel_serials_never_month_first(value, expected):
    ts, _ = parse_date(value)
    assert (ts.strftime("%Y-%m-%d") if ts is not None else None) == expected


def test_decimal_commas_are_numbers():
    assert parse_number("24,5") == (24.5, None)
    assert parse_number("1.234,5") == (1234.5, None)
    assert parse_number("dua puluh")[1] == "problem.bad_number"


def test_a_score_out_of_range_rejects_the_row():
    ds = _load([guru_row(JJM=75)])
    assert ("Guru", 2, "JJM", "error", "problem.out_of_range") in _codes(ds)
    assert ds.tables["guru"].empty


def test_a_training_for_an_unknown_teacher_is_an_error_and_an_unknown_jenis_a_warning():
    pel = [
        ["NUPTK", "Nama Pelatihan", "Jenis", "Tanggal Mulai", "Tanggal Selesai", "JP"],
        ["1234567890123456", "MGMP Matematika", "Arisan", "01/02/2024", "01/02/2024", 4],
        ["8888888888888888", "KKG", "KKG", "01/02/2024", "01/02/2024", 4],
    ]
    ds = _load([guru_row()], {"Pelatihan": pel})
    codes = _codes(ds)
    assert ("Pelatihan", 2, "Jenis", "warning", "problem.not_in_list") in codes
    assert ("Pelatihan", 3, "NUPTK", "error", "problem.unknown_teacher") in codes
    assert len(ds.tables["pelatihan"]) == 1


def test_an_assessment_without_scores_is_rejected_and_ukg_extra_domains_are_dropped():
    pen = [
        ["NUPTK", "Tanggal Penilaian", "Sumber", "Pedagogik", "Kepribadian", "Profesional"],
        ["1234567890123456", "01/02/2024", "UKG", 60, 80, 70],
        ["1234567890123456", "01/03/2024", "PKG", None, None, None],
    ]
    ds = _load([guru_row()], {"Penilaian": pen})
    codes = _codes(ds)
    assert ("Penilaian", 2, "Kepribadian", "warning", "problem.ukg_extra_domain") in codes
    assert ("Penilaian", 3, None, "error", "problem.no_scores") in codes
    assert ds.tables["penilaian"]["kepribadian"].isna().all()


def test_subjects_split_into_one_row_per_teacher_and_subject_with_jjm_shared_equally():
    ds = _load([guru_row(Mengajar="Matematika; Informatika", JJM=24)])
    m = ds.tables["mengajar"]
    assert sorted(m["mata_pelajaran"]) == ["Informatika", "Matematika"]
    assert m["jjm"].tolist() == [12.0, 12.0]


def test_csv_with_semicolons_decimal_commas_and_a_bom_is_read():
    text = "\ufeffNPSN;Nama;NUPTK;JJM\n10603456;Ani;1234567890123456;24,5\n"
    ds = load_file(text.encode("utf-8"), "guru.csv")
    assert ds.report.layout == "csv"
    assert ds.tables["guru"]["jjm"].tolist() == [24.5]
    assert ds.report.sheets[0].sheet == "guru"


def test_windows_1252_csv_is_read_with_a_warning():
    text = "Nama;NUPTK;Jurusan/Prodi\nAndré;1234567890123456;Pendidikan Matematika\n"
    ds = load_file(text.encode("cp1252"), "guru.csv")
    assert "file.cp1252" in [p.code for p in ds.report.problems]
    assert ds.tables["guru"]["nama"].tolist() == ["André"]


@pytest.mark.parametrize(
    "data, code",
    [(b"", "file.empty"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "file.not_workbook"), (b"PK\x03\x04 not really a zip", "file.corrupt")],
)
def test_a_file_that_cannot_be_read_gets_one_clear_message(data, code):
    ds = load_file(data, "x.xlsx")
    assert not ds.report.readable and ds.report.exit_code() == 2
    assert [(p.code, p.row, p.column) for p in ds.report.problems] == [(code, None, None)]


def test_a_workbook_with_a_cell_at_xfd1048576_is_refused_before_parsing():
    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"
    wb.active["XFD1048576"] = "boom"
    buf = io.BytesIO()
    wb.save(buf)
    assert len(buf.getvalue()) < 20_000
    with pytest.raises(UnreadableFile) as exc:
        read_file(buf.getvalue(), "boom.xlsx")
    assert exc.value.code == "file.too_large_range"


def test_a_zip_bomb_is_refused_before_parsing():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"0" * (50 * 2**20))
    assert len(buf.getvalue()) < 2 * 2**20
    ds = load_file(buf.getvalue(), "bomb.xlsx")
    assert [p.code for p in ds.report.problems] == ["file.zip_bomb"]


def test_combine_keeps_every_school_and_the_report_of_each_file():
    a = _load([guru_row()], name="a.xlsx")
    b = load_file(
        workbook_bytes(
            {"Sekolah": [SEKOLAH[0], ["10609999", "MTs Contoh", "MTs", "Swasta"]], "Guru": [GURU_HEADER, guru_row("2234567890123456", NPSN="10609999")]}
        ),
        "b.xlsx",
    )
    ds = combine([a, b])
    assert sorted(ds.tables["sekolah"]["npsn"]) == ["10603456", "10609999"]
    assert len(ds.tables["guru"]) == 2
    assert {s.sheet for s in ds.report.sheets} >= {"a.xlsx: Guru", "b.xlsx: Guru"}


def test_personal_data_columns_in_the_own_format_are_not_read_and_are_listed_as_dropped():
    header = GURU_HEADER + ["NIK", "Nama Ibu Kandung", "Catatan"]
    data = workbook_bytes({"Sekolah": SEKOLAH, "Guru": [header, guru_row() + ["3201234567890001", "Siti", "x"]]})
    ds = load_file(data, "guru.xlsx")
    assert ds.report.dropped_columns == ["NIK", "Nama Ibu Kandung"]
    flat = " ".join(str(v) for df in ds.tables.values() for v in df.astype(str).to_numpy().ravel())
    assert "3201234567890001" not in flat and "Siti" not in flat


def _accounted(ds):
    for s in ds.report.sheets:
        assert min(s.rows_read, s.rows_accepted, s.rows_rejected, s.rows_blank) >= 0, s
        assert s.rows_read == s.rows_accepted + s.rows_rejected + s.rows_blank, s
    return {s.sheet: (s.rows_read, s.rows_accepted, s.rows_rejected, s.rows_blank) for s in ds.report.sheets}


def test_a_workbook_without_a_guru_sheet_says_which_sheet_is_missing_in_both_languages():
    ds = load_file(workbook_bytes({"Sekolah": SEKOLAH}), "sekolah_saja.xlsx")
    assert [(p.sheet, p.severity, p.code) for p in ds.report.problems] == [("sekolah_saja", "error", "problem.missing_sheet")]
    p = ds.report.problems[0]
    assert "Guru" in p.message("id") and "wajib" in p.message("id")
    assert "Guru" in p.message("en") and "missing" in p.message("en")


def test_two_guru_sheets_keep_their_rows_apart_by_sheet_and_row_and_never_count_below_zero():
    # "Guru (2)" is Excel's name for a copied sheet: both feed the guru table, and
    # row 3 of each sheet is rejected as a duplicate of row 2 of the first sheet.
    first = [GURU_HEADER, guru_row("1234567890123456", Nama="Ani"), guru_row("1234567890123456", Nama="Ani lagi")]
    second = [
        GURU_HEADER,
        guru_row("1234567890123457", Nama="Budi"),
        guru_row("1234567890123456", Nama="Ani ketiga"),
        guru_row("1234567890123458", Nama="Citra"),
    ]
    ds = _load(first[1:], {"Guru (2)": second})
    assert _accounted(ds)["Guru"] == (2, 1, 1, 0)
    assert _accounted(ds)["Guru (2)"] == (3, 2, 1, 0)
    guru = ds.tables["guru"]
    assert sorted(guru["nama"]) == ["Ani", "Budi", "Citra"]
    assert sorted(zip(guru["_sheet"], guru["_row"])) == [("Guru", 2), ("Guru (2)", 2), ("Guru (2)", 4)]
    dups = [(p.sheet, p.row, p.code, p.params.get("first_row")) for p in ds.report.problems if p.code.startswith("problem.duplicate_nuptk")]
    assert dups == [("Guru", 3, "problem.duplicate_nuptk", 2), ("Guru (2)", 3, "problem.duplicate_nuptk_sheet", 2)]
    msg = next(p for p in ds.report.problems if p.code == "problem.duplicate_nuptk_sheet").message("en")
    assert "Sheet Guru (2), row 3" in msg and "sheet Guru, row 2" in msg


def test_a_training_row_rejected_in_the_second_pelatihan_sheet_counts_against_that_sheet():
    pel = [["NUPTK", "Nama Pelatihan", "Jenis", "Tanggal Mulai", "Tanggal Selesai", "JP"], ["1234567890123456", "KKG", "KKG", "01/02/2024", "01/02/2024", 4]]
    other = [pel[0], ["8888888888888888", "KKG", "KKG", "01/02/2024", "01/02/2024", 4]]
    ds = _load([guru_row()], {"Pelatihan": pel, "Training": other})
    counts = _accounted(ds)
    assert counts["Pelatihan"] == (1, 1, 0, 0) and counts["Training"] == (1, 0, 1, 0)
    assert ("Training", 2, "NUPTK", "error", "problem.unknown_teacher") in _codes(ds)
    assert ds.tables["pelatihan"]["nuptk"].tolist() == ["1234567890123456"]


def test_a_repeated_sheet_name_is_read_as_two_sheets_with_a_warning_naming_it():
    # Excel never writes two sheets of one name; another program can. openpyxl
    # cannot either, so the second name is swapped in afterwards.
    data = workbook_bytes(
        {
            "Sekolah": SEKOLAH,
            "Guru": [GURU_HEADER, guru_row(Nama="Ani")],
            "GuruKEMBAR": [GURU_HEADER, guru_row("1234567890123457", Nama="Budi"), guru_row(Nama="Ani lagi")],
        }
    )
    ds = load_file(patch_workbook(data, {'name="GuruKEMBAR"': 'name="Guru"'}), "kembar.xlsx")
    assert _accounted(ds) == {"Sekolah": (1, 1, 0, 0), "Guru": (1, 1, 0, 0), "Guru [2]": (2, 1, 1, 0)}
    warn = [p for p in ds.report.problems if p.code == "problem.duplicate_sheet_name"]
    assert [(p.sheet, p.severity) for p in warn] == [("Guru", "warning")]
    assert "Guru" in warn[0].message("id") and "Guru [2]" in warn[0].message("en")
    assert sorted(ds.tables["guru"]["nama"]) == ["Ani", "Budi"], "the second sheet's own rows, not the first's twice"
    assert ("Guru [2]", 3, "NUPTK", "error", "problem.duplicate_nuptk_sheet") in _codes(ds)


def test_teachers_without_nuptk_on_the_same_row_of_two_sheets_stay_two_teachers():
    ds = _load([guru_row(None, Nama="Ani")], {"Guru (2)": [GURU_HEADER, guru_row(None, Nama="Budi")]})
    assert ds.tables["guru"]["guru_id"].nunique() == 2


def test_control_characters_in_cells_are_removed_with_a_warning_naming_the_cell():
    data = patch_workbook(workbook_bytes({"Sekolah": SEKOLAH, "Guru": [GURU_HEADER, guru_row(Nama="AniCTRLBCTRL", JK="CTRL")]}), {"CTRL": "_x0001_"})
    ds = load_file(data, "kendali.xlsx")
    assert ds.tables["guru"]["nama"].tolist() == ["AniB"]
    assert [(p.sheet, p.row, p.column, p.severity) for p in ds.report.problems if p.code == "problem.control_chars"] == [
        ("Guru", 2, "B", "warning"),
        ("Guru", 2, "D", "warning"),
    ]
    assert _accounted(ds)["Guru"] == (1, 1, 0, 0)


def test_control_characters_in_a_csv_are_removed_too():
    ds = load_file(b"NPSN;Nama;NUPTK;JJM\n10603456;An\x01i\x1f;1234567890123456;24\n", "guru.csv")
    assert ds.tables["guru"]["nama"].tolist() == ["Ani"]
    assert [(p.sheet, p.row, p.column, p.params["count"]) for p in ds.report.problems if p.code == "problem.control_chars"] == [("guru", 2, "B", 2)]


def test_every_export_drops_control_characters_and_still_neutralises_formulas():
    import pandas as pd

    from analysis.core.dataset import Problem, ValidationReport
    from analysis.reports.exports import html_report, table_csv, table_xlsx
    from analysis.reports.validation import report_xlsx

    nasty = '\x00=HYPERLINK("x")\x07\x1f'
    report = ValidationReport(file="a\x01.xlsx")
    report.problems.append(Problem("Guru\x02", 2, "Nama\x0b", nasty, "warning", "problem.nuptk_empty", {"sheet": "Guru\x02", "row": 2, "column": "Nama\x0b"}))
    wb = openpyxl.load_workbook(io.BytesIO(report_xlsx(report, "en")))
    cells = [c.value for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert '\'=HYPERLINK("x")' in cells and "a.xlsx" in cells and "Guru" in cells
    frame = pd.DataFrame({"nama\x03": [nasty, "Ani\x0c"]})
    wb = openpyxl.load_workbook(io.BytesIO(table_xlsx(frame)))
    assert [c.value for c in wb.active["A"]] == ["nama", '\'=HYPERLINK("x")', "Ani"]
    assert table_csv(frame).decode("utf-8-sig").splitlines() == ["nama", '"\'=HYPERLINK(""x"")"', "Ani"]
    page = html_report("T\x00", ["m\x01"], [("h\x02", [frame, "p\x08"])])
    assert not any(ch in page for ch in "\x00\x01\x02\x03\x07\x08\x0c\x1f")
