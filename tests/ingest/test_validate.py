"""Validation of one sheet: Indonesian formats parsed, every row accepted or reported."""

import datetime as dt

import pytest

from analysis.core import schema
from analysis.ingest.rawdata import RawSheet, RawTable
from analysis.ingest.validate import parse_bool, parse_choice, parse_date, parse_id, parse_number, table_from_sheet, validate_table

GURU_HEADERS = ["NPSN", "Nama", "NUPTK", "JK", "Tanggal Lahir", "Kependidikan", "Status Kepegawaian", "JJM", "TIK Laptop"]


def _guru(*rows, headers=GURU_HEADERS, title_rows=0):
    raw = RawSheet("Guru", [["Daftar Guru SMP Negeri Contoh"]] * title_rows + [list(headers), *[list(r) for r in rows]])
    rt = table_from_sheet(raw, schema.GURU)
    assert rt is not None
    return validate_table(rt)


def _row(**over):
    base = {
        "NPSN": "10603456",
        "Nama": "Ani",
        "NUPTK": "1234567890123456",
        "JK": "P",
        "Tanggal Lahir": "12/05/1980",
        "Kependidikan": "Ya",
        "Status Kepegawaian": "PNS",
        "JJM": 24,
        "TIK Laptop": 3,
    }
    base.update(over)
    return [base.get(h) for h in GURU_HEADERS]


def _codes(problems):
    return [(p.sheet, p.row, p.column, p.severity, p.code) for p in problems]


def _invariant(report, problems):
    assert report.rows_read == report.rows_accepted + report.rows_rejected + report.rows_blank
    rejected_rows = {p.row for p in problems if p.severity == "error" and p.row is not None}
    assert len(rejected_rows) == report.rows_rejected


def test_the_header_is_found_below_title_rows_and_rows_keep_their_excel_numbers():
    frame, report, problems = _guru(_row(), title_rows=3)
    assert frame["_row"].tolist() == [5]
    assert (report.rows_read, report.rows_accepted) == (1, 1)
    assert problems == []


def test_english_headers_are_aliases_and_unknown_columns_are_ignored():
    headers = ["School ID", "Full Name", "nuptk", "Teaching Hours", "Hobi"]
    raw = RawSheet("Teachers", [headers, ["10603456", "Ani", "1234567890123456", "24,5", "Catur"]])
    rt = table_from_sheet(raw, schema.GURU)
    assert rt.keys == ["npsn", "nama", "nuptk", "jjm", None]
    frame, report, problems = validate_table(rt)
    assert frame["nama"].tolist() == ["Ani"] and frame["jjm"].tolist() == [24.5]
    assert "Hobi" not in frame.columns and problems == []


def test_an_id_typed_as_a_number_is_kept_and_marked_suspect():
    frame, report, problems = _guru(_row(NUPTK=1234567890123450.0))
    assert _codes(problems) == [("Guru", 2, "NUPTK", "warning", "problem.id_as_number")]
    assert frame["nuptk_suspect"].tolist() == [True]
    assert report.rows_accepted == 1


@pytest.mark.parametrize(
    "value, code",
    [
        ("1.23457E+15", "problem.id_scientific"),
        ("1,23457E+15", "problem.id_scientific"),
        ("12345", "problem.id_digits"),
        ("12AB567890123456", "problem.id_not_digits"),
        (1.23457e15, "problem.id_as_number"),
        ("1234567890123456", None),
        ("'1234567890123456", None),
    ],
)
def test_suspect_ids_are_recognised(value, code):
    assert parse_id(value, 16)[1] == code


def test_the_message_names_sheet_row_and_column_in_both_languages():
    _, _, problems = _guru(_row(NUPTK="12345"))
    (p,) = problems
    assert p.value == "12345"
    assert p.message("id").startswith("Sheet Guru, baris 2, kolom NUPTK")
    assert p.message("en").startswith("Sheet Guru, row 2, column NUPTK")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("03/04/2024", dt.date(2024, 4, 3)),
        ("03-04-2024", dt.date(2024, 4, 3)),
        ("3.4.2024", dt.date(2024, 4, 3)),
        ("2024-04-03", dt.date(2024, 4, 3)),
        (45385, dt.date(2024, 4, 3)),
        ("45385", dt.date(2024, 4, 3)),
        (dt.datetime(2024, 4, 3, 0, 0), dt.date(2024, 4, 3)),
        (dt.date(2024, 4, 3), dt.date(2024, 4, 3)),
        ("12/31/2024", None),  # month-first is never guessed
        ("kemarin", None),
    ],
)
def test_dates_are_day_first_iso_serials_or_date_cells(value, expected):
    ts, code = parse_date(value)
    assert (ts.date() if ts is not None else None) == expected
    assert (code is None) == (expected is not None)


