"""Figures of the trend views: shares by reference year, PKG categories by year (:mod:`analysis.views.trends`)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.base import PKG_BANDS, _layout, count_axis, empty_figure, share_axis
from analysis.i18n import t
from analysis.views.trends import CATEGORIES, long_shares


def shares_by_year_figure(trend: pd.DataFrame, lang: str) -> go.Figure:
    """One line per figure (out-of-field, trained, ICT below target) over the reference years.

    Parameters
    ----------
    trend : DataFrame
        :func:`analysis.views.trends.district_trends`, or one school's rows of
        :func:`analysis.views.trends.school_trends`: one row per year.
    lang : {"id", "en"}

    Returns
    -------
    Figure
        One ``scatter`` (lines and markers) trace per figure with a value, y in
        percent; an empty-state figure for no year.
    """
    long = long_shares(trend.drop(columns=["npsn"], errors="ignore"))
    if long.empty:
        return empty_figure(lang, "trend.chart.title")
    fig = go.Figure()
    for figure, g in long.groupby("figure", sort=False):
        fig.add_trace(
            go.Scatter(
                x=g["year"].astype(str),
                y=g["value"],
                mode="lines+markers",
                name=t(f"trend.figure.{figure}", lang),
                hovertemplate="%{x}: %{y:.0%}<extra></extra>",
            )
        )
    share_axis(fig, "y")
    fig.update_xaxes(type="category")
    return _layout(fig, t("trend.chart.title", lang), t("trend.axis.year", lang), t("trend.axis.share", lang))


def pkg_by_year_figure(trend: pd.DataFrame, lang: str) -> go.Figure:
    """Teachers per PKG category, stacked, one bar per reference year.

    Parameters
    ----------
    trend : DataFrame
        One row per year with ``pkg_<category>`` counts (:mod:`analysis.views.trends`).
    lang : {"id", "en"}

    Returns
    -------
    Figure
        One ``bar`` trace per category, coloured as the bands; an empty-state
        figure when no year has an assessed teacher.
    """
    if trend.empty or int(trend[[f"pkg_{c}" for c in CATEGORIES]].to_numpy().sum()) == 0:
        return empty_figure(lang, "trend.chart.pkg")
    colour = {key.rsplit(".", 1)[1]: c for _, _, key, c in PKG_BANDS}
    fig = go.Figure()
    for c in CATEGORIES:
        fig.add_trace(go.Bar(x=trend["year"].astype(str), y=trend[f"pkg_{c}"], name=t(f"chart.band.{c}", lang), marker_color=colour.get(c)))
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category")
    count_axis(fig, "y", float(trend[[f"pkg_{c}" for c in CATEGORIES]].sum(axis=1).max()), headroom=0.05)
    return _layout(fig, t("trend.chart.pkg", lang), t("trend.axis.year", lang), t("trend.axis.teachers", lang))
