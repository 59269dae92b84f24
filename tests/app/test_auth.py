"""Accounts in the app: demo mode only without accounts, login with lock-out, the role from the account,
scope enforced on every page and through URL parameters, uploads stored, the admin page, e-mail → account (OIDC)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis import store
from analysis.i18n import t
from helpers import ROOT

pytestmark = pytest.mark.apptest

APP = str(ROOT / "app.py")
DATA = ROOT / "data"
TIMEOUT = 120
PASSWORD = "rahasia-123"
A = ("10603812", "SMP Negeri 8 Prabumulih", DATA / "sampel_smpn8_prabumulih.xlsx")
B = ("10505207", "SMP Negeri 7 Muaro Jambi", DATA / "sampel_smpn7_muaro_jambi.xlsx")
PAGES = [
    "app_pages/ringkasan.py",
    "app_pages/profil_sekolah.py",
    "app_pages/profil_guru.py",
    "app_pages/luar_bidang.py",
    "app_pages/kompetensi_guru.py",
    "app_pages/kesenjangan_tik.py",
    "app_pages/dampak_pelatihan.py",
    "app_pages/bandingkan_sekolah.py",
    "app_pages/unggah_data.py",
]


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    """A store with schools A (Kota Prabumulih) and B (Kabupaten Muaro Jambi) and one account per role."""
    tmp = tmp_path_factory.mktemp("store")
    old = os.environ.get(store.engine.ENV_DATA_DIR)
    os.environ[store.engine.ENV_DATA_DIR] = str(tmp)
    s = store.open_store()
    head_a = store.add_user(s, "kepala_a", "kepala_sekolah", PASSWORD, npsn=[A[0]])
    head_b = store.add_user(s, "kepala_b", "kepala_sekolah", PASSWORD, npsn=[B[0]])
    store.add_user(s, "dinas_prabumulih", "dinas", PASSWORD, kabupaten="Kota Prabumulih", email="Dinas@Prabumulih.example")
    store.add_user(s, "peneliti", "peneliti", PASSWORD)
    store.add_user(s, "admin", "admin", PASSWORD)
    assert store.submit_file(s, head_a, A[2].read_bytes(), A[2].name).status == "stored"
    assert store.submit_file(s, head_b, B[2].read_bytes(), B[2].name).status == "stored"
    yield s
    if old is None:
        os.environ.pop(store.engine.ENV_DATA_DIR, None)
    else:
        os.environ[store.engine.ENV_DATA_DIR] = old


def _login(name: str, password: str = PASSWORD, **query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(query)
    at.run()
    at.text_input(key="auth_name").input(name)
    at.text_input(key="auth_password").input(password)
    at.button[0].click()
    return at.run()


def _everything(at: AppTest) -> str:
    """Every text, table cell and option the run showed."""
    parts = [str(e.value) for kind in ("title", "header", "markdown", "caption", "info", "error", "warning", "success", "subheader") for e in getattr(at, kind)]
    parts += [df.value.to_csv() for df in at.dataframe]
    parts += [" ".join(map(str, sb.options)) for sb in at.selectbox]
    parts += [" ".join(map(str, ms.options)) for ms in at.multiselect]
    return "\n".join(parts)


def _all_names(path: Path) -> set[str]:
    from analysis.ingest.load import load_path

    return {n for n in load_path(path).tables["guru"]["nama"].dropna() if len(n) > 6}


def _names(path: Path) -> list[str]:
    """The teachers' names of this sample file only (the generator's name pool is shared: a name in both files proves nothing)."""
    others = set().union(*(_all_names(p) for p in (A[2], B[2]) if p != path))
    return sorted(_all_names(path) - others)


def test_without_accounts_the_app_is_in_demo_mode_with_the_banner_and_the_role_selector(tmp_path, monkeypatch):
    monkeypatch.setenv(store.engine.ENV_DATA_DIR, str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert t("auth.demo.banner", "id") in [w.value for w in at.sidebar.warning]
    assert at.selectbox(key="app_role") is not None
    assert not (tmp_path / store.engine.SQLITE_FILE).exists(), "demo mode creates no database"


def test_with_accounts_nothing_shows_before_login(district):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.text_input(key="auth_password").proto.type == at.text_input(key="auth_password").proto.PASSWORD
    assert A[1] not in _everything(at) and B[1] not in _everything(at)
    assert not [s for s in at.selectbox if s.key == "app_role"]


def test_a_wrong_password_says_one_message_and_the_fifth_locks_the_account(district):
    store.add_user(district, "kepala_lock", "kepala_sekolah", PASSWORD, npsn=[A[0]])
    for _ in range(store.MAX_FAILED_LOGINS - 1):
        at = _login("kepala_lock", "salah-salah")
        assert t("auth.login.failed", "id") in [e.value for e in at.error]
    at = _login("kepala_lock", "salah-salah")
    assert t("auth.login.locked", "id", minutes=15) in [e.value for e in at.error]
    at = _login("kepala_lock")  # the right password, still locked
    assert t("auth.login.locked", "id", minutes=15) in [e.value for e in at.error]


def test_the_role_comes_from_the_account_not_from_a_widget_or_the_url(district):
    at = _login("kepala_b", role="dinas", app_role="dinas")
    assert not at.exception
    assert not [s for s in at.selectbox if s.key == "app_role"]
    assert t("role.kepala_sekolah", "id") in _everything(at)
    assert A[1] not in _everything(at)


@pytest.mark.parametrize("page", PAGES)
def test_school_head_b_sees_no_trace_of_school_a_on_any_page_nor_by_its_npsn_in_the_url(district, page):
    at = _login("kepala_b", npsn=A[0])
    at.switch_page(page).run()
    assert not at.exception, at.exception
    seen = _everything(at)
    assert A[1] not in seen and A[0] not in seen
    assert not [n for n in _names(A[2]) if n in seen]
    scoped = at.session_state["app_scoped_dataset"][1]
    assert set(scoped.tables["guru"]["npsn"]) == {B[0]}, "every download is built from this dataset"


def test_a_teacher_code_of_another_school_in_the_url_opens_only_an_own_teacher(district):

    at_a = _login("kepala_a")
    at_a.switch_page("app_pages/profil_guru.py").run()
    code_a = at_a.query_params["guru"]
    at = _login("kepala_b", npsn=A[0], guru=code_a)
    at.switch_page("app_pages/profil_guru.py").run()
    assert not at.exception
    seen = _everything(at)
    assert not [n for n in _names(A[2]) if n in seen]
    assert at.query_params["guru"] != code_a


def test_the_school_head_sees_their_teachers_names(district):
    at = _login("kepala_a")
    at.switch_page("app_pages/profil_sekolah.py").run()
    assert [n for n in _names(A[2]) if n in _everything(at)]


def test_the_dinas_sees_the_schools_of_its_kabupaten_and_names_only_on_the_teacher_page(district):
    at = _login("dinas_prabumulih")
    at.switch_page("app_pages/ringkasan.py").run()
    seen = _everything(at)
    assert A[1] in seen and B[1] not in seen
    at.switch_page("app_pages/profil_sekolah.py").run()
    assert not [n for n in _names(A[2]) if n in _everything(at)]
    at.switch_page("app_pages/profil_guru.py").run()
    assert [n for n in _names(A[2]) if n in _everything(at)]


def test_the_researcher_sees_every_school_de_identified(district):
    at = _login("peneliti")
    at.switch_page("app_pages/ringkasan.py").run()
    assert not at.exception
    seen = _everything(at)
    assert A[0] in seen and B[0] in seen
    at.switch_page("app_pages/profil_sekolah.py").run()
    assert not [n for n in _names(A[2]) + _names(B[2]) if n in _everything(at)]
    with pytest.raises(ValueError):
        at.switch_page("app_pages/unggah_data.py")  # a researcher cannot upload: not in the navigation


def test_the_admin_sees_accounts_and_the_audit_log_and_no_teacher_data(district):
    at = _login("admin", npsn=A[0])
    assert not at.exception
    seen = _everything(at)
    assert "kepala_a" in seen and "login" in seen
    assert A[1] not in seen and not [n for n in _names(A[2]) if n in seen]
    with pytest.raises(ValueError, match="Known pages: \\['[^']*admin.py'\\]"):
        at.switch_page("app_pages/ringkasan.py")  # the admin's navigation holds the admin page only


def test_an_upload_is_stored_after_confirmation_and_a_duplicate_says_so(district):
    head_a = store.get_user(district, "kepala_a")
    before = len(store.list_submissions(district, head_a))
    at = _login("kepala_a")
    at.switch_page("app_pages/unggah_data.py").run()
    at.get("file_uploader")[0].set_value((A[2].name, A[2].read_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) if hasattr(
        at.get("file_uploader")[0], "set_value"
    ) else pytest.skip("AppTest cannot drive file_uploader")
    at.run()
    at.button(key="upload_save").click().run()
    assert not at.exception
    assert any("sudah tersimpan" in e.value for e in at.info), "the same file is stored already"
    assert len(store.list_submissions(district, head_a)) == before


def test_a_head_cannot_store_another_schools_file(district):
    head_b = store.get_user(district, "kepala_b")
    result = store.submit_file(district, head_b, A[2].read_bytes(), A[2].name)
    assert result.status == "refused"


def test_an_oidc_login_maps_the_e_mail_to_its_account_and_an_unknown_e_mail_sees_no_account(district):
    secrets = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "c",
        "client_secret": "s",
        "server_metadata_url": "http://127.0.0.1:1/.well-known/openid-configuration",
    }
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.secrets["auth"] = secrets
    at.user = {"is_logged_in": True, "email": "dinas@prabumulih.example"}
    at.switch_page("app_pages/ringkasan.py").run()
    assert not at.exception, at.exception
    seen = _everything(at)
    assert A[1] in seen and B[1] not in seen
    other = AppTest.from_file(APP, default_timeout=TIMEOUT)
    other.secrets["auth"] = secrets
    other.user = {"is_logged_in": True, "email": "someone@else.example"}
    other.run()
    assert t("auth.no_account", "id", email="someone@else.example") in [e.value for e in other.error]
    assert A[1] not in _everything(other)


def test_identified_downloads_and_views_are_in_the_audit_log(district):
    from ui import state  # noqa: F401  (the recorder is state.record_download)

    admin = store.get_user(district, "admin")
    log = store.audit_log(district, admin)
    assert {"view", "login", "upload"} <= set(log["action"])
