"""Privacy that holds: keyed pseudonyms, small-cell suppression, k-anonymity, no shared files or caches of user data."""

from __future__ import annotations

import hashlib
import hmac
import io
import stat
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from analysis.metrics import privacy
from analysis.reference import subjects
from analysis.reports import exports
from analysis.views import compare, district
from helpers import ROOT

NUPTK = "8211318884024546"


@pytest.fixture(scope="module")
def district_ds(district_dataset):
    return district_dataset


@pytest.fixture
def keep_key(monkeypatch):
    """Restore the process's pseudonym key after a test that sets another."""
    saved = privacy._key, privacy._key_source
    monkeypatch.delenv(privacy.KEY_ENV, raising=False)
    yield
    privacy._key, privacy._key_source = saved


# ------------------------------------------------------------- pseudonyms


def test_the_same_key_gives_the_same_code_and_another_key_another():
    a = privacy.pseudonym(NUPTK, key="kunci-rahasia-dinas-1")
    assert a == privacy.pseudonym(NUPTK, key="kunci-rahasia-dinas-1")
    assert a.startswith("G-") and len(a) == 8
    assert a != privacy.pseudonym(NUPTK, key="kunci-rahasia-dinas-2")
    assert a != privacy.pseudonym("8211318884024547", key="kunci-rahasia-dinas-1")


def test_without_the_key_a_code_cannot_be_recomputed_from_the_nuptk(district_ds):
    key = b"a-deployment-secret-nobody-else-has"
    code = privacy.pseudonym(NUPTK, key=key)[2:]
    n, ds_id = NUPTK.encode(), district_ds.id.encode()
    # Everything someone holding the workbook (and so its content hash) but not the key could compute:
    keyless = [
        hashlib.blake2b(n, digest_size=16).hexdigest(),
        hashlib.blake2b(n, key=ds_id, digest_size=16).hexdigest(),  # the scheme before: keyed by the dataset hash
        hashlib.sha256(n).hexdigest(),
        hashlib.sha256(ds_id + n).hexdigest(),
        hmac.new(b"", n, hashlib.sha256).hexdigest(),
        hmac.new(ds_id, n, hashlib.sha256).hexdigest(),
        hmac.new(privacy.DEMO_KEY, n, hashlib.sha256).hexdigest(),
    ]
    assert all(c[:6] != code for c in keyless)
    assert privacy.pseudonym(NUPTK, district_ds.id, key=key)[2:] == code, "the dataset hash no longer enters"


def test_codes_stay_the_same_across_reference_dates_and_uploads_of_the_same_school(district_ds):
    ds = district_ds
    before = privacy.deidentified_tables(ds.tables, ds.reference_date(), ds.id)["guru"]["kode"]
    pinned = replace(ds, as_of=date(2024, 1, 1))
    after = privacy.deidentified_tables(pinned.tables, pinned.reference_date(), pinned.id)["guru"]["kode"]
    assert before.tolist() == after.tolist()
    guru = ds.tables["guru"]
    smaller = {**ds.tables, "guru": guru.iloc[1:]}  # a later upload: one teacher fewer, another content hash
    again = privacy.deidentified_tables(smaller, ds.reference_date(), "another-upload")["guru"]["kode"]
    assert again.tolist() == before.tolist()[1:]


def test_a_generated_key_is_stored_once_with_owner_only_permissions(tmp_path, keep_key):
    assert privacy.configure_key(directory=tmp_path) == "file"
    path = tmp_path / privacy.KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    first = privacy.pseudonym(NUPTK)
    privacy._key = None
    assert privacy.configure_key(directory=tmp_path) == "file"
    assert privacy.pseudonym(NUPTK) == first, "the same key file gives the same codes"
    assert len(path.read_text().strip()) == 64


def test_the_environment_and_secrets_come_before_the_key_file_and_demo_says_so(tmp_path, keep_key, monkeypatch):
    monkeypatch.setenv(privacy.KEY_ENV, "environment-secret-0123456789")
    assert privacy.configure_key(directory=tmp_path) == "env"
    assert not (tmp_path / privacy.KEY_FILE).exists()
    assert privacy.pseudonym(NUPTK) == privacy.pseudonym(NUPTK, key="environment-secret-0123456789")
    assert privacy.configure_key("streamlit-secret-0123456789", directory=tmp_path) == "secret"
    assert privacy.codes_protected()
    monkeypatch.setenv(privacy.KEY_ENV, "demo")
    assert privacy.configure_key(directory=tmp_path) == "demo"
    assert not privacy.codes_protected()
    with pytest.raises(ValueError):
        privacy.configure_key("short", directory=tmp_path)


def test_the_key_directory_is_ignored_by_git():
    assert "/var/" in (ROOT / ".gitignore").read_text().split()


# ----------------------------------------------------- small-cell suppression


