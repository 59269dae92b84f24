"""What ten concurrent uploads do to another user's page, with and without the upload queue.

Run: ``python benchmarks/upload_queue.py [--uploads 10] [--teachers 20000]``.

Ten threads (Streamlit serves each session from a thread) each load a
workbook of ``--teachers`` rows (about 2.5 MB at 25,000; 5 MB at 50,000) with
:func:`analysis.ingest.load.load_file`, either all at once or through
:class:`ui.state.UploadSlots` (two at a time, as the app does). Meanwhile the
main thread repeats a small piece of page work (the headline figures of the
sample data) and the script prints its median and worst time, beside the same
work on an idle process, and when the last upload finished.

Measured here (2 shared cores), ten 5 MB uploads: the page work took 0.12 s
idle; 1.14 s median and 12.9 s worst with all uploads at once; 0.36 s median
and 2.4 s worst two at a time, the last upload done after 48 s instead of 41 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from contextlib import nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.ingest.load import (  # noqa: E402
    combine,
    load_file,  # noqa: E402
    load_path,
)
from analysis.samples import sample_paths  # noqa: E402
from analysis.views import school  # noqa: E402
from benchmarks.ingest import guru_workbook  # noqa: E402
from ui.state import UploadSlots  # noqa: E402


def page_work(ds) -> float:
    start = time.perf_counter()
    school.headline(school.select(ds, None))
    return time.perf_counter() - start


def run(data: bytes, uploads: int, queued: bool, ds) -> tuple[list[float], float]:
    slots = UploadSlots(2)
    done = threading.Event()
    left = [uploads]
    lock = threading.Lock()
    start = time.perf_counter()
    finished = [0.0]

    def upload(i: int) -> None:
        with slots.hold() if queued else nullcontext():
            load_file(data, f"u{i}.xlsx")
        with lock:
            left[0] -= 1
            if left[0] == 0:
                finished[0] = time.perf_counter() - start
                done.set()

    threads = [threading.Thread(target=upload, args=(i,)) for i in range(uploads)]
    for th in threads:
        th.start()
    times = []
    while not done.is_set():
        times.append(page_work(ds))
        time.sleep(0.05)
    for th in threads:
        th.join()
    return times, finished[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--uploads", type=int, default=10)
    ap.add_argument("--teachers", type=int, default=25000)
    args = ap.parse_args(argv)
    data = guru_workbook(args.teachers)
    ds = combine([load_path(p, is_sample=True) for p in sample_paths(Path(__file__).resolve().parents[1] / "data")])
    idle = [page_work(ds) for _ in range(10)]
    print(f"workbook {len(data) / 2**20:.1f} MB, {args.uploads} uploads; page work idle: median {statistics.median(idle):.2f} s")
    for queued in (False, True):
        times, total = run(data, args.uploads, queued, ds)
        label = "two at a time" if queued else "all at once  "
        print(f"{label}: page work median {statistics.median(times):.2f} s, worst {max(times):.2f} s; last upload done after {total:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
