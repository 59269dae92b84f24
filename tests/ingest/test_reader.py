"""Reading a user's file: cells kept as they are, hostile files refused before parsing."""

import datetime as dt
import io
import json
import os
import random
import re
import struct
import subprocess
import sys
import zipfile

import openpyxl
import pytest

from analysis.core.errors import UnreadableFile
from analysis.ingest import reader, xlsx_child
from analysis.ingest.load import load_file
from analysis.ingest.reader import read_file
from analysis.ingest.xlsx_child import Refused
from tests.helpers import ROOT, workbook_bytes

FIXTURES = ROOT / "tests" / "fixtures"


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
def no_child(monkeypatch):
    """Fail the test if the file ever leaves the app's process for the child that reads content."""

    def refuse(*args, **kwargs):
        raise AssertionError("the file reached the child process")

    monkeypatch.setattr(reader.subprocess, "run", refuse)


def _code(data: bytes, name: str = "x.xlsx") -> str:
    with pytest.raises(UnreadableFile) as exc:
        read_file(data, name)
    return exc.value.code


def _checked(data: bytes) -> str:
    """The code the child's checks refuse ``data`` with, run here: calamine is never imported."""
    with pytest.raises(Refused) as exc:
        xlsx_child.check_workbook(data, reader._limits())
    return exc.value.code


