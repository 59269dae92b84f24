"""The shared store: submissions, current data, scope per role, accounts, audit log, migrations.

Every test that takes ``store`` runs on SQLite and on PostgreSQL (tests/pg.py).
"""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pandas as pd
import pytest
from sqlalchemy import func, select, text

from analysis import store as st
from analysis.ingest.load import load_file
from analysis.store import frames
from analysis.store.models import AuditEntry, Base, School, Submission, SubmissionSchool, SubmissionSheet, SubmissionTable, utcnow
from tests import pg
from tests.helpers import GURU_HEADER, ROOT, guru_row, workbook_bytes
from tests.pg import postgresql_url  # noqa: F401  (fixture)

PASSWORD = "rahasia-sekali"
A, B, C = "10603456", "10603457", "20301234"  # A and B in Kota Prabumulih, C in Kabupaten Bulukumba
KAB = {A: "Kota Prabumulih", B: "Kota Prabumulih", C: "Kab. Bulukumba"}
SEKOLAH_HEADER = ["NPSN", "Nama Sekolah", "Jenjang", "Status", "Kabupaten/Kota", "Tanggal Unduh"]


def school_file(*npsns: str, teacher: str = "Guru Contoh", day: str = "2025-07-01") -> bytes:
    """A small workbook: one Sekolah row and two teachers per school."""
    sekolah = [SEKOLAH_HEADER] + [[n, f"SMP Negeri {n[-2:]}", "SMP", "Negeri", KAB[n], day] for n in npsns]
    guru = [GURU_HEADER]
    for n in npsns:
        guru.append(guru_row(f"{n}00000001", NPSN=n, Nama=f"{teacher} {n}"))
        guru.append(guru_row(f"{n}00000002", NPSN=n, Nama=f"Guru Kedua {n}", Mengajar="IPA"))
    return workbook_bytes({"Sekolah": sekolah, "Guru": guru})


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch):
    """argon2 at its lowest cost: the tests check the logic, not the hash's strength."""
    from argon2 import PasswordHasher

    from analysis.store import users as accounts

    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'dasbor.sqlite3'}"
    else:
        url = request.getfixturevalue("postgresql_url")
    s = st.open_store(url, keep_originals_=False)
    yield s
    s.close()


@pytest.fixture
def users(store):
    return {
        "kepala_a": st.add_user(store, "kepala_a", "kepala_sekolah", PASSWORD, npsn=[A]),
        "kepala_c": st.add_user(store, "kepala_c", "kepala_sekolah", PASSWORD, npsn=[C]),
        "dinas": st.add_user(store, "dinas_prabumulih", "dinas", PASSWORD, kabupaten="KOTA PRABUMULIH"),
        "dinas_c": st.add_user(store, "dinas_bulukumba", "dinas", PASSWORD, kabupaten="Kabupaten Bulukumba"),
        "peneliti": st.add_user(store, "peneliti", "peneliti", PASSWORD),
        "admin": st.add_user(store, "admin", "admin", PASSWORD),
    }


def count(store, model) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model))


# --- migrations and engine ---------------------------------------------------------


def test_without_postgresql_the_tests_skip_on_a_laptop_but_fail_under_ci(monkeypatch):
    monkeypatch.delenv(pg.ENV, raising=False)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        pg.server_url()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        pg.server_url()


def test_the_migrations_go_down_to_nothing_and_up_again(tmp_path):
    from alembic import command
    from sqlalchemy import inspect

    from analysis.store.engine import alembic_config

    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    st.open_store(url).close()
    command.downgrade(alembic_config(url), "base")
    engine = st.make_engine(url)
    assert inspect(engine).get_table_names() == ["alembic_version"]
    st.init_db(engine)
    assert "submissions" in inspect(engine).get_table_names()
    engine.dispose()