def test_a_month_first_date_rejects_the_row_with_its_cell_named():
    frame, report, problems = _guru(_row(**{"Tanggal Lahir": "12/31/1980"}))
    assert _codes(problems) == [("Guru", 2, "Tanggal Lahir", "error", "problem.bad_date")]
    assert problems[0].value == "12/31/1980"
    assert report.rows_rejected == 1 and frame.empty


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ya", True),
        ("ya", True),
        ("Y", True),
        ("1", True),
        (1, True),
        ("Yes", True),
        (True, True),
        ("Tidak", False),
        ("T", False),
        ("0", False),
        ("No", False),
        (False, False),
    ],
)
def test_yes_and_no_in_indonesian_and_english(text, expected):
    assert parse_bool(text) == (expected, None)


def test_an_unreadable_yes_no_is_a_warning_and_the_row_is_kept():
    frame, report, problems = _guru(_row(Kependidikan="mungkin"))
    assert _codes(problems) == [("Guru", 2, "Kependidikan", "warning", "problem.bad_bool")]
    assert report.rows_accepted == 1 and frame["kependidikan"].isna().all()


def test_closed_lists_fold_case_and_spellings_and_keep_unknown_values_with_a_warning():
    col = schema.GURU.column("status_kepegawaian")
    assert parse_choice("pns", col) == ("PNS", None)
    frame, report, problems = _guru(_row(**{"Status Kepegawaian": "Relawan"}))
    assert _codes(problems) == [("Guru", 2, "Status Kepegawaian", "warning", "problem.not_in_list")]
    assert frame["status_kepegawaian"].tolist() == ["Relawan"]


@pytest.mark.parametrize("text, number", [("24,5", 24.5), ("1.234,5", 1234.5), ("24", 24.0), (24, 24.0), ("dua", None)])
def test_numbers_accept_a_decimal_comma(text, number):
    assert parse_number(text)[0] == number


def test_a_level_outside_1_to_4_rejects_the_row():
    frame, report, problems = _guru(_row(**{"TIK Laptop": 5}))
    assert _codes(problems) == [("Guru", 2, "TIK Laptop", "error", "problem.out_of_range")]
    assert problems[0].value == "5" and problems[0].params["min"] == "1"
    assert frame.empty and report.rows_rejected == 1


def test_text_in_a_number_column_rejects_the_row():
    _, report, problems = _guru(_row(JJM="dua puluh"))
    assert _codes(problems) == [("Guru", 2, "JJM", "error", "problem.bad_number")]
    assert report.rows_rejected == 1


def test_an_empty_required_cell_rejects_the_row():
    frame, report, problems = _guru(_row(Nama=None), _row(NUPTK="1234567890123457"))
    assert _codes(problems) == [("Guru", 2, "Nama", "error", "problem.required")]
    assert frame["_row"].tolist() == [3]
    _invariant(report, problems)


def test_blank_rows_and_a_trailing_total_row_are_counted_as_blank():
    total = [None] * len(GURU_HEADERS)
    total[0] = "JUMLAH"
    total[7] = 48
    frame, report, problems = _guru(_row(), [None] * len(GURU_HEADERS), _row(NUPTK="1234567890123457"), total)
    assert (report.rows_read, report.rows_accepted, report.rows_rejected, report.rows_blank) == (4, 2, 0, 2)
    assert frame["_row"].tolist() == [2, 4]


