"""The template workbook and docs/workbook-format.md agree with the schema, and a filled template loads."""

import io
from datetime import datetime

import openpyxl
import pytest

from analysis.core import schema
from analysis.ingest.load import load_file
from analysis.ingest.template import INSTRUCTIONS_SHEET, LISTS_SHEET, TEMPLATE_FILE, build_template, workbook_format_markdown
from helpers import ROOT


@pytest.fixture(scope="module")
def template_bytes() -> bytes:
    return build_template()


@pytest.fixture(scope="module")
def wb(template_bytes):
    return openpyxl.load_workbook(io.BytesIO(template_bytes))


def test_the_template_has_instructions_then_every_schema_sheet_then_the_hidden_lists(wb):
    assert wb.sheetnames == [INSTRUCTIONS_SHEET, *(s.name for s in schema.SHEETS), LISTS_SHEET]
    assert wb[LISTS_SHEET].sheet_state == "hidden"


@pytest.mark.parametrize("sheet", schema.SHEETS, ids=lambda s: s.name)
def test_every_template_sheet_has_the_schema_headers_in_order(wb, sheet):
    headers = [c.value for c in wb[sheet.name][1]]
    assert headers == [c.header for c in sheet.columns]


def test_the_instructions_describe_every_column_of_every_sheet(wb):
    described = {(r[0], r[1]) for r in wb[INSTRUCTIONS_SHEET].iter_rows(values_only=True)}
    for sheet in schema.SHEETS:
        for col in sheet.columns:
            assert (sheet.name, col.header) in described


def _validation_for(ws, column_letter: str):
    for dv in ws.data_validations.dataValidation:
        if any(str(r).startswith(f"{column_letter}2:") for r in dv.sqref.ranges):
            return dv
    return None


def _list_values(wb, formula: str) -> list[str]:
    ref = formula.lstrip("=").split("!")[1].replace("$", "")
    return [c.value for row in wb[LISTS_SHEET][ref] for c in row]


def test_every_closed_list_column_has_a_drop_down_with_exactly_the_allowed_values(wb):
    checked = 0
    for sheet in schema.SHEETS:
        ws = wb[sheet.name]
        for j, col in enumerate(sheet.columns, start=1):
            if col.type != "choice":
                continue
            dv = _validation_for(ws, openpyxl.utils.get_column_letter(j))
            assert dv is not None and dv.type == "list", (sheet.name, col.header)
            assert _list_values(wb, dv.formula1) == list(col.allowed)
            checked += 1
    assert checked >= 10


def test_levels_are_limited_to_whole_numbers_from_1_to_4(wb):
    sheet = schema.SHEETS_BY_KEY["penilaian"]
    letter = openpyxl.utils.get_column_letter(sheet.keys.index("k1") + 1)
    dv = _validation_for(wb["Penilaian"], letter)
    assert (dv.type, dv.formula1, dv.formula2) == ("whole", "1", "4")


def test_id_columns_are_formatted_as_text_so_long_numbers_keep_their_digits(wb):
    ws = wb["Guru"]
    for key in ("npsn", "nuptk", "nip"):
        letter = openpyxl.utils.get_column_letter(schema.SHEETS_BY_KEY["guru"].keys.index(key) + 1)
        assert ws[f"{letter}50"].number_format == "@"


def test_a_template_with_its_example_rows_left_in_imports_no_example_row_and_one_notice_per_sheet(template_bytes):
    ds = load_file(template_bytes, TEMPLATE_FILE)
    examples = {"Sekolah": 1, "Guru": 1, "Mengajar": 1, "Pelatihan": 1, "Penilaian": 2, "Kendala": 1, "Kinerja": 2}
    assert {s.sheet: s.rows_read for s in ds.report.sheets} == examples
    assert all(s.rows_accepted == 0 and s.rows_rejected == 0 and s.rows_blank == s.rows_read for s in ds.report.sheets)
    assert all(len(df) == 0 for df in ds.tables.values()), "no fictional school or teacher"
    assert ds.reference_date() is None, "the example UKG row does not move the reference date"
    notices = [p for p in ds.report.problems if p.code == "problem.example_rows"]
    assert sorted(p.sheet for p in notices) == sorted(examples) and all(p.severity == "warning" for p in notices)
    assert [p for p in ds.report.problems if p.code != "problem.example_rows"] == [], "the examples themselves are valid rows"


