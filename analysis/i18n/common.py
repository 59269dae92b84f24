"""Strings shared by several parts of the app."""

STRINGS = {
    "common.choose": {"id": "Pilih…", "en": "Choose…"},
    "common.too_many": {
        "id": "Tautan ini memilih {n}; paling banyak {max} dapat dipilih, jadi {max} yang pertama dipakai.",
        "en": "This link picks {n}; at most {max} can be chosen, so the first {max} are used.",
    },
    "app.title": {"id": "Dasbor Kompetensi Guru", "en": "Teacher Competency Dashboard"},
    "app.sample_notice": {
        "id": "Data contoh ilustratif, bukan hasil pengukuran: dibuat agar sejalan dengan temuan penelitian, bukan data guru sebenarnya.",
        "en": "Illustrative sample data, not measured: built to agree with the field studies' findings, not real teachers.",
    },
    "app.language": {"id": "Bahasa", "en": "Language"},
    "app.loading_samples": {"id": "Membaca data contoh…", "en": "Reading the sample data…"},
    "app.computing": {"id": "Menghitung…", "en": "Computing…"},
    "app.computing.effects": {
        "id": "Memasangkan penilaian sebelum dan sesudah pelatihan dan mengujinya…",
        "en": "Pairing assessments before and after trainings and testing them…",
    },
    "app.computing.findings": {"id": "Menghitung angka setiap temuan dari data…", "en": "Computing each finding's figure from the data…"},
    "app.computing.schools": {"id": "Menghitung angka setiap sekolah…", "en": "Computing every school's figures…"},
    "domain.pedagogik": {"id": "Pedagogik", "en": "Pedagogical"},
    "domain.kepribadian": {"id": "Kepribadian", "en": "Personal"},
    "domain.sosial": {"id": "Sosial", "en": "Social"},
    "domain.profesional": {"id": "Profesional", "en": "Professional"},
    "severity.error": {"id": "Galat", "en": "Error"},
    "severity.warning": {"id": "Peringatan", "en": "Warning"},
}
