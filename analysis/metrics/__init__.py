"""Validated tables to figures: staffing, participation, ICT, PKG, kinerja, linieritas, training effects, privacy."""