def test_small_cells_and_the_cells_that_would_give_them_back_are_suppressed():
    # Worked by hand. Primary: A.x = 3, B.y = 4.
    # Row A has one -> its smallest other, A.z (15); row B -> B.x (12).
    # Column y has one (B) -> C.y (18 < 20); column z has one (A) -> B.z (30 < 40).
    # Again: row C has one (y) -> C.x (25 < 40). Then every line has 0 or >= 2.
    table = pd.DataFrame({"school": ["A", "B", "C"], "x": [3, 12, 25], "y": [20, 4, 18], "z": [15, 30, 40]})
    out = privacy.suppress(table, ["x", "y", "z"], min_cell=10)
    assert out.to_dict("list") == {"school": ["A", "B", "C"], "x": ["<10", "<10", "<10"], "y": [20, "<10", "<10"], "z": ["<10", "<10", 40]}


def test_without_secondary_only_the_small_cells_go_and_zeros_stay():
    table = pd.DataFrame({"x": [3, 12], "y": [0, 40]})
    out = privacy.suppress(table, ["x", "y"], min_cell=10, secondary=False)
    assert out.to_dict("list") == {"x": ["<10", 12], "y": [0, 40]}


def test_a_table_without_small_cells_is_unchanged():
    table = pd.DataFrame({"x": [10, 12], "y": [11, 40]})
    pd.testing.assert_frame_equal(privacy.suppress(table, ["x", "y"]), table)


def test_the_threshold_comes_from_the_argument_else_the_environment(monkeypatch):
    monkeypatch.setenv(privacy.MIN_CELL_ENV, "5")
    table = pd.DataFrame({"x": [4, 6], "y": [7, 8]})
    assert privacy.suppress(table, ["x", "y"], secondary=False)["x"].tolist() == ["<5", 6]
    assert privacy.suppress(table, ["x", "y"], min_cell=7, secondary=False)["x"].tolist() == ["<7", "<7"]
    monkeypatch.setenv(privacy.MIN_CELL_ENV, "0")
    with pytest.raises(ValueError):
        privacy.cell_threshold()


def test_a_group_under_ten_teachers_shows_every_figure_as_under_ten():
    table = pd.DataFrame({"npsn": ["1", "2"], "n": [8, 12], "mean": [71.5, 80.25], "share": [0.5, 0.25]})
    out = privacy.suppress_small_groups(table, "n", ["mean", "share"], min_cell=10)
    assert out.to_dict("list") == {"npsn": ["1", "2"], "n": ["<10", 12], "mean": ["<10", 80.25], "share": ["<10", 0.25]}


def test_a_researcher_sees_small_schools_figures_as_under_ten_and_others_see_them(district_ds):
    chosen = ["10603812", "60304410"]  # SMPN 8 Prabumulih (50 pendidik) and an MI under 10
    table = district.school_table(district_ds, chosen)
    assert compare.school_table_for(table, suppress=False) is table
    shown = compare.school_table_for(table, suppress=True).set_index("npsn")
    assert shown.loc["60304410", "teachers"] == "<10" and shown.loc["60304410", "domain_mean_pedagogik"] == "<10"
    assert shown.loc["60304410", "band_certified_share"] == "none", "no colour gives the figure away"
    assert shown.loc["10603812", "teachers"] == 50 and shown.loc["10603812", "certified_share"] != "<10"
    assert compare.small_schools(table, True) == {"60304410"} and compare.small_schools(table, False) == set()


# ------------------------------------------------------------ k-anonymity


def test_k_is_the_size_of_the_smallest_group_on_the_quasi_identifiers():
    t = pd.DataFrame({"jk": ["L", "L", "P", "P", "P"], "band": ["<30", "<30", "<30", "<30", None]})
    assert privacy.k_anonymity(t, ["jk"]) == 2
    assert privacy.k_anonymity(t, ["jk", "band"]) == 1, "a missing value is one value"
    assert privacy.k_anonymity(t.iloc[:0], ["jk"]) == 0


def test_generalising_the_age_band_reaches_k_without_suppressing():
    t = pd.DataFrame({"npsn": ["1"] * 4, "jk": ["L"] * 4, "age_band": ["<30", "30-39", "<30", "30-39"]})
    out, rep = privacy.enforce_k_anonymity(t, ["npsn", "jk", "age_band"], k=4)
    assert out["age_band"].tolist() == ["<40"] * 4
    assert (rep.k_before, rep.k_after, rep.generalisations, rep.rows_blanked, rep.rows_dropped) == (2, 4, ["age_band_20y"], 0, 0)


def test_rows_still_too_few_are_blanked_then_dropped():
    t = pd.DataFrame({"npsn": ["1", "1", "1", "2"], "jk": ["L", "L", "P", "P"], "age_band": ["<30"] * 4})
    out, rep = privacy.enforce_k_anonymity(t, ["npsn", "jk", "age_band"], k=2)
    # (1, P) and (2, P) are alone: jk blanked gives (1,*) and (2,*), still alone; npsn blanked: (*,*) has the two.
    assert out.loc[[2, 3], ["npsn", "jk"]].to_numpy().tolist() == [["*", "*"], ["*", "*"]]
    assert (rep.k_after, rep.rows_blanked, rep.rows_dropped) == (2, 2, 0)
    out, rep = privacy.enforce_k_anonymity(t.iloc[:3], ["npsn", "jk"], k=2)
    assert rep.rows_dropped == 1 and len(out) == 2 and rep.k_after == 2


