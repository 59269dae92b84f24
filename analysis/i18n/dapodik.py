"""Strings of the Dapodik import adapters (:mod:`analysis.ingest.dapodik`)."""

STRINGS = {
    "problem.dapodik_no_npsn": {
        "id": "Sheet {sheet}: berkas ini tidak memuat NPSN sekolah ({school}); guru tidak dapat dikaitkan ke sekolah. "
        'Isi NPSN sekolah (8 karakter) di kolom "NPSN sekolah" halaman Unggah Data, atau jalankan '
        "python -m analysis check BERKAS --npsn NPSN.",
        "en": "Sheet {sheet}: this file holds no school NPSN ({school}); its teachers cannot be linked to a school. "
        'Type the school\'s NPSN (8 characters) in the "School NPSN" field of the Unggah Data page, or run '
        "python -m analysis check FILE --npsn NPSN.",
    },
    "problem.unlabelled_column": {
        "id": "Sheet {sheet}: kolom {letter} tidak berjudul tetapi berisi data di {rows} baris; isinya tidak dibaca. Beri judul kolom bila isinya diperlukan.",
        "en": "Sheet {sheet}: column {letter} has no header but holds data in {rows} rows; it was not read. Give the column a header if its content is needed.",
    },
    "layout.dapodik_daftar_guru": {"id": "Dapodik Daftar Guru", "en": "Dapodik Daftar Guru (teachers)"},
    "layout.dapodik_daftar_tendik": {"id": "Dapodik Daftar Tenaga Kependidikan", "en": "Dapodik Daftar Tenaga Kependidikan (staff)"},
    "layout.dapodik_daftar_sekolah": {"id": "daftar sekolah Dapodik", "en": "Dapodik school list"},
    "upload.npsn.label": {"id": "NPSN sekolah", "en": "School NPSN"},
    "upload.npsn.help": {
        "id": "Berkas ini tidak memuat NPSN. Ketik NPSN sekolah {school} (8 karakter, mis. 40301234 atau P9908517) "
        "agar guru dan tenaga kependidikannya terhubung ke sekolah.",
        "en": "This file holds no NPSN. Type the NPSN of {school} (8 characters, e.g. 40301234 or P9908517) "
        "so that its teachers and staff are linked to the school.",
    },
    "upload.npsn.ask": {
        "id": "Berkas ini tidak memuat NPSN sekolah {school}. Ketik NPSN-nya di bawah.",
        "en": "This file holds no NPSN for {school}. Type it below.",
    },
    "upload.npsn.bad": {"id": "NPSN terdiri atas tepat 8 huruf atau angka.", "en": "An NPSN is exactly 8 letters or digits."},
    "upload.npsn.matched": {
        "id": "NPSN {npsn} diambil dari sekolah yang sudah dimuat dengan nama dan kecamatan yang sama; ubah bila keliru.",
        "en": "NPSN {npsn} was taken from a school already loaded with the same name and kecamatan; change it if wrong.",
    },
    "problem.dapodik_no_form": {
        "id": "Sheet {sheet}: NPSN sekolah tidak ditemukan di sheet isian Profil Sekolah (label di kolom B, nilai di kolom D); "
        "guru tidak dapat dikaitkan ke sekolah.",
        "en": "Sheet {sheet}: the school's NPSN was not found on the Profil Sekolah form sheet (label in column B, value in column D); "
        "the teachers cannot be linked to a school.",
    },
    "problem.dapodik_rekap_combined": {
        "id": "Sheet {sheet}: {rows} baris data (guru × rombel × mata pelajaran) digabung menjadi {groups} baris guru × mata pelajaran "
        "(JJM dijumlahkan) untuk {teachers} guru; hitungan baris sheet ini menghitung baris gabungan, tiap baris diberi nomor baris "
        "pertamanya di Excel.",
        "en": "Sheet {sheet}: {rows} data rows (teacher × class × subject) were combined into {groups} teacher × subject rows "
        "(JJM summed) for {teachers} teachers; this sheet's row counts count the combined rows, each numbered by its first Excel row.",
    },
}
