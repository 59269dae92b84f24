"""Dasbor Kompetensi Guru: analyses of teacher competency data.

A plain Python package of pure functions over pandas DataFrames. It never
imports streamlit (a test enforces this), so every figure the dashboard shows
can be computed, tested and scripted without the app
(``python -m analysis check FILE``, ``python -m analysis summary FILE --json``).
"""

__version__ = "0.1.0"
