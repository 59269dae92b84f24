"""Words of the number and date format (analysis/core/formatting.py) and the names of downloaded files, per language."""

STRINGS = {
    **{
        f"month.{i}": {"id": m_id, "en": m_en}
        for i, (m_id, m_en) in enumerate(
            zip(
                ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"),
                ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
            ),
            start=1,
        )
    },
}

# Names of downloaded files (without extension), so a download is named in the UI language.
_TABLE_FILES = {
    "komp_ukg_table": ("ukg_per_domain", "ukg_by_domain"),
    "temuan_matrix_table": ("kendala_per_penelitian", "obstacles_by_study"),
    "temuan_findings": ("temuan_dan_data", "findings_and_data"),
    "temuan_kendala_table": ("kendala_per_sekolah", "obstacles_by_school"),
    "profil_oof_list": ("guru_di_luar_bidang", "out_of_field_teachers"),
    "profil_untrained": ("guru_tanpa_pelatihan", "untrained_teachers"),
    "ringkasan_table": ("ringkasan_sekolah", "school_overview"),
    "ringkasan_priorities": ("prioritas_pelatihan", "training_priorities"),
    "dampak_answer": ("jawaban_dampak_pelatihan", "training_effect_answers"),
    "banding_table": ("bandingkan_sekolah", "school_comparison"),
    "banding_tests": ("uji_antarsekolah", "tests_between_schools"),
    "banding_pairwise": ("uji_berpasangan", "pairwise_tests"),
    "dampak_overall": ("dampak_pelatihan", "training_effect"),
    "dampak_did": ("selisih_dalam_selisih", "difference_in_differences"),
    "dampak_ancova": ("ancova", "ancova"),
    "dampak_by_tertile": ("dampak_per_skor_awal", "effect_by_baseline"),
    "dampak_by_type": ("dampak_per_jenis_pelatihan", "effect_by_training_type"),
    "dampak_by_jp": ("dampak_per_jp", "effect_by_jp"),
    "admin_users": ("pengguna", "users"),
    "admin_audit": ("log_audit", "audit_log"),
    "plan_needs_npsn": ("kebutuhan_jam_per_sekolah", "hours_needed_by_school"),
    "plan_needs_kecamatan": ("kebutuhan_jam_per_kecamatan", "hours_needed_by_kecamatan"),
    "plan_needs_district": ("kebutuhan_jam_kabupaten", "hours_needed_district"),
    "plan_moves": ("usulan_pemindahan_jam", "proposed_moves"),
    "plan_schools": ("hasil_per_sekolah", "result_by_school"),
    "plan_ranked": ("prioritas_pelatihan", "training_priorities"),
    "plan_by_school": ("kebutuhan_pelatihan_per_sekolah", "training_needs_by_school"),
    "plan_cohorts": ("kelompok_kkg_mgmp", "kkg_mgmp_cohorts"),
    "plan_overdue": ("tindak_lanjut_terlambat", "overdue_follow_ups"),
    "upload_sheets": ("ringkasan_sheet", "sheet_summary"),
    "upload_problems": ("masalah_data", "data_problems"),
    "peta_table": ("peta_sekolah", "school_map"),
    "guru_subjects": ("mata_pelajaran_guru", "teacher_subjects"),
    "guru_nilai": ("penilaian_guru", "teacher_assessments"),
    "guru_trainings": ("pelatihan_guru", "teacher_trainings"),
    "oof_jjm_table": ("jjm_per_guru", "jjm_by_teacher"),
    "oof_below_s1": ("guru_di_bawah_s1", "teachers_below_s1"),
    "oof_teachers": ("guru_di_luar_bidang", "out_of_field_teachers"),
    "oof_inferred": ("mapel_diperkirakan", "inferred_subjects"),
    "oof_missing": ("nama_belum_dikenal", "unknown_names"),
    "tik_needs": ("kebutuhan_pelatihan_tik", "ict_training_needs"),
    # tables of the sections shared by several pages: found by the name after the page prefix
    "kinerja_table": ("kinerja", "performance"),
    "kinerja_attention": ("kinerja_perlu_perhatian", "performance_needing_attention"),
    "trend_table": ("tren", "trends"),
}
STRINGS |= {f"filename.table.{key}": {"id": name_id, "en": name_en} for key, (name_id, name_en) in _TABLE_FILES.items()}
STRINGS |= {
    "filename.table": {"id": "tabel_{name}", "en": "table_{name}"},
    "filename.school_report": {"id": "laporan_sekolah_{npsn}", "en": "school_report_{npsn}"},
    "filename.district_report": {"id": "laporan_ringkasan", "en": "district_report"},
    "filename.deidentified": {"id": "data_deidentifikasi", "en": "deidentified_data"},
    "filename.plan": {"id": "rencana_{scope}", "en": "plan_{scope}"},
    "filename.scope.district": {"id": "kabupaten", "en": "district"},
    "filename.scope.all": {"id": "semua_sekolah", "en": "all_schools"},
    "filename.template": {"id": "template_kompetensi_guru", "en": "teacher_competency_template"},
    "filename.validation": {"id": "laporan_validasi_{name}", "en": "validation_report_{name}"},
    "filename.tik_needs": {"id": "kebutuhan_pelatihan_tik_{scope}", "en": "ict_training_needs_{scope}"},
    "app.as_of.placeholder": {"id": "hh/bb/tttt", "en": "dd/mm/yyyy"},
    "app.as_of.invalid": {
        "id": "Tanggal “{text}” tidak terbaca; tulis seperti 31/12/2024 atau 31 Desember 2024. Tanggal terbaru dalam data dipakai.",
        "en": "The date “{text}” cannot be read; write it like 31/12/2024 or 31 December 2024. The latest date in the data is used.",
    },
}
