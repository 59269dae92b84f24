"""How long each page of the app takes, first visit and warm reruns, on the sample district and on 100k teachers.

Run: ``python benchmarks/pages.py [--sizes sample 100k] [--pages ringkasan profil-sekolah …] [--profile PAGE]``
(or ``make bench-pages``). Every page of ``app.py``'s ``PAGES`` (but the admin page,
which shows no teacher data) is opened the way the project's AppTests open one
(``AppTest.from_file("app.py")``, ``switch_page``, ``run``) in demo mode with an
empty data directory, in a fresh session each, after the process-wide analysis
cache has been cleared (:func:`ui.cache.clear`; the parsed sample workbooks stay
loaded, as on a running server). Columns:

- ``first``: seconds of the page's first run in a new session;
- ``rerun``: a plain rerun of the same page (what any click that touches nothing does);
- ``widget``: a rerun after one widget change (the page's school picker or scope,
  else its first selectbox with two options or more, else the ICT target slider),
  the change named in ``changed``: a new choice, so what depends on it is computed;
- ``back``: the rerun after that widget is set back to its first value: what a cache
  on the dataset's id serves (``rerun`` and ``back`` are the "warm rerun" of the targets);
- ``chart KB``: the largest plotly chart's JSON on the page after the first run;
- ``ok``: ``ok`` or the exception the page raised.

Datasets: ``sample`` is the bundled sample district (the six workbooks of ``data/``,
illustrative); ``100k`` is :func:`analysis.samples.district_dataset` with 2,000
schools and about 100,000 teachers (one school per 50 teachers, as
``benchmarks/ingest.py`` sizes its workbooks), set as the session's upload.
Targets (issue 15): warm rerun ≤ 0.2 s at the sample district and ≤ 1 s at 100k
teachers; no chart over 200 KB of JSON. Figures are wall-clock on a shared
machine: run it twice and read the lower, or pass ``--cpu`` for the process's CPU
seconds (all threads), which other users' load does not inflate.

``--profile PAGE`` prints cProfile's 25 costliest functions (cumulative) of that
page's first run and of its widget rerun instead of the table.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DASBOR_DATA_DIR", tempfile.mkdtemp(prefix="bench-pages-"))  # demo mode, whatever var/ holds

from streamlit.testing.v1 import AppTest  # noqa: E402

APP = str(ROOT / "app.py")
TIMEOUT = 900
TARGET = {"sample": 0.2, "100k": 1.0}
CHART_KB = 200
CPU = False  # --cpu: CPU seconds of this process (every thread) instead of wall-clock seconds


def pages() -> list[tuple[str, str]]:
    """(URL path, page file) of every page of ``app.py`` but the admin page."""
    import ast

    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "PAGES" for t in node.targets):
            rows = ast.literal_eval(node.value)
            return [(url, path) for _, path, _, url, _, _ in rows if path != "app_pages/admin.py" and (ROOT / path).is_file()]
    raise SystemExit("PAGES not found in app.py")


def dataset(size: str):
    """``None`` for the bundled sample data, else the generated 100k-teacher district (pickled in the temp directory)."""
    if size == "sample":
        return None
    import pickle

    from analysis import samples

    cache = Path(tempfile.gettempdir()) / "bench_pages_district_2000_100000.pkl"
    if cache.is_file():
        return pickle.loads(cache.read_bytes())
    t0 = time.perf_counter()
    ds = samples.district_dataset(2000, 100_000)
    print(f"# generated {len(ds.tables['sekolah'])} schools, {len(ds.tables['guru'])} teachers in {time.perf_counter() - t0:.0f} s", flush=True)
    cache.write_bytes(pickle.dumps(ds))
    return ds


def _new_session(url: str, ds) -> AppTest:
    """A new session whose first run opens the page at ``url`` (as a link to ``/<url>`` does)."""
    from streamlit.util import calc_hash

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if ds is not None:
        at.session_state["app_dataset"] = ds  # what the upload page's "use this data" does (ui.state.set_dataset)
    # st.Page identifies a page by the hash of its URL path; AppTest's switch_page can only
    # name it that way after a first run, which would run the default page first.
    at._page_hash = calc_hash(url)
    return at


_NONE = object()


def _raw(box, option: str):
    """The value behind a selectbox's shown ``option`` (AppTest sees only the formatted text)."""
    import re

    from analysis.plan import views

    m = re.search(r"\(([^()]+)\)$", option)
    candidates = [option, m.group(1) if m else None, None, *views.MAP_INDICATORS]
    if option.isdigit():
        candidates.append(int(option))
    for c in candidates:
        try:
            if str(box.format_func(c)) == option:
                return c
        except Exception:  # a format_func that takes only its own kind of value
            continue
    return _NONE


