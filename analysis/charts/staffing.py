"""Staffing charts: out-of-field teaching by subject, the subject × prodi matrix, sheet presence per school."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.charts.base import MAIN, MAX_LABELLED_COLUMNS, _layout, _wrap, count_axis, empty_figure
from analysis.core import formatting
from analysis.i18n import t


def out_of_field_by_subject_figure(by_subject: pd.DataFrame, lang: str) -> go.Figure:
    """Teachers of each subject by linieritas (linier / tidak linier / unknown), stacked.

    Parameters
    ----------
    by_subject : DataFrame
        Output of :func:`analysis.metrics.linieritas.by_subject`: one row per subject with
        counts ``linier``, ``tidak_linier``, ``unknown`` and ``share_out`` (0–1).
    lang : {"id", "en"}

    Returns
    -------
    Figure
        Three horizontal ``bar`` traces (stacked), one bar per subject, subjects
        with the highest out-of-field share on top; the share is printed beside
        each bar that has one.
    """
    if by_subject.empty:
        return empty_figure(lang, "chart.oof.title")
    colours = {"linier": "#8ab17d", "tidak_linier": "#e76f51", "unknown": "#bbbbbb"}
    fig = go.Figure()
    for status in ("tidak_linier", "linier", "unknown"):
        fig.add_trace(
            go.Bar(
                y=by_subject["mata_pelajaran"].tolist(),
                x=by_subject[status].tolist(),
                orientation="h",
                name=t(f"chart.oof.{status}", lang),
                marker_color=colours[status],
                hovertemplate="%{y}: %{x}<extra>" + t(f"chart.oof.{status}", lang) + "</extra>",
            )
        )
    total = (by_subject["linier"] + by_subject["tidak_linier"] + by_subject["unknown"]).tolist()
    share_text = [formatting.share(s, lang, 0, missing="") for s in by_subject["share_out"]]
    fig.add_trace(
        go.Scatter(
            y=by_subject["mata_pelajaran"].tolist(),
            x=total,
            mode="text",
            text=share_text,
            textposition="middle right",
            showlegend=False,
            hoverinfo="skip",
            cliponaxis=False,
        )
    )
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.15}, margin={"r": 48})
    count_axis(fig, "x", max(total, default=0), headroom=0.2)
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, t("chart.oof.title", lang), t("chart.axis.teachers", lang), None, height=max(260, 90 + 26 * len(by_subject)))


def matrix_figure(
    table: pd.DataFrame,
    row: str,
    col: str,
    value: str,
    lang: str,
    title_key: str,
    row_labels: dict[object, str] | None = None,
    col_labels: dict[object, str] | None = None,
    percent: bool = False,
    zrange: tuple[float, float] | None = None,
    reverse_scale: bool = False,
    **title_params: object,
) -> go.Figure:
    """A heatmap of an aggregated value per row group × column group (e.g. share below target per age band × skill).

    Parameters
    ----------
    table : DataFrame
        Long table, one row per ``row`` × ``col`` with ``value``.
    row, col, value : str
        Column names.
    lang : {"id", "en"}
    title_key : str
        String key of the title (``title_params`` fill it).
    row_labels, col_labels : dict, optional
        Display labels of the groups.
    percent : bool
        ``value`` is a share 0–1, shown in percent.
    zrange : tuple, optional
        Colour scale range (default 0–1 for shares).
    reverse_scale : bool
        Darker for lower values (scores), instead of higher (gaps).

    Returns
    -------
    Figure
        One ``heatmap`` trace with the values printed in the cells; the
        empty-state figure when ``table`` is empty.
    """
    if table.empty:
        return empty_figure(lang, title_key)
    rows = list(dict.fromkeys(table[row]))
    cols = list(dict.fromkeys(table[col]))
    m = table.pivot_table(index=row, columns=col, values=value, aggfunc="first").reindex(index=rows, columns=cols)
    z = m.to_numpy(dtype=float)
    text = [[formatting.share(v, lang, 0, missing="") if percent else formatting.number(v, lang, missing="") for v in r] for r in z]
    finite = z[np.isfinite(z)]
    lo, hi = zrange if zrange else ((0.0, 1.0) if percent else ((float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)))
    # cell labels only while a cell is wide enough for "100%"; beyond that the hover tells
    texttemplate = "%{text}" if len(cols) <= MAX_LABELLED_COLUMNS else ""
    fig = go.Figure(
        go.Heatmap(
            z=z,
            # a chart in half a page leaves about 70 px a column beyond four columns: short lines
            x=[_wrap((col_labels or {}).get(c, str(c)), 14 if len(cols) <= 4 else 9) for c in cols],
            y=[(row_labels or {}).get(r, str(r)) for r in rows],
            text=text,
            texttemplate=texttemplate,
            textfont={"size": 12 if len(cols) <= 6 else 10},
            colorscale="Blues" if not reverse_scale else "Blues_r",
            zmin=lo,
            zmax=hi,
            xgap=1,
            ygap=1,
            hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
            showscale=False,
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickangle=0, tickfont={"size": 11 if len(cols) <= 4 else 10})
    return _layout(fig, t(title_key, lang, **title_params), None, None, height=max(260, 110 + 34 * len(rows)))


def presence_matrix_figure(
    table: pd.DataFrame,
    row: str,
    col: str,
    value: str,
    hover: str,
    lang: str,
    title_key: str,
    row_labels: dict[object, str] | None = None,
) -> go.Figure:
    """Which row item each column reports (e.g. obstacle category × study): filled cells where ``value`` is 1.

    Parameters
    ----------
    table : DataFrame
        One row per ``row`` × ``col`` with ``value`` 0/1 and a ``hover`` text.
    lang : {"id", "en"}
    title_key : str
    row_labels : dict, optional
        Display label of a row item (already translated), e.g. an obstacle category in English.

    Returns
    -------
    Figure
        One ``heatmap`` trace (two colours, no scale) with the hover text of each cell, and a ✓ in each filled cell.
    """
    if table.empty:
        return empty_figure(lang, title_key)
    rows = list(dict.fromkeys(table[row]))
    cols = list(dict.fromkeys(table[col]))
    z = table.pivot_table(index=row, columns=col, values=value, aggfunc="max").reindex(index=rows, columns=cols).fillna(0)
    hov = table.pivot_table(index=row, columns=col, values=hover, aggfunc="first").reindex(index=rows, columns=cols).fillna("")
    fig = go.Figure(
        go.Heatmap(
            z=z.to_numpy(dtype=float),
            x=[_wrap(c) for c in cols],
            y=[(row_labels or {}).get(r, r) for r in rows],
            text=[["✓" if v else "" for v in r] for r in z.to_numpy()],
            texttemplate="%{text}",
            customdata=hov.to_numpy(),
            colorscale=[[0, "#f4f4f4"], [1, MAIN]],
            zmin=0,
            zmax=1,
            showscale=False,
            xgap=2,
            ygap=2,
            hovertemplate="%{y} · %{x}<br>%{customdata}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top", tickangle=0)
    fig = _layout(fig, t(title_key, lang), None, None, height=max(300, 120 + 34 * len(rows)))
    # the column labels sit on top, under the title: leave room for their wrapped lines
    lines = max(_wrap(c).count("<br>") + 1 for c in cols)
    fig.update_layout(margin={"t": 50 + 16 * lines}, title={"y": 0.99, "yanchor": "top"})
    return fig
