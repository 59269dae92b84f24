"""Read-and-validate speed and memory of the loader at 1k–500k teachers, beside other readers.

Run: ``python benchmarks/ingest.py [--sizes 1000 10000 100000 500000] [--repeat 3] [--skip-pandas]``
(or ``make bench``). Per size, each timing is the minimum of ``--repeat`` runs (the machine
is shared; the minimum is the least disturbed run), and each run is a fresh process so that
its peak memory is its own. Columns:

- ``load_file``: :func:`analysis.ingest.load.load_file` end to end, split into ``read``
  (:func:`analysis.ingest.reader.read_file`: the zip-directory inspection in the app's process,
  ``inspect`` on its own; the limited child's content checks, ``checks`` on their own, run here
  in this process, and calamine, which parses alongside them in a second limited process; and
  the hand-over of its typed columns) and
  ``validate`` (the rest: header search, alias mapping, validation of every cell, cross-sheet
  checks, derived tables);
- ``cpu``: CPU seconds of ``load_file`` (app process and calamine child together), the figure
  least disturbed by other work on a shared machine;
- ``pandas``: ``pandas.read_excel`` of the Guru sheet with its default engine, read only;
- ``fastexcel``: ``fastexcel`` loading the Guru sheet to Arrow, read only, types per column;
- ``floor``: inflating the Guru sheet's XML from the zip and one scan over it
  (``bytes.count(b"<c ")``) — no reader can do less;
- ``MiB``: peak resident memory (``ru_maxrss``) of the loader's process, of its calamine
  child (run once more from a slim process, whose peak is then its own: a child forked from
  the app starts out counting the app's pages), and of the pandas and fastexcel processes.

Workbooks are written once per size (openpyxl, write-only) into the temp directory and reused.

The app refuses a sheet of more than ``MAX_ROWS`` (400,000) rows or a workbook of more than
``MAX_UNCOMPRESSED`` (400 MB) of XML before parsing it; 500,000 teachers exceed both (516 MB).
For sizes beyond them this benchmark lifts those two static limits in its own process, marked
``*`` in the output, so the memory test is real: the calamine child keeps its 2 GB
address-space and 30 s CPU limits, and the benchmark fails if the child does not finish.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import openpyxl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.core import schema  # noqa: E402


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
        ws.append(
            [
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
            ]
        )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def workbook_path(n: int) -> Path:
    """The benchmark workbook of ``n`` teachers, written on first use."""
    path = Path(tempfile.gettempdir()) / f"dasbor-bench-guru-{n}.xlsx"
    if not path.exists():
        tmp = path.with_suffix(".part")
        tmp.write_bytes(guru_workbook(n))
        tmp.replace(path)
    return path


#: The static limits for sizes beyond the app's (the child's limits are never lifted).
_LIMITS_LIFTED = {"rows": 1_048_576, "bytes": 1024**3}


def _cpu() -> float:
    """CPU seconds of this process and its finished children: less disturbed than wall time on a shared machine."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def run_one(what: str, path: Path) -> dict:
    """One timed run in this (fresh) process; imports and a warm-up happen before the clock starts."""
    data = path.read_bytes()
    out: dict = {}
    if what == "project":
        from analysis.ingest import reader
        from analysis.ingest.load import load_file
        from analysis.ingest.reader import inspect_xlsx, read_file

        reader.MAX_ROWS = max(reader.MAX_ROWS, _LIMITS_LIFTED["rows"])  # static pre-parse limits only, see the module doc
        reader.MAX_UNCOMPRESSED = max(reader.MAX_UNCOMPRESSED, _LIMITS_LIFTED["bytes"])

        load_file(workbook_path(10).read_bytes(), "warm-up.xlsx")
        t0 = time.perf_counter()
        inspect_xlsx(data)
        out["inspect"] = time.perf_counter() - t0
        from analysis.ingest.xlsx_child import check_workbook

        t0 = time.perf_counter()
        check_workbook(data, reader._limits())  # the limits lifted above included
        out["checks"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        read_file(data, path.name)
        out["read"] = time.perf_counter() - t0
        t0, c0 = time.perf_counter(), _cpu()
        ds = load_file(data, path.name)
        out["load"] = time.perf_counter() - t0
        out["load_cpu"] = _cpu() - c0
        from analysis.ingest import load as ingest

        sheets = read_file(data, path.name)
        t0 = time.perf_counter()
        ingest._assemble(sheets, path.name, False)  # load_file after read_file: tables, validation, cross-checks
        out["validate"] = time.perf_counter() - t0
        assert ds.report.readable, [p.code for p in ds.report.problems[:3]]
        guru = next(s for s in ds.report.sheets if s.table == "guru")
        assert guru.rows_read == guru.rows_accepted + guru.rows_rejected + guru.rows_blank
        out["accepted"] = guru.rows_accepted
    elif what == "child":  # the calamine child on its own, started from this slim process: its peak is its own
        # analysis.ingest.reader's _CHILD, CHILD_MEMORY and CHILD_CPU_SECONDS; importing it would load pandas here
        limits = {"max_rows": _LIMITS_LIFTED["rows"], "max_columns": 500, "max_cells": 12_000_000, "max_text": 32_767, "max_expanded": _LIMITS_LIFTED["bytes"]}
        cmd = [sys.executable, str(ROOT / "analysis" / "xlsx_child.py"), str(2 * 1024**3), "30", json.dumps(limits)]
        t0 = time.perf_counter()
        done = subprocess.run(cmd, input=data, capture_output=True, check=False)
        out["seconds"] = time.perf_counter() - t0
        out["exit"] = done.returncode
        out["child_mib"] = _peak_mib(resource.RUSAGE_CHILDREN)
    elif what == "pandas":
        import pandas as pd

        t0 = time.perf_counter()
        pd.read_excel(io.BytesIO(data), sheet_name="Guru")
        out["seconds"] = time.perf_counter() - t0
    elif what == "fastexcel":
        import fastexcel

        t0 = time.perf_counter()
        fastexcel.read_excel(data).load_sheet_by_name("Guru").to_arrow()
        out["seconds"] = time.perf_counter() - t0
    elif what == "floor":
        t0 = time.perf_counter()
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            name = next(i.filename for i in zf.infolist() if i.filename.startswith("xl/worksheets/") and i.file_size == max(j.file_size for j in zf.infolist()))
            xml = zf.read(name)
        xml.count(b"<c ")
        out["seconds"] = time.perf_counter() - t0
    out["mib"] = _peak_mib(resource.RUSAGE_SELF)
    return out


def measure(what: str, path: Path, repeat: int) -> dict:
    """Minimum time over ``repeat`` fresh processes; peak memory the largest seen."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, __file__, "--one", what, str(path)], capture_output=True, text=True, check=True)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    best = {k: min(r[k] for r in runs) for k in runs[0] if k not in ("mib", "child_mib", "accepted", "exit")}
    best.update({k: max(r[k] for r in runs) for k in ("mib", "child_mib", "exit") if k in runs[0]})
    if "accepted" in runs[0]:
        best["accepted"] = runs[0]["accepted"]
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000, 500000])
    ap.add_argument("--repeat", type=int, default=3, help="runs per timing; the minimum is printed")
    ap.add_argument("--skip-pandas", action="store_true", help="leave out pandas.read_excel (about 2 minutes per run at 500k)")
    ap.add_argument("--one", nargs=2, metavar=("WHAT", "FILE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one[0], Path(args.one[1]))))
        return 0
    workbook_path(10)
    print(f"minimum of {args.repeat} runs per timing; MiB = peak RSS")
    print(
        f"{'teachers':>9} {'MiB file':>8} | {'load_file s':>11} {'cpu s':>6} {'read s':>7} {'inspect s':>9} {'checks s':>8} {'validate s':>10} {'MiB app':>7} {'MiB child':>9} | "
        f"{'pandas s':>8} {'MiB':>5} | {'fastexcel s':>11} {'MiB':>5} | {'floor s':>7} | {'load/floor':>10} {'load/fastexcel':>14} {'pandas/load':>11}"
    )
    for n in args.sizes:
        path = workbook_path(n)
        p = measure("project", path, args.repeat)
        c = measure("child", path, 1)
        assert c["exit"] == 0, f"the calamine child failed at {n:,} teachers (exit {c['exit']})"
        f = measure("fastexcel", path, args.repeat)
        z = measure("floor", path, args.repeat)
        pd_ = measure("pandas", path, args.repeat) if not args.skip_pandas else {"seconds": float("nan"), "mib": float("nan")}
        validate = p["validate"]
        lifted = "*" if n > 400_000 else " "
        print(
            f"{n:>8,}{lifted} {path.stat().st_size / 2**20:>8.1f} | {p['load']:>11.2f} {p['load_cpu']:>6.2f} {p['read']:>7.2f} {p['inspect']:>9.2f} {p['checks']:>8.2f} {validate:>10.2f} {p['mib']:>7.0f} {c['child_mib']:>9.0f} | "
            f"{pd_['seconds']:>8.2f} {pd_['mib']:>5.0f} | {f['seconds']:>11.2f} {f['mib']:>5.0f} | {z['seconds']:>7.2f} | "
            f"{p['load'] / z['seconds']:>10.1f} {p['load'] / f['seconds']:>14.1f} {pd_['seconds'] / p['load']:>11.1f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
