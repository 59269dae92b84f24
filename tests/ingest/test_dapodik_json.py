"""Dapodik's web-service JSON (getGtk, getRombonganBelajar, getSekolah) loads like the Excel exports."""

import io
import json

import pytest

from analysis import samples
from analysis.core.errors import UnreadableFile
from analysis.ingest import dapodik_json
from analysis.ingest.load import load_file
from analysis.ingest.reader import read_file
from analysis.reference import subjects
from analysis.views import summary

PAYLOAD = samples.dapodik_json_payload()
PEOPLE = samples.dapodik_mixed_people()
NPSN = samples.DAPODIK_SCHOOL["npsn"]


def _bytes(payload) -> bytes:
    buf = io.BytesIO()
    samples.write_dapodik_json(buf, payload)
    return buf.getvalue()


def _codes(ds):
    return [(p.sheet, p.row, p.column, p.severity, p.code) for p in ds.report.problems]


@pytest.fixture(scope="module")
def bundle():
    return load_file(_bytes(PAYLOAD), "dapodik_webservice.json")


def test_a_bundle_of_the_three_answers_is_read_as_dapodik_json_and_every_row_is_accounted_for(bundle):
    assert bundle.report.layout == "dapodik_json"
    got = {s.table: (s.sheet, s.rows_read, s.rows_accepted, s.rows_rejected) for s in bundle.report.sheets}
    n_lessons = sum(len(r["pembelajaran"]) for r in PAYLOAD["WebService/getRombonganBelajar"]["rows"])
    assert got["sekolah"] == ("getSekolah", 1, 1, 0)
    assert got["guru"] == ("getGtk", len(PEOPLE), len(PEOPLE), 0)
    assert got["mengajar"][1] == got["mengajar"][2] < n_lessons  # pembelajaran rows summed per teacher × subject
    for s in bundle.report.sheets:
        assert s.rows_read == s.rows_accepted + s.rows_rejected + s.rows_blank
    assert bundle.report.exit_code() == 0


def test_the_npsn_and_school_come_from_getsekolah_and_every_ptk_is_linked_to_it(bundle):
    assert bundle.tables["sekolah"]["npsn"].tolist() == [NPSN]
    assert bundle.tables["sekolah"]["nama_sekolah"].iloc[0] == samples.DAPODIK_SCHOOL["nama_sekolah"]
    assert set(bundle.tables["guru"]["npsn"]) == {NPSN}


def test_pembelajaran_is_linked_to_its_ptk_by_ptk_id_with_the_jjm_of_every_class_summed(bundle):
    m = bundle.tables["mengajar"]
    got = {(n, s): j for n, s, j in zip(m["nuptk"], m["mata_pelajaran"], m["jjm"]) if n is not None}
    expected: dict = {}
    for p in PEOPLE.to_dict("records"):
        for s, h in p["_subjects"] if p["nuptk"] else []:
            key = (p["nuptk"], subjects.canonical_subject(s))
            expected[key] = expected.get(key, 0.0) + h
    assert got == expected


def test_a_ptk_without_nuptk_keeps_her_subjects_and_hours_on_her_guru_row():
    payload = json.loads(json.dumps(PAYLOAD))
    first = payload["WebService/getGtk"]["rows"][0]  # Bahasa Inggris 18 JJM and Seni Budaya 6 JJM, in two classes each
    first["nuptk"] = None
    ds = load_file(_bytes(payload), "honorer.json")
    assert ("getGtk", 1, "nuptk", "warning", "problem.nuptk_empty") in _codes(ds)
    g = ds.tables["guru"]
    honorer = g[g["nuptk"].isna()]
    assert (honorer["nama"].tolist(), honorer["jjm"].tolist()) == ([first["nama"]], [24.0])
    m = ds.tables["mengajar"]
    assert sorted(m.loc[m["guru_id"] == honorer["guru_id"].iloc[0], "mata_pelajaran"]) == ["Bahasa Inggris", "Seni Budaya"]


def test_the_json_shows_the_out_of_field_teaching_worked_out_by_hand(bundle):
    s = summary.summarize(bundle)["schools"][0]
    # 7 of 25 teachers; out-of-field hours: Seni Budaya 6 + Informatika 4 + Prakarya 4 + IPA 6 + Muatan Lokal 4
    # + Seni Budaya 6 + PJOK 4 = 34 of the school's 560 JJM
    assert (s["teachers"], s["out_of_field_unknown"]) == (25, 0)
    assert s["out_of_field_share_headcount"] == pytest.approx(7 / 25)
    assert s["out_of_field_share_jjm"] == pytest.approx(34 / 560, abs=1e-4)


def test_kependidikan_comes_from_the_latest_formal_education_record(bundle):
    got = bundle.tables["guru"]["kependidikan"].tolist()
    assert got == [v == "Ya" for v in PEOPLE["kependidikan"]]  # 25 teachers Ya, 5 staff Tidak, in record order


