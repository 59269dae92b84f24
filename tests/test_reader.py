"""Reading a user's file: cells kept as they are, hostile files refused before parsing."""

import datetime as dt
import io
import re
import zipfile

import openpyxl
import pytest

from analysis import reader
from analysis.reader import UnreadableFile, read_file
from tests.helpers import workbook_bytes


def _xlsx(build) -> bytes:
    wb = openpyxl.Workbook()
    build(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _far_cell(wb) -> None:
    """A header and one cell at XFD1048576: a few KB that would make calamine allocate the whole sheet."""
    wb.active["A1"] = "NUPTK"
    wb.active["XFD1048576"] = "boom"


@pytest.fixture
def no_parsing(monkeypatch):
    """Fail the test if the file ever reaches the parser (the child process that runs calamine)."""

    def refuse(*args, **kwargs):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr(reader.subprocess, "run", refuse)


def _code(data: bytes, name: str = "x.xlsx") -> str:
    with pytest.raises(UnreadableFile) as exc:
        read_file(data, name)
    return exc.value.code


def test_a_zip_bomb_is_refused_before_parsing(no_parsing):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 2**20))
    assert len(buf.getvalue()) < 2 * 2**20
    assert _code(buf.getvalue()) == "file.zip_bomb"


def test_a_small_workbook_with_one_cell_at_xfd1048576_is_refused_before_parsing(no_parsing):
    data = _xlsx(_far_cell)
    assert len(data) < 10_000
    with pytest.raises(UnreadableFile) as exc:
        read_file(data, "boom.xlsx")
    assert exc.value.code == "file.too_large_range"
    assert exc.value.params["cell"] == "XFD1048576"


def test_a_lying_dimension_is_refused_before_parsing(no_parsing):
    data = _xlsx(lambda wb: wb.active.append(["NUPTK", "Nama"]))
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(rb"<dimension ref=\"[^\"]*\"\s*/>", b"<dimension ref=\"A1:XFD1048576\"/>", content)
                assert b"XFD1048576" in content
            zf.writestr(info, content)
    assert _code(out.getvalue()) == "file.too_large_range"


def test_a_wide_sheet_is_measured_cell_by_cell(monkeypatch, no_parsing):
    monkeypatch.setattr(reader, "MAX_CELLS", 1000)

    def build(wb):
        wb.active["AB1"] = "x"  # 28 columns
        wb.active["A50"] = "y"  # × 50 rows = 1400 cells

    assert _code(_xlsx(build)) == "file.too_large_range"