def _rewrite(data: bytes, member: str, content: bytes, *, stored: bool = False) -> bytes:
    """``data`` with ``member`` replaced by (or added as) ``content``; stored uncompressed on request."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            if info.filename != member:
                zf.writestr(info.filename, src.read(info))
        zf.writestr(member, content, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return out.getvalue()


GURU = workbook_bytes({"Guru": [["NUPTK", "Nama"], ["1234567890123456", "Ani"]]})


def test_a_zip_bomb_is_refused_before_parsing(no_child):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 2**20))
    assert len(buf.getvalue()) < 2 * 2**20
    assert _code(buf.getvalue()) == "file.zip_bomb"


def test_a_small_workbook_with_one_cell_at_xfd1048576_is_refused_before_parsing():
    data = _xlsx(_far_cell)
    assert len(data) < 10_000
    assert _checked(data) == "file.too_large_range"
    with pytest.raises(UnreadableFile) as exc:
        read_file(data, "boom.xlsx")
    assert exc.value.code == "file.too_large_range"
    assert exc.value.params["cell"] == "XFD1048576"


def test_a_refused_file_gets_the_checks_code_even_though_the_parse_beside_them_aborts():
    # calamine runs alongside the checks; on this file it aborts (see the test below), the checks refuse
    cmd = [sys.executable, str(ROOT / "analysis" / "ingest" / "xlsx_child.py"), str(reader.CHILD_MEMORY), "30", json.dumps(reader._limits())]
    done = subprocess.run(cmd, input=_xlsx(_far_cell), capture_output=True, timeout=120, check=False)
    assert done.returncode == xlsx_child.REFUSED
    assert json.loads(done.stderr)["code"] == "file.too_large_range"


@pytest.mark.parametrize("seed", range(5))
def test_the_long_text_check_finds_exactly_what_a_regex_for_it_finds(seed):
    rng = random.Random(seed)
    for _ in range(400):
        max_text = rng.choice([3, 8, 17, 50])
        piece = bytes(rng.choice(b"<" + b"x" * rng.randint(1, 40)) for _ in range(rng.randint(0, 300)))
        expected = re.search(rb"<[^<]{%d}" % (max_text + 1), piece) is not None
        assert xlsx_child._has_long_text(piece, max_text) == expected, (piece, max_text)


def test_a_lying_dimension_is_refused_before_parsing():
    data = _xlsx(lambda wb: wb.active.append(["NUPTK", "Nama"]))
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(rb"<dimension ref=\"[^\"]*\"\s*/>", b'<dimension ref="A1:XFD1048576"/>', content)
                assert b"XFD1048576" in content
            zf.writestr(info, content)
    assert _checked(out.getvalue()) == "file.too_large_range"


def test_a_wide_sheet_is_measured_cell_by_cell(monkeypatch):
    monkeypatch.setattr(reader, "MAX_CELLS", 1000)

    def build(wb):
        wb.active["AB1"] = "x"  # 28 columns
        wb.active["A50"] = "y"  # × 50 rows = 1400 cells

    assert _checked(_xlsx(build)) == "file.too_large_range"
    assert _code(_xlsx(build)) == "file.too_large_range"  # the child is given the app's limits


@pytest.mark.parametrize(
    "rewrite",
    [
        lambda x: x.replace(b'r="XFD1048576"', b"r='XFD1048576'"),
        lambda x: x.replace(b'r="XFD1048576"', b'r = "XFD1048576"'),
        lambda x: x.replace(b'r="XFD1048576"', b'r="xfd1048576"'),
    ],
    ids=["single-quotes", "spaces", "lower-case"],
)
def test_a_far_cell_written_in_any_form_xml_allows_is_still_refused(rewrite):
    src = zipfile.ZipFile(io.BytesIO(_xlsx(_far_cell)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(rb"<dimension [^>]*/>", b"", rewrite(content))
            zf.writestr(info, content)
    assert _checked(out.getvalue()) == "file.too_large_range"


def test_a_sheet_moved_out_of_xl_worksheets_is_still_inspected():
    src = zipfile.ZipFile(io.BytesIO(_xlsx(_far_cell)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            content = src.read(info).replace(b"worksheets/sheet1.xml", b"data/sheet1.xml")
            zf.writestr(info.filename.replace("xl/worksheets/sheet1.xml", "xl/data/sheet1.xml"), content)
    assert _checked(out.getvalue()) == "file.too_large_range"


def test_a_sheet_under_a_name_not_ending_in_xml_is_still_inspected():
    far = zipfile.ZipFile(io.BytesIO(_xlsx(_far_cell))).read("xl/worksheets/sheet1.xml")
    assert _checked(_rewrite(GURU, "xl/worksheets/sheet9.dat", far)) == "file.too_large_range"


def test_a_text_longer_than_an_excel_cell_can_hold_is_refused_before_parsing():
    def build(wb):
        for r in range(1, 4):
            wb.active.cell(r, 1, "x" * 40_000)  # one shared string, used three times

    assert _checked(_xlsx(build)) == "file.text_too_long"
    assert _code(_xlsx(build)) == "file.text_too_long"


def test_a_file_that_gets_past_the_checks_ends_only_the_child_process(monkeypatch):
    for limit in ("MAX_ROWS", "MAX_COLUMNS", "MAX_CELLS"):  # the checks pass; calamine aborts on this allocation
        monkeypatch.setattr(reader, limit, 10**12)
    assert _code(_xlsx(_far_cell)) == "file.too_demanding"


def test_the_app_process_reads_only_the_zip_directory(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a member was read in the app's process")

    monkeypatch.setattr(zipfile.ZipFile, "open", refuse)
    monkeypatch.setattr(zipfile.ZipFile, "read", refuse)
    (sheet,) = read_file(GURU, "guru.xlsx")
    assert sheet.rows[1] == ["1234567890123456", "Ani"]


_HANG_GUARD = """
import sys
from analysis.core.errors import UnreadableFile
from analysis.ingest.reader import read_file
try:
    read_file(sys.stdin.buffer.read(), "x.xlsx")
    print("read")
except UnreadableFile as exc:
    print(exc.code)
