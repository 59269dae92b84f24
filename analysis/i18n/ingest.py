"""Messages of reading and validating a file (problems in the validation report).

Cell-level messages name the sheet, the row as Excel shows it and the column header
as written (params ``sheet``, ``row``, ``column``, filled by ``analysis.ingest.validate.problem``).
"""

STRINGS = {
    "file.empty": {
        "id": "Berkas kosong: tidak ada data untuk dibaca.",
        "en": "The file is empty: there is no data to read.",
    },
    "file.not_workbook": {
        "id": "Berkas ini bukan buku kerja (.xlsx, .xls, .ods, XML Excel 2003) atau CSV yang dapat dibaca.",
        "en": "This file is not a readable workbook (.xlsx, .xls, .ods, Excel 2003 XML) or CSV.",
    },
    "file.encrypted": {
        "id": "Berkas terenkripsi (berkata sandi). Buka di Excel, hapus kata sandi (File > Info > Lindungi Buku Kerja), lalu simpan sebagai .xlsx.",
        "en": "The file is encrypted (password-protected). Open it in Excel, remove the password (File > Info > Protect Workbook) and save it as .xlsx.",
    },
    "file.zip_bomb": {
        "id": "Berkas ditolak sebelum dibaca: isinya mengembang menjadi sekitar {size_mb} MB, tidak wajar untuk data guru.",
        "en": "File refused before reading: its content expands to about {size_mb} MB, not plausible for teacher data.",
    },
    "file.too_large_range": {
        "id": "Berkas ditolak sebelum dibaca: sheet {sheet} memakai sel sampai {cell}, jauh melebihi ukuran data guru. Hapus sel kosong yang terisi format lalu simpan ulang.",
        "en": "File refused before reading: sheet {sheet} uses cells up to {cell}, far beyond any teacher data. Delete the formatted empty cells and save again.",
    },
    "file.text_too_long": {
        "id": "Berkas ditolak sebelum dibaca: bagian {sheet} berisi teks lebih dari {chars} karakter dalam satu sel, melebihi batas Excel sendiri.",
        "en": "File refused before reading: part {sheet} holds more than {chars} characters of text in one cell, beyond Excel's own limit.",
    },
    "file.too_many_parts": {
        "id": "Berkas ditolak sebelum dibaca: arsipnya berisi {count} bagian, lebih dari {max}; buku kerja biasa berisi puluhan. Buka di Excel lalu simpan ulang sebagai .xlsx.",
        "en": "File refused before reading: its archive holds {count} parts, more than {max}; an ordinary workbook holds tens. Open it in Excel and save it again as .xlsx.",
    },
    "file.too_big": {
        "id": "Berkas ditolak: ukurannya {size_mb} MB, lebih dari batas {max_mb} MB untuk CSV dan XML. Pisahkan datanya atau simpan sebagai .xlsx.",
        "en": "File refused: it is {size_mb} MB, more than the {max_mb} MB limit for CSV and XML. Split the data or save it as .xlsx.",
    },
    "file.bad_encoding": {
        "id": "Berkas teks ini tampak berpengodean {encoding}, tetapi isinya tidak dapat dibaca dalam pengodean itu. Simpan ulang sebagai CSV UTF-8.",
        "en": "This text file looks {encoding}-encoded, but its content does not decode as {encoding}. Save it again as CSV UTF-8.",
    },
    "file.too_demanding": {
        "id": "Berkas ditolak: membacanya memerlukan lebih dari {memory_gb} GB memori atau {seconds} detik, tidak wajar untuk data guru. Buka di Excel, hapus sel dan teks yang tidak perlu, lalu simpan ulang.",
        "en": "File refused: reading it needs more than {memory_gb} GB of memory or {seconds} seconds, not plausible for teacher data. Open it in Excel, delete unneeded cells and text, and save again.",
    },
    "file.unsupported_type": {
        "id": "Jenis berkas {suffix} tidak didukung. Unggah .xlsx, .xls, .ods atau .csv.",
        "en": "File type {suffix} is not supported. Upload .xlsx, .xls, .ods or .csv.",
    },
    "file.corrupt": {
        "id": "Berkas rusak dan tidak dapat dibaca ({detail}).",
        "en": "The file is damaged and cannot be read ({detail}).",
    },
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
    "problem.unknown_sheet": {
        "id": "Sheet {sheet} tidak dikenali dan diabaikan.",
        "en": "Sheet {sheet} is not recognised and was ignored.",
    },
    "problem.no_header": {
        "id": "Baris judul kolom tidak ditemukan di sheet {sheet}; sheet ini diabaikan.",
        "en": "No header row was found in sheet {sheet}; the sheet was ignored.",
    },
    "problem.missing_sheet": {
        "id": "Sheet wajib {missing} tidak ada di berkas ini; tanpa sheet {missing} tidak ada guru yang dapat dibaca.",
        "en": "The required sheet {missing} is missing from this file; without a {missing} sheet no teacher can be read.",
    },
    "problem.duplicate_sheet_name": {
        "id": "Nama sheet {sheet} dipakai {n} kali di berkas ini; sheet yang berikutnya dilaporkan sebagai {label}.",
        "en": "The sheet name {sheet} is used {n} times in this file; the later sheet is reported as {label}.",
    },
    "problem.duplicate_nuptk_sheet": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: NUPTK ini sudah ada di sheet {first_sheet}, baris {first_row}; baris ini ditolak.",
        "en": "Sheet {sheet}, row {row}, column {column}: This NUPTK already appears in sheet {first_sheet}, row {first_row}; this row was rejected.",
    },
    "problem.control_chars": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: sel berisi {count} karakter kendali tak terlihat (bukan teks); karakter itu dihapus.",
        "en": "Sheet {sheet}, row {row}, column {column}: the cell held {count} invisible control character(s) (not text); they were removed.",
    },
    "problem.missing_column": {
        "id": "Sheet {sheet}: kolom wajib {column} tidak ada; semua baris sheet ini ditolak.",
        "en": "Sheet {sheet}: the required column {column} is missing; every row of this sheet was rejected.",
    },
    "problem.id_as_number": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: {column} diketik sebagai angka: Excel hanya menyimpan 15 digit, jadi digit terakhir bisa hilang. Ketik ulang sebagai teks ({digits} digit). ID ditandai tidak andal.",
        "en": "Sheet {sheet}, row {row}, column {column}: {column} was typed as a number: Excel keeps only 15 digits, so the last digits may be lost. Retype it as text ({digits} digits). The ID is marked unreliable.",
    },
    "problem.id_scientific": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: {column} tertulis dalam notasi ilmiah (mis. 1,23E+15): digitnya sudah hilang. Ketik ulang sebagai teks. ID ditandai tidak andal.",
        "en": "Sheet {sheet}, row {row}, column {column}: {column} is in scientific notation (e.g. 1.23E+15): its digits are lost. Retype it as text. The ID is marked unreliable.",
    },
    "problem.id_digits": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: {column} seharusnya {digits} digit, tertulis {found} digit. ID ditandai tidak andal.",
        "en": "Sheet {sheet}, row {row}, column {column}: {column} should have {digits} digits, it has {found}. The ID is marked unreliable.",
    },
    "problem.id_not_digits": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: {column} berisi karakter selain angka. ID ditandai tidak andal.",
        "en": "Sheet {sheet}, row {row}, column {column}: {column} holds characters other than digits. The ID is marked unreliable.",
    },
    "problem.id_normalised": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: {column} ditulis dengan angka selain 0–9 biasa (mis. angka Arab ٣ atau lebar penuh ３); dibaca sebagai {normalised}.",
        "en": "Sheet {sheet}, row {row}, column {column}: {column} was written with digits other than plain 0–9 (e.g. Arabic-Indic ٣ or full-width ３); read as {normalised}.",
    },
    "problem.nuptk_empty": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: NUPTK kosong (biasa untuk guru honorer): baris disimpan, tetapi guru ini tidak dapat dihubungkan ke sheet Mengajar, Pelatihan dan Penilaian.",
        "en": "Sheet {sheet}, row {row}, column {column}: NUPTK is empty (common for honorary teachers): the row is kept, but this teacher cannot be linked to the Mengajar, Pelatihan and Penilaian sheets.",
    },
    "problem.bad_date": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: {column} bukan tanggal yang dikenali; tulis sebagai dd/mm/yyyy.",
        "en": "Sheet {sheet}, row {row}, column {column}: {column} is not a recognised date; write it as dd/mm/yyyy.",
    },
    "problem.bad_number": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: {column} bukan angka.",
        "en": "Sheet {sheet}, row {row}, column {column}: {column} is not a number.",
    },
    "problem.bad_bool": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: {column} harus Ya atau Tidak; nilai diabaikan.",
        "en": "Sheet {sheet}, row {row}, column {column}: {column} must be Ya (yes) or Tidak (no); the value was ignored.",
    },
    "problem.not_in_list": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: {column} di luar daftar yang dikenal ({allowed}); nilai tetap disimpan.",
        "en": "Sheet {sheet}, row {row}, column {column}: {column} is not in the known list ({allowed}); the value was kept.",
    },
    "problem.required": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: {column} wajib diisi.",
        "en": "Sheet {sheet}, row {row}, column {column}: {column} is required.",
    },
    "problem.out_of_range": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: {column} di luar rentang {min}–{max}.",
        "en": "Sheet {sheet}, row {row}, column {column}: {column} is outside the range {min}–{max}.",
    },
    "problem.duplicate_nuptk": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: NUPTK ini sudah ada di baris {first_row}; baris ini ditolak.",
        "en": "Sheet {sheet}, row {row}, column {column}: This NUPTK already appears in row {first_row}; this row was rejected.",
    },
    "problem.unknown_teacher": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: NUPTK ini tidak ada di sheet Guru; baris ditolak.",
        "en": "Sheet {sheet}, row {row}, column {column}: This NUPTK is not in the Guru sheet; the row was rejected.",
    },
    "problem.unknown_school": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: NPSN ini tidak ada di sheet Sekolah.",
        "en": "Sheet {sheet}, row {row}, column {column}: This NPSN is not in the Sekolah sheet.",
    },
    "problem.no_scores": {
        "id": "Sheet {sheet}, baris {row}: Baris penilaian tanpa nilai: isi K1–K14 (PKG) atau skor empat kompetensi.",
        "en": "Sheet {sheet}, row {row}: Assessment row without scores: fill in K1–K14 (PKG) or the four competency scores.",
    },
    "problem.ukg_extra_domain": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: UKG hanya menguji pedagogik dan profesional; nilai ini diabaikan.",
        "en": "Sheet {sheet}, row {row}, column {column}: UKG tests pedagogik and profesional only; this value was ignored.",
    },
    "problem.end_before_start": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: Tanggal Selesai sebelum Tanggal Mulai; baris ditolak.",
        "en": "Sheet {sheet}, row {row}, column {column}: Tanggal Selesai (end) is before Tanggal Mulai (start); the row was rejected.",
    },
    "problem.dropped_personal": {
        "id": "Kolom data pribadi {column} dibuang saat impor dan tidak disimpan.",
        "en": "Personal-data column {column} was dropped at import and not kept.",
    },
    "problem.example_rows": {
        "id": "{n} baris contoh dari templat (NPSN 99999999 atau NUPTK 9999999999999999) tidak dibaca sebagai data: baris {rows}. Timpa atau hapus baris contoh.",
        "en": "{n} example row(s) of the template (NPSN 99999999 or NUPTK 9999999999999999) not read as data: row(s) {rows}. Type over or delete the example rows.",
    },
    "problem.row_missing_column": {
        "id": "Sheet {sheet}, baris {row}: ditolak karena kolom wajib {column} tidak ada di sheet ini.",
        "en": "Sheet {sheet}, row {row}: rejected because the required column {column} is missing from this sheet.",
    },
    "problem.check_failed": {
        "id": "Sheet {sheet}, baris {row}, kolom {column}: nilai tidak lolos pemeriksaan {check}.",
        "en": "Sheet {sheet}, row {row}, column {column}: the value failed the check {check}.",
    },
    "file.workbook_empty": {
        "id": "Buku kerja tidak berisi data: semua sheet kosong.",
        "en": "The workbook holds no data: every sheet is empty.",
    },
    # The downloadable report and the command line
    "report.sheet.summary": {"id": "Ringkasan", "en": "Summary"},
    "report.sheet.problems": {"id": "Masalah", "en": "Problems"},
    "report.file": {"id": "Berkas", "en": "File"},
    "report.layout": {"id": "Format", "en": "Layout"},
    "report.status": {"id": "Hasil", "en": "Result"},
    "report.status.ok": {"id": "Semua baris diterima.", "en": "Every row was accepted."},
    "report.status.rejected": {"id": "Sebagian baris ditolak; lihat sheet Masalah.", "en": "Some rows were rejected; see the Problems sheet."},
    "report.status.unreadable": {"id": "Berkas tidak dapat dibaca.", "en": "The file cannot be read."},
    "report.col.sheet": {"id": "Sheet", "en": "Sheet"},
    "report.col.table": {"id": "Tabel", "en": "Table"},
    "report.col.rows_read": {"id": "Baris dibaca", "en": "Rows read"},
    "report.col.rows_accepted": {"id": "Diterima", "en": "Accepted"},
    "report.col.rows_rejected": {"id": "Ditolak", "en": "Rejected"},
    "report.col.rows_blank": {"id": "Kosong / total", "en": "Blank / total"},
    "report.col.row": {"id": "Baris", "en": "Row"},
    "report.col.column": {"id": "Kolom", "en": "Column"},
    "report.col.value": {"id": "Nilai", "en": "Value"},
    "report.col.severity": {"id": "Tingkat", "en": "Severity"},
    "report.col.message": {"id": "Pesan", "en": "Message"},
    "report.severity.error": {"id": "Galat (baris ditolak)", "en": "Error (row rejected)"},
    "report.severity.warning": {"id": "Peringatan (baris disimpan)", "en": "Warning (row kept)"},
    "report.dropped": {"id": "Kolom data pribadi yang dibuang saat impor", "en": "Personal-data columns dropped at import"},
    "report.dropped.none": {"id": "Tidak ada.", "en": "None."},
    "report.problems": {"id": "Masalah ({n})", "en": "Problems ({n})"},
    "report.problems.none": {"id": "Tidak ada masalah.", "en": "No problems."},
    "cli.sheets": {"id": "Sheet", "en": "Sheets"},
    "cli.counts": {
        "id": "{sheet} → {table}: {rows_read} dibaca, {rows_accepted} diterima, {rows_rejected} ditolak, {rows_blank} kosong/total",
        "en": "{sheet} → {table}: {rows_read} read, {rows_accepted} accepted, {rows_rejected} rejected, {rows_blank} blank/total",
    },
    "file.cannot_open": {"id": "Berkas tidak dapat dibuka ({detail}).", "en": "The file cannot be opened ({detail})."},
}
