"""The district's plan: needs by subject, a redistribution proposal, training and its follow-up, the school map.

Plain functions over the dataset's tables (no streamlit):

- :mod:`analysis.plan.needs`: hours needed, covered linier and out of field, per school × subject;
- :mod:`analysis.plan.redistribution`: a MILP (``scipy.optimize.milp``, HiGHS) proposing moves of teaching hours;
- :mod:`analysis.plan.training`: ranked training needs and cohorts for KKG/MGMP;
- :mod:`analysis.plan.followup`: each training's follow-up assessment and the overdue list;
- :mod:`analysis.plan.geo`: school coordinates, distances (haversine) and the map's outline.
"""
