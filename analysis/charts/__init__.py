"""Chart builders: plotly figures from aggregated tables, labelled from the string table.

Every builder takes a table that is already aggregated (counts, shares,
quartiles) and returns a :class:`plotly.graph_objects.Figure`; none draws one
point per teacher where a count will do. Titles, axis labels and category
names come from :mod:`analysis.i18n` in the ``lang`` given ("id" or "en").

The aggregates the charts draw from a column of values (quartiles, histogram
bins, a level matrix) are made in :mod:`analysis.metrics.distributions`, below
the views that also show them as tables.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.core import formatting, schema
from analysis.i18n import t
from analysis.metrics.distributions import box_stats as box_stats, histogram_counts as histogram_counts, level_matrix
from analysis.metrics.effects import JP_BANDS

#: Colour of the main series and of the two groups of staff.
MAIN = "#1f6f8b"
SECOND = "#e29578"
#: PKG categories on the 0–100 scale, upper bound inclusive: (low, high, string key, colour).
#: > 90 Amat Baik, > 75 Baik, > 60 Cukup, > 50 Sedang, else Kurang (Pedoman PK Guru, table 12;
#: Pedoman PK Guru, Permenpan-RB 16/2009; the category is taken on the unrounded value).
PKG_BANDS: tuple[tuple[float, float, str, str], ...] = (
    (90.0, 100.0, "chart.band.amat_baik", "#2a9d8f"),
    (75.0, 90.0, "chart.band.baik", "#8ab17d"),
    (60.0, 75.0, "chart.band.cukup", "#e9c46a"),
    (50.0, 60.0, "chart.band.sedang", "#f4a261"),
    (0.0, 50.0, "chart.band.kurang", "#e76f51"),
)
#: Characters of a title line; a longer title is wrapped (charts often sit in half a page).
TITLE_WIDTH = 48
#: A heatmap with more columns than this leaves its cells unlabelled (the hover gives the value).
MAX_LABELLED_COLUMNS = 12
#: Default template: white background, readable on screen and in print.
TEMPLATE = "plotly_white"


def _layout(fig: go.Figure, title: str, x_title: str | None = None, y_title: str | None = None, height: int = 360) -> go.Figure:
    # a margin widened before (room for band labels, outside bar text) is kept
    margin = {side: max(default, getattr(fig.layout.margin, side) or 0) for side, default in (("l", 10), ("r", 10), ("t", 50), ("b", 10))}
    if len(title) > TITLE_WIDTH and "<br>" not in title:
        # a long title in a half-width column was cut at the right edge: wrap it and make room above
        title = _wrap(title, TITLE_WIDTH)
        margin["t"] += 20 * title.count("<br>")
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        template=TEMPLATE,
        height=height,
        margin=margin,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
    )
    if x_title is not None:
        fig.update_xaxes(title_text=x_title)
    if y_title is not None:
        fig.update_yaxes(title_text=y_title)
    return fig


def empty_figure(lang: str, title_key: str = "chart.empty", note_key: str = "chart.no_data") -> go.Figure:
    """A figure with no data and a note in the middle: "no data" for an empty selection, or ``note_key``
    (e.g. ``"coverage.no_data"``: the file holds no such sheet)."""
    fig = go.Figure()
    fig.add_annotation(text=t(note_key, lang), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 14, "color": "#666"})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, t(title_key, lang), height=220)


# --------------------------------------------------------------------------
# Axes: counts in whole numbers, bounded scales shown whole
# --------------------------------------------------------------------------

#: Room left beyond the longest bar of a count axis for the bar's label (share of the axis).
HEADROOM = 0.18


def count_step(top: float, ticks: int = 6) -> int:
    """A whole tick step (1, 2, 5, 10, 20, …) giving about ``ticks`` ticks from 0 to ``top``.

    Parameters
    ----------
    top : float
        Largest count on the axis (people, trainings, JJM); NaN or ≤ 0 counts as 1.
    ticks : int
        Wanted number of ticks.

    Returns
    -------
    int
        The step, at least 1: a count axis never has a tick at 0.5 people.
    """
    top = float(top) if top == top and top > 0 else 1.0
    raw = top / ticks
    if raw <= 1:
        return 1
    mag = 10 ** int(np.floor(np.log10(raw)))
    return int(next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw))


def count_axis(fig: go.Figure, axis: str, top: float, headroom: float = HEADROOM) -> go.Figure:
    """Make ``axis`` ("x" or "y") a count axis: whole-number ticks from 0 and room beyond ``top`` for labels."""
    top = float(top) if top == top and top > 0 else 1.0
    settings = {"tickformat": "d", "tick0": 0, "dtick": count_step(top), "rangemode": "tozero", "range": [0, top * (1 + headroom)]}
    (fig.update_xaxes if axis == "x" else fig.update_yaxes)(**settings)
    return fig


def share_axis(fig: go.Figure, axis: str) -> go.Figure:
    """Make ``axis`` a share axis: 0–100 % shown whole (values 0–1), ticks every 20 %."""
    settings = {"tickformat": ".0%", "range": [0, 1], "tick0": 0, "dtick": 0.2}
    (fig.update_xaxes if axis == "x" else fig.update_yaxes)(**settings)
    return fig


def score_axis(fig: go.Figure, axis: str) -> go.Figure:
    """Make ``axis`` a 0–100 score axis shown whole, ticks every 10."""
    settings = {"range": [0, 100], "tick0": 0, "dtick": 10}
    (fig.update_xaxes if axis == "x" else fig.update_yaxes)(**settings)
    return fig


def level_axis(fig: go.Figure, axis: str, levels: tuple[int, ...] = (1, 2, 3, 4)) -> go.Figure:
    """Make ``axis`` a level axis (ICT 1–4): bars from 0, every level ticked, half a level of room above the last."""
    settings = {"range": [0, max(levels) + 0.5], "tickmode": "array", "tickvals": list(levels), "tickformat": "d"}
    (fig.update_xaxes if axis == "x" else fig.update_yaxes)(**settings)
    return fig


def _no_data_marks(fig: go.Figure, labels: list[str], lang: str, horizontal: bool = True) -> None:
    """Write "no data" where a category has no value, so that a missing value is not read as a zero bar."""
    for lab in labels:
        at = {"y": lab, "x": 0, "xanchor": "left", "xshift": 4} if horizontal else {"x": lab, "y": 0, "yanchor": "bottom", "yshift": 4}
        fig.add_annotation(**at, text=t("chart.no_data", lang), showarrow=False, font={"color": "#888", "size": 11})


def _end_labels(fig: go.Figure, cats: list[str], totals: list[float], text: list[str]) -> None:
    """Write each stacked bar's total just beyond its end (annotations: the traces stay the data)."""
    for c, v, s in zip(cats, totals, text):
        fig.add_annotation(y=c, x=v, xanchor="left", xshift=4, text=s, showarrow=False, font={"size": 12, "color": "#333"})


