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
#: Default template: white background, readable on screen and in print.
TEMPLATE = "plotly_white"


def _layout(fig: go.Figure, title: str, x_title: str | None = None, y_title: str | None = None, height: int = 360) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        template=TEMPLATE,
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
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
) -> go.Figure:
    """Horizontal bars of a count or share per category (stacked by ``color`` when given).

    Parameters
    ----------
    counts : DataFrame
        One row per category (× colour group): ``category``, ``value`` and optionally ``color``.
    category, value : str
        Column names; categories keep the table's order, first at the top.
    lang : {"id", "en"}
    title_key, value_key : str
        String keys of the title and of the value axis.
    color : str, optional
        Column splitting each bar into stacked parts.
    color_labels, category_labels : dict, optional
        Display label of a colour group / category (already translated).
    percent : bool
        ``value`` is a share 0–1: axis and hover in percent.
    """
    if counts.empty:
        return empty_figure(lang, title_key)
    cats = list(dict.fromkeys(counts[category]))
    label = (lambda c: category_labels.get(c, str(c))) if category_labels else str
    fig = go.Figure()
    groups = list(dict.fromkeys(counts[color])) if color else [None]
    palette = [MAIN, SECOND, "#83c5be", "#ffddd2", "#006d77"]
    for i, g in enumerate(groups):
        part = counts if g is None else counts[counts[color] == g]
        by_cat = dict(zip(part[category], part[value]))
        y = [label(c) for c in cats]
        x = [float(by_cat.get(c, 0) or 0) for c in cats]
        name = (color_labels or {}).get(g, str(g)) if g is not None else t(value_key, lang)
        fig.add_trace(
            go.Bar(
                x=x,
                y=y,
                orientation="h",
                name=name,
                marker_color=palette[i % len(palette)],
                text=[formatting.share(v, lang, 0) if percent else formatting.quantity(v, lang) for v in x],
                textposition="auto",
                hovertemplate="%{y}: %{x" + (":.0%" if percent else "") + "}<extra>" + name + "</extra>",
            )
        )
    fig.update_layout(barmode="stack", showlegend=color is not None)
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=[label(c) for c in cats])
    if percent:
        fig.update_xaxes(tickformat=".0%", range=[0, 1])
    return _layout(fig, t(title_key, lang), t(value_key, lang), None, height=max(220, 60 + 28 * len(cats)))