"""


@pytest.mark.parametrize(
    "content",
    [
        b"<row " * (2**20 // 5),  # each <row scanned to the end of the member by the old pattern
        b'<row "' * (2**20 // 6),  # unterminated quotes
        (b"x" * 32_000 + b"<") * 33,  # stretches of text just under a cell's limit
    ],
    ids=["row-tags", "row-tags-with-quotes", "long-stretches"],
)
def test_a_1_mib_member_of_unending_row_tags_is_refused_and_holds_up_nothing(content):
    data = _rewrite(GURU, "xl/worksheets/sheet1.xml", content, stored=True)  # stored: no ratio to refuse it by
    assert len(data) > 2**20
    # a hang guard, not a speed target: the regression this catches took many minutes
    done = subprocess.run(
        [sys.executable, "-c", _HANG_GUARD], input=data, capture_output=True, cwd=ROOT, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    assert done.stdout.decode().strip() == "file.corrupt", done.stderr.decode()[-500:]


def test_a_row_tag_finds_its_row_number_after_a_quoted_angle_bracket():
    assert xlsx_child.row_numbers(b'<row spans="1:3" a=">" r="7"><c/></row><x:row r="8">') == [7, 8]


def test_a_zip_of_more_members_than_a_workbook_has_is_refused_from_its_directory(no_child):
    buf = io.BytesIO(GURU)
    with zipfile.ZipFile(buf, "a") as zf:
        for i in range(reader.MAX_MEMBERS):
            zf.writestr(f"xl/media/image{i}.png", b"")
    with pytest.raises(UnreadableFile) as exc:
        read_file(buf.getvalue(), "x.xlsx")
    assert exc.value.code == "file.too_many_parts" and exc.value.params["max"] == reader.MAX_MEMBERS


def test_a_workbook_declaring_more_than_the_total_size_is_refused_from_its_directory(monkeypatch, no_child):
    monkeypatch.setattr(reader, "MAX_UNCOMPRESSED", 1000)
    assert _code(GURU) == "file.zip_bomb"


def _patch_central(data: bytes, member: str, offset: int, value: int) -> bytes:
    """``data`` with one 4-byte field of ``member``'s central-directory entry (and local header) set to ``value``."""
    out = bytearray(data)
    at = 0
    while (at := out.find(b"PK\x01\x02", at + 1)) != -1:
        name_len = struct.unpack_from("<H", out, at + 28)[0]
        if out[at + 46 : at + 46 + name_len].decode() == member:
            struct.pack_into("<I", out, at + offset, value)
            local = struct.unpack_from("<I", out, at + 42)[0]
            struct.pack_into("<I", out, local + offset - 2, value)  # the local header has the same fields 2 bytes earlier
            return bytes(out)
    raise AssertionError(member)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: _patch_central(d, "xl/worksheets/sheet1.xml", 24, 100),  # declares 100 bytes, inflates to more
        lambda d: _patch_central(d, "xl/worksheets/sheet1.xml", 16, 0x12345678),  # CRC that does not match
        lambda d: d[: len(d) // 2],  # truncated: the directory at the end is gone
        lambda d: d[:-30],  # truncated inside the directory
    ],
    ids=["size-smaller-than-inflated", "crc-mismatch", "truncated-half", "truncated-directory"],
)
def test_a_zip_whose_directory_lies_is_reported_as_damaged_not_as_an_internal_error(damage):
    data = damage(GURU)
    assert _code(data) == "file.corrupt"
    assert [p.code for p in load_file(data, "x.xlsx").report.problems] == ["file.corrupt"]


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
    reader.inspect_xlsx(GURU)
    xlsx_child.check_workbook(GURU, reader._limits())


