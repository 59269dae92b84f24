"""Closed value lists of the workbook format, each with its source (Dapodik, UU 14/2005, Permenpan-RB 16/2009, Permenpan-RB 6/2022, ...)."""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Closed value lists
# ---------------------------------------------------------------------------

#: Jenjang (Dapodik's "BP", bentuk pendidikan) of a school. Beside the schools and
#: madrasahs the dashboard analyses, a district school list scraped from Dapodik's
#: public pages carries early-childhood units (TK, KB, TPA, SPS), special schools
#: (SLB) and non-formal units (PKBM, SKB); they are kept so every row of such a
#: list is accepted. Dapodik files every special school as one SLB whatever its
#: levels, so SDLB / SMPLB / SMALB are read as SLB (value aliases below).
JENJANG_SEKOLAH = ("SD", "MI", "SMP", "MTs", "SMA", "MA", "SMK", "TK", "KB", "TPA", "SPS", "SLB", "PKBM", "SKB")
STATUS_SEKOLAH = ("Negeri", "Swasta")
NAUNGAN = ("Kemendikdasmen", "Kemenag")

JK = ("L", "P")
STATUS_KEPEGAWAIAN = (
    "PNS",
    "PNS Diperbantukan",
    "PNS Depag",
    "PPPK",
    "GTY/PTY",
    "GTT/PTT Provinsi",
    "GTT/PTT Kab/Kota",
    "Guru Bantu Pusat",
    "Guru Honor Sekolah",
    "Tenaga Honor Sekolah",
    "CPNS",
    "Lainnya",
)
#: Jenis PTK that are pendidik (teachers); the rest are tenaga kependidikan (UU 20/2003 Pasal 39; Dapodik's Jenis PTK).
JENIS_PTK_PENDIDIK = (
    "Guru Kelas",
    "Guru Mapel",
    "Guru BK",
    "Guru TIK",
    "Guru Inklusi",
    "Guru Pendamping",
    "Guru Magang",
    "Kepala Sekolah",
)
JENIS_PTK_TENDIK = (
    "Tenaga Administrasi Sekolah",
    "Tenaga Kependidikan",
    "Laboran",
    "Tenaga Perpustakaan",
    "Penjaga Sekolah",
    "Tukang Kebun",
    "Petugas Keamanan",
    "Lainnya",
)
JENIS_PTK = JENIS_PTK_PENDIDIK + JENIS_PTK_TENDIK
JENJANG_PENDIDIKAN = ("SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3")

JENIS_PELATIHAN = (
    "Diklat",
    "Bimtek",
    "Workshop",
    "Seminar",
    "IHT",
    "KKG",
    "MGMP",
    "PMM",
    "Kursus",
    "Penataran",
)
MODA = ("Luring", "Daring", "Kombinasi")
FOKUS = ("Pedagogik", "Kepribadian", "Sosial", "Profesional", "TIK")
PERAN = ("Peserta", "Pemateri", "Narasumber", "Panitia")
SUMBER_PENILAIAN = ("PKG", "Supervisi", "UKG", "Mandiri")

#: The four competencies of UU 14/2005 Pasal 10, in their usual order.
DOMAINS = ("pedagogik", "kepribadian", "sosial", "profesional")
#: PKG competencies K1–K14 grouped by domain (Permenpan-RB 16/2009; Pedoman PK Guru).
PKG_DOMAIN_ITEMS: dict[str, tuple[str, ...]] = {
    "pedagogik": tuple(f"k{i}" for i in range(1, 8)),
    "kepribadian": ("k8", "k9", "k10"),
    "sosial": ("k11", "k12"),
    "profesional": ("k13", "k14"),
}
PKG_ITEMS = tuple(f"k{i}" for i in range(1, 15))
#: The Guru BK / konselor instrument of the same PKG (Permenpan-RB 16/2009 and its
#: Pedoman PK Guru; the competencies of Permendiknas 27/2008 on konselor): 17
#: competencies, pedagogik K1–K3, kepribadian K4–K7, sosial K8–K10, profesional K11–K17.
PKG_ITEMS_BK = tuple(f"k{i}" for i in range(1, 18))
PKG_DOMAIN_ITEMS_BK: dict[str, tuple[str, ...]] = {
    "pedagogik": ("k1", "k2", "k3"),
    "kepribadian": ("k4", "k5", "k6", "k7"),
    "sosial": ("k8", "k9", "k10"),
    "profesional": tuple(f"k{i}" for i in range(11, 18)),
}
#: Jenis PTK whose PKG is the 17-competency Guru BK instrument.
JENIS_PTK_BK = "Guru BK"

#: Predikat kinerja of an ASN teacher in PMM "Pengelolaan Kinerja" (Ruang GTK since
#: 2025), best first (Permenpan-RB 6/2022; Perdirjen GTK 7607/B.B1/HK.03/2023).
PREDIKAT_KINERJA = ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang")
#: Rating of hasil kerja and of perilaku kerja (Permenpan-RB 6/2022), best first.
RATING_KINERJA = ("Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi")
#: Domains that UKG tests (pedagogik and profesional; UKG 2015, Kemendikbud).
UKG_DOMAINS = ("pedagogik", "profesional")

#: The six ICT skills self-rated 1–4, program key → (Indonesian label, English label).
ICT_SKILLS: dict[str, tuple[str, str]] = {
    "tik_laptop": ("Mengoperasikan laptop/komputer", "Operating a laptop/computer"),
    "tik_office": ("Aplikasi perkantoran (RPP, laporan)", "Office software (lesson plans, reports)"),
    "tik_lms": ("LMS / Google Classroom", "LMS / Google Classroom"),
    "tik_media": ("Membuat media pembelajaran digital", "Making digital learning media"),
    "tik_asesmen": ("Asesmen daring", "Online assessment"),
    "tik_kka": ("Koding dan AI (KKA)", "Coding and AI (KKA)"),
}
#: ICT mastery levels, 1–4.
ICT_LEVELS: dict[int, tuple[str, str]] = {
    1: ("Belum mampu", "Not yet able"),
    2: ("Dasar", "Basic"),
    3: ("Mahir", "Proficient"),
    4: ("Mampu mengajarkan", "Able to teach others"),
}

#: Obstacle categories coded from the field studies (issue 4, optional Kendala sheet).
KATEGORI_KENDALA = (
    "Sarana dan prasarana",
    "Waktu / jadwal bentrok",
    "Teknis (listrik, jaringan)",
    "Kemampuan TI",
    "Dana",
    "Motivasi",
    "Kesinambungan program",
    "Monitoring pascapelatihan",
    "Guru bukan bidangnya",
    "Kreativitas",
)