def test_rows_read_is_accepted_plus_rejected_plus_blank_with_every_rejection_explained():
    frame, report, problems = _guru(
        _row(),
        _row(JJM=99),
        _row(**{"TIK Laptop": 0, "Tanggal Lahir": "31/02/1980"}),
        [None] * 9,
        _row(Nama=None),
        _row(NUPTK=1.2e15),
        ["Total"] + [None] * 8,
    )
    _invariant(report, problems)
    assert (report.rows_read, report.rows_accepted, report.rows_rejected, report.rows_blank) == (7, 2, 3, 2)


def test_a_missing_required_column_rejects_every_row_and_says_why():
    raw = RawSheet("Guru", [["NPSN", "NUPTK"], ["10603456", "1234567890123456"], [None, None], ["10603456", "1234567890123457"]])
    rt = table_from_sheet(raw, schema.GURU)
    frame, report, problems = validate_table(rt)
    assert ("Guru", None, "Nama", "error", "problem.missing_column") in _codes(problems)
    assert (report.rows_rejected, report.rows_blank) == (2, 1)
    assert {p.row for p in problems if p.code == "problem.row_missing_column"} == {2, 4}
    _invariant(report, problems)


def test_multi_value_text_is_kept_as_written():
    raw = RawSheet("Guru", [["Nama", "NUPTK", "Mengajar"], ["Ani", "1234567890123456", "Matematika; Informatika"]])
    frame, _, _ = validate_table(table_from_sheet(raw, schema.GURU))
    assert frame["mengajar"].tolist() == ["Matematika; Informatika"]


def test_an_empty_table_has_every_column_in_its_dtype():
    frame, report, _ = validate_table(RawTable("Guru", "guru", ["Nama"], ["nama"], []))
    assert set(schema.GURU.keys) <= set(frame.columns)
    assert str(frame["tanggal_lahir"].dtype).startswith("datetime64")
    assert frame["jjm"].dtype == "float64" and str(frame["nuptk_suspect"].dtype) == "boolean"
    assert report.rows_read == 0


def test_values_from_the_adapter_fill_columns_the_sheet_lacks():
    rt = RawTable("PTK", "guru", ["Nama", "NUPTK"], ["nama", "nuptk"], [(6, ["Ani", "1234567890123456"])], defaults={"npsn": "10603456"})
    frame, _, problems = validate_table(rt)
    assert frame["npsn"].tolist() == ["10603456"] and problems == []


@pytest.mark.parametrize("raw", ["1234567890123456", "123456789012345", "0", "00000000", "1234567890123456 ", "１２３", "²345678901234567"])
def test_the_id_fast_path_agrees_with_parse_id(raw):
    from analysis.core import schema
    from analysis.ingest.validate import _parse_cell, parse_id

    col = schema.GURU.column("nuptk")
    value, code, params, _ = _parse_cell(raw, col)
    assert (value, code, params) == parse_id(raw, col.digits)


# --- values that used to fail the whole file are problems of their own cell ---


@pytest.mark.parametrize("born", [dt.date(1500, 1, 1), dt.datetime(2300, 6, 1), "01/01/1500", "2263-01-01"])
def test_a_date_outside_what_a_datetime_column_holds_rejects_only_its_row(born):
    frame, report, problems = _guru(_row(**{"Tanggal Lahir": born}), _row(NUPTK="1234567890123457"))
    assert _codes(problems) == [("Guru", 2, "Tanggal Lahir", "error", "problem.out_of_range")]
    assert (problems[0].params["min"], problems[0].params["max"]) == ("22/09/1677", "11/04/2262")
    assert frame["_row"].tolist() == [3] and report.rows_rejected == 1


def test_the_first_and_last_whole_days_of_the_range_are_dates():
    assert parse_date("22/09/1677")[0].date() == dt.date(1677, 9, 22)
    assert parse_date(dt.date(2262, 4, 11))[0].date() == dt.date(2262, 4, 11)
    assert parse_date("21/09/1677") == (None, "problem.out_of_range")


@pytest.mark.parametrize("year", [9.3e18, 10**19, "9300000000000000000", -(2**63)])
def test_an_integer_beyond_int64_rejects_only_its_row(year):
    raw = RawSheet("Guru", [["Nama", "Tahun Sertifikasi"], ["Ani", year], ["Budi", 2012]])
    frame, report, problems = validate_table(table_from_sheet(raw, schema.GURU))
    assert _codes(problems) == [("Guru", 2, "Tahun Sertifikasi", "error", "problem.out_of_range")]
    assert problems[0].params["min"] == "2006"
    assert frame["tahun_sertifikasi"].tolist() == [2012] and report.rows_rejected == 1


