"""Competency charts: PKG domain scores with their bands, PKG categories, UKG beside its reference, per-teacher scores."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.charts.base import MAIN, PKG_BANDS, SECOND, _layout, count_axis, empty_figure, score_axis
from analysis.core import formatting
from analysis.i18n import t


def add_pkg_bands(fig: go.Figure, lang: str, axis: str = "y", row: int | None = None, col: int | None = None) -> go.Figure:
    """Shade the five PKG categories (Amat Baik … Kurang) behind a 0–100 score axis, named in the margin.

    Parameters
    ----------
    fig : Figure
        A figure whose ``axis`` ("y" or "x") holds 0–100 scores.
    lang : {"id", "en"}
    row, col : int, optional
        The subplot to shade (a figure made with ``make_subplots``); default the only one.

    Returns
    -------
    Figure
        The same figure, with five shaded rectangles (``layout.shapes``, drawn below the
        traces) and their labels outside the plot area (right margin for a y axis, above
        for an x axis, so that they never cover a box or a point), the score axis fixed to 0–100.
    """
    where = {"row": row, "col": col} if row is not None else {}
    yref = "y" if row is None or row == 1 else f"y{row}"
    for low, high, key, colour in PKG_BANDS:
        kw = dict(fillcolor=colour, opacity=0.13, line_width=0, layer="below")
        if axis == "y":
            fig.add_hrect(y0=low, y1=high, **kw, **where)
            fig.add_annotation(
                x=1,
                xref="paper",
                xanchor="left",
                xshift=6,
                y=(low + high) / 2,
                yref=yref,
                text=t(key, lang),
                showarrow=False,
                font={"size": 10, "color": "#555"},
            )
        else:
            fig.add_vrect(x0=low, x1=high, **kw, **where)
            fig.add_annotation(
                y=1,
                yref="paper",
                yanchor="bottom",
                yshift=2,
                x=(low + high) / 2,
                xref="x",
                text=t(key, lang),
                showarrow=False,
                font={"size": 10, "color": "#555"},
            )
    widest = max(len(t(key, lang)) for _, _, key, _ in PKG_BANDS)
    if axis == "y":
        fig.update_layout(margin={"r": 14 + 6 * widest})
        (fig.update_yaxes(range=[0, 100], tick0=0, dtick=10, **where))
    else:
        fig.update_layout(margin={"t": 70})
        fig.update_xaxes(range=[0, 100], tick0=0, dtick=10, **where)
    return fig


def domain_scores_figure(stats: pd.DataFrame, lang: str, school_mean: dict[str, float] | None = None) -> go.Figure:
    """Distribution of the four domain scores (box from quartiles) with the mean, over the PKG bands.

    Parameters
    ----------
    stats : DataFrame
        Output of :func:`box_stats` with group column ``domain`` (keys of
        :data:`analysis.core.schema.DOMAINS`), scores 0–100.
    lang : {"id", "en"}
    school_mean : dict, optional
        Domain → mean to mark with a diamond; defaults to ``stats.mean``.

    Returns
    -------
    Figure
        One ``box`` trace (precomputed quartiles, one box per domain with
        n > 0) and one ``scatter`` trace of the means; PKG bands as shapes.
    """
    s = stats[stats["n"] > 0]
    if s.empty:
        return empty_figure(lang, "chart.domain.title")
    labels = [t(f"domain.{d}", lang) for d in s["domain"]]
    means = [float((school_mean or {}).get(d, m)) for d, m in zip(s["domain"], s["mean"])]
    fig = go.Figure()
    fig.add_trace(
        go.Box(
            x=labels,
            q1=s["q1"].tolist(),
            median=s["median"].tolist(),
            q3=s["q3"].tolist(),
            lowerfence=s["lowerfence"].tolist(),
            upperfence=s["upperfence"].tolist(),
            name=t("chart.domain.distribution", lang),
            marker_color=MAIN,
            boxpoints=False,
            customdata=s["n"].tolist(),
            hovertemplate="%{x}<br>n = %{customdata}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=labels,
            y=means,
            mode="markers",
            name=t("chart.domain.mean", lang),
            marker={"symbol": "diamond", "size": 11, "color": SECOND, "line": {"width": 1, "color": "#333"}},
            hovertemplate="%{x}: %{y:.1f}<extra></extra>",
        )
    )
    # the mean is written under the domain's name, not beside the diamond where it covered the box
    fig.update_xaxes(
        tickangle=0, tickmode="array", tickvals=labels, ticktext=[f"{lab}<br>◆ {formatting.score(m, lang)}" for lab, m in zip(labels, means)]
    )  # ◆ as the mean's marker in the legend
    add_pkg_bands(fig, lang, "y")
    return _layout(fig, t("chart.domain.title", lang), None, t("chart.axis.score", lang), height=440)


def pkg_category_figure(counts: pd.DataFrame, lang: str) -> go.Figure:
    """Teachers per PKG category (Amat Baik … Kurang), coloured as the bands.

    Parameters
    ----------
    counts : DataFrame
        Output of :func:`analysis.metrics.pkg.category_counts`: one row per category
        (``kategori``, ``n``, ``share``), best first.
    lang : {"id", "en"}

    Returns
    -------
    Figure
        One horizontal ``bar`` trace, one bar per category (zero counts kept),
        best category on top; an empty-state figure when no teacher has a value.
    """
    if counts.empty or int(counts["n"].sum()) == 0:
        return empty_figure(lang, "chart.pkg_category.title")
    colour = {key.rsplit(".", 1)[1]: c for _, _, key, c in PKG_BANDS}
    labels = [t(f"chart.band.{k}", lang) for k in counts["kategori"]]
    text = [f"{formatting.count(n, lang)} ({formatting.share(s, lang, 0)})" for n, s in zip(counts["n"], counts["share"])]
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=counts["n"].tolist(),
            orientation="h",
            marker_color=[colour[k] for k in counts["kategori"]],
            text=text,
            textposition="outside",
            textangle=0,
            cliponaxis=False,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(showlegend=False, margin={"r": 48})
    count_axis(fig, "x", float(counts["n"].max()), headroom=0.3)
    return _layout(fig, t("chart.pkg_category.title", lang), t("chart.axis.teachers", lang), None)


def ukg_figure(ukg: pd.DataFrame, reference: pd.DataFrame, lang: str, minimum: float = 55.0) -> go.Figure:
    """UKG means of the selection beside the 2015 national means and the minimum standard.

    Parameters
    ----------
    ukg : DataFrame
        :func:`analysis.metrics.pkg.ukg_summary` (one row per UKG domain: ``domain``, ``teachers``, ``mean``).
    reference : DataFrame
        :func:`analysis.metrics.pkg.ukg_reference` (``wilayah``, ``domain``, ``mean``).
    lang : {"id", "en"}
    minimum : float
        Minimum standard (2015: 55), drawn as a line.

    Returns
    -------
    Figure
        Two ``bar`` traces (selection, national 2015) per domain and a dashed minimum line;
        the empty-state figure when no teacher has a UKG result.
    """
    u = ukg[ukg["teachers"] > 0]
    if u.empty:
        return empty_figure(lang, "chart.ukg.title")
    labels = [t(f"domain.{d}", lang) for d in u["domain"]]
    nat = reference[reference["wilayah"] == "Nasional"].set_index("domain")["mean"]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=labels,
            y=u["mean"].tolist(),
            name=t("chart.ukg.selection", lang),
            marker_color=MAIN,
            text=[formatting.score(v, lang) for v in u["mean"]],
            textposition="outside",
            textangle=0,
            cliponaxis=False,
            customdata=u["teachers"].tolist(),
            hovertemplate="%{x}: %{y:.1f} (n = %{customdata})<extra></extra>",
        )
    )
    fig.add_trace(
        go.Bar(
            x=labels,
            y=[float(nat.get(d, np.nan)) for d in u["domain"]],
            name=t("chart.ukg.national", lang),
            marker_color="#bbbbbb",
            text=[formatting.score(nat.get(d, np.nan), lang, missing="") for d in u["domain"]],
            textposition="outside",
            textangle=0,
            cliponaxis=False,
        )
    )
    fig.add_hline(
        y=minimum, line_dash="dash", line_color=SECOND, annotation_text=t("chart.ukg.minimum", lang, minimum=f"{minimum:g}"), annotation_position="top left"
    )
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.15})
    score_axis(fig, "y")
    return _layout(fig, t("chart.ukg.title", lang), None, t("chart.axis.score", lang))


def grouped_domain_box_figure(stats: pd.DataFrame, group: str, lang: str, group_labels: dict[object, str] | None = None) -> go.Figure:
    """Four-domain distributions side by side, one box per group in each domain, on one shared 0–100 axis.

    Parameters
    ----------
    stats : DataFrame
        One row per group × domain with the columns of :func:`box_stats`
        (``n``, ``mean``, ``q1``, ``median``, ``q3``, ``lowerfence``, ``upperfence``),
        a ``domain`` column and the ``group`` column.
    group : str
        Column naming the group (e.g. ``"npsn"``).
    lang : {"id", "en"}
    group_labels : dict, optional
        Display names of the groups.

    Returns
    -------
    Figure
        One ``box`` trace per group (precomputed quartiles, mean shown as a dashed line), grouped by domain, PKG bands behind.
    """
    s = stats[stats["n"] > 0]
    if s.empty:
        return empty_figure(lang, "chart.domain.compare.title")
    palette = [MAIN, SECOND, "#2a9d8f", "#e9c46a", "#6d597a", "#264653"]
    fig = go.Figure()
    for i, (g, part) in enumerate(s.groupby(group, sort=False)):
        name = (group_labels or {}).get(g, str(g))
        fig.add_trace(
            go.Box(
                x=[t(f"domain.{d}", lang) for d in part["domain"]],
                q1=part["q1"].tolist(),
                median=part["median"].tolist(),
                q3=part["q3"].tolist(),
                lowerfence=part["lowerfence"].tolist(),
                upperfence=part["upperfence"].tolist(),
                mean=part["mean"].tolist(),
                name=name,
                marker_color=palette[i % len(palette)],
                boxpoints=False,
                customdata=part["n"].tolist(),
                hovertemplate="%{x}<br>n = %{customdata}<extra>" + name + "</extra>",
            )
        )
    fig.update_layout(boxmode="group", legend={"orientation": "h", "y": -0.15})
    add_pkg_bands(fig, lang, "y")
    return _layout(fig, t("chart.domain.compare.title", lang), None, t("chart.axis.score", lang), height=440)


def teacher_scores_figure(assessments: pd.DataFrame, lang: str, minimum: float = 55.0) -> go.Figure:
    """One teacher's domain scores over time, one line per domain and instrument; UKG apart from the PKG bands.

    The PKG categories (Amat Baik … Kurang) are a rule of the PKG score, not of
    UKG: UKG results are drawn in a panel of their own under the others, with the
    UKG minimum standard as a line, so that no UKG point seems to sit in a PKG band.

    Parameters
    ----------
    assessments : DataFrame
        One row per assessment × domain: ``tanggal_penilaian``, ``sumber``, ``domain``, ``score`` (0–100).
    lang : {"id", "en"}
    minimum : float
        UKG minimum standard (2015: 55), drawn in the UKG panel.

    Returns
    -------
    Figure
        One ``scatter`` (lines+markers) trace per domain × instrument; with both UKG and
        other instruments two rows sharing the date axis (top: bands, bottom: UKG).
    """
    if assessments.empty:
        return empty_figure(lang, "chart.teacher.scores.title")
    from plotly.subplots import make_subplots

    is_ukg = assessments["sumber"].eq("UKG")
    both = bool(is_ukg.any() and (~is_ukg).any())
    fig = (
        make_subplots(
            rows=2,
            cols=1,
            shared_xaxes=True,
            vertical_spacing=0.12,
            row_heights=[0.62, 0.38],
            subplot_titles=(t("chart.teacher.scores.pkg", lang), t("chart.teacher.scores.ukg", lang)),
        )
        if both
        else go.Figure()
    )
    palette = {"pedagogik": MAIN, "kepribadian": SECOND, "sosial": "#2a9d8f", "profesional": "#6d597a"}
    for (d, src), part in assessments.groupby(["domain", "sumber"], sort=False):
        part = part.sort_values("tanggal_penilaian")
        trace = go.Scatter(
            x=part["tanggal_penilaian"],
            y=part["score"],
            mode="lines+markers",
            name=f"{t(f'domain.{d}', lang)} ({src})",
            line={"color": palette.get(str(d), MAIN), "dash": "dot" if src == "UKG" else "solid"},
            marker={"symbol": "square" if src == "UKG" else "circle"},
            hovertemplate="%{x|%d/%m/%Y}: %{y:.1f}<extra></extra>",
        )
        if both:
            fig.add_trace(trace, row=2 if src == "UKG" else 1, col=1)
        else:
            fig.add_trace(trace)
    if both:
        add_pkg_bands(fig, lang, "y", row=1, col=1)
        score_axis(fig, "y")  # both rows 0–100
        fig.add_hline(
            y=minimum,
            line_dash="dash",
            line_color=SECOND,
            annotation_text=t("chart.ukg.minimum", lang, minimum=f"{minimum:g}"),
            annotation_position="top left",
            row=2,
            col=1,
        )
        height = 560
    elif is_ukg.all():
        score_axis(fig, "y")
        fig.add_hline(
            y=minimum, line_dash="dash", line_color=SECOND, annotation_text=t("chart.ukg.minimum", lang, minimum=f"{minimum:g}"), annotation_position="top left"
        )
        height = 400
    else:
        add_pkg_bands(fig, lang, "y")
        height = 400
    fig = _layout(fig, t("chart.teacher.scores.title", lang), None, None, height=height)
    # the legend (up to eight lines × instruments) goes under the dates, clear of the title and panel titles
    fig.update_layout(legend={"yanchor": "top", "y": -0.08, "xanchor": "left", "x": 0}, margin={"b": 90})
    fig.update_yaxes(title_text=t("chart.axis.score", lang) if not both else None, title_font={"size": 11})
    return fig
