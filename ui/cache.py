"""Analyses remembered on the dataset's identity, so a rerun recomputes only what a widget change touched.

Two layers, both keyed on the dataset's content hash (:attr:`analysis.core.dataset.Dataset.id`),
its reference date (:attr:`~analysis.core.dataset.Dataset.as_of`, not part of the id but of
every "last 12 months"), the analysis and its arguments:

- **this session** (``st.session_state``): every result, also the viewer's role in the
  key, so a role switched in the demo selector never sees what another role's view
  computed (names, suppressed cells). It holds the results of one dataset at a time,
  at most :data:`SESSION_ENTRIES` of them (least recently used dropped first): a new
  upload or another account's data is never served a result of the old one.
- **the process** (``st.cache_data``), only for the bundled sample data in demo mode and
  only for results the caller marks ``shared=True`` (role-independent aggregates: no
  names, no codes): a second visitor's first page is then fast too. An upload or an
  account's stored data never enters it: no cache shared between sessions holds a
  user's data (README, *Privacy*).

Results are returned as computed, not copied: callers must not change them in place
(pages only read, or ``assign``/``rename``, which copy).
"""

from __future__ import annotations

import hashlib
import pickle
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import streamlit as st

from analysis.core.dataset import Dataset
from analysis.views import school
from ui import auth, state

#: Results kept per session (one dataset's); the oldest used is dropped beyond it.
SESSION_ENTRIES = 96

_SESSION = "app_analysis_cache"


def _stamp(ds: Dataset) -> tuple[str, str]:
    return ds.id, ds.as_of.isoformat() if ds.as_of is not None else ""


def _key_text(key: Hashable) -> str:
    try:
        raw = pickle.dumps(key, protocol=4)
    except Exception:  # an argument that does not pickle: its repr
        raw = repr(key).encode()
    return hashlib.sha256(raw).hexdigest()


def _session_store(stamp: tuple[str, str]) -> OrderedDict:
    memo = st.session_state.get(_SESSION)
    if memo is None or memo[0] != stamp:  # another dataset or reference date: start afresh
        memo = (stamp, OrderedDict())
        st.session_state[_SESSION] = memo
    return memo[1]


def _bundled(ds: Dataset) -> bool:
    """Whether ``ds`` is the bundled sample data of demo mode (no user's data in it)."""

    return auth.is_demo() and not state.has_upload() and ds.is_sample and ds.source.startswith("sample:")


@st.cache_data(show_spinner=False, max_entries=256)
def _shared(stamp: tuple[str, str], name: str, key_text: str, _compute: Callable[[], Any]) -> Any:
    # ``_compute`` is not hashed (the leading underscore); the key is stamp, name and key_text.
    return _compute()


def get(ds: Dataset, name: str, key: Hashable, compute: Callable[[], Any], *, shared: bool = False) -> Any:
    """``compute()`` remembered under (``ds``'s id and reference date, the viewer's role, ``name``, ``key``).

    Parameters
    ----------
    ds : Dataset
        The data ``compute`` reads.
    name : str
        What is computed, e.g. ``"effects.analyse"``.
    key : hashable
        Every argument that changes the result besides the dataset (school, target,
        language, whether names are shown, …).
    compute : callable
        Called with no argument on a miss.
    shared : bool
        Whether the result is the same for every role (no names, codes or suppressed
        cells): then, on the bundled sample data only, it is also kept for every session
        of the process.

    Returns
    -------
    object
        What ``compute`` returned, now or on an earlier run.
    """

    stamp = _stamp(ds)
    role = state.get_role()
    store = _session_store(stamp)
    k = (name, _key_text(key), role)
    if k in store:
        store.move_to_end(k)
        return store[k]
    if shared and _bundled(ds):
        value = _shared(stamp, name, _key_text(key), compute)
    else:
        value = compute()
    store[k] = value
    while len(store) > SESSION_ENTRIES:
        store.popitem(last=False)
    return value


def call(fn: Callable, ds: Dataset, *args, shared: bool = False, **kwargs) -> Any:
    """``fn(ds, *args, **kwargs)`` through :func:`get`, keyed on the function's name and its arguments."""
    return get(ds, f"{fn.__module__}.{fn.__qualname__}", (args, tuple(sorted(kwargs.items()))), lambda: fn(ds, *args, **kwargs), shared=shared)


def select(ds: Dataset, npsn: str | list[str] | None = None):
    """:func:`analysis.views.school.select` of ``ds`` remembered in this session (the rows of one or more schools)."""

    wanted = npsn if npsn is None or isinstance(npsn, str) else tuple(npsn)
    return get(ds, "school.select", wanted, lambda: school.select(ds, npsn))


def clear(session: bool = True) -> None:
    """Forget every remembered result: the process's and (``session``, inside a run) this session's."""
    _shared.clear()
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if session and get_script_run_ctx(suppress_warning=True) is not None:
        st.session_state.pop(_SESSION, None)
