"""Strings of the Dapodik web-service JSON reader (:mod:`analysis.ingest.dapodik_json`)."""

STRINGS = {
    "layout.dapodik_json": {"id": "JSON layanan web Dapodik (getGtk, getRombonganBelajar)", "en": "Dapodik web-service JSON (getGtk, getRombonganBelajar)"},
    "file.json_malformed": {
        "id": "Berkas JSON tidak dapat dibaca ({detail}). Simpan ulang jawaban layanan web Dapodik apa adanya.",
        "en": "The JSON file cannot be read ({detail}). Save the Dapodik web service's answer again as it comes.",
    },
    "file.json_too_large": {
        "id": "Berkas JSON ditolak sebelum dibaca: {size_mb} MB, melebihi batas {limit_mb} MB untuk data satu sekolah.",
        "en": "JSON file refused before reading: {size_mb} MB, beyond the {limit_mb} MB limit for one school's data.",
    },
    "file.json_too_complex": {
        "id": "Berkas JSON ditolak sebelum dibaca: memuat lebih dari {limit} objek dan larik, tidak wajar untuk data satu sekolah.",
        "en": "JSON file refused before reading: it holds more than {limit} objects and arrays, not plausible for one school's data.",
    },
    "file.json_too_deep": {
        "id": "Berkas JSON ditolak: bersarang lebih dari {depth} tingkat, bukan bentuk jawaban layanan web Dapodik.",
        "en": "JSON file refused: nested more than {depth} levels deep, not the shape of a Dapodik web-service answer.",
    },
    "file.json_unknown_shape": {
        "id": "Berkas JSON terbaca, tetapi bukan jawaban getGtk, getRombonganBelajar atau getSekolah dari layanan web Dapodik "
        '(daftar "rows" berisi ptk_id dan nama, atau rombel dengan "pembelajaran").',
        "en": "The JSON file was read, but it is no getGtk, getRombonganBelajar or getSekolah answer of the Dapodik web service "
        '(a "rows" list with ptk_id and nama, or classes with "pembelajaran").',
    },
    "problem.dapodik_json_no_npsn": {
        "id": "Sheet {sheet}: berkas JSON tidak memuat NPSN sekolah (jawaban getSekolah atau kolom npsn); guru tidak dapat dikaitkan ke sekolah. "
        "Simpan getSekolah bersama getGtk dalam satu berkas.",
        "en": "Sheet {sheet}: the JSON file holds no school NPSN (a getSekolah answer or an npsn field); its teachers cannot be linked to a school. "
        "Save getSekolah together with getGtk in one file.",
    },
    "problem.dapodik_json_no_gtk": {
        "id": "Sheet {sheet}: pembelajaran hanya menyebut ptk_id; tanpa jawaban getGtk dalam berkas yang sama, guru pengampunya tidak dikenal "
        "dan setiap baris pembelajaran ditolak. Simpan getGtk bersama getRombonganBelajar dalam satu berkas.",
        "en": "Sheet {sheet}: a pembelajaran names only a ptk_id; without a getGtk answer in the same file its teacher is unknown and "
        "every pembelajaran row is rejected. Save getGtk together with getRombonganBelajar in one file.",
    },
}
