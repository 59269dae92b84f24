"""Upload a generated 400-school, 10,000-teacher district in the browser and screenshot the plan and map pages.

Writes the district workbook (:func:`analysis.samples.district_tables`, illustrative), starts the app
on port 8611 in demo mode with a temporary data directory, uploads it on Unggah Data, uses it, and
opens Kebutuhan Guru (its three tabs, re-running the proposal) and Peta Sekolah through the sidebar
(a page load would start a new session without the upload). Prints the time of each step; PNGs go
to ``docs/screenshots/distrik_400_<page>.png``.

    python scripts/screenshots_district.py
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from analysis import samples  # noqa: E402

TMP = Path(tempfile.mkdtemp(prefix="distrik400-"))
OUT = ROOT / "docs" / "screenshots"
wb = TMP / "distrik_400.xlsx"
if not wb.exists():
    samples.write_workbook(samples.district_tables(), wb, ["DATA CONTOH ILUSTRATIF: distrik 400 sekolah"])
print("workbook", wb.stat().st_size // 1024, "KB")
sys.path.insert(0, str(ROOT / "scripts"))
import screenshots as S  # noqa: E402

port = 8611
env = dict(os.environ, DASBOR_DATA_DIR=str(TMP / "var"))
srv = subprocess.Popen(
    [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port), "--server.maxUploadSize", "200"],
    cwd=ROOT,
    env=env,
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)
base = f"http://localhost:{port}"
try:
    S._wait_for_port(port)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=S.CHROMIUM_ARGS)
        page = b.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(base + "/?lang=id")
        S._wait_until_done(page)
        page.goto(base + "/unggah-data?lang=id")
        S._wait_until_done(page)
        t0 = time.time()
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(wb))
        page.wait_for_selector('[data-testid="stMetric"]', timeout=300_000)
        S._wait_until_done(page, timeout_ms=300_000)
        print("upload + report", round(time.time() - t0, 1), "s")
        page.get_by_role("button", name="Pakai data ini").click()
        S._wait_until_done(page, timeout_ms=300_000)
        S._shoot(page, OUT / "distrik_400_unggah.png", 1400)
        for path, name in (("Kebutuhan Guru", "kebutuhan"), ("Peta Sekolah", "peta")):
            t0 = time.time()
            page.locator('[data-testid="stSidebarNav"]').get_by_text(path, exact=True).click()
            S._wait_until_done(page, timeout_ms=600_000)
            page.wait_for_selector('[data-testid="stPlotlyChart"]', timeout=300_000)
            S._wait_until_done(page, timeout_ms=600_000)
            print(path, round(time.time() - t0, 1), "s")
            S._shoot(page, OUT / f"distrik_400_{name}.png", 1400)
        page.locator('[data-testid="stSidebarNav"]').get_by_text("Kebutuhan Guru", exact=True).click()
        S._wait_until_done(page, timeout_ms=600_000)
        for tab, name in (("Usulan pemerataan", "usulan"), ("Pelatihan dan tindak lanjut", "pelatihan")):
            t0 = time.time()
            page.get_by_role("tab", name=tab).click()
            S._wait_until_done(page, timeout_ms=600_000)
            if tab == "Usulan pemerataan":
                t1 = time.time()
                page.get_by_role("button", name="Hitung usulan").first.click()
                S._wait_until_done(page, timeout_ms=600_000)
                print("solve in page", round(time.time() - t1, 1), "s")
            print(tab, round(time.time() - t0, 1), "s")
            S._shoot(page, OUT / f"distrik_400_{name}.png", 1400)
        b.close()
finally:
    srv.terminate()
