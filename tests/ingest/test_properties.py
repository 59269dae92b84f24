"""Property test: whatever is done to a sample workbook, loading it never fails and loses no row.

The sample workbooks of :mod:`analysis.samples` (the project's own format and
the three Dapodik exports) are mutated cell by cell — empty cells, long text,
negative and huge numbers, dates, booleans, control characters, markdown,
non-ASCII digits — and sheet by sheet: columns swapped, header cells deleted,
rows duplicated, sheets removed, renamed or added (some named like a data
sheet, some repeating a sheet's name). For every mutated file
:func:`analysis.ingest.load.load_file` must return a report without an internal
error, each sheet of it with
rows read = accepted + rejected + blank and no count below zero, every
message must format in both languages, and the validation report must
download as .xlsx.

Bounded for CI by the ``ci`` profile (40 examples, derandomised, about 30 s);
``HYPOTHESIS_PROFILE=explore`` runs 400 random ones.
"""

from __future__ import annotations

import functools
import io
import os
from datetime import date, datetime

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from analysis import samples
from analysis.ingest.load import load_file
from analysis.reports.validation import report_xlsx
from tests.helpers import patch_workbook

settings.register_profile(
    "ci", max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
settings.register_profile("explore", max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")


def _dapodik(write) -> bytes:
    buf = io.BytesIO()
    write(buf)
    return buf.getvalue()


#: Base files: two of the project's sample workbooks and the three Dapodik exports (built when first used,
#: not when the module is collected).
BASES = {
    "sampel_smpn7_muaro_jambi.xlsx": lambda: samples.workbook_bytes("smpn7_muaro_jambi"),
    "sampel_mts_miftahul_karomah.xlsx": lambda: samples.workbook_bytes("mts_miftahul_karomah"),
    "profil_sekolah.xlsx": lambda: _dapodik(samples.write_dapodik_profil),
    "daftar_ptk.xlsx": lambda: _dapodik(samples.write_dapodik_daftar_ptk),
    "rekap_pembelajaran.xlsx": lambda: _dapodik(samples.write_dapodik_rekap),
}


@functools.cache
def _base(name: str) -> bytes:
    return BASES[name]()


# openpyxl refuses control characters; they are written as private-use
# placeholders and swapped for the OOXML escape (_x0001_) in the saved file.
_CONTROL = [c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)]
_PLACEHOLDER = {chr(c): f"\ue000{c:02X}\ue001" for c in _CONTROL}
_ESCAPES = {f"\ue000{c:02X}\ue001": f"_x{c:04X}_" for c in _CONTROL}

texts = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "![](http://example.invalid/x.png)",
            "[x](http://example.invalid)",
            "<img src=x>",
            "**tebal**",
            "=1+1",
            "@SUM(A1)",
            "-",
            "JUMLAH",
            "Total",
            "'",
            "0",
            "Ya",
            "Tidak",
        ]
    ),
    st.sampled_from(["١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦", "१२३४५६७८", "１２３４５６７８", "12/13/2024", "31/02/2024", "1.23457E+15", "24,5", "1.234,5", "  ", "\n"]),
    st.builds(lambda a, c, b: a + chr(c) + b, st.text(max_size=5), st.sampled_from(_CONTROL), st.text(max_size=5)),
    st.builds(lambda n: "panjang " * n, st.sampled_from([40, 600, 4200])),
)
values = st.one_of(
    st.none(),
    texts,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
)
sheet_names = st.one_of(
    st.sampled_from(["Guru", "Guru (2)", "PTK", "Pelatihan", "Sekolah", "Catatan", "Sheet1", "Data Guru"]),
    st.text(alphabet="abcdefghij XYZ", min_size=1, max_size=12),
)
ops = st.one_of(
    st.tuples(st.just("cell"), st.integers(0, 9), st.integers(1, 60), st.integers(1, 30), values),
    st.tuples(st.just("header"), st.integers(0, 9), st.integers(1, 9), st.integers(1, 30)),
    st.tuples(st.just("swap"), st.integers(0, 9), st.integers(1, 30), st.integers(1, 30)),
    st.tuples(st.just("duplicate_row"), st.integers(0, 9), st.integers(1, 60)),
    st.tuples(st.just("extra_sheet"), sheet_names, st.lists(st.lists(values, max_size=6), max_size=5)),
    st.tuples(st.just("same_name"), st.integers(0, 9)),
    st.tuples(st.just("remove_sheet"), st.integers(0, 9)),
    st.tuples(st.just("rename_sheet"), st.integers(0, 9), sheet_names),
)


