"""End to end in a real browser: two school heads, the district office and a researcher on one shared store.

Playwright drives Debian's chromium (``/usr/bin/chromium``; no browser download)
headless against ``streamlit run app.py`` on a free loopback port, with
``DASBOR_DATA_DIR`` and its SQLite store in a temporary directory. Accounts are
created the way an administrator does it: ``python -m analysis users add``.
The tests run in order (they share the server and the store); each step has a
timeout, and the whole file stays well under three minutes.

OIDC (``st.login``): a second server whose secrets file (``--secrets.files``)
sets ``[auth]`` against ``oidc-provider-mock`` on loopback; the provider's
predefined user carries the dinas account's e-mail.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

from analysis.i18n import t
from helpers import ROOT

pytestmark = pytest.mark.browser

DATA = ROOT / "data"
CHROMIUM = os.environ.get("DASBOR_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "rahasia-123"
A = ("10603812", "SMP Negeri 8 Prabumulih", DATA / "sampel_smpn8_prabumulih.xlsx")
B = ("10505207", "SMP Negeri 7 Muaro Jambi", DATA / "sampel_smpn7_muaro_jambi.xlsx")
STEP = 30_000  # ms: the longest any one wait may take
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]

playwright_api = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).is_file() and not shutil.which("chromium"):
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"chromium is missing ({CHROMIUM}): .ci/run installs it")
    pytest.skip("chromium is not installed", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``streamlit run app.py`` on loopback with the store in ``data_dir``; restartable."""

    def __init__(self, data_dir: Path, extra: tuple[str, ...] = ()):
        self.extra = extra
        self.env = {**os.environ, "DASBOR_DATA_DIR": str(data_dir), "DASBOR_DATABASE_URL": ""}
        self.env.pop("DASBOR_DATABASE_URL")
        self.port = _free_port()
        self.proc: subprocess.Popen | None = None
        self.log = data_dir / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        cmd = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
            *self.extra,
        ]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=self.env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("streamlit did not start: " + self.log.read_text()[-2000:])

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
            self.proc = None


def _cli(env: dict, *args: str, stdin: str = "") -> None:
    subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT, env=env, input=stdin, text=True, check=True, timeout=120, capture_output=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    srv = Server(tmp)
    for name, role, extra in (
        ("kepala_a", "kepala_sekolah", ["--npsn", A[0]]),
        ("kepala_b", "kepala_sekolah", ["--npsn", B[0]]),
        ("dinas_prabumulih", "dinas", ["--kabupaten", "Kota Prabumulih"]),
        ("peneliti", "peneliti", []),
    ):
        _cli(srv.env, "users", "add", name, "--role", role, *extra, stdin=PASSWORD + "\n")
    _cli(srv.env, "import", str(B[2]), "--as", "kepala_b")  # school B's data is there before A uploads
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS, timeout=STEP)
        yield b
        b.close()


