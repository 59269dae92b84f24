"""Take full-page screenshots of every page of the app, in both languages.

Starts ``streamlit run app.py`` headless on port 8599, drives Chromium with
Playwright, waits until each page has finished running and saves PNGs to
``docs/screenshots/<page>_<lang>.png``.

Needs ``pip install playwright`` and a Chromium (Debian: ``apt-get install chromium``;
path in ``$CHROMIUM``, default ``/usr/bin/chromium``).

    python scripts/screenshots.py [--pages profil-sekolah unggah-data] [--langs id en]
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", nargs="*", default=list(PAGES), help='URL paths ("" for the default page)')
    ap.add_argument("--langs", nargs="*", default=["id", "en"])
    ap.add_argument("--width", type=int, default=1400)
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
            for url_path in args.pages:
                for lang in args.langs:
                    extra = "&schools=10603812,10505207,20583110" if url_path == "bandingkan-sekolah" else ""
                    page.goto(f"{BASE}/{url_path}?lang={lang}{extra}")
                    _wait_until_done(page)
                    target = OUT / f"{PAGES.get(url_path) or url_path.replace('-', '_')}_{lang}.png"
                    _shoot(page, target, args.width)
            # The validation report of an uploaded workbook (the Dapodik-shaped sample).
            for lang in args.langs:
                page.goto(f"{BASE}/unggah-data?lang={lang}")
                _wait_until_done(page)
                page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(UPLOAD))
                page.wait_for_selector('[data-testid="stMetric"]', timeout=90_000)
                _wait_until_done(page)
                target = OUT / f"unggah_data_laporan_{lang}.png"
                _shoot(page, target, args.width)
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
