"""Strings of the reference-table name matching (:func:`analysis.reference.subjects.unmatched_names`)."""

STRINGS = {
    "problem.unknown_subject_name": {
        "id": 'Sheet {sheet}, kolom {column}: mata pelajaran "{name}" tidak ada di tabel rujukan mata_pelajaran.csv '
        "({count} baris guru × mata pelajaran); linieritasnya tidak diketahui. Bila ini nama lain dari mata pelajaran yang ada, "
        "tambahkan sebagai alias.",
        "en": 'Sheet {sheet}, column {column}: subject "{name}" is not in the reference table mata_pelajaran.csv '
        "({count} teacher × subject rows); its linieritas is unknown. If it is another name of a listed subject, add it as an alias.",
    },
    "problem.unknown_programme_name": {
        "id": 'Sheet {sheet}, kolom {column}: jurusan/prodi "{name}" tidak ada di tabel rujukan prodi_mapel.csv maupun '
        "prodi_alias.csv ({count} guru tanpa sertifikasi); linieritas mereka tidak diketahui.",
        "en": 'Sheet {sheet}, column {column}: study programme "{name}" is in neither prodi_mapel.csv nor prodi_alias.csv '
        "({count} uncertified teachers); their linieritas is unknown.",
    },
    "problem.unknown_certificate_name": {
        "id": 'Sheet {sheet}, kolom {column}: bidang sertifikasi "{name}" tidak dikenali sebagai mata pelajaran maupun '
        "jurusan/prodi di tabel rujukan ({count} guru bersertifikat); linieritas mereka tidak diketahui.",
        "en": 'Sheet {sheet}, column {column}: certificate field "{name}" is recognised neither as a subject nor as a study '
        "programme of the reference tables ({count} certified teachers); their linieritas is unknown.",
    },
}
