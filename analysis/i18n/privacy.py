"""Strings of the privacy safeguards: pseudonym key notice, small-cell suppression, the research export's README."""

STRINGS: dict[str, dict[str, str]] = {
    "privacy.codes_unprotected": {
        "id": "Kode samaran guru dibuat dengan kunci demo yang dipublikasikan: kode ini TIDAK melindungi identitas guru. Atur DASBOR_PSEUDONYM_KEY untuk data sungguhan.",
        "en": "Teachers' pseudonymous codes are made with the published demo key: these codes do NOT protect teachers' identities. Set DASBOR_PSEUDONYM_KEY for real data.",
    },
    "privacy.banding.suppressed": {
        "id": 'Peran peneliti: angka sekolah dengan kurang dari {min} guru ditampilkan sebagai "<{min}" dan tidak digambar ({schools}).',
        "en": 'Researcher role: figures of schools with fewer than {min} teachers show as "<{min}" and are not charted ({schools}).',
    },
    "privacy.readme.sheet": {"id": "README", "en": "README"},
    "privacy.readme.title": {"id": "Data ter-de-identifikasi untuk penelitian", "en": "De-identified data for research"},
    "privacy.readme.k": {
        "id": "k-anonimitas: setiap kombinasi {qi} pada sheet guru muncul pada sedikitnya k = {k} baris (data asal: k = {before}; berkas ini: k = {after}).",
        "en": "k-anonymity: every combination of {qi} in the guru sheet occurs in at least k = {k} rows (source data: k = {before}; this file: k = {after}).",
    },
    "privacy.readme.generalised": {"id": "Generalisasi yang diterapkan: {steps}.", "en": "Generalisations applied: {steps}."},
    "privacy.readme.generalised.none": {"id": "Tidak ada generalisasi yang diperlukan.", "en": "No generalisation was needed."},
    "privacy.gen.age_band_20y": {"id": "kelompok usia → di bawah 40 / 40 ke atas", "en": "age band → under 40 / 40 and over"},
    "privacy.gen.status_asn": {"id": "status kepegawaian → ASN (PNS, CPNS, PPPK) / Non-ASN", "en": "employment status → ASN (PNS, CPNS, PPPK) / Non-ASN"},
    "privacy.gen.jenis_ptk_group": {"id": "jenis PTK → Pendidik / Tenaga Kependidikan", "en": "jenis PTK → Pendidik / Tenaga Kependidikan"},
    "privacy.readme.heads": {
        "id": 'Kepala sekolah dan semua jenis guru digabung menjadi jenis PTK "Pendidik": satu sekolah hanya punya satu kepala sekolah, sehingga kategorinya sendiri akan mengenalinya.',
        "en": 'The school head and every kind of teacher are folded into jenis PTK "Pendidik": a school has one head, so the head\'s own category would single the head out.',
    },
    "privacy.readme.blanked": {
        "id": '{n} dari {rows} baris guru: sebagian kuasi-identifier dikosongkan menjadi "*" ({detail}).',
        "en": '{n} of {rows} guru rows: some quasi-identifiers blanked to "*" ({detail}).',
    },
    "privacy.readme.dropped": {
        "id": "{n} baris guru dihapus karena tetap unik setelah semua kuasi-identifier dikosongkan; baris mengajar, pelatihan dan penilaiannya ikut dihapus.",
        "en": "{n} guru rows left out because they stayed unique with every quasi-identifier blanked; their mengajar, pelatihan and penilaian rows are left out too.",
    },
    "privacy.readme.cells": {
        "id": 'Sheet {sheet}: jumlah guru per sekolah; sel di bawah {min} guru ditampilkan sebagai "<{min}", dan bila satu sel di satu baris atau kolom disembunyikan, sel terkecil berikutnya ikut disembunyikan agar tidak dapat dihitung dari jumlahnya.',
        "en": 'Sheet {sheet}: teachers per school; cells under {min} teachers show as "<{min}", and where one cell of a row or column is hidden the next smallest is hidden too, so it cannot be worked out from the total.',
    },
    "privacy.readme.codes": {
        "id": "Kode guru (kolom kode) dibuat dengan HMAC-SHA256 dan kunci rahasia instalasi: tanpa kunci itu kode tidak dapat dihitung dari NUPTK.",
        "en": "Teacher codes (column kode) are HMAC-SHA256 under the installation's secret key: without that key a code cannot be computed from a NUPTK.",
    },
    "privacy.sheet.counts": {"id": "jumlah_sekolah", "en": "school_counts"},
    "privacy.col.asn": {"id": "ASN", "en": "ASN"},
    "privacy.col.non_asn": {"id": "Non-ASN", "en": "Non-ASN"},
    "privacy.col.total": {"id": "jumlah", "en": "total"},
}
