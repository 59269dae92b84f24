"""Strings of the shared store (analysis.store) and its command line."""

STRINGS = {
    "store.result.stored": {
        "id": "{file}: disimpan sebagai kiriman #{id} (NPSN {npsn}; {rejected} baris ditolak)",
        "en": "{file}: stored as submission #{id} (NPSN {npsn}; {rejected} rows rejected)",
    },
    "store.result.duplicate": {
        "id": "{file}: sudah tersimpan sebagai kiriman #{id} (NPSN {npsn}), tidak disimpan lagi",
        "en": "{file}: already stored as submission #{id} (NPSN {npsn}), not stored again",
    },
    "store.result.refused": {"id": "{file}: ditolak: {reason}", "en": "{file}: refused: {reason}"},
    "store.refused.role": {"id": "akun dengan peran {role} tidak dapat mengunggah data", "en": "an account with the role {role} cannot upload data"},
    "store.refused.unreadable": {"id": "berkas tidak dapat dibaca ({detail})", "en": "the file cannot be read ({detail})"},
    "store.refused.no_school": {
        "id": "berkas tidak memuat NPSN sekolah (isi sheet Sekolah, atau berikan --npsn untuk ekspor Dapodik)",
        "en": "the file names no school NPSN (fill the Sekolah sheet, or give --npsn for a Dapodik export)",
    },
    "store.refused.not_your_school": {"id": "NPSN {npsn} bukan sekolah dalam cakupan akun ini", "en": "NPSN {npsn} is not a school this account covers"},
    "store.refused.internal": {"id": "penyimpanan gagal, tidak ada yang tersimpan ({detail})", "en": "storing failed, nothing was stored ({detail})"},
    "store.cli.no_user": {"id": "Tidak ada akun bernama {name}", "en": "No account named {name}"},
    "store.cli.denied": {"id": "Akses ditolak: {detail}", "en": "Access denied: {detail}"},
    "store.cli.user_added": {"id": "Akun {name} ({role}) dibuat", "en": "Account {name} ({role}) created"},
    "store.cli.user_disabled": {"id": "Akun {name} dinonaktifkan", "en": "Account {name} disabled"},
    "store.cli.needs_as": {"id": "--db memerlukan --as NAMA (akun yang cakupannya dipakai)", "en": "--db needs --as NAME (the account whose scope applies)"},
    "store.cli.needs_file": {"id": "Berikan FILE, atau --db untuk membaca data tersimpan", "en": "Give FILE, or --db to read the stored data"},
}
