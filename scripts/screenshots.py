"""Take full-page screenshots of every page of the app, in both languages.

Starts ``streamlit run app.py`` headless on port 8599, drives Chromium with
Playwright, waits until each page has finished running and saves PNGs to
``docs/screenshots/<page>_<lang>.png``.

Needs ``pip install playwright`` and a Chromium (Debian: ``apt-get install chromium``;
path in ``$CHROMIUM``, default ``/usr/bin/chromium``).

    python scripts/screenshots.py [--pages profil-sekolah unggah-data] [--langs id en] [--uploads dapodik template]

Beside the bundled sample data, ``--uploads`` shoots what a user sees after uploading a file:
``dapodik`` (a Dapodik Profil Sekolah export alone: no trainings, ratings or ICT; saved as
``dapodik_<page>_<lang>.png`` after "Use this data", every page reached through the sidebar so
the session keeps the upload) and ``template`` (the template with its example rows left in:
the upload page's report, ``template_unggah_data_<lang>.png``).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the string table names the buttons and pages it clicks
OUT = ROOT / "docs" / "screenshots"
PORT = 8599
BASE = f"http://localhost:{PORT}"
#: URL path (as registered with st.navigation in app.py) → file name stem. The
#: default page is served at "/" (its url_path answers "page not found").
PAGES = {
    "ringkasan": "ringkasan",
    "": "profil_sekolah",
    "profil-guru": "profil_guru",
    "bandingkan-sekolah": "bandingkan_sekolah",
    "temuan-penelitian": "temuan_penelitian",
    "luar-bidang": "luar_bidang",
    "kompetensi-guru": "kompetensi_guru",
    "kesenjangan-tik": "kesenjangan_tik",
    "dampak-pelatihan": "dampak_pelatihan",
    "kebutuhan-guru": "kebutuhan_guru",
    "peta-sekolah": "peta_sekolah",
    "unggah-data": "unggah_data",
}
#: The file uploaded for the screenshot of a validation report.
UPLOAD = ROOT / "data" / "sampel_dapodik_profil_sekolah.xlsx"
#: Upload sets: name → file.
UPLOADS = {"dapodik": UPLOAD, "template": ROOT / "data" / "template_kompetensi_guru.xlsx"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _wait_for_port(port: int, timeout: float = 60) -> None:
    end = time.time() + timeout
    while time.time() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    raise RuntimeError(f"streamlit did not open port {port} within {timeout:.0f} s")


def _wait_until_done(page, settle: float = 2.0, timeout_ms: int = 90_000) -> None:
    """Wait for the app to finish running: content shown, status widget gone, network idle."""
    page.wait_for_selector('[data-testid="stMain"]', timeout=timeout_ms)
    page.wait_for_load_state("networkidle", timeout=timeout_ms)
    time.sleep(1.0)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=timeout_ms)
    # the script itself has finished (a spinner section, e.g. a district's school table, may still be computing otherwise)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_ms)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout_ms)
    time.sleep(settle)


def _shoot(page, target: Path, width: int) -> None:
    """Full-page PNG: Streamlit scrolls an inner container, so grow the viewport to its height first."""
    height = page.evaluate(
        "() => Math.max(...['[data-testid=\"stMain\"]', '[data-testid=\"stAppViewContainer\"]', '[data-testid=\"stSidebarContent\"]']"
        ".map(s => document.querySelector(s)).filter(Boolean).map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": width, "height": max(1000, int(height) + 40)})
    time.sleep(1.5)  # plotly redraws at the new size
    page.screenshot(path=str(target), full_page=True)
    page.set_viewport_size({"width": width, "height": 1000})
    print(target.relative_to(ROOT))


def _upload(page, path: Path, lang: str) -> None:
    page.goto(f"{BASE}/unggah-data?lang={lang}")
    _wait_until_done(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    page.wait_for_selector('[data-testid="stMetric"]', timeout=90_000)
    _wait_until_done(page)


def _page_titles(lang: str) -> dict[str, str]:
    """URL path → the page's title in ``lang``, read from app.py's PAGES table (as the sidebar shows it)."""
    import ast

    from analysis.i18n import t

    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    table = next(n.value for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "PAGES")
    rows = ast.literal_eval(table)
    return {("" if default else url): t(title, lang) for _, _, title, url, _, default in rows}


def _upload_set(page, name: str, lang: str, width: int, pages: list[str]) -> None:
    """Upload ``UPLOADS[name]``; for ``dapodik`` make it the active data and shoot every page through the sidebar."""
    from analysis.i18n import t

    _upload(page, UPLOADS[name], lang)
    _shoot(page, OUT / f"{name}_unggah_data_{lang}.png", width)
    if name != "dapodik":
        return
    page.get_by_role("button", name=t("upload.use", lang)).click()
    _wait_until_done(page)
    titles = _page_titles(lang)
    for url_path in pages:
        if url_path == "unggah-data":
            continue
        page.locator('[data-testid="stSidebarNav"]').get_by_text(titles[url_path], exact=True).click()  # same session: the upload stays
        _wait_until_done(page)
        _shoot(page, OUT / f"{name}_{PAGES.get(url_path) or url_path.replace('-', '_')}_{lang}.png", width)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", nargs="*", default=list(PAGES), help='URL paths ("" for the default page)')
    ap.add_argument("--langs", nargs="*", default=["id", "en"])
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--uploads", nargs="*", default=[], choices=sorted(UPLOADS), help="upload sets to shoot as well")
    ap.add_argument("--no-samples", action="store_true", help="only the upload sets")
    args = ap.parse_args(argv)

    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(PORT), "--browser.gatherUsageStats", "false"]
    server = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for_port(PORT)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": 1000})
            # Warm up: the first request after start-up fills the caches (and a
            # cold first request to a sub-page can miss the page registry).
            page.goto(BASE + "/")
            _wait_until_done(page)
            for url_path in [] if args.no_samples else args.pages:
                for lang in args.langs:
                    extra = "&schools=10603812,10505207,20583110" if url_path == "bandingkan-sekolah" else ""
                    page.goto(f"{BASE}/{url_path}?lang={lang}{extra}")
                    _wait_until_done(page)
                    target = OUT / f"{PAGES.get(url_path) or url_path.replace('-', '_')}_{lang}.png"
                    _shoot(page, target, args.width)
            # The validation report of an uploaded workbook (the Dapodik-shaped sample).
            for lang in [] if args.no_samples else args.langs:
                _upload(page, UPLOAD, lang)
                _shoot(page, OUT / f"unggah_data_laporan_{lang}.png", args.width)
            for name in args.uploads:
                for lang in args.langs:
                    _upload_set(page, name, lang, args.width, args.pages)
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
