"""Messages of the upload queue: waiting for a free slot and the phases of a long upload."""

STRINGS = {
    "upload.progress.start": {"id": "Membaca {file} …", "en": "Reading {file} …"},
    "upload.waiting": {
        "id": "Menunggu unggahan pengguna lain selesai ({seconds} detik) …; berkas dibaca dua sekaligus agar dasbor tetap cepat bagi semua.",
        "en": "Waiting for other users' uploads to finish ({seconds} s) …; files are read two at a time so the dashboard stays fast for everyone.",
    },
    "upload.phase.reading": {"id": "Membaca berkas …", "en": "Reading the file …"},
    "upload.phase.validating": {"id": "Memeriksa setiap baris …", "en": "Checking every row …"},
    "upload.phase.cross_checks": {"id": "Memeriksa antar-sheet …", "en": "Checking across sheets …"},
    "upload.phase.done": {"id": "Selesai dibaca: {file}", "en": "Read: {file}"},
}
