"""The school report workbook (analysis/reports/school_report.py) and the download button."""

STRINGS = {
    "report.school.title": {"id": "Laporan Profil Sekolah", "en": "School Profile report"},
    "report.school.download": {"id": "Unduh laporan sekolah (.xlsx)", "en": "Download the school report (.xlsx)"},
    "report.school.download.help": {
        "id": "Angka halaman ini dalam satu buku kerja. Nama guru hanya tampil untuk kepala sekolah; peran lain melihat kode samaran.",
        "en": "This page's figures in one workbook. Teachers' names appear only for the school head; other roles see pseudonymous codes.",
    },
    "report.school.sheet.summary": {"id": "Ringkasan", "en": "Summary"},
    "report.school.sheet.competency": {"id": "Kompetensi", "en": "Competency"},
    "report.school.sheet.out_of_field": {"id": "Luar Bidang", "en": "Out of field"},
    "report.school.sheet.ict": {"id": "TIK", "en": "ICT"},
    "report.school.sheet.training": {"id": "Pelatihan", "en": "Training"},
    "report.school.jenjang": {"id": "Jenjang", "en": "Level (jenjang)"},
    "report.school.status": {"id": "Status sekolah", "en": "School status"},
    "report.school.kecamatan": {"id": "Kecamatan", "en": "Kecamatan (sub-district)"},
    "report.school.kabupaten": {"id": "Kabupaten/Kota", "en": "Kabupaten/Kota (district)"},
    "report.school.reference_date": {"id": "Tanggal acuan", "en": "Reference date"},
    "report.school.ict_target": {"id": "Target level TIK", "en": "ICT target level"},
    "report.school.figure": {"id": "Angka", "en": "Figure"},
    "report.school.value": {"id": "Nilai", "en": "Value"},
    "report.school.oof_jjm": {"id": "Di luar bidang (persentase JJM)", "en": "Out of field (share of JJM)"},
    "report.school.oof_unknown": {"id": "Guru belum dapat dinilai linieritasnya", "en": "Teachers whose linieritas cannot be judged"},
    "report.school.domain": {"id": "Ranah", "en": "Domain"},
    "report.school.n": {"id": "n", "en": "n"},
    "report.school.mean": {"id": "Rata-rata", "en": "Mean"},
    "report.school.median": {"id": "Median", "en": "Median"},
    "report.school.q1": {"id": "Kuartil 1", "en": "Quartile 1"},
    "report.school.q3": {"id": "Kuartil 3", "en": "Quartile 3"},
    "report.school.category": {"id": "Kategori PKG", "en": "PKG category"},
    "report.school.share": {"id": "Persentase", "en": "Share"},
    "report.school.teachers": {"id": "Guru", "en": "Teachers"},
    "report.school.share_out": {"id": "Persentase tidak linier", "en": "Share out of field"},
    "report.school.jjm_out": {"id": "JJM tidak linier", "en": "Out-of-field JJM"},
    "report.school.jjm_total": {"id": "JJM total", "en": "Total JJM"},
    "report.school.skill": {"id": "Keterampilan TIK", "en": "ICT skill"},
    "report.school.below_share": {"id": "Di bawah target", "en": "Below target"},
    "report.school.jenis": {"id": "Jenis pelatihan", "en": "Training type"},
    "report.school.participations": {"id": "Keikutsertaan", "en": "Participations"},
    "report.school.jp": {"id": "JP", "en": "JP"},
}

from analysis.core.schema import ICT_LEVELS as _LEVELS  # noqa: E402

STRINGS.update({f"ict.level.{n}": {"id": f"{n} – {ind}", "en": f"{n} – {en}"} for n, (ind, en) in _LEVELS.items()})
