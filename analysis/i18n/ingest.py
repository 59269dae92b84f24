"""Messages of reading and validating a file (problems in the validation report)."""

STRINGS = {
    # File-level: the file cannot be read at all
    "file.empty": {"id": "Berkas kosong: tidak ada data untuk dibaca.", "en": "The file is empty: there is no data to read."},
    "file.not_workbook": {
        "id": "Berkas ini bukan buku kerja Excel (.xlsx) atau CSV yang dapat dibaca.",
        "en": "This file is not a readable Excel workbook (.xlsx) or CSV.",
    },
    "file.encrypted": {
        "id": "Berkas terenkripsi (berkata sandi) atau berformat Excel lama (.xls). Buka di Excel, hapus kata sandi, lalu simpan sebagai .xlsx.",
        "en": "The file is encrypted (password-protected) or an old Excel file (.xls). Open it in Excel, remove the password and save it as .xlsx.",
    },
    "file.zip_bomb": {
        "id": "Berkas ditolak sebelum dibaca: isinya mengembang menjadi sekitar {size_mb} MB, tidak wajar untuk data guru.",
        "en": "File refused before reading: its content expands to about {size_mb} MB, not plausible for teacher data.",
    },
    "file.too_large_range": {
        "id": "Berkas ditolak sebelum dibaca: sheet {sheet} memakai sel sampai {cell}, jauh melebihi ukuran data guru. Hapus sel kosong yang terisi format lalu simpan ulang.",
        "en": "File refused before reading: sheet {sheet} uses cells up to {cell}, far beyond any teacher data. Delete the formatted empty cells and save again.",
    },
    "file.unsupported_type": {
        "id": "Jenis berkas {suffix} tidak didukung. Unggah .xlsx atau .csv.",
        "en": "File type {suffix} is not supported. Upload .xlsx or .csv.",
    },
    "file.corrupt": {"id": "Berkas rusak dan tidak dapat dibaca ({detail}).", "en": "The file is damaged and cannot be read ({detail})."},
    "file.no_data": {
        "id": "Tidak ditemukan sheet yang dikenali (Sekolah, Guru, Mengajar, Pelatihan, Penilaian, Kendala) atau ekspor Dapodik.",
        "en": "No recognised sheet (Sekolah, Guru, Mengajar, Pelatihan, Penilaian, Kendala) or Dapodik export was found.",
    },
    "file.cp1252": {
        "id": "Berkas CSV tidak berpengodean UTF-8; dibaca sebagai Windows-1252. Periksa huruf beraksen.",
        "en": "The CSV file is not UTF-8; it was read as Windows-1252. Check accented letters.",
    },
    "problem.internal": {
        "id": "Terjadi kesalahan tak terduga saat membaca berkas ({detail}). Tidak ada data yang dipakai; laporkan berkas ini ke pengelola dasbor.",
        "en": "An unexpected error occurred while reading the file ({detail}). No data was used; report this file to the dashboard's maintainers.",
    },
    # Sheet-level
    "problem.unknown_sheet": {
        "id": "Sheet {sheet} tidak dikenali dan diabaikan.",
        "en": "Sheet {sheet} is not recognised and was ignored.",
    },
    "problem.no_header": {
        "id": "Baris judul kolom tidak ditemukan di sheet {sheet}; sheet ini diabaikan.",
        "en": "No header row was found in sheet {sheet}; the sheet was ignored.",
    },
    "problem.missing_sheet": {
        "id": "Sheet wajib {sheet} tidak ada.",
        "en": "The required sheet {sheet} is missing.",
    },
    "problem.missing_column": {
        "id": "Kolom wajib {column} tidak ada; semua baris sheet ini ditolak.",
        "en": "The required column {column} is missing; every row of this sheet was rejected.",
    },
    # Cell-level
    "problem.id_as_number": {
        "id": "{column} diketik sebagai angka: Excel hanya menyimpan 15 digit, jadi digit terakhir bisa hilang. Ketik ulang sebagai teks ({digits} digit). ID ditandai tidak andal.",
        "en": "{column} was typed as a number: Excel keeps only 15 digits, so the last digits may be lost. Retype it as text ({digits} digits). The ID is marked unreliable.",
    },
    "problem.id_scientific": {
        "id": "{column} tertulis dalam notasi ilmiah (mis. 1,23E+15): digitnya sudah hilang. Ketik ulang sebagai teks. ID ditandai tidak andal.",
        "en": "{column} is in scientific notation (e.g. 1.23E+15): its digits are lost. Retype it as text. The ID is marked unreliable.",
    },
    "problem.id_digits": {
        "id": "{column} seharusnya {digits} digit, tertulis {found} digit. ID ditandai tidak andal.",
        "en": "{column} should have {digits} digits, it has {found}. The ID is marked unreliable.",
    },
    "problem.id_not_digits": {
        "id": "{column} berisi karakter selain angka. ID ditandai tidak andal.",
        "en": "{column} holds characters other than digits. The ID is marked unreliable.",
    },
    "problem.nuptk_empty": {
        "id": "NUPTK kosong (biasa untuk guru honorer): baris disimpan, tetapi guru ini tidak dapat dihubungkan ke sheet Mengajar, Pelatihan dan Penilaian.",
        "en": "NUPTK is empty (common for honorary teachers): the row is kept, but this teacher cannot be linked to the Mengajar, Pelatihan and Penilaian sheets.",
    },
    "problem.bad_date": {
        "id": "{column} bukan tanggal yang dikenali; tulis sebagai dd/mm/yyyy.",
        "en": "{column} is not a recognised date; write it as dd/mm/yyyy.",
    },
    "problem.bad_number": {"id": "{column} bukan angka.", "en": "{column} is not a number."},
    "problem.bad_bool": {
        "id": "{column} harus Ya atau Tidak; nilai diabaikan.",
        "en": "{column} must be Ya (yes) or Tidak (no); the value was ignored.",
    },
    "problem.not_in_list": {
        "id": "{column} di luar daftar yang dikenal ({allowed}); nilai tetap disimpan.",
        "en": "{column} is not in the known list ({allowed}); the value was kept.",
    },
    "problem.required": {"id": "{column} wajib diisi.", "en": "{column} is required."},
    "problem.out_of_range": {
        "id": "{column} di luar rentang {min}–{max}.",
        "en": "{column} is outside the range {min}–{max}.",
    },
    # Cross-sheet
    "problem.duplicate_nuptk": {
        "id": "NUPTK ini sudah ada di baris {first_row}; baris ini ditolak.",
        "en": "This NUPTK already appears in row {first_row}; this row was rejected.",
    },
    "problem.unknown_teacher": {
        "id": "NUPTK ini tidak ada di sheet Guru; baris ditolak.",
        "en": "This NUPTK is not in the Guru sheet; the row was rejected.",
    },
    "problem.unknown_school": {
        "id": "NPSN ini tidak ada di sheet Sekolah.",
        "en": "This NPSN is not in the Sekolah sheet.",
    },
    "problem.no_scores": {
        "id": "Baris penilaian tanpa nilai: isi K1–K14 (PKG) atau skor empat kompetensi.",
        "en": "Assessment row without scores: fill in K1–K14 (PKG) or the four competency scores.",
    },
    "problem.ukg_extra_domain": {
        "id": "UKG hanya menguji pedagogik dan profesional; nilai {column} diabaikan.",
        "en": "UKG tests pedagogik and profesional only; the {column} value was ignored.",
    },
    "problem.end_before_start": {
        "id": "Tanggal Selesai sebelum Tanggal Mulai; baris ditolak.",
        "en": "Tanggal Selesai (end) is before Tanggal Mulai (start); the row was rejected.",
    },
    "problem.dropped_personal": {
        "id": "Kolom data pribadi {column} dibuang saat impor dan tidak disimpan.",
        "en": "Personal-data column {column} was dropped at import and not kept.",
    },
}
