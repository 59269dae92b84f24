"""Strings of what a file can say (:mod:`analysis.views.coverage`): the no-data note and the coverage box."""

STRINGS = {
    "coverage.no_data": {"id": "Tidak ada data di file ini", "en": "No data in this file"},
    "coverage.no_date": {
        "id": "Data tidak memuat tanggal: isi Tanggal acuan di sidebar",
        "en": "The data holds no date: set the Reference date in the sidebar",
    },
    "coverage.box": {
        "id": "File ini mendukung: {supported}. Tidak ada data di file ini untuk: {missing}. Untuk melengkapinya: {adds}.",
        "en": "This file supports: {supported}. No data in this file for: {missing}. To add them: {adds}.",
    },
    "coverage.none": {"id": "tidak ada grafik halaman ini", "en": "none of this page's figures"},
    "coverage.add.sekolah": {"id": "isi sheet {sheet} dari templat", "en": "fill in the template's {sheet} sheet"},
    "coverage.add.guru": {"id": "isi sheet {sheet} dari templat", "en": "fill in the template's {sheet} sheet"},
    "coverage.add.mengajar": {"id": "isi sheet {sheet} dari templat", "en": "fill in the template's {sheet} sheet"},
    "coverage.add.pelatihan": {
        "id": "isi sheet {sheet} dari templat (pelatihan yang diikuti)",
        "en": "fill in the template's {sheet} sheet (trainings attended)",
    },
    "coverage.add.penilaian": {
        "id": "isi sheet {sheet} dari templat (PKG, supervisi, UKG)",
        "en": "fill in the template's {sheet} sheet (PKG, supervision, UKG)",
    },
    "coverage.add.pkg": {
        "id": "isi sheet {sheet} dari templat dengan Sumber PKG, Supervisi atau Mandiri",
        "en": "fill in the template's {sheet} sheet with Sumber PKG, Supervisi or Mandiri",
    },
    "coverage.add.ukg": {"id": "isi sheet {sheet} dari templat dengan Sumber UKG", "en": "fill in the template's {sheet} sheet with Sumber UKG"},
    "coverage.add.kendala": {"id": "isi sheet {sheet} dari templat", "en": "fill in the template's {sheet} sheet"},
    "coverage.add.kinerja": {
        "id": "isi sheet {sheet} dari templat (predikat kinerja PMM)",
        "en": "fill in the template's {sheet} sheet (PMM predikat kinerja)",
    },
    "coverage.add.tik": {
        "id": "isi kolom TIK pada sheet {sheet} dari templat (enam penilaian diri 1–4)",
        "en": "fill in the TIK columns of the template's {sheet} sheet (six self-ratings 1–4)",
    },
    "coverage.add.tanggal": {"id": "isi Tanggal acuan di sidebar", "en": "set the Reference date in the sidebar"},
    "coverage.figure.staff": {"id": "pendidik dan tenaga kependidikan", "en": "teachers and staff"},
    "coverage.figure.staff_age": {"id": "kelompok usia", "en": "age bands"},
    "coverage.figure.out_of_field": {"id": "guru di luar bidang", "en": "out-of-field teaching"},
    "coverage.figure.competency": {"id": "skor kompetensi (PKG)", "en": "competency scores (PKG)"},
    "coverage.figure.ukg": {"id": "UKG", "en": "UKG"},
    "coverage.figure.ict": {"id": "penguasaan TIK", "en": "ICT mastery"},
    "coverage.figure.ict_by_age": {"id": "TIK menurut usia", "en": "ICT by age band"},
    "coverage.figure.ict_needs": {"id": "daftar kebutuhan pelatihan TIK", "en": "ICT training-needs list"},
    "coverage.figure.training": {"id": "pelatihan 12 bulan terakhir", "en": "training in the last 12 months"},
    "coverage.figure.training_effects": {"id": "dampak pelatihan", "en": "training effects"},
    "coverage.figure.kinerja": {"id": "predikat kinerja", "en": "performance ratings"},
    "coverage.figure.kendala": {"id": "kendala pelatihan", "en": "training obstacles"},
}
