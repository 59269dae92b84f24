"""PMM predikat kinerja (analysis/metrics/kinerja.py, the Kinerja sheet) and the PKG 2009–2022 labels."""

STRINGS = {
    "kinerja.predikat.sangat_baik": {"id": "Sangat Baik", "en": "Sangat Baik (very good)"},
    "kinerja.predikat.baik": {"id": "Baik", "en": "Baik (good)"},
    "kinerja.predikat.butuh_perbaikan": {"id": "Butuh Perbaikan", "en": "Butuh Perbaikan (needs improvement)"},
    "kinerja.predikat.kurang": {"id": "Kurang/Misconduct", "en": "Kurang/Misconduct (poor)"},
    "kinerja.predikat.sangat_kurang": {"id": "Sangat Kurang", "en": "Sangat Kurang (very poor)"},
    "chart.kinerja.title": {"id": "Predikat kinerja guru ASN (PMM) per tahun", "en": "ASN teachers' predikat kinerja (PMM) per year"},
    "chart.kinerja.axis": {"id": "Bagian guru yang dinilai", "en": "Share of teachers rated"},
    "kinerja.section": {"id": "Predikat kinerja PMM (sejak 2023)", "en": "PMM predikat kinerja (since 2023)"},
    "kinerja.caption": {
        "id": "Sejak 2023 guru ASN (PNS dan PPPK) dinilai di PMM Pengelolaan Kinerja (Ruang GTK sejak 2025; Permenpan-RB 6/2022, "
        "Perdirjen GTK 7607/B.B1/HK.03/2023). Predikat yang kosong dihitung dari rating hasil kerja × perilaku kerja "
        "(matriks Permenpan-RB 6/2022). Guru non-ASN tidak dinilai di PMM.",
        "en": "Since 2023 ASN teachers (PNS and PPPK) are appraised in PMM Pengelolaan Kinerja (Ruang GTK since 2025; Permenpan-RB 6/2022, "
        "Perdirjen GTK 7607/B.B1/HK.03/2023). An empty predikat is derived from the work-result × work-behaviour ratings "
        "(the Permenpan-RB 6/2022 matrix). Non-ASN teachers are not appraised in PMM.",
    },
    "kinerja.none": {
        "id": "Belum ada data predikat kinerja (sheet Kinerja) untuk pilihan ini.",
        "en": "No predikat kinerja data (Kinerja sheet) for this selection.",
    },
    "kinerja.table.caption": {"id": "Jumlah guru per predikat, per sekolah dan tahun.", "en": "Teachers per predikat, by school and year."},
    "kinerja.attention.title": {"id": "Guru dengan predikat Butuh Perbaikan atau di bawahnya, {year}", "en": "Teachers rated Butuh Perbaikan or below, {year}"},
    "kinerja.attention.none": {
        "id": "Tidak ada guru dengan predikat Butuh Perbaikan atau di bawahnya pada {year}.",
        "en": "No teacher rated Butuh Perbaikan or below in {year}.",
    },
    "kinerja.attention.codes": {
        "id": "Nama guru hanya tampil untuk peran kepala sekolah; peran lain melihat kode samaran.",
        "en": "Teachers' names are shown to the kepala sekolah role only; other roles see pseudonymous codes.",
    },
    "kinerja.year": {"id": "Tahun daftar perhatian", "en": "Year of the attention list"},
    "kinerja.year.help": {
        "id": "Guru dengan predikat Butuh Perbaikan atau di bawahnya pada tahun ini; grafik menampilkan semua tahun.",
        "en": "Teachers rated Butuh Perbaikan or below in this year; the chart shows every year.",
    },
    "col.tahun": {"id": "Tahun", "en": "Year"},
    "col.predikat": {"id": "Predikat kinerja", "en": "Predikat kinerja"},
    "col.total_rated": {"id": "Guru dinilai", "en": "Teachers rated"},
    "problem.kinerja_no_predikat": {
        "id": "Sheet {sheet}, baris {row}: isi Predikat Kinerja, atau Rating Hasil Kerja dan Rating Perilaku Kerja; baris ditolak.",
        "en": "Sheet {sheet}, row {row}: fill in Predikat Kinerja, or both Rating Hasil Kerja and Rating Perilaku Kerja; the row was rejected.",
    },
    "problem.kinerja_predikat_mismatch": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: predikat {given} tidak sesuai matriks Permenpan-RB 6/2022 untuk hasil kerja "
        "{hasil} dan perilaku kerja {perilaku} (matriks: {expected}); predikat yang ditulis tetap dipakai.",
        "en": "Sheet {sheet}, row {row}, column {column}: predikat {given} does not match the Permenpan-RB 6/2022 matrix for work results "
        "{hasil} and work behaviour {perilaku} (matrix: {expected}); the predikat as written is kept.",
    },
    "pkg.legacy.caption": {
        "id": "PKG K1–K14 adalah instrumen 2009–2022 (Permenneg PAN-RB 16/2009; Guru BK: 17 kompetensi). Skor ranah dari nilai K 1–4 berkisar 25–100.",
        "en": "PKG K1–K14 is the 2009–2022 instrument (Permenneg PAN-RB 16/2009; Guru BK: 17 competencies). A domain score from K values 1–4 runs 25–100.",
    },
    "pkg.basis.pkg": {"id": "Nilai PKG (14 kompetensi)", "en": "Nilai PKG (14 competencies)"},
    "pkg.basis.pkg_bk": {"id": "Nilai PKG Guru BK (17 kompetensi)", "en": "Nilai PKG, Guru BK (17 competencies)"},
    "pkg.basis.domain_composite": {"id": "Skor gabungan domain (bukan Nilai PKG)", "en": "Combined domain score (not Nilai PKG)"},
}
