"""Downloads: school and district reports, table exports, the validation report."""
