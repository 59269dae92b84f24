"""Time the shared store on the sample workbooks: storing each file, then reading a district back.

    python benchmarks/store.py [URL]     # default: a SQLite file in a temporary directory

Prints seconds per step. Loading (read + validate) is inside "submit"; see
benchmarks/ingest.py for that part alone.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis import store as st  # noqa: E402
from analysis.ingest.load import load_file  # noqa: E402
from analysis.samples import sample_paths  # noqa: E402


def main(url: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        s = st.open_store(url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        print(f"open + migrate   {time.perf_counter() - t0:6.2f} s")
        files = [(p.name, p.read_bytes()) for p in sample_paths(ROOT / "data")]
        # a dinas account per sample file, limited to that file's schools
        users = {
            n: st.add_user(s, f"dinas_{i}", "dinas", "benchmark-password", npsn=list(load_file(b, n).tables["sekolah"]["npsn"]))
            for i, (n, b) in enumerate(files)
        }
        researcher = st.add_user(s, "peneliti", "peneliti", "benchmark-password")
        load = submit = 0.0
        for name, data in files:
            a = time.perf_counter()
            ds = load_file(data, name)
            b = time.perf_counter()
            user = users[name]
            res = st.submit_file(s, user, data, name)
            c = time.perf_counter()
            load += b - a
            submit += c - b
            assert res.status == "stored", res
        print(f"submit {len(files)} files  {submit:6.2f} s  (of which read + validate about {load:.2f} s)")
        for label, user in (("dinas, one file's schools", next(iter(users.values()))), ("peneliti, de-identified", researcher)):
            a = time.perf_counter()
            ds = st.datasets_for(s, user)
            print(f"datasets_for {label:24s} {time.perf_counter() - a:6.2f} s  ({len(ds.tables['guru'])} teachers)")
        s.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