@pytest.mark.parametrize(
    "data, name, code",
    [
        (b"", "guru.xlsx", "file.empty"),
        (b"   \n\r\n", "guru.csv", "file.empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "guru.xls", "file.not_workbook"),  # OLE2, no workbook in it
        (b"PK\x03\x04 this is not really a zip", "guru.xlsx", "file.corrupt"),  # a zip's start, nothing after
        (b"%PDF-1.4 a report", "guru.pdf", "file.unsupported_type"),
        (b"%PDF-1.4 a report", "guru.xlsx", "file.not_workbook"),
        (b"<html><table><tr><td>x</td></tr></table></html>", "guru.xls", "file.not_workbook"),
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


def test_an_encrypted_workbook_says_encrypted_whatever_its_name():
    from analysis.i18n import t

    data = (FIXTURES / "terenkripsi.xlsx").read_bytes()  # an OLE2 container, as Excel encrypts
    assert _code(data, "guru.xlsx") == _code(data, "guru.xls") == "file.encrypted"
    assert "password" in t("file.encrypted", "en") and "kata sandi" in t("file.encrypted", "id")


def test_an_old_xls_workbook_is_read_with_types_and_merges():
    (sheet,) = read_file((FIXTURES / "guru_biff.xls").read_bytes(), "guru.xls")
    assert sheet.name == "Guru"
    assert sheet.rows[0] == ["NUPTK", "Nama", "JJM", "Tanggal Lahir"]
    assert sheet.rows[1][:3] == ["3201234567890123", "Ani, S.Pd", 24]
    assert sheet.rows[1][3] in (dt.date(1980, 5, 1), dt.datetime(1980, 5, 1))
    assert sheet.merged == [(3, 0, 3, 2)]


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
    (sheet,) = read_file(b'NUPTK,Nama\n1234567890123456,"Ani, S.Pd"\n', "guru.csv")
    assert sheet.rows[1] == ["1234567890123456", "Ani, S.Pd"]


def test_a_windows_1252_csv_is_read_with_a_file_level_warning():
    (sheet,) = read_file("Nama;Jurusan\nAndré;Matemática\n".encode("cp1252"), "guru.csv")
    assert sheet.rows[1] == ["André", "Matemática"]
    [(w_sheet, w_row, w_col, w_sev, w_code)] = [(w.sheet, w.row, w.column, w.severity, w.code) for w in sheet.warnings]
    assert (w_sheet, w_row, w_col, w_sev, w_code) == ("guru", None, None, "warning", "file.cp1252")


def _ods(body: str, *, prolog: str = "", mimetype: str = "application/vnd.oasis.opendocument.spreadsheet") -> bytes:
    """An .ods with one content.xml holding ``body`` inside office:spreadsheet, as LibreOffice lays it out."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        zf.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
        zf.writestr("content.xml", content)
    return buf.getvalue()


def _text(value: str, extra: str = "") -> str:
    return f'<table:table-cell office:value-type="string"{extra}><text:p>{value}</text:p></table:table-cell>'


def _row(*cells: str, extra: str = "") -> str:
    return f"<table:table-row{extra}>{''.join(cells)}</table:table-row>"


def test_an_ods_sheet_is_read_with_its_types_and_trailing_blank_rows_cost_nothing():
    number = '<table:table-cell office:value-type="float" office:value="24"><text:p>24</text:p></table:table-cell>'
    blank = '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    body = f'<table:table table:name="Guru">{_row(_text("NUPTK"), _text("JJM"))}{_row(_text("3201234567890123"), number)}{blank}</table:table>'
    (sheet,) = read_file(_ods(body), "guru.ods")
    assert sheet.name == "Guru"
    assert sheet.rows == [["NUPTK", "JJM"], ["3201234567890123", 24.0]]


def test_an_ods_whose_repeated_rows_reach_past_the_limits_is_refused_before_parsing():
    rows = _row(_text("x"), extra=' table:number-rows-repeated="500000"')
    body = f'<table:table table:name="Guru">{rows}</table:table>'
    assert _checked(_ods(body)) == "file.too_large_range"
    with pytest.raises(UnreadableFile) as exc:
        read_file(_ods(body), "guru.ods")
    assert (exc.value.code, exc.value.params["cell"], exc.value.params["sheet"]) == ("file.too_large_range", "A500000", "Guru")


def test_an_ods_cell_after_many_repeated_blank_cells_counts_where_it_stands(monkeypatch):
    monkeypatch.setattr(reader, "MAX_COLUMNS", 100)
    row = _row('<table:table-cell table:number-columns-repeated="200"/>', _text("x"))
    body = f'<table:table table:name="Guru">{row}</table:table>'
    assert _checked(_ods(body)) == "file.too_large_range"


def test_an_ods_text_repeated_into_gigabytes_is_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(reader, "MAX_UNCOMPRESSED", 10_000_000)
    cell = _text("x" * 30_000, extra=' table:number-columns-repeated="400"')  # 12 MB from 30 KB
    row = _row(cell)
    assert _checked(_ods(f'<table:table table:name="Guru">{row}</table:table>')) == "file.zip_bomb"


def test_an_ods_with_a_document_type_declaration_is_refused_as_damaged():
    assert _checked(_ods("", prolog='<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>')) == "file.corrupt"


def test_an_opendocument_text_file_is_not_a_workbook():
    assert _code(_ods("", mimetype="application/vnd.oasis.opendocument.text"), "surat.odt") == "file.not_workbook"


def _spreadsheetml(worksheets: str, prolog: str = "") -> bytes:
    """An Excel 2003 XML document as Excel (and Dapodik) writes one."""
    return (
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n' + prolog + '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"'
        ' xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n'
        '<DocumentProperties xmlns="urn:schemas-microsoft-com:office:office"><Author>Dapodik</Author></DocumentProperties>\n'
        f"{worksheets}</Workbook>"
    ).encode("utf-8")


DAFTAR_PTK = """<Worksheet ss:Name="Daftar PTK"><Table>
<Row><Cell ss:MergeAcross="2"><Data ss:Type="String">Daftar PTK SMP Negeri 1 Suka & Maju <2025></Data></Cell></Row>
<Row ss:Index="3"><Cell><Data ss:Type="String">NUPTK</Data></Cell><Cell ss:Index="3"><Data ss:Type="String">JJM</Data></Cell></Row>
<Row><Cell><Data ss:Type="String">3201234567890123</Data></Cell><Cell ss:MergeDown="1"><Data ss:Type="DateTime">1980-05-01T00:00:00.000</Data></Cell>
<Cell><Data ss:Type="Number">24</Data><Comment><ss:Data>not a cell value</ss:Data></Comment></Cell></Row>
<Row><Cell><Data ss:Type="Number">3201234567890124</Data></Cell><Cell ss:Index="3"><Data ss:Type="Boolean">1</Data></Cell></Row>
</Table></Worksheet>
"""


@pytest.mark.parametrize("name", ["daftar_ptk.xls", "daftar_ptk.xml", "daftar_ptk"])
def test_an_excel_2003_xml_file_is_read_by_its_content_whatever_its_name(name):
    (sheet,) = read_file(_spreadsheetml(DAFTAR_PTK), name)
    assert sheet.name == "Daftar PTK"
    assert sheet.rows == [
        ["Daftar PTK SMP Negeri 1 Suka & Maju <2025>", None, None],  # raw & and < in the text, as Dapodik wrote them
        [None, None, None],  # row 2 skipped by ss:Index="3"
        ["NUPTK", None, "JJM"],  # column B skipped by ss:Index="3"
        ["3201234567890123", dt.datetime(1980, 5, 1), 24.0],  # the comment's Data is not the cell's
        [3201234567890124.0, None, True],  # B5 is covered by B4's MergeDown: the next cell names its column
    ]
    assert sheet.merged == [(0, 0, 0, 2), (3, 1, 4, 1)]


def test_an_excel_2003_xml_file_reaches_the_validator_through_load_file():
    ds = load_file(_spreadsheetml(DAFTAR_PTK), "daftar_ptk.xls")
    assert ds.report.readable
    assert "file.corrupt" not in [p.code for p in ds.report.problems]


def test_an_excel_2003_xml_file_declaring_entities_expands_none_of_them():
    laughs = '<!DOCTYPE Workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
    sheet = '<Worksheet ss:Name="G"><Table><Row><Cell><Data ss:Type="String">&b;</Data></Cell></Row></Table></Worksheet>'
    assert _code(_spreadsheetml(sheet, prolog=laughs), "x.xls") == "file.corrupt"


def test_an_excel_2003_xml_cell_far_beyond_the_limits_is_refused_before_its_rows_are_built():
    sheet = '<Worksheet ss:Name="G"><Table><Row ss:Index="1048576"><Cell ss:Index="16384"><Data ss:Type="String">x</Data></Cell></Row></Table></Worksheet>'
    with pytest.raises(UnreadableFile) as exc:
        read_file(_spreadsheetml(sheet), "x.xls")
    assert (exc.value.code, exc.value.params["sheet"]) == ("file.too_large_range", "G")


def test_an_excel_2003_xml_text_longer_than_a_cell_can_hold_is_refused():
    sheet = f'<Worksheet ss:Name="G"><Table><Row><Cell><Data ss:Type="String">{"x" * 40_000}</Data></Cell></Row></Table></Worksheet>'
    assert _code(_spreadsheetml(sheet), "x.xls") == "file.text_too_long"


@pytest.mark.parametrize(
    "sheet",
    [
        '<Worksheet ss:Name="G"><Table><Row><Cell><Data ss:Type="String">x</Cell></Row></Table></Worksheet>',
        '<Worksheet ss:Name="G"><Table><Row><Cell ss:Index="0"><Data ss:Type="String">x</Data></Cell></Row></Table></Worksheet>',
        '<Worksheet ss:Name="G"><Table><Row ss:Index="-3"><Cell><Data ss:Type="String">x</Data></Cell></Row></Table></Worksheet>',
    ],
    ids=["not-xml-even-when-escaped", "column-zero", "negative-row"],
)
def test_an_excel_2003_xml_file_that_makes_no_sense_is_reported_as_damaged(sheet):
    assert _code(_spreadsheetml(sheet), "x.xls") == "file.corrupt"


def test_only_bare_ampersands_and_angle_brackets_are_escaped():
    from analysis.ingest.spreadsheetml import escape_bare_markup

    text = b'<Data ss:Type="String">A & B &amp; C &#233; &lt; nilai <75 a<b</Data><!-- c --><![CDATA[x]]>'
    assert escape_bare_markup(text) == b'<Data ss:Type="String">A &amp; B &amp; C &#233; &lt; nilai &lt;75 a&lt;b</Data><!-- c --><![CDATA[x]]>'


def test_a_utf16_csv_is_read_with_or_without_a_bom():
    text = "NUPTK;Nama\n1234567890123456;André\n"
    expected = [["NUPTK", "Nama"], ["1234567890123456", "André"]]
    for data in (text.encode("utf-16"), "\ufeff".encode("utf-16-be") + text.encode("utf-16-be"), text.encode("utf-16-le"), text.encode("utf-16-be")):
        (sheet,) = read_file(data, "guru.csv")
        assert (sheet.rows, sheet.warnings) == (expected, [])


def test_a_csv_that_is_not_the_utf16_its_bom_says_names_the_encoding():
    with pytest.raises(UnreadableFile) as exc:
        read_file(b"\xff\xfeN\x00U\x00\x00\xd8", "guru.csv")  # a lone surrogate
    assert (exc.value.code, exc.value.params) == ("file.bad_encoding", {"encoding": "UTF-16"})


@pytest.mark.parametrize(
    "limit, value, text, cell",
    [
        ("MAX_ROWS", 3, "a\n" * 5, "A4"),
        ("MAX_COLUMNS", 3, "a;b;c;d\n", "D1"),
        ("MAX_CELLS", 10, "a;b;c\n" * 4, "C4"),
    ],
)
def test_a_csv_gets_the_same_row_column_and_cell_limits_as_a_workbook(monkeypatch, limit, value, text, cell):
    monkeypatch.setattr(reader, limit, value)
    with pytest.raises(UnreadableFile) as exc:
        read_file(text.encode(), "guru.csv")
    assert (exc.value.code, exc.value.params) == ("file.too_large_range", {"cell": cell, "sheet": "guru"})


def test_a_csv_with_one_field_longer_than_a_cell_can_hold_is_refused():
    data = b'NUPTK;Nama\n1;"' + b"x" * (reader.MAX_CELL_TEXT + 1) + b'"\n'
    with pytest.raises(UnreadableFile) as exc:
        read_file(data, "guru.csv")
    assert (exc.value.code, exc.value.params) == ("file.text_too_long", {"sheet": "guru", "chars": reader.MAX_CELL_TEXT})


def test_a_csv_larger_than_the_limit_is_refused_before_it_is_decoded(monkeypatch):
    monkeypatch.setattr(reader, "MAX_TEXT_BYTES", 1000)
    assert _code(b"\xff\xfe" + b"a\x00" * 1000, "guru.csv") == "file.too_big"


def test_an_xls_that_calamine_finds_password_protected_says_encrypted(monkeypatch):
    # xlwt cannot encrypt, so the child's answer for such a file is given here
    done = subprocess.CompletedProcess([], 3, b"", b"Workbook is password protected")
    monkeypatch.setattr(reader.subprocess, "run", lambda *a, **k: done)
    assert _code((FIXTURES / "guru_biff.xls").read_bytes(), "guru.xls") == "file.encrypted"


@pytest.mark.parametrize(
    "content",
    [b"<a>" + b"x" * 40_000 + b"</a>", b"<a/>" + b"x" * 40_000, b"<a " + b"x" * 40_000 + b"/>"],
    ids=["between-tags", "after-the-last-tag", "inside-a-tag"],
)
def test_a_stretch_without_a_tag_longer_than_a_cell_is_refused_wherever_it_stands(content):
    assert _checked(_rewrite(GURU, "xl/worksheets/sheet1.xml", content)) == "file.text_too_long"


def test_every_extension_offered_for_upload_has_a_reader():
    for ext in reader.EXTENSIONS:
        try:
            read_file(b"NUPTK\n1", f"x.{ext}")
        except UnreadableFile as exc:
            assert exc.code != "file.unsupported_type", ext
