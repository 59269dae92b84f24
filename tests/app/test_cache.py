"""The analysis cache (ui.cache): keyed on the dataset's id, the reference date and the role; shared only for the bundled sample.

Each test runs a small script in AppTest (the cache lives in a Streamlit session) and
reads what it wrote; ``computed`` counts the calls of the analysis, so a hit is seen.
"""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]  # the repository root

pytestmark = pytest.mark.apptest  # every test here runs the app in AppTest


@pytest.fixture(autouse=True)
def _demo_mode(tmp_path, monkeypatch):
    """Demo mode: an empty data directory, whatever ``var/`` holds."""
    monkeypatch.setenv("DASBOR_DATA_DIR", str(tmp_path))


def _script():
    """Writes ``<label>=<value>/<calls>`` for each step named in session state ``steps``."""
    from datetime import date

    import pandas as pd
    import streamlit as st

    from analysis.core.dataset import Dataset, ValidationReport
    from ui import cache, state

    def dataset(names: list[str], source: str = "upload.xlsx", sample: bool = False) -> Dataset:
        guru = pd.DataFrame({"guru_id": [f"g{i}" for i in range(len(names))], "nama": names, "npsn": ["10000001"] * len(names)})
        return Dataset(tables={"guru": guru}, report=ValidationReport(file=source), source=source, is_sample=sample)

    def analysis(ds: Dataset) -> str:
        st.session_state["computed"] = st.session_state.get("computed", 0) + 1
        shown = list(ds.tables["guru"]["nama"]) if state.shows_names() else [f"code-{i}" for i in range(len(ds.tables["guru"]))]
        return ",".join(shown) + (f"@{ds.as_of}" if ds.as_of else "")

    datasets = {
        "a": dataset(["Ani", "Budi"]),
        "b": dataset(["Citra"]),
        "a_dated": state.with_as_of(dataset(["Ani", "Budi"]), date(2025, 1, 1)),
        "sample": dataset(["Sari"], source="sample:sampel.xlsx", sample=True),
    }
    for label, which, shared in st.session_state.get("steps", []):
        ds = datasets[which]
        value = cache.get(ds, "test.analysis", ("all",), lambda ds=ds: analysis(ds), shared=shared)
        st.write(f"{label}={value}/{st.session_state.get('computed', 0)}")


def _run(steps, role: str | None = None, at: AppTest | None = None) -> list[str]:
    at = AppTest.from_function(_script, default_timeout=60) if at is None else at
    at.session_state["steps"] = steps
    if role:
        at.session_state["app_role"] = role
    at.run()
    assert not at.exception, at.exception
    return [m.value for m in at.markdown]


def test_a_rerun_on_the_same_dataset_is_served_from_the_cache():
    assert _run([("first", "a", False), ("again", "a", False)]) == ["first=code-0,code-1/1", "again=code-0,code-1/1"]


def test_a_new_dataset_is_never_served_the_old_datasets_result():
    out = _run([("a", "a", False), ("b", "b", False), ("a_again", "a", False)])
    assert out[1] == "b=code-0/2", "another dataset is computed afresh"
    assert out[2] == "a_again=code-0,code-1/3", "the old dataset's results were dropped with it"


def test_a_reference_date_is_part_of_the_key():
    out = _run([("a", "a", False), ("dated", "a_dated", False)])
    assert out == ["a=code-0,code-1/1", "dated=code-0,code-1@2025-01-01/2"]


def test_a_role_change_does_not_serve_the_school_heads_names_to_another_role():
    at = AppTest.from_function(_script, default_timeout=60)
    assert _run([("head", "a", False)], role="kepala_sekolah", at=at) == ["head=Ani,Budi/1"]
    out = _run([("dinas", "a", False)], role="dinas", at=at)
    assert out == ["dinas=code-0,code-1/2"], "the district officer's view is computed for that role"
    assert "Ani" not in out[0]


def test_an_upload_is_never_kept_for_another_session():
    assert _run([("one", "a", True)]) == ["one=code-0,code-1/1"]
    assert _run([("two", "a", True)]) == ["two=code-0,code-1/1"], "a second session computes the upload's results itself"


def test_the_bundled_sample_is_shared_between_sessions_when_marked_shared():
    from ui import cache

    cache.clear()
    assert _run([("one", "sample", True)]) == ["one=code-0/1"]
    assert _run([("two", "sample", True)]) == ["two=code-0/0"], "a second session is served the first one's result"
    assert _run([("three", "sample", False)]) == ["three=code-0/1"], "an analysis not marked shared is this session's only"


def test_the_login_mode_is_read_once_per_run_and_afresh_on_the_next(monkeypatch):
    def script():
        import streamlit as st

        from analysis import store as st_store
        from ui import auth

        calls = st.session_state.setdefault("oidc_checks", [])
        real = auth.oidc_configured
        auth.oidc_configured = lambda: (calls.append(1), real())[1]
        try:
            auth.new_run()
            modes = {auth.mode() for _ in range(5)}
        finally:
            auth.oidc_configured = real
        st.write(f"{','.join(sorted(modes))}/{len(calls)}")
        del st_store

    at = AppTest.from_function(script, default_timeout=60)
    at.run()
    assert [m.value for m in at.markdown] == ["demo/1"]
    at.run()
    assert [m.value for m in at.markdown] == ["demo/2"], "a new run asks again (an account added since counts)"
