"""Chart builders for the district plan (:mod:`analysis.plan`): the needs heatmap, before/after bars, the school map.

Same conventions as :mod:`analysis.charts`: aggregated tables in, labelled
plotly figures out, every word from the string table. The map is a plain
``go.Scatter`` of longitude × latitude over a locally drawn outline
(:func:`analysis.plan.geo.outline_rings`): no tile server, no CDN.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.charts.base import _layout, count_axis, empty_figure
from analysis.core import formatting
from analysis.i18n import t


def needs_heatmap(matrix: pd.DataFrame, lang: str, row_labels: dict[str, str] | None = None, value_key: str = "plan.figure.balance") -> go.Figure:
    """Schools (or kecamatan) × subjects, coloured by hours short (red, below 0) or spare (blue, above 0).

    Parameters
    ----------
    matrix : DataFrame
        :func:`analysis.plan.needs.heatmap_matrix` output (rows × subjects, JJM a week; NaN where not taught).
    row_labels : dict, optional
        Row key → label (NPSN → school name).
    value_key : str
        String key of the value's name (hover and colour bar).

    Returns
    -------
    Figure
        One ``heatmap`` trace, diverging scale centred on 0; an empty-state figure without data.
    """
    title = "plan.chart.heatmap"
    if matrix.empty:
        return empty_figure(lang, title)
    labels = row_labels or {}
    z = matrix.to_numpy(dtype=float)
    lim = float(np.nanmax(np.abs(z))) if np.isfinite(z).any() else 1.0
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[str(c) for c in matrix.columns],
            y=[labels.get(r, str(r)) for r in matrix.index],
            zmid=0,
            zmin=-lim or -1,
            zmax=lim or 1,
            colorscale="RdBu",
            colorbar={"title": {"text": t(value_key, lang)}},
            hovertemplate="%{y}<br>%{x}<br>" + t(value_key, lang) + ": %{z:.0f}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, t(title, lang), height=max(320, 22 * len(matrix) + 160))


def before_after_figure(stats: dict, lang: str) -> go.Figure:
    """The district's out-of-field hours, uncovered hours and certified teachers below 24, before and after the proposal.

    Parameters
    ----------
    stats : dict
        :attr:`analysis.plan.redistribution.Proposal.stats`.

    Returns
    -------
    Figure
        Two ``bar`` traces (before, after) over three figures.
    """
    keys = [("out", "plan.figure.out_jjm"), ("uncovered", "plan.figure.uncovered_jjm"), ("below24", "plan.figure.below24")]
    before = [stats.get("out_before", 0.0), 0.0, stats.get("below24_before", 0)]
    after = [stats.get("out_after", 0.0), stats.get("uncovered_after", 0.0), stats.get("below24_after", 0)]
    x = [t(k, lang) for _, k in keys]
    fig = go.Figure(
        [
            go.Bar(
                name=t("plan.before", lang),
                x=x,
                y=before,
                marker_color="#e76f51",
                text=[formatting.count(v, lang) for v in before],
                textposition="outside",
                textangle=0,
                cliponaxis=False,
            ),
            go.Bar(
                name=t("plan.after", lang),
                x=x,
                y=after,
                marker_color="#2a9d8f",
                text=[formatting.count(v, lang) for v in after],
                textposition="outside",
                textangle=0,
                cliponaxis=False,
            ),
        ]
    )
    fig.update_layout(barmode="group")
    count_axis(fig, "y", max([float(v) for v in before + after], default=0))
    return _layout(fig, t("plan.chart.before_after", lang))


def school_map(points: pd.DataFrame, rings: list, lang: str, value_key: str, percent: bool = False) -> go.Figure:
    """Schools placed by coordinates over Indonesia's outline, coloured by an indicator.

    Parameters
    ----------
    points : DataFrame
        :func:`analysis.plan.views.map_points` output (``npsn``, ``nama_sekolah``,
        ``lintang``, ``bujur``, ``value``); rows without coordinates are left out.
    rings : list
        :func:`analysis.plan.geo.outline_rings` (``(lons, lats)`` pairs); empty: a graticule only.
    value_key : str
        String key of the indicator's name.
    percent : bool
        Show the value as a percentage.

    Returns
    -------
    Figure
        One ``scatter`` line trace for the outline (no hover) and one marker
        trace of schools whose ``customdata`` is the NPSN (for a click to open
        the school); axes in degrees with equal scale, zoomed to the schools.
    """
    title = "plan.chart.map"
    pts = points.dropna(subset=["lintang", "bujur"])
    if pts.empty:
        return empty_figure(lang, title)
    fig = go.Figure()
    if rings:
        lons, lats = [], []
        for rl, rb in rings:
            lons += [*rl, None]
            lats += [*rb, None]
        fig.add_trace(
            go.Scatter(
                x=lons,
                y=lats,
                mode="lines",
                line={"color": "#9aa5b1", "width": 1},
                fill="toself",
                fillcolor="rgba(200,205,210,0.25)",
                hoverinfo="skip",
                showlegend=False,
            )
        )
    v = pts["value"].astype(float)
    shown = (v * 100).round(1) if percent else v.round(1)
    fig.add_trace(
        go.Scatter(
            x=pts["bujur"],
            y=pts["lintang"],
            mode="markers",
            customdata=pts["npsn"],
            text=pts["nama_sekolah"],
            marker={
                "size": 11,
                "color": shown,
                "colorscale": "YlOrRd",
                "showscale": True,
                "line": {"width": 0.5, "color": "#333"},
                "colorbar": {"title": {"text": t(value_key, lang) + (" (%)" if percent else "")}},
            },
            hovertemplate="%{text}<br>NPSN %{customdata}<br>" + t(value_key, lang) + ": %{marker.color}" + ("%" if percent else "") + "<extra></extra>",
            showlegend=False,
        )
    )
    pad = 0.15
    x0, x1 = float(pts["bujur"].min()) - pad, float(pts["bujur"].max()) + pad
    y0, y1 = float(pts["lintang"].min()) - pad, float(pts["lintang"].max()) + pad
    fig.update_xaxes(range=[x0, x1], title_text=t("plan.map.lon", lang), showgrid=True, gridcolor="#e5e5e5", zeroline=False)
    fig.update_yaxes(range=[y0, y1], title_text=t("plan.map.lat", lang), showgrid=True, gridcolor="#e5e5e5", zeroline=False, scaleanchor="x", scaleratio=1)
    return _layout(fig, t(title, lang), height=560)