def _clean(v: object) -> object:
    return v.translate({ord(k): p for k, p in _PLACEHOLDER.items()}) if isinstance(v, str) else v


def mutate(data: bytes, steps: list[tuple]) -> bytes:
    """``data`` (an .xlsx) with each step of ``steps`` applied, in order."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    renames: dict[str, str] = {}
    for op, *args in steps:
        ws = wb.worksheets[args[0] % len(wb.worksheets)] if isinstance(args[0], int) else None
        if op == "cell":
            _, r, c, v = args
            if type(ws.cell(r, c)).__name__ != "MergedCell":
                ws.cell(r, c).value = _clean(v)
        elif op == "header":
            _, r, c = args
            if type(ws.cell(r, c)).__name__ != "MergedCell":
                ws.cell(r, c).value = None
        elif op == "swap":
            _, a, b = args
            for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
                if max(a, b) <= len(row) and not any(type(x).__name__ == "MergedCell" for x in (row[a - 1], row[b - 1])):
                    row[a - 1].value, row[b - 1].value = row[b - 1].value, row[a - 1].value
        elif op == "duplicate_row":
            _, r = args
            ws.append([c.value for c in ws[min(r, ws.max_row)]])
        elif op == "extra_sheet":
            name, rows = args
            new = wb.create_sheet(name[:31].strip() or "x")  # openpyxl makes the name unique ("Guru1")
            for row in rows:
                new.append([_clean(v) for v in row])
        elif op == "remove_sheet" and len(wb.worksheets) > 1:
            wb.remove(ws)
        elif op == "rename_sheet":
            name = args[1][:31].strip() or "x"
            if name not in wb.sheetnames:
                ws.title = name
        elif op == "same_name" and len(wb.worksheets) > 1:
            # Give the last sheet the name of another one: only another program writes that.
            target = wb.worksheets[args[0] % (len(wb.worksheets) - 1)].title
            last = wb.worksheets[-1]
            token = f"ZZSAME{len(renames)}ZZ"
            last.title = token
            renames[f'name="{token}"'] = f'name="{target}"'
    buf = io.BytesIO()
    wb.save(buf)
    return patch_workbook(buf.getvalue(), _ESCAPES | renames)


# slow: 40 mutated workbooks each read, validated and assembled (about 45 s); make test runs it, make test-fast leaves it out
@pytest.mark.slow
@settings(parent=settings.get_profile(PROFILE))
@given(base=st.sampled_from(sorted(BASES)), steps=st.lists(ops, min_size=1, max_size=12))
def test_a_mutated_sample_workbook_always_loads_and_every_row_is_accounted_for(base, steps):
    data = mutate(_base(base), steps)
    ds = load_file(data, base)
    internal = [p.params for p in ds.report.problems if p.code == "problem.internal"]
    assert not internal, internal
    for s in ds.report.sheets:
        assert min(s.rows_read, s.rows_accepted, s.rows_rejected, s.rows_blank) >= 0, s
        assert s.rows_read == s.rows_accepted + s.rows_rejected + s.rows_blank, s
    for p in ds.report.problems:
        assert p.message("id") and p.message("en")
    assert report_xlsx(ds.report, "id")[:2] == b"PK"
    for key, df in ds.tables.items():
        assert df["_row"].notna().all() and df["_sheet"].notna().all(), key
    guru = ds.tables["guru"]
    assert not guru.duplicated(["_sheet", "_row"]).any(), "a teacher row is known by its sheet and row"
    assert guru["guru_id"].is_unique
