"""What the loaded file can say, on every page: one box, and a note in place of each figure it cannot draw.

The decisions are :mod:`analysis.views.coverage`'s; this module only renders them, so
that no page holds its own test of which sheets a file had.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from analysis import charts
from analysis.i18n import t
from analysis.views import coverage as cov_
from ui import widgets


def of(tables: dict, reference_date) -> cov_.Coverage:
    """:func:`analysis.views.coverage.coverage` of a selection's tables and reference date."""
    return cov_.coverage(tables, reference_date)


def box(cov: cov_.Coverage, figures: tuple[str, ...] | list[str], lang: str) -> None:
    """The one box saying which of the page's ``figures`` the file supports and which template sheet adds the rest (nothing when all are supported)."""
    text = cov_.box_text(cov, figures, lang)
    if text:
        st.info(text, icon=":material/table_view:")


def figure(cov: cov_.Coverage, name: str, build: Callable[[], object], key: str, lang: str, title_key: str = "chart.empty") -> None:
    """Draw ``build()`` when the file supports figure ``name``; else an empty figure titled ``title_key`` that says why."""
    note = cov_.no_data_key(cov, name)
    widgets.figure(build() if note is None else charts.empty_figure(lang, title_key, note), key)


def note(cov: cov_.Coverage, name: str, lang: str) -> bool:
    """Say "no data in this file" (or "no date") in place of figure ``name``'s text; ``True`` when it did (nothing more to show)."""
    key = cov_.no_data_key(cov, name)
    if key is None:
        return False
    st.caption(t(key, lang))
    return True
