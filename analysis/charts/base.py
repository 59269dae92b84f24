"""What every chart shares: colours, the PKG bands, the layout, the empty figure, count bars, histograms, axis helpers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analysis.core import formatting
from analysis.i18n import t

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
# Every figure starts on it: plotly applies its default template when a figure is made, while
# setting another one afterwards re-validates the whole template (about 12 ms a figure, a tenth of
# a second on a page of charts at every rerun).
pio.templates.default = TEMPLATE


def _layout(fig: go.Figure, title: str, x_title: str | None = None, y_title: str | None = None, height: int = 360) -> go.Figure:
    # a margin widened before (room for band labels, outside bar text) is kept
    margin = {side: max(default, getattr(fig.layout.margin, side) or 0) for side, default in (("l", 10), ("r", 10), ("t", 50), ("b", 10))}
    if len(title) > TITLE_WIDTH and "<br>" not in title:
        # a long title in a half-width column was cut at the right edge: wrap it and make room above
        title = _wrap(title, TITLE_WIDTH)
        margin["t"] += 20 * title.count("<br>")
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
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
            x: list[float | None] = [None if pd.isna(by_cat.get(c)) else float(by_cat[c]) for c in cats]
        else:
            parts = [0.0 if pd.isna(by_cat.get(c)) else float(by_cat[c]) for c in cats]
            totals = [a + b for a, b in zip(totals, parts)]
            x = list(parts)
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
    if color:
        # the legend gets a line of its own between the title and the bars (beside the title it ran into it in a narrow column)
        fig.update_layout(margin={"t": max(fig.layout.margin.t or 0, 50) + 30}, title={"yref": "container", "y": 0.98, "yanchor": "top"})
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=y)
    if scale == "share":
        share_axis(fig, "x")
    elif scale == "level":
        level_axis(fig, "x")
    else:
        top = max(totals) if color else max([v for v in fig.data[0].x if v is not None], default=0)
        count_axis(fig, "x", top)
    return _layout(fig, t(title_key, lang), t(value_key, lang), None, height=max(220, 60 + 28 * len(cats)))


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
    fig = go.Figure(
        go.Bar(
            x=x,
            y=bins["n"].tolist(),
            marker_color=MAIN,
            text=[str(int(n)) for n in bins["n"]],
            textposition="outside",
            textangle=0,
            cliponaxis=False,
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    fig.update_layout(bargap=0.05, showlegend=False)
    fig.update_xaxes(type="category", tickangle=0 if len(x) <= 10 else -45)
    count_axis(fig, "y", float(bins["n"].max()))
    return _layout(fig, t(title_key, lang), t(x_key, lang), t(y_key, lang))


def _wrap(text: object, width: int = 16) -> str:
    """Break a long label into lines of about ``width`` characters (plotly ``<br>``)."""
    import textwrap

    return "<br>".join(textwrap.wrap(str(text), width, break_long_words=False, break_on_hyphens=False)) or str(text)
