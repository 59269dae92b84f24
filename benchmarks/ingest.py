"""Read-and-validate speed of the loader at 1k, 10k and 100k teachers, beside pandas' default reader.

Run: ``python benchmarks/ingest.py [--sizes 1000 10000 100000] [--skip-pandas]``
(or ``make bench``). Prints one line per size:

- ``write``: building the Guru sheet (openpyxl, write-only) — setup, not measured against a target;
- ``load_file``: :func:`analysis.ingest.load_file` end to end (safety inspection of the zip,
  calamine read, header search, alias mapping, validation, cross-sheet checks, derived tables);
- ``pandas+openpyxl``: ``pandas.read_excel(engine="openpyxl")`` of the same sheet, read only,
  no validation — the reader most hand-made tools use;
- ``peak MiB``: peak Python memory of ``load_file``, measured in a second, untimed pass
  (tracemalloc; calamine's own buffers are native and not counted).

Target (issue 2): 100,000 rows × 20+ columns read and validated in the time fastexcel reads
them (about 1.2 s on the reference machine), far under pandas' openpyxl reader (about 17 s).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import schema  # noqa: E402
from analysis.ingest import load_file  # noqa: E402


def guru_workbook(n: int, seed: int = 7) -> bytes:
    """A workbook with a Sekolah sheet (one school per 50 teachers) and a Guru sheet of ``n`` rows."""
    rng = np.random.default_rng(seed)
    wb = openpyxl.Workbook(write_only=True)
    sk = wb.create_sheet("Sekolah")
    sk.append([c.header for c in schema.SEKOLAH.columns])
    n_schools = max(1, n // 50)
    npsns = [f"{10000000 + i}" for i in range(n_schools)]
    for i, npsn in enumerate(npsns):
        sk.append([npsn, f"SMP Negeri {i + 1}", "SMP", "Negeri", "Kemendikdasmen", "Kec", "Kab", "Prov", "Tidak"])
    ws = wb.create_sheet("Guru")
    ws.append([c.header for c in schema.GURU.columns])
    subjects = ["Matematika", "Bahasa Indonesia", "IPA", "IPS", "Bahasa Inggris", "PJOK", "Informatika", "Seni Budaya; Prakarya"]
    prodi = ["Pendidikan Matematika", "Pendidikan Bahasa Indonesia", "Pendidikan Biologi", "Pendidikan Ekonomi", "Pendidikan Bahasa Inggris"]
    status = list(schema.STATUS_KEPEGAWAIAN[:10])
    born0 = date(1965, 1, 1)
    levels = rng.integers(1, 5, size=(n, 6))
    for i in range(n):
        ws.append([
            npsns[i % n_schools],
            f"Guru {i}",
            f"{3000000000000000 + i}",
            f"{197001012000011000 + i}",
            "L" if i % 2 else "P",
            born0 + timedelta(days=int(rng.integers(0, 12000))),
            status[i % len(status)],
            "Guru Mapel",
            "S1",
            prodi[i % len(prodi)],
            "Ya",
            subjects[i % 7] if i % 3 else "",
            2010 + i % 14,
            subjects[i % len(subjects)],
            int(rng.integers(6, 38)),
            date(2005, 7, 1) + timedelta(days=int(rng.integers(0, 6000))),
            *(int(x) for x in levels[i]),
        ])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def measure(n: int, pandas_too: bool) -> dict[str, float]:
    t0 = time.perf_counter()
    data = guru_workbook(n)
    t_write = time.perf_counter() - t0

    t0 = time.perf_counter()
    ds = load_file(data, f"bench_{n}.xlsx")
    t_load = time.perf_counter() - t0
    # Memory in a second pass: tracemalloc slows every allocation, so it must not touch the timing.
    tracemalloc.start()
    load_file(data, f"bench_{n}.xlsx")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    guru = next(s for s in ds.report.sheets if s.table == "guru")
    assert guru.rows_read == n and guru.rows_read == guru.rows_accepted + guru.rows_rejected + guru.rows_blank

    t_pandas = float("nan")
    if pandas_too:
        t0 = time.perf_counter()
        pd.read_excel(io.BytesIO(data), sheet_name="Guru", engine="openpyxl", dtype=str)
        t_pandas = time.perf_counter() - t0
    return {"n": n, "mb": len(data) / 2**20, "write": t_write, "load": t_load, "pandas": t_pandas, "peak": peak / 2**20, "accepted": guru.rows_accepted}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--skip-pandas", action="store_true", help="leave out pandas' openpyxl reader (slow at 100k)")
    args = ap.parse_args(argv)
    print(f"{'teachers':>9} {'file MiB':>9} {'write s':>8} {'load_file s':>12} {'pandas+openpyxl s':>18} {'ratio':>6} {'peak MiB':>9} {'accepted':>9}")
    load_file(guru_workbook(10), "warm-up.xlsx")  # imports (pandera, calamine) are not reading time
    for n in args.sizes:
        r = measure(n, not args.skip_pandas)
        ratio = r["pandas"] / r["load"] if r["pandas"] == r["pandas"] else float("nan")
        print(f"{r['n']:>9,} {r['mb']:>9.1f} {r['write']:>8.2f} {r['load']:>12.2f} {r['pandas']:>18.2f} {ratio:>6.1f} {r['peak']:>9.0f} {r['accepted']:>9,}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