# --- IDs ---


@pytest.mark.parametrize("written", ["١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦", "۱۲۳۴۵۶۷۸۹۰۱۲۳۴۵۶", "１２３４５６７８９０１２３４５６"])
def test_an_id_in_non_ascii_digits_is_read_as_ascii_with_a_warning(written):
    assert parse_id(written, 16) == ("1234567890123456", "problem.id_normalised", {"normalised": "1234567890123456"})


def test_an_id_in_arabic_indic_digits_stays_trusted_so_its_duplicate_is_caught():
    frame, report, problems = _guru(_row(), _row(NUPTK="١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦"))
    assert _codes(problems) == [("Guru", 3, "NUPTK", "warning", "problem.id_normalised")]
    assert frame["nuptk"].tolist() == ["1234567890123456"] * 2
    assert frame["nuptk_suspect"].tolist() == [False, False]


def test_a_normalised_id_of_the_wrong_length_is_still_suspect():
    assert parse_id("１２３", 16)[1] == "problem.id_digits"


@pytest.mark.parametrize("number, code", [(10603456, None), (10603456.0, None), ("10603456.0", None), (1060345, "problem.id_digits")])
def test_an_eight_digit_npsn_stored_as_a_number_lost_no_digits(number, code):
    assert parse_id(number, 8)[:2] == ("10603456" if code is None else "1060345", code)


def test_a_sixteen_digit_number_may_have_lost_digits():
    assert parse_id(1234567890123456.0, 16)[1] == "problem.id_as_number"
    assert parse_id(123456789012345, 16)[1] == "problem.id_digits"  # 15 digits: exact, but not an NUPTK


@pytest.mark.parametrize("npsn, expected", [("P9908517", "P9908517"), ("p9908517", "P9908517"), ("K5600123", "K5600123")])
def test_an_npsn_with_dapodik_s_letter_prefix_is_valid(npsn, expected):
    frame, _, problems = _guru(_row(NPSN=npsn))
    assert problems == [] and frame["npsn"].tolist() == [expected] and frame["npsn_suspect"].tolist() == [False]


@pytest.mark.parametrize("npsn", ["PP908517", "P990851", "P99085171"])
def test_a_letter_prefix_needs_exactly_seven_digits_after_one_letter(npsn):
    assert parse_id(npsn, 8, letter_prefix=True)[1] is not None


def test_an_nuptk_with_a_letter_prefix_is_not_valid():
    _, _, problems = _guru(_row(NUPTK="P234567890123456"))
    assert _codes(problems) == [("Guru", 2, "NUPTK", "warning", "problem.id_not_digits")]


def test_a_text_cell_of_32767_characters_is_kept_whole():
    long = "Pendidikan " + "x" * (32_767 - 11)
    frame, _, problems = _guru(_row(Nama=long))
    assert problems == [] and len(frame["nama"].iloc[0]) == 32_767


# --- the columnar path (cells as read from a workbook) gives what the row path gives ---


def _columnar(rows):
    """A RawSheet as read_xlsx builds it, from Python rows, through the child's encoding."""
    import pickle

    from analysis.ingest.rawdata import CellColumns
    from analysis.ingest.xlsx_child import encode_sheet

    as_read = [["" if v is None else v for v in r] for r in rows]  # calamine's empty cell
    n, width, columns, extras = pickle.loads(pickle.dumps(encode_sheet(as_read)))
    return RawSheet.from_cells("Guru", CellColumns(n, width, columns, extras), [])


def _mixed_rows():
    return [
        ["Daftar Guru"],
        list(GURU_HEADERS),
        _row(),
        _row(NUPTK=1234567890123450.0, JJM="24,5"),
        [None] * 9,
        _row(Nama="  ", JJM="dua"),
        _row(NUPTK="1234567890123456", **{"Tanggal Lahir": dt.datetime(1980, 5, 1, 7, 30)}),
        _row(JK=True, **{"TIK Laptop": 5}),
        _row(NPSN=10603456.0, **{"Tanggal Lahir": 29000}),
        _row(NUPTK=2**60, **{"Tanggal Lahir": dt.time(7, 0)}),
        ["JUMLAH", None, None, None, None, None, None, 48],
        ["   "] + [None] * 8,
        [],
    ]


