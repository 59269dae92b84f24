"""Reference tables and the rules read from ``data/reference``: subjects and programmes, regions, colour bands."""
