"""The district overview (Ringkasan), the teacher view, the comparison page and the district report."""

STRINGS = {
    "page.ringkasan.title": {"id": "Ringkasan", "en": "Overview"},
    "ringkasan.intro": {
        "id": "Semua sekolah dalam data. Saring menurut jenjang, kecamatan, naungan dan status; pilih satu baris untuk membuka profil sekolahnya. Saringan tersimpan di alamat halaman, sehingga tampilan dapat dibagikan sebagai tautan.",
        "en": "Every school in the data. Filter by jenjang, kecamatan, naungan and status; select a row to open the school's profile. Filters are kept in the page address, so a view can be shared as a link.",
    },
    "ringkasan.filter.jenjang": {"id": "Jenjang", "en": "Jenjang (level)"},
    "ringkasan.filter.kecamatan": {"id": "Kecamatan", "en": "Kecamatan (sub-district)"},
    "ringkasan.filter.naungan": {"id": "Naungan", "en": "Naungan (ministry)"},
    "ringkasan.filter.status": {"id": "Status", "en": "Status"},
    "ringkasan.no_match": {"id": "Tidak ada sekolah yang cocok dengan saringan ini.", "en": "No school matches these filters."},
    "ringkasan.section.schools": {"id": "Per sekolah", "en": "By school"},
    "ringkasan.table.caption": {
        "id": "Warna seperti Rapor Pendidikan: hijau baik, kuning sedang, merah kurang (ambang batas disimpulkan, lihat docs/analyses.md). Pilih baris untuk membuka profil sekolah.",
        "en": "Colours as in Rapor Pendidikan: green good, yellow fair, red poor (inferred cut-offs, see docs/analyses.md). Select a row to open the school's profile.",
    },
    "report.district.title": {"id": "Laporan Ringkasan Kabupaten/Kota", "en": "District overview report"},
    "report.district.sheet.summary": {"id": "Ringkasan", "en": "Summary"},
    "report.district.sheet.schools": {"id": "Sekolah", "en": "Schools"},
    "report.district.chart.gaps": {"id": "Di luar bidang, di bawah target TIK, ikut pelatihan", "en": "Out of field, below ICT target, trained"},
    "report.district.chart.domains": {"id": "Rata-rata empat ranah per sekolah", "en": "Four-domain means by school"},
    "report.download.xlsx": {"id": "Unduh laporan (.xlsx)", "en": "Download the report (.xlsx)"},
    "report.download.html": {"id": "Unduh laporan (.html, dapat dicetak ke PDF)", "en": "Download the report (.html, prints to PDF)"},
    "table.download": {"id": "Unduh tabel", "en": "Download table"},
    "table.show": {"id": "Tampilkan tabel", "en": "Show the table"},
    "table.download.csv": {"id": "CSV", "en": "CSV"},
    "table.download.xlsx": {"id": "Excel (.xlsx)", "en": "Excel (.xlsx)"},
}