def test_personal_fields_are_dropped_listed_and_never_reach_a_table_or_problem(bundle):
    assert set(samples.FAKE_PERSONAL_JSON) <= set(bundle.report.dropped_columns)
    fake = {str(v) for v in samples.FAKE_PERSONAL_JSON.values()}
    for df in bundle.tables.values():
        for col in df.columns:
            assert not fake & {str(v) for v in df[col].dropna()}, col
    assert not fake & {str(p.value) for p in bundle.report.problems}


def test_a_lone_getgtk_answer_is_read_and_warns_that_no_npsn_links_its_teachers():
    ds = load_file(_bytes(PAYLOAD["WebService/getGtk"]), "getGtk.json")
    assert ds.report.layout == "dapodik_json"
    assert len(ds.tables["guru"]) == len(PEOPLE) and ds.tables["mengajar"].empty
    assert ("getGtk", None, None, "warning", "problem.dapodik_json_no_npsn") in _codes(ds)


def test_a_bare_list_of_ptk_records_is_read_too():
    ds = load_file(_bytes(PAYLOAD["WebService/getGtk"]["rows"]), "gtk.json")
    assert len(ds.tables["guru"]) == len(PEOPLE)


def test_a_pembelajaran_of_an_unknown_ptk_or_with_a_bad_jjm_is_rejected_at_its_own_record():
    payload = json.loads(json.dumps(PAYLOAD))
    lessons = payload["WebService/getRombonganBelajar"]["rows"][0]["pembelajaran"]
    lessons[0]["ptk_id"] = "ptk-tidak-ada"
    lessons[1]["jam_mengajar_per_minggu"] = "dua"
    ds = load_file(_bytes(payload), "rusak.json")
    errors = sorted((p.sheet, p.row, p.severity) for p in ds.report.problems if p.severity == "error")
    assert errors == [("getRombonganBelajar", 1, "error"), ("getRombonganBelajar", 2, "error")]
    s = next(s for s in ds.report.sheets if s.table == "mengajar")
    assert s.rows_rejected == 2 and s.rows_read == s.rows_accepted + s.rows_rejected + s.rows_blank


def test_a_lone_getrombonganbelajar_answer_says_its_teachers_are_unknown():
    ds = load_file(_bytes(PAYLOAD["WebService/getRombonganBelajar"]), "rombel.json")
    assert ("getRombonganBelajar", None, None, "error", "problem.dapodik_json_no_gtk") in _codes(ds)
    assert ds.tables["mengajar"].empty


@pytest.mark.parametrize(
    "data, code",
    [
        (b'{"rows": [', "file.json_malformed"),
        (b"\xff\xfe{}", "file.json_malformed"),
        (b'{"data": {"siswa": [1, 2]}}', "file.json_unknown_shape"),
        (b'{"rows": [{"nisn": "1", "nama": "Pupil"}]}', "file.json_unknown_shape"),
        (b"[" * 100_000 + b"]" * 100_000, "file.json_too_deep"),
        (b'{"rows": [[[[[[[[[[1]]]]]]]]]]}', "file.json_too_deep"),
    ],
    ids=["truncated", "not_utf8", "other_shape", "pupils", "deep_beyond_python", "deep"],
)
def test_a_broken_or_foreign_json_is_one_clear_file_level_problem(data, code):
    ds = load_file(data, "x.json")
    assert not ds.report.readable
    assert [(p.severity, p.code) for p in ds.report.problems] == [("error", code)]
    assert ds.report.problems[0].message("en") and ds.report.problems[0].message("id")


def test_a_json_over_the_size_or_container_limits_is_refused_before_parsing(monkeypatch):
    data = _bytes(PAYLOAD)
    monkeypatch.setattr(dapodik_json, "MAX_JSON_BYTES", len(data) - 1)
    with pytest.raises(UnreadableFile) as exc:
        read_file(data, "x.json")
    assert exc.value.code == "file.json_too_large"
    monkeypatch.setattr(dapodik_json, "MAX_JSON_BYTES", len(data))
    monkeypatch.setattr(dapodik_json, "MAX_CONTAINERS", 10)
    with pytest.raises(UnreadableFile) as exc:
        read_file(data, "x.json")
    assert exc.value.code == "file.json_too_complex"


def test_a_json_named_txt_is_recognised_by_its_content():
    assert [s.name for s in read_file(_bytes(PAYLOAD), "export.txt")] == ["getSekolah", "getGtk", "getRombonganBelajar"]


def test_the_project_workbook_is_never_taken_for_json():
    assert dapodik_json.adapt(read_file(samples.workbook_bytes("smpn8_prabumulih"), "smpn8.xlsx")) is None
