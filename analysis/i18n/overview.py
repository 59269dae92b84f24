"""Headline figures (cards) shared by the overview, the school page and the reports."""

STRINGS = {
    "metric.schools": {"id": "Sekolah", "en": "Schools"},
    "metric.schools.help": {"id": "Jumlah sekolah dalam data.", "en": "Schools in the data."},
    "metric.teachers": {"id": "Pendidik", "en": "Teachers"},
    "metric.teachers.help": {
        "id": "Pendidik (guru dan kepala sekolah), tanpa tenaga kependidikan.",
        "en": "Teachers (pendidik, school head included), support staff not counted.",
    },
    "metric.staff": {"id": "Tenaga kependidikan", "en": "Support staff"},
    "metric.staff.help": {
        "id": "Tenaga administrasi, perpustakaan, laboran dan lainnya.",
        "en": "Administration, library, laboratory and other support staff.",
    },
    "metric.certified_share": {"id": "Bersertifikat pendidik", "en": "Certified"},
    "metric.certified_share.help": {
        "id": "Persentase pendidik yang memiliki sertifikat pendidik (sertifikasi).",
        "en": "Share of teachers holding a teaching certificate (sertifikasi).",
    },
    "metric.out_of_field_share": {"id": "Di luar bidang", "en": "Out of field"},
    "metric.out_of_field_share.help": {
        "id": "Persentase guru yang mengajar sedikitnya satu mata pelajaran tidak linier, dari guru yang dapat dinilai.",
        "en": "Share of teachers teaching at least one subject out of field, among teachers who can be judged.",
    },
    "metric.ict_below_target_share": {"id": "Di bawah target TIK", "en": "Below ICT target"},
    "metric.ict_below_target_share.help": {
        "id": "Rata-rata, atas enam keterampilan TIK, persentase pendidik di bawah level {target}.",
        "en": "Average over the six ICT skills of the share of teachers below level {target}.",
    },
    "metric.trained_share": {"id": "Ikut pelatihan 12 bln", "en": "Trained, last 12 months"},
    "metric.trained_share.help": {
        "id": "Persentase pendidik yang mengikuti sedikitnya satu pelatihan dalam 12 bulan terakhir.",
        "en": "Share of teachers with at least one training in the last 12 months.",
    },
    "metric.domain_mean_pedagogik": {"id": "Pedagogik", "en": "Pedagogical"},
    "metric.domain_mean_pedagogik.help": {
        "id": "Rata-rata skor pedagogik (0–100), penilaian terakhir per guru.",
        "en": "Mean pedagogik score (0–100), latest assessment per teacher.",
    },
    "metric.domain_mean_kepribadian": {"id": "Kepribadian", "en": "Personal"},
    "metric.domain_mean_kepribadian.help": {
        "id": "Rata-rata skor kepribadian (0–100), penilaian terakhir per guru.",
        "en": "Mean kepribadian (personal) score (0–100), latest assessment per teacher.",
    },
    "metric.domain_mean_sosial": {"id": "Sosial", "en": "Social"},
    "metric.domain_mean_sosial.help": {
        "id": "Rata-rata skor sosial (0–100), penilaian terakhir per guru.",
        "en": "Mean sosial (social) score (0–100), latest assessment per teacher.",
    },
    "metric.domain_mean_profesional": {"id": "Profesional", "en": "Professional"},
    "metric.domain_mean_profesional.help": {
        "id": "Rata-rata skor profesional (0–100), penilaian terakhir per guru.",
        "en": "Mean profesional score (0–100), latest assessment per teacher.",
    },
    "chart.age_band": {"id": "{band} th", "en": "{band} yrs"},
    "profil.ict_target": {"id": "Target level TIK", "en": "ICT target level"},
    "profil.ict_target.help": {"id": "Level penguasaan TIK yang dianggap cukup (1–4).", "en": "The ICT mastery level counted as enough (1–4)."},
}