# --------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------


def count_bars(
    counts: pd.DataFrame,
    category: str,
    value: str,
    lang: str,
    title_key: str,
    value_key: str = "chart.axis.people",
    color: str | None = None,
    color_labels: dict[object, str] | None = None,
    category_labels: dict[object, str] | None = None,
    percent: bool = False,
    scale: str | None = None,
) -> go.Figure:
    """Horizontal bars of a count, share or level per category (stacked by ``color`` when given).

    Parameters
    ----------
    counts : DataFrame
        One row per category (× colour group): ``category``, ``value`` and optionally ``color``.
        A NaN ``value`` (no data for that category) draws no bar and says "no data"; a 0 draws "0".
    category, value : str
        Column names; categories keep the table's order, first at the top.
    lang : {"id", "en"}
    title_key, value_key : str
        String keys of the title and of the value axis.
    color : str, optional
        Column splitting each bar into stacked parts (a colour group absent for a category is 0);
        the total is written at the end of each bar.
    color_labels, category_labels : dict, optional
        Display label of a colour group / category (already translated).
    percent : bool
        ``value`` is a share 0–1: axis 0–100 %, labels and hover in percent (same as ``scale="share"``).
    scale : {"count", "share", "level"}, optional
        The value axis: whole-number ticks from 0 (default), 0–100 %, or the ICT levels 1–4 shown whole.

    Returns
    -------
    Figure
        One horizontal ``bar`` trace per colour group (one without ``color``), labels never
        clipped (``cliponaxis`` off, room beyond the longest bar) and never rotated; an
        empty-state figure for an empty table.
    """
    if counts.empty:
        return empty_figure(lang, title_key)
    scale = scale or ("share" if percent else "count")
    fmt = (lambda v: formatting.share(v, lang, 0)) if scale == "share" else (lambda v: formatting.quantity(v, lang))
    cats = list(dict.fromkeys(counts[category]))
    label = (lambda c: category_labels.get(c, str(c))) if category_labels else str
    y = [label(c) for c in cats]
    fig = go.Figure()
    groups = list(dict.fromkeys(counts[color])) if color else [None]
    palette = [MAIN, SECOND, "#83c5be", "#ffddd2", "#006d77"]
    totals = [0.0] * len(cats)
    for i, g in enumerate(groups):
        part = counts if g is None else counts[counts[color] == g]
        by_cat = dict(zip(part[category], part[value]))
        if g is None:
            x = [None if pd.isna(by_cat.get(c)) else float(by_cat[c]) for c in cats]
        else:
            x = [0.0 if pd.isna(by_cat.get(c)) else float(by_cat[c]) for c in cats]
            totals = [a + b for a, b in zip(totals, x)]
        name = (color_labels or {}).get(g, str(g)) if g is not None else t(value_key, lang)
        fig.add_trace(
            go.Bar(
                x=x,
                y=y,
                orientation="h",
                name=name,
                marker_color=palette[i % len(palette)],
                # one bar: its value outside the end; stacked parts: inside, hidden when it does not fit
                text=[("" if v is None else fmt(v)) if g is None else (fmt(v) if v else "") for v in x],
                textposition="outside" if g is None else "inside",
                insidetextanchor="middle",
                textangle=0,
                cliponaxis=False,
                hovertemplate="%{y}: %{x" + (":.0%" if scale == "share" else "") + "}<extra>" + name + "</extra>",
            )
        )
    if color:
        _end_labels(fig, y, totals, [fmt(v) for v in totals])
        fig.update_layout(uniformtext={"minsize": 9, "mode": "hide"})
    else:
        _no_data_marks(fig, [lab for lab, v in zip(y, fig.data[0].x) if v is None], lang)
    fig.update_layout(barmode="stack", showlegend=color is not None, margin={"r": 48})
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=y)
    if scale == "share":
        share_axis(fig, "x")
    elif scale == "level":
        level_axis(fig, "x")
    else:
        top = max(totals) if color else max([v for v in fig.data[0].x if v is not None], default=0)
        count_axis(fig, "x", top)
    return _layout(fig, t(title_key, lang), t(value_key, lang), None, height=max(220, 60 + 28 * len(cats)))


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
            fig.add_annotation(x=1, xref="paper", xanchor="left", xshift=6, y=(low + high) / 2, yref=yref, text=t(key, lang), showarrow=False, font={"size": 10, "color": "#555"})
        else:
            fig.add_vrect(x0=low, x1=high, **kw, **where)
            fig.add_annotation(y=1, yref="paper", yanchor="bottom", yshift=2, x=(low + high) / 2, xref="x", text=t(key, lang), showarrow=False, font={"size": 10, "color": "#555"})
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
    fig.update_xaxes(tickangle=0, tickmode="array", tickvals=labels, ticktext=[f"{lab}<br>◆ {formatting.score(m, lang)}" for lab, m in zip(labels, means)])  # ◆ as the mean's marker in the legend
    add_pkg_bands(fig, lang, "y")
    return _layout(fig, t("chart.domain.title", lang), None, t("chart.axis.score", lang), height=440)