STRINGS.update(
    {
        "page.bandingkan.title": {"id": "Bandingkan Sekolah", "en": "Compare Schools"},
        "banding.intro": {
            "id": "Pilih 2–6 sekolah: angka dan grafik yang sama berdampingan pada sumbu yang sama, dan per ranah uji antar-sekolah (Kruskal-Wallis, ANOVA Welch, perbandingan berpasangan dengan koreksi Holm; pingouin). Sekolah dengan kurang dari {min} guru dinilai ditandai.",
            "en": "Pick 2–6 schools: the same figures and charts side by side on shared axes, and per domain a test across schools (Kruskal-Wallis, Welch's ANOVA, Holm-adjusted pairwise comparisons; pingouin). Schools with fewer than {min} assessed teachers are flagged.",
        },
        "banding.schools": {"id": "Sekolah ({lo}–{hi})", "en": "Schools ({lo}–{hi})"},
        "banding.pick": {"id": "Pilih {lo} sampai {hi} sekolah untuk dibandingkan.", "en": "Pick {lo} to {hi} schools to compare."},
        "chart.domain.compare.title": {"id": "Skor empat ranah per sekolah", "en": "Four-domain scores by school"},
        "banding.section.tests": {"id": "Uji antar-sekolah per ranah", "en": "Tests across schools, per domain"},
        "banding.tests.caption": {
            "id": "Penilaian terakhir per guru (UKG terpisah). η²_H = (H − k + 1)/(n − k); np2 = η² parsial dari ANOVA Welch. Sebaran skor PKG bertingkat sehingga uji peringkat (Kruskal-Wallis) lebih aman.",
            "en": "Each teacher's latest assessment (UKG apart). η²_H = (H − k + 1)/(n − k); np2 = partial η² of Welch's ANOVA. PKG scores are stepped, so the rank test (Kruskal-Wallis) is the safer reading.",
        },
        "banding.col.schools": {"id": "Sekolah diuji", "en": "Schools tested"},
        "banding.col.H": {"id": "H", "en": "H"},
        "banding.col.p_kruskal": {"id": "p (Kruskal-Wallis)", "en": "p (Kruskal-Wallis)"},
        "banding.col.eta2_h": {"id": "η²_H", "en": "η²_H"},
        "banding.col.F": {"id": "F (Welch)", "en": "F (Welch)"},
        "banding.col.p_welch": {"id": "p (ANOVA Welch)", "en": "p (Welch's ANOVA)"},
        "banding.col.np2": {"id": "η² parsial", "en": "Partial η²"},
        "banding.col.small": {"id": "Sekolah < 10 guru", "en": "Schools < 10 teachers"},
        "banding.small": {"id": "Kurang dari {min} guru dinilai: {schools}. Hasil uji untuk sekolah ini kurang dapat diandalkan.", "en": "Fewer than {min} assessed teachers: {schools}. Tests involving these schools are less reliable."},
        "banding.section.pairwise": {"id": "Perbandingan berpasangan (Mann-Whitney, koreksi Holm)", "en": "Pairwise comparisons (Mann-Whitney, Holm-adjusted)"},
        "banding.col.A": {"id": "Sekolah A", "en": "School A"},
        "banding.col.B": {"id": "Sekolah B", "en": "School B"},
        "banding.col.U": {"id": "U", "en": "U"},
        "banding.col.p_unc": {"id": "p", "en": "p"},
        "banding.col.p_holm": {"id": "p (Holm)", "en": "p (Holm)"},
    }
)

