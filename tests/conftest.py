"""Session fixtures over the bundled sample data, and the check that AppTest tests are marked.

The sample files in ``data/`` are made by ``python -m analysis.samples data``
(deterministic). Loading them (read, validate, assemble) takes a second or
more each, so the datasets here are loaded once per test session (once per
pytest-xdist worker) and shared: tests must not change them in place.

Tests that run a page through Streamlit's AppTest take seconds each; they are
marked ``apptest`` so that ``make test-fast`` (``-m "not apptest and not
browser and not slow"``) leaves them out. A test that creates an AppTest
without the mark fails here, so the fast lane cannot grow slow unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.core.dataset import Dataset
from analysis.ingest import load as ingest
from analysis.samples import sample_paths as _sample_paths
from helpers import ROOT

SMPN8 = ROOT / "data" / "sampel_smpn8_prabumulih.xlsx"


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository's root folder (where app.py and data/ are)."""
    return ROOT


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    """The bundled sample files, in the app's display order (five schools' workbooks, then the Dapodik export)."""
    return _sample_paths(ROOT / "data")


@pytest.fixture(scope="session")
def sample_dataset() -> Dataset:
    """SMPN 8 Prabumulih's sample workbook, loaded as a sample (``is_sample=True``)."""
    return ingest.load_path(SMPN8, is_sample=True)


@pytest.fixture(scope="session")
def district_dataset(sample_paths) -> Dataset:
    """Every bundled sample file loaded as a sample and combined into one district."""
    return ingest.combine([ingest.load_path(p, is_sample=True) for p in sample_paths])


# ------------------------------------------------------------------ AppTest tests carry the apptest mark

_current: list[pytest.Item] = []


def pytest_configure(config: pytest.Config) -> None:
    try:
        from streamlit.testing.v1 import app_test
    except ImportError:  # streamlit missing: the AppTest tests fail on their own
        return
    original = app_test.AppTest.__init__
    if getattr(original, "_checks_mark", False):
        return

    def __init__(self, *args, **kwargs):
        item = _current[-1] if _current else None
        if item is not None and item.get_closest_marker("apptest") is None:
            pytest.fail(f"{item.nodeid} creates an AppTest but is not marked @pytest.mark.apptest (make test-fast would run it)")
        original(self, *args, **kwargs)

    __init__._checks_mark = True  # type: ignore[attr-defined]
    app_test.AppTest.__init__ = __init__  # type: ignore[method-assign]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _current[:] = [item]


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    _current.clear()
