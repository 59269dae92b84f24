"""Session state of the app: language, role, the active dataset, widget keys.

Everything a page needs to know about the session goes through here, so that
pages stay thin and the rules live in one place:

- the UI language lives in the URL (``?lang=en``) so a link keeps it, with the
  session as a fallback when a page switch drops the query string;
- the active dataset is the user's upload for this session only, else the
  bundled sample workbooks combined into one illustrative district;
- the role decides whether teachers' names are shown (only to the school head);
- with accounts (:mod:`ui.auth`), the role is the logged-in account's and every
  page's data is :func:`scoped_dataset`: what :func:`analysis.store.datasets_for`
  gives that account, remembered for this session only and read afresh when
  :func:`analysis.store.data_version` changes. In demo mode the data is the
  sample (or this session's upload) and the role a selector.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

import streamlit as st

from analysis import store as st_store
from analysis.core import formatting
from analysis.core.dataset import Dataset, ValidationReport
from analysis.core.formatting import parse_date
from analysis.i18n import DEFAULT_LANG, LANGS, t
from analysis.ingest.load import combine, empty_tables, load_file, load_path
from analysis.metrics import privacy
from analysis.samples import sample_paths as all_samples
from ui import auth
from ui.text import plain

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"


#: Language code → name shown in the selector (a language's own name, not translated).
LANG_NAMES = {"id": "Bahasa Indonesia", "en": "English"}

#: Roles of the demo mode's selector; only the school head sees teachers' names.
ROLES = ("kepala_sekolah", "dinas", "peneliti")
DEFAULT_ROLE = "dinas"

# Session-state keys owned by this module (prefixed "app_" like the shell's widgets).
_LANG = "app_lang_value"
_DATASET = "app_dataset"
LANG_WIDGET = "app_lang"
ROLE_WIDGET = "app_role"
AS_OF_WIDGET = "app_as_of"


def key(page: str, name: str) -> str:
    """Widget key prefixed with its page, e.g. ``key("profil", "school") == "profil_school"``."""
    return f"{page}_{name}"


# ---------------------------------------------------------------- language


def get_lang() -> str:
    """The UI language: ``?lang=`` in the URL, else the session's, else Bahasa Indonesia."""
    qp = st.query_params.get("lang")
    if qp in LANGS:
        st.session_state[_LANG] = qp
    return st.session_state.get(_LANG, DEFAULT_LANG)


def set_lang(lang: str) -> None:
    """Make ``lang`` the UI language and write it into the URL."""
    if lang not in LANGS:
        lang = DEFAULT_LANG
    st.session_state[_LANG] = lang
    st.query_params["lang"] = lang


def keep_lang_in_url() -> None:
    """Write the session's language back into the URL (a page switch drops the query string)."""
    lang = get_lang()
    if st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang


def _on_lang_change() -> None:
    set_lang(st.session_state[LANG_WIDGET])


def language_selector(container) -> None:
    """Selector of the UI language in ``container`` (the sidebar); kept in the URL."""

    lang = get_lang()
    container.selectbox(
        t("app.language", lang),
        list(LANGS),
        index=list(LANGS).index(lang),
        format_func=LANG_NAMES.get,
        key=LANG_WIDGET,
        on_change=_on_lang_change,
    )


# -------------------------------------------------------------------- role


def get_role() -> str:
    """The viewer's role: the logged-in account's; in demo mode the selector's (session only).

    ``"kepala_sekolah"``, ``"dinas"``, ``"peneliti"`` or (accounts only) ``"admin"``;
    ``""`` when accounts exist and nobody is logged in.
    """

    if not auth.is_demo():
        user = auth.current_user()
        return user.role if user is not None else ""
    role = st.session_state.get(ROLE_WIDGET, DEFAULT_ROLE)
    return role if role in ROLES else DEFAULT_ROLE


def shows_names(page: str | None = None) -> bool:
    """Whether teachers' names may be shown: to the school head; to the dinas on the teacher page (``page="guru"``) only."""
    role = get_role()
    return role == "kepala_sekolah" or (role == "dinas" and page == "guru")