def _change(at: AppTest) -> tuple[str, object] | None:
    """Change one widget of the page (not of the app's sidebar); returns its key and former value, or ``None`` when the page has none to change."""
    main = [s for s in at.main.selectbox if s.key and len(s.options) > 1]
    picked = next((s for s in main if s.key.endswith(("_school", "_scope"))), main[0] if main else None)
    if picked is not None:
        for option in picked.options:
            raw = _raw(picked, option)
            if raw is not _NONE and raw != picked.value:
                before = picked.value
                picked.set_value(raw)
                return picked.key, before
    slider = next((s for s in at.sidebar.slider if s.key and s.key.endswith("_ict_target")), None)
    if slider is not None:
        before = slider.value
        slider.set_value(2 if slider.value != 2 else 3)
        return slider.key, before
    return None


def _largest_chart_kb(at: AppTest) -> float:
    sizes = [len(el.proto.spec) for el in at.get("plotly_chart")]
    return max(sizes) / 1024 if sizes else 0.0


def _timed(run) -> float:
    """Seconds ``run`` took (wall clock, or this process's CPU with ``--cpu``); ``inf`` when AppTest gave up after ``--timeout`` seconds."""
    clock = time.process_time if CPU else time.perf_counter
    t0 = clock()
    try:
        run()
    except RuntimeError as exc:  # AppTest: "AppTest script run timed out after …"
        if "timed out" not in str(exc):
            raise
        return float("inf")
    return clock() - t0


def _clear() -> None:
    try:
        from ui import cache
    except ImportError:  # before the cache existed (the "before" figures)
        return
    cache.clear(session=False)


def measure(url: str, ds) -> dict:
    """The figures of one page on one dataset (module docstring)."""
    _clear()
    at = _new_session(url, ds)
    first = _timed(at.run)
    if first == float("inf"):
        return {"first": first, "chart_kb": 0.0, "ok": f"timed out after {TIMEOUT} s"}
    row = {"first": first, "chart_kb": _largest_chart_kb(at), "ok": "ok"}
    if at.exception:
        row["ok"] = str(at.exception[0].message)[:60]
        return row
    row["rerun"] = _timed(at.run)
    changed = _change(at)
    row["changed"] = changed[0] if changed else "–"
    if changed is not None:
        row["widget"] = _timed(at.run)
        if at.exception:
            row["ok"] = str(at.exception[0].message)[:60]
            return row
        key, before = changed
        widget = next(w for w in [*at.main.selectbox, *at.sidebar.slider] if w.key == key)
        widget.set_value(before)
        row["back"] = _timed(at.run)  # the earlier choice again: what a cache on the dataset serves
    return row


def profile(url: str, ds) -> None:
    """cProfile of one page's first run and widget rerun (25 costliest by cumulative time)."""
    _clear()
    at = _new_session(url, ds)
    for label, step in (("first run", lambda: None), ("widget rerun", lambda: _change(at))):
        if label != "first run":
            print(f"# changed {(step() or ('–',))[0]}")
        prof = cProfile.Profile()

        def start(*_, prof=prof):  # the first event of the script's thread turns the profiler on in that thread
            sys.setprofile(None)
            prof.enable()

        threading.setprofile(start)  # AppTest runs the script in a thread of its own
        try:
            at.run()
        finally:
            threading.setprofile(None)
            prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(str(ROOT), 30)
        print(f"## {url} — {label}\n{out.getvalue()}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", default=["sample", "100k"], choices=["sample", "100k"])
    ap.add_argument("--pages", nargs="+", help="URL paths (default: every page)")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds a run may take before it counts as timed out")
    ap.add_argument("--cpu", action="store_true", help="CPU seconds instead of wall clock (a loaded shared machine inflates the wall clock)")
    ap.add_argument("--profile", help="URL path of one page to profile (first size given)")
    a = ap.parse_args(argv)
    global TIMEOUT, CPU
    TIMEOUT, CPU = a.timeout, a.cpu
    all_pages = pages()
    if a.profile:
        profile(a.profile, dataset(a.sizes[0]))
        return 0
    chosen = [(u, p) for u, p in all_pages if not a.pages or u in a.pages]
    print(f"{'size':<7}{'page':<20}{'first s':>9}{'rerun s':>9}{'widget s':>9}{'back s':>9}{'chart KB':>10}  {'changed':<22}ok")
    failed = False
    for size in a.sizes:
        ds = dataset(size)
        AppTest.from_file(APP, default_timeout=TIMEOUT).run()  # loads the sample workbooks once, as a running server has
        for url, _path in chosen:
            r = measure(url, ds)
            warm = max(r.get("rerun", 0.0), r.get("back", 0.0))
            flag = "" if warm <= TARGET[size] and r["chart_kb"] <= CHART_KB else "  over target"
            failed |= bool(flag) or r["ok"] != "ok"

            def f(k: str, r: dict = r) -> str:
                return f"{r[k]:9.2f}" if k in r else f"{'–':>9}"

            print(
                f"{size:<7}{url:<20}{f('first')}{f('rerun')}{f('widget')}{f('back')}{r['chart_kb']:10.0f}  {r.get('changed', '–'):<22}{r['ok']}{flag}",
                flush=True,
            )
    print(f"# seconds are {'CPU time of the process' if CPU else 'wall clock'}")
    print(f"# targets: warm rerun ≤ {TARGET['sample']} s (sample), ≤ {TARGET['100k']} s (100k); chart JSON ≤ {CHART_KB} KB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