def test_cells_read_as_columns_give_the_rows_they_were_read_from():
    rows = _mixed_rows()
    sheet = _columnar(rows)
    width = max(map(len, rows))
    assert sheet.rows == [list(r) + [None] * (width - len(r)) for r in rows]
    assert sheet.rows[-3][0] == "JUMLAH" and sheet.rows[3][2] == 1234567890123450.0 and type(sheet.rows[9][2]) is int


def test_validating_columns_gives_what_validating_rows_gives():
    rows = _mixed_rows()
    by_rows = validate_table(table_from_sheet(RawSheet("Guru", [list(r) for r in rows]), schema.GURU))
    columnar = table_from_sheet(_columnar(rows), schema.GURU)
    assert columnar.cells is not None
    by_columns = validate_table(columnar)
    assert by_columns[0].equals(by_rows[0]) and by_columns[0].dtypes.equals(by_rows[0].dtypes)
    assert by_columns[1] == by_rows[1]
    assert _codes(by_columns[2]) == _codes(by_rows[2]) and [p.value for p in by_columns[2]] == [p.value for p in by_rows[2]]
    _invariant(by_columns[1], by_columns[2])
    # the empty row and the JUMLAH row are blank; the trailing row of spaces and [] are not rows read
    assert (by_columns[1].rows_read, by_columns[1].rows_blank, by_columns[1].rows_rejected) == (9, 2, 3)


def test_a_workbook_with_extreme_dates_and_integers_is_read_and_only_those_rows_rejected():
    import io

    import openpyxl

    from analysis.ingest.load import load_file

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Guru"
    ws.append(["NPSN", "Nama", "NUPTK", "Tanggal Lahir", "Tahun Sertifikasi"])
    ws.append(["10603456", "Ani", "1234567890123456", dt.date(2300, 1, 1), 2012])
    ws.append(["10603456", "Budi", "1234567890123457", "01/01/1500", 2012])
    ws.append(["10603456", "Cici", "1234567890123458", dt.date(1980, 5, 1), 9.3e18])
    ws.append(["10603456", "Dedi", "1234567890123459", dt.date(1980, 5, 1), 2012])
    buf = io.BytesIO()
    wb.save(buf)
    ds = load_file(buf.getvalue(), "ekstrem.xlsx")
    assert ds.report.readable
    rows = sorted((p.row, p.column, p.code) for p in ds.report.problems if p.sheet == "Guru")
    assert rows == [
        (2, "Tanggal Lahir", "problem.out_of_range"),
        (3, "Tanggal Lahir", "problem.out_of_range"),
        (4, "Tahun Sertifikasi", "problem.out_of_range"),
    ]
    assert ds.tables["guru"]["nama"].tolist() == ["Dedi"]


def test_a_coordinate_written_as_text_with_a_decimal_point_is_read_as_degrees():
    """A dot separates thousands only where a column can reach 1,000: Lintang/Bujur run within ±180,
    so the text "104.247" is 104.247 degrees, while a JJM or JP of "1.234" stays 1,234."""
    from analysis.ingest.load import load_file
    from tests.helpers import GURU_HEADER, guru_row, workbook_bytes

    assert parse_number("104.247", below_thousand=True) == (104.247, None)
    assert parse_number("-3.432", below_thousand=True) == (-3.432, None)
    assert parse_number("1.234") == (1234.0, None)
    ds = load_file(
        workbook_bytes(
            {
                "Sekolah": [["NPSN", "Nama Sekolah", "Jenjang", "Lintang", "Bujur"], ["10603456", "SMP Contoh", "SMP", "-3.432", "104.247"]],
                "Guru": [GURU_HEADER, guru_row()],
            }
        ),
        "x.xlsx",
    )
    row = ds.tables["sekolah"].iloc[0]
    assert (row["lintang"], row["bujur"]) == (-3.432, 104.247)
    assert schema.SEKOLAH.column("bujur").max < 1000
