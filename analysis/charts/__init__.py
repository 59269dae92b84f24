"""Chart builders: plotly figures from aggregated tables, labelled from the string table.

Every builder takes a table that is already aggregated (counts, shares,
quartiles) and returns a :class:`plotly.graph_objects.Figure`; none draws one
point per teacher where a count will do. Titles, axis labels and category
names come from :mod:`analysis.i18n` in the ``lang`` given ("id" or "en").

The aggregates the charts draw from a column of values (quartiles, histogram
bins, a level matrix) are made in :mod:`analysis.metrics.distributions`, below
the views that also show them as tables.

The builders live in one module a subject: :mod:`~analysis.charts.base` (colours,
PKG bands, layout, axes, count bars, histograms), :mod:`~analysis.charts.competency`,
:mod:`~analysis.charts.ict`, :mod:`~analysis.charts.staffing`,
:mod:`~analysis.charts.effects`, :mod:`~analysis.charts.kinerja`,
:mod:`~analysis.charts.trends`, :mod:`~analysis.charts.overview` and
:mod:`~analysis.charts.plan`; this package names the first five's builders, so
``charts.domain_scores_figure(...)`` works as before.
"""

from __future__ import annotations

from analysis.charts.base import (
    HEADROOM as HEADROOM,
    MAIN as MAIN,
    MAX_LABELLED_COLUMNS as MAX_LABELLED_COLUMNS,
    PKG_BANDS as PKG_BANDS,
    SECOND as SECOND,
    TEMPLATE as TEMPLATE,
    TITLE_WIDTH as TITLE_WIDTH,
    count_axis as count_axis,
    count_bars as count_bars,
    count_step as count_step,
    empty_figure as empty_figure,
    histogram_figure as histogram_figure,
    level_axis as level_axis,
    score_axis as score_axis,
    share_axis as share_axis,
)
from analysis.charts.competency import (
    add_pkg_bands as add_pkg_bands,
    domain_scores_figure as domain_scores_figure,
    grouped_domain_box_figure as grouped_domain_box_figure,
    pkg_category_figure as pkg_category_figure,
    teacher_scores_figure as teacher_scores_figure,
    ukg_figure as ukg_figure,
)
from analysis.charts.effects import (
    effects_figure as effects_figure,
)
from analysis.charts.ict import (
    ict_below_target_figure as ict_below_target_figure,
    ict_heatmap as ict_heatmap,
)
from analysis.charts.staffing import (
    matrix_figure as matrix_figure,
    out_of_field_by_subject_figure as out_of_field_by_subject_figure,
    presence_matrix_figure as presence_matrix_figure,
)
from analysis.metrics.distributions import box_stats as box_stats, histogram_counts as histogram_counts, level_matrix as level_matrix