def ict_heatmap(counts: pd.DataFrame, lang: str) -> go.Figure:
    """ICT mastery: teachers per skill × level (1–4), counts written in the cells.

    Parameters
    ----------
    counts : DataFrame
        One row per (``skill``, ``level``) with ``n`` teachers; skills are keys
        of :data:`analysis.core.schema.ICT_SKILLS`, levels 1–4. Missing pairs count 0.
    lang : {"id", "en"}

    Returns
    -------
    Figure
        One ``heatmap`` trace: y the six skills (schema order), x the four
        levels (:data:`analysis.core.schema.ICT_LEVELS`), z the counts.
    """
    if counts.empty or int(counts["n"].sum()) == 0:
        # nobody rated: no grid of zeros, which would read as "everyone is at no level"
        return empty_figure(lang, "chart.ict.title")
    skills = list(schema.ICT_SKILLS)
    levels = list(schema.ICT_LEVELS)
    m = level_matrix(counts, skills, levels)
    i = 0 if lang == "id" else 1
    y = [schema.ICT_SKILLS[s][i] for s in skills]
    x = [_wrap(f"{lv} · {schema.ICT_LEVELS[lv][i]}", 12) for lv in levels]
    fig = go.Figure(
        go.Heatmap(
            z=m.to_numpy().tolist(),
            x=x,
            y=y,
            text=m.to_numpy().tolist(),
            texttemplate="%{text}",
            textfont={"size": 12},
            colorscale="Blues",
            showscale=False,
            xgap=1,
            ygap=1,
            hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickangle=0)
    return _layout(fig, t("chart.ict.title", lang), t("chart.ict.level", lang), None, height=380)


def ict_below_target_figure(shares: pd.DataFrame, lang: str, target: int = 3) -> go.Figure:
    """Share of teachers below the target level, per ICT skill.

    Parameters
    ----------
    shares : DataFrame
        One row per skill: ``skill`` (key of :data:`analysis.core.schema.ICT_SKILLS`),
        ``share`` (0–1).
    lang : {"id", "en"}
    target : int
        The target level (1–4) named in the title.
    """
    i = 0 if lang == "id" else 1
    labels = {k: v[i] for k, v in schema.ICT_SKILLS.items()}
    fig = count_bars(shares, "skill", "share", lang, "chart.ict.below.title", "chart.axis.share_teachers", category_labels=labels, percent=True)
    fig.update_layout(title_text=t("chart.ict.below.title", lang, target=target))
    return fig


def histogram_figure(bins: pd.DataFrame, lang: str, title_key: str, x_key: str, y_key: str = "chart.axis.teachers") -> go.Figure:
    """Bars of a binned distribution (output of :func:`histogram_counts`).

    Returns
    -------
    Figure
        One ``bar`` trace, x the bin labels ("0–10"), y the counts.
    """
    if bins.empty:
        return empty_figure(lang, title_key)
    x = [f"{a:g}–{b:g}" for a, b in zip(bins["bin_start"], bins["bin_end"])]
    fig = go.Figure(go.Bar(x=x, y=bins["n"].tolist(), marker_color=MAIN, text=[str(int(n)) for n in bins["n"]], textposition="outside", textangle=0, cliponaxis=False, hovertemplate="%{x}: %{y}<extra></extra>"))
    fig.update_layout(bargap=0.05, showlegend=False)
    fig.update_xaxes(type="category", tickangle=0 if len(x) <= 10 else -45)
    count_axis(fig, "y", float(bins["n"].max()))
    return _layout(fig, t(title_key, lang), t(x_key, lang), t(y_key, lang))


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
    fig.add_trace(go.Scatter(y=by_subject["mata_pelajaran"].tolist(), x=total, mode="text", text=share_text, textposition="middle right", showlegend=False, hoverinfo="skip", cliponaxis=False))
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
    fig.add_trace(go.Bar(x=labels, y=u["mean"].tolist(), name=t("chart.ukg.selection", lang), marker_color=MAIN, text=[formatting.score(v, lang) for v in u["mean"]], textposition="outside", textangle=0, cliponaxis=False, customdata=u["teachers"].tolist(), hovertemplate="%{x}: %{y:.1f} (n = %{customdata})<extra></extra>"))
    fig.add_trace(go.Bar(x=labels, y=[float(nat.get(d, np.nan)) for d in u["domain"]], name=t("chart.ukg.national", lang), marker_color="#bbbbbb", text=[formatting.score(nat.get(d, np.nan), lang, missing="") for d in u["domain"]], textposition="outside", textangle=0, cliponaxis=False))
    fig.add_hline(y=minimum, line_dash="dash", line_color=SECOND, annotation_text=t("chart.ukg.minimum", lang, minimum=f"{minimum:g}"), annotation_position="top left")
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.15})
    score_axis(fig, "y")
    return _layout(fig, t("chart.ukg.title", lang), None, t("chart.axis.score", lang))


