"""Training-effect charts: change per domain with its confidence interval."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.charts.base import MAIN, SECOND, _layout, empty_figure
from analysis.core import schema
from analysis.i18n import t
from analysis.metrics.effects import JP_BANDS


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
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": (g["ci_high"] - g["mean_change"]).fillna(0).tolist(),
                    "arrayminus": (g["mean_change"] - g["ci_low"]).fillna(0).tolist(),
                },
                customdata=np.column_stack([g["n"], 100 * g["post_ceiling_share"]]).tolist() if "post_ceiling_share" in g else g[["n"]].to_numpy().tolist(),
                hovertemplate="%{x}: %{y:.1f} (n = %{customdata[0]:.0f}"
                + (", " + t("chart.effects.ceiling", lang) + " %{customdata[1]:.0f}%" if "post_ceiling_share" in g else "")
                + ")<extra>"
                + name
                + "</extra>",
            )
        )
    fig.add_hline(y=0, line_color="#666", line_width=1)
    present = set(table["domain"])
    fig.update_xaxes(categoryorder="array", categoryarray=[t(f"domain.{d}", lang) for d in schema.DOMAINS if d in present])
    fig.update_layout(scattermode="group", legend={"orientation": "h", "y": -0.15, "traceorder": "normal"})
    return _layout(fig, t("chart.effects.title", lang), None, t("chart.axis.change", lang), height=400)