@pytest.mark.parametrize(
    "rewrite",
    [
        lambda x: x.replace(b'r="XFD1048576"', b"r='XFD1048576'"),
        lambda x: x.replace(b'r="XFD1048576"', b'r = "XFD1048576"'),
        lambda x: x.replace(b'r="XFD1048576"', b'r="xfd1048576"'),
    ],
    ids=["single-quotes", "spaces", "lower-case"],
)
def test_a_far_cell_written_in_any_form_xml_allows_is_still_refused(no_parsing, rewrite):
    src = zipfile.ZipFile(io.BytesIO(_xlsx(_far_cell)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(rb"<dimension [^>]*/>", b"", rewrite(content))
            zf.writestr(info, content)
    assert _code(out.getvalue()) == "file.too_large_range"


def test_a_sheet_moved_out_of_xl_worksheets_is_still_inspected(no_parsing):
    src = zipfile.ZipFile(io.BytesIO(_xlsx(_far_cell)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            content = src.read(info).replace(b"worksheets/sheet1.xml", b"data/sheet1.xml")
            zf.writestr(info.filename.replace("xl/worksheets/sheet1.xml", "xl/data/sheet1.xml"), content)
    assert _code(out.getvalue()) == "file.too_large_range"


def test_a_text_longer_than_an_excel_cell_can_hold_is_refused_before_parsing(no_parsing):
    def build(wb):
        for r in range(1, 4):
            wb.active.cell(r, 1, "x" * 40_000)  # one shared string, used three times

    assert _code(_xlsx(build)) == "file.text_too_long"


def test_a_file_that_gets_past_the_checks_ends_only_the_child_process(monkeypatch):
    monkeypatch.setattr(reader, "inspect_xlsx", lambda data: None)  # calamine aborts its process on this allocation
    assert _code(_xlsx(_far_cell)) == "file.too_demanding"


def test_a_damaged_workbook_that_passes_the_checks_is_reported_as_damaged():
    data = workbook_bytes({"Guru": [["NUPTK", "Nama"], ["1234567890123456", "Ani"]]})
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            content = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                content = content[: len(content) // 2]  # cut the XML in half
            zf.writestr(info, content)
    assert _code(out.getvalue()) in {"file.corrupt", "file.workbook_empty"}


def test_an_ordinary_workbook_passes_the_inspection():
    reader.inspect_xlsx(workbook_bytes({"Guru": [["NUPTK", "Nama"], ["1234567890123456", "Ani"]]}))


@pytest.mark.parametrize(
    "data, name, code",
    [
        (b"", "guru.xlsx", "file.empty"),
        (b"   \n\r\n", "guru.csv", "file.empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "guru.xlsx", "file.encrypted"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "guru.xls", "file.encrypted"),
        (b"PK\x03\x04 this is not really a zip", "guru.xlsx", "file.not_workbook"),
        (b"%PDF-1.4 a report", "guru.pdf", "file.unsupported_type"),
    ],
)
def test_a_file_that_cannot_be_read_gets_one_clear_code(data, name, code):
    assert _code(data, name) == code


def test_a_zip_that_is_not_a_workbook_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("foto.jpg", b"\xff\xd8 not a workbook")
    assert _code(buf.getvalue()) == "file.not_workbook"


def test_a_workbook_without_any_data_is_refused():
    assert _code(_xlsx(lambda wb: wb.create_sheet("Guru"))) == "file.workbook_empty"


def test_encrypted_and_old_xls_files_are_named_in_the_message():
    from analysis.i18n import t

    assert ".xls" in t("file.encrypted", "en") and "password" in t("file.encrypted", "en")


def test_cells_keep_their_own_type_and_excel_position():
    def build(wb):
        ws = wb.active
        ws.title = "Guru"
        ws["C3"] = "NUPTK"
        ws["C4"] = 3201234567890120
        ws["D4"] = "3201234567890123"
        ws["E4"] = dt.date(1980, 5, 1)
        ws["F4"] = True

    sheets = read_file(_xlsx(build), "x.xlsx")
    rows = sheets[0].rows
    assert sheets[0].name == "Guru"
    assert rows[2][2] == "NUPTK"  # C3 is rows[2][2]
    assert isinstance(rows[3][2], float) and rows[3][2] == 3201234567890120
    assert rows[3][3] == "3201234567890123"
    assert rows[3][4] in (dt.date(1980, 5, 1), dt.datetime(1980, 5, 1))
    assert rows[3][5] is True
    assert rows[0][0] is None


def test_a_csv_with_semicolons_and_a_bom_is_one_sheet_named_after_the_file():
    data = "\ufeffNUPTK;JJM\n1234567890123456;24,5\n".encode("utf-8")
    (sheet,) = read_file(data, "data/guru_2025.csv")
    assert sheet.name == "guru_2025"
    assert sheet.rows == [["NUPTK", "JJM"], ["1234567890123456", "24,5"]]
    assert sheet.warnings == []


def test_a_csv_with_commas_is_split_on_commas():
    (sheet,) = read_file(b"NUPTK,Nama\n1234567890123456,\"Ani, S.Pd\"\n", "guru.csv")
    assert sheet.rows[1] == ["1234567890123456", "Ani, S.Pd"]


def test_a_windows_1252_csv_is_read_with_a_file_level_warning():
    (sheet,) = read_file("Nama;Jurusan\nAndré;Matemática\n".encode("cp1252"), "guru.csv")
    assert sheet.rows[1] == ["André", "Matemática"]
    [(w_sheet, w_row, w_col, w_sev, w_code)] = [(w.sheet, w.row, w.column, w.severity, w.code) for w in sheet.warnings]
    assert (w_sheet, w_row, w_col, w_sev, w_code) == ("guru", None, None, "warning", "file.cp1252")
