"""ICT mastery charts: the skill × level heatmap and the shares below the target level."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.base import _layout, _wrap, count_bars, empty_figure
from analysis.core import schema
from analysis.i18n import t
from analysis.metrics.distributions import level_matrix


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
    labels: dict[object, str] = {k: v[i] for k, v in schema.ICT_SKILLS.items()}
    fig = count_bars(shares, "skill", "share", lang, "chart.ict.below.title", "chart.axis.share_teachers", category_labels=labels, percent=True)
    fig.update_layout(title_text=t("chart.ict.below.title", lang, target=target))
    return fig