def shows_identifiers() -> bool:
    """Whether a teacher's NUPTK, NIP and exact age may be shown: to the school's own head only (the dinas sees the name on the teacher page, not the identifiers)."""
    return get_role() == "kepala_sekolah"


def suppresses_small_cells() -> bool:
    """Whether figures over fewer than 10 teachers are shown as "<10": for the researcher (peneliti) role."""
    return get_role() == "peneliti"


def role_selector(container, lang: str) -> None:
    """Selector of the viewer's role in ``container``; stored in the session, not the URL."""

    container.selectbox(
        t("app.role", lang),
        list(ROLES),
        index=ROLES.index(get_role()),
        format_func=lambda r: t(f"role.{r}", lang),
        key=ROLE_WIDGET,
        help=t("app.role.help", lang),
    )


# ----------------------------------------------------------------- dataset


def sample_paths() -> list[Path]:
    """The sample workbooks present in ``data/``, in the agreed order (:func:`analysis.samples.sample_paths`)."""

    return [p for p in all_samples(DATA_DIR) if p.is_file()]


@st.cache_data(show_spinner=False, max_entries=4)
def _read_samples(stamp: tuple[tuple[str, float], ...]) -> Dataset:
    # ``stamp`` (path, mtime) makes a rewritten sample file load afresh.
    if not stamp:
        return Dataset(tables=empty_tables(), report=ValidationReport(file="", layout="combined"), source="", is_sample=True)
    return combine([load_path(p, is_sample=True) for p, _ in stamp])


_SAMPLES_READ: set = set()


def _load_samples(stamp: tuple[tuple[str, float], ...]) -> Dataset:
    if stamp in _SAMPLES_READ:
        return _read_samples(stamp)

    with st.spinner(t("app.loading_samples", get_lang()), show_time=True):  # seconds, once per server process
        ds = _read_samples(stamp)
    _SAMPLES_READ.add(stamp)
    return ds


def sample_dataset() -> Dataset:
    """The bundled sample workbooks combined into one illustrative district (cached; a spinner while first read)."""
    stamp = tuple((str(p), p.stat().st_mtime) for p in sample_paths())
    return _load_samples(stamp)


#: Uploads parsed at once in the whole process. Parsing is CPU-bound (a 5 MB
#: workbook takes seconds); unbounded, ten uploads at once would starve every
#: other session's page (2 cores). The others wait their turn.
PARSE_SLOTS = 2


class UploadSlots:
    """A process-wide limit on how many uploads are parsed at once (a bounded semaphore).

    Parameters
    ----------
    n : int
        Uploads parsed at the same time.
    poll : float
        Seconds between calls of ``on_wait`` while a caller waits.
    """

    def __init__(self, n: int = PARSE_SLOTS, poll: float = 0.5) -> None:
        self.n = n
        self.poll = poll
        self._sem = threading.BoundedSemaphore(n)

    @contextmanager
    def hold(self, on_wait: Callable[[float], None] | None = None) -> Iterator[None]:
        """Hold a slot for the ``with`` block, waiting for one if all are taken.

        Parameters
        ----------
        on_wait : callable, optional
            Called as ``on_wait(seconds_waited)`` when the caller has to wait,
            then every ``poll`` seconds until a slot frees. It may raise to give
            up the wait (Streamlit stops a script this way when its user leaves);
            no slot is then held.

        Yields
        ------
        None
            The slot is given back when the block ends, also by an exception.
        """
        if not self._sem.acquire(blocking=False):
            start = time.monotonic()
            while True:
                if on_wait is not None:
                    on_wait(time.monotonic() - start)
                if self._sem.acquire(timeout=self.poll):
                    break
        try:
            yield
        finally:
            self._sem.release()


@st.cache_resource
def upload_slots() -> UploadSlots:
    """The app's one :class:`UploadSlots` (shared by every session of the process)."""
    return UploadSlots(PARSE_SLOTS)


_UPLOADS = "app_upload_cache"