def _settled(page) -> None:
    """Wait until the script run is over and the page has drawn."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=STEP)
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=STEP)


def _login(browser, server, name: str):
    """A new browser (its own cookies) that opens the app and logs in as ``name``."""
    ctx = browser.new_context(accept_downloads=True)
    ctx.set_default_timeout(STEP)
    page = ctx.new_page()
    page.account = name
    _open(page, server, "/")
    return page


def _open(page, server, path: str) -> str:
    """Open ``path`` as a link would (a new session: the login form first), log in, return the page's text.

    A local login lives in the Streamlit session (the browser tab's connection), so
    a link opened afresh asks for the password again; then the page of the link is shown.
    """
    page.goto(server.url + path)
    page.get_by_label(t("auth.login.name")).fill(page.account)
    page.get_by_label(t("auth.login.password")).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.login.submit")).click()
    page.get_by_text(t("auth.logged_in", name="", role="").split("**")[0].strip()).wait_for(timeout=STEP)
    _settled(page)
    return page.inner_text("body")


def _download(page, button: str) -> bytes:
    with page.expect_download(timeout=STEP) as info:
        page.get_by_role("button", name=button).first.click()
    return Path(info.value.path()).read_bytes()


def _district_report(page) -> str:
    return _download(page, t("report.download.html")).decode("utf-8")


def _names(path: Path) -> set[str]:
    from analysis.ingest.load import load_path

    return {n for n in load_path(path).tables["guru"]["nama"].dropna() if len(n) > 6}


def test_head_a_logs_in_and_stores_their_schools_file(browser, server):
    page = _login(browser, server, "kepala_a")
    _open(page, server, "/unggah-data")
    page.locator('input[type="file"]').set_input_files(str(A[2]))
    page.get_by_role("button", name=t("upload.store.save")).wait_for(timeout=STEP)
    _settled(page)
    page.get_by_role("button", name=t("upload.store.save")).click()
    page.get_by_text(t("store.result.stored", file=A[2].name, id=2, npsn=A[0], rejected=0).split(":")[0] + ": ").first.wait_for(timeout=STEP)
    page.context.close()


def test_the_dinas_sees_school_a_in_ringkasan(browser, server):
    page = _login(browser, server, "dinas_prabumulih")
    _open(page, server, "/ringkasan")
    report = _district_report(page)
    assert A[1] in report and B[1] not in report
    page.context.close()


def test_head_b_cannot_reach_school_a_by_any_page_link_or_download(browser, server):
    page = _login(browser, server, "kepala_b")
    only_a = _names(A[2]) - _names(B[2])
    for path in (
        "/ringkasan",
        f"/?npsn={A[0]}",
        f"/profil-guru?npsn={A[0]}&guru=G-0000000000",
        f"/luar-bidang?npsn={A[0]}",
        f"/kompetensi-guru?npsn={A[0]}",
        f"/kesenjangan-tik?npsn={A[0]}",
        f"/dampak-pelatihan?npsn={A[0]}",
        "/unggah-data",
    ):
        text = _open(page, server, path)
        assert A[1] not in text and A[0] not in text, path
        assert not [n for n in only_a if n in text], path
    _open(page, server, f"/?npsn={A[0]}")  # Profil Sekolah, the default page
    html = _download(page, t("report.download.html")).decode("utf-8") if page.get_by_role("button", name=t("report.download.html")).count() else ""
    assert B[1] in html and A[1] not in html and not [n for n in only_a if n in html]
    page.context.close()


def test_after_a_restart_everything_is_still_there(browser, server):
    server.stop()
    server.start()
    page = _login(browser, server, "dinas_prabumulih")
    _open(page, server, "/ringkasan")
    assert A[1] in _district_report(page)
    page.context.close()


def test_the_researchers_export_is_k_anonymous(browser, server):
    from analysis.metrics import privacy

    page = _login(browser, server, "peneliti")
    _open(page, server, f"/bandingkan-sekolah?schools={A[0]},{B[0]}")
    data = _download(page, t("export.deid.download"))
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None)
    guru = next(df for df in sheets.values() if "kode" in df.columns and "jk" in df.columns)
    qi = [c for c in privacy.QUASI_IDENTIFIERS if c in guru.columns]
    assert len(guru) and privacy.k_anonymity(guru, qi) >= privacy.K_ANONYMITY
    assert not [n for n in _names(A[2]) | _names(B[2]) if n in guru.to_csv()]
    page.context.close()


@pytest.fixture(scope="module")
def oidc(tmp_path_factory):
    """An OIDC provider on loopback and a dashboard whose ``[auth]`` points to it."""
    pytest.importorskip("authlib")
    pytest.importorskip("oidc_provider_mock")
    tmp = tmp_path_factory.mktemp("oidc")
    mock_port, app_port = _free_port(), _free_port()
    claims = '{"sub": "dinas", "email": "Dinas@Prabumulih.example"}'
    provider = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "oidc_provider_mock",
            "--port",
            str(mock_port),
            "--user-claims",
            claims,
            "--user-claims",
            '{"sub": "stranger", "email": "stranger@else.example"}',
        ],
        stdout=(tmp / "provider.log").open("ab"),
        stderr=subprocess.STDOUT,
    )
    secrets = tmp / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        'cookie_secret = "a-test-cookie-secret-of-enough-length-0123456789"\n'
        'client_id = "dasbor"\nclient_secret = "dasbor-secret"\n'
        f'server_metadata_url = "http://127.0.0.1:{mock_port}/.well-known/openid-configuration"\n'
    )
    srv = Server(tmp, ("--secrets.files", str(secrets)))
    srv.port = app_port
    _cli(srv.env, "users", "add", "kepala_a", "--role", "kepala_sekolah", "--npsn", A[0], stdin=PASSWORD + "\n")
    _cli(
        srv.env,
        "users",
        "add",
        "dinas_prabumulih",
        "--role",
        "dinas",
        "--kabupaten",
        "Kota Prabumulih",
        "--email",
        "dinas@prabumulih.example",
        stdin=PASSWORD + "\n",
    )
    _cli(srv.env, "import", str(A[2]), "--as", "kepala_a")
    try:
        srv.start()
        yield srv
    finally:
        srv.stop()
        provider.terminate()
        provider.wait(timeout=10)


def _oidc_login(browser, server, sub: str):
    ctx = browser.new_context(accept_downloads=True)
    ctx.set_default_timeout(STEP)
    page = ctx.new_page()
    page.goto(server.url + "/ringkasan")
    page.get_by_role("button", name=t("auth.oidc.login")).click()
    page.get_by_role("button", name=sub, exact=True).click()  # the provider's page: pick the predefined user
    page.wait_for_url(server.url + "/**", timeout=STEP)
    _settled(page)
    return page


def test_an_oidc_login_maps_the_e_mail_to_the_dinas_account(browser, oidc):
    page = _oidc_login(browser, oidc, "dinas")
    page.get_by_text(t("auth.logged_in", name="", role="").split("**")[0].strip()).wait_for(timeout=STEP)
    page.goto(oidc.url + f"/?npsn={A[0]}")  # a new session: the login cookie keeps the user logged in
    page.get_by_text(t("auth.logged_in", name="", role="").split("**")[0].strip()).wait_for(timeout=STEP)
    _settled(page)
    text = page.inner_text("body")
    assert "dinas_prabumulih" in text and A[0] in text, "the dinas account, on school A's profile"
    page.context.close()


def test_an_oidc_login_without_an_account_sees_no_account(browser, oidc):
    page = _oidc_login(browser, oidc, "stranger")
    text = page.inner_text("body")
    assert t("auth.no_account", email="stranger@else.example").split("stranger")[0] in text
    assert A[1] not in text
    page.context.close()


def test_a_cold_deep_link_opens_its_page_without_a_page_not_found_dialog(browser, tmp_path_factory):
    """The first request of a fresh server is a link to /unggah-data (Streamlit's old pages/ mode once answered 'Page not found')."""
    srv = Server(tmp_path_factory.mktemp("cold"))  # no accounts: demo mode on the sample data
    srv.start()
    try:
        page = browser.new_page()
        page.set_default_timeout(STEP)
        page.goto(srv.url + "/unggah-data")
        _settled(page)
        text = page.inner_text("body")
        assert "Page not found" not in text and "tidak ditemukan" not in text.lower()
        assert not page.locator('[role="dialog"]').count(), "no dialog over the page"
        assert t("page.upload.title") in text, "the link's own page is shown"
        page.close()
    finally:
        srv.stop()
