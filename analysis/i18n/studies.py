"""The Temuan Penelitian page (analysis/studies.py)."""

STRINGS = {
    "page.temuan.title": {"id": "Temuan Penelitian", "en": "Research Findings"},
    "temuan.intro": {
        "id": "Lima penelitian lapangan (data/studies.yaml) dikodekan sebagai data: kendala pelatihan per kategori, dan temuan yang dapat diuji di samping angka dari data yang dimuat.",
        "en": "Five field studies (data/studies.yaml) coded as data: training obstacles by category, and the findings data can test beside the figure from the loaded data.",
    },
    "temuan.section.obstacles": {"id": "Kendala menurut penelitian", "en": "Obstacles by study"},
    "temuan.chart.obstacles": {"id": "Kategori kendala yang dilaporkan tiap penelitian", "en": "Obstacle categories each study reports"},
    "temuan.section.findings": {"id": "Temuan dan data Anda", "en": "Findings and your data"},
    "temuan.findings.sample": {
        "id": "Angka di samping temuan berasal dari data contoh ilustratif, bukan hasil pengukuran; unggah data sekolah Anda untuk membandingkan.",
        "en": "The figures beside the findings come from illustrative sample data, not measurements; upload your schools' data to compare.",
    },
    "temuan.col.study": {"id": "Penelitian", "en": "Study"},
    "temuan.col.finding": {"id": "Temuan", "en": "Finding"},
    "temuan.col.figure": {"id": "Angka dari data", "en": "Figure from the data"},
    "temuan.col.value": {"id": "Nilai", "en": "Value"},
    "temuan.section.kendala": {"id": "Kendala di sekolah Anda (sheet Kendala)", "en": "Obstacles in your schools (Kendala sheet)"},
    "temuan.kendala.none": {"id": "Data yang dimuat tidak memiliki sheet Kendala.", "en": "The loaded data has no Kendala sheet."},
    "temuan.chart.kendala": {"id": "Kendala pelatihan yang dicatat, per kategori", "en": "Training obstacles recorded, by category"},
    "temuan.axis.kendala": {"id": "Catatan (pelatihan × kendala)", "en": "Records (training × obstacle)"},
    "temuan.section.studies": {"id": "Kelima penelitian", "en": "The five studies"},
    "temuan.field.location": {"id": "Lokasi", "en": "Location"},
    "temuan.field.jenjang": {"id": "Jenjang", "en": "Jenjang"},
    "temuan.field.informants": {"id": "Informan", "en": "Informants"},
    "temuan.field.size": {"id": "Ukuran", "en": "Size"},
    "temuan.field.competencies": {"id": "Kompetensi", "en": "Competencies"},
    "temuan.field.training_forms": {"id": "Bentuk pelatihan", "en": "Training forms"},
    "temuan.field.obstacles": {"id": "Kendala", "en": "Obstacles"},
    "temuan.field.remedies": {"id": "Solusi", "en": "Remedies"},
    "temuan.field.outcomes": {"id": "Hasil", "en": "Outcomes"},
}