def test_an_example_row_typed_over_with_real_ids_is_read_as_data(template_bytes):
    wb = openpyxl.load_workbook(io.BytesIO(template_bytes))
    ws = wb["Sekolah"]
    ws.cell(row=2, column=schema.SHEETS_BY_KEY["sekolah"].keys.index("npsn") + 1, value="10603456")
    buf = io.BytesIO()
    wb.save(buf)
    ds = load_file(buf.getvalue(), "terisi.xlsx")
    assert ds.tables["sekolah"]["npsn"].tolist() == ["10603456"]
    assert "Sekolah" not in {p.sheet for p in ds.report.problems if p.code == "problem.example_rows"}


def test_a_filled_template_round_trips_through_the_loader(template_bytes):
    wb = openpyxl.load_workbook(io.BytesIO(template_bytes))
    guru = schema.SHEETS_BY_KEY["guru"]
    row = {c.key: None for c in guru.columns}
    row.update(
        npsn="10603456",
        nama="Rahmat Hidayat",
        nuptk="6543210987654321",
        jk="L",
        status_kepegawaian="PPPK",
        jenis_ptk="Guru Mapel",
        jenjang_pendidikan="S1",
        jurusan_prodi="Pendidikan Bahasa Inggris",
        kependidikan="Ya",
        mengajar="Bahasa Inggris; Seni Budaya",
        jjm=24,
        tik_laptop=2,
        tik_kka=1,
    )
    wb["Guru"].append([row[c.key] for c in guru.columns])
    pel = schema.SHEETS_BY_KEY["pelatihan"]
    t = {c.key: None for c in pel.columns}
    t.update(
        nuptk="6543210987654321",
        nama_pelatihan="MGMP Bahasa Inggris",
        jenis="MGMP",
        tanggal_mulai=datetime(2025, 1, 15),
        tanggal_selesai=datetime(2025, 1, 15),
        jp=4,
    )
    wb["Pelatihan"].append([t[c.key] for c in pel.columns])
    buf = io.BytesIO()
    wb.save(buf)

    ds = load_file(buf.getvalue(), "terisi.xlsx")
    assert ds.report.rows_rejected == 0, [p.as_dict() for p in ds.report.problems]
    g = ds.tables["guru"].set_index("nuptk")
    assert g.loc["6543210987654321", "jurusan_prodi"] == "Pendidikan Bahasa Inggris"
    assert g.loc["6543210987654321", "tik_laptop"] == 2
    m = ds.tables["mengajar"]
    assert sorted(m.loc[m["guru_id"] == "6543210987654321", "mata_pelajaran"]) == ["Bahasa Inggris", "Seni Budaya"]
    assert (ds.tables["pelatihan"]["guru_id"] == "6543210987654321").sum() == 1


def test_the_workbook_format_document_is_the_generated_one():
    on_disk = (ROOT / "docs" / "workbook-format.md").read_text(encoding="utf-8")
    assert on_disk == workbook_format_markdown(), "run: python -m analysis.ingest.template ."


def test_the_document_lists_every_header_and_alias():
    doc = workbook_format_markdown()
    for sheet in schema.SHEETS:
        assert f"## {sheet.name}" in doc
        for col in sheet.columns:
            assert f"| {col.header} | `{col.key}` |" in doc
            for alias in col.aliases:
                assert alias.replace("|", "\\|") in doc


def test_the_template_in_data_is_the_generated_one(wb):
    shipped = openpyxl.load_workbook(ROOT / "data" / TEMPLATE_FILE)
    assert shipped.sheetnames == wb.sheetnames
    for name in wb.sheetnames:
        assert [[c for c in r] for r in shipped[name].iter_rows(max_row=5, values_only=True)] == [
            [c for c in r] for r in wb[name].iter_rows(max_row=5, values_only=True)
        ]