def add_pkg_bands(fig: go.Figure, lang: str, axis: str = "y") -> go.Figure:
    """Shade the five PKG categories (Amat Baik … Kurang) behind a 0–100 score axis.

    Parameters
    ----------
    fig : Figure
        A figure whose ``axis`` ("y" or "x") holds 0–100 scores.
    lang : {"id", "en"}

    Returns
    -------
    Figure
        The same figure, with five shaded rectangles (``layout.shapes``) and
        their labels, and the score axis fixed to 0–100.
    """
    for low, high, key, colour in PKG_BANDS:
        kw = dict(fillcolor=colour, opacity=0.13, line_width=0, layer="below")
        if axis == "y":
            fig.add_hrect(y0=low, y1=high, **kw)
            fig.add_annotation(x=1, xref="paper", xanchor="right", y=(low + high) / 2, yref="y", text=t(key, lang), showarrow=False, font={"size": 10, "color": "#555"})
        else:
            fig.add_vrect(x0=low, x1=high, **kw)
            fig.add_annotation(y=1, yref="paper", yanchor="bottom", x=(low + high) / 2, xref="x", text=t(key, lang), showarrow=False, font={"size": 10, "color": "#555"})
    if axis == "y":
        fig.update_yaxes(range=[0, 100])
    else:
        fig.update_xaxes(range=[0, 100])
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
            mode="markers+text",
            name=t("chart.domain.mean", lang),
            marker={"symbol": "diamond", "size": 11, "color": SECOND, "line": {"width": 1, "color": "#333"}},
            text=[formatting.score(m, lang) for m in means],
            textposition="middle right",
            hovertemplate="%{x}: %{y:.1f}<extra></extra>",
        )
    )
    add_pkg_bands(fig, lang, "y")
    return _layout(fig, t("chart.domain.title", lang), None, t("chart.axis.score", lang), height=420)


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
    skills = list(schema.ICT_SKILLS)
    levels = list(schema.ICT_LEVELS)
    m = level_matrix(counts, skills, levels)
    i = 0 if lang == "id" else 1
    y = [schema.ICT_SKILLS[s][i] for s in skills]
    x = [f"{lv} · {schema.ICT_LEVELS[lv][i]}" for lv in levels]
    fig = go.Figure(
        go.Heatmap(
            z=m.to_numpy().tolist(),
            x=x,
            y=y,
            text=m.to_numpy().tolist(),
            texttemplate="%{text}",
            colorscale="Blues",
            showscale=False,
            hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, t("chart.ict.title", lang), t("chart.ict.level", lang), None, height=340)


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
    fig = go.Figure(go.Bar(x=x, y=bins["n"].tolist(), marker_color=MAIN, text=bins["n"].tolist(), textposition="outside", hovertemplate="%{x}: %{y}<extra></extra>"))
    fig.update_layout(bargap=0.05, showlegend=False)
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
            cliponaxis=False,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(showlegend=False)
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
    fig.add_trace(go.Scatter(y=by_subject["mata_pelajaran"].tolist(), x=total, mode="text", text=share_text, textposition="middle right", showlegend=False, hoverinfo="skip"))
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.15})
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
    lo, hi = zrange if zrange else ((0.0, 1.0) if percent else (float(np.nanmin(z)), float(np.nanmax(z))))
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[(col_labels or {}).get(c, str(c)) for c in cols],
            y=[(row_labels or {}).get(r, str(r)) for r in rows],
            text=text,
            texttemplate="%{text}",
            colorscale="Blues" if not reverse_scale else "Blues_r",
            zmin=lo,
            zmax=hi,
            hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
            showscale=False,
        )
    )
    fig.update_yaxes(autorange="reversed")
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
    fig.add_trace(go.Bar(x=labels, y=u["mean"].tolist(), name=t("chart.ukg.selection", lang), marker_color=MAIN, text=[formatting.score(v, lang) for v in u["mean"]], textposition="outside", customdata=u["teachers"].tolist(), hovertemplate="%{x}: %{y:.1f} (n = %{customdata})<extra></extra>"))
    fig.add_trace(go.Bar(x=labels, y=[float(nat.get(d, np.nan)) for d in u["domain"]], name=t("chart.ukg.national", lang), marker_color="#bbbbbb", text=[formatting.score(nat.get(d, np.nan), lang, missing="") for d in u["domain"]], textposition="outside"))
    fig.add_hline(y=minimum, line_dash="dash", line_color=SECOND, annotation_text=t("chart.ukg.minimum", lang, minimum=f"{minimum:g}"), annotation_position="top left")
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.15})
    fig.update_yaxes(range=[0, 100])
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
    for i, (group, g) in enumerate(table.groupby("group", sort=False)):
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
    fig.update_layout(scattermode="group", legend={"orientation": "h", "y": -0.15})
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


def teacher_scores_figure(assessments: pd.DataFrame, lang: str) -> go.Figure:
    """One teacher's domain scores over time, one line per domain and instrument, over the PKG bands.

    Parameters
    ----------
    assessments : DataFrame
        One row per assessment × domain: ``tanggal_penilaian``, ``sumber``, ``domain``, ``score`` (0–100).
    lang : {"id", "en"}

    Returns
    -------
    Figure
        One ``scatter`` (lines+markers) trace per domain × instrument.
    """
    if assessments.empty:
        return empty_figure(lang, "chart.teacher.scores.title")
    fig = go.Figure()
    palette = {"pedagogik": MAIN, "kepribadian": SECOND, "sosial": "#2a9d8f", "profesional": "#6d597a"}
    for (d, src), part in assessments.groupby(["domain", "sumber"], sort=False):
        part = part.sort_values("tanggal_penilaian")
        fig.add_trace(
            go.Scatter(
                x=part["tanggal_penilaian"],
                y=part["score"],
                mode="lines+markers",
                name=f"{t(f'domain.{d}', lang)} ({src})",
                line={"color": palette.get(d, MAIN), "dash": "dot" if src == "UKG" else "solid"},
                hovertemplate="%{x|%d/%m/%Y}: %{y:.1f}<extra></extra>",
            )
        )
    add_pkg_bands(fig, lang, "y")
    fig.update_layout(legend={"orientation": "h", "y": -0.2})
    return _layout(fig, t("chart.teacher.scores.title", lang), None, t("chart.axis.score", lang), height=400)


def _wrap(text: object, width: int = 16) -> str:
    """Break a long label into lines of about ``width`` characters (plotly ``<br>``)."""
    import textwrap

    return "<br>".join(textwrap.wrap(str(text), width)) or str(text)