def load_upload(data: bytes, filename: str, npsn: str | None = None, *, lang: str = DEFAULT_LANG) -> Dataset:
    """Read an uploaded file, at most :data:`PARSE_SLOTS` at once in the process; never raises for a user's file.

    Remembered for this session only (the last reading): not ``st.cache_data``
    nor any cache shared across sessions, so a user's data does not outlive the
    session and another session sending the same bytes never hits it. While it
    is read, a status box says when the upload waits for other users' uploads,
    then which phase it is in (reading, checking every row, checking across sheets).

    Parameters
    ----------
    data : bytes
        The file's content.
    filename : str
        Its name as uploaded.
    npsn : str, optional
        The NPSN the user gave for a Dapodik listing that carries none
        (:func:`analysis.ingest.load.load_file`).
    lang : {"id", "en"}
        Language of the status box.

    Returns
    -------
    Dataset
        As :func:`analysis.ingest.load.load_file`.
    """

    stamp = (hashlib.sha256(data).hexdigest(), filename, npsn)
    memo = st.session_state.get(_UPLOADS)
    if memo is not None and memo[0] == stamp:
        return memo[1]
    with st.status(t("upload.progress.start", lang, file=_plain(filename)), expanded=False) as box:
        bar = st.progress(0.0)

        def waiting(seconds: float) -> None:
            box.update(label=t("upload.waiting", lang, seconds=int(seconds)), state="running")

        def phase(name: str, fraction: float) -> None:
            bar.progress(min(max(fraction, 0.0), 1.0))
            if name != "done":
                box.update(label=t(f"upload.phase.{name}", lang), state="running")

        with upload_slots().hold(waiting):
            ds = load_file(data, filename, npsn=npsn, progress=phase)
        box.update(label=t("upload.phase.done", lang, file=_plain(filename)), state="complete")
    st.session_state[_UPLOADS] = (stamp, ds)
    return ds


def _plain(text: str) -> str:

    return plain(text)


def pseudonym_key_source() -> str:
    """Make the deployment's pseudonym key the one in use and say where it came from.

    Streamlit secrets (``DASBOR_PSEUDONYM_KEY`` in ``.streamlit/secrets.toml``)
    first, then what :func:`analysis.metrics.privacy.configure_key` finds (environment,
    key file in the data directory). Read once per server process.
    """

    global _KEY_SOURCE
    if _KEY_SOURCE is None:
        try:
            secret = st.secrets.get(privacy.KEY_ENV)
        except Exception:  # no secrets file: the environment or the key file decides
            secret = None
        _KEY_SOURCE = privacy.configure_key(secret)
    return _KEY_SOURCE


_KEY_SOURCE: str | None = None


def loaded_schools():
    """Schools of this session's upload (one row per school), or ``None`` while the sample data is active."""
    return get_dataset().tables["sekolah"] if has_upload() else None


_SCOPED = "app_scoped_dataset"


def _empty_dataset(source: str = "store") -> Dataset:
    return Dataset(tables=empty_tables(), report=ValidationReport(file="", layout="combined"), source=source)


def _remembered(slot: str, load: Callable, empty: Callable):
    """``load(store, user)`` for the logged-in account, kept in this session under the account and the data version."""

    user = auth.current_user()
    s = auth.store()
    if user is None or s is None or user.role == "admin":
        return empty()
    stamp = (user.id, user.role, tuple(user.npsn or ()), user.kabupaten, st_store.data_version(s))
    memo = st.session_state.get(slot)
    if memo is not None and memo[0] == stamp:
        return memo[1]
    try:
        value = load(s, user)
    except st_store.AccessDenied:
        value = empty()
    st.session_state[slot] = (stamp, value)
    return value


def scoped_dataset() -> Dataset:
    """The logged-in account's data: :func:`analysis.store.datasets_for` of the account, nothing else.

    The one way pages reach stored data. Remembered in this session only, under
    the account and :func:`analysis.store.data_version` (a new upload or a
    change of current data is read afresh); never in a cache shared across
    sessions. Empty for an administrator (accounts, no teacher data), for no
    login, or when the store refuses (:class:`analysis.store.AccessDenied`).
    """

    return _remembered(_SCOPED, st_store.datasets_for, _empty_dataset)


