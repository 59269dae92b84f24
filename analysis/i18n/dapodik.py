"""Strings of the Dapodik import adapters (:mod:`analysis.dapodik`)."""

STRINGS = {
    "problem.dapodik_no_npsn": {
        "id": "Sheet {sheet}: berkas Daftar PTK tidak memuat NPSN sekolah ({school}); guru tidak dapat dikaitkan ke sekolah. "
        "Unggah buku kerja Profil Sekolah atau Rekap Pembelajaran dari Dapodik, yang memuat NPSN.",
        "en": "Sheet {sheet}: a Daftar PTK file holds no school NPSN ({school}); its teachers cannot be linked to a school. "
        "Upload Dapodik's Profil Sekolah workbook or Rekap Pembelajaran, which carry the NPSN.",
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