def test_the_migrated_schema_equals_the_models(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_opening_a_store_twice_migrates_once_and_keeps_the_data(store, users):
    again = st.open_store(store.engine.url.render_as_string(hide_password=False))
    assert [u.name for u in st.list_users(again)] == sorted(u.name for u in users.values())
    again.close()


def test_sqlite_runs_with_wal_and_foreign_keys(tmp_path):
    s = st.open_store(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with s.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
    s.close()


def test_the_default_store_is_a_sqlite_file_in_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("DASBOR_DATABASE_URL", raising=False)
    monkeypatch.setenv("DASBOR_DATA_DIR", str(tmp_path / "data"))
    assert st.database_url() == f"sqlite:///{tmp_path / 'data' / 'dasbor.sqlite3'}"
    monkeypatch.setenv("DASBOR_DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert st.database_url() == "postgresql+psycopg://u@h/db"


def test_a_table_round_trips_through_parquet_with_every_dtype_and_none_kept():
    df = pd.DataFrame(
        {
            "_row": pd.array([2, None], dtype="Int64"),
            "npsn": pd.Series(["10603456", None], dtype=object),
            "flag": pd.array([True, None], dtype="boolean"),
            "jjm": [24.0, float("nan")],
            "tgl": pd.to_datetime(["2025-01-02", None]),
        }
    )
    df.attrs = {"sheet": "Guru"}
    back = frames.from_parquet(frames.to_parquet(df))
    pd.testing.assert_frame_equal(back, df, check_exact=True)
    assert back["npsn"][1] is None and back.attrs == {"sheet": "Guru"}


# --- storing submissions ---------------------------------------------------------------


def test_a_stored_submission_reads_back_exactly_as_validated(store, users):
    data = school_file(A)
    res = st.submit_file(store, users["kepala_a"], data, "smp_a.xlsx")
    assert res.status == "stored" and res.npsn == (A,)
    expected = load_file(data, "smp_a.xlsx")
    got = st.datasets_for(store, users["kepala_a"])
    for name in ("sekolah", "guru", "mengajar", "pelatihan", "penilaian", "kendala"):
        pd.testing.assert_frame_equal(got.tables[name], expected.tables[name], check_exact=True)
    assert got.report.as_dict("en") == expected.report.as_dict("en")
    assert got.as_of == expected.reference_date()


def test_a_submission_keeps_its_metadata_and_counts_per_sheet(store, users):
    data = school_file(A)
    res = st.submit_file(store, users["kepala_a"], data, "smp_a.xlsx")
    with store.session() as s:
        sub = s.get(Submission, res.submission_id)
        sheets = s.scalars(select(SubmissionSheet).where(SubmissionSheet.submission_id == sub.id).order_by(SubmissionSheet.position)).all()
        assert (sub.file_name, sub.layout, sub.uploader.name, len(sub.sha256)) == ("smp_a.xlsx", "workbook", "kepala_a", 64)
        assert sub.uploaded_at.utcoffset() == timedelta(0) and str(sub.reference_date) == "2025-07-01"
        assert [(x.sheet, x.rows_read, x.rows_accepted) for x in sheets] == [("Sekolah", 1, 1), ("Guru", 2, 2)]
        assert sub.original is None


def test_the_same_file_twice_is_recognised_and_not_stored_again(store, users):
    data = school_file(A)
    first = st.submit_file(store, users["kepala_a"], data, "smp_a.xlsx")
    again = st.submit_file(store, users["kepala_a"], data, "copy.xlsx")
    assert (again.status, again.submission_id) == ("duplicate", first.submission_id)
    assert count(store, Submission) == 1


def test_a_duplicate_stored_by_someone_else_meanwhile_is_recognised_by_the_unique_constraint(store, users, monkeypatch):
    from analysis.store import submissions

    data = school_file(A)
    first = st.submit_file(store, users["kepala_a"], data, "smp_a.xlsx")
    monkeypatch.setattr(submissions, "_existing", lambda *a, _calls=[]: _calls.append(1) or (None if len(_calls) == 1 else first.submission_id))
    again = st.submit_file(store, users["kepala_a"], data, "smp_a.xlsx")
    assert (again.status, again.submission_id) == ("duplicate", first.submission_id)
    assert count(store, Submission) == 1


def test_a_failure_midway_leaves_nothing_stored(store, users, monkeypatch):
    calls = []
    real = frames.to_parquet

    def failing(df):
        calls.append(1)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(df)

    monkeypatch.setattr(frames, "to_parquet", failing)
    res = st.submit_file(store, users["kepala_a"], school_file(A), "smp_a.xlsx")
    assert (res.status, res.reason) == ("refused", "store.refused.internal")
    assert len(calls) == 3
    assert [count(store, m) for m in (Submission, SubmissionSchool, SubmissionSheet, SubmissionTable, School)] == [0, 0, 0, 0, 0]


def test_the_original_file_is_kept_only_when_the_deployment_opts_in(store, users):
    data = school_file(A)
    store.keep_originals = True
    res = st.submit_file(store, users["kepala_a"], data, "smp_a.xlsx")
    with store.session() as s:
        assert s.get(Submission, res.submission_id).original == data


def test_a_kepala_sekolah_may_upload_only_for_own_school(store, users):
    res = st.submit_file(store, users["kepala_a"], school_file(A, B), "two.xlsx")
    assert (res.status, res.reason, res.params) == ("refused", "store.refused.not_your_school", {"npsn": B})
    assert count(store, Submission) == 0


def test_a_dinas_may_upload_for_its_kabupaten_but_not_for_another(store, users):
    assert st.submit_file(store, users["dinas"], school_file(A, B), "district.xlsx").status == "stored"
    assert st.submit_file(store, users["dinas"], school_file(C), "far.xlsx").reason == "store.refused.not_your_school"


def test_a_peneliti_and_an_admin_cannot_upload_and_an_unreadable_file_is_refused(store, users):
    assert st.submit_file(store, users["peneliti"], school_file(A), "a.xlsx").reason == "store.refused.role"
    assert st.submit_file(store, users["admin"], school_file(A), "a.xlsx").reason == "store.refused.role"
    bad = st.submit_file(store, users["kepala_a"], b"not a workbook", "a.xlsx")
    assert bad.reason == "store.refused.unreadable" and "a.xlsx" in bad.message("en")


# --- current data ----------------------------------------------------------------------


def test_the_latest_submission_is_current_and_an_earlier_one_can_be_made_current_again(store, users):
    first = st.submit_file(store, users["kepala_a"], school_file(A, teacher="Lama"), "v1.xlsx")
    second = st.submit_file(store, users["kepala_a"], school_file(A, teacher="Baru"), "v2.xlsx")
    assert st.datasets_for(store, users["kepala_a"]).tables["guru"]["nama"].iloc[0] == f"Baru {A}"
    listed = st.list_submissions(store, users["kepala_a"])
    assert list(zip(listed["submission_id"], listed["current"])) == [(second.submission_id, True), (first.submission_id, False)]
    assert st.load_submission(store, users["kepala_a"], first.submission_id).tables["guru"]["nama"].iloc[0] == f"Lama {A}"
    assert st.make_current(store, users["kepala_a"], first.submission_id) == [A]
    assert st.datasets_for(store, users["kepala_a"]).tables["guru"]["nama"].iloc[0] == f"Lama {A}"


def test_a_district_file_then_a_school_file_give_each_school_only_its_current_rows(store, users):
    st.submit_file(store, users["dinas"], school_file(A, B, teacher="Dinas"), "district.xlsx")
    st.submit_file(store, users["kepala_a"], school_file(A, teacher="Sekolah"), "smp_a.xlsx")
    guru = st.datasets_for(store, users["dinas"]).tables["guru"]
    assert sorted(guru["nama"]) == sorted([f"Sekolah {A}", f"Guru Kedua {A}", f"Dinas {B}", f"Guru Kedua {B}"])
    mine = st.datasets_for(store, users["kepala_a"])
    assert set(mine.tables["guru"]["npsn"]) == {A} and list(mine.tables["sekolah"]["npsn"]) == [A]


def test_a_kepala_sekolah_opening_a_district_file_sees_only_their_school_in_it(store, users):
    res = st.submit_file(store, users["dinas"], school_file(A, B), "district.xlsx")
    ds = st.load_submission(store, users["kepala_a"], res.submission_id)
    assert set(ds.tables["guru"]["npsn"]) == {A} and list(ds.tables["sekolah"]["npsn"]) == [A]
    assert list(st.list_submissions(store, users["kepala_a"])["npsn"]) == [A]


def test_the_data_version_changes_when_a_school_s_current_data_does(store, users):
    before = st.data_version(store)
    first = st.submit_file(store, users["kepala_a"], school_file(A, teacher="Lama"), "v1.xlsx")
    stored = st.data_version(store)
    st.submit_file(store, users["kepala_a"], school_file(A, teacher="Baru"), "v2.xlsx")
    newer = st.data_version(store)
    st.make_current(store, users["kepala_a"], first.submission_id)
    assert len({before, stored, newer, st.data_version(store)}) == 4


def test_a_kepala_sekolah_may_not_make_current_another_schools_submission(store, users):
    res = st.submit_file(store, users["kepala_c"], school_file(C), "c.xlsx")
    with pytest.raises(st.AccessDenied):
        st.make_current(store, users["kepala_a"], res.submission_id)


# --- scope per role --------------------------------------------------------------------


@pytest.fixture
def three_schools(store, users):
    st.submit_file(store, users["dinas"], school_file(A, B), "prabumulih.xlsx")
    st.submit_file(store, users["dinas_c"], school_file(C), "bulukumba.xlsx")
    return users


def test_a_kepala_sekolah_sees_only_own_school_with_names(store, three_schools):
    ds = st.datasets_for(store, three_schools["kepala_a"])
    assert set(ds.tables["sekolah"]["npsn"]) == {A}
    assert sorted(ds.tables["guru"]["nama"]) == [f"Guru Contoh {A}", f"Guru Kedua {A}"]


def test_a_dinas_sees_every_school_of_their_kabupaten_only(store, three_schools):
    assert sorted(st.datasets_for(store, three_schools["dinas"]).tables["sekolah"]["npsn"]) == [A, B]
    assert list(st.schools_for(store, three_schools["dinas_c"])["npsn"]) == [C]


def test_a_peneliti_sees_every_school_de_identified(store, three_schools):
    ds = st.datasets_for(store, three_schools["peneliti"])
    guru = ds.tables["guru"]
    assert sorted(ds.tables["sekolah"]["npsn"]) == [A, B, C]
    assert guru[["nama", "nuptk", "nip", "tanggal_lahir"]].isna().all().all()
    assert guru["guru_id"].str.match(r"^G-[0-9a-f]{6}$").all() and len(guru) == 6
    assert ds.report.problems == [] and ds.tables["kendala"].empty
    again = st.datasets_for(store, three_schools["peneliti"]).tables["guru"]["kode"]
    assert list(again) == list(guru["kode"])  # the deployment's key: the same codes every time


def test_an_admin_sees_accounts_but_no_teacher_data(store, three_schools):
    with pytest.raises(st.AccessDenied):
        st.datasets_for(store, three_schools["admin"])
    with pytest.raises(st.AccessDenied):
        st.load_submission(store, three_schools["admin"], 1)


def test_asking_for_a_school_outside_the_scope_is_denied_and_a_filter_only_narrows(store, three_schools):
    with pytest.raises(st.AccessDenied):
        st.datasets_for(store, three_schools["kepala_a"], npsn=B)
    with pytest.raises(st.AccessDenied):
        st.datasets_for(store, three_schools["dinas"], npsn=C)
    assert list(st.datasets_for(store, three_schools["dinas"], npsn=B).tables["sekolah"]["npsn"]) == [B]
    assert list(st.datasets_for(store, three_schools["peneliti"], kabupaten="Kabupaten Bulukumba").tables["sekolah"]["npsn"]) == [C]


def test_a_disabled_account_reads_nothing(store, three_schools):
    st.disable_user(store, "kepala_a")
    with pytest.raises(st.AccessDenied):
        st.datasets_for(store, three_schools["kepala_a"])


def test_each_school_and_reference_year_gives_that_years_data(store, users):
    st.submit_file(store, users["kepala_a"], school_file(A, teacher="Tahun2024", day="2024-07-01"), "2024.xlsx")
    st.submit_file(store, users["kepala_a"], school_file(A, teacher="Tahun2025a", day="2025-01-10"), "2025a.xlsx")
    st.submit_file(store, users["kepala_a"], school_file(A, teacher="Tahun2025b", day="2025-07-01"), "2025b.xlsx")
    years = st.years_for(store, users["kepala_a"])
    assert list(years) == [(A, 2024), (A, 2025)]
    assert [d.tables["guru"]["nama"].iloc[0] for d in years.values()] == [f"Tahun2024 {A}", f"Tahun2025b {A}"]


# --- accounts and logins ---------------------------------------------------------------


def test_the_right_password_logs_in_and_resets_the_failures(store, users):
    with pytest.raises(st.AuthError):
        st.authenticate(store, "kepala_a", "salah-salah")
    assert st.get_user(store, "kepala_a").failed_logins == 1
    assert st.authenticate(store, "kepala_a", PASSWORD).name == "kepala_a"
    assert st.get_user(store, "kepala_a").failed_logins == 0


def test_five_wrong_passwords_lock_the_account_for_15_minutes(store, users):
    now = utcnow()
    for _ in range(5):
        with pytest.raises(st.AuthError) as e:
            st.authenticate(store, "kepala_a", "salah-salah", now=now)
        assert e.value.reason == "wrong_password"
    assert e.value.locked_until == now + timedelta(minutes=15)
    with pytest.raises(st.AuthError) as e:
        st.authenticate(store, "kepala_a", PASSWORD, now=now + timedelta(minutes=14))
    assert e.value.reason == "locked"
    assert st.authenticate(store, "kepala_a", PASSWORD, now=now + timedelta(minutes=15)).locked_until is None


def test_an_unknown_name_and_a_disabled_account_cannot_log_in(store, users):
    with pytest.raises(st.AuthError) as e:
        st.authenticate(store, "nobody", PASSWORD)
    assert e.value.reason == "unknown"
    st.disable_user(store, "peneliti")
    with pytest.raises(st.AuthError) as e:
        st.authenticate(store, "peneliti", PASSWORD)
    assert e.value.reason == "disabled"


def test_an_account_keeps_only_an_argon2_hash_and_its_region_in_one_spelling(store, users):
    u = st.get_user(store, "dinas_prabumulih")
    assert u.password_hash.startswith("$argon2id$") and PASSWORD not in u.password_hash
    assert u.kabupaten == "Kota Prabumulih"


@pytest.mark.parametrize(
    "args",
    [
        ("x", "kepala_sekolah", PASSWORD, {}),
        ("x", "dinas", PASSWORD, {}),
        ("x", "guru", PASSWORD, {}),
        ("x", "peneliti", "short", {}),
        ("x", "kepala_sekolah", PASSWORD, {"npsn": ["123"]}),
        ("kepala_a", "peneliti", PASSWORD, {}),
    ],
)
def test_add_user_refuses_an_account_it_cannot_scope_or_secure(store, users, args):
    name, role, pw, kw = args
    with pytest.raises(ValueError):
        st.add_user(store, name, role, pw, **kw)


# --- audit log -------------------------------------------------------------------------


def test_logins_uploads_and_views_are_audited_and_only_admins_read_the_log(store, users):
    st.authenticate(store, "kepala_a", PASSWORD)
    st.submit_file(store, users["kepala_a"], school_file(A), "smp_a.xlsx")
    st.datasets_for(store, users["kepala_a"])
    st.record(store, users["kepala_a"], "download", {"what": "guru.csv"})
    log = st.audit_log(store, users["admin"])
    mine = log[log["user_name"] == "kepala_a"]
    assert list(mine["action"])[::-1] == ["login", "upload", "view", "download"]
    assert mine["detail"].iloc[1] == {"npsn": [A]}
    with pytest.raises(st.AccessDenied):
        st.audit_log(store, users["dinas"])


# slow: summarize() runs scipy's exact Wilcoxon test per school and domain (seconds); make test runs it, make test-fast leaves it out
@pytest.mark.slow
def test_the_summary_runs_on_a_peneliti_s_de_identified_data(store, three_schools):
    from analysis.views.summary import summarize

    out = summarize(st.datasets_for(store, three_schools["peneliti"]))
    assert sorted((x["npsn"], x["teachers"]) for x in out["schools"]) == [(A, 2), (B, 2), (C, 2)]


def test_a_peneliti_read_of_de_identified_data_is_not_logged_as_a_view_of_identified_data(store, three_schools):
    st.datasets_for(store, three_schools["peneliti"])
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.user_name == "peneliti")) == 0


# --- command line (SQLite) ---------------------------------------------------------------------


@pytest.fixture
def cli_db(tmp_path, monkeypatch):
    monkeypatch.setenv("DASBOR_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    from analysis.__main__ import main

    def run(*argv, stdin=""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        return main(list(argv))

    return run


def test_users_add_list_and_disable_on_the_command_line(cli_db, capsys):
    assert cli_db("users", "add", "kepala_a", "--role", "kepala_sekolah", "--npsn", A, stdin=PASSWORD + "\n") == 0
    assert cli_db("users", "add", "x", "--role", "kepala_sekolah", stdin=PASSWORD + "\n") == 2
    assert cli_db("users", "disable", "kepala_a") == 0
    capsys.readouterr()
    assert cli_db("users", "list", "--json") == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["name"], row["role"], row["npsn"], row["disabled"]) == ("kepala_a", "kepala_sekolah", [A], True)


def test_import_of_a_folder_reports_each_file_stored_duplicate_or_refused(cli_db, capsys, tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "a.xlsx").write_bytes(school_file(A))
    (folder / "b.xlsx").write_bytes(school_file(A))
    (folder / "c.xlsx").write_bytes(school_file(C))
    cli_db("users", "add", "kepala_a", "--role", "kepala_sekolah", "--npsn", A, stdin=PASSWORD + "\n")
    capsys.readouterr()
    assert cli_db("import", str(folder), "--as", "kepala_a", "--json") == 1
    out = json.loads(capsys.readouterr().out)
    assert [(r["file"], r["status"]) for r in out] == [("a.xlsx", "stored"), ("b.xlsx", "duplicate"), ("c.xlsx", "refused")]


def test_summary_and_check_with_db_read_what_the_user_may_see(cli_db, capsys):
    cli_db("users", "add", "dinas", "--role", "dinas", "--kabupaten", "Kota Prabumulih", stdin=PASSWORD + "\n")
    cli_db("users", "add", "admin", "--role", "admin", stdin=PASSWORD + "\n")
    s = st.open_store()
    st.submit_file(s, st.get_user(s, "dinas"), school_file(A, B), "district.xlsx")
    s.close()
    capsys.readouterr()
    assert cli_db("summary", "--db", "--as", "dinas", "--json") == 0
    assert sorted(x["npsn"] for x in json.loads(capsys.readouterr().out)["schools"]) == [A, B]
    assert cli_db("check", "--db", "--as", "dinas", "--json") == 0
    assert [x["rows_read"] for x in json.loads(capsys.readouterr().out)["sheets"]] == [2, 4]
    assert cli_db("summary", "--db", "--as", "admin", "--json") == 2


def test_a_researchers_codes_are_made_under_the_stores_own_key():
    """The store keeps one pseudonym key for every process that shares it; de-identifying must use it, not ignore it."""

    from analysis.ingest.load import load_path
    from analysis.metrics import privacy
    from analysis.store.access import deidentify

    ds = load_path(ROOT / "data" / "sampel_smpn8_prabumulih.xlsx")
    g = ds.tables["guru"]["guru_id"].dropna().iloc[0]
    out = deidentify(ds, "kunci-toko-0123456789abcdef")
    assert privacy.pseudonym(g, key="kunci-toko-0123456789abcdef") in set(out.tables["guru"]["kode"])
