"""Figures to what a page shows: one school, a district, the summary, comparisons, studies, trends."""