def effects_figure(table: pd.DataFrame, lang: str, group_labels: dict[object, str] | None = None) -> go.Figure:
    """Mean change per domain with its 95 % confidence interval, one marker per group.

    Parameters
    ----------
    table : DataFrame
        :func:`analysis.metrics.effects.effect_table` (``group``, ``domain``, ``n``, ``mean_change``,
        ``ci_low``, ``ci_high``, ``too_few``).
    lang : {"id", "en"}
    group_labels : dict, optional
        Display labels of the groups (``"all"`` is labelled from the string table).

    Returns
    -------
    Figure
        One ``scatter`` trace per group (x the domain, y the mean change, error
        bars the CI; untested groups drawn hollow without bars; the hover gives
        n and, when the table has it, the share of post scores at 100) and a zero line.
    """
    if table.empty:
        return empty_figure(lang, "chart.effects.title")

    fig = go.Figure()
    palette = [MAIN, SECOND, "#2a9d8f", "#e9c46a", "#6d597a", "#8ab17d", "#e76f51", "#264653", "#b5838d", "#999999"]
    groups = list(dict.fromkeys(table["group"]))
    if set(groups) <= set(JP_BANDS):
        groups = [b for b in JP_BANDS if b in groups]  # JP bands in their order (<30, 30-79, 80+, unknown), whatever the table's
    for i, group in enumerate(groups):
        g = table[table["group"] == group]
        name = t("chart.effects.all", lang) if group == "all" else (group_labels or {}).get(group, str(group))
        tested = ~g["too_few"].astype(bool)
        fig.add_trace(
            go.Scatter(
                x=[t(f"domain.{d}", lang) for d in g["domain"]],
                y=g["mean_change"].tolist(),
                mode="markers",
                name=name,
                marker={"size": 11, "color": palette[i % len(palette)], "symbol": ["circle" if x else "circle-open" for x in tested]},
                error_y={"type": "data", "symmetric": False, "array": (g["ci_high"] - g["mean_change"]).fillna(0).tolist(), "arrayminus": (g["mean_change"] - g["ci_low"]).fillna(0).tolist()},
                customdata=np.column_stack([g["n"], 100 * g["post_ceiling_share"]]).tolist() if "post_ceiling_share" in g else g[["n"]].to_numpy().tolist(),
                hovertemplate="%{x}: %{y:.1f} (n = %{customdata[0]:.0f}" + (", " + t("chart.effects.ceiling", lang) + " %{customdata[1]:.0f}%" if "post_ceiling_share" in g else "") + ")<extra>" + name + "</extra>",
            )
        )
    fig.add_hline(y=0, line_color="#666", line_width=1)
    present = set(table["domain"])
    fig.update_xaxes(categoryorder="array", categoryarray=[t(f"domain.{d}", lang) for d in schema.DOMAINS if d in present])
    fig.update_layout(scattermode="group", legend={"orientation": "h", "y": -0.15, "traceorder": "normal"})
    return _layout(fig, t("chart.effects.title", lang), None, t("chart.axis.change", lang), height=400)


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
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.12, row_heights=[0.62, 0.38], subplot_titles=(t("chart.teacher.scores.pkg", lang), t("chart.teacher.scores.ukg", lang))) if both else go.Figure()
    palette = {"pedagogik": MAIN, "kepribadian": SECOND, "sosial": "#2a9d8f", "profesional": "#6d597a"}
    for (d, src), part in assessments.groupby(["domain", "sumber"], sort=False):
        part = part.sort_values("tanggal_penilaian")
        trace = go.Scatter(
            x=part["tanggal_penilaian"],
            y=part["score"],
            mode="lines+markers",
            name=f"{t(f'domain.{d}', lang)} ({src})",
            line={"color": palette.get(d, MAIN), "dash": "dot" if src == "UKG" else "solid"},
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
        fig.add_hline(y=minimum, line_dash="dash", line_color=SECOND, annotation_text=t("chart.ukg.minimum", lang, minimum=f"{minimum:g}"), annotation_position="top left", row=2, col=1)
        height = 560
    elif is_ukg.all():
        score_axis(fig, "y")
        fig.add_hline(y=minimum, line_dash="dash", line_color=SECOND, annotation_text=t("chart.ukg.minimum", lang, minimum=f"{minimum:g}"), annotation_position="top left")
        height = 400
    else:
        add_pkg_bands(fig, lang, "y")
        height = 400
    fig = _layout(fig, t("chart.teacher.scores.title", lang), None, None, height=height)
    # the legend (up to eight lines × instruments) goes under the dates, clear of the title and panel titles
    fig.update_layout(legend={"yanchor": "top", "y": -0.08, "xanchor": "left", "x": 0}, margin={"b": 90})
    fig.update_yaxes(title_text=t("chart.axis.score", lang) if not both else None, title_font={"size": 11})
    return fig


def _wrap(text: object, width: int = 16) -> str:
    """Break a long label into lines of about ``width`` characters (plotly ``<br>``)."""
    import textwrap

    return "<br>".join(textwrap.wrap(str(text), width, break_long_words=False, break_on_hyphens=False)) or str(text)
