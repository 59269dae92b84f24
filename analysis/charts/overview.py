"""Figure of the overview (Ringkasan): the schools on one indicator, one horizontal bar per school (:mod:`analysis.views.priorities`)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.base import _layout, empty_figure
from analysis.i18n import t
from analysis.reference.bands import BAND_COLOURS
from analysis.views.priorities import format_value, indicator_label


def indicator_bars_figure(bars: pd.DataFrame, indicator: str, lang: str, ict_target: int = 3) -> go.Figure:
    """One horizontal bar per school on ``indicator``, worst at the top, coloured by band.

    Parameters
    ----------
    bars : DataFrame
        :func:`analysis.views.priorities.indicator_bars`: one row per school, worst first
        (``nama_sekolah``, ``value`` share 0–1 or mean 0–100, ``band``).
    indicator : str
        One of :data:`analysis.views.priorities.INDICATORS`.
    lang : {"id", "en"}
    ict_target : int
        ICT level named in the ICT indicator's label.

    Returns
    -------
    Figure
        One ``bar`` trace (orientation ``h``), a text label on each bar, the
        x axis 0–100 % for shares or 0–100 for means, height growing with the
        number of schools (26 px a bar); an empty-state figure without a school.
    """
    name = indicator_label(indicator, lang, ict_target)
    title = t("ringkasan.chart.title", lang, indicator=name)
    if bars.empty:
        return _empty(lang, title)
    share = not indicator.startswith("domain_mean_")
    names = [str(n) for n in bars["nama_sekolah"]]
    fig = go.Figure(
        go.Bar(
            x=bars["value"].tolist(),
            y=names,
            orientation="h",
            marker={"color": [BAND_COLOURS.get(b, BAND_COLOURS["none"]) for b in bars["band"]]},
            text=[format_value(v, indicator, lang) for v in bars["value"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", type="category", automargin=True)
    fig.update_xaxes(
        range=[0, 1.12] if share else [0, 112], tickformat=".0%" if share else None, tickvals=[0, 0.25, 0.5, 0.75, 1.0] if share else [0, 25, 50, 75, 100]
    )
    fig.update_layout(showlegend=False, margin={"l": 10, "r": 40, "t": 50, "b": 10})
    return _layout(fig, title, name, None, height=max(220, 80 + 26 * len(bars)))


def _empty(lang: str, title: str) -> go.Figure:
    fig = empty_figure(lang)
    fig.update_layout(title={"text": title})
    return fig
