"""Words of the number and date format (analysis/formatting.py) and the names of downloaded files, per language."""

STRINGS = {
    **{f"month.{i}": {"id": m_id, "en": m_en} for i, (m_id, m_en) in enumerate(zip(
        ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"),
        ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
    ), start=1)},
}