def scoped_years() -> dict:
    """Per (NPSN, year) the logged-in account's data of that year (:func:`analysis.store.years_for`); ``{}`` in demo mode.

    Remembered like :func:`scoped_dataset` (this session, this data version).
    """

    return _remembered(_SCOPED + "_years", st_store.years_for, dict)


def record_download(what: str, npsn: list[str] | tuple[str, ...] | str | None = None) -> None:
    """Write an identified download to the audit log (``download``); nothing in demo mode or for de-identified data.

    Parameters
    ----------
    what : str
        The file or button key, e.g. ``"profil_report"``.
    npsn : str or list of str, optional
        The schools in the file; default every school of the account's data.
    """

    user = auth.current_user()
    if user is None or user.role not in ("kepala_sekolah", "dinas"):
        return
    if npsn is None:
        npsn = sorted(str(n) for n in get_dataset().tables["sekolah"]["npsn"].dropna().unique())
    st_store.record(auth.store(), user, "download", {"file": what, "npsn": [npsn] if isinstance(npsn, str) else list(npsn)})


def audited(build: Callable, what: str, npsn=None) -> Callable:
    """``build`` (a deferred download's data) that writes the download to the audit log when it runs."""

    def run(*args, **kwargs):
        record_download(what, npsn)
        return build(*args, **kwargs)

    return run


def get_dataset() -> Dataset:
    """The active dataset, with the reference date the user set, if any.

    With accounts: :func:`scoped_dataset` (the logged-in account's scope, from
    the store). Demo mode: this session's upload, else the sample data.
    """

    pseudonym_key_source()
    if not auth.is_demo():
        ds = scoped_dataset()
    else:
        ds = st.session_state.get(_DATASET)
        ds = ds if ds is not None else sample_dataset()
    as_of = as_of_date()
    return with_as_of(ds, as_of) if as_of is not None else ds


def with_as_of(ds: Dataset, as_of) -> Dataset:
    """``ds`` with reference date ``as_of``, its content hash (:attr:`Dataset.id`) carried over.

    The id does not depend on the date; hashing every table again on each run
    takes seconds at 100,000 teachers.
    """
    out = replace(ds, as_of=as_of)
    if "id" in ds.__dict__:  # functools.cached_property keeps its value in the instance's __dict__
        out.__dict__["id"] = ds.__dict__["id"]
    return out


def as_of_date() -> date | None:
    """The reference date typed in the sidebar (:func:`analysis.core.formatting.parse_date`); ``None`` when empty or unreadable."""

    typed = st.session_state.get(AS_OF_WIDGET)
    if isinstance(typed, date):
        return typed
    try:
        return parse_date(typed) if isinstance(typed, str) else None
    except ValueError:
        return None


def reference_date_input(container, lang: str, ds: Dataset) -> None:
    """The reference date in ``container`` (the sidebar), typed as dd/mm/yyyy or "31 Desember 2024"; empty uses the latest date in the data.

    A text field rather than Streamlit's date picker, whose calendar names the
    months in English whatever the UI language; the date read is shown back
    with its month named in the UI language, an unreadable one says so.
    """

    latest = with_as_of(ds, None).reference_date()
    typed = container.text_input(
        t("app.as_of", lang),
        key=AS_OF_WIDGET,
        placeholder=t("app.as_of.placeholder", lang),
        help=t("app.as_of.help", lang, latest=formatting.date(latest, lang)) if latest is not None else t("app.as_of.help.none", lang),
    )
    if typed and typed.strip():
        read = as_of_date()
        if read is None:
            container.warning(t("app.as_of.invalid", lang, text=plain(typed)), icon=":material/event_busy:")
        else:
            container.caption(formatting.date(read, lang, "long"))


def set_dataset(ds: Dataset) -> None:
    """Make ``ds`` (an upload) the active dataset for this session only."""
    st.session_state[_DATASET] = ds


def reset_dataset() -> None:
    """Go back to the sample data."""
    st.session_state.pop(_DATASET, None)


def has_upload() -> bool:
    """Whether this session uses an uploaded dataset (demo mode only; with accounts uploads go to the store)."""

    return auth.is_demo() and st.session_state.get(_DATASET) is not None
