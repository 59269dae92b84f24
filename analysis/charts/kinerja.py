"""Chart builders for PMM predikat kinerja (:mod:`analysis.metrics.kinerja`).

Kept apart from :mod:`analysis.charts` so that the PMM kinerja work does not
grow that module; same conventions: aggregated tables in, labelled plotly
figures out, every word from the string table.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.base import _layout, empty_figure, share_axis
from analysis.core import formatting
from analysis.i18n import t
from analysis.metrics.kinerja import PREDIKAT, PREDIKAT_KEYS

#: Colour of each predikat, best (green) to worst (red).
PREDIKAT_COLOURS: dict[str, str] = {
    "Sangat Baik": "#2a9d8f",
    "Baik": "#8ab17d",
    "Butuh Perbaikan": "#e9c46a",
    "Kurang": "#f4a261",
    "Sangat Kurang": "#e76f51",
}


def predikat_figure(dist: pd.DataFrame, lang: str, school_labels: dict[str, str] | None = None) -> go.Figure:
    """Share of rated teachers per predikat kinerja, one stacked bar per school × year.

    Parameters
    ----------
    dist : DataFrame
        Output of :func:`analysis.metrics.kinerja.predikat_distribution`: one row per
        school × year × predikat (``npsn``, ``tahun``, ``predikat``, ``n``, ``share``).
    lang : {"id", "en"}
    school_labels : dict, optional
        NPSN → school name; with one school the bars are labelled by year only.

    Returns
    -------
    Figure
        One horizontal ``bar`` trace per predikat (best first, all five), stacked
        to 100 %; bars ordered school then year; hover shows the count. An
        empty-state figure when no teacher has a predikat.
    """
    title = "chart.kinerja.title"
    if dist.empty or int(dist["n"].sum()) == 0:
        return empty_figure(lang, title)
    one_school = dist["npsn"].nunique() == 1
    names = school_labels or {}
    groups = dist[["npsn", "tahun"]].drop_duplicates().sort_values(["npsn", "tahun"])
    label = {(n, y): str(y) if one_school else f"{names.get(n, n)} · {y}" for n, y in groups.itertuples(index=False)}
    order = [label[g] for g in groups.itertuples(index=False, name=None)]
    fig = go.Figure()
    for p in PREDIKAT:
        part = dist[dist["predikat"] == p]
        by = {label[(n, y)]: (s, c) for n, y, s, c in zip(part["npsn"], part["tahun"], part["share"], part["n"])}
        x = [float(by.get(o, (0.0, 0))[0]) for o in order]
        counts = [int(by.get(o, (0.0, 0))[1]) for o in order]
        name = t(f"kinerja.predikat.{PREDIKAT_KEYS[p]}", lang)
        fig.add_trace(
            go.Bar(
                y=order,
                x=x,
                orientation="h",
                name=name,
                marker_color=PREDIKAT_COLOURS[p],
                customdata=counts,
                text=[formatting.share(v, lang, 0) if v >= 0.06 else "" for v in x],
                textposition="inside",
                insidetextanchor="middle",
                textangle=0,
                hovertemplate="%{y}: %{x:.0%} (n = %{customdata})<extra>" + name + "</extra>",
            )
        )
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.2, "traceorder": "normal"})
    share_axis(fig, "x")
    fig.update_layout(uniformtext={"minsize": 9, "mode": "hide"})
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=order)
    return _layout(fig, t(title, lang), t("chart.kinerja.axis", lang), None, height=max(260, 110 + 30 * len(order)))