STRINGS.update(
    {
        "page.guru.title": {"id": "Profil Guru", "en": "Teacher Profile"},
        "guru.none": {"id": "Sekolah ini tidak memiliki pendidik dalam data.", "en": "This school has no teacher in the data."},
        "guru.pick": {"id": "Guru", "en": "Teacher"},
        "guru.coded": {
            "id": "Nama, NUPTK dan NIP hanya tampil untuk kepala sekolah; peran lain melihat kode samaran yang tetap.",
            "en": "Name, NUPTK and NIP show only to the school head; other roles see a stable pseudonymous code.",
        },
        "guru.field.nama": {"id": "Nama", "en": "Name"},
        "guru.field.nuptk": {"id": "NUPTK", "en": "NUPTK"},
        "guru.field.nip": {"id": "NIP", "en": "NIP"},
        "guru.field.jk": {"id": "JK", "en": "Gender"},
        "guru.field.jenis_ptk": {"id": "Jenis PTK", "en": "Jenis PTK (role)"},
        "guru.field.status_kepegawaian": {"id": "Status kepegawaian", "en": "Employment status"},
        "guru.field.jenjang_pendidikan": {"id": "Jenjang pendidikan", "en": "Highest degree"},
        "guru.field.jurusan_prodi": {"id": "Jurusan/prodi", "en": "Study programme"},
        "guru.field.sertifikasi": {"id": "Sertifikasi (bidang)", "en": "Certificate field"},
        "guru.field.tahun_sertifikasi": {"id": "Tahun sertifikasi", "en": "Year certified"},
        "guru.field.jjm": {"id": "JJM", "en": "JJM (hours/week)"},
        "guru.field.age": {"id": "Usia (tahun)", "en": "Age (years)"},
        "guru.field.age_band": {"id": "Kelompok usia (tahun)", "en": "Age band (years)"},
        "guru.section.subjects": {"id": "Mata pelajaran dan linieritas", "en": "Subjects and linieritas"},
        "guru.col.linieritas": {"id": "Linieritas", "en": "Linieritas"},
        "guru.col.basis": {"id": "Dasar penilaian", "en": "Judged by"},
        "guru.basis.sertifikasi": {"id": "Bidang sertifikat", "en": "Certificate field"},
        "guru.basis.prodi": {"id": "Jurusan/prodi", "en": "Study programme"},
        "guru.basis.kependidikan": {"id": "Prodi kependidikan (guru kelas)", "en": "Education programme (class teacher)"},
        "guru.basis.subject_unknown": {"id": "Mata pelajaran tidak ada di tabel rujukan", "en": "Subject not in the reference table"},
        "guru.basis.sertifikasi_unknown": {"id": "Bidang sertifikat tidak ada di tabel rujukan", "en": "Certificate field not in the reference table"},
        "guru.basis.prodi_unknown": {"id": "Jurusan tidak ada di tabel rujukan", "en": "Programme not in the reference table"},
        "guru.section.assessments": {"id": "Penilaian dari waktu ke waktu", "en": "Assessments over time"},
        "chart.teacher.scores.title": {"id": "Skor ranah per penilaian", "en": "Domain scores per assessment"},
        "guru.col.date": {"id": "Tanggal", "en": "Date"},
        "guru.col.source": {"id": "Sumber", "en": "Source"},
        "guru.col.nilai": {"id": "Nilai (0–100)", "en": "Value (0–100)"},
        "guru.section.ict": {"id": "Penguasaan TIK", "en": "ICT mastery"},
        "guru.chart.ict": {"id": "Level TIK (penilaian diri, 1–4)", "en": "ICT level (self-rating, 1–4)"},
        "guru.section.trainings": {"id": "Pelatihan", "en": "Trainings"},
        "guru.trained_12m": {"id": "Mengikuti pelatihan dalam 12 bulan terakhir.", "en": "Trained in the last 12 months."},
        "guru.not_trained_12m": {"id": "Tidak mengikuti pelatihan dalam 12 bulan terakhir.", "en": "No training in the last 12 months."},
        "guru.col.training": {"id": "Pelatihan", "en": "Training"},
        "guru.col.start": {"id": "Mulai", "en": "Start"},
        "guru.col.fokus": {"id": "Fokus", "en": "Focus"},
        "guru.back": {"id": "Kembali ke profil sekolah", "en": "Back to the school profile"},
        "profil.section.teachers": {"id": "Guru", "en": "Teachers"},
        "profil.open_teacher": {"id": "Buka profil guru", "en": "Open the teacher's profile"},
    }
)

STRINGS.update(
    {
        "export.deid.sheet": {"id": "Catatan", "en": "Notes"},
        "export.deid.note": {
            "id": "Data ter-de-identifikasi: tanpa nama, NUPTK, NIP, tanggal lahir dan TMT; tiap guru diganti kode samaran yang menghubungkan sheet; usia sebagai kelompok usia.",
            "en": "De-identified data: no name, NUPTK, NIP, birth date or TMT; each teacher is a pseudonymous code linking the sheets; age as an age band.",
        },
        "export.deid.download": {"id": "Unduh data ter-de-identifikasi untuk penelitian (.xlsx)", "en": "Download de-identified data for research (.xlsx)"},
        "export.deid.help": {
            "id": "Data guru sekolah terpilih tanpa identitas pribadi (UU 27/2022 PDP: minimisasi data).",
            "en": "The chosen schools' teacher data without personal identifiers (UU 27/2022 PDP: data minimisation).",
        },
    }
)