def test_the_sample_districts_researcher_export_is_five_anonymous_and_says_so(district_ds):
    raw = privacy.deidentified_tables(district_ds.tables, district_ds.reference_date())["guru"]
    qi = list(privacy.QUASI_IDENTIFIERS)
    assert privacy.k_anonymity(raw, qi) == 1
    unique_on_four = (privacy._classes(raw, ["npsn", "jk", "age_band", "status_kepegawaian"]) == 1).sum()
    # the issue counted 126 of 301 on the samples of its day; the samples since regenerated after the studies give 127
    assert len(raw) == 301 and unique_on_four > len(raw) / 3, "without generalising, a third of the teachers stand alone"
    wb = openpyxl.load_workbook(io.BytesIO(exports.deidentified_xlsx(district_ds, None, "en")))
    rows = list(wb["guru"].iter_rows(values_only=True))
    guru = pd.DataFrame(rows[1:], columns=rows[0])
    assert privacy.k_anonymity(guru, qi) >= 5
    readme = "\n".join(str(r[0]) for r in wb["README"].iter_rows(values_only=True))
    assert "k = 5" in readme and "source data: k = 1" in readme and "age band → under 40" in readme
    rep = privacy.deidentified_tables(district_ds.tables, district_ds.reference_date(), k=5)["guru"].attrs["k_anonymity"]
    assert f"{rep.rows_blanked} of 301 guru rows" in readme
    assert rep.rows_blanked + rep.rows_dropped > 0 and len(guru) == 301 - rep.rows_dropped


def test_a_head_is_never_singled_out_by_jenis_ptk(district_ds):
    guru = district_ds.tables["guru"]
    assert (guru["jenis_ptk"] == "Kepala Sekolah").any(), "the sample needs heads"
    out = privacy.deidentified_tables(district_ds.tables, district_ds.reference_date())["guru"]
    assert "Kepala Sekolah" not in set(out["jenis_ptk"])
    heads = guru["jenis_ptk"].eq("Kepala Sekolah").to_numpy()
    assert set(out.loc[heads, "jenis_ptk"]) == {"Pendidik"}


def test_the_count_sheet_hides_small_cells_and_their_complements(district_ds):
    counts = exports.school_counts(district_ds.tables, "en").set_index("npsn")
    assert counts.loc["60304410", "total"] == "<10"
    row = counts.loc["10603812"]
    assert row["total"] == 50 and (row["ASN"] == "<10") == (row["Non-ASN"] == "<10"), "one hidden cell never stands alone in a row"


# ------------------------------------------- no shared files, no shared caches


def test_an_uploaded_reference_table_is_read_from_memory_not_a_file():
    table, problems = subjects.read_prodi_table(b"jurusan_prodi,mata_pelajaran\nIlmu Falak Terapan,Matematika\n")
    assert not problems
    source = subjects.reference_source(table)
    assert source.startswith("memory:") and not Path(source).exists()
    assert subjects.qualified_subjects("Ilmu Falak Terapan", source) == frozenset({"Matematika"})
    assert subjects.qualified_subjects("Ilmu Falak Terapan") is None, "the bundled table is untouched"
    assert subjects.reference_source(table) == source, "the same content, the same key"


def test_no_page_or_ui_module_writes_a_temporary_file_or_caches_a_users_data():
    for path in [*ROOT.glob("ui/*.py"), *ROOT.glob("app_pages/*.py"), ROOT / "analysis" / "reference" / "subjects.py"]:
        text = path.read_text()
        assert "tempfile" not in text and "gettempdir" not in text, path
    cached = []
    for p in [*ROOT.glob("ui/*.py"), *ROOT.glob("app_pages/*.py")]:
        lines = p.read_text().splitlines()
        for i, line in enumerate(lines):
            if line.lstrip().startswith("@st.cache_"):
                following = next(x for x in lines[i + 1 :] if x.lstrip().startswith("def "))
                cached.append((p.name, line.strip(), following.split("(")[0].split()[-1]))
    # across sessions: the bundled sample data, and the upload slots (a semaphore, no data)
    # auth.py's _open holds the store's engine and session factory: connections, no user data
    # (every read goes to the database, scoped per account, and is remembered per session only).
    # cache.py's _shared holds analyses of the bundled sample data in demo mode only (ui.cache.sharable).
    assert sorted(cached) == [
        ("auth.py", "@st.cache_resource(show_spinner=False)", "_open"),
        ("cache.py", "@st.cache_data(show_spinner=False, max_entries=256)", "_shared"),
        ("state.py", "@st.cache_data(show_spinner=False, max_entries=4)", "_read_samples"),
        ("state.py", "@st.cache_resource", "upload_slots"),
    ], cached
